import path from 'node:path';
import { CONFIG_FILE_NAME, parseConfigFile } from './file.js';
import { defaultOptions, OptionsError, type Options, type Settings } from './options.js';
import { containmentProblem, exists, isInside, MAX_CONFIG_BYTES, readSettingFile } from './setting-files.js';

export interface ConfigFileChoice {
  /** Absolute path of the file named by the user. */
  file: string;
  /** The flag or input that named it (`--config`, `input config`), for messages. */
  setting: string;
}

export interface LoadRequest {
  /** Absolute scan root. */
  root: string;
  /** Paths to scan, relative to root. */
  paths: string[];
  /** A configuration file the user named; null = `.relaygate.yml` at the root, if present. */
  config: ConfigFileChoice | null;
  /** Settings from CLI flags or action inputs: they override the file's. */
  overrides: Settings;
  /** Pull-request scope, relative to root; null = every file. */
  changed: string[] | null;
  /** Base for the file names shown in messages (the user's current directory). */
  cwd: string;
}

export interface Loaded {
  options: Options;
  /** The configuration file that was read (absolute), or null. */
  configFile: string | null;
}

/**
 * Builds the one Options value from its three layers: built-in defaults,
 * then the configuration file, then flags or inputs. A file the user named
 * must exist; the default file is optional.
 *
 * A configuration file inside the scan root is the repository's (a pull
 * request may change it): it may not lead out of the root, and the `vars`
 * and `baseline` files it names must be inside the root too
 * (src/config/setting-files.ts). Flags and inputs are the user's own.
 */
export async function loadOptions(request: LoadRequest): Promise<Loaded> {
  const config = await readConfig(request);
  let fromFile: Settings = {};
  if (config !== null) {
    const shown = shownPath(request.cwd, config.file);
    fromFile = parseConfigFile(config.text, shown, config.file);
    if (config.repository) await confine(request, fromFile, shown);
  }
  const options: Options = {
    ...defaultOptions(request.root),
    ...definedOnly(fromFile),
    ...definedOnly(request.overrides),
    root: request.root,
    paths: request.paths,
    changed: request.changed,
    configFile: config === null ? null : config.file,
  };
  return { options, configFile: config === null ? null : config.file };
}

interface ConfigText {
  file: string;
  text: string;
  /** The file is inside the scan root: repository content. */
  repository: boolean;
}

async function readConfig(request: LoadRequest): Promise<ConfigText | null> {
  const file = request.config?.file ?? path.join(request.root, CONFIG_FILE_NAME);
  const setting = request.config?.setting ?? 'configuration file';
  const shown = shownPath(request.cwd, file);
  // Only nothing at all at the path means "no file": a dangling link is refused below.
  if (request.config === null && !(await exists(file))) return null;
  const repository = isInside(request.root, file);
  if (repository) {
    const problem = await containmentProblem(request.root, file);
    if (problem !== null) throw new OptionsError(`${setting}: ${shown} ${problem}`);
  }
  const text = await readSettingFile({ setting, file, shown, limit: MAX_CONFIG_BYTES, kind: 'configuration files' }, repository);
  return { file, text, repository };
}

/** The `vars` and `baseline` files a repository's configuration file names must stay inside the scan root. */
async function confine(request: LoadRequest, settings: Settings, configShown: string): Promise<void> {
  const named: [string, string][] = [
    ...(settings.vars ?? []).map((file): [string, string] => ['vars', file]),
    ...(settings.baseline ? [['baseline', settings.baseline] as [string, string]] : []),
  ];
  for (const [key, file] of named) {
    // A flag or input for the same setting replaces the file's list: what it replaces is never read.
    if (request.overrides[key as 'vars' | 'baseline'] !== undefined) continue;
    const problem = await containmentProblem(request.root, file);
    if (problem === null) continue;
    throw new OptionsError(
      `${configShown}: ${key}: ${shownPath(request.cwd, file)} ${problem}; a file named in ${configShown} must be inside the scan root ` +
        `(give it with --${key} or the action's ${key} input instead)`,
    );
  }
}

/** A path as the user would type it: relative to their directory when inside it. */
export function shownPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

/** `{...a, ...b}` lets an explicit `undefined` in b erase a's value; drop those keys first. */
function definedOnly(settings: Settings): Settings {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
}
