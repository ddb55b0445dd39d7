import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';
import { goTemplateTarget, goTemplate as language } from '../../../../src/sources/template-languages.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { plainScope } from '../../../../src/sources/contracts/variables.js';

const U = UNKNOWN_MARK;
const render = (text: string, values: Record<string, unknown> = {}) =>
  language.render({ path: 't/main.cf.tmpl', text }, plainScope({ Values: values }, 'vars.yml'));

test('targetOf: Go template suffixes and mail files in a templates/ folder', () => {
  const cases: [string, string | null][] = [
    ['charts/mail/templates/main.cf.tmpl', 'main.cf'],
    ['docker/master.cf.tpl', 'master.cf'],
    ['conf/sendmail.mc.gotmpl', 'sendmail.mc'],
    ['charts/mail/templates/main.cf', 'main.cf'],
    ['charts/mail/templates/configmap.yaml', null],
    ['etc/postfix/main.cf', null],
    ['templates/nginx.conf.tmpl', null],
  ];
  for (const [path, target] of cases) assert.equal(goTemplateTarget(path), target, path);
  assert.equal(language.form, 'go-template');
});

test('trim markers follow text/template: {{- trims whitespace and newlines before, -}} after', () => {
  const cases: [string, string][] = [
    ['a = 1\n{{- " x" }}\nb = 2\n', 'a = 1 x\nb = 2\n'],
    ['a = {{ "1" -}}\n\n  \nb = 2\n', 'a = 1b = 2\n'],
    ['a = 1 \t\n{{- /* gone */ -}}\n b = 2\n', 'a = 1b = 2\n'],
    ['a = 1\n{{/* comment keeps the newlines around it */}}\nb = 2\n', 'a = 1\n\nb = 2\n'],
    ['a = {{-3}}\n', 'a = -3\n'],
    ['a = {{ "}}" }}\n', 'a = }}\n'],
  ];
  for (const [text, rendered] of cases) {
    const result = render(text);
    assert.deepEqual(result.diagnostics, [], text);
    assert.equal(result.fragment.text, rendered, text);
  }
});

test('pipelines and functions over .Values', () => {
  const values = { host: 'mx.example.com', empty: '', list: ['permit_mynetworks', 'reject'], tls: 'May', port: 25, big: 1000000, flag: true, nothing: null };
  const cases: [string, string][] = [
    ['{{ .Values.host }}', 'mx.example.com'],
    ['{{ .Values.missing | default "all" }}', 'all'],
    ['{{ default "all" .Values.empty }}', 'all'],
    ['{{ default "all" .Values.host }}', 'mx.example.com'],
    ['{{ join ", " .Values.list }}', 'permit_mynetworks, reject'],
    ['{{ .Values.list | join "," }}', 'permit_mynetworks,reject'],
    ['{{ .Values.host | quote }}', '"mx.example.com"'],
    ['{{ .Values.host | squote }}', "'mx.example.com'"],
    ['{{ upper .Values.tls }} {{ .Values.tls | lower }}', 'MAY may'],
    ['{{ .Values.port }} {{ .Values.big }} {{ .Values.flag }} [{{ .Values.nothing }}]', '25 1e+06 true []'],
    ['{{ .Values.list }}', '[permit_mynetworks reject]'],
    ['{{ toYaml .Values.host }} {{ toYaml .Values.list }}', `mx.example.com ${U}`],
    ['{{ printf "%s:%d" .Values.host .Values.port }}', 'mx.example.com:25'],
    ['{{ $h := .Values.host }}{{ $h }}', 'mx.example.com'],
    ['{{ with .Values.host }}{{ . }}{{ else }}none{{ end }}', 'mx.example.com'],
    ['{{ with .Values.empty }}{{ . }}{{ else }}none{{ end }}', 'none'],
    ['{{ if eq .Values.tls "May" }}may{{ else if .Values.flag }}flag{{ else }}no{{ end }}', 'may'],
    ['{{ if and .Values.flag (not .Values.empty) }}yes{{ end }}', 'yes'],
    ['{{ ternary "a" "b" .Values.flag }}', 'a'],
    ['{{ include "mail.name" . }}', U],
    ['{{ template "x" }}', U],
    ['{{ .Release.Name }}', U],
    ['{{ .Values.missing }}', U],
    ['{{ . }}', U],
    ['{{ define "x" }}body{{ end }}after', 'after'],
  ];
  for (const [text, rendered] of cases) {
    const result = render(text, values);
    assert.deepEqual(result.diagnostics, [], text);
    assert.equal(result.fragment.text, rendered, text);
  }
});

test('range over a list, a map, with $i, $v and with . rebinding; range else; break', () => {
  const values = { nets: ['127.0.0.0/8', '10.0.0.0/8'], opts: { b: '2', a: '1' }, none: [] };
  const cases: [string, string][] = [
    ['{{ range .Values.nets }}{{ . }};{{ end }}', '127.0.0.0/8;10.0.0.0/8;'],
    ['{{ range $i, $v := .Values.nets }}{{ $i }}={{ $v }} {{ end }}', '0=127.0.0.0/8 1=10.0.0.0/8 '],
    ['{{ range $k, $v := .Values.opts }}{{ $k }}={{ $v }}\n{{ end }}', 'a=1\nb=2\n'],
    ['{{ range $v := .Values.nets }}{{ $v }}|{{ $.Values.opts.a }} {{ end }}', '127.0.0.0/8|1 10.0.0.0/8|1 '],
    ['{{ range .Values.none }}x{{ else }}empty{{ end }}', 'empty'],
    ['{{ range .Values.nets }}{{ . }}{{ break }}{{ end }}', '127.0.0.0/8'],
  ];
  for (const [text, rendered] of cases) {
    const result = render(text, values);
    assert.deepEqual(result.diagnostics, [], text);
    assert.equal(result.fragment.text, rendered, text);
  }
});

test('an unknown .Release branch gives maybe lines and records the else branch as an alternative', () => {
  const text = 'a = 1\n{{ if .Release.IsUpgrade }}\nrelayhost = [{{ .Release.Name }}]\n{{ else }}\nrelayhost =\n{{ end }}\nb = 2\n';
  const result = render(text);
  assert.equal(result.fragment.text, `a = 1\n\nrelayhost = [${U}]\n\nb = 2\n`);
  assert.deepEqual([...result.fragment.maybeLines], [3]);
  assert.deepEqual(result.fragment.alternatives, [{ file: 't/main.cf.tmpl', line: 4, column: 1, endLine: 6, endColumn: 10 }]);
  // `range` over unknown data renders once, maybe, with . unknown.
  const loop = render('{{ range .Release.Extra }}{{ .name }} = {{ .value }}\n{{ end }}');
  assert.equal(loop.fragment.text, `${U} = ${U}\n`);
  assert.deepEqual([...loop.fragment.maybeLines], [1]);
});

test('the map leads literal text to its own column and an action to its whole tag', () => {
  const text = 'myhostname = mx\n{{- /* c */}}\ninet_interfaces = {{ .Values.i | default "all" }}\n';
  const result = render(text);
  assert.equal(result.fragment.text, 'myhostname = mx\ninet_interfaces = all\n');
  assert.deepEqual(result.fragment.map.start(2, 1), { line: 3, column: 1 });
  assert.deepEqual(result.fragment.map.start(2, 19), { line: 3, column: 19 });
  assert.deepEqual(result.fragment.map.end(2, 22), { line: 3, column: 50 });
});

test('values.yaml of the nearest Chart.yaml, Chart.yaml fields, origins per key and list item; --vars merged over', () => {
  const path = 'charts/mail/templates/main.cf.tmpl';
  const repo = memoryRepository({
    'charts/mail/Chart.yaml': 'apiVersion: v2\nname: mail\nappVersion: "3.8"\n',
    'charts/mail/values.yaml': 'postfix:\n  interfaces: all\n  restrictions:\n    - permit_mynetworks\n    - permit\nenabled: yes\n',
    [path]: '',
  });
  const text = '{{ .Chart.Name }} {{ .Chart.AppVersion }} {{ .Chart.APIVersion }} {{ .Values.enabled }}\n{{ range .Values.postfix.restrictions }}{{ . }} {{ end }}{{ .Values.postfix.interfaces }}\n';
  const vars = language.variables(path, repo, []);
  const result = language.render({ path, text }, vars);
  assert.equal(result.fragment.text, 'mail 3.8 v2 true\npermit_mynetworks permit all\n');
  assert.deepEqual(result.usedVariables, [
    { name: 'Chart.APIVersion', origin: { file: 'charts/mail/Chart.yaml', line: 1 } },
    { name: 'Chart.AppVersion', origin: { file: 'charts/mail/Chart.yaml', line: 3 } },
    { name: 'Chart.Name', origin: { file: 'charts/mail/Chart.yaml', line: 2 } },
    { name: 'Values.enabled', origin: { file: 'charts/mail/values.yaml', line: 6 } },
    { name: 'Values.postfix.interfaces', origin: { file: 'charts/mail/values.yaml', line: 2 } },
    { name: 'Values.postfix.restrictions', origin: { file: 'charts/mail/values.yaml', line: 3 } },
  ]);
  assert.deepEqual(vars.lookupOrigin?.('Values.postfix.restrictions.1'), { file: 'charts/mail/values.yaml', line: 5 });
  const overridden = language.variables(path, repo, [plainScope({ postfix: { interfaces: 'loopback-only' } }, 'prod.yml')]);
  assert.equal(language.render({ path, text: '{{ .Values.postfix.interfaces }} {{ len .Values.postfix.restrictions }}' }, overridden).fragment.text, 'loopback-only 2');
  assert.deepEqual(overridden.lookupOrigin?.('Values.postfix.interfaces'), { file: 'prod.yml', line: 1 });
  // A .tmpl outside any chart sees only --vars.
  const plain = language.variables('docker/main.cf.tmpl', repo, []);
  assert.equal(language.render({ path: 'docker/main.cf.tmpl', text: 'x = {{ .Values.x }}' }, plain).fragment.text, `x = ${U}`);
});

test('malformed templates give diagnostics with line and column', () => {
  const cases: [string, { line: number; column: number; message: string }][] = [
    ['a = 1\nb = {{ .Values.x\n', { line: 2, column: 5, message: 'unclosed action: no matching "}}"' }],
    ['a\n{{ if .Values.x }}\nb\n', { line: 2, column: 1, message: 'unexpected EOF: {{if}} has no {{end}}' }],
    ['a\n  {{ end }}\n', { line: 2, column: 3, message: 'unexpected {{end}}' }],
    ['{{ $x }}', { line: 1, column: 4, message: 'undefined variable "$x"' }],
    ['x = {{ "abc }}\n', { line: 1, column: 8, message: 'unterminated quoted string' }],
    ['x = {{ .a ! }}', { line: 1, column: 11, message: 'unrecognized character in action: "!"' }],
    ['{{ range .x }}{{ else }}{{ else }}{{ end }}', { line: 1, column: 25, message: 'unexpected {{else}}' }],
    ['{{/* unclosed }}', { line: 1, column: 3, message: 'unclosed comment' }],
    ['{{ break }}', { line: 1, column: 1, message: '{{break}} outside {{range}}' }],
  ];
  for (const [text, diagnostic] of cases) {
    const result = render(text);
    assert.deepEqual(result.diagnostics, [diagnostic], text);
    assert.equal(result.fragment.text, '', text);
  }
});

test('gomplate getenv with a default renders the default; without one, and consul-template env, are unknown', () => {
  const r = render('inet_interfaces = {{ getenv "MTA_BIND" "all" }}\nmyhostname = {{ getenv "MTA_NAME" }}\nrelayhost = {{ env "RELAY" }}\n');
  assert.equal(r.fragment.text, `inet_interfaces = all\nmyhostname = ${U}\nrelayhost = ${U}\n`);
  assert.deepEqual(r.fragment.map.start(1, 19), { line: 1, column: 19 });
});
