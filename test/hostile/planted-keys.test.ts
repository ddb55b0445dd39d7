/**
 * `__proto__`, `constructor` and `prototype` planted in every variables
 * source relaygate reads change no verdict. Each case scans examples/ plus
 * one template and its variables file twice, in a child process (a polluted
 * Object.prototype must not leak into this test process): once with the clean
 * file, once with the planted keys appended, and the exact findings must be
 * the same. On a polluted scan a plain main.cf is judged as an overlay that
 * changes nothing, and the examples' findings disappear.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { runBundledWithBudget } from '../helpers/budget.js';
import { findingRows } from '../helpers/finding-rows.js';

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));
/** Names the engine reads on its own objects: any of them inherited from Object.prototype would change a verdict. */
const NAMES = ['overlay', 'touched', 'base', 'maybe', 'unknown', 'inet_interfaces', 'smtpd_client_restrictions', 'suppressed', 'fatal', 'role', 'kind'];

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

interface Source {
  name: string;
  /** Template and clean variables files (added to examples/). */
  files: Record<string, string>;
  /** The variables file the keys are planted in, and what is appended to it (a JSON file: its whole planted text). */
  planted: [file: string, text: string];
  /** Extra CLI arguments (--vars). */
  argv?: string[];
}

const yamlKeys = (indent: string) =>
  ['__proto__', 'constructor', 'prototype']
    .map((key) => `${indent}${key}:\n${indent}  prototype: {${NAMES.map((n) => `${n}: "x"`).join(', ')}}\n${NAMES.map((n) => `${indent}  ${n}: []`).join('\n')}\n`)
    .join('');
const jsonKeys = () =>
  Object.fromEntries(['__proto__', 'constructor', 'prototype'].map((key) => [key, Object.fromEntries(NAMES.map((n) => [n, { touched: [] }]))]));
const OPENS = 'smtpd_client_restrictions = permit_mynetworks, reject\n';

const SOURCES: Source[] = [
  {
    name: 'Chef attributes/*.rb',
    files: {
      'cookbooks/planted/attributes/default.rb': "default['planted']['inet'] = 'all'\n",
      'cookbooks/planted/templates/default/main.cf.erb': `inet_interfaces = <%= node['planted']['inet'] %>\n${OPENS}`,
    },
    planted: [
      'cookbooks/planted/attributes/default.rb',
      ['__proto__', 'constructor', 'prototype'].flatMap((k) => NAMES.map((n) => `default['${k}']['${n}']['touched'] = []\noverride['planted']['${k}']['${n}'] = 1\n`)).join(''),
    ],
  },
  {
    name: 'Chef role JSON',
    files: {
      'cookbooks/planted/metadata.rb': "name 'planted'\n",
      'cookbooks/planted/templates/default/main.cf.erb': `inet_interfaces = <%= node['planted']['inet'] %>\n${OPENS}`,
      'roles/mail.json': '{"name": "mail", "default_attributes": {"planted": {"inet": "all"}}}\n',
    },
    planted: ['roles/planted.json', `${JSON.stringify({ name: 'planted', default_attributes: jsonKeys(), override_attributes: { planted: jsonKeys() } })}\n`],
  },
  {
    name: 'Chef role Ruby DSL',
    files: {
      'cookbooks/planted/metadata.rb': "name 'planted'\n",
      'cookbooks/planted/templates/default/main.cf.erb': `inet_interfaces = <%= node['planted']['inet'] %>\n${OPENS}`,
      'roles/mail.rb': "name 'mail'\ndefault_attributes('planted' => { 'inet' => 'all' })\n",
    },
    planted: ['roles/planted.rb', `name 'planted'\ndefault_attributes(${NAMES.map((n) => `'__proto__' => { '${n}' => { 'touched' => [] } }, 'constructor' => { 'prototype' => { '${n}' => 1 } }`).join(', ')})\n`],
  },
  {
    name: 'Ansible role defaults and vars (YAML)',
    files: {
      'roles/planted/defaults/main.yml': 'planted_inet: all\n',
      'roles/planted/templates/main.cf.j2': `inet_interfaces = {{ planted_inet }}\n${OPENS}`,
    },
    planted: ['roles/planted/defaults/main.yml', yamlKeys('')],
  },
  {
    name: 'Ansible group_vars/all',
    files: {
      'group_vars/all.yml': 'planted_inet: all\n',
      'roles/planted/templates/main.cf.j2': `inet_interfaces = {{ planted_inet }}\n${OPENS}`,
    },
    planted: ['group_vars/all.yml', yamlKeys('')],
  },
  {
    name: 'Salt defaults.yaml and pillar.example',
    files: {
      'salt/postfix/defaults.yaml': 'postfix:\n  inet: all\n',
      'salt/postfix/pillar.example': 'postfix:\n  other: 1\n',
      'salt/postfix/files/main.cf': `inet_interfaces = {{ postfix.inet }}\n${OPENS}`,
      'salt/postfix/map.jinja': "{% set postfix = salt['pillar.get']('postfix', default=defaults, merge=True) %}\n",
    },
    planted: ['salt/postfix/pillar.example', `${yamlKeys('')}postfix_more:\n${yamlKeys('  ')}`],
  },
  {
    name: 'Helm values.yaml',
    files: {
      'charts/planted/Chart.yaml': 'name: planted\nversion: 1.0.0\n',
      'charts/planted/values.yaml': 'inet: all\n',
      'charts/planted/templates/main.cf.tpl': `inet_interfaces = {{ .Values.inet }}\n${OPENS}`,
    },
    planted: ['charts/planted/values.yaml', `${yamlKeys('')}nested:\n${yamlKeys('  ')}`],
  },
  {
    name: 'Terraform locals, variable defaults and the templatefile map',
    files: {
      'tf/variables.tf': 'variable "inet" {\n  default = "all"\n}\n',
      'tf/main.tf': 'resource "x" "y" {\n  user_data = templatefile("${path.module}/main.cf.tftpl", { inet = var.inet })\n}\n',
      'tf/main.cf.tftpl': `inet_interfaces = \${inet}\n${OPENS}`,
    },
    planted: [
      'tf/planted.tf',
      `locals {\n${['__proto__', 'constructor', 'prototype'].map((k) => `  ${k} = { ${NAMES.map((n) => `${n} = { touched = [] }`).join(', ')} }`).join('\n')}\n  m = { "__proto__" = { overlay = 1 }, "constructor" = { prototype = { overlay = 1 } } }\n}\nvariable "__proto__" {\n  default = { overlay = 1 }\n}\n`,
    ],
  },
  {
    name: 'Puppet Hiera data and class parameters',
    files: {
      'modules/planted/manifests/init.pp': "class planted (\n  String $inet = 'all',\n) {\n}\n",
      'modules/planted/templates/main.cf.epp': `inet_interfaces = <%= $planted::inet %>\n${OPENS}`,
      'modules/planted/data/common.yaml': 'planted::other: 1\n',
    },
    planted: ['modules/planted/data/common.yaml', `${yamlKeys('')}planted::more:\n${yamlKeys('  ')}`],
  },
  {
    name: '--vars YAML',
    files: { 'roles/planted/templates/main.cf.j2': `inet_interfaces = {{ planted_inet }}\n${OPENS}`, 'extra.yml': 'planted_inet: all\n' },
    planted: ['extra.yml', `${yamlKeys('')}node:\n${yamlKeys('  ')}Values:\n${yamlKeys('  ')}`],
    argv: ['--vars', 'extra.yml'],
  },
  {
    name: '--vars JSON',
    files: { 'roles/planted/templates/main.cf.j2': `inet_interfaces = {{ planted_inet }}\n${OPENS}`, 'extra.json': '{"planted_inet": "all"}\n' },
    planted: ['extra.json', `${JSON.stringify({ planted_inet: 'all', ...jsonKeys(), node: jsonKeys(), Values: jsonKeys() })}\n`],
    argv: ['--vars', 'extra.json'],
  },
];

function tree(source: Source, planted: boolean): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'relaygate-planted-'));
  roots.push(root);
  cpSync(EXAMPLES, root, { recursive: true });
  for (const [name, text] of Object.entries(source.files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const [file, text] = source.planted;
  if (!planted) return root;
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  if (file.endsWith('.json')) writeFileSync(path.join(root, file), text);
  else appendFileSync(path.join(root, file), text);
  return root;
}

async function findings(source: Source, planted: boolean): Promise<unknown[]> {
  const root = tree(source, planted);
  const r = await runBundledWithBudget({ argv: ['--format', 'json', ...(source.argv ?? []), '.'], cwd: root, seconds: 20 });
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number; column: number; certainty: string }[] };
  return findingRows(report.findings);
}

describe('keys planted in every variables source change no verdict', { concurrency: 2 }, () => {
  for (const source of SOURCES) {
    it(source.name, async () => {
      const clean = await findings(source, false);
      // The examples' own findings are there, and the planted source's template is judged.
      assert.ok(clean.some((f) => (f as string[])[1] === 'open-relay/postfix/main.cf'), JSON.stringify(clean));
      assert.ok(clean.length >= 6, JSON.stringify(clean));
      assert.deepEqual(await findings(source, true), clean);
    });
  }
});
