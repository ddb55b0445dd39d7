import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../../../src/model/source.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { extractKubernetesText, kubernetes } from '../../../../src/sources/ecosystems/kubernetes/manifests.js';
import { origin, summarize } from '../summary.js';

const FILE = 'deploy/postfix.yaml';

test('a ConfigMap key main.cf (block scalar) and a Secret with base64 master.cf, in one stream', () => {
  const master = 'smtp inet n - n - - smtpd\n';
  const text = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: postfix-config',
    'data:',
    '  main.cf: |',
    '    inet_interfaces = all',
    '    smtpd_client_restrictions = permit',
    '  README: hello',
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata: {name: postfix-secret}',
    'data:',
    `  master.cf: ${Buffer.from(master).toString('base64')}`,
    '',
  ].join('\n');
  assert.equal(kubernetes.matches(FILE, text), true);
  const out = kubernetes.extract({ path: FILE, text }, memoryRepository({}));
  assert.deepEqual(out.diagnostics, []);
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'write', scope: `${FILE}#postfix-config`, directory: '/etc/postfix', target: 'main.cf', span: '6:3-6:10', maybe: false, text: 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n' },
    { kind: 'write', scope: `${FILE}#postfix-secret`, directory: '/etc/postfix', target: 'master.cf', span: '15:3-15:12', maybe: false, text: master },
  ]);
  assert.equal(origin(out.edits[0]!, 2, 29), '8:33');
  assert.equal(origin(out.edits[1]!, 1, 6), '15:14');
});

test('a key with another name is read when its content sniffs as a mail file; stringData is text', () => {
  const text = [
    'kind: Secret',
    'metadata:',
    '  name: mail',
    'stringData:',
    '  postfix-main: |',
    '    mynetworks = 0.0.0.0/0',
    '  sendmail.mc: "FEATURE(`promiscuous_relay\')dnl\\n"',
    '  password: hunter2',
    '',
  ].join('\n');
  const out = kubernetes.extract({ path: FILE, text }, memoryRepository({}));
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'write', scope: `${FILE}#mail`, directory: '/etc/postfix', target: 'main.cf', span: '5:3-5:15', maybe: false, text: 'mynetworks = 0.0.0.0/0\n' },
    { kind: 'write', scope: `${FILE}#mail`, directory: '/etc/mail', target: 'sendmail.mc', span: '7:3-7:14', maybe: false, text: "FEATURE(`promiscuous_relay')dnl\n" },
  ]);
});

test('extractKubernetesText maps through the caller position function (a rendered Helm template)', () => {
  // The template had two extra lines before the manifest: rendered line n is template line n + 2.
  const rendered = 'kind: ConfigMap\nmetadata:\n  name: relay\ndata:\n  main.cf: |\n    inet_interfaces = all\n';
  const index = new LineIndex(rendered);
  const out = extractKubernetesText(rendered, (offset) => {
    const p = index.position(offset);
    return { line: p.line + 2, column: p.column };
  }, 'chart/templates/configmap.yaml');
  assert.deepEqual(out.edits.map(summarize), [
    { kind: 'write', scope: 'chart/templates/configmap.yaml#relay', directory: '/etc/postfix', target: 'main.cf', span: '7:3-7:10', maybe: false, text: 'inet_interfaces = all\n' },
  ]);
  assert.equal(origin(out.edits[0]!, 1, 19), '8:23');
});

test('bad base64 under a mail key is a fatal diagnostic; malformed YAML is a diagnostic, never a throw', () => {
  const bad = kubernetes.extract({ path: FILE, text: 'kind: Secret\nmetadata: {name: x}\ndata:\n  main.cf: "!!!"\n' }, memoryRepository({}));
  assert.deepEqual(bad.diagnostics.map((d) => [d.line, d.column, d.fatal, d.message]), [[4, 12, true, 'main.cf: not valid base64']]);
  const broken = kubernetes.extract({ path: FILE, text: 'kind: ConfigMap\ndata:\n  main.cf: [unclosed\n' }, memoryRepository({}));
  assert.deepEqual(broken.edits, []);
  assert.deepEqual(broken.diagnostics.map((d) => [d.file, d.fatal]), [[FILE, true]]);
  assert.equal(broken.diagnostics[0]!.line >= 3, true);
});

test('matches ConfigMap/Secret YAML, not Helm templates with actions', () => {
  assert.equal(kubernetes.matches('k8s/cm.yml', 'apiVersion: v1\nkind: ConfigMap\n'), true);
  assert.equal(kubernetes.matches('k8s/deploy.yml', 'kind: Deployment\n'), false);
  assert.equal(kubernetes.matches('chart/templates/cm.yaml', 'kind: ConfigMap\ndata:\n  main.cf: {{ .Values.x }}\n'), false);
});
