/**
 * Mail configuration written through YAML aliases and merge keys is read as
 * the tools read it (PyYAML for Ansible and cloud-init, go-yaml for
 * Kubernetes), with the anchor's span; an alias bomb is refused with a
 * diagnostic, within the yaml package's own bound.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { defaultOptions } from '../../../../src/config/options.js';
import { scan } from '../../../../src/scan.js';
import { resolveAliases } from '../../../../src/sources/languages/yaml/aliases.js';
import { withoutRelayRules } from '../../../helpers/relay-rules-off.js';
import { temporaryTrees } from '../../../helpers/temp-tree.js';
import { findingRows } from '../../../helpers/finding-rows.js';

const tree = temporaryTrees('aliases');
const OPEN = 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n';

async function relayFindings(files: Record<string, string>) {
  const result = await scan(withoutRelayRules(defaultOptions(tree(files))));
  return {
    findings: findingRows(result.findings),
    notes: result.notes,
  };
}

describe('YAML aliases and merge keys in host files', () => {
  // Each finding is on the anchored text (its line and the value's column), not on the alias.
  it('a ConfigMap data value written as an alias: judged, at the anchor', async () => {
    const r = await relayFindings({
      'k8s/postfix.yaml': [
        'kind: ConfigMap',
        'metadata:',
        '  name: postfix',
        '  annotations:',
        '    template: &m |',
        '      inet_interfaces = all',
        '      smtpd_client_restrictions = permit',
        'data:',
        '  main.cf: *m',
        '',
      ].join('\n'),
    });
    assert.deepEqual(r.findings, [['stig-postfix-relay', 'k8s/postfix.yaml', 7, 35, 'definite']]);
  });

  it('a ConfigMap data map through a << merge', async () => {
    const r = await relayFindings({
      'k8s/postfix.yaml': ['base: &b', '  main.cf: |', '    inet_interfaces = all', '    smtpd_client_restrictions = permit', '---', 'kind: ConfigMap', 'metadata: { name: a }', 'data: { <<: { x: "1" } }', ''].join('\n'),
      'k8s/other.yaml': ['kind: ConfigMap', 'metadata:', '  name: b', 'data:', '  <<: &d', '    main.cf: |', '      inet_interfaces = all', '      smtpd_client_restrictions = permit', '  other: x', ''].join('\n'),
    });
    assert.deepEqual(r.findings, [['stig-postfix-relay', 'k8s/other.yaml', 8, 35, 'definite']]);
  });

  it('a cloud-init write_files content written as an alias', async () => {
    const r = await relayFindings({
      'cloud/user-data': [
        '#cloud-config',
        'x-main: &main |',
        '  inet_interfaces = all',
        '  smtpd_client_restrictions = permit',
        'write_files:',
        '  - path: /etc/postfix/main.cf',
        '    content: *main',
        '',
      ].join('\n'),
    });
    assert.deepEqual(r.findings, [['stig-postfix-relay', 'cloud/user-data', 4, 31, 'definite']]);
  });

  it('a cloud-init write_files entry built by a merge of a shared entry', async () => {
    const r = await relayFindings({
      'cloud/user-data': [
        '#cloud-config',
        'x-entry: &entry',
        '  path: /etc/postfix/main.cf',
        '  content: |',
        '    inet_interfaces = all',
        '    smtpd_client_restrictions = permit',
        'write_files:',
        '  - <<: *entry',
        '    owner: root:root',
        '',
      ].join('\n'),
    });
    assert.deepEqual(r.findings, [['stig-postfix-relay', 'cloud/user-data', 6, 33, 'definite']]);
  });

  it('an Ansible copy: content alias and a lineinfile: line through a merge', async () => {
    const r = await relayFindings({
      'roles/mail/tasks/main.yml': [
        '- name: main.cf',
        '  copy:',
        '    dest: /etc/postfix/main.cf',
        '    content: &main |',
        '      inet_interfaces = all',
        '      smtpd_client_restrictions = permit_mynetworks, reject',
        '- name: again',
        '  copy:',
        '    dest: /etc/postfix/other/main.cf',
        '    content: *main',
        '- name: open it',
        '  lineinfile: &open',
        '    path: /etc/postfix/main.cf',
        "    line: 'smtpd_client_restrictions = permit'",
        '- name: open the other one',
        '  lineinfile:',
        '    <<: *open',
        '    path: /etc/postfix/other/main.cf',
        '',
      ].join('\n'),
    });
    // Both servers get the aliased line: one finding there, with the inputs of both.
    assert.deepEqual(r.findings, [['stig-postfix-relay', 'roles/mail/tasks/main.yml', 14, 11, 'definite']]);
  });

  it('an alias bomb is refused with a diagnostic (the yaml package bound), the other files are judged', async () => {
    const bomb = ['#cloud-config', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    bomb.push('write_files:', '  - path: /etc/postfix/main.cf', '    content: *i', '');
    const r = await relayFindings({ 'cloud/user-data': bomb.join('\n'), 'relay/postfix/main.cf': OPEN });
    assert.deepEqual(r.findings, [
      ['config-unreadable', 'cloud/user-data', 2, 1, 'definite'],
      ['stig-postfix-relay', 'relay/postfix/main.cf', 2, 29, 'definite'],
    ]);
  });
});

describe('resolveAliases', () => {
  const resolved = (text: string) => {
    const document = parseDocument(text, { lineCounter: new LineCounter(), version: '1.1' });
    return { refused: resolveAliases(document), document };
  };

  it('an alias is the anchored node itself (its span), a merge keeps explicit keys and earlier sources first', () => {
    const { refused, document } = resolved('a: &x 1\nb: &y { k: 2, j: 3 }\nc: &z { k: 4, m: 5 }\nd: *x\ne:\n  <<: [*y, *z]\n  j: 6\n');
    assert.equal(refused, null);
    const top = document.contents;
    assert.ok(isMap(top));
    const d = top.get('d', true);
    assert.ok(isScalar(d));
    assert.deepEqual(d.range?.slice(0, 2), [6, 7]);
    const e = top.get('e', true);
    assert.ok(isMap(e));
    assert.deepEqual(
      e.items.map((p) => [String((p.key as { value: unknown }).value), (p.value as { value: unknown }).value]),
      [['k', 2], ['m', 5], ['j', 6]],
    );
    assert.deepEqual(document.toJS(), { a: 1, b: { k: 2, j: 3 }, c: { k: 4, m: 5 }, d: 1, e: { k: 2, m: 5, j: 6 } });
  });

  it('an alias names the last anchor of that name before it; a document without aliases is untouched', () => {
    const { document } = resolved('a: &x 1\nb: *x\nc: &x 2\nd: *x\n');
    assert.deepEqual(document.toJS(), { a: 1, b: 1, c: 2, d: 2 });
    assert.equal(resolved('a: 1\nb: [2]\n').refused, null);
  });

  it('too many aliases: refused with the yaml package\'s message, nothing rewritten', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 6; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    const { refused } = resolved(lines.join('\n'));
    assert.equal(refused, 'Excessive alias count indicates a resource exhaustion attack');
  });
});
