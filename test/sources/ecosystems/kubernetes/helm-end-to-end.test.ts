import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';
import { assemblePostfix } from '../../../../src/mta/postfix/index.js';
import { parseMainCf } from '../../../../src/mta/postfix/main-cf.js';
import { PROFILES } from '../../../../src/rules/profiles.js';
import { rule as stigPostfixRelay } from '../../../../src/rules/stig-postfix-relay.js';
import { remapSpans, type Fragment } from '../../../../src/sources/contracts/fragment.js';
import { composePosition, helmConfigMaps, renderHelmManifest } from '../../../../src/sources/ecosystems/kubernetes/helm-configmaps.js';
import { goTemplate as language } from '../../../../src/sources/template-languages.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';

const PATH = 'charts/mail/templates/main.cf.tmpl';
const TEMPLATE = [
  '# {{ .Chart.Name }} {{ .Chart.AppVersion }}',
  'myhostname = {{ .Values.hostname | default "mail.local" }}',
  'inet_interfaces = {{ default "all" .Values.interfaces }}',
  '{{- if .Values.clientRestrictions }}',
  'smtpd_client_restrictions = {{ join ", " .Values.clientRestrictions }}',
  '{{- end }}',
  'mynetworks = {{ range $i, $n := .Values.networks }}{{ if $i }}, {{ end }}{{ $n }}{{ end }}',
  '{{- /* relayhost comes from the release */}}',
  '{{ if .Release.IsUpgrade -}}',
  'relayhost = [{{ .Release.Name }}]:587',
  '{{ end -}}',
  'smtp_tls_security_level = {{ .Values.tls | lower }}',
  '',
].join('\n');
const CHART = 'apiVersion: v2\nname: mail\nappVersion: "3.8"\n';
const WEAK = 'hostname: mx.example.com\ntls: MAY\nclientRestrictions:\n  - permit_mynetworks\n  - permit\nnetworks:\n  - 127.0.0.0/8\n  - 10.0.0.0/8\n';

function chart(values: string, template = TEMPLATE) {
  const repo = memoryRepository({ [PATH]: template, 'charts/mail/Chart.yaml': CHART, 'charts/mail/values.yaml': values });
  return language.render({ path: PATH, text: template, role: 'main.cf' }, language.variables(PATH, repo, []));
}

function judge(fragment: Fragment) {
  const [config] = assemblePostfix([{ path: fragment.file, text: fragment.text, role: 'main.cf' }]);
  assert.ok(config);
  return stigPostfixRelay.check(remapSpans(config, fragment), { profile: PROFILES.gen004710 }).map((r) => [r.ruleId, r.certainty, r.span]);
}

test('Helm main.cf.tmpl: rendered text, spans on template lines, values.yaml origins', () => {
  const rendered = chart(WEAK);
  assert.deepEqual(rendered.diagnostics, []);
  assert.equal(
    rendered.fragment.text,
    `# mail 3.8\nmyhostname = mx.example.com\ninet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, permit\nmynetworks = 127.0.0.0/8, 10.0.0.0/8\nrelayhost = [${UNKNOWN_MARK}]:587\nsmtp_tls_security_level = may\n`,
  );
  assert.deepEqual([...rendered.fragment.maybeLines], [6]);
  const mainCf = remapSpans(parseMainCf({ path: PATH, text: rendered.fragment.text }), rendered.fragment);
  const restrictions = mainCf.parameters.find((p) => p.name === 'smtpd_client_restrictions');
  assert.deepEqual(restrictions?.span, { file: PATH, line: 5, column: 1, endLine: 5, endColumn: 71 });
  assert.deepEqual(restrictions?.valueSpan, { file: PATH, line: 5, column: 29, endLine: 5, endColumn: 71 });
  const mynetworks = mainCf.parameters.find((p) => p.name === 'mynetworks');
  assert.equal(mynetworks?.value, '127.0.0.0/8, 10.0.0.0/8');
  assert.deepEqual(mynetworks?.nameSpan, { file: PATH, line: 7, column: 1, endLine: 7, endColumn: 11 });
  const relayhost = mainCf.parameters.find((p) => p.name === 'relayhost');
  assert.deepEqual(relayhost?.span, { file: PATH, line: 10, column: 1, endLine: 10, endColumn: 38 });
  assert.deepEqual(
    rendered.usedVariables.filter((v) => v.name.startsWith('Values.')),
    [
      { name: 'Values.clientRestrictions', origin: { file: 'charts/mail/values.yaml', line: 3 } },
      { name: 'Values.hostname', origin: { file: 'charts/mail/values.yaml', line: 1 } },
      { name: 'Values.interfaces', origin: null },
      { name: 'Values.networks', origin: { file: 'charts/mail/values.yaml', line: 6 } },
      { name: 'Values.tls', origin: { file: 'charts/mail/values.yaml', line: 2 } },
    ],
  );
});

test('stig-postfix-relay: weak values.yaml fails on the template line, safe values pass, no restrictions fails at line 1', () => {
  assert.deepEqual(judge(chart(WEAK).fragment), [['stig-postfix-relay', 'definite', { file: PATH, line: 5, column: 29, endLine: 5, endColumn: 71 }]]);
  assert.deepEqual(judge(chart(WEAK.replace('  - permit\n', '  - reject\n')).fragment), []);
  const none = judge(chart(WEAK.replace(/clientRestrictions:\n(?: {2}- .*\n)+/, 'clientRestrictions: []\n')).fragment);
  assert.deepEqual(none.map(([id, certainty, span]) => [id, certainty, (span as { line: number }).line]), [['stig-postfix-relay', 'definite', 1]]);
});

test('stig-postfix-relay: restrictions from an unknown .Release value are indeterminate on the template line', () => {
  const template = 'inet_interfaces = all\n{{- if .Release.IsInstall }}\nsmtpd_client_restrictions = {{ .Release.Name }}\n{{- end }}\n';
  const rendered = chart(WEAK, template);
  assert.equal(rendered.fragment.text, `inet_interfaces = all\nsmtpd_client_restrictions = ${UNKNOWN_MARK}\n`);
  assert.deepEqual([...rendered.fragment.maybeLines], [2]);
  assert.deepEqual(judge(rendered.fragment), [['stig-postfix-relay', 'indeterminate', { file: PATH, line: 3, column: 29, endLine: 3, endColumn: 48 }]]);
});

const CONFIGMAP_PATH = 'charts/mail/templates/configmap.yaml';
const CONFIGMAP = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: {{ include "mail.fullname" . }}',
  'data:',
  '  main.cf: |',
  '    inet_interfaces = {{ .Values.interfaces }}',
  '    {{- with .Values.clientRestrictions }}',
  '    smtpd_client_restrictions = {{ join ", " . }}',
  '    {{- end }}',
  '',
].join('\n');

test('Helm ConfigMap template: rendered, composePosition leads offsets to the template', () => {
  const repo = memoryRepository({ [CONFIGMAP_PATH]: CONFIGMAP, 'charts/mail/Chart.yaml': CHART, 'charts/mail/values.yaml': 'interfaces: all\nclientRestrictions: [permit_mynetworks, permit]\n' });
  const manifest = renderHelmManifest({ path: CONFIGMAP_PATH, text: CONFIGMAP }, repo);
  assert.equal(
    manifest.rendered.text,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${UNKNOWN_MARK}\ndata:\n  main.cf: |\n    inet_interfaces = all\n    smtpd_client_restrictions = permit_mynetworks, permit\n`,
  );
  const at = composePosition(manifest.fragment);
  const offset = manifest.rendered.text.indexOf('smtpd_client_restrictions');
  assert.deepEqual(at(offset), { line: 9, column: 5 });
  assert.deepEqual(at(offset + 'smtpd_client_restrictions = '.length), { line: 9, column: 33 });
});

test('helmConfigMaps host format: a main.cf key of a rendered ConfigMap is judged on the template line', () => {
  const repo = memoryRepository({ [CONFIGMAP_PATH]: CONFIGMAP, 'charts/mail/Chart.yaml': CHART, 'charts/mail/values.yaml': 'interfaces: all\nclientRestrictions: [permit_mynetworks, permit]\n' });
  assert.equal(helmConfigMaps.matches(CONFIGMAP_PATH, CONFIGMAP), true);
  assert.equal(helmConfigMaps.matches('k8s/configmap.yaml', CONFIGMAP), false);
  const extraction = helmConfigMaps.extract({ path: CONFIGMAP_PATH, text: CONFIGMAP }, repo);
  assert.deepEqual(extraction.diagnostics, []);
  assert.equal(extraction.edits.length, 1);
  const edit = extraction.edits[0];
  assert.ok(edit !== undefined && edit.kind === 'write');
  assert.equal(edit.target, 'main.cf');
  assert.equal(edit.maybe, false);
  assert.deepEqual(edit.span, { file: CONFIGMAP_PATH, line: 6, column: 3, endLine: 6, endColumn: 10 });
  assert.equal(edit.fragment.text, 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, permit\n');
  assert.deepEqual(judge(edit.fragment), [['stig-postfix-relay', 'definite', { file: CONFIGMAP_PATH, line: 9, column: 33, endLine: 9, endColumn: 50 }]]);
  assert.deepEqual(extraction.notes, [`${CONFIGMAP_PATH}:4:9: include is not evaluated; its output is unknown`]);
  // A malformed Helm template is unreadable at its line.
  const broken = helmConfigMaps.extract({ path: CONFIGMAP_PATH, text: CONFIGMAP.replace('{{- end }}', '') }, repo);
  assert.deepEqual(broken.diagnostics, [{ file: CONFIGMAP_PATH, line: 8, column: 5, message: 'Go template: unexpected EOF: {{with}} has no {{end}}', fatal: true }]);
});

test('helmConfigMaps: an unknown `labels: {{- include ... | nindent 4 }}` block keeps the manifest readable', () => {
  const text = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: mail',
    '  labels: {{- include "mail.labels" . | nindent 4 }}',
    '    app.kubernetes.io/component: postfix',
    'data:',
    '  main.cf: |',
    '    smtpd_client_restrictions = {{ .Values.restrictions }}',
    '',
  ].join('\n');
  const repo = memoryRepository({ [CONFIGMAP_PATH]: text, 'charts/mail/Chart.yaml': CHART, 'charts/mail/values.yaml': 'restrictions: permit_mynetworks, reject\n' });
  const manifest = renderHelmManifest({ path: CONFIGMAP_PATH, text }, repo);
  assert.equal(manifest.rendered.text.split('\n')[5], `    ${UNKNOWN_MARK}: ${UNKNOWN_MARK}`);
  const extraction = helmConfigMaps.extract({ path: CONFIGMAP_PATH, text }, repo);
  assert.deepEqual(extraction.diagnostics, []);
  assert.equal(extraction.edits.length, 1);
  const edit = extraction.edits[0];
  assert.ok(edit !== undefined && edit.kind === 'write');
  assert.equal(edit.fragment.text, 'smtpd_client_restrictions = permit_mynetworks, reject\n');
  assert.deepEqual(judge(edit.fragment), []);
  // Outside a manifest the same action is a plain unknown.
  assert.equal(language.render({ path: PATH, text: 'a:{{ include "x" . | nindent 4 }}' }, language.variables(PATH, repo, [])).fragment.text, `a:${UNKNOWN_MARK}`);
});
