import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assemblePostfix } from '../../../../src/mta/postfix/index.js';
import { parseMainCf } from '../../../../src/mta/postfix/main-cf.js';
import { PROFILES } from '../../../../src/rules/profiles.js';
import { rule as stigPostfixRelay } from '../../../../src/rules/stig-postfix-relay.js';
import { epp as language } from '../../../../src/sources/template-languages.js';
import { remapSpans } from '../../../../src/sources/contracts/fragment.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';

const TEMPLATE_PATH = 'modules/postfix/templates/main.cf.epp';
const TEMPLATE = [
  '<%- | String $inet_interfaces = \'all\',',
  '      Array[String] $restrictions = [] | -%>',
  '# Managed by Puppet',
  'inet_interfaces = <%= $inet_interfaces %>',
  '<% unless $restrictions.empty { -%>',
  "smtpd_client_restrictions = <%= join($restrictions, ', ') %>",
  '<% } -%>',
  'myhostname = <%= $postfix::myhostname %>',
  '',
].join('\n');

const INIT = [
  'class postfix (',
  "  Array[String] $restrictions = ['permit_mynetworks', 'permit'],",
  "  String $myhostname = 'mx.example.com',",
  ') {',
  "  file { '/etc/postfix/main.cf': content => epp('postfix/main.cf.epp', { 'restrictions' => $restrictions }) }",
  '}',
  '',
].join('\n');

function render(files: Record<string, string>) {
  const repo = memoryRepository({ [TEMPLATE_PATH]: TEMPLATE, ...files });
  return language.render({ path: TEMPLATE_PATH, text: TEMPLATE, role: 'main.cf' }, language.variables(TEMPLATE_PATH, repo, []));
}

function judge(files: Record<string, string>) {
  const rendered = render(files);
  const [config] = assemblePostfix([{ path: rendered.fragment.file, text: rendered.fragment.text, role: 'main.cf' }]);
  assert.ok(config);
  return stigPostfixRelay.check(remapSpans(config, rendered.fragment), { profile: PROFILES.gen004710 });
}

test('targetOf: main.cf.epp, master.cf.epp; not other .epp', () => {
  assert.equal(language.targetOf(TEMPLATE_PATH), 'main.cf');
  assert.equal(language.targetOf('templates/master.cf.epp'), 'master.cf');
  assert.equal(language.targetOf('templates/sasl.conf.epp'), null);
  assert.equal(language.form, 'epp');
});

test('header default (no class, no data): the template alone leaves smtpd_client_restrictions missing: a definite finding, related to the inet_interfaces line', () => {
  const rendered = render({});
  assert.equal(rendered.fragment.text, '# Managed by Puppet\ninet_interfaces = all\nmyhostname = \uE000\n');
  const mainCf = remapSpans(parseMainCf({ path: rendered.fragment.file, text: rendered.fragment.text }), rendered.fragment);
  assert.deepEqual(mainCf.parameters.map((p) => [p.name, p.span]), [
    ['inet_interfaces', { file: TEMPLATE_PATH, line: 4, column: 1, endLine: 4, endColumn: 42 }],
    ['myhostname', { file: TEMPLATE_PATH, line: 8, column: 1, endLine: 8, endColumn: 41 }],
  ]);
  const results = judge({});
  assert.deepEqual(
    results.map((r) => [r.ruleId, r.certainty, r.span, r.related]),
    [
      [
        'stig-postfix-relay',
        'definite',
        { file: TEMPLATE_PATH, line: 1, column: 1, endLine: 1, endColumn: 2 },
        [{ file: TEMPLATE_PATH, line: 4, column: 1, message: 'inet_interfaces = all is set here' }],
      ],
    ],
  );
});

test('class defaults passed through epp(): permit before reject fails on the template line; Hiera data makes it pass', () => {
  const weak = judge({ 'modules/postfix/manifests/init.pp': INIT });
  assert.deepEqual(
    weak.map((r) => [r.ruleId, r.certainty, r.span]),
    [['stig-postfix-relay', 'definite', { file: TEMPLATE_PATH, line: 6, column: 29, endLine: 6, endColumn: 61 }]],
  );
  const rendered = render({ 'modules/postfix/manifests/init.pp': INIT });
  assert.deepEqual(rendered.usedVariables, [
    { name: '$inet_interfaces', origin: { file: TEMPLATE_PATH, line: 1 } },
    { name: '$postfix::myhostname', origin: { file: 'modules/postfix/manifests/init.pp', line: 3 } },
    { name: '$restrictions', origin: { file: 'modules/postfix/manifests/init.pp', line: 2 } },
  ]);
  const data = 'postfix::restrictions:\n  - permit_mynetworks\n  - reject\n';
  assert.deepEqual(judge({ 'modules/postfix/manifests/init.pp': INIT, 'modules/postfix/data/common.yaml': data }), []);
});

test('restrictions that depend on facts are indeterminate on the template line', () => {
  const init = INIT.replace("['permit_mynetworks', 'permit']", "$facts['restrictions']");
  assert.deepEqual(
    judge({ 'modules/postfix/manifests/init.pp': init }).map((r) => [r.ruleId, r.certainty, r.span]),
    [['stig-postfix-relay', 'indeterminate', { file: TEMPLATE_PATH, line: 6, column: 29, endLine: 6, endColumn: 61 }]],
  );
});
