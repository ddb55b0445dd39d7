import { spawnSync } from 'node:child_process';
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

/**
 * Runs the real CLI (src/cli.ts, the real scan) in a child process
 * that is killed after `seconds`, and reports its peak memory. For inputs
 * whose failure mode is a hang or a blow-up: an in-process test could not
 * stop either.
 */
export function runCliWithBudget(argv: readonly string[], cwd: string, seconds: number, env: Record<string, string> = {}): BudgetRun {
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-budget-'));
  const usage = path.join(dir, 'usage.json');
  // Loaded before the CLI: records the peak memory however the process ends.
  const recorder = `data:text/javascript,${encodeURIComponent(
    `import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(${JSON.stringify(usage)}, JSON.stringify(process.resourceUsage())));`,
  )}`;
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), '--import', recorder, CLI, ...argv], {
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
