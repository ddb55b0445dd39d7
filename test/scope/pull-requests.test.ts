/**
 * A table of pull-request-shaped changes. Each row is a tree before, the
 * change, and the changed paths as GitHub lists them (added, modified,
 * removed, a renamed file under both names). For every row the scoped scan
 * must report exactly the full scan's findings for the configurations the
 * change touches, and nothing of the others.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadOptions } from '../../src/config/load.js';
import type { Options } from '../../src/config/options.js';
import type { Finding } from '../../src/model/finding.js';
import { scan, type ScanResult } from '../../src/scan.js';
import { temporaryTrees } from '../helpers/temp-tree.js';
import { withoutRelayRules } from '../helpers/relay-rules-off.js';
import { findingRows, type FindingRow as Row } from '../helpers/finding-rows.js';

const tree = temporaryTrees('pull-requests');
const EXAMPLES = path.join(import.meta.dirname, '../../examples');

/** An open relay nothing in any row touches: its finding must be hidden by every scope but the settings row. */
const BYSTANDER = { 'bystander/postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n' };
const BYSTANDER_FINDING: Row = ['stig-postfix-relay', 'bystander/postfix/main.cf', 2, 29, 'definite'];

/** rule, file, line, column, certainty */
interface Change {
  /** Added or modified files. */
  write?: Record<string, string>;
  remove?: string[];
  /** [previous name, new name] */
  rename?: [string, string][];
}

interface PullRequest {
  name: string;
  before: Record<string, string>;
  /** Files copied from examples/ into the tree before (example folder -> tree folder). */
  examples?: Record<string, string>;
  change: Change;
  /** The scoped findings (and so the full scan's findings of the touched configurations). */
  expected: Row[];
  /** The full scan of the tree before the change (the bystander included). */
  expectedBefore: Row[];
}

const ANSIBLE_TASKS = [
  '- name: main.cf',
  '  ansible.builtin.template:',
  '    src: main.cf.j2',
  '    dest: /etc/postfix/main.cf',
  '',
].join('\n');

const ROLE_TEMPLATE = 'inet_interfaces = all\nsmtpd_client_restrictions = {{ mail_client_restrictions }}\n';

const ROLE = {
  'roles/mail/tasks/main.yml': ANSIBLE_TASKS,
  'roles/mail/templates/main.cf.j2': ROLE_TEMPLATE,
  'roles/mail/defaults/main.yml': 'mail_client_restrictions: permit_mynetworks, permit\n',
  'roles/mail/vars/main.yml': 'mail_client_restrictions: permit_mynetworks, reject\n',
};

const BRANCHED_TEMPLATE = [
  'inet_interfaces = all',
  '{% if mail_open_relay %}',
  'smtpd_client_restrictions = {{ mail_open_restrictions }}',
  '{% else %}',
  'smtpd_client_restrictions = permit_mynetworks, reject',
  '{% endif %}',
  '',
].join('\n');

const MASTER_SUBMISSION = [
  'smtp      inet  n       -       y       -       -       smtpd',
  'submission inet n       -       y       -       -       smtpd',
  '  -o smtpd_client_restrictions=$mua_client_restrictions',
  '',
].join('\n');

const PULL_REQUESTS: PullRequest[] = [
  {
    name: 'a listener moved off loopback (master.cf 127.0.0.1:smtp -> smtp) opens main.cf',
    before: {},
    examples: { 'loopback-service/postfix': 'mail/postfix' },
    change: { write: { 'mail/postfix/master.cf': masterOffLoopback() } },
    expected: [['stig-postfix-relay', 'mail/postfix/main.cf', 1, 1, 'definite']],
    expectedBefore: [BYSTANDER_FINDING],
  },
  {
    name: "emptying a role's vars/main.yml that held the safe value leaves the weak default",
    before: ROLE,
    change: { write: { 'roles/mail/vars/main.yml': '' } },
    expected: [['stig-postfix-relay', 'roles/mail/templates/main.cf.j2', 2, 29, 'definite']],
    expectedBefore: [BYSTANDER_FINDING],
  },
  {
    name: "deleting a role's vars/main.yml that held the safe value leaves the weak default",
    before: ROLE,
    change: { remove: ['roles/mail/vars/main.yml'] },
    expected: [['stig-postfix-relay', 'roles/mail/templates/main.cf.j2', 2, 29, 'definite']],
    expectedBefore: [BYSTANDER_FINDING],
  },
  {
    name: 'renaming vars/main.yml away (only its previous name is looked up)',
    before: ROLE,
    change: { rename: [['roles/mail/vars/main.yml', 'roles/mail/vars/unused.yml']] },
    expected: [['stig-postfix-relay', 'roles/mail/templates/main.cf.j2', 2, 29, 'definite']],
    expectedBefore: [BYSTANDER_FINDING],
  },
  {
    name: 'weakening a role default',
    before: { ...ROLE, 'roles/mail/defaults/main.yml': 'mail_client_restrictions: permit_mynetworks, reject\n', 'roles/mail/vars/main.yml': 'other: 1\n' },
    change: { write: { 'roles/mail/defaults/main.yml': 'mail_client_restrictions: permit_mynetworks, permit\n' } },
    expected: [['stig-postfix-relay', 'roles/mail/templates/main.cf.j2', 2, 29, 'definite']],
    expectedBefore: [BYSTANDER_FINDING],
  },
  {
    name: 'a group_vars/all.yml appearing where Ansible looks for it turns a branch on',
    before: {
      'roles/mail/tasks/main.yml': ANSIBLE_TASKS,
      'roles/mail/templates/main.cf.j2': BRANCHED_TEMPLATE,
      'roles/mail/defaults/main.yml': 'mail_open_relay: false\nmail_open_restrictions: permit_mynetworks, permit\n',
    },
    change: { write: { 'group_vars/all.yml': 'mail_open_relay: true\n' } },
    expected: [['stig-postfix-relay', 'roles/mail/templates/main.cf.j2', 3, 29, 'definite']],
    expectedBefore: [BYSTANDER_FINDING],
  },
  {
    name: 'deleting the main.cf line a master.cf -o override relied on',
    before: {
      'mail/postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\nmua_client_restrictions = permit_sasl_authenticated, reject\n',
      'mail/postfix/master.cf': MASTER_SUBMISSION,
    },
    change: { write: { 'mail/postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\n' } },
    expected: [['stig-postfix-relay', 'mail/postfix/master.cf', 3, 3, 'definite']],
    expectedBefore: [BYSTANDER_FINDING],
  },
  {
    name: "changing a Dockerfile's FROM from Rocky Linux (localhost) to Debian (all addresses)",
    before: {
      'image/Dockerfile': [
        'FROM rockylinux:9',
        'RUN dnf install -y postfix',
        'RUN postconf -e "smtpd_client_restrictions=permit_mynetworks, permit"',
        '',
      ].join('\n'),
    },
    change: {
      write: {
        'image/Dockerfile': [
          'FROM debian:12',
          'RUN apt-get install -y postfix',
          'RUN postconf -e "smtpd_client_restrictions=permit_mynetworks, permit"',
          '',
        ].join('\n'),
      },
    },
    expected: [['stig-postfix-relay', 'image/Dockerfile', 3, 44, 'definite']],
    expectedBefore: [BYSTANDER_FINDING],
  },
  {
    name: '.relaygate.yml stops excluding a folder: every configuration is touched',
    before: { '.relaygate.yml': 'exclude: [legacy/**]\n', 'legacy/postfix/main.cf': 'smtpd_client_restrictions = permit\n' },
    change: { write: { '.relaygate.yml': 'exclude: []\n' } },
    expected: [BYSTANDER_FINDING, ['stig-postfix-relay', 'legacy/postfix/main.cf', 1, 29, 'definite']],
    expectedBefore: [BYSTANDER_FINDING],
  },
  {
    name: 'master.cf renamed to a backup name: main.cf runs with the stock master.cf',
    before: {},
    examples: { 'loopback-service/postfix': 'mail/postfix' },
    change: { rename: [['mail/postfix/master.cf', 'mail/postfix/master.cf.orig']] },
    expected: [['stig-postfix-relay', 'mail/postfix/main.cf', 1, 1, 'definite']],
    expectedBefore: [BYSTANDER_FINDING],
  },
  {
    name: "deleting a postfix-install makes the conf/main.cf it marked as a source tree's sample live",
    before: { 'mail/postfix-install': '#!/bin/sh\n', 'mail/conf/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n' },
    change: { remove: ['mail/postfix-install'] },
    expected: [['stig-postfix-relay', 'mail/conf/main.cf', 2, 29, 'definite']],
    expectedBefore: [BYSTANDER_FINDING],
  },
];

function masterOffLoopback(): string {
  const text = readFileSync(path.join(EXAMPLES, 'loopback-service/postfix/master.cf'), 'utf8');
  const opened = text.replace('127.0.0.1:smtp inet', 'smtp      inet');
  assert.notEqual(opened, text);
  return opened;
}

/** The tree before the change, with the bystander. */
function before(pr: PullRequest): string {
  const root = tree({ ...BYSTANDER, ...pr.before });
  for (const [from, to] of Object.entries(pr.examples ?? {})) cpSync(path.join(EXAMPLES, from), path.join(root, to), { recursive: true });
  return root;
}

/** Applies the change; returns the changed paths as the pull request's files API lists them (a rename under both names). */
function apply(root: string, change: Change): string[] {
  const changed: string[] = [];
  for (const [rel, text] of Object.entries(change.write ?? {})) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
    changed.push(rel);
  }
  for (const rel of change.remove ?? []) {
    rmSync(path.join(root, rel));
    changed.push(rel);
  }
  for (const [from, to] of change.rename ?? []) {
    renameSync(path.join(root, from), path.join(root, to));
    changed.push(to, from);
  }
  return changed;
}

/** Options as the CLI and the action build them: .relaygate.yml at the root, if present, read. */
async function options(root: string, changed: string[] | null): Promise<Options> {
  // The STIG rule's findings are what the rows spell out; the relay rules' scope is the same mechanism.
  return withoutRelayRules((await loadOptions({ root, paths: ['.'], config: null, overrides: {}, changed, cwd: root })).options);
}

/** The test's own reading of an input list: a path, or a folder (`dir/`, `./`) holding the changed path. */
function touches(inputs: readonly string[], changed: readonly string[]): boolean {
  return changed.some((p) => inputs.some((i) => i === p || i === './' || (i.endsWith('/') && p.startsWith(i))));
}

/** The full scan's findings of the configurations the change touches (a finding belongs to the configuration holding its file among its inputs). */
function fullScanOfTouched(full: ScanResult, changed: readonly string[]): { findings: Finding[]; touched: number } {
  const touched = full.configurations.filter((c) => touches(c.inputs, changed));
  const findings = full.findings.filter((f) => touched.some((c) => c.files.includes(f.file) || c.inputs.includes(f.file)));
  return { findings, touched: touched.length };
}

describe('pull-request scope: every row reports exactly the full scan of the configurations it touches', () => {
  for (const pr of PULL_REQUESTS) {
    it(pr.name, async () => {
      const root = before(pr);
      assert.deepEqual(findingRows((await scan(await options(root, null))).findings), pr.expectedBefore, 'the tree before the change');

      const changed = apply(root, pr.change);
      const full = await scan(await options(root, null));
      const scoped = await scan(await options(root, changed));
      const touched = fullScanOfTouched(full, changed);

      assert.deepEqual(findingRows(scoped.findings), pr.expected, 'scoped findings');
      assert.deepEqual(findingRows(scoped.findings), findingRows(touched.findings), 'scoped = the full scan of the touched configurations');
      assert.deepEqual(scoped.findings, touched.findings, 'the same findings in every field (fingerprints, related)');
      const hidden = pr.expected.some((r) => r[1] === BYSTANDER_FINDING[1]) ? 0 : 1;
      assert.deepEqual(scoped.scope, { kind: 'changed', changedFiles: new Set(changed).size, configurationsTouched: touched.touched, findingsHidden: hidden });
      assert.ok(touched.touched >= 1, 'the change touches a configuration');
    });
  }
});


describe('a change to the files that decide how the scan judges is said, not only obeyed', () => {
  it('a changed .relaygate.yml, baseline and vars file each get a note; unchanged ones none', async () => {
    const root = tree({
      ...BYSTANDER,
      '.relaygate.yml': 'rules:\n  stig-postfix-relay: off\nbaseline: ci/baseline.json\nvars: [ci/vars.yml]\n',
      'ci/baseline.json': '{"findings": []}\n',
      'ci/vars.yml': 'a: 1\n',
    });
    const notes = async (changed: string[]): Promise<string[]> => (await scan(await options(root, changed))).notes.filter((n) => n.includes('is changed here'));
    assert.deepEqual(await notes(['.relaygate.yml', 'ci/baseline.json', 'ci/vars.yml']), [
      '.relaygate.yml is changed here, and this scan runs with the changed version: it sets the rules, the levels and the include and exclude globs; review it as part of the change',
      'ci/baseline.json is changed here, and this scan runs with the changed version: the findings it lists are not reported; review it as part of the change',
      'ci/vars.yml is changed here, and this scan runs with the changed version: its variables render the templates; review it as part of the change',
    ]);
    assert.deepEqual(await notes(['bystander/postfix/main.cf']), []);
    assert.deepEqual((await scan(await options(root, null))).notes.filter((n) => n.includes('is changed here')), []);
  });
});
