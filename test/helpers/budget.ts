import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BudgetRun {
  /** Exit status; null when the child was killed for going over the time budget. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the child, MiB (process.resourceUsage().maxRSS). */
  maxRssMiB: number;
  /** Wall time, ms. */
  ms: number;
}

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

const ENTRIES = { cli: CLI, action: fileURLToPath(new URL('../../src/main.ts', import.meta.url)) } as const;
const bundles = new Map<keyof typeof ENTRIES, string>();

/**
 * src/cli.ts bundled once per test process with esbuild (the bundler tsx
 * runs on): a child then starts in a fraction of the time tsx takes to load
 * the sources, which matters for tables of many runs. Same sources, same
 * behaviour; dist/ is not involved.
 */
export function bundledCli(entry: keyof typeof ENTRIES = 'cli'): string {
  const built = bundles.get(entry);
  if (built !== undefined) return built;
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-bundle-'));
  const out = path.join(dir, `${entry}.mjs`);
  const r = spawnSync(
    process.execPath,
    [
      '-e',
      `require('esbuild').buildSync({ entryPoints: [${JSON.stringify(ENTRIES[entry])}], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: ${JSON.stringify(out)}, logLevel: 'error', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } })`,
    ],
    { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  bundles.set(entry, out);
  return out;
}

/** The recorder module (loaded first): writes process.resourceUsage() to `file` however the process ends. */
function recorderOf(file: string): string {
  return `data:text/javascript,${encodeURIComponent(
    `import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(${JSON.stringify(file)}, JSON.stringify(process.resourceUsage())));`,
  )}`;
}

/**
 * Runs the bundled CLI (or the action, `entry: 'action'`) in a child that is
 * killed after `seconds`, asynchronously (a table can run two at a time),
 * and reports its peak memory and wall time.
 */
export async function runBundledWithBudget(options: {
  entry?: keyof typeof ENTRIES;
  argv: readonly string[];
  cwd: string;
  seconds: number;
  env?: Record<string, string>;
}): Promise<BudgetRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-budget-'));
  const usage = path.join(dir, 'usage.json');
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', recorderOf(usage), bundledCli(options.entry ?? 'cli'), ...options.argv], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir(), GIT_CEILING_DIRECTORIES: tmpdir(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.seconds * 1000);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(timer);
  const ms = Date.now() - started;
  let maxRssMiB = Number.NaN;
  try {
    maxRssMiB = (JSON.parse(readFileSync(usage, 'utf8')) as { maxRSS: number }).maxRSS / 1024;
  } catch {
    // killed before it could write: the status (null) says so
  }
  rmSync(dir, { recursive: true, force: true });
  return { status, stdout, stderr, maxRssMiB, ms };
}

/**
 * Runs the real CLI (src/cli.ts, the real scan) in a child process
 * that is killed after `seconds`, and reports its peak memory. For inputs
 * whose failure mode is a hang or a blow-up: an in-process test could not
 * stop either.
 */
export function runCliWithBudget(
  argv: readonly string[],
  cwd: string,
  seconds: number,
  env: Record<string, string> = {},
  options: { bundled?: boolean } = {},
): BudgetRun {
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-budget-'));
  const usage = path.join(dir, 'usage.json');
  // Loaded before the CLI: records the peak memory however the process ends.
  const recorder = recorderOf(usage);
  const started = Date.now();
  const entry = options.bundled === true ? ['--import', recorder, bundledCli()] : ['--import', import.meta.resolve('tsx'), '--import', recorder, CLI];
  const r = spawnSync(process.execPath, [...entry, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir(), GIT_CEILING_DIRECTORIES: tmpdir(), ...env },
    timeout: seconds * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Date.now() - started;
  let maxRssMiB = Number.NaN;
  try {
    maxRssMiB = (JSON.parse(readFileSync(usage, 'utf8')) as { maxRSS: number }).maxRSS / 1024;
  } catch {
    // killed before it could write: the status (null) says so
  }
  rmSync(dir, { recursive: true, force: true });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, maxRssMiB, ms };
}
