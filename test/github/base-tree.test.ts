import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkoutBase, type BaseTree } from '../../src/github/base-tree.js';
import { checkoutAt, git, pullRequestRepo } from '../helpers/git-repo.js';

const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-base-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const START = { 'postfix/main.cf': 'smtpd_client_restrictions = permit\n', 'README.md': 'v1\n' };
const CHANGE = { 'postfix/main.cf': 'smtpd_client_restrictions = permit\nmynetworks = 0.0.0.0/0\n' };
const LATER = { 'README.md': 'v2\n' };
const repo = pullRequestRepo(path.join(dir, 'origin'), START, CHANGE, LATER);
let n = 0;

function request(workspace: string, baseSha: string, pullHeadSha: string | null, scanned = workspace) {
  const temp = path.join(dir, `temp${n++}`);
  mkdirSync(temp);
  return { workspace, scanned, baseSha, pullHeadSha, token: '', serverUrl: 'https://github.com', tempDir: temp, waitForRemoval: true };
}

function ok(x: BaseTree | { failure: string }): BaseTree {
  assert.ok(!('failure' in x), 'failure' in x ? x.failure : '');
  return x;
}

describe('checkoutBase', () => {
  it("on the shallow test-merge checkout: the merge commit's first parent, fetched with depth 1", async () => {
    const ws = path.join(dir, 'ws-merge');
    checkoutAt(repo.origin, ws, repo.merge, 1);
    assert.throws(() => git(ws, 'cat-file', '-e', `${repo.base}^{commit}`), 'the base is not there before');
    const base = ok(await checkoutBase(request(ws, repo.base, repo.head)));
    assert.equal(base.sha, repo.base);
    assert.match(base.how, /first parent of the test-merge commit/);
    assert.equal(readFileSync(path.join(base.root, 'README.md'), 'utf8'), 'v2\n');
    assert.equal(readFileSync(path.join(base.root, 'postfix/main.cf'), 'utf8'), START['postfix/main.cf']);
    // A real git worktree: discovery lists it with git ls-files like the workspace.
    assert.equal(git(base.root, 'rev-parse', 'HEAD'), repo.base);
    // The workspace itself is untouched.
    assert.equal(git(ws, 'rev-parse', 'HEAD'), repo.merge);
    assert.equal(git(ws, 'status', '--porcelain'), '');
    await base.remove();
    assert.ok(!existsSync(base.root));
    assert.equal(git(ws, 'worktree', 'list').split('\n').length, 1);
    // The merge commit decides, not the payload: its base.sha may name an older tip of the base branch.
    const stale = ok(await checkoutBase(request(ws, repo.forkPoint, repo.head)));
    assert.equal(stale.sha, repo.base);
    await stale.remove();
  });

  it("on a checkout of the head with full history: the merge base, not the base branch's later tip", async () => {
    const ws = path.join(dir, 'ws-head');
    checkoutAt(repo.origin, ws, repo.head, 0);
    git(ws, 'fetch', '-q', 'origin', repo.base);
    const base = ok(await checkoutBase(request(ws, repo.base, repo.head)));
    assert.equal(base.sha, repo.forkPoint);
    assert.equal(readFileSync(path.join(base.root, 'README.md'), 'utf8'), 'v1\n');
    await base.remove();
  });

  it("on a shallow checkout of the head: the base branch's tip, saying that fetch-depth: 0 gives the exact merge base", async () => {
    const ws = path.join(dir, 'ws-shallow-head');
    checkoutAt(repo.origin, ws, repo.head, 1);
    const base = ok(await checkoutBase(request(ws, repo.base, repo.head)));
    assert.equal(base.sha, repo.base);
    assert.match(base.how, /fetch-depth: 0/);
    await base.remove();
  });

  it('on a push: the commit before the push', async () => {
    const ws = path.join(dir, 'ws-push');
    checkoutAt(repo.origin, ws, repo.head, 1);
    const base = ok(await checkoutBase(request(ws, repo.forkPoint, null)));
    assert.equal(base.sha, repo.forkPoint);
    assert.equal(base.how, 'the commit before the push');
    await base.remove();
  });

  it('keeps paths relative to the workspace when the repository is in a subfolder of it, or it in a subfolder of the repository', async () => {
    const ws = path.join(dir, 'ws-sub');
    checkoutAt(repo.origin, path.join(ws, 'infra'), repo.merge, 1);
    const base = ok(await checkoutBase(request(ws, repo.base, repo.head, path.join(ws, 'infra'))));
    assert.ok(existsSync(path.join(base.root, 'infra/postfix/main.cf')));
    await base.remove();
    // And a workspace that is a folder inside the repository.
    const inner = ok(await checkoutBase(request(path.join(ws, 'infra/postfix'), repo.base, repo.head)));
    assert.ok(existsSync(path.join(inner.root, 'main.cf')));
    await inner.remove();
  });

  it('unregisters the worktree and moves it away at once, then deletes it in a process of its own', async () => {
    const ws = path.join(dir, 'ws-background');
    checkoutAt(repo.origin, ws, repo.merge, 1);
    const asked = { ...request(ws, repo.base, repo.head), waitForRemoval: false };
    const base = ok(await checkoutBase(asked));
    assert.ok(existsSync(path.join(base.root, 'postfix/main.cf')));
    await base.remove();
    assert.ok(!existsSync(base.root));
    assert.equal(git(ws, 'worktree', 'list').split('\n').length, 1);
    assert.equal(readFileSync(path.join(ws, 'README.md'), 'utf8'), 'v2\n', "the workspace's linked files are still there");
    const left = (): string[] => readdirSync(asked.tempDir);
    for (let waited = 0; left().length > 0 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(left(), []);
  });

  it('says why when there is no git checkout or the commit cannot be fetched', async () => {
    const plain = path.join(dir, 'plain');
    mkdirSync(plain);
    const notGit = await checkoutBase(request(plain, repo.base, null));
    assert.ok('failure' in notGit && /^the workspace is not a git checkout \(not a git repository/.test(notGit.failure), JSON.stringify(notGit));
    const ws = path.join(dir, 'ws-missing');
    checkoutAt(repo.origin, ws, repo.head, 1);
    const missing = await checkoutBase(request(ws, 'e'.repeat(40), null));
    assert.ok('failure' in missing);
    assert.match(missing.failure, /^could not fetch the base commit eeeeeeeeeeee from origin \(.+\); give the job `contents: read` or check out with fetch-depth: 0$/);
  });
});
