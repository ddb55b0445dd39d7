import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';
import { assemblePostfix } from '../../../../src/mta/postfix/index.js';
import { PROFILES } from '../../../../src/rules/profiles.js';
import { rule as stigPostfixRelay } from '../../../../src/rules/stig-postfix-relay.js';
import { remapSpans } from '../../../../src/sources/contracts/fragment.js';
import { renderTemplate } from '../../../../src/sources/template-languages.js';
import { DEFAULT_LIMITS } from '../../../../src/sources/languages/pieces.js';
import { UNKNOWN } from '../../../../src/sources/contracts/values.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { saltFormulaOf, saltPillarGet, saltVariables } from '../../../../src/sources/ecosystems/salt/variables.js';
import { plainData } from '../../../../src/model/plain-data.js';
import { plainScope } from '../../../../src/sources/contracts/variables.js';

const TEMPLATE_PATH = 'postfix/files/main.cf';
const TEMPLATE = [
  '{%- from "postfix/map.jinja" import postfix with context %}',
  '# Managed by Salt',
  'inet_interfaces = {{ postfix.config.inet_interfaces }}',
  "smtpd_client_restrictions = {{ postfix.config.smtpd_client_restrictions | join(', ') }}",
  '',
].join('\n');

const FILES = {
  'postfix/map.jinja': '{% import_yaml "postfix/defaults.yaml" as defaults %}\n',
  'postfix/defaults.yaml': 'postfix:\n  config:\n    inet_interfaces: all\n    smtpd_client_restrictions:\n      - permit_mynetworks\n      - permit\n',
  'pillar.example': 'postfix:\n  config:\n    myhostname: mx.example.com\n',
};

const render = (files: Record<string, string>) =>
  renderTemplate({ path: TEMPLATE_PATH, text: TEMPLATE }, saltVariables(TEMPLATE_PATH, memoryRepository(files)), { trimBlocks: false, limits: DEFAULT_LIMITS });

test('saltFormulaOf: the nearest folder up with defaults.yaml or map.jinja', () => {
  assert.equal(saltFormulaOf(TEMPLATE_PATH, memoryRepository(FILES)), 'postfix');
  assert.equal(saltFormulaOf('other/files/main.cf', memoryRepository(FILES)), null);
});

test("the formula's variable is defaults.yaml merged with pillar.example; pillar is pillar.example", () => {
  const vars = saltVariables(TEMPLATE_PATH, memoryRepository(FILES));
  assert.deepEqual(vars.lookup('postfix'), {
    // Repository data: maps without a prototype (src/model/plain-data.ts).
    value: plainData({ config: { inet_interfaces: 'all', smtpd_client_restrictions: ['permit_mynetworks', 'permit'], myhostname: 'mx.example.com' } }),
    origin: { file: 'pillar.example', line: 1 },
  });
  assert.deepEqual(vars.lookup('pillar')?.value, plainData({ postfix: { config: { myhostname: 'mx.example.com' } } }));
  assert.deepEqual(vars.diagnostics, []);
});

test("saltPillarGet: colon paths into the pillar, the default when absent, unknown without a pillar", () => {
  const vars = saltVariables(TEMPLATE_PATH, memoryRepository(FILES));
  const used = new Map();
  assert.equal(saltPillarGet(vars, 'postfix:config:myhostname', 'x', used), 'mx.example.com');
  assert.deepEqual([...used], [['pillar', { file: 'pillar.example', line: 1 }]]);
  assert.equal(saltPillarGet(vars, 'postfix:config:inet_interfaces', 'loopback-only'), 'loopback-only');
  assert.equal(saltPillarGet(plainScope({}), 'postfix:config:inet_interfaces', 'all'), UNKNOWN);
});

test('end to end: a Salt state file rendered from defaults.yaml fails stig-postfix-relay on the template line; pillar makes it pass', () => {
  const rendered = render(FILES);
  assert.equal(rendered.fragment.text, '\n# Managed by Salt\ninet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, permit\n');
  const judge = (r: ReturnType<typeof render>) => {
    const [config] = assemblePostfix([{ path: r.fragment.file, text: r.fragment.text, role: 'main.cf' }]);
    assert.ok(config);
    return stigPostfixRelay.check(remapSpans(config, r.fragment), { profile: PROFILES.gen004710 });
  };
  assert.deepEqual(
    judge(rendered).map((r) => [r.ruleId, r.certainty, r.span]),
    [['stig-postfix-relay', 'definite', { file: TEMPLATE_PATH, line: 4, column: 29, endLine: 4, endColumn: 88 }]],
  );
  const safe = { ...FILES, 'pillar.example': 'postfix:\n  config:\n    smtpd_client_restrictions: [permit_mynetworks, reject]\n' };
  assert.deepEqual(judge(render(safe)), []);
  const none = render({ 'postfix/map.jinja': '' });
  assert.equal(none.fragment.text, `\n# Managed by Salt\ninet_interfaces = ${UNKNOWN_MARK}\nsmtpd_client_restrictions = ${UNKNOWN_MARK}\n`);
});
