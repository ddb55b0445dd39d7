import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryRepository } from '../../../src/sources/contracts/repository.js';
import { ansibleTasks } from '../../../src/sources/ecosystems/ansible/playbooks.js';
import { cloudInit } from '../../../src/sources/ecosystems/cloud-init/cloud-config.js';
import { origin } from './summary.js';

/** With the real shell extractor: what the instance assembler gets from shell text inside YAML. */
function brief(edit: import('../../../src/sources/contracts/edits.js').Edit): unknown[] {
  return [edit.kind, edit.key.scope, edit.key.directory, 'target' in edit ? edit.target : null, 'fragment' in edit ? edit.fragment.text : edit.kind === 'unset' ? edit.name : null, edit.span.line, edit.maybe, edit.form];
}

test('Ansible shell task with postconf -e (several arguments) under when:, and a heredoc append', () => {
  const path = 'roles/mail/tasks/main.yml';
  const text = [
    "- shell: postconf -e inet_interfaces=all 'mynetworks = 0.0.0.0/0'",
    '  when: relay_enabled',
    '- ansible.builtin.shell: |',
    '    cat >> /etc/postfix/main.cf <<EOF',
    '    smtpd_client_restrictions = permit',
    '    EOF',
    '',
  ].join('\n');
  const out = ansibleTasks.extract({ path, text }, memoryRepository({ [path]: text }));
  assert.deepEqual(out.diagnostics, []);
  assert.deepEqual(out.edits.map(brief), [
    ['set', 'roles/mail', '/etc/postfix', 'main.cf', 'inet_interfaces = all\nmynetworks = 0.0.0.0/0\n', 1, true, 'ansible'],
    ['append', 'roles/mail', '/etc/postfix', 'main.cf', 'smtpd_client_restrictions = permit\n', 4, false, 'ansible'],
  ]);
  // `inet_interfaces` at its column in the task line; the heredoc line at its column in the block scalar.
  assert.equal(origin(out.edits[0]!, 1, 1), '1:22');
  assert.equal(origin(out.edits[1]!, 1, 1), '5:5');
});

test('cloud-init runcmd: postconf -e from an argv list and postconf -X from a string', () => {
  const text = '#cloud-config\nruncmd:\n  - [postconf, -e, inet_interfaces=all]\n  - postconf -X smtpd_client_restrictions\n';
  const out = cloudInit.extract({ path: 'user-data', text }, memoryRepository({}));
  assert.deepEqual(out.edits.map(brief), [
    ['set', 'user-data', '/etc/postfix', 'main.cf', 'inet_interfaces = all\n', 3, false, 'cloud-init'],
    ['unset', 'user-data', '/etc/postfix', 'main.cf', 'smtpd_client_restrictions', 4, false, 'cloud-init'],
  ]);
  assert.equal(origin(out.edits[0]!, 1, 1), '3:20');
});
