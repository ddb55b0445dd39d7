import { type ExecFileException, execFile, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Variables that point git at another repository or index: the directory
 * given alone must decide which repository is read.
 */
const REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
];

/** The environment git runs with: see `git`. */
function gitEnv(config: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LFS_SKIP_SMUDGE: '1' };
  for (const name of Object.keys(env)) if (REPOSITORY_VARIABLES.includes(name) || /^GIT_CONFIG_(KEY|VALUE)_\d+$/.test(name)) delete env[name];
  const entries = Object.entries(config);
  if (entries.length > 0) {
    env.GIT_CONFIG_COUNT = String(entries.length);
    entries.forEach(([key, value], i) => {
      env[`GIT_CONFIG_KEY_${i}`] = key;
      env[`GIT_CONFIG_VALUE_${i}`] = value;
    });
  }
  return env;
}

const SAFE_ARGS = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null'];

/**
 * Runs git in `cwd`. No hook and no fsmonitor program runs (both would be
 * programs a repository's configuration names), and git never prompts for
 * credentials. `config` adds `-c`-style settings through the environment
 * (GIT_CONFIG_KEY_n), so a secret among them never appears in a process
 * listing.
 */
export function git(cwd: string, args: readonly string[], config: Readonly<Record<string, string>> = {}): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile('git', [...SAFE_ARGS, ...args], { cwd, env: gitEnv(config), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      const failure = startFailure(error);
      resolve({ code: exitCode(error), stdout: failure === null ? stdout : '', stderr: failure ?? stderr });
    });
  });
}

export interface GitBytesRun {
  code: number;
  /** Raw bytes: path names in git's -z output need not be UTF-8. */
  stdout: Buffer;
  stderr: string;
}

/**
 * `git`, with output kept as bytes (up to `maxBuffer`; more is a failure,
 * code -1) and `input` written to its standard input.
 */
export function gitBytes(cwd: string, args: readonly string[], options: { config?: Readonly<Record<string, string>>; input?: Buffer; maxBuffer: number }): Promise<GitBytesRun> {
  return new Promise((resolve) => {
    const child = execFile(
      'git',
      [...SAFE_ARGS, ...args],
      { cwd, env: gitEnv(options.config ?? {}), encoding: 'buffer', maxBuffer: options.maxBuffer, windowsHide: true },
      (error, stdout, stderr) => {
        const over = error?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
        resolve({
          code: over ? -1 : exitCode(error),
          stdout,
          stderr: over ? `git printed more than ${options.maxBuffer} bytes` : (startFailure(error) ?? stderr.toString('utf8')),
        });
      },
    );
    // A git that exits before reading all of its input closes the pipe: its exit status says why.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? Buffer.alloc(0));
  });
}

function exitCode(error: ExecFileException | null): number {
  if (error === null) return 0;
  if (typeof error.code === 'string') return -1;
  return typeof error.code === 'number' ? error.code : 1;
}

/** Why git did not run at all (ENOENT: no git on PATH), or null. */
function startFailure(error: ExecFileException | null): string | null {
  const code = error?.code;
  return typeof code === 'string' ? `git could not be started (${code})` : null;
}

/** The first line of git's complaint, for a one-line message. */
export function gitComplaint(run: GitRun): string {
  const line = run.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit status ${run.code}`;
  return line.replace(/^(fatal|error): /, '').trim().slice(0, 300);
}

/**
 * Deletes `dir` in a detached `rm -rf`, so that the action's process can exit first; where there is
 * no `rm` (Windows) or it cannot start, this process deletes it before exiting.
 */
export function removeDetached(dir: string): void {
  const fallback = (): void => void rm(dir, { recursive: true, force: true }).catch(() => undefined);
  if (process.platform === 'win32') return fallback();
  try {
    const child = spawn('rm', ['-rf', '--', dir], { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', fallback);
    child.unref();
  } catch {
    fallback();
  }
}
