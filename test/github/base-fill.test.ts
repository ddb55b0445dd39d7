import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fillBaseWorktree } from '../../src/github/base-fill.js';
import { git } from '../helpers/git-repo.js';

// The oracle is git itself: the base worktree filled from the workspace must
// be, entry for entry, the tree `git worktree add` checks out.

const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-fill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ws = path.join(dir, 'ws');
const LATIN1_NAME = Buffer.from('postfix/caf\xe9.cf', 'latin1');

function write(rel: string | Buffer, content: string): void {
  const full = typeof rel === 'string' ? path.join(ws, rel) : Buffer.concat([Buffer.from(`${ws}/`), rel]);
  mkdirSync(path.dirname(typeof full === 'string' ? full : full.toString('latin1')), { recursive: true });
  writeFileSync(full, content);
}

function link(rel: string, target: string): void {
  const full = path.join(ws, rel);
  rmSync(full, { recursive: true, force: true });
  mkdirSync(path.dirname(full), { recursive: true });
  symlinkSync(target, full);
}

// The base commit: every kind of entry a tree holds.
mkdirSync(ws);
git(ws, 'init', '-q', '-b', 'main');
write('postfix/main.cf', 'mynetworks = 127.0.0.0/8\n');
write('postfix/master.cf', 'smtp inet n - y - - smtpd\n');
write('bin/run.sh', '#!/bin/sh\npostconf -e mynetworks=10.0.0.0/8\n');
chmodSync(path.join(ws, 'bin/run.sh'), 0o755);
write('docs/readme.md', 'Postfix notes\n');
write('a/b/c/deep.txt', 'deep\n');
write('empty.txt', '');
write('sp ace/tab\tname.txt', 'tab\n');
write('new\nline.txt', 'newline\n');
write('quote"s.txt', 'quotes\n');
write(LATIN1_NAME, 'relayhost = [mail.example]\n');
write('.github/workflows/ci.yml', 'on: push\n');
write('.gitignore', 'ignored/\n');
// A file git converts on checkout: stored with LF, written with CRLF. And one git writes as stored
// but cleans as it compares: a CRLF copy of it is "unchanged" to git diff.
write('.gitattributes', '*.crlf text eol=crlf\n*.lf text eol=lf\n');
write('win.crlf', 'one\ntwo\n');
write('unix.lf', 'one\ntwo\n');
// git hash-object --stdin-paths would unquote this name: git writes it rather than be asked.
write('"q.lf', 'one\n');
link('link-in', 'postfix/main.cf');
link('link-out', '/etc/passwd');
link('link-dangling', 'nowhere');
link('dirlink', 'a/b');
git(ws, 'add', '-A');
// A submodule's entry: checkout makes an empty folder for it.
git(ws, 'update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/sub`);
git(ws, 'commit', '-q', '-m', 'base');
const BASE = git(ws, 'rev-parse', 'HEAD');
/** Regular files of the base commit that can be linked: not win.crlf, which git converts as it writes it. */
const REGULAR = 14;
/** What git always writes: the 4 links, the submodule's folder, win.crlf and "q.lf. */
const GIT = 7;

/** Every entry under `root` but .git: kind, executable bit, bytes or target. Keys are byte paths as latin1. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: Buffer): void => {
    const full = Buffer.concat([Buffer.from(root), rel.length === 0 ? Buffer.alloc(0) : Buffer.concat([Buffer.from('/'), rel])]);
    for (const name of readdirSync(full, { encoding: 'buffer' })) {
      const child = rel.length === 0 ? name : Buffer.concat([rel, Buffer.from('/'), name]);
      if (child.toString('latin1') === '.git') continue;
      const at = Buffer.concat([full, Buffer.from('/'), name]);
      const info = lstatSync(at);
      const key = child.toString('latin1');
      if (info.isSymbolicLink()) out.set(key, `link ${readlinkSync(at, { encoding: 'buffer' }).toString('latin1')}`);
      else if (info.isDirectory()) {
        out.set(key, 'folder');
        walk(child);
      } else out.set(key, `file ${info.mode & 0o111 ? 'x' : '-'} ${createHash('sha1').update(readFileSync(at)).digest('hex')}`);
    }
  };
  walk(Buffer.alloc(0));
  return out;
}

let n = 0;

/** Fills a base worktree from the workspace as it now is and checks it against git's own checkout. */
async function fillAndCompare(sha: string): Promise<{ linked: number; written: number; whole: string | null }> {
  const before = snapshot(ws);
  const status = git(ws, 'status', '--porcelain', '--ignored');
  const oracle = path.join(dir, `oracle${n}`);
  const filled = path.join(dir, `filled${n++}`);
  git(ws, 'worktree', 'add', '-q', '--detach', '--force', oracle, sha);
  git(ws, 'worktree', 'add', '-q', '--detach', '--force', '--no-checkout', filled, sha);
  const result = await fillBaseWorktree(ws, filled, sha);
  assert.ok(!('failure' in result), JSON.stringify(result));
  assert.deepEqual(snapshot(filled), snapshot(oracle));
  // What discovery asks the base worktree: nothing deleted, nothing untracked.
  assert.equal(git(filled, 'ls-files', '--deleted'), '');
  assert.equal(git(filled, 'ls-files', '--others', '--exclude-standard'), '');
  assert.equal(git(filled, 'rev-parse', 'HEAD'), sha);
  git(ws, 'worktree', 'remove', '--force', oracle);
  git(ws, 'worktree', 'remove', '--force', filled);
  // The workspace is as it was, and its files are no longer shared.
  assert.deepEqual(snapshot(ws), before);
  assert.equal(git(ws, 'status', '--porcelain', '--ignored'), status);
  assert.equal(statSync(path.join(ws, '.github/workflows/ci.yml')).nlink, 1);
  assert.equal(result.overlay, null);
  return { linked: result.linked, written: result.written, whole: result.whole };
}

function reset(): void {
  git(ws, 'checkout', '-q', '-f', '--detach', BASE);
  git(ws, 'update-index', '--no-assume-unchanged', 'postfix/main.cf');
  git(ws, 'update-index', '--no-skip-worktree', 'docs/readme.md', 'a/b/c/deep.txt');
  // Every file written again: a test that changed core.autocrlf leaves index stat data git would trust.
  for (const name of readdirSync(ws)) if (name !== '.git') rmSync(path.join(ws, name), { recursive: true, force: true });
  git(ws, 'checkout', '-q', '-f', '--detach', BASE);
  git(ws, 'clean', '-q', '-fdx');
}

describe('fillBaseWorktree', () => {
  it('on a workspace at the base commit: every regular file linked; links, the submodule and a converted file written by git', async () => {
    reset();
    assert.deepEqual(await fillAndCompare(BASE), { linked: REGULAR, written: GIT, whole: null });
  });

  it('on a head commit that edits, deletes, adds, renames and changes the type and mode of files: git writes those', async () => {
    reset();
    write('postfix/main.cf', 'mynetworks = 0.0.0.0/0\n');
    rmSync(path.join(ws, 'docs/readme.md'));
    write('added.txt', 'new\n');
    git(ws, 'mv', 'postfix/master.cf', 'postfix/master.cf.bak');
    rmSync(path.join(ws, 'link-in'));
    write('link-in', 'now a file\n');
    link('a/b/c/deep.txt', '../../../postfix/main.cf');
    chmodSync(path.join(ws, 'bin/run.sh'), 0o644);
    rmSync(path.join(ws, 'empty.txt'));
    write('empty.txt/inside', 'a folder now\n');
    git(ws, 'add', '-A');
    git(ws, 'commit', '-q', '-m', 'head');
    // main.cf, readme.md, master.cf, deep.txt, run.sh and empty.txt: 6 of the regular files.
    assert.deepEqual(await fillAndCompare(BASE), { linked: REGULAR - 6, written: GIT + 6, whole: null });
  });

  it('on a dirty workspace (edited, deleted, untracked, ignored, a folder swapped for a link out): only the base is written', async () => {
    reset();
    write('postfix/main.cf', 'mynetworks = 0.0.0.0/0\n');
    rmSync(path.join(ws, 'postfix/master.cf'));
    write('postfix/extra.cf', 'untracked\n');
    write('ignored/main.cf', 'ignored\n');
    rmSync(path.join(ws, 'docs'), { recursive: true });
    symlinkSync('/etc', path.join(ws, 'docs'));
    write(LATIN1_NAME, 'relayhost = [other.example]\n');
    write('unix.lf', 'one\r\ntwo\r\n');
    assert.equal(git(ws, 'diff', '--name-only', BASE, '--', 'unix.lf'), '', 'git diff cleans the CRLF away');
    // main.cf, master.cf, docs/readme.md, the non-UTF-8 name and unix.lf.
    assert.deepEqual(await fillAndCompare(BASE), { linked: REGULAR - 5, written: GIT + 5, whole: null });
  });

  it('does not trust a file the index marks assume-unchanged or skip-worktree', async () => {
    reset();
    write('postfix/main.cf', 'mynetworks = 0.0.0.0/0\n');
    git(ws, 'update-index', '--assume-unchanged', 'postfix/main.cf');
    git(ws, 'update-index', '--skip-worktree', 'docs/readme.md', 'a/b/c/deep.txt');
    rmSync(path.join(ws, 'docs/readme.md'));
    write('a/b/c/deep.txt', 'edited where git does not look\n');
    assert.equal(git(ws, 'diff', '--name-only', BASE), '', 'git diff itself sees none of them');
    assert.deepEqual(await fillAndCompare(BASE), { linked: REGULAR - 3, written: GIT + 3, whole: null });
    reset();
  });

  it('lets git write the whole tree when the workspace has attributes the base has not: git diff compares converted bytes', async () => {
    reset();
    // The head converts docs/*.md: the workspace's CRLF readme.md cleans to the base's bytes, so git diff calls it unchanged.
    write('.gitattributes', '*.crlf text eol=crlf\n*.lf text eol=lf\n*.md text eol=crlf\n');
    git(ws, 'commit', '-q', '-am', 'CRLF docs');
    rmSync(path.join(ws, 'docs/readme.md'));
    git(ws, 'checkout', '--', 'docs/readme.md');
    assert.equal(readFileSync(path.join(ws, 'docs/readme.md'), 'utf8'), 'Postfix notes\r\n');
    assert.deepEqual(await fillAndCompare(BASE), { linked: 0, written: 0, whole: '".gitattributes" changed' });
    // The same through an untracked .gitattributes.
    reset();
    write('docs/.gitattributes', '*.md text eol=crlf\n');
    write('docs/readme.md', 'Postfix notes\r\n');
    assert.equal(git(ws, 'diff', '--name-only', BASE), '', 'git diff sees no change');
    assert.deepEqual(await fillAndCompare(BASE), { linked: 0, written: 0, whole: 'the workspace has "docs/.gitattributes", which the base commit does not' });
    // And through core.autocrlf=input, which cleans every text file.
    reset();
    git(ws, 'config', 'core.autocrlf', 'input');
    write('docs/readme.md', 'Postfix notes\r\n');
    try {
      assert.deepEqual(await fillAndCompare(BASE), { linked: 0, written: 0, whole: 'core.autocrlf is "input": git converts line ends' });
    } finally {
      git(ws, 'config', '--unset', 'core.autocrlf');
    }
  });

  it('reports a commit it cannot read instead of filling anything', async () => {
    reset();
    const filled = path.join(dir, 'bad');
    git(ws, 'worktree', 'add', '-q', '--detach', '--force', '--no-checkout', filled, BASE);
    const result = await fillBaseWorktree(ws, filled, 'f'.repeat(40));
    assert.ok('failure' in result);
    assert.match(result.failure, /^git read-tree: failed to unpack tree object f{40}$/);
    assert.deepEqual(readdirSync(filled), ['.git']);
    git(ws, 'worktree', 'remove', '--force', filled);
  });
});
