import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { CONFIG_KEYS, parseConfigFile } from '../../src/config/file.js';
import { configSchema, SCHEMA_ID } from '../../src/config/settings.js';
import { OptionsError } from '../../src/config/options.js';

const FILE = '/repo/infra/.relaygate.yml';

function error(text: string): string {
  try {
    parseConfigFile(text, '.relaygate.yml', FILE);
  } catch (e) {
    assert.ok(e instanceof OptionsError, `expected an OptionsError, got ${String(e)}`);
    return e.message;
  }
  assert.fail('expected the file to be refused');
}

describe('.relaygate.yml', () => {
  it('reads every key; vars and baseline become absolute, relative to the file', () => {
    const text = [
      'profile: rhel9',
      'fail-on: warning',
      'indeterminate: note',
      'include:',
      '  - "images/**/*.cf"',
      '  - roles/*/files/main.cf.j2',
      'exclude: vendor/**',
      'vars: [group_vars/all.yml, /etc/extra.json]',
      'baseline: ../baseline.json',
      '',
    ].join('\n');
    assert.deepEqual(parseConfigFile(text, '.relaygate.yml', FILE), {
      profile: 'rhel9',
      failOn: 'warning',
      indeterminate: 'note',
      include: ['images/**/*.cf', 'roles/*/files/main.cf.j2'],
      exclude: ['vendor/**'],
      vars: ['/repo/infra/group_vars/all.yml', '/etc/extra.json'],
      baseline: '/repo/baseline.json',
    });
  });

  it('rules: turns rules off or sets their level; YAML booleans mean on and off', () => {
    const text = 'rules:\n  postfix-broad-mynetworks: off\n  sendmail-relay-feature: note\n  postfix-open-relay: true\n  stig-postfix-relay: false\n';
    assert.deepEqual(
      { ...parseConfigFile(text, '.relaygate.yml', FILE).rules },
      { 'postfix-broad-mynetworks': 'off', 'sendmail-relay-feature': 'note', 'postfix-open-relay': 'on', 'stig-postfix-relay': 'off' },
    );
  });

  it('an empty file or one with only comments sets nothing', () => {
    assert.deepEqual(parseConfigFile('', '.relaygate.yml', FILE), {});
    assert.deepEqual(parseConfigFile('# nothing yet\n', '.relaygate.yml', FILE), {});
  });

  it('"fail-on: never" and "fail-on: no" are strings, not booleans (YAML 1.2 core schema)', () => {
    assert.equal(parseConfigFile('fail-on: never\n', 'f', FILE).failOn, 'never');
    assert.equal(error('fail-on: no\n'), '.relaygate.yml:1:10: fail-on: "no" is not one of error, warning, note, never');
  });

  const cases: [string, string, string][] = [
    [
      'an unknown key, with the accepted keys',
      'profile: rhel8\nfailon: error\n',
      '.relaygate.yml:2:1: unknown key "failon"; accepted keys: profile, fail-on, indeterminate, include, exclude, vars, baseline, rules',
    ],
    [
      'a bad enumerated value, with the accepted values',
      '# settings\n\nfail-on: critical\n',
      '.relaygate.yml:3:10: fail-on: "critical" is not one of error, warning, note, never',
    ],
    [
      'a bad profile',
      'profile: rhel5\n',
      '.relaygate.yml:1:10: profile: "rhel5" is not one of gen004710, rhel6, rhel7, rhel8, rhel9, rhel10',
    ],
    ['a number where a string belongs', 'indeterminate: 3\n', '.relaygate.yml:1:16: indeterminate must be a string, not number 3'],
    ['a boolean where a string belongs', 'profile: true\n', '.relaygate.yml:1:10: profile must be a string, not boolean true'],
    ['an empty value, pointing at the key', 'baseline:\n', '.relaygate.yml:1:1: baseline must be a file path, not an empty value'],
    ['a mapping where a list belongs', 'include:\n  a: b\n', '.relaygate.yml:2:3: include must be a string or a list of strings, not a mapping'],
    [
      'a bad list entry, at the entry',
      'exclude:\n  - vendor/**\n  - 42\n',
      '.relaygate.yml:3:5: each exclude entry must be a non-empty string, not number 42',
    ],
    [
      'a top level that is not a mapping',
      '- profile: rhel8\n',
      '.relaygate.yml:1:1: expected a mapping of settings (profile, fail-on, indeterminate, include, exclude, vars, baseline, rules)',
    ],
    ['a duplicate key', 'profile: rhel8\nprofile: rhel9\n', '.relaygate.yml:2:1: Map keys must be unique'],
    [
      'an unknown rule id, with the rule ids',
      'rules:\n  postfix-open-relays: off\n',
      '.relaygate.yml:2:3: rules: unknown rule id "postfix-open-relays"; rule ids: stig-postfix-relay, stig-sendmail-relay, postfix-open-relay, postfix-broad-mynetworks, sendmail-relay-feature, exim-open-relay, opensmtpd-open-relay, config-unreadable, invalid-suppression',
    ],
    [
      'a rule setting that is not one of the accepted ones',
      'rules:\n  postfix-open-relay: loud\n',
      '.relaygate.yml:2:23: rules: postfix-open-relay: "loud" is not one of off, on, error, warning, note',
    ],
    ['rules that is not a mapping', 'rules: off\n', '.relaygate.yml:1:8: rules must be a mapping of rule ids to off, on, error, warning, note, not the string "off"'],
    ['a number as a rule setting', 'rules:\n  postfix-open-relay: 0\n', '.relaygate.yml:2:23: rules: postfix-open-relay must be one of off, on, error, warning, note, not number 0'],
  ];
  for (const [name, text, message] of cases) {
    it(`refuses ${name}`, () => assert.equal(error(text), message));
  }

  it('refuses YAML that does not parse, with the parser\'s position and one line', () => {
    assert.equal(error('\tprofile: rhel8\n'), '.relaygate.yml:1:1: Tabs are not allowed as indentation');
    assert.equal(error('profile: "rhel8\n'), '.relaygate.yml:2:1: Missing closing "quote');
  });
});

describe('.relaygate.yml and its JSON Schema', () => {
  it('accepts the yaml-language-server line editors read, and refuses values in another case than the schema', () => {
    const text = `# yaml-language-server: $schema=${SCHEMA_ID}\nprofile: rhel8\n`;
    assert.deepEqual(parseConfigFile(text, '.relaygate.yml', FILE), { profile: 'rhel8' });
    assert.equal(error('profile: RHEL9\n'), '.relaygate.yml:1:10: profile: "RHEL9" is not one of gen004710, rhel6, rhel7, rhel8, rhel9, rhel10');
  });

  it('refuses an alias bomb with one line', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'include: [*c, *c]', ''].join('\n');
    assert.match(error(bomb), /^\.relaygate\.yml: Excessive alias count/);
  });

  it('has one schema property per setting, each with a description; enums list the accepted values', () => {
    const schema = configSchema() as { properties: Record<string, { description: string; enum?: string[] }>; additionalProperties: boolean };
    assert.deepEqual(Object.keys(schema.properties), [...CONFIG_KEYS]);
    assert.equal(schema.additionalProperties, false);
    for (const [key, prop] of Object.entries(schema.properties)) assert.ok(prop.description.length > 20, key);
    assert.deepEqual(schema.properties['fail-on']!.enum, ['error', 'warning', 'note', 'never']);
  });

  it('agrees with the schema file editors use: what ajv accepts there, parseConfigFile accepts', () => {
    const onDisk = JSON.parse(readFileSync('schema/relaygate.schema.json', 'utf8')) as object;
    assert.deepEqual(onDisk, configSchema(), 'schema/relaygate.schema.json is stale: run `npm run docs`');
    const validate = new Ajv({ allErrors: true, strict: true }).compile(onDisk);
    const samples = ['profile: rhel9\n', 'include: [a, b]\n', 'vars: x.yml\n', 'fail-on: critical\n', 'include: [a, 1]\n', 'baseline: ""\n', 'bogus: 1\n'];
    for (const sample of samples) {
      let accepted = true;
      try {
        parseConfigFile(sample, 'f', FILE);
      } catch {
        accepted = false;
      }
      assert.equal(validate(parseYaml(sample)), accepted, sample);
    }
  });
});
