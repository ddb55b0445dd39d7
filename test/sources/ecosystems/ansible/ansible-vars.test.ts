import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ansibleLayout, loadAnsibleVariables } from '../../../../src/sources/ecosystems/ansible/variables.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { plainScope } from '../../../../src/sources/contracts/variables.js';
import { UNKNOWN } from '../../../../src/sources/contracts/values.js';

const TEMPLATE = 'site/roles/mail/templates/main.cf.j2';
const REPO = memoryRepository({
  [TEMPLATE]: '',
  'site/roles/mail/defaults/main.yml': [
    '---',
    'postfix_client_restrictions: permit',
    'postfix_inet_interfaces: all',
    'postfix_relayhost: ""',
    'postfix_tls: yes',
    'postfix_secret: !vault |',
    '  $ANSIBLE_VAULT;1.1;AES256',
    '  6162',
    '',
  ].join('\n'),
  'site/roles/mail/vars/main.yml': '# role vars beat defaults\npostfix_inet_interfaces: loopback-only\n',
  'site/group_vars/all/10-mail.yml': 'postfix_relayhost: "[smtp.example.com]"\npostfix_origin: a\n',
  'site/group_vars/all/20-mail.yml': 'postfix_origin: b\n',
});

test('layout: role folder and the folder holding roles/', () => {
  assert.deepEqual(ansibleLayout(TEMPLATE), { role: 'site/roles/mail', project: 'site' });
  assert.deepEqual(ansibleLayout('roles/x/templates/a/main.cf.j2'), { role: 'roles/x', project: '.' });
  assert.deepEqual(ansibleLayout('playbooks/templates/main.cf.j2'), { role: null, project: 'playbooks' });
  assert.equal(ansibleLayout('etc/main.cf.j2'), null);
});

test('precedence: role vars > group_vars/all > role defaults, each with its defining line', () => {
  const vars = loadAnsibleVariables(TEMPLATE, REPO);
  assert.deepEqual(vars.files, [
    'site/roles/mail/vars/main.yml',
    'site/group_vars/all/20-mail.yml',
    'site/group_vars/all/10-mail.yml',
    'site/roles/mail/defaults/main.yml',
  ]);
  assert.deepEqual(vars.lookup('postfix_inet_interfaces'), { value: 'loopback-only', origin: { file: 'site/roles/mail/vars/main.yml', line: 2 } });
  assert.deepEqual(vars.lookup('postfix_relayhost'), { value: '[smtp.example.com]', origin: { file: 'site/group_vars/all/10-mail.yml', line: 1 } });
  assert.deepEqual(vars.lookupOrigin('postfix_client_restrictions'), { file: 'site/roles/mail/defaults/main.yml', line: 2 });
  // Within group_vars/all/, files load in name order and the later one wins.
  assert.deepEqual(vars.lookup('postfix_origin'), { value: 'b', origin: { file: 'site/group_vars/all/20-mail.yml', line: 1 } });
  // YAML 1.1 as Ansible reads it: yes is a boolean.
  assert.equal(vars.lookup('postfix_tls')?.value, true);
  assert.equal(vars.lookup('postfix_secret')?.value, UNKNOWN);
  assert.equal(vars.lookup('nope'), undefined);
  assert.deepEqual(vars.diagnostics, []);
});

test('extra variables (--vars) beat everything; group_vars/all.yml as a single file', () => {
  const repo = memoryRepository({
    'roles/r/defaults/main.yml': 'a: 1\n',
    'group_vars/all.yml': 'a: 2\nb: 3\n',
  });
  const vars = loadAnsibleVariables('roles/r/templates/main.cf.j2', repo, [plainScope({ a: 9 }, 'extra.yml')]);
  assert.deepEqual(vars.lookup('a'), { value: 9, origin: { file: 'extra.yml', line: 1 } });
  assert.deepEqual(vars.lookup('b'), { value: 3, origin: { file: 'group_vars/all.yml', line: 2 } });
});

test('a broken variables file is a diagnostic, not a crash', () => {
  const repo = memoryRepository({ 'roles/r/defaults/main.yml': 'a: [1\nb: 2\n' });
  const vars = loadAnsibleVariables('roles/r/templates/main.cf.j2', repo);
  assert.equal(vars.lookup('b'), undefined);
  assert.deepEqual(vars.diagnostics[0], {
    file: 'roles/r/defaults/main.yml',
    line: 2,
    column: 1,
    message: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
  });
});

test('a role published on its own (templates/ and defaults/ at the top, defaults/main.yaml) reads its defaults', () => {
  const repo = memoryRepository({
    'templates/etc/postfix/main.cf.j2': '',
    'defaults/main.yaml': 'postfix_inet_interfaces: loopback-only\n',
    'tasks/main.yaml': '- name: x\n  debug: {}\n',
  });
  const vars = loadAnsibleVariables('templates/etc/postfix/main.cf.j2', repo);
  assert.deepEqual(vars.lookup('postfix_inet_interfaces'), {
    value: 'loopback-only',
    origin: { file: 'defaults/main.yaml', line: 1 },
  });
  // A folder of templates that is not a role reads no role defaults.
  const plain = memoryRepository({ 'templates/main.cf.j2': '', 'defaults.yml': 'x: 1\n' });
  assert.equal(loadAnsibleVariables('templates/main.cf.j2', plain).lookup('x'), undefined);
});
