import { execFile } from 'node:child_process';
import { isUtf8 } from 'node:buffer';
import { type ListedPath, listedPath, pathKey, textPath } from './listed-path.js';

/**
 * Variables that point git at another repository or index (set inside git
 * hooks, for example): the scan root alone must decide which repository is read.
 */
const REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
  'GIT_LITERAL_PATHSPECS',
  'GIT_GLOB_PATHSPECS',
  'GIT_NOGLOB_PATHSPECS',
  'GIT_ICASE_PATHSPECS',
];

function gitEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  return env;
}

interface GitRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  /** Set when git could not be started at all (not installed). */
  spawnError?: string;
}

function runGit(cwd: string, args: string[]): Promise<GitRun> {
  // core.fsmonitor may name a program to run: never execute what a repository configures.
  const fullArgs = ['-c', 'core.fsmonitor=false', '--literal-pathspecs', ...args];
  return new Promise((resolve) => {
    execFile(
      'git',
      fullArgs,
      { cwd, env: gitEnvironment(), encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        const err = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
        if (err && typeof err.code === 'string') {
          resolve({ code: null, stdout: Buffer.alloc(0), stderr: '', spawnError: `${err.code}: ${err.message}` });
          return;
        }
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr: stderr.toString('utf8') });
      },
    );
  });
}

export type WorkTree = { inside: true } | { inside: false; note: string | null };

/** Whether `root` is inside a git work tree (and not inside a `.git` directory). */
export async function gitWorkTree(root: string): Promise<WorkTree> {
  const run = await runGit(root, ['rev-parse', '--is-inside-work-tree']);
  if (run.spawnError !== undefined) return { inside: false, note: null };
  if (run.code === 0) {
    return run.stdout.toString('utf8').trim() === 'true' ? { inside: true } : { inside: false, note: null };
  }
  if (/not a git repository/i.test(run.stderr)) return { inside: false, note: null };
  // e.g. "detected dubious ownership": the walk still finds everything, it just cannot honour .gitignore.
  const reason = run.stderr.trim().split('\n')[0] ?? `exit status ${run.code}`;
  return { inside: false, note: `git could not read the repository (${reason}); listed files by walking the directory, so .gitignore was not applied` };
}

/**
 * NUL-separated paths. A listing that is all UTF-8 (nearly every
 * repository's) is decoded once and split as text; otherwise each path is
 * kept as its bytes, since `git ls-files -z` prints names as the file system has them.
 */
function splitNul(out: Buffer): ListedPath[] {
  if (isUtf8(out)) return out.toString('utf8').split('\u0000').filter((p) => p !== '').map(textPath);
  const paths: ListedPath[] = [];
  let start = 0;
  for (let end = out.indexOf(0); end !== -1; end = out.indexOf(0, start)) {
    if (end > start) paths.push(listedPath(out.subarray(start, end)));
    start = end + 1;
  }
  if (start < out.length) paths.push(listedPath(out.subarray(start)));
  return paths;
}

export interface GitListing {
  files: ListedPath[];
  notes: string[];
}

export type GitPart = GitListing | { error: string };

/**
 * The listing in three parts, each from its own `git ls-files`, so that the
 * caller can start on the tracked files (read from the index, quick) while
 * git walks the work tree for untracked ones, and needs the deleted ones
 * (a stat of every tracked file) only at the end. Paths are relative to
 * `root` (git prints paths relative to its working directory and lists only
 * what is under it, so a scan root below the repository top works as is).
 */
export interface GitLister {
  /** Tracked files, each once (an unmerged file is listed once per stage), deleted ones included. */
  tracked: Promise<GitPart>;
  /** Untracked files that are not ignored. */
  untracked: Promise<GitPart>;
  /** Keys (pathKey) of tracked files deleted from the work tree; empty when git could not say. */
  deleted: Promise<Set<string>>;
}

function listingOf(run: GitRun): GitPart {
  if (run.code !== 0) return { error: run.spawnError ?? (run.stderr.trim() || `git ls-files exited with ${run.code}`) };
  const files: ListedPath[] = [];
  const notes: string[] = [];
  // git lists the index in order: the stages of an unmerged file come one after another.
  let previous: string | null = null;
  for (const file of splitNul(run.stdout)) {
    const key = pathKey(file);
    if (key === previous) continue;
    previous = key;
    if (file.shown.endsWith('/')) {
      notes.push(`${file.shown} is a separate git repository inside the scan root; its files were not scanned (scan it on its own)`);
      continue;
    }
    files.push(file);
  }
  return { files, notes };
}

/**
 * Submodules are part of what is deployed (a role or a chart kept as one):
 * the files of each checked-out submodule are listed with the project's
 * (`--recurse-submodules`). One that is not checked out is listed only as
 * its own path; .gitmodules names it, and a note says its files were not
 * scanned.
 */
async function trackedListing(root: string, specs: readonly string[]): Promise<GitPart> {
  const listing = listingOf(await runGit(root, ['ls-files', '-z', '--cached', '--recurse-submodules', ...specs]));
  if ('error' in listing || !listing.files.some((f) => f.shown === '.gitmodules')) return listing;
  const run = await runGit(root, ['config', '-z', '--file', '.gitmodules', '--get-regexp', '^submodule[.].*[.]path$']);
  if (run.code !== 0) return listing;
  const listed = new Set(listing.files.map((f) => f.shown));
  const absent = new Set<string>();
  for (const entry of run.stdout.toString('utf8').split('\0')) {
    const at = entry.indexOf('\n');
    let sub = at < 0 ? '' : entry.slice(at + 1);
    while (sub.endsWith('/')) sub = sub.slice(0, -1);
    // A submodule that is checked out is listed file by file, never under its own path.
    if (sub !== '' && listed.has(sub)) absent.add(sub);
  }
  const notes = [...absent].map((sub) => `${sub} is a git submodule that is not checked out; its files were not scanned (check submodules out, for example with actions/checkout's submodules: true)`);
  return { files: listing.files.filter((f) => !absent.has(f.shown)), notes: [...listing.notes, ...notes] };
}

export function gitLister(root: string, pathspecs: readonly string[]): GitLister {
  const specs = ['--', ...pathspecs];
  return {
    tracked: trackedListing(root, specs),
    untracked: runGit(root, ['ls-files', '-z', '--others', '--exclude-standard', ...specs]).then(listingOf),
    deleted: runGit(root, ['ls-files', '-z', '--deleted', ...specs]).then((run) => new Set(run.code === 0 ? splitNul(run.stdout).map(pathKey) : [])),
  };
}

/**
 * Tracked files plus untracked files that are not ignored, relative to
 * `root`; tracked files deleted from the work tree are left out.
 */
export async function listGitFiles(root: string, pathspecs: readonly string[]): Promise<GitListing | { error: string }> {
  const lister = gitLister(root, pathspecs);
  const [tracked, untracked, gone] = await Promise.all([lister.tracked, lister.untracked, lister.deleted]);
  if ('error' in tracked) return tracked;
  if ('error' in untracked) return untracked;
  return { files: [...tracked.files.filter((f) => !gone.has(pathKey(f))), ...untracked.files], notes: [...tracked.notes, ...untracked.notes] };
}

/**
 * Where `root` is in its git repository: the POSIX path from the top level
 * (`examples`), '' at the top level, null outside a work tree. SARIF names
 * files relative to the top level whatever directory was scanned.
 */
export async function repositoryPrefix(root: string): Promise<string | null> {
  const run = await runGit(root, ['rev-parse', '--show-prefix']);
  if (run.code !== 0) return null;
  return run.stdout.toString('utf8').trim().replace(/(?<!\/)\/+$/, '');
}
