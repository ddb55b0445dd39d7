import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { defaultOptions } from '../../../src/config/options.js';
import { scan } from '../../../src/scan.js';
import { HOST_FORMATS, registerHostFormat } from '../../../src/sources/host-formats.js';
import { ansibleTasks } from '../../../src/sources/ecosystems/ansible/playbooks.js';
import { cloudInit } from '../../../src/sources/ecosystems/cloud-init/cloud-config.js';
import { kubernetes } from '../../../src/sources/ecosystems/kubernetes/manifests.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'relaygate-yaml-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** Our formats take part in discovery for this test, unless the hub registered them already. */
function withYamlFormats(): () => void {
  const removers = [ansibleTasks, cloudInit, kubernetes].filter((f) => !HOST_FORMATS.includes(f)).map((f) => registerHostFormat(f));
  return () => {
    for (const remove of removers) remove();
  };
}

const ENCODED = gzipSync(Buffer.from('inet_interfaces = all\nsmtpd_client_restrictions =\n')).toString('base64');
const encodedLength = ENCODED.length;

test('scan: lineinfile opening the relay on a Debian role, cloud-init gzip content, and a safe ConfigMap', async (t) => {
  const root = tree({
    'roles/mail/tasks/main.yml': [
      '- name: Install postfix',
      '  apt:',
      '    name: postfix',
      '- name: Let clients relay',
      '  lineinfile:',
      '    path: /etc/postfix/main.cf',
      "    regexp: '^smtpd_client_restrictions'",
      "    line: 'smtpd_client_restrictions = permit'",
      '',
    ].join('\n'),
    'cloud/user-data': [
      '#cloud-config',
      'write_files:',
      '  - path: /etc/postfix/main.cf',
      '    encoding: gz+b64',
      `    content: ${ENCODED}`,
      '',
    ].join('\n'),
    'k8s/postfix.yaml': 'kind: ConfigMap\nmetadata:\n  name: postfix\ndata:\n  main.cf: |\n    inet_interfaces = loopback-only\n',
  });
  const restore = withYamlFormats();
  t.after(() => {
    restore();
    rmSync(root, { recursive: true, force: true });
  });
  const result = await scan(defaultOptions(root));
  const relay = result.findings.filter((f) => f.ruleId === 'stig-postfix-relay');
  // Decoded content maps to the whole encoded scalar; the lineinfile value to its quoted `line` scalar.
  const cloudLine = relay.find((f) => f.file === 'cloud/user-data');
  assert.deepEqual(
    relay.map((f) => [f.file, f.line, f.column, f.endLine, f.certainty]),
    [
      ['cloud/user-data', 5, 14, 5, 'definite'],
      ['roles/mail/tasks/main.yml', 8, 11, 8, 'definite'],
    ],
  );
  assert.equal(relay[1]!.endColumn, 47);
  assert.equal(cloudLine!.endColumn, 14 + encodedLength);
  assert.match(relay[1]!.message, /Judged over the Debian family's packaged main\.cf \(debconf "Internet Site"\), recognised from apt: postfix at main\.yml line 2/);
  assert.deepEqual(
    result.configurations.map((c) => [c.form, c.files.join(',')]).sort(),
    [
      ['ansible', 'roles/mail/tasks/main.yml'],
      ['cloud-init', 'cloud/user-data'],
      ['kubernetes', 'k8s/postfix.yaml'],
    ],
  );
});
