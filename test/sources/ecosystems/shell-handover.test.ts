import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyExtraction, type Extraction } from '../../../src/sources/contracts/edits.js';
import { memoryRepository } from '../../../src/sources/contracts/repository.js';
import { ansibleTasks } from '../../../src/sources/ecosystems/ansible/playbooks.js';
import { cloudInit } from '../../../src/sources/ecosystems/cloud-init/cloud-config.js';
import { useShellExtractor, type ShellContext } from '../../../src/sources/languages/yaml/shell-bridge.js';

interface Handed {
  text: string;
  /** Host `line:column` of each character of `text`. */
  at: string[];
  context: ShellContext;
}

/** Runs `body` with a shell extractor that records what it is handed. */
function recording(body: () => Extraction): { handed: Handed[]; out: Extraction } {
  const handed: Handed[] = [];
  const restore = useShellExtractor((text, position, context) => {
    handed.push({ text, at: [...text].map((_, i) => position(i)).map((p) => `${p.line}:${p.column}`), context });
    return emptyExtraction();
  });
  try {
    return { handed, out: body() };
  } finally {
    restore();
  }
}

test('Ansible shell/command: the command text, its columns, the role scope and when: maybe', () => {
  const text = [
    '- shell: postconf -e inet_interfaces=all chdir=/tmp',
    '  when: open_relay',
    '- ansible.builtin.command:',
    '    cmd: "postconf -e {{ item }}"',
    '  loop: [mynetworks=0.0.0.0/0]',
    '- command:',
    '    argv: [postconf, -e, "smtpd_client_restrictions = permit"]',
    '',
  ].join('\n');
  const path = 'roles/mail/tasks/main.yml';
  const { handed } = recording(() => ansibleTasks.extract({ path, text }, memoryRepository({ [path]: text })));
  assert.deepEqual(
    handed.map((h) => [h.text, h.context]),
    [
      ['postconf -e inet_interfaces=all ', { file: path, scope: 'roles/mail', form: 'ansible', maybe: true }],
      ['postconf -e mynetworks=0.0.0.0/0', { file: path, scope: 'roles/mail', form: 'ansible', maybe: false }],
      ["postconf -e 'smtpd_client_restrictions = permit'", { file: path, scope: 'roles/mail', form: 'ansible', maybe: false }],
    ],
  );
  // Plain scalar: literal columns; `chdir=` is Ansible's option, not the command's.
  assert.deepEqual(handed[0]!.at.slice(0, 3), ['1:10', '1:11', '1:12']);
  assert.equal(handed[0]!.at[12], '1:22');
  // A quoted scalar without escapes keeps its columns for shell words; a loop value maps to its tag.
  assert.deepEqual([handed[1]!.at[0], handed[1]!.at[11], handed[1]!.at[12], handed[1]!.at[31]], ['4:11', '4:22', '4:23', '4:23']);
  // argv words keep their own columns; the added quotes map to the word.
  assert.equal(handed[2]!.at[0], '7:12');
  assert.equal(handed[2]!.at[9], '7:22');
  assert.deepEqual([handed[2]!.at[12], handed[2]!.at[13], handed[2]!.at[14]], ['7:27', '7:27', '7:28']);
});

test('cloud-init runcmd and bootcmd: strings and argv lists, bootcmd first, scope the file', () => {
  const text = [
    '#cloud-config',
    'runcmd:',
    '  - postconf -e inet_interfaces=all',
    '  - [postconf, -e, mynetworks=0.0.0.0/0]',
    'bootcmd:',
    '  - |',
    '    postconf -e \\',
    '      relayhost=[mx]',
    '',
  ].join('\n');
  const { handed } = recording(() => cloudInit.extract({ path: 'user-data', text }, memoryRepository({})));
  const context = { file: 'user-data', scope: 'user-data', form: 'cloud-init', maybe: false };
  assert.deepEqual(
    handed.map((h) => [h.text, h.context]),
    [
      ['postconf -e \\\n  relayhost=[mx]\n', context],
      ['postconf -e inet_interfaces=all', context],
      ['postconf -e mynetworks=0.0.0.0/0', context],
    ],
  );
  assert.deepEqual([handed[0]!.at[0], handed[0]!.at[16]], ['7:5', '8:7']);
  assert.equal(handed[1]!.at[12], '3:17');
  assert.deepEqual([handed[2]!.at[0], handed[2]!.at[9], handed[2]!.at[12]], ['4:6', '4:16', '4:20']);
});
