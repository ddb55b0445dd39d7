import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Certainty, Level } from '../../src/model/finding.js';
import type { SourceFile } from '../../src/model/source.js';
import { assembleSendmail } from '../../src/mta/sendmail/index.js';
import { PROFILES } from '../../src/rules/profiles.js';
import { rule } from '../../src/rules/sendmail-relay-feature.js';

const INCLUDE = "include(`/usr/share/sendmail/cf/m4/cf.m4')dnl\n";
const MC = 'etc/mail/sendmail.mc';
const ACCESS = 'etc/mail/access';
const LOOPBACK = "FEATURE(`no_default_msa')dnl\nDAEMON_OPTIONS(`Port=smtp, Addr=127.0.0.1, Name=MTA')dnl\n";

/** [file, line, column, level, certainty] */
type Expected = [string, number, number, Level, Certainty];

interface Case {
  name: string;
  files: SourceFile[];
  expect: Expected[];
  says?: string[];
}

const mc = (text: string): SourceFile => ({ path: MC, text, role: 'sendmail.mc' });
const access = (text: string, path = ACCESS): SourceFile => ({ path, text, role: 'sendmail.access' });
const cf = (text: string): SourceFile => ({ path: 'etc/mail/sendmail.cf', text, role: 'sendmail.cf' });

const CASES: Case[] = [
  // Features, with m4's rules.
  { name: 'no relay feature', files: [mc(`${INCLUDE}FEATURE(\`access_db')dnl\n`)], expect: [] },
  { name: 'relay_entire_domain', files: [mc(`${INCLUDE}FEATURE(\`relay_entire_domain')dnl\n`)], expect: [[MC, 2, 1, 'warning', 'definite']], says: ['every host in the local domain'] },
  { name: '# after the cf.m4 include does not disable relay_based_on_MX', files: [mc(`${INCLUDE}# FEATURE(\`relay_based_on_MX')\n`)], expect: [[MC, 2, 3, 'warning', 'definite']], says: ['MX record'] },
  { name: 'dnl disables loose_relay_check', files: [mc(`${INCLUDE}dnl FEATURE(\`loose_relay_check')\n`)], expect: [] },
  { name: 'loose_relay_check', files: [mc(`${INCLUDE}FEATURE(\`loose_relay_check')dnl\n`)], expect: [[MC, 2, 1, 'warning', 'definite']], says: ['%'] },
  { name: 'relay_local_from: a forged local sender relays', files: [mc(`${INCLUDE}FEATURE(\`relay_local_from')dnl\n`)], expect: [[MC, 2, 1, 'warning', 'definite']], says: ['forge'] },
  { name: 'relay_mail_from without access_db does nothing (m4 prints an error)', files: [mc(`${INCLUDE}FEATURE(\`relay_mail_from')dnl\n`)], expect: [] },
  { name: 'relay_mail_from after access_db', files: [mc(`${INCLUDE}FEATURE(\`access_db')dnl\nFEATURE(\`relay_mail_from')dnl\n`)], expect: [[MC, 3, 1, 'warning', 'definite']] },
  { name: 'undefine turns relay_entire_domain off again', files: [mc(`${INCLUDE}FEATURE(\`relay_entire_domain')dnl\nundefine(\`_RELAY_ENTIRE_DOMAIN_')dnl\n`)], expect: [] },
  { name: 'relay_hosts_only is a note', files: [mc(`${INCLUDE}FEATURE(\`relay_hosts_only')dnl\n`)], expect: [[MC, 2, 1, 'note', 'definite']] },
  { name: 'loopback-only sendmail: nothing to say', files: [mc(`${INCLUDE}${LOOPBACK}FEATURE(\`relay_entire_domain')dnl\n`)], expect: [] },
  {
    name: 'a loopback MTA still has cf.m4\'s MSA on every address',
    files: [mc(`${INCLUDE}DAEMON_OPTIONS(\`Port=smtp, Addr=127.0.0.1, Name=MTA')dnl\nFEATURE(\`relay_entire_domain')dnl\n`)],
    expect: [[MC, 3, 1, 'warning', 'definite']],
    says: ['default MSA'],
  },

  // Class R.
  { name: 'RELAY_DOMAIN of a domain and a private network', files: [mc(`${INCLUDE}RELAY_DOMAIN(\`example.com 192.168')dnl\n`)], expect: [] },
  { name: 'RELAY_DOMAIN of a public /16', files: [mc(`${INCLUDE}RELAY_DOMAIN(\`example.com 8.8')dnl\n`)], expect: [[MC, 2, 1, 'warning', 'definite']], says: ['8.8.0.0/16'] },
  { name: 'RELAY_DOMAIN of a top-level domain', files: [mc(`${INCLUDE}RELAY_DOMAIN(\`com')dnl\n`)], expect: [[MC, 2, 1, 'warning', 'definite']], says: ['.com'] },
  { name: 'RELAY_DOMAIN_FILE: relaygate cannot see the file', files: [mc(`${INCLUDE}RELAY_DOMAIN_FILE(\`/etc/mail/relay-extra')dnl\n`)], expect: [[MC, 2, 1, 'warning', 'indeterminate']] },

  // The access map beside the .mc.
  {
    name: 'access RELAY entries: a public /8 and a TLD are broad, a private network and a host are not',
    files: [
      mc(`${INCLUDE}FEATURE(\`access_db')dnl\n`),
      access('# relay for the office\nConnect:192.168.1 RELAY\nConnect:8 RELAY\nTo:com\tRELAY\nmail.example.com RELAY\nConnect:10 OK\n'),
    ],
    expect: [
      [ACCESS, 3, 1, 'warning', 'definite'],
      [ACCESS, 4, 1, 'warning', 'definite'],
    ],
    says: ['8.0.0.0/8', 'relays mail from any client to every host and domain under .com'],
  },
  { name: 'an access map sendmail does not read (no access_db)', files: [mc(`${INCLUDE}FEATURE(\`relay_entire_domain')dnl\n`.replace('relay_entire_domain', 'use_cw_file')), access('Connect:8 RELAY\n')], expect: [] },
  {
    name: 'From: RELAY needs relay_mail_from; with it any forged sender relays',
    files: [mc(`${INCLUDE}FEATURE(\`access_db')dnl\nFEATURE(\`relay_mail_from')dnl\n`), access('From:boss@example.com RELAY\n')],
    expect: [
      [MC, 3, 1, 'warning', 'definite'],
      [ACCESS, 1, 1, 'warning', 'definite'],
    ],
  },
  { name: 'From: RELAY without relay_mail_from is not read', files: [mc(`${INCLUDE}FEATURE(\`access_db')dnl\n`), access('From:boss@example.com RELAY\n')], expect: [] },
  {
    name: 'an access map alone: the sendmail that reads it is unknown',
    files: [access('Connect:8 RELAY\n', 'roles/mail/files/access')],
    expect: [['roles/mail/files/access', 1, 1, 'warning', 'indeterminate']],
  },

  // A .cf judged from its rules.
  {
    name: '.cf: rules that look up mxserved (relay_based_on_MX) and a C{R} line with a public /16',
    files: [
      cf(
        'V10/Berkeley\nO DaemonPortOptions=Name=MTA\nC{R}example.com 8.8\nKmxserved bestmx -z: -T<TEMP>\nSParseRecipient\n' +
          'R<NO> $* < @ $+ >\t\t$: <MX> < : $(mxserved $2 $) : > < $1 < @$2 > >\nSRelay_ok\nR$*\t$#error $@ 5.7.1 $: "550 Relaying denied"\n',
      ),
    ],
    expect: [
      ['etc/mail/sendmail.cf', 6, 1, 'warning', 'definite'],
      ['etc/mail/sendmail.cf', 3, 1, 'warning', 'definite'],
    ],
  },
  {
    name: '.cf: the Kmxserved map alone (the feature undefined again) is no relay_based_on_MX',
    files: [cf('V10/Berkeley\nO DaemonPortOptions=Name=MTA\nKmxserved bestmx -z: -T<TEMP>\nSRelay_ok\nR$*\t$#error $@ 5.7.1 $: "550 Relaying denied"\n')],
    expect: [],
  },
];

describe('sendmail-relay-feature', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const results = assembleSendmail(c.files).flatMap((config) => rule.check(config, { profile: PROFILES.gen004710 }));
      const messages = results.map((r) => r.message).join('\n');
      assert.deepEqual(
        results.map((r) => {
          assert.equal(r.ruleId, 'sendmail-relay-feature');
          assert.equal(r.mta, 'sendmail');
          return [r.span.file, r.span.line, r.span.column, r.level, r.certainty];
        }),
        c.expect,
        messages,
      );
      for (const text of c.says ?? []) assert.ok(messages.includes(text), `the messages lack "${text}":\n${messages}`);
    });
  }

  it('the access map joins the configuration of its directory (files and pull-request scope)', () => {
    const [config] = assembleSendmail([mc(`${INCLUDE}FEATURE(\`access_db')dnl\n`), access('Connect:8 RELAY\n')]);
    assert.deepEqual(config?.files, [ACCESS, MC]);
    assert.equal(config?.accessMaps?.[0]?.entries.length, 1);
  });
});
