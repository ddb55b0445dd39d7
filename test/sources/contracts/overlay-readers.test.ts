import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fixFiles } from '../../../src/fixes/files.js';
import { overlayFolders } from '../../../src/model/overlay.js';
import { overlayRepository } from '../../../src/sources/contracts/repository.js';

// An overlay tree's readers: what exists is the tree's, and each file's
// bytes come from where the tree says, never from what else the disk holds.

const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-overlay-readers-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(root: string, rel: string | Buffer, text: string): void {
  const full = typeof rel === 'string' ? path.join(root, rel) : Buffer.concat([Buffer.from(`${root}/`), rel]);
  mkdirSync(path.dirname(full.toString('latin1')), { recursive: true });
  writeFileSync(full, text);
}

const from = path.join(dir, 'workspace');
const root = path.join(dir, 'base');
// The tree: a.yml and vars/caf\xe9.yml unchanged in the workspace, vars/b.yml as git wrote it.
write(from, 'a.yml', 'A\n');
write(from, 'vars/b.yml', 'the workspace has changed this\n');
write(from, Buffer.from('vars/caf\xe9.yml', 'latin1'), 'latin1 name\n');
write(from, 'vars/untracked.yml', 'not in the tree\n');
write(from, 'new/folder.yml', 'not in the tree\n');
write(root, 'vars/b.yml', 'B\n');
write(root, 'stray.yml', 'not in the tree either\n');
const tree = { from, files: new Map([['a.yml', true], ['vars/b.yml', false], ['vars/caf\xe9.yml', true]]), links: new Set<string>() };

describe('overlay readers', () => {
  it('lists the folders of the tree, each with its entries', () => {
    assert.deepEqual([...overlayFolders(tree)].map(([folder, names]) => [folder, [...names].sort()]), [
      ['', ['a.yml', 'vars']],
      ['vars', ['b.yml', 'caf\xe9.yml']],
    ]);
  });

  it('the repository reads each file where the tree keeps it and lists and tests folders from the tree', () => {
    const repo = overlayRepository(root, tree);
    assert.equal(repo.read('a.yml'), 'A\n');
    assert.equal(repo.read('vars/../a.yml'), 'A\n');
    assert.equal(repo.read('vars/b.yml'), 'B\n');
    assert.equal(repo.read('vars/untracked.yml'), undefined);
    assert.equal(repo.read('stray.yml'), undefined);
    assert.equal(repo.read('../workspace/a.yml'), undefined);
    assert.equal(repo.read('vars'), undefined);
    assert.deepEqual(repo.list(''), ['a.yml', 'vars']);
    assert.deepEqual(repo.list('./vars/'), ['b.yml', 'caf\ufffd.yml']);
    assert.deepEqual(repo.list('new'), []);
    assert.equal(repo.isDirectory('vars'), true);
    assert.equal(repo.isDirectory('.'), true);
    assert.equal(repo.isDirectory('new'), false);
    assert.equal(repo.isDirectory('a.yml'), false);
  });

  it('fixes read the files the scan did not keep where the tree keeps them', () => {
    const files = fixFiles(root, new Map(), tree);
    assert.equal(files.read('a.yml'), 'A\n');
    assert.equal(files.read('vars/b.yml'), 'B\n');
    assert.equal(files.read('vars/untracked.yml'), undefined);
    assert.equal(files.read('stray.yml'), undefined);
  });
});
