import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultOptions } from '../src/config/options.js';
import { withoutRelayRules } from './helpers/relay-rules-off.js';
import type { SourceFile } from '../src/model/source.js';
import { scan, type ScanResult } from '../src/scan.js';
import { temporaryTrees } from './helpers/temp-tree.js';
import type { Edit, Extraction } from '../src/sources/contracts/edits.js';
import { registerHostFormat } from '../src/sources/host-formats.js';
import { type HostFormat } from '../src/sources/contracts/host-format.js';
import { fragment } from './sources/replay/instances-helpers.js';
import { findingRows } from './helpers/finding-rows.js';

/**
 * A tiny host format registered for these tests only: `fake.sh` files whose
 * lines are `postconf -e name=value`, `cp SRC /etc/postfix/main.cf` or
 * `# base debian|rhel`. It lets the scan's wiring be tested without the real
 * extractors.
 */
const fake: HostFormat = {
  form: 'shell',
  matches: (p) => p.endsWith('.fakehost.txt'),
  extract(file: SourceFile): Extraction {
    const edits: Edit[] = [];
    const key = { scope: file.path, directory: '/etc/postfix' };
    file.text.split('\n').forEach((line, i) => {
      const span = { file: file.path, line: i + 1, column: 1, endLine: i + 1, endColumn: line.length + 1 };
      const common = { key, span, form: 'shell' as const, maybe: false };
      const set = /^postconf -e (\S+)$/.exec(line);
      if (set?.[1] !== undefined) {
        edits.push({ ...common, kind: 'set', target: 'main.cf', fragment: fragment(file.path, set[1], i + 1, 13, 'shell') });
      }
      const copy = /^cp (\S+) \/etc\/postfix\/main\.cf$/.exec(line);
      if (copy?.[1] !== undefined) edits.push({ ...common, kind: 'link', target: 'main.cf', source: copy[1], destination: '/etc/postfix/main.cf' });
      const base = /^# base (debian|rhel)$/.exec(line);
      if (base?.[1] !== undefined) edits.push({ ...common, kind: 'base', distribution: base[1] as 'debian' | 'rhel', evidence: line.slice(2) });
    });
    if (file.text.includes('BROKEN')) return { edits, diagnostics: [{ file: file.path, line: 1, column: 1, message: 'unterminated quote', fatal: true }], notes: [] };
    return { edits, diagnostics: [], notes: [] };
  },
};

let unregister: () => void = () => undefined;
before(() => {
  unregister = registerHostFormat(fake);
});
after(() => unregister());
const tree = temporaryTrees('embedded');

/** A configuration as these tests compare it; test/scope/ checks inputs in full. */
function withoutInputs(c: ScanResult['configurations'][number]): Omit<ScanResult['configurations'][number], 'inputs'> {
  const { inputs: _inputs, ...rest } = c;
  return rest;
}

describe('scan() with a registered host format', () => {
  it('postconf -e inet_interfaces=all on an RHEL base: a finding at the edit naming the base', async () => {
    const root = tree({ 'setup.fakehost.txt': '# base rhel\npostconf -e myhostname=mx\npostconf -e inet_interfaces=all\n' });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', 'setup.fakehost.txt', 3, 13, 'definite']]);
    assert.match(result.findings[0]?.message ?? '', /Judged over the RHEL family's packaged main\.cf, recognised from base rhel at setup\.fakehost\.txt line 1/);
    assert.deepEqual(result.configurations, [{ mta: 'postfix', files: ['setup.fakehost.txt'], inputs: ['.relaygate.yml', 'setup.fakehost.txt'], form: 'shell' }]);
  });

  it('postconf -e myhostname=x alone: judged in full over the base (Debian listens on every address, RHEL on localhost)', async () => {
    const debian = tree({ 'setup.fakehost.txt': '# base debian\npostconf -e myhostname=x\n' });
    assert.deepEqual(findingRows((await scan(withoutRelayRules(defaultOptions(debian)))).findings), [['stig-postfix-relay', 'setup.fakehost.txt', 1, 1, 'definite']]);
    const rhel = tree({ 'setup.fakehost.txt': '# base rhel\npostconf -e myhostname=x\n' });
    assert.deepEqual(findingRows((await scan(withoutRelayRules(defaultOptions(rhel)))).findings), []);
  });

  it('a file without a mail marker is not handed to the format', async () => {
    const root = tree({ 'other.fakehost.txt': 'echo hello\n' });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(result.configurations, []);
  });

  it('a linked repository main.cf is judged once, inside the instance, with spans on itself', async () => {
    const root = tree({
      'files/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks\n',
      'setup.fakehost.txt': 'cp files/main.cf /etc/postfix/main.cf\npostconf -e myhostname=mx\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', 'files/main.cf', 2, 29, 'definite']]);
    assert.deepEqual(result.configurations, [
      { mta: 'postfix', files: ['files/main.cf', 'setup.fakehost.txt'], inputs: ['.relaygate.yml', 'files/main.cf', 'setup.fakehost.txt'], form: 'shell' },
    ]);
  });

  it('a master.cf beside a deployed main.cf but not deployed itself is judged alone, over an unknown main.cf', async () => {
    const root = tree({
      'files/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\n',
      'files/master.cf': 'smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd -o smtpd_client_restrictions=permit\n',
      'setup.fakehost.txt': 'cp files/main.cf /etc/postfix/main.cf\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(result.configurations, [
      { mta: 'postfix', files: ['files/master.cf'], inputs: ['.relaygate.yml', 'files/', 'files/master.cf'], form: 'plain' },
      { mta: 'postfix', files: ['files/main.cf', 'setup.fakehost.txt'], inputs: ['.relaygate.yml', 'files/main.cf', 'setup.fakehost.txt'], form: 'shell' },
    ]);
    // The deployed server runs the packaged master.cf with the strict main.cf: no finding there.
    assert.deepEqual(findingRows(result.findings), [
      ['stig-postfix-relay', 'files/master.cf', 1, 1, 'indeterminate'],
      ['stig-postfix-relay', 'files/master.cf', 2, 33, 'indeterminate'],
    ]);
  });

  it('a relaygate-ignore comment on the host line above suppresses the finding', async () => {
    const root = tree({
      'setup.fakehost.txt': '# relaygate-ignore stig-postfix-relay: lab box, ISSO-42\npostconf -e inet_interfaces=all\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.line, f.suppressed !== undefined]), [['stig-postfix-relay', 2, true]]);
  });

  it('a fatal extractor diagnostic is config-unreadable at its line', async () => {
    const root = tree({ 'setup.fakehost.txt': 'BROKEN postfix\n' });
    assert.deepEqual(findingRows((await scan(withoutRelayRules(defaultOptions(root)))).findings), [['config-unreadable', 'setup.fakehost.txt', 1, 1, 'definite']]);
  });

  it('a host file over 1 MiB is not extracted: a note says so', async () => {
    const root = tree({ 'big.fakehost.txt': `postconf -e inet_interfaces=all\n${'#'.repeat(1024 * 1024)}\n` });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), []);
    assert.ok(result.notes.includes(`big.fakehost.txt may edit mail configuration but was not read: it is ${32 + 1024 * 1024 + 1} bytes, over the 1 MiB limit for provisioning files`));
  });
});

describe('scan() with the real extractors of src/sources/host-formats.ts', () => {
  it('an Ansible role: template: links main.cf.j2, lineinfile weakens it; one instance, the finding on the task line', async () => {
    const root = tree({
      'roles/mail/tasks/main.yml': [
        '- name: install postfix',
        '  ansible.builtin.apt:',
        '    name: postfix',
        '- name: main.cf',
        '  ansible.builtin.template:',
        '    src: main.cf.j2',
        '    dest: /etc/postfix/main.cf',
        '- name: weaken',
        '  ansible.builtin.lineinfile:',
        '    path: /etc/postfix/main.cf',
        "    regexp: '^smtpd_client_restrictions'",
        "    line: 'smtpd_client_restrictions = {{ weak }}'",
        '',
      ].join('\n'),
      'roles/mail/templates/main.cf.j2': 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\n',
      'roles/mail/defaults/main.yml': 'weak: permit\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.file, f.line, f.certainty]),
      [['stig-postfix-relay', 'roles/mail/tasks/main.yml', 12, 'definite']],
    );
    assert.deepEqual(result.configurations.map(withoutInputs), [
      { mta: 'postfix', files: ['roles/mail/tasks/main.yml', 'roles/mail/templates/main.cf.j2'], form: 'ansible' },
    ]);
    // The role's variables files are inputs, whether they exist or not.
    const inputs = result.configurations[0]?.inputs ?? [];
    for (const input of ['roles/mail/defaults/main.yml', 'roles/mail/vars/main.yml', 'roles/mail/templates/main.cf.j2', 'roles/mail/tasks/main.yml']) {
      assert.ok(inputs.includes(input), `${input} in ${inputs.join(', ')}`);
    }
  });
});

describe('scan() of a Helm chart ConfigMap', () => {
  it('a main.cf key rendered with values.yaml: the finding on the template line', async () => {
    const root = tree({
      'charts/mail/Chart.yaml': 'apiVersion: v2\nname: mail\nversion: 0.1.0\n',
      'charts/mail/values.yaml': 'postfix:\n  clientRestrictions: permit_mynetworks, permit\n',
      'charts/mail/templates/configmap.yaml': [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: {{ .Release.Name }}-postfix',
        'data:',
        '  main.cf: |',
        '    inet_interfaces = all',
        '    smtpd_client_restrictions = {{ .Values.postfix.clientRestrictions }}',
        '',
      ].join('\n'),
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', 'charts/mail/templates/configmap.yaml', 8, 33, 'definite']]);
    assert.deepEqual(result.configurations.map(withoutInputs), [{ mta: 'postfix', files: ['charts/mail/templates/configmap.yaml'], form: 'kubernetes' }]);
    assert.ok(result.configurations[0]?.inputs.includes('charts/mail/values.yaml'), result.configurations[0]?.inputs.join(', '));
  });
});

describe('scan() of shell scripts', () => {
  it('postconf -e with several arguments across a continuation, on a Debian base: the finding at the argument', async () => {
    const root = tree({
      'scripts/setup.sh': '#!/bin/sh\napt-get install -y postfix\npostconf -e myhostname=mx.example.com \\\n  inet_interfaces=all\n',
      'scripts/only-name.sh': '#!/bin/sh\ndnf install -y postfix\npostconf -e myhostname=mx.example.com\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', 'scripts/setup.sh', 4, 3, 'definite']]);
    assert.match(
      result.findings[0]?.message ?? '',
      /\(Judged over the Debian family's packaged main\.cf \(debconf "Internet Site"\), recognised from apt-get install postfix at setup\.sh line 2\.\)$/,
    );
    assert.deepEqual(
      result.configurations.map((c) => [c.files.join(','), c.form]),
      [
        ['scripts/only-name.sh', 'shell'],
        ['scripts/setup.sh', 'shell'],
      ],
    );
  });
});

describe('scan() of Dockerfiles', () => {
  it('RUN postconf across continuations on an RHEL image; a COPY-ed main.cf fixed by a later RUN is no finding', async () => {
    const root = tree({
      'mail/Dockerfile': 'FROM rockylinux:9\nRUN dnf install -y postfix && \\\n    postconf -e myhostname=mx.example.com \\\n      inet_interfaces=all\n',
      'img2/Dockerfile': 'FROM debian:12\nCOPY main.cf /etc/postfix/main.cf\nRUN postconf -e smtpd_client_restrictions=permit_mynetworks,reject\n',
      // Weak on its own, but the image replaces its restrictions: judged only inside the image.
      'img2/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', 'mail/Dockerfile', 4, 7, 'definite']]);
    assert.match(result.findings[0]?.message ?? '', /\(Judged over the RHEL family's packaged main\.cf, recognised from FROM rockylinux:9 at Dockerfile line 1\.\)$/);
    assert.deepEqual(
      result.configurations.map((c) => [c.files.join(','), c.form]),
      [
        ['img2/Dockerfile,img2/main.cf', 'dockerfile'],
        ['mail/Dockerfile', 'dockerfile'],
      ],
    );
  });
});
