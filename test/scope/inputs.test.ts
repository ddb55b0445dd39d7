/**
 * The two halves of input recording: a reader that records what it is asked
 * (found or not), and the changed-path test that the pull-request scope runs
 * on what was recorded.
 */
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import { scan } from '../../src/scan.js';
import { ChangedPaths, directoryInput, isEscapedPath, mergeIdentical, mergeInputs, regroupedFiles } from '../../src/model/inputs.js';
import { fileSystemRepository, memoryRepository, recordingRepository } from '../../src/sources/contracts/repository.js';
import { assembleInstances, defaultResolver } from '../../src/sources/replay/instances.js';
import { extraction, link, set } from '../sources/replay/instances-helpers.js';
import { temporaryTrees } from '../helpers/temp-tree.js';

const tree = temporaryTrees('inputs');

describe('mergeIdentical', () => {
  const span = { file: 'roles/mail/templates/main.cf.j2', line: 1, column: 1, endLine: 1, endColumn: 5 };
  const r = (inputs: string[] | undefined, files: string[], extra: Partial<{ message: string; certainty: string; column: number }> = {}) => ({
    ruleId: 'stig-postfix-relay',
    certainty: extra.certainty ?? 'definite',
    message: extra.message ?? 'm',
    span: { ...span, column: extra.column ?? 1 },
    ...(inputs === undefined ? {} : { inputs }),
    files,
  });

  it('one result per rule, certainty, place and message, with the inputs and files of all; unknown inputs stay unknown', () => {
    const merged = mergeIdentical([r(['a.yml', 'x'], ['a.yml']), r(['b.yml', 'x'], ['b.yml']), r(['c.yml'], ['c.yml'], { message: 'other' }), r(['d.yml'], ['d.yml'], { column: 2 }), r(['e.yml'], ['e.yml'], { certainty: 'indeterminate' })]);
    assert.deepEqual(
      merged.map((m) => [m.message, m.span.column, m.certainty, m.inputs, m.files]),
      [
        ['m', 1, 'definite', ['a.yml', 'b.yml', 'x'], ['a.yml', 'b.yml']],
        ['other', 1, 'definite', ['c.yml'], ['c.yml']],
        ['m', 2, 'definite', ['d.yml'], ['d.yml']],
        ['m', 1, 'indeterminate', ['e.yml'], ['e.yml']],
      ],
    );
    const unknown = mergeIdentical([r(['a.yml'], ['a.yml']), r(undefined, ['b.yml'])]);
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0]?.inputs, undefined);
    assert.ok(!('inputs' in (unknown[0] as object)));
  });
});

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

describe('fileSystemRepository', () => {
  it('reads nothing through a link that leads out of the scan root, at any depth, and follows one that stays inside', () => {
    const outside = tree({ 'secret.yml': 'token: x\n', 'dir/vars.yml': 'b: 2\n' });
    const root = tree({ 'roles/mail/defaults/main.yml': 'a: 1\n', 'shared/real.yml': 'c: 3\n' });
    symlinkSync(path.join(outside, 'secret.yml'), path.join(root, 'roles/mail/defaults/secret.yml'));
    symlinkSync(path.join(outside, 'dir'), path.join(root, 'roles/mail/vars'));
    symlinkSync('../../shared', path.join(root, 'roles/mail/files'));
    symlinkSync('loop', path.join(root, 'loop'));
    const repo = fileSystemRepository(root);
    assert.equal(repo.read('roles/mail/defaults/main.yml'), 'a: 1\n');
    assert.equal(repo.read('roles/mail/defaults/secret.yml'), undefined);
    assert.equal(repo.read('roles/mail/vars/vars.yml'), undefined);
    assert.equal(repo.isDirectory('roles/mail/vars'), false);
    assert.deepEqual(repo.list('roles/mail/vars'), []);
    assert.equal(repo.read(`../${path.basename(outside)}/secret.yml`), undefined);
    assert.equal(repo.read('roles/mail/files/real.yml'), 'c: 3\n');
    assert.equal(repo.isDirectory('roles/mail/files'), true);
    assert.equal(repo.read('roles/mail/defaults/main.yml/x'), undefined);
    assert.equal(repo.read('loop/x'), undefined);
    assert.equal(repo.resolve?.('roles/mail/files/absent.yml'), 'shared/absent.yml');
    assert.equal(repo.isDirectory(''), true);
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

  it('touches every input under a changed path: a submodule that moved, a folder named whole', () => {
    const bumped = new ChangedPaths(['roles/mail']);
    assert.equal(bumped.touches('roles/mail/templates/main.cf.j2'), true);
    assert.equal(bumped.touches('roles/mail/defaults/'), true);
    assert.equal(bumped.touches('roles/mail'), true);
    assert.equal(bumped.touches('roles/mailer/templates/main.cf.j2'), false, 'a folder whose name only starts like it');
    assert.equal(bumped.touches('roles/other/main.cf'), false);
    assert.equal(changed.touches('docs/postfix/main.cf'), true);
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

describe('regroupedFiles', () => {
  const base = [
    { files: ['img/Dockerfile', 'img/setup.sh'], inputs: ['.relaygate.yml', 'img/Dockerfile', 'img/lib.sh', 'img/setup.sh'] },
    { files: ['other/main.cf'], inputs: ['.relaygate.yml', 'other/', 'other/main.cf'] },
    { files: ['bin/dkim.sh'], inputs: ['.relaygate.yml', 'bin/dkim.sh', 'img/lib.sh'] },
  ];

  it('the files of each base configuration whose inputs a changed path touches; not what they only read', () => {
    assert.deepEqual(regroupedFiles(base, new ChangedPaths(['img/Dockerfile'])), ['img/Dockerfile', 'img/setup.sh']);
    assert.deepEqual(regroupedFiles(base, new ChangedPaths(['other/master.cf'])), ['other/main.cf'], 'a path under a folder input touches it');
    assert.deepEqual(regroupedFiles(base, new ChangedPaths(['img/lib.sh'])), ['bin/dkim.sh', 'img/Dockerfile', 'img/setup.sh']);
    assert.deepEqual(regroupedFiles(base, new ChangedPaths(['README.md'])), []);
  });

  it('a configuration with a regrouped file among its files is regrouped; one that only reads it is not', () => {
    const changed = new ChangedPaths(['img/Dockerfile'], regroupedFiles(base, new ChangedPaths(['img/Dockerfile'])));
    assert.equal(changed.size, 1, 'only the changed paths are counted');
    assert.equal(changed.regroups(['img/setup.sh']), true);
    assert.equal(changed.regroups(['./img/setup.sh', 'x']), true);
    assert.equal(changed.regroups(['bin/dkim.sh']), false);
    assert.equal(changed.touches('img/setup.sh'), false, 'a regrouped file is no changed path');
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

  it("a deployed main.cf's folder is not an input: only deploy edits pair files, so a file added beside it is judged alone", () => {
    const [config] = assembleInstances([extraction({ ...link(1, 'main.cf', 'conf/main.cf'), inputs: ['Dockerfile'] })], new Map(), {
      resolve: (source) => ({ file: source, text: 'inet_interfaces = all\n', fragment: null, inputs: [source] }),
    });
    assert.deepEqual(config?.inputs, ['Dockerfile', 'conf/main.cf']);
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

describe('the scripts an image runs are inputs of its configuration', () => {
  it('a Dockerfile whose CMD runs a COPYd script that sources a library: one configuration, both scripts among its inputs', async () => {
    const root = tree({
      Dockerfile: 'FROM debian:12\nRUN apt-get install -y postfix\nCOPY image_root/ /\nCMD ["/scripts/run.sh"]\n',
      'image_root/scripts/run.sh': '#!/bin/sh\n. /scripts/lib.sh\nset_param inet_interfaces all\npostconf -e myhostname=mx.example.test\n',
      'image_root/scripts/lib.sh': 'set_param() {\n  postconf -e "$1 = $2"\n}\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(result.configurations.map((c) => [c.form, c.files]), [['dockerfile', ['Dockerfile', 'image_root/scripts/lib.sh', 'image_root/scripts/run.sh']]]);
    const inputs = result.configurations[0]?.inputs ?? [];
    for (const input of ['Dockerfile', 'image_root/scripts/lib.sh', 'image_root/scripts/run.sh']) assert.ok(inputs.includes(input), `${input} in ${inputs.join(', ')}`);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'stig-postfix-relay').map((f) => [f.file, f.line, f.column, f.certainty]), [['image_root/scripts/run.sh', 3, 11, 'definite']]);
  });
});
