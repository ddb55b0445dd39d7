import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';
import type { Extraction } from '../../../../src/sources/contracts/edits.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { ansibleTasks } from '../../../../src/sources/ecosystems/ansible/playbooks.js';
import { origin, originEnd, segments, summarize } from '../summary.js';

const TASKS = 'roles/postfix/tasks/main.yml';

function extract(text: string, files: Record<string, string> = {}, path = TASKS): Extraction {
  return ansibleTasks.extract({ path, text }, memoryRepository({ [path]: text, ...files }));
}

test('lineinfile with regexp (the issue case) is a set of the parameter, mapped to the quoted line scalar', () => {
  const text = [
    '---',
    '- name: Let clients relay',
    '  ansible.builtin.lineinfile:',
    '    path: /etc/postfix/main.cf',
    "    regexp: '^smtpd_client_restrictions'",
    "    line: 'smtpd_client_restrictions = permit_mynetworks, permit'",
    '  notify: reload postfix',
    '',
  ].join('\n');
  const out = extract(text);
  assert.deepEqual(out.diagnostics, []);
  assert.deepEqual(out.edits.map(summarize), [
    {
      kind: 'set',
      scope: 'roles/postfix',
      directory: '/etc/postfix',
      target: 'main.cf',
      span: '3:3-3:29',
      maybe: false,
      text: 'smtpd_client_restrictions = permit_mynetworks, permit\n',
    },
  ]);
  const edit = out.edits[0]!;
  // A quoted scalar is one expression: every character maps to the whole scalar.
  assert.equal(origin(edit, 1, 1), '6:11');
  assert.equal(origin(edit, 1, 30), '6:11');
  assert.equal(originEnd(edit, 1, 54), '6:66');
});

test('lineinfile state=absent unsets the parameter its regexp names; a commenting line unsets too', () => {
  const text = [
    '- lineinfile:',
    '    path: /etc/postfix/main.cf',
    '    regexp: ^#?\\s*inet_interfaces\\s*=',
    '    state: absent',
    '- lineinfile: dest=/etc/postfix/main.cf regexp=^mynetworks line="#mynetworks = 0.0.0.0/0"',
    '',
  ].join('\n');
  const out = extract(text);
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'unset', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '1:3-1:13', maybe: false, name: 'inet_interfaces', nameSpan: '3:19-3:34' },
    { kind: 'unset', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '5:3-5:13', maybe: false, name: 'mynetworks', nameSpan: '5:49-5:59' },
  ]);
});

test('lineinfile free-form with backrefs is set-if-present; a line that is not name = value is a note', () => {
  const text = [
    '- lineinfile: path=/etc/postfix/main.cf regexp="^relayhost" line="relayhost = [mx]" backrefs=yes',
    '- lineinfile:',
    '    path: /etc/postfix/main.cf',
    '    line: "  continuation"',
    '',
  ].join('\n');
  const out = extract(text);
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'set-if-present', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '1:3-1:13', maybe: false, text: 'relayhost = [mx]\n', name: 'relayhost' },
  ]);
  // Free-form words sit in a plain scalar: literal columns.
  assert.equal(origin(out.edits[0]!, 1, 1), '1:67');
  assert.equal(out.notes.length, 1);
  assert.match(out.notes[0]!, /^roles\/postfix\/tasks\/main\.yml:2: lineinfile line is not a main\.cf "name = value" line/);
});

test('blockinfile is an append; each block line keeps its own column', () => {
  const text = [
    '- name: relay block',
    '  blockinfile:',
    '    path: /etc/postfix/main.cf',
    '    block: |',
    '      inet_interfaces = all',
    '      smtpd_client_restrictions =',
    '          permit',
    '',
  ].join('\n');
  const out = extract(text);
  assert.deepEqual(out.edits.map(summarize), [
    {
      kind: 'append',
      scope: 'roles/postfix',
      directory: '/etc/postfix',
      target: 'main.cf',
      span: '2:3-2:14',
      maybe: false,
      text: 'inet_interfaces = all\nsmtpd_client_restrictions =\n    permit\n',
    },
  ]);
  const edit = out.edits[0]!;
  assert.equal(origin(edit, 1, 1), '5:7');
  assert.equal(origin(edit, 1, 19), '5:25');
  assert.equal(origin(edit, 2, 1), '6:7');
  assert.equal(origin(edit, 3, 5), '7:11');
  assert.equal(segments(edit).every(([kind]) => kind === 'literal'), true);
});

test('copy content: a block scalar is literal text, a quoted scalar one expression', () => {
  const text = [
    '- copy:',
    '    dest: /etc/postfix/main.cf',
    '    content: |',
    '      inet_interfaces = loopback-only',
    '- ansible.builtin.copy:',
    '    dest: /etc/postfix/main.cf',
    '    content: "mynetworks = 0.0.0.0/0\\n"',
    '',
  ].join('\n');
  const out = extract(text);
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'write', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '1:3-1:7', maybe: false, text: 'inet_interfaces = loopback-only\n' },
    { kind: 'write', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '5:3-5:23', maybe: false, text: 'mynetworks = 0.0.0.0/0\n' },
  ]);
  assert.equal(origin(out.edits[0]!, 1, 19), '4:25');
  assert.deepEqual(segments(out.edits[1]!), [['expression', '7:14', '7:40']]);
});

test('template and copy src link the role file to the destination; a missing src is a note', () => {
  const text = [
    '- template: src=main.cf.j2 dest=/etc/postfix/main.cf',
    '- template:',
    '    src: "{{ postfix_master_template }}"',
    '    dest: /etc/postfix/',
    '- copy: src=sendmail.mc dest=/etc/mail/sendmail.mc',
    '- template: src=missing.j2 dest=/etc/postfix/master.cf',
    '',
  ].join('\n');
  const out = extract(text, {
    'roles/postfix/templates/main.cf.j2': 'x',
    'roles/postfix/templates/master.cf.j2': 'x',
    'roles/postfix/files/sendmail.mc': 'x',
    'roles/postfix/defaults/main.yml': 'postfix_master_template: master.cf.j2\n',
  });
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'link', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '1:3-1:11', maybe: false, source: 'roles/postfix/templates/main.cf.j2' },
    { kind: 'link', scope: 'roles/postfix', directory: '/etc/postfix', target: 'master.cf', span: '2:3-2:11', maybe: false, source: 'roles/postfix/templates/master.cf.j2' },
    { kind: 'link', scope: 'roles/postfix', directory: '/etc/mail', target: 'sendmail.mc', span: '5:3-5:7', maybe: false, source: 'roles/postfix/files/sendmail.mc' },
  ]);
  assert.deepEqual(out.notes, ['roles/postfix/tasks/main.yml:6: template src "missing.j2" is not a repository file; master.cf not linked']);
});

test('when: makes an edit maybe, unless it is a literal true; rescue is maybe too', () => {
  const text = [
    '- lineinfile: path=/etc/postfix/main.cf line="inet_interfaces = all"',
    '  when: ansible_os_family == "Debian"',
    '- lineinfile: path=/etc/postfix/main.cf line="inet_protocols = ipv4"',
    '  when: true',
    '- block:',
    '    - lineinfile: path=/etc/postfix/main.cf line="mynetworks = 127.0.0.0/8"',
    '  rescue:',
    '    - lineinfile: path=/etc/postfix/main.cf line="mynetworks = 0.0.0.0/0"',
    '',
  ].join('\n');
  assert.deepEqual(
    extract(text).edits.map((e) => [e.span.line, e.maybe]),
    [
      [1, true],
      [3, false],
      [6, false],
      [8, true],
    ],
  );
});

test('a loop over a literal list of dicts is expanded per item; item.x resolves', () => {
  const text = [
    '- name: postfix settings',
    '  lineinfile:',
    '    path: /etc/postfix/main.cf',
    "    regexp: '^{{ item.name }} '",
    '    line: "{{ item.name }} = {{ item.value }}"',
    '  loop:',
    '    - { name: inet_interfaces, value: all }',
    '    - name: mynetworks',
    '      value: 0.0.0.0/0',
    '',
  ].join('\n');
  const out = extract(text);
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'set', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '2:3-2:13', maybe: false, text: 'inet_interfaces = all\n' },
    { kind: 'set', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '2:3-2:13', maybe: false, text: 'mynetworks = 0.0.0.0/0\n' },
  ]);
  assert.equal(origin(out.edits[1]!, 1, 1), '5:11');
});

test('a loop over unknown data gives unknown values and maybe edits; role defaults resolve other expressions', () => {
  const text = [
    '- lineinfile:',
    '    path: "{{ postfix_conf_dir }}/main.cf"',
    '    line: "{{ item.key }} = {{ item.value }}"',
    '  loop: "{{ postfix_settings_from_inventory | dict2items }}"',
    '- lineinfile:',
    '    path: "{{ postfix_conf_dir }}/main.cf"',
    '    line: inet_interfaces = {{ postfix_interfaces }}',
    '',
  ].join('\n');
  const out = extract(text, { 'roles/postfix/defaults/main.yml': 'postfix_conf_dir: /etc/postfix\npostfix_interfaces: loopback-only\n' });
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'set', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '1:3-1:13', maybe: true, text: `${UNKNOWN_MARK} = ${UNKNOWN_MARK}\n` },
    { kind: 'set', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '5:3-5:13', maybe: false, text: 'inet_interfaces = loopback-only\n' },
  ]);
  // Literal text of a plain scalar keeps its column; the expression's value maps to its tag.
  assert.equal(origin(out.edits[1]!, 1, 1), '7:11');
  assert.equal(origin(out.edits[1]!, 1, 19), '7:29');
  assert.equal(originEnd(out.edits[1]!, 1, 32), '7:53');
});

test('apt/dnf installing postfix names the base distribution; package is a note', () => {
  const text = [
    '- apt:',
    '    name: [postfix, mailutils]',
    '    state: present',
    '- ansible.builtin.dnf: name=postfix',
    '- package: name=postfix',
    '- apt: name=nginx',
    '',
  ].join('\n');
  const out = extract(text);
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'base', scope: 'roles/postfix', directory: '/etc/postfix', span: '1:3-1:6', maybe: false, distribution: 'debian' },
    { kind: 'base', scope: 'roles/postfix', directory: '/etc/postfix', span: '4:3-4:22', maybe: false, distribution: 'rhel' },
  ]);
  assert.equal(out.notes.length, 1);
});

test('a playbook: play vars resolve, included task files belong to the playbook, src resolves beside it', () => {
  const playbook = [
    '- hosts: mail',
    '  vars:',
    '    relay_networks: 10.0.0.0/8',
    '  tasks:',
    '    - lineinfile: path=/etc/postfix/main.cf line="mynetworks = {{ relay_networks }}"',
    '    - include_tasks: tasks/postfix.yml',
    '    - template: src=main.cf.j2 dest=/etc/postfix/main.cf',
    '',
  ].join('\n');
  const included = '- copy:\n    dest: /etc/postfix/main.cf\n    content: |\n      inet_interfaces = all\n';
  const out = extract(playbook, { 'site/tasks/postfix.yml': included, 'site/templates/main.cf.j2': 'x' }, 'site/mail.yml');
  assert.equal(ansibleTasks.matches('site/mail.yml', playbook), true);
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'set', scope: 'site/mail.yml', directory: '/etc/postfix', target: 'main.cf', span: '5:7-5:17', maybe: false, text: 'mynetworks = 10.0.0.0/8\n' },
    { kind: 'write', scope: 'site/mail.yml', directory: '/etc/postfix', target: 'main.cf', span: '1:3-1:7', maybe: false, text: 'inet_interfaces = all\n' },
    { kind: 'link', scope: 'site/mail.yml', directory: '/etc/postfix', target: 'main.cf', span: '7:7-7:15', maybe: false, source: 'site/templates/main.cf.j2' },
  ]);
  assert.equal(out.edits[1]!.span.file, 'site/tasks/postfix.yml');
  assert.equal(out.edits[1]!.kind === 'write' && out.edits[1]!.fragment.file, 'site/tasks/postfix.yml');
});

test('matches role task and handler files and playbooks only', () => {
  assert.equal(ansibleTasks.matches('roles/postfix/tasks/main.yml', '- lineinfile: {}'), true);
  assert.equal(ansibleTasks.matches('ansible/roles/postfix/handlers/main.yaml', ''), true);
  assert.equal(ansibleTasks.matches('roles/postfix/defaults/main.yml', 'postfix: 1'), false);
  assert.equal(ansibleTasks.matches('roles/postfix/tasks/main.cf', ''), false);
  assert.equal(ansibleTasks.matches('docker-compose.yml', 'services:\n  postfix: {}\n'), false);
  assert.equal(ansibleTasks.matches('.tekton/tasks/mail.yaml', 'apiVersion: v1\nkind: ConfigMap\n'), false);
  assert.equal(ansibleTasks.matches('k8s/ingress.yaml', 'kind: Ingress\nspec:\n  rules:\n  hosts:\n'), false);
});

test('malformed YAML is a diagnostic with line and column, fatal when the file is about mail', () => {
  const text = '- lineinfile:\n    path: /etc/postfix/main.cf\n    line: "a = b\n';
  const out = extract(text);
  assert.deepEqual(out.edits, []);
  assert.equal(out.diagnostics.length >= 1, true);
  // The yaml parser reports an unclosed quote where the input ends.
  assert.deepEqual(out.diagnostics.map((d) => [d.file, d.line, d.column, d.message, d.fatal]), [[TASKS, 4, 1, 'YAML: Missing closing "quote', true]]);
  const indented = extract('- lineinfile:\n    path: /etc/postfix/main.cf\n   line: a\n');
  assert.deepEqual(indented.diagnostics.map((d) => [d.line, d.column, d.fatal]), [[3, 1, true]]);
  const other = extract('- debug: msg="x\n  - : :\n');
  assert.equal(other.diagnostics.every((d) => !d.fatal), true);
  assert.equal(other.diagnostics.length >= 1, true);
});

test('a role published on its own (tasks/ beside meta/): its defaults resolve a template loop over main.cf and master.cf', () => {
  const text = [
    '- name: Install config files',
    '  template:',
    '    src: "{{ item }}.j2"',
    '    dest: "{{ mail_config_dir }}/{{ item }}"',
    '  loop:',
    '    - main.cf',
    '    - master.cf',
    '- template:',
    '    src: main.cf.j2',
    '    dest: "{{ undeclared_path }}"',
    '  when: mail_enabled',
    '',
  ].join('\n');
  const files = {
    'meta/main.yml': 'galaxy_info: {}\n',
    'defaults/main.yml': 'mail_config_dir: /etc/postfix\n',
    'templates/main.cf.j2': 'x',
    'templates/master.cf.j2': 'x',
  };
  const out = extract(text, files, 'tasks/main.yml');
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'link', scope: '.', directory: '/etc/postfix', target: 'main.cf', span: '2:3-2:11', maybe: false, source: 'templates/main.cf.j2' },
    { kind: 'link', scope: '.', directory: '/etc/postfix', target: 'master.cf', span: '2:3-2:11', maybe: false, source: 'templates/master.cf.j2' },
    { kind: 'link', scope: '.', directory: '/etc/postfix', target: 'main.cf', span: '8:3-8:11', maybe: true, source: 'templates/main.cf.j2' },
  ]);
  assert.deepEqual(out.notes, ['tasks/main.yml:8: template dest could not be resolved; main.cf assumed in /etc/postfix (from the src name)']);
  // Without role metadata, tasks/main.yml is still a role's entry point: judged as the role it is.
  const bare = extract(text, { 'defaults/main.yml': 'mail_config_dir: /etc/postfix\n', 'templates/main.cf.j2': 'x', 'templates/master.cf.j2': 'x' }, 'tasks/main.yml');
  assert.deepEqual(bare.edits.map(summarize), out.edits.map(summarize));
  // A playbook beside tasks/ makes it a playbook project: its task files are read through the playbook.
  const project = extract(text, { 'site.yml': '- hosts: all\n  tasks:\n    - include_tasks: tasks/main.yml\n', 'templates/main.cf.j2': 'x' }, 'tasks/main.yml');
  assert.deepEqual(project.edits, []);
  assert.deepEqual(project.notes, ['tasks/main.yml: a tasks file outside a role is read only through the playbook that includes it']);
});

test('an undeclared destination folder is assumed to be the usual one, with a note', () => {
  const text = '- lineinfile:\n    path: "{{ undeclared_dir }}/main.cf"\n    line: relayhost = [mx]\n';
  const out = extract(text);
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'set', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '1:3-1:13', maybe: false, text: 'relayhost = [mx]\n' },
  ]);
  assert.deepEqual(out.notes, ['roles/postfix/tasks/main.yml:1: the folder of main.cf could not be resolved; /etc/postfix assumed']);
});

test('replace on main.cf rewrites a definition only where it exists: set-if-present; a commenting replacement unsets', () => {
  const text = [
    '- ansible.builtin.replace:',
    '    path: /etc/postfix/main.cf',
    "    regexp: '^inet_interfaces\\s*=.*$'",
    "    replace: 'inet_interfaces = all'",
    '- replace: path=/etc/postfix/main.cf regexp=^mynetworks replace="#mynetworks"',
    "- replace: path=/etc/postfix/main.cf regexp='^relayhost = (.*)' replace='relayhost = [\\1]'",
    '',
  ].join('\n');
  const out = extract(text);
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'set-if-present', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '1:3-1:26', maybe: false, text: 'inet_interfaces = all\n', name: 'inet_interfaces' },
    { kind: 'unset', scope: 'roles/postfix', directory: '/etc/postfix', target: 'main.cf', span: '5:3-5:10', maybe: false, name: 'mynetworks', nameSpan: '5:46-5:56' },
  ]);
  assert.deepEqual(out.notes, ['roles/postfix/tasks/main.yml:6: replace uses back-references; task not read']);
});
