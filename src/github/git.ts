import { execFile } from 'node:child_process';

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

/**
 * Runs git in `cwd`. No hook and no fsmonitor program runs (both would be
 * programs a repository's configuration names), and git never prompts for
 * credentials. `config` adds `-c`-style settings through the environment
 * (GIT_CONFIG_KEY_n), so a secret among them never appears in a process
 * listing.
 */
export function git(cwd: string, args: readonly string[], config: Readonly<Record<string, string>> = {}): Promise<GitRun> {
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
  const full = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', ...args];
  return new Promise((resolve) => {
    execFile('git', full, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      const err = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
      if (err && typeof err.code === 'string') {
        resolve({ code: -1, stdout: '', stderr: `git could not be started (${err.code})` });
        return;
      }
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The first line of git's complaint, for a one-line message. */
export function gitComplaint(run: GitRun): string {
  const line = run.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit status ${run.code}`;
  return line.replace(/^(fatal|error): /, '').trim().slice(0, 300);
}
