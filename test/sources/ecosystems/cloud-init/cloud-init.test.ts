import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';
import type { Extraction } from '../../../../src/sources/contracts/edits.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { cloudInit } from '../../../../src/sources/ecosystems/cloud-init/cloud-config.js';
import { origin, originEnd, summarize } from '../summary.js';

const FILE = 'cloud/user-data';

function extract(text: string): Extraction {
  return cloudInit.extract({ path: FILE, text }, memoryRepository({ [FILE]: text }));
}

const MAIN_CF = 'inet_interfaces = all\nmynetworks = 0.0.0.0/0\n';

test('write_files with plain content writes main.cf; block lines keep their columns', () => {
  const text = [
    '#cloud-config',
    'write_files:',
    '  - path: /etc/postfix/main.cf',
    '    content: |',
    '      inet_interfaces = all',
    '      mynetworks = 0.0.0.0/0',
    '  - path: /etc/motd',
    '    content: hello',
    '',
  ].join('\n');
  const out = extract(text);
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'write', scope: FILE, directory: '/etc/postfix', target: 'main.cf', span: '3:11-3:31', maybe: false, text: MAIN_CF },
  ]);
  assert.equal(origin(out.edits[0]!, 2, 14), '6:20');
});

test('write_files base64 and gzip+base64 content decode; each line maps to the whole content scalar', () => {
  const b64 = Buffer.from(MAIN_CF).toString('base64');
  const gz = gzipSync(Buffer.from('smtpd_client_restrictions = permit\n')).toString('base64');
  const text = [
    '#cloud-config',
    'write_files:',
    '- path: /etc/postfix/main.cf',
    '  encoding: b64',
    `  content: ${b64}`,
    '- path: /etc/postfix/main.cf',
    '  encoding: gzip+base64',
    '  append: true',
    `  content: ${gz}`,
    '',
  ].join('\n');
  const out = extract(text);
  assert.deepEqual(out.diagnostics, []);
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'write', scope: FILE, directory: '/etc/postfix', target: 'main.cf', span: '3:9-3:29', maybe: false, text: MAIN_CF },
    { kind: 'append', scope: FILE, directory: '/etc/postfix', target: 'main.cf', span: '6:9-6:29', maybe: false, text: 'smtpd_client_restrictions = permit\n' },
  ]);
  assert.equal(origin(out.edits[0]!, 2, 5), '5:12');
  assert.equal(originEnd(out.edits[0]!, 2, 10), `5:${12 + b64.length}`);
  assert.equal(origin(out.edits[1]!, 1, 30), '9:12');
});

test('write_files gzip content given as !!binary', () => {
  const binary = gzipSync(Buffer.from('inet_interfaces = loopback-only\n')).toString('base64');
  const text = `#cloud-config\nwrite_files:\n- path: /etc/postfix/main.cf\n  encoding: gzip\n  content: !!binary |\n    ${binary}\n`;
  const out = extract(text);
  assert.deepEqual(out.edits.map((e) => summarize(e).text), ['inet_interfaces = loopback-only\n']);
});

test('undecodable content of a mail file is a fatal diagnostic at the content scalar', () => {
  const text = '#cloud-config\nwrite_files:\n- path: /etc/postfix/main.cf\n  encoding: gz+b64\n  content: bm90IGd6aXA=\n';
  const out = extract(text);
  assert.deepEqual(out.edits, []);
  assert.deepEqual(
    out.diagnostics.map((d) => [d.line, d.column, d.fatal, d.message.startsWith('write_files content: gzip content could not be decompressed')]),
    [[5, 12, true, true]],
  );
});

test('matches only a first line of exactly #cloud-config', () => {
  assert.equal(cloudInit.matches('user-data', '#cloud-config\nruncmd: []\n'), true);
  assert.equal(cloudInit.matches('x.yaml', '#cloud-config  \r\n'), true);
  assert.equal(cloudInit.matches('x.yaml', '# cloud-config\n'), false);
  assert.equal(cloudInit.matches('x.yaml', 'write_files: []\n#cloud-config\n'), false);
});

test('packages: [postfix] is a note (no distribution known)', () => {
  const out = extract('#cloud-config\npackages:\n  - postfix\n');
  assert.deepEqual(out.edits, []);
  assert.deepEqual(out.notes, [`${FILE}: postfix is installed by cloud-init "packages", which does not name the distribution; the packaged main.cf is unknown unless the image that runs it is named`]);
});

test('## template: jinja user data: expressions over instance data are unknown', () => {
  const text = [
    '## template: jinja',
    '#cloud-config',
    'write_files:',
    '  - path: /etc/postfix/main.cf',
    '    content: |',
    "      myhostname = {{ v1.local_hostname | default('mail') }}",
    '      inet_interfaces = all',
    '',
  ].join('\n');
  assert.equal(cloudInit.matches('user-data', text), true);
  const out = extract(text);
  assert.deepEqual(out.edits.map((e) => summarize(e).text), [`myhostname = ${UNKNOWN_MARK}\ninet_interfaces = all\n`]);
  assert.equal(origin(out.edits[0]!, 1, 14), '6:20');
  assert.equal(originEnd(out.edits[0]!, 1, 15), '6:61');
});
