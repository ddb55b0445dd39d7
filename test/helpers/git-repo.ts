/**
 * Small real git repositories for tests: an "origin" with a base branch, a
 * pull request head and the test-merge commit GitHub makes, and clones of
 * it the way actions/checkout makes them (shallow, detached).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: '/nonexistent',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_SYSTEM: '/dev/null',
  GIT_AUTHOR_NAME: 'relaygate test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'relaygate test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env: ENV, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} in ${cwd}: ${r.stderr}`);
  return r.stdout.trim();
}

function commitTree(dir: string, files: Record<string, string | null>, message: string): string {
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    if (content === null) {
      rmSync(full, { force: true });
      continue;
    }
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

export interface PullRequestRepo {
  origin: string;
  /** The commit the branch started from. */
  forkPoint: string;
  /** The base branch's tip when the pull request runs (after `baseLater`). */
  base: string;
  head: string;
  /** GitHub's test-merge commit: parents base, head. */
  merge: string;
}

/**
 * `origin` (a normal repository, so it can serve any commit) with:
 * forkPoint = `start`; head = forkPoint + `change` on branch `feature`;
 * base = forkPoint + `baseLater` on `main`; merge = refs/pull/7/merge.
 */
export function pullRequestRepo(
  origin: string,
  start: Record<string, string>,
  change: Record<string, string | null>,
  baseLater: Record<string, string | null> = {},
): PullRequestRepo {
  mkdirSync(origin, { recursive: true });
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  const forkPoint = commitTree(origin, start, 'start');
  git(origin, 'checkout', '-q', '-b', 'feature');
  const head = commitTree(origin, change, 'change');
  git(origin, 'checkout', '-q', 'main');
  const base = commitTree(origin, baseLater, 'base moves on');
  git(origin, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature');
  const merge = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'update-ref', 'refs/pull/7/merge', merge);
  git(origin, 'reset', '-q', '--hard', base);
  return { origin, forkPoint, base, head, merge };
}

/** A clone checked out at `sha` as actions/checkout does it: `--depth` commits (0 = all), detached HEAD. */
export function checkoutAt(origin: string, dir: string, sha: string, depth: number): void {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'remote', 'add', 'origin', `file://${origin}`);
  git(dir, 'fetch', '-q', '--no-tags', ...(depth > 0 ? [`--depth=${depth}`] : []), 'origin', sha);
  git(dir, 'checkout', '-q', '--detach', sha);
}
