import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';
import { assemblePostfix } from '../../../../src/mta/postfix/index.js';
import { PROFILES } from '../../../../src/rules/profiles.js';
import { rule as stigPostfixRelay } from '../../../../src/rules/stig-postfix-relay.js';
import { envsubstTarget } from '../../../../src/sources/languages/envsubst/names.js';
import { envsubst as language } from '../../../../src/sources/template-languages.js';
import { remapSpans, type Fragment } from '../../../../src/sources/contracts/fragment.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { plainScope } from '../../../../src/sources/contracts/variables.js';
import { requireProgram } from '../../../helpers/oracle.js';

const U = UNKNOWN_MARK;
const PATH = 'docker/postfix/main.cf.template';
const TEMPLATE = 'myhostname = ${MAIL_HOSTNAME}\ninet_interfaces = all\nsmtpd_client_restrictions = $CLIENT_RESTRICTIONS\nmynetworks = 127.0.0.0/8\n';

function render(text: string, values: Record<string, unknown> | null) {
  const extra = values === null ? [] : [plainScope(values, 'deploy/vars.yml')];
  return language.render({ path: PATH, text }, language.variables(PATH, memoryRepository({}), extra));
}

function judge(fragment: Fragment) {
  const [config] = assemblePostfix([{ path: fragment.file, text: fragment.text, role: 'main.cf' }]);
  assert.ok(config);
  return stigPostfixRelay.check(remapSpans(config, fragment), { profile: PROFILES.gen004710 }).map((r) => [r.ruleId, r.certainty, r.span]);
}

test('targetOf: .template and .in suffixes', () => {
  assert.equal(envsubstTarget(PATH), 'main.cf');
  assert.equal(envsubstTarget('conf/master.cf.in'), 'master.cf');
  assert.equal(envsubstTarget('conf/sendmail.mc.in'), 'sendmail.mc');
  assert.equal(envsubstTarget('conf/Makefile.in'), null);
  assert.equal(language.form, 'envsubst');
});

test('GNU envsubst references: $VAR and ${VAR}; no escape, ${A:-x} and lone $ left alone', () => {
  const text = 'a=$A b=${A} c=$$A d=${A:-x} e=$ f=${ g=$1 h=${B}x i=\\$A\n';
  assert.equal(render(text, { A: '1', B: '' }).fragment.text, 'a=1 b=1 c=$1 d=${A:-x} e=$ f=${ g=$1 h=x i=\\1\n');
  assert.equal(render(text, null).fragment.text, `a=${U} b=${U} c=$${U} d=\${A:-x} e=$ f=\${ g=$1 h=${U}x i=\\${U}\n`);
});

test('oracle: GNU envsubst gives the same text when every variable is set', (t) => {
  if (!requireProgram(t, 'envsubst')) return;
  const text = 'a=$A b=${A} c=$$A d=${A:-x} e=$ f=${ g=$1 h=${B}x i=\\$A j=$A_B k=${A}B\n';
  const result = spawnSync('envsubst', [], { input: text, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', A: '1', B: '', A_B: 'z' } });
  assert.equal(result.status, 0);
  assert.equal(render(text, { A: '1', B: '', A_B: 'z' }).fragment.text, result.stdout);
});

test('with and without a --vars value: text, origin, spans and the stig-postfix-relay result', () => {
  const weak = render(TEMPLATE, { CLIENT_RESTRICTIONS: 'permit_mynetworks, permit', MAIL_HOSTNAME: 'mx.example.com' });
  assert.deepEqual(weak.diagnostics, []);
  assert.equal(weak.fragment.text, 'myhostname = mx.example.com\ninet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, permit\nmynetworks = 127.0.0.0/8\n');
  assert.deepEqual(weak.usedVariables, [
    { name: 'CLIENT_RESTRICTIONS', origin: { file: 'deploy/vars.yml', line: 1 } },
    { name: 'MAIL_HOSTNAME', origin: { file: 'deploy/vars.yml', line: 1 } },
  ]);
  assert.deepEqual(judge(weak.fragment), [['stig-postfix-relay', 'definite', { file: PATH, line: 3, column: 29, endLine: 3, endColumn: 49 }]]);
  assert.deepEqual(judge(render(TEMPLATE, { CLIENT_RESTRICTIONS: 'permit_mynetworks, reject' }).fragment), []);
  const unknown = render(TEMPLATE, null);
  assert.equal(unknown.fragment.text, `myhostname = ${U}\ninet_interfaces = all\nsmtpd_client_restrictions = ${U}\nmynetworks = 127.0.0.0/8\n`);
  assert.deepEqual(unknown.usedVariables, []);
  assert.deepEqual(judge(unknown.fragment), [['stig-postfix-relay', 'indeterminate', { file: PATH, line: 3, column: 29, endLine: 3, endColumn: 49 }]]);
  assert.deepEqual(unknown.fragment.map.start(4, 14), { line: 4, column: 14 });
});
