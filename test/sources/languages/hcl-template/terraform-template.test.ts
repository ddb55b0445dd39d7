import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';
import { assemblePostfix } from '../../../../src/mta/postfix/index.js';
import { PROFILES } from '../../../../src/rules/profiles.js';
import { rule as stigPostfixRelay } from '../../../../src/rules/stig-postfix-relay.js';
import { remapSpans, type Fragment } from '../../../../src/sources/contracts/fragment.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { terraform as language } from '../../../../src/sources/template-languages.js';
import { terraformTarget } from '../../../../src/sources/languages/hcl-template/names.js';
import { plainScope } from '../../../../src/sources/contracts/variables.js';
import { optionalProgram } from '../../../helpers/oracle.js';

const U = UNKNOWN_MARK;
const TEMPLATE_PATH = 'infra/mail/templates/main.cf.tftpl';
const TEMPLATE = [
  'inet_interfaces = ${inet_interfaces}',
  '%{ if length(client_restrictions) > 0 ~}',
  'smtpd_client_restrictions = ${join(", ", client_restrictions)}',
  '%{ endif ~}',
  'mynetworks = %{ for i, n in networks }%{ if i > 0 }, %{ endif }${n}%{ endfor }',
  'relayhost = [${relayhost}]:${port}',
  '%{ if tls ~}',
  'smtp_tls_security_level = may',
  '%{ else ~}',
  'smtp_tls_security_level = none',
  '%{ endif ~}',
  '# literal $${not_interpolated} and %%{ not_a_directive }',
  'myhostname = ${hostname}',
  '',
].join('\n');
const MAIN_TF = [
  'locals {',
  '  relay = "mail.example.com"',
  '}',
  '',
  'resource "local_file" "main_cf" {',
  '  # the template is rendered with a literal map',
  '  content = templatefile("${path.module}/templates/main.cf.tftpl", {',
  '    inet_interfaces     = "all"',
  '    client_restrictions = var.client_restrictions',
  '    tls                 = true',
  '    relayhost           = local.relay',
  '    networks            = ["127.0.0.0/8", "10.0.0.0/8"]',
  '    port                = 25',
  '  })',
  '  filename = "/etc/postfix/main.cf"',
  '}',
  '',
].join('\n');
const VARIABLES_TF = (restrictions: string) => `variable "client_restrictions" {\n  type    = list(string)\n  default = ${restrictions}\n}\n`;

function module(restrictions = '["permit_mynetworks", "permit"]', template = TEMPLATE) {
  const repo = memoryRepository({ [TEMPLATE_PATH]: template, 'infra/mail/main.tf': MAIN_TF, 'infra/mail/variables.tf': VARIABLES_TF(restrictions) });
  return language.render({ path: TEMPLATE_PATH, text: template, role: 'main.cf' }, language.variables(TEMPLATE_PATH, repo, []));
}

function judge(fragment: Fragment) {
  const [config] = assemblePostfix([{ path: fragment.file, text: fragment.text, role: 'main.cf' }]);
  assert.ok(config);
  return stigPostfixRelay.check(remapSpans(config, fragment), { profile: PROFILES.gen004710 }).map((r) => [r.ruleId, r.certainty, r.span]);
}

const RENDERED = `inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, permit\nmynetworks = 127.0.0.0/8, 10.0.0.0/8\nrelayhost = [mail.example.com]:25\nsmtp_tls_security_level = may\n# literal \${not_interpolated} and %{ not_a_directive }\nmyhostname = ${U}\n`;

test('targetOf: .tftpl names the mail file', () => {
  assert.equal(terraformTarget(TEMPLATE_PATH), 'main.cf');
  assert.equal(terraformTarget('x/master.cf.tftpl'), 'master.cf');
  assert.equal(terraformTarget('x/user-data.tftpl'), null);
  assert.equal(terraformTarget('x/main.cf.tmpl'), null);
});

test('a .tftpl fed by the templatefile literal map, a variables.tf default and a local: text and origins', () => {
  const rendered = module();
  assert.deepEqual(rendered.diagnostics, []);
  assert.equal(rendered.fragment.text, RENDERED);
  assert.deepEqual([...rendered.fragment.maybeLines], []);
  assert.deepEqual(rendered.usedVariables, [
    { name: 'client_restrictions', origin: { file: 'infra/mail/variables.tf', line: 3 } },
    { name: 'inet_interfaces', origin: { file: 'infra/mail/main.tf', line: 8 } },
    { name: 'networks', origin: { file: 'infra/mail/main.tf', line: 12 } },
    { name: 'port', origin: { file: 'infra/mail/main.tf', line: 13 } },
    { name: 'relayhost', origin: { file: 'infra/mail/main.tf', line: 2 } },
    { name: 'tls', origin: { file: 'infra/mail/main.tf', line: 10 } },
  ]);
  assert.deepEqual(rendered.fragment.map.start(2, 29), { line: 3, column: 29 });
  assert.deepEqual(rendered.fragment.map.end(2, 54), { line: 3, column: 63 });
  assert.deepEqual(rendered.fragment.map.start(6, 10), { line: 12, column: 10 });
});

test('oracle: terraform console renders the same text from the same map', (t) => {
  if (!optionalProgram(t, 'terraform', 'not packaged by Debian or npm')) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-tf-'));
  try {
    const template = TEMPLATE.replace('myhostname = ${hostname}\n', '');
    writeFileSync(path.join(dir, 'main.cf.tftpl'), template);
    const map = '{ inet_interfaces = "all", client_restrictions = ["permit_mynetworks", "permit"], tls = true, relayhost = "mail.example.com", networks = ["127.0.0.0/8", "10.0.0.0/8"], port = 25 }';
    const result = spawnSync('terraform', ['console'], { cwd: dir, input: `base64encode(templatefile("main.cf.tftpl", ${map}))\n`, encoding: 'utf8', timeout: 60_000, env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' } });
    assert.equal(result.status, 0, result.stderr);
    const expected = Buffer.from(JSON.parse(result.stdout.trim()) as string, 'base64').toString('utf8');
    assert.equal(expected, RENDERED.replace(`myhostname = ${U}\n`, ''));
    assert.equal(module(undefined, template).fragment.text, expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('%{ if } on an unknown value gives maybe lines and the else branch as an alternative', () => {
  const template = 'a = 1\n%{ if relay_enabled ~}\nrelayhost = ${relay}\n%{ else ~}\nrelayhost =\n%{ endif ~}\nb = 2\n';
  const rendered = language.render({ path: 't/main.cf.tftpl', text: template }, plainScope({ relay: 'mx' }));
  assert.equal(rendered.fragment.text, 'a = 1\nrelayhost = mx\nb = 2\n');
  assert.deepEqual([...rendered.fragment.maybeLines], [2]);
  assert.deepEqual(rendered.fragment.alternatives, [{ file: 't/main.cf.tftpl', line: 4, column: 1, endLine: 6, endColumn: 1 }]);
  const loop = language.render({ path: 't/main.cf.tftpl', text: '%{ for k, v in opts ~}\n${k} = ${v}\n%{ endfor ~}\n' }, plainScope({}));
  assert.equal(loop.fragment.text, `${U} = ${U}\n`);
  assert.deepEqual([...loop.fragment.maybeLines], [1]);
  const sorted = language.render({ path: 't/main.cf.tftpl', text: '%{ for k, v in opts ~}\n${k} = ${v}\n%{ endfor ~}\n' }, plainScope({ opts: { b: 2, a: 'x' } }));
  assert.equal(sorted.fragment.text, 'a = x\nb = 2\n');
});

test('stig-postfix-relay on a rendered .tftpl: definite from a weak default, pass with reject, indeterminate when the var has no default', () => {
  assert.deepEqual(judge(module().fragment), [['stig-postfix-relay', 'definite', { file: TEMPLATE_PATH, line: 3, column: 29, endLine: 3, endColumn: 63 }]]);
  assert.deepEqual(judge(module('["permit_mynetworks", "reject"]').fragment), []);
  const repo = memoryRepository({ [TEMPLATE_PATH]: TEMPLATE, 'infra/mail/main.tf': MAIN_TF, 'infra/mail/variables.tf': 'variable "client_restrictions" {\n  type = list(string)\n}\n' });
  const unknown = language.render({ path: TEMPLATE_PATH, text: TEMPLATE }, language.variables(TEMPLATE_PATH, repo, []));
  assert.equal(unknown.fragment.text.split('\n')[1], `smtpd_client_restrictions = ${U}`);
  assert.deepEqual([...unknown.fragment.maybeLines], [2]);
  assert.deepEqual(judge(unknown.fragment), [['stig-postfix-relay', 'indeterminate', { file: TEMPLATE_PATH, line: 3, column: 29, endLine: 3, endColumn: 63 }]]);
  // --vars give the missing value.
  const given = language.render({ path: TEMPLATE_PATH, text: TEMPLATE }, language.variables(TEMPLATE_PATH, repo, [plainScope({ client_restrictions: ['permit_mynetworks', 'reject'] }, 'prod.yml')]));
  assert.deepEqual(judge(given.fragment), []);
});

test('malformed Terraform templates give diagnostics with line and column', () => {
  const cases: [string, { line: number; column: number; message: string }][] = [
    ['a = 1\nb = ${x\n', { line: 2, column: 5, message: 'unclosed "${"' }],
    ['a = %{ if x }\n', { line: 1, column: 5, message: 'unclosed %{ if }: no %{ endif }' }],
    ['a\n%{ endif }\n', { line: 2, column: 1, message: 'unexpected %{ endif }' }],
    ['a\n  %{ for x in y }\n${x}\n', { line: 2, column: 3, message: 'unclosed %{ for }: no %{ endfor }' }],
    ['%{ unless x }%{ endunless }', { line: 1, column: 1, message: 'invalid template directive "unless"' }],
    ['x = ${a +}', { line: 1, column: 10, message: 'expected an expression' }],
    ['x = ${a b}', { line: 1, column: 9, message: 'extra characters after the expression' }],
  ];
  for (const [text, diagnostic] of cases) {
    const rendered = language.render({ path: 't/main.cf.tftpl', text }, plainScope({}));
    assert.deepEqual(rendered.diagnostics, [diagnostic], text);
    assert.equal(rendered.fragment.text, '', text);
  }
});
