import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assemblePostfix } from '../../src/mta/postfix/index.js';
import { parseMainCf } from '../../src/mta/postfix/main-cf.js';
import { PROFILES } from '../../src/rules/profiles.js';
import { rule as stigPostfixRelay } from '../../src/rules/stig-postfix-relay.js';
import { UNKNOWN_MARK } from '../../src/model/source.js';
import { loadAnsibleVariables } from '../../src/sources/ecosystems/ansible/variables.js';
import { memoryRepository } from '../../src/sources/contracts/repository.js';
import { remapSpans } from '../../src/sources/contracts/fragment.js';
import { renderTemplate } from '../../src/sources/template-languages.js';
import { targetOf } from '../../src/sources/languages/jinja2/names.js';

const TEMPLATE_PATH = 'roles/mail/templates/main.cf.j2';
const TEMPLATE = [
  '# {{ ansible_managed }}',
  'myhostname = {{ postfix_hostname }}',
  'inet_interfaces = {{ postfix_inet_interfaces }}',
  '{% if postfix_client_restrictions %}',
  "smtpd_client_restrictions = {{ postfix_client_restrictions | join(', ') }}",
  '{% endif %}',
  'mynetworks = 127.0.0.0/8',
  '',
].join('\n');

function role(defaults: string) {
  const files = { [TEMPLATE_PATH]: TEMPLATE, 'roles/mail/defaults/main.yml': defaults };
  const vars = loadAnsibleVariables(TEMPLATE_PATH, memoryRepository(files));
  return renderTemplate({ path: TEMPLATE_PATH, text: TEMPLATE, role: 'main.cf' }, vars);
}

const WEAK = [
  'postfix_hostname: mail.example.com',
  'postfix_inet_interfaces: all',
  'postfix_client_restrictions:',
  '  - permit_mynetworks',
  '  - permit',
  '',
].join('\n');

test('targetOf names the mail file a template renders', () => {
  assert.equal(targetOf(TEMPLATE_PATH), 'main.cf');
  assert.equal(targetOf('roles/x/templates/master.cf.jinja2'), 'master.cf');
  assert.equal(targetOf('templates/sendmail.mc.jinja'), 'sendmail.mc');
  assert.equal(targetOf('templates/main.cf'), null);
  assert.equal(targetOf('templates/nginx.conf.j2'), null);
});

test('main.cf.j2 rendered from role defaults, parsed by parseMainCf, spans on the template', () => {
  const rendered = role(WEAK);
  assert.deepEqual(rendered.diagnostics, []);
  assert.equal(
    rendered.fragment.text,
    `# ${UNKNOWN_MARK}\nmyhostname = mail.example.com\ninet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, permit\nmynetworks = 127.0.0.0/8\n`,
  );
  const mainCf = remapSpans(parseMainCf({ path: rendered.fragment.file, text: rendered.fragment.text }), rendered.fragment);
  const restrictions = mainCf.parameters.find((p) => p.name === 'smtpd_client_restrictions');
  assert.equal(restrictions?.value, 'permit_mynetworks, permit');
  assert.deepEqual(restrictions?.span, { file: TEMPLATE_PATH, line: 5, column: 1, endLine: 5, endColumn: 75 });
  assert.deepEqual(restrictions?.nameSpan, { file: TEMPLATE_PATH, line: 5, column: 1, endLine: 5, endColumn: 26 });
  assert.deepEqual(restrictions?.valueSpan, { file: TEMPLATE_PATH, line: 5, column: 29, endLine: 5, endColumn: 75 });
  const mynetworks = mainCf.parameters.find((p) => p.name === 'mynetworks');
  assert.deepEqual(mynetworks?.span, { file: TEMPLATE_PATH, line: 7, column: 1, endLine: 7, endColumn: 25 });
  assert.deepEqual(mynetworks?.valueSpan, { file: TEMPLATE_PATH, line: 7, column: 14, endLine: 7, endColumn: 25 });
  assert.deepEqual(rendered.usedVariables, [
    { name: 'postfix_client_restrictions', origin: { file: 'roles/mail/defaults/main.yml', line: 3 } },
    { name: 'postfix_hostname', origin: { file: 'roles/mail/defaults/main.yml', line: 1 } },
    { name: 'postfix_inet_interfaces', origin: { file: 'roles/mail/defaults/main.yml', line: 2 } },
  ]);
});

test('stig-postfix-relay on the remapped instance: weak defaults fail on the template line, strong ones pass', () => {
  const judge = (defaults: string) => {
    const rendered = role(defaults);
    const [config] = assemblePostfix([{ path: rendered.fragment.file, text: rendered.fragment.text, role: 'main.cf' }]);
    assert.ok(config);
    return stigPostfixRelay.check(remapSpans(config, rendered.fragment), { profile: PROFILES.gen004710 });
  };
  const weak = judge(WEAK);
  assert.deepEqual(
    weak.map((r) => [r.ruleId, r.certainty, r.span]),
    [['stig-postfix-relay', 'definite', { file: TEMPLATE_PATH, line: 5, column: 29, endLine: 5, endColumn: 75 }]],
  );
  const strong = WEAK.replace('  - permit\n', '  - reject\n');
  assert.deepEqual(judge(strong), []);
});

test('restrictions from an unresolvable lookup are indeterminate, on the template line, and the line is maybe', () => {
  const text = "inet_interfaces = all\n{% if r %}\nsmtpd_client_restrictions = {{ r | join(', ') }}\n{% endif %}\n";
  const vars = loadAnsibleVariables(TEMPLATE_PATH, memoryRepository({ 'roles/mail/defaults/main.yml': "r: \"{{ lookup('env', 'R') }}\"\n" }));
  const rendered = renderTemplate({ path: TEMPLATE_PATH, text }, vars);
  assert.equal(rendered.fragment.text, `inet_interfaces = all\nsmtpd_client_restrictions = ${UNKNOWN_MARK}\n`);
  assert.deepEqual([...rendered.fragment.maybeLines], [2]);
  const [config] = assemblePostfix([{ path: TEMPLATE_PATH, text: rendered.fragment.text, role: 'main.cf' }]);
  assert.ok(config);
  const results = stigPostfixRelay.check(remapSpans(config, rendered.fragment), { profile: PROFILES.gen004710 });
  assert.deepEqual(
    results.map((r) => [r.ruleId, r.certainty, r.span]),
    [['stig-postfix-relay', 'indeterminate', { file: TEMPLATE_PATH, line: 3, column: 29, endLine: 3, endColumn: 49 }]],
  );
});
