/**
 * The two halves of input recording: a reader that records what it is asked
 * (found or not), and the changed-path test that the pull-request scope runs
 * on what was recorded.
 */
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ChangedPaths, directoryInput, isEscapedPath, mergeInputs } from '../../src/model/inputs.js';
import { fileSystemRepository, memoryRepository, recordingRepository } from '../../src/sources/contracts/repository.js';
import { assembleInstances, defaultResolver } from '../../src/sources/replay/instances.js';
import { withSiblingLinks } from '../../src/sources/replay/sibling-links.js';
import { extraction, link, set } from '../sources/replay/instances-helpers.js';
import { temporaryTrees } from '../helpers/temp-tree.js';

const tree = temporaryTrees('inputs');

describe('recordingRepository', () => {
  it('records every file read, found or not, and every folder listed or tested', () => {
    const repo = recordingRepository(memoryRepository({ 'roles/mail/defaults/main.yml': 'a: 1\n', 'roles/mail/defaults/main/x.yml': 'b: 2\n' }));
    assert.equal(repo.read('roles/mail/defaults/main.yml'), 'a: 1\n');
    assert.equal(repo.read('roles/mail/vars/main.yml'), undefined);
    assert.deepEqual(repo.list('roles/mail/defaults/main'), ['x.yml']);
    assert.equal(repo.isDirectory('roles/mail/vars'), false);
    assert.equal(repo.isDirectory('roles/mail/defaults'), true);
    assert.deepEqual(repo.inputs(), [
      'roles/mail/defaults/',
      'roles/mail/defaults/main.yml',
      'roles/mail/defaults/main/',
      'roles/mail/vars',
      'roles/mail/vars/main.yml',
    ]);
  });

  it('normalises what it is asked, and leaves out paths that climb out of the scan root', () => {
    const repo = recordingRepository(memoryRepository({}));
    repo.read('./a//b/../c.yml');
    repo.read('../outside.yml');
    repo.list('.');
    assert.deepEqual(repo.inputs(), ['./', 'a/c.yml']);
  });

  it('records where a link inside the repository leads, for files that exist and files that do not', () => {
    const root = tree({ 'shared/vars/main.yml': 'a: 1\n', 'roles/mail/tasks/main.yml': '- debug: {}\n' });
    symlinkSync('../../shared/vars', path.join(root, 'roles/mail/vars'));
    mkdirSync(path.join(root, 'roles/mail/defaults'));
    const repo = recordingRepository(fileSystemRepository(root));
    assert.equal(repo.read('roles/mail/vars/main.yml'), 'a: 1\n');
    assert.equal(repo.read('roles/mail/vars/main.yaml'), undefined);
    assert.equal(repo.read('roles/mail/defaults/main.yml'), undefined);
    assert.deepEqual(repo.inputs(), [
      'roles/mail/defaults/main.yml',
      'roles/mail/vars/main.yaml',
      'roles/mail/vars/main.yml',
      'shared/vars/main.yaml',
      'shared/vars/main.yml',
    ]);
  });
});

describe('ChangedPaths', () => {
  const changed = new ChangedPaths(['roles/mail/vars/main.yml', './postfix/master.cf', 'docs/']);

  it('touches a file input that changed, and one with a changed path under it', () => {
    assert.equal(changed.touches('roles/mail/vars/main.yml'), true);
    assert.equal(changed.touches('postfix/master.cf'), true);
    assert.equal(changed.touches('roles/mail/vars'), true, 'a path tested for being a folder');
    assert.equal(changed.touches('roles/mail/defaults/main.yml'), false);
    assert.equal(changed.touches('postfix/main.cf'), false);
  });

  it('touches a folder input by any changed path under it, or by its own path', () => {
    assert.equal(changed.touches('roles/mail/'), true);
    assert.equal(changed.touches('roles/'), true);
    assert.equal(changed.touches('postfix/'), true);
    assert.equal(changed.touches('docs/'), true);
    assert.equal(changed.touches('roles/mail/defaults/'), false);
    assert.equal(changed.touches('post/'), false, 'a folder whose name only starts like one');
    assert.equal(changed.touches('./'), true);
    assert.equal(new ChangedPaths([]).touches('./'), false);
  });

  it('always touches a path shown escaped: no changed-file list can name it', () => {
    assert.equal(isEscapedPath('caf\\xe9/main.cf'), true);
    assert.equal(isEscapedPath('cafe/main.cf'), false);
    assert.equal(new ChangedPaths(['README.md']).touches('caf\\xe9/main.cf'), true);
  });

  it('counts distinct paths', () => {
    assert.equal(new ChangedPaths(['a', './a', 'b', '']).size, 2);
  });

  it('names folders with a slash, the scan root as ./', () => {
    assert.equal(directoryInput('roles/mail/templates'), 'roles/mail/templates/');
    assert.equal(directoryInput('.'), './');
    assert.equal(directoryInput(''), './');
    assert.deepEqual(mergeInputs(['b', 'a'], undefined, ['a', 'c/']), ['a', 'b', 'c/']);
  });
});

describe('replay unions the inputs of what it reads', () => {
  it("a configuration's inputs are its edits' (host file and what the extractor read) and every linked piece's, found or not", () => {
    const edits = [
      { ...link(1, 'main.cf', 'files/main.cf.j2'), inputs: ['Dockerfile', 'ci/defaults.yml'] },
      link(2, 'master.cf', 'files/absent.cf'),
      set(3, 'myhostname=x'),
    ];
    const [config] = assembleInstances([extraction(...edits)], new Map(), {
      resolve: (source) =>
        source === 'files/main.cf.j2' ? { file: source, text: 'inet_interfaces = all\n', fragment: null, inputs: [source, 'files/vars.yml', 'files/group_vars/'] } : null,
    });
    assert.deepEqual(config?.inputs, ['Dockerfile', 'ci/defaults.yml', 'files/absent.cf', 'files/group_vars/', 'files/main.cf.j2', 'files/vars.yml']);
  });

  it('a link to a main.cf or master.cf has its folder among its inputs (a sibling there joins the instance)', () => {
    const [linked] = withSiblingLinks([extraction(link(1, 'main.cf', 'conf/main.cf'))], []);
    assert.deepEqual(linked?.edits.map((e) => e.inputs), [['conf/']]);
  });

  it('the default resolver records what rendering a linked template looked up', () => {
    const repo = memoryRepository({
      'roles/mail/templates/main.cf.j2': 'smtpd_client_restrictions = {{ r }}\n',
      'roles/mail/defaults/main.yml': 'r: reject\n',
    });
    const piece = defaultResolver(new Map(), repo)('roles/mail/templates/main.cf.j2', 'main.cf');
    assert.equal(piece?.text, 'smtpd_client_restrictions = reject\n');
    for (const input of ['roles/mail/templates/main.cf.j2', 'roles/mail/defaults/main.yml', 'roles/mail/vars/main.yml']) {
      assert.ok(piece?.inputs?.includes(input), `${input} in ${piece?.inputs?.join(', ')}`);
    }
  });
});
