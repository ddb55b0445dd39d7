import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HELP_HINT, parseCliArgs, UsageError } from '../config/cli-args.js';
import { optionsForBase } from '../config/base-options.js';
import type { BaseConfiguration } from '../model/inputs.js';
import { loadOptions, shownPath } from '../config/load.js';
import { repositoryPrefix } from '../discover/git-files.js';
import { OptionsError, type Options, type Settings } from '../config/options.js';
import { MAX_CHANGED_BYTES, readSettingFile } from '../config/setting-files.js';
import { render } from '../report/index.js';
import { visible } from '../report/escape.js';
import { buildReport } from '../report/json.js';
import { levelCounts, plural } from '../report/text.js';
import { scan, type ScanResult } from '../scan.js';
import { VERSION } from '../version.js';
import { HELP } from './help.js';
import { internalErrorText, wantsDebug } from './internal-error.js';

export const EXIT_PASS = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export type ScanFn = (options: Options) => Promise<ScanResult>;

/**
 * `relaygate [options] [path...]`: returns the exit status (DESIGN.md "CLI").
 * 2 for bad usage or configuration (one line naming the flag or file) and for
 * an internal error (one line; the stack only with --debug or RUNNER_DEBUG=1).
 */
export async function runCli(argv: readonly string[], io: CliIo, engine: ScanFn = scan): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout(HELP);
      return EXIT_PASS;
    }
    if (args.version) {
      io.stdout(`relaygate ${VERSION}\n`);
      return EXIT_PASS;
    }

    const { root, paths } = await scanTarget(args.paths, io.cwd);
    const changed = args.changed === null ? null : await readChanged(args.changed, io.cwd, root);
    const { options } = await loadOptions({
      root,
      paths,
      config: args.config === null ? null : { file: path.resolve(io.cwd, args.config), setting: '--config' },
      overrides: relativeToCwd(args.settings, io.cwd),
      changed,
      cwd: io.cwd,
    });

    const base = args.base === null ? null : await baseConfigurations(args.base, options, io.cwd, engine);
    const result = await engine(base === null ? options : { ...options, base });
    for (const note of result.notes) io.stderr(`relaygate: note: ${visible(note)}\n`);
    const report = buildReport(result, options.failOn);
    // SARIF paths are relative to the repository's top level, wherever the scan root is in it.
    const text = render(args.format, report, args.format === 'sarif' ? { sarif: { root: (await repositoryPrefix(root)) ?? '' } } : {});
    if (args.output === null) {
      io.stdout(text);
    } else {
      const file = path.resolve(io.cwd, args.output);
      await writeOutput(file, text, shownPath(io.cwd, file));
      const s = report.summary;
      io.stderr(
        `relaygate: ${s.result}: ${plural(s.findings, 'finding')} (${levelCounts(s.byLevel)}); ` +
          `${args.format} report written to ${visible(shownPath(io.cwd, file))}\n`,
      );
    }
    return report.summary.result === 'fail' ? EXIT_FINDINGS : EXIT_PASS;
  } catch (e) {
    if (e instanceof OptionsError) {
      io.stderr(`relaygate: ${visible(e.message)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(internalErrorText(e, wantsDebug(argv, io.env)));
    return EXIT_USAGE;
  }
}

/**
 * The scan root and the paths under it. One directory is the root itself, so
 * `relaygate examples` reports `open-relay/postfix/main.cf`. A file, or
 * several paths, are scanned under the current directory as root.
 */
export async function scanTarget(given: readonly string[], cwd: string): Promise<{ root: string; paths: string[] }> {
  if (given.length === 0) return { root: cwd, paths: ['.'] };
  const kinds = await Promise.all(given.map((p) => kindOf(path.resolve(cwd, p), p)));
  if (given.length === 1 && kinds[0] === 'directory') return { root: path.resolve(cwd, given[0]!), paths: ['.'] };
  const paths = given.map((p) => {
    const rel = path.relative(cwd, path.resolve(cwd, p));
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new OptionsError(
        `path "${p}" is outside the current directory, which is the scan root when a file or several paths are given; run relaygate from a directory that contains it`,
      );
    }
    return rel === '' ? '.' : rel.split(path.sep).join('/');
  });
  return { root: cwd, paths };
}

async function kindOf(full: string, shown: string): Promise<'directory' | 'file'> {
  try {
    return (await stat(full)).isDirectory() ? 'directory' : 'file';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OptionsError(`path "${shown}" ${code === 'ENOENT' ? 'does not exist' : `cannot be read: ${(e as Error).message}`}`);
  }
}

/**
 * `--changed FILE`: one path per line (as `git diff --name-only` prints them
 * when run from the current directory), made relative to the scan root so
 * they compare with the report's paths.
 */
export async function readChanged(file: string, cwd: string, root: string): Promise<string[]> {
  const full = path.resolve(cwd, file);
  const text = await readSettingFile({ setting: '--changed', file: full, shown: file, limit: MAX_CHANGED_BYTES, kind: 'changed-path lists' });
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, '').trim())
    .filter((line) => line !== '')
    .map((line) => path.relative(root, path.resolve(cwd, line)).split(path.sep).join('/'));
}

/**
 * `--base DIR`: the files and inputs of every configuration at the base, from a scan
 * of DIR with the same settings. DIR plays the scan root's part, so its
 * relative paths are the ones the changed-path list names.
 */
async function baseConfigurations(dir: string, options: Options, cwd: string, engine: ScanFn): Promise<BaseConfiguration[]> {
  if (options.changed === null) throw new UsageError(`--base needs --changed: it tells what a change regrouped ${HELP_HINT}`);
  const full = path.resolve(cwd, dir);
  let kind: 'directory' | 'file';
  try {
    kind = await kindOf(full, dir);
  } catch (e) {
    throw new OptionsError(`--base: ${(e as Error).message}`);
  }
  if (kind !== 'directory') throw new OptionsError(`--base: ${dir} is not a directory (give the scan root as it was at the base commit, e.g. a git worktree of it)`);
  const base = optionsForBase(options, full);
  return base === null ? [] : (await engine(base)).configurations;
}

/** FILE flags are relative to where the user typed them. */
function relativeToCwd(settings: Settings, cwd: string): Settings {
  const out: Settings = { ...settings };
  if (settings.vars) out.vars = settings.vars.map((v) => path.resolve(cwd, v));
  if (settings.baseline) out.baseline = path.resolve(cwd, settings.baseline);
  return out;
}

async function writeOutput(file: string, text: string, shown: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (e) {
    throw new OptionsError(`--output: cannot write ${shown}: ${(e as Error).message}`);
  }
}
