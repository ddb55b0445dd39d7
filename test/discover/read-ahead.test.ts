import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import { MarkerSearch } from '../../src/discover/markers.js';
import { scan } from '../../src/scan.js';
import { tree } from './tree.js';
import { findingRows } from '../helpers/finding-rows.js';

/** Tasks that touch nothing of mail, enough of them to pass `bytes` (no mail marker in them). */
function fillerTasks(bytes: number): string[] {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const task = [`- name: harden sysctl setting ${i}`, '  ansible.builtin.sysctl:', `    name: net.ipv4.conf.all.setting_${i}`, "    value: '1'"];
    out.push(...task);
    size += task.join('\n').length + 1;
  }
  return out;
}

const TEMPLATE_TASK = ['- name: deploy the mail configuration', '  ansible.builtin.template:', '    src: main.cf.j2', '    dest: /etc/postfix/main.cf'];
const WEAKEN_TASK = [
  '- name: weaken the client restrictions',
  '  ansible.builtin.lineinfile:',
  '    path: /etc/postfix/main.cf',
  "    regexp: '^smtpd_client_restrictions'",
  "    line: 'smtpd_client_restrictions = permit'",
];
/** A Postfix 3 main.cf that starts (compatibility_level set): only what the tasks do to it is judged. */
const ROLE = { 'roles/mail/templates/main.cf.j2': 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\ncompatibility_level = 3.6\n' };

/** A STIG role's task file is easily 100 KiB: bigger than the 64 KiB discovery reads first. */
const BIG = 100 * 1024;

describe('provisioning files bigger than the read-ahead', () => {
  it('a tasks file over 64 KiB that names Postfix at the top is read whole and judged (no closed-handle crash)', async () => {
    const lines = [...TEMPLATE_TASK, ...WEAKEN_TASK, ...fillerTasks(BIG), ''];
    const root = tree({ ...ROLE, 'roles/mail/tasks/main.yml': lines.join('\n') });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', 'roles/mail/tasks/main.yml', 9, 11, 'definite']]);
    assert.deepEqual(result.configurations.map((c) => [c.mta, c.files, c.form]), [['postfix', ['roles/mail/tasks/main.yml', 'roles/mail/templates/main.cf.j2'], 'ansible']]);
  });

  it('a tasks file whose only mail task comes after the first 64 KiB is read too', async () => {
    const filler = fillerTasks(BIG);
    const lines = [...filler, ...TEMPLATE_TASK, ...WEAKEN_TASK, ''];
    const root = tree({ ...ROLE, 'roles/mail/tasks/main.yml': lines.join('\n') });
    const result = await scan(defaultOptions(root));
    const line = filler.length + TEMPLATE_TASK.length + 5;
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', 'roles/mail/tasks/main.yml', line, 11, 'definite']]);
    assert.deepEqual(result.notes, []);
  });

  it('a provisioning file over the 1 MiB limit is noted when a marker occurs anywhere in it, and left alone otherwise', async () => {
    const filler = fillerTasks(1200 * 1024);
    const root = tree({
      'roles/mail/tasks/main.yml': [...filler, ...WEAKEN_TASK, ''].join('\n'),
      'roles/web/tasks/main.yml': [...filler, ''].join('\n'),
    });
    const result = await scan(defaultOptions(root));
    const size = Buffer.byteLength([...filler, ...WEAKEN_TASK, ''].join('\n'));
    assert.deepEqual(findingRows(result.findings), []);
    assert.deepEqual(result.notes, [
      `roles/mail/tasks/main.yml may edit mail configuration but was not read: it is ${size} bytes, over the 1 MiB limit for provisioning files`,
    ]);
  });
});

describe('MarkerSearch', () => {
  it('finds a marker cut by a chunk boundary, and nothing in bytes without one', () => {
    const search = new MarkerSearch(['postconf', 'smtpd_']);
    search.push(Buffer.from('RUN echo x && post'));
    assert.equal(search.found, false);
    search.push(Buffer.from('conf -e inet_interfaces=all'));
    assert.equal(search.found, true);
    const split = new MarkerSearch(['postconf']);
    for (const byte of Buffer.from('xx postconf yy')) split.push(Uint8Array.of(byte));
    assert.equal(split.found, true);
    assert.equal(MarkerSearch.in(Buffer.from('post conf smtpd'), ['postconf', 'smtpd_']), false);
    assert.equal(MarkerSearch.in(Buffer.concat([Buffer.from([0x61, 0xff, 0xfe]), Buffer.from('smtpd_b')]), ['smtpd_']), true);
  });
});
