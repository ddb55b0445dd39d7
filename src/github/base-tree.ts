import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fillBaseWorktree, type Filled } from './base-fill.js';
import { git, gitComplaint, removeDetached } from './git.js';
import type { OverlayTree } from '../model/overlay.js';

export interface BaseRequest {
  /** The scan root (GITHUB_WORKSPACE). */
  workspace: string;
  /** The folder scanned under it (input path): its repository is the one compared, also when checked out in a subfolder. */
  scanned: string;
  /** The pull request's base commit, or a push's previous commit. */
  baseSha: string;
  /** The pull request's head commit; null on a push. */
  pullHeadSha: string | null;
  /** Used only when the base must be fetched and the checkout kept no credentials. */
  token: string;
  /** GITHUB_SERVER_URL: the token is sent to this host only. */
  serverUrl: string;
  /** Where the base tree is checked out (RUNNER_TEMP). */
  tempDir: string;
  /**
   * `remove` resolves once the tree is deleted, not once it is moved away and unregistered; its
   * deletion otherwise goes on in a process of its own, which the runner's emptying of RUNNER_TEMP
   * at the end of the job finishes if it is cut short.
   */
  waitForRemoval?: boolean;
  /**
   * The base scan may read the workspace's unchanged files where they are (BaseTree.overlay) instead
   * of through links: when nothing it reads but the scanned files comes by a path into the workspace.
   */
  overlay?: boolean;
}

export interface BaseTree {
  /** Directory that plays the workspace's part for the base commit: same relative paths. */
  root: string;
  sha: string;
  /** How the commit was chosen, for the log. */
  how: string;
  /** How its files were made, for the log. */
  filled: string;
  /** When the base scan reads the files the workspace has unchanged there (src/model/overlay.ts); null: all are under root. */
  overlay: OverlayTree | null;
  remove: () => Promise<void>;
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * Checks out the commit a pull request's findings are compared with into a
 * temporary git worktree (so discovery lists its files with `git ls-files`,
 * exactly as for the workspace), linking the files the workspace has
 * unchanged instead of writing them again (./base-fill.ts), or with
 * `overlay`, leaving them where they are for the base scan to read there
 * (`BaseTree.overlay`). Nothing of the
 * pull request is checked out or run: the base is the branch being merged
 * into, and only its files are read.
 *
 * Which commit: on the test-merge commit that actions/checkout checks out
 * for `pull_request` (parents: base tip, pull request head), its first
 * parent, so the comparison is "what merging adds"; on another checkout of
 * a pull request, the merge base of HEAD and the base branch when the
 * history is there, else the base branch's tip (a finding fixed on the base
 * after the branch point is then reported again: too much, never too
 * little); on a push, the previous commit. A missing commit is fetched with
 * depth 1 (a shallow checkout has only HEAD).
 */
export async function checkoutBase(request: BaseRequest): Promise<BaseTree | { failure: string }> {
  const top = await git(request.scanned, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) return { failure: `the workspace is not a git checkout (${gitComplaint(top)})` };
  const repoTop = top.stdout.trim();

  let sha = request.baseSha;
  let how = request.pullHeadSha === null ? 'the commit before the push' : "the pull request's base branch";
  if (request.pullHeadSha !== null) {
    const head = await git(repoTop, ['cat-file', 'commit', 'HEAD']);
    // A shallow clone keeps the commit object whole: its parent lines are there even when the parents are not.
    const parents = head.code === 0 ? [...head.stdout.split('\n\n')[0]!.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1]!) : [];
    if (parents.length === 2 && parents[1] === request.pullHeadSha) {
      sha = parents[0]!;
      how = 'the first parent of the test-merge commit (the base branch it merges into)';
    } else {
      const fetched = await ensureCommit(repoTop, sha, request);
      if (fetched !== null) return { failure: fetched };
      const mergeBase = await git(repoTop, ['merge-base', 'HEAD', sha]);
      const found = mergeBase.stdout.trim();
      if (mergeBase.code === 0 && SHA.test(found)) {
        sha = found;
        how = "the merge base of HEAD and the pull request's base";
      } else {
        how = "the pull request's base branch tip (the shallow checkout has no merge base; fetch-depth: 0 gives the exact one)";
      }
    }
  }
  const fetched = await ensureCommit(repoTop, sha, request);
  if (fetched !== null) return { failure: fetched };

  const parent = await mkdtemp(path.join(request.tempDir, 'relaygate-base-'));
  // Place the base worktree so that paths relative to the workspace are the same under `root`.
  const relTop = path.relative(request.workspace, repoTop);
  const outside = relTop.startsWith('..') || path.isAbsolute(relTop);
  const worktree = outside ? parent : path.join(parent, relTop);
  const root = outside ? path.join(parent, path.relative(repoTop, request.workspace)) : parent;
  const remove = async (): Promise<void> => {
    // Out of the way at once: renamed, so `git worktree prune` sees it gone and unregisters it. Deleting
    // every entry (one unlink each, seconds on a large tree) then goes on without the job waiting for it.
    const doomed = `${parent}.removing`;
    let moved = true;
    await rename(parent, doomed).catch(() => (moved = false));
    await git(repoTop, ['worktree', 'prune']);
    if (!moved) {
      await git(repoTop, ['worktree', 'remove', '--force', worktree]);
      await rm(parent, { recursive: true, force: true });
      await git(repoTop, ['worktree', 'prune']);
      return;
    }
    if (request.waitForRemoval === true) await rm(doomed, { recursive: true, force: true });
    else removeDetached(doomed);
  };
  await mkdir(path.dirname(worktree), { recursive: true });
  const add = await git(repoTop, ['worktree', 'add', '--detach', '--force', '--no-checkout', worktree, sha]);
  // The overlay's paths are the repository's: only where the workspace is its top level are they the scan's.
  const filled = add.code === 0 ? await fillBaseWorktree(repoTop, worktree, sha, request.overlay === true && relTop === '') : { failure: gitComplaint(add) };
  if ('failure' in filled) {
    await remove();
    return { failure: `could not check out the base commit ${sha.slice(0, 12)} (${filled.failure})` };
  }
  await mkdir(root, { recursive: true });
  const overlay = filled.overlay === null ? null : { from: path.resolve(request.workspace), files: filled.overlay, links: filled.links };
  return { root, sha, how, filled: filledNote(filled), overlay, remove };
}

function filledNote(filled: Filled): string {
  if (filled.whole !== null) return `git wrote every file (${filled.whole})`;
  const files = (n: number): string => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;
  if (filled.overlay !== null) {
    const forLinks = filled.linkedForLinks === 0 ? '' : ` (${filled.linkedForLinks.toLocaleString('en-US')} of them also linked, as symbolic links lead to them)`;
    return `${files(filled.linked)} unchanged in the workspace read there${forLinks}, ${files(filled.written)} written by git`;
  }
  return `${files(filled.linked)} unchanged in the workspace linked, ${files(filled.written)} written by git`;
}

/** null when `sha` is in the repository (fetching it when needed), else why not. */
async function ensureCommit(repoTop: string, sha: string, request: BaseRequest): Promise<string | null> {
  if (!SHA.test(sha)) return `the base commit "${sha}" is not a commit id`;
  const present = async (): Promise<boolean> => (await git(repoTop, ['cat-file', '-e', `${sha}^{commit}`])).code === 0;
  if (await present()) return null;
  const args = ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha];
  // First with what actions/checkout left (persist-credentials), then with the action's token.
  let run = await git(repoTop, args);
  if (run.code !== 0 && request.token !== '') {
    const basic = Buffer.from(`x-access-token:${request.token}`, 'utf8').toString('base64');
    run = await git(repoTop, args, { [`http.${request.serverUrl.replace(/(?<!\/)\/*$/, '/')}.extraheader`]: `AUTHORIZATION: basic ${basic}` });
  }
  if (run.code === 0 && (await present())) return null;
  return `could not fetch the base commit ${sha.slice(0, 12)} from origin (${gitComplaint(run)}); give the job \`contents: read\` or check out with fetch-depth: 0`;
}
