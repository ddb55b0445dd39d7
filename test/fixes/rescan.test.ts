import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import { applyReplacements } from '../../src/fixes/text.js';
import type { Finding, Replacement } from '../../src/model/finding.js';
import type { ProfileId } from '../../src/rules/profiles.js';
import { scan } from '../../src/scan.js';
import { temporaryTrees } from '../helpers/temp-tree.js';
import { findingRows } from '../helpers/finding-rows.js';

const tree = temporaryTrees('fixes');

/** [file, line, column, endLine, endColumn, text] of each replacement. */
type Rep = [string, number, number, number, number, string];

function reps(f: Finding): Rep[] | null {
  return f.replacements === undefined ? null : f.replacements.map((r) => [r.file, r.line, r.column, r.endLine, r.endColumn, r.text]);
}

/** Applies every replacement of `findings` to the files under `root`, in place. */
function applyAll(root: string, findings: readonly Finding[]): void {
  const byFile = new Map<string, Replacement[]>();
  for (const f of findings) for (const r of f.replacements ?? []) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  for (const [file, list] of byFile) {
    const full = path.join(root, file);
    writeFileSync(full, applyReplacements(readFileSync(full, 'utf8'), file, list));
  }
}

interface Case {
  name: string;
  files: Record<string, string>;
  profile?: ProfileId;
  /** The replacements of the one finding the case has (null: none offered). */
  replacements: Rep[] | null;
  /** The changed file's whole text after the fix. */
  fixed?: [string, string];
}

const MAIN = 'etc/postfix/main.cf';
const MASTER = 'etc/postfix/master.cf';
const TEMPLATE = 'roles/mail/templates/main.cf.j2';
const DEFAULTS = 'roles/mail/defaults/main.yml';
const MC = 'mail/sendmail.mc';
/** Postfix 3 with the level set, as installed: smtpd starts and trusts the host alone (the relay rules have nothing to say). */
const LEVEL = 'compatibility_level = 3.6\n';
const OPEN = `${LEVEL}inet_interfaces = all\n`;

const CASES: Case[] = [
  {
    name: 'a bare permit and no reject: the permit becomes reject',
    files: { [MAIN]: `${OPEN}smtpd_client_restrictions = permit_mynetworks, permit\n` },
    replacements: [[MAIN, 3, 48, 3, 54, 'reject']],
    fixed: [MAIN, `${OPEN}smtpd_client_restrictions = permit_mynetworks, reject\n`],
  },
  {
    name: 'a bare permit before reject: the permit and its separator go',
    files: { [MAIN]: `${OPEN}smtpd_client_restrictions = permit, reject\n` },
    replacements: [[MAIN, 3, 29, 3, 37, '']],
    fixed: [MAIN, `${OPEN}smtpd_client_restrictions = reject\n`],
  },
  {
    name: 'no reject: appended with the separator the value uses (comma alone)',
    files: { [MAIN]: `${OPEN}smtpd_client_restrictions = permit_mynetworks,permit_sasl_authenticated\n` },
    replacements: [[MAIN, 3, 72, 3, 72, ',reject']],
    fixed: [MAIN, `${OPEN}smtpd_client_restrictions = permit_mynetworks,permit_sasl_authenticated,reject\n`],
  },
  {
    name: 'one item and no reject: main.cf gets ", reject"',
    files: { [MAIN]: `${OPEN}smtpd_client_restrictions = permit_mynetworks\n` },
    replacements: [[MAIN, 3, 46, 3, 46, ', reject']],
  },
  {
    name: 'an empty value gets the STIG value',
    files: { [MAIN]: `${OPEN}smtpd_client_restrictions =\n` },
    replacements: [[MAIN, 3, 28, 3, 28, ' permit_mynetworks, reject']],
    fixed: [MAIN, `${OPEN}smtpd_client_restrictions = permit_mynetworks, reject\n`],
  },
  {
    name: 'a missing parameter gets a line at the end of main.cf',
    files: { [MAIN]: `myhostname = mx.example.org\n${OPEN}` },
    replacements: [[MAIN, 4, 1, 4, 1, 'smtpd_client_restrictions = permit_mynetworks, reject\n']],
  },
  {
    name: 'a missing parameter in a CRLF main.cf without a final newline: CRLF lines',
    files: { [MAIN]: 'compatibility_level = 3.6\r\nmyhostname = mx.example.org\r\ninet_interfaces = all' },
    replacements: [[MAIN, 3, 22, 3, 22, '\r\nsmtpd_client_restrictions = permit_mynetworks, reject\r\n']],
  },
  {
    name: 'a value continued on the next line: the item is edited where it is',
    files: { [MAIN]: `${OPEN}smtpd_client_restrictions = permit_mynetworks,\n    permit\n` },
    replacements: [[MAIN, 4, 5, 4, 11, 'reject']],
    fixed: [MAIN, `${OPEN}smtpd_client_restrictions = permit_mynetworks,\n    reject\n`],
  },
  {
    name: 'an argument of check_client_access is not an item to edit',
    files: { [MAIN]: `${OPEN}smtpd_client_restrictions = check_client_access hash:/etc/postfix/access, permit\n` },
    replacements: [[MAIN, 3, 75, 3, 81, 'reject']],
  },
  {
    name: 'the last definition is the one edited',
    files: { [MAIN]: `${OPEN}smtpd_client_restrictions = reject\nsmtpd_client_restrictions = permit\n` },
    replacements: [[MAIN, 4, 29, 4, 35, 'reject']],
  },
  {
    name: 'master.cf -o override: edited inside the argument, no blank',
    files: {
      [MAIN]: `${OPEN}smtpd_client_restrictions = permit_mynetworks, reject\n`,
      [MASTER]: 'smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_client_restrictions=permit_sasl_authenticated,permit\n',
    },
    replacements: [[MASTER, 3, 58, 3, 64, 'reject']],
  },
  {
    name: 'master.cf -o override that is empty: both items added, comma only',
    files: {
      [MAIN]: `${OPEN}smtpd_client_restrictions = permit_mynetworks, reject\n`,
      [MASTER]: 'smtp inet n - y - - smtpd\n  -o smtpd_client_restrictions=\n',
    },
    replacements: [[MASTER, 2, 32, 2, 32, 'permit_mynetworks,reject']],
  },
  {
    name: 'rhel8: entries other than permit_mynetworks and reject go',
    profile: 'rhel8',
    files: { [MAIN]: `${OPEN}smtpd_client_restrictions = permit_mynetworks, permit_sasl_authenticated, reject\n` },
    replacements: [[MAIN, 3, 48, 3, 75, '']],
    fixed: [MAIN, `${OPEN}smtpd_client_restrictions = permit_mynetworks, reject\n`],
  },
  {
    name: 'rhel6: inet_interfaces becomes localhost',
    profile: 'rhel6',
    files: { [MAIN]: `${LEVEL}inet_interfaces = all, 192.0.2.1\n` },
    replacements: [[MAIN, 2, 19, 2, 33, 'localhost']],
    fixed: [MAIN, `${LEVEL}inet_interfaces = localhost\n`],
  },
  {
    name: 'a template line with a literal value is edited in the template',
    files: { [TEMPLATE]: `myhostname = {{ inventory_hostname }}\n${OPEN}smtpd_client_restrictions = permit_mynetworks\n` },
    replacements: [[TEMPLATE, 4, 46, 4, 46, ', reject']],
  },
  {
    name: 'a template fed by a role defaults list: the list entry is edited',
    files: {
      [TEMPLATE]: `${OPEN}smtpd_client_restrictions = {{ postfix_client_restrictions | join(', ') }}\n`,
      [DEFAULTS]: '---\npostfix_client_restrictions:\n  - permit_mynetworks\n  - permit\n',
    },
    replacements: [[DEFAULTS, 4, 5, 4, 11, 'reject']],
    fixed: [DEFAULTS, '---\npostfix_client_restrictions:\n  - permit_mynetworks\n  - reject\n'],
  },
  {
    name: 'a template fed by a role defaults list without reject: a list entry is added',
    files: {
      [TEMPLATE]: `${OPEN}smtpd_client_restrictions = {{ postfix_client_restrictions | join(',') }}\n`,
      [DEFAULTS]: "postfix_client_restrictions:\n    - 'permit_mynetworks'\n",
    },
    replacements: [[DEFAULTS, 3, 1, 3, 1, '    - reject\n']],
  },
  {
    name: 'a template fed by a role defaults string: the string is edited',
    files: {
      [TEMPLATE]: `${OPEN}smtpd_client_restrictions = {{ postfix_smtpd_client_restrictions }}\n`,
      [DEFAULTS]: 'postfix_smtpd_client_restrictions: "permit_mynetworks, permit"\n',
    },
    replacements: [[DEFAULTS, 1, 56, 1, 62, 'reject']],
  },
  {
    name: 'sendmail: the FEATURE line is deleted',
    files: { [MC]: "OSTYPE(`linux')dnl\nFEATURE(`promiscuous_relay')dnl\nMAILER(`smtp')dnl\n" },
    replacements: [[MC, 2, 1, 3, 1, '']],
    fixed: [MC, "OSTYPE(`linux')dnl\nMAILER(`smtp')dnl\n"],
  },
  {
    name: 'sendmail: a # FEATURE line after cf.m4 (in effect) is deleted too',
    files: { [MC]: "include(`/usr/share/sendmail/cf/m4/cf.m4')dnl\n# FEATURE(`promiscuous_relay')dnl\n" },
    replacements: [[MC, 2, 1, 3, 1, '']],
  },

  // No safe mechanical fix: the text at the span is not what the rule judged, or editing it is not known to help.
  {
    name: 'no fix: the value comes through $name',
    files: { [MAIN]: `${OPEN}relay_clients = permit\nsmtpd_client_restrictions = $relay_clients\n` },
    replacements: null,
  },
  {
    name: 'no fix: the value uses a restriction class',
    files: { [MAIN]: `${OPEN}smtpd_restriction_classes = open\nopen = permit\nsmtpd_client_restrictions = open\n` },
    replacements: null,
  },
  {
    name: 'no fix: a -o override in { } form',
    files: {
      [MAIN]: `${OPEN}smtpd_client_restrictions = permit_mynetworks, reject\n`,
      [MASTER]: 'smtp inet n - y - - smtpd\n  -o { smtpd_client_restrictions = permit }\n',
    },
    replacements: null,
  },
  {
    name: 'no fix: a template expression with a filter other than join',
    files: {
      [TEMPLATE]: `${OPEN}smtpd_client_restrictions = {{ postfix_scr | default('permit_mynetworks') }}\n`,
      [DEFAULTS]: 'postfix_scr: permit_mynetworks\n',
    },
    replacements: null,
  },
  {
    name: 'no fix: a defaults list entry that holds two Postfix items',
    files: {
      [TEMPLATE]: `${OPEN}smtpd_client_restrictions = {{ postfix_scr | join(', ') }}\n`,
      [DEFAULTS]: 'postfix_scr:\n  - permit_mynetworks permit\n',
    },
    replacements: null,
  },
  {
    name: 'no fix: a second line mentions promiscuous_relay',
    files: { [MC]: "FEATURE(`promiscuous_relay')dnl\nFEATURE(`promiscuous_relay')dnl\n" },
    replacements: null,
  },
];

describe('mechanical fixes, checked by scanning the fixed files again', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const root = tree(c.files);
      const options = { ...defaultOptions(root), ...(c.profile ? { profile: c.profile } : {}) };
      const before = await scan(options);
      assert.equal(before.findings.length, 1, JSON.stringify(before.findings.map((f) => [f.ruleId, f.file, f.line, f.message])));
      const [finding] = before.findings;
      assert.deepEqual(reps(finding!), c.replacements);
      if (c.replacements === null) return;
      applyAll(root, before.findings);
      if (c.fixed) assert.equal(readFileSync(path.join(root, c.fixed[0]), 'utf8'), c.fixed[1]);
      const rescanned = await scan(options);
      // The finding is gone and nothing new appears.
      assert.deepEqual(
        rescanned.findings.map((f) => [f.ruleId, f.file, f.line, f.message]),
        [],
      );
    });
  }
});

describe('the examples, every fix applied', () => {
  const copies: string[] = [];
  after(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  it('leave no finding behind but the startup refusal and the Exim and OpenSMTPD relays (no mechanical fix), and every other open relay of examples/ has a fix', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'relaygate-fixed-examples-'));
    copies.push(root);
    cpSync('examples', root, { recursive: true });
    const before = await scan(defaultOptions(root));
    assert.deepEqual(
      before.findings.map((f) => [f.file, f.line, f.replacements?.map((r) => `${r.file}:${r.line}:${r.column}-${r.endLine}:${r.endColumn} ${JSON.stringify(r.text)}`)]),
      [
        // No compatibility_level and no relay restrictions: smtpd refuses to start, which no edit of one value repairs.
        ['ansible/roles/mail/templates/main.cf.j2', 1, undefined],
        ['ansible/roles/mail/templates/main.cf.j2', 7, ['ansible/roles/mail/defaults/main.yml:9:5-9:11 "reject"']],
        ['docker/Dockerfile', 9, ['docker/Dockerfile:9:60-9:60 ",reject"']],
        // Which networks may relay is a person's decision.
        ['exim/open/exim.conf', 9, undefined],
        ['open-relay/postfix/main.cf', 29, ['open-relay/postfix/main.cf:29:48-29:54 "reject"']],
        ['opensmtpd/open/smtpd.conf', 16, undefined],
        ['sendmail/open/sendmail.mc', 18, ['sendmail/open/sendmail.mc:18:1-19:1 ""']],
        ['submission-override/postfix/master.cf', 14, ['submission-override/postfix/master.cf:14:58-14:64 "reject"']],
        ['suppressed/postfix/main.cf', 13, ['suppressed/postfix/main.cf:13:75-13:81 "reject"']],
      ],
    );
    applyAll(root, before.findings);
    const after = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(after.findings), [
      ['postfix-open-relay', 'ansible/roles/mail/templates/main.cf.j2', 1, 1, 'definite'],
      ['exim-open-relay', 'exim/open/exim.conf', 9, 67, 'definite'],
      ['opensmtpd-open-relay', 'opensmtpd/open/smtpd.conf', 16, 7, 'definite'],
    ]);
    assert.match(after.findings[0]?.message ?? '', /smtpd refuses to start/);
    assert.equal(after.configurations.length, before.configurations.length);
  });
});
