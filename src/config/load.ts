import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAME, parseConfigFile } from './file.js';
import { defaultOptions, OptionsError, type Options, type Settings } from './options.js';

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
 */
export async function loadOptions(request: LoadRequest): Promise<Loaded> {
  const { file, text } = await readConfig(request);
  const fromFile = text === null || file === null ? {} : parseConfigFile(text, shownPath(request.cwd, file), file);
  const options: Options = {
    ...defaultOptions(request.root),
    ...definedOnly(fromFile),
    ...definedOnly(request.overrides),
    root: request.root,
    paths: request.paths,
    changed: request.changed,
  };
  return { options, configFile: text === null ? null : file };
}

async function readConfig(request: LoadRequest): Promise<{ file: string | null; text: string | null }> {
  const file = request.config?.file ?? path.join(request.root, CONFIG_FILE_NAME);
  try {
    return { file, text: await readFile(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (request.config === null && code === 'ENOENT') return { file: null, text: null };
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    const setting = request.config?.setting ?? 'configuration file';
    throw new OptionsError(`${setting}: cannot read ${shownPath(request.cwd, file)}: ${why}`);
  }
}

/** A path as the user would type it: relative to their directory when inside it. */
export function shownPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

/** `{...a, ...b}` lets an explicit `undefined` in b erase a's value; drop those keys first. */
function definedOnly(settings: Settings): Settings {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as Settings;
}
