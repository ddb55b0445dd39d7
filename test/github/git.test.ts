import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { git, gitBytes } from '../../src/github/git.js';
import { git as gitSync } from '../helpers/git-repo.js';

const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-git-'));
after(() => rmSync(dir, { recursive: true, force: true }));
gitSync(dir, 'init', '-q');
writeFileSync(Buffer.from(`${dir}/caf\xe9.cf`, 'latin1'), 'x\n');
writeFileSync(path.join(dir, 'b.cf'), 'x\n');
gitSync(dir, 'add', '-A');

describe('gitBytes', () => {
  it('keeps names that are not UTF-8 as their bytes, and writes its input to git', async () => {
    const listed = await gitBytes(dir, ['ls-files', '-z'], { maxBuffer: 1024 });
    assert.equal(listed.code, 0);
    assert.deepEqual(listed.stdout, Buffer.from('b.cf\u0000caf\xe9.cf\u0000', 'latin1'));
    const hashed = await gitBytes(dir, ['hash-object', '--stdin'], { input: Buffer.from('x\n'), maxBuffer: 1024 });
    assert.equal(hashed.stdout.toString('utf8'), `${gitSync(dir, 'hash-object', 'b.cf')}\n`);
  });

  it('fails with code -1 and says so when git prints more than maxBuffer', async () => {
    const run = await gitBytes(dir, ['ls-files', '-z'], { maxBuffer: 8 });
    assert.deepEqual({ code: run.code, stderr: run.stderr }, { code: -1, stderr: 'git printed more than 8 bytes' });
  });

  it('reports a git that cannot be started, and git() its exit status and complaint', async () => {
    const saved = process.env.PATH;
    process.env.PATH = path.join(dir, 'no-such-bin');
    try {
      assert.deepEqual(await gitBytes(dir, ['status'], { maxBuffer: 1024 }), { code: -1, stdout: Buffer.alloc(0), stderr: 'git could not be started (ENOENT)' });
      assert.deepEqual(await git(dir, ['status']), { code: -1, stdout: '', stderr: 'git could not be started (ENOENT)' });
    } finally {
      process.env.PATH = saved;
    }
    const bad = await git(dir, ['rev-parse', '--verify', 'no-such-ref']);
    assert.equal(bad.code, 128);
    assert.match(bad.stderr, /^fatal: Needed a single revision/);
  });
});
