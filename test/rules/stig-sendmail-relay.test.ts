import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../src/model/source.js';
import { assembleSendmail } from '../../src/mta/sendmail/index.js';
import { rule as configUnreadable } from '../../src/rules/config-unreadable.js';
import { PROFILE_IDS, PROFILES, SENDMAIL_IDS } from '../../src/rules/profiles.js';
import { rule } from '../../src/rules/stig-sendmail-relay.js';

const CF = "include(`/usr/share/sendmail/cf/m4/cf.m4')dnl\n";

function check(path: string, text: string, profile = PROFILES.gen004710) {
  const [config] = assembleSendmail([{ path, text }]);
  assert.ok(config);
  return rule.check(config, { profile });
}

/** [line, column, certainty] of each finding. */
function where(path: string, text: string) {
  return check(path, text).map((r) => [r.span.line, r.span.column, r.certainty]);
}

// Valid: no finding.
const VALID: [string, string][] = [
  ['no promiscuous_relay', "OSTYPE(`linux')dnl\nFEATURE(`access_db')dnl\n"],
  ['dnl line is not in effect', "dnl FEATURE(`promiscuous_relay')\n"],
  ['# before the cf.m4 include is a comment', `# FEATURE(\`promiscuous_relay')\n${CF}`],
  ['undefined again', "FEATURE(`promiscuous_relay')dnl\nundefine(`_PROMISCUOUS_RELAY_')dnl\n"],
  ['loopback only (127.0.0.1, no MSA)', "FEATURE(`promiscuous_relay')dnl\nFEATURE(`no_default_msa')dnl\nDAEMON_OPTIONS(`Port=smtp,Addr=127.0.0.1, Name=MTA')dnl\n"],
  ['loopback only (::1, localhost, 127.0.0.2)', "FEATURE(`promiscuous_relay')dnl\nFEATURE(`no_default_msa')dnl\nDAEMON_OPTIONS(`Family=inet6, Addr=::1')dnl\nDAEMON_OPTIONS(`a=localhost')dnl\nDAEMON_OPTIONS(`ADDRESS=127.0.0.2, Port=2525')dnl\n"],
  ['msp client config', "FEATURE(`promiscuous_relay')dnl\nFEATURE(`msp', `[127.0.0.1]')dnl\n"],
];

for (const [name, text] of VALID) {
  test(`stig-sendmail-relay valid: ${name}`, () => {
    assert.deepEqual(check('mail/sendmail.mc', text), []);
  });
}

// Invalid: the finding and where it points.
const INVALID: [string, string, [number, number, string][]][] = [
  ['FEATURE on every address', "OSTYPE(`linux')dnl\nFEATURE(`promiscuous_relay')dnl\n", [[2, 1, 'definite']]],
  ['# after the cf.m4 include is NOT a comment', `${CF}# FEATURE(\`promiscuous_relay')dnl\n`, [[2, 3, 'definite']]],
  ['# in a .mc without the include is NOT a comment', "# FEATURE(`promiscuous_relay')dnl\n", [[1, 3, 'definite']]],
  ['inside divert(-1)', "divert(-1)\nFEATURE(`promiscuous_relay')\ndivert(0)dnl\n", [[2, 1, 'definite']]],
  ['loopback MTA, default MSA on every address', "FEATURE(`promiscuous_relay')dnl\nDAEMON_OPTIONS(`Port=smtp,Addr=127.0.0.1, Name=MTA')dnl\n", [[1, 1, 'definite']]],
  ['unquoted DAEMON_OPTIONS loses its address', "FEATURE(`promiscuous_relay')dnl\nFEATURE(`no_default_msa')dnl\nDAEMON_OPTIONS(Port=smtp,Addr=127.0.0.1, Name=MTA)dnl\n", [[1, 1, 'definite']]],
  ['one public listener among loopback ones', "FEATURE(`no_default_msa')dnl\nDAEMON_OPTIONS(`Addr=127.0.0.1')dnl\nDAEMON_OPTIONS(`Addr=192.0.2.1')dnl\nFEATURE(`promiscuous_relay')dnl\n", [[4, 1, 'definite']]],
  ['unresolved listener address', `FEATURE(\`promiscuous_relay')dnl\nFEATURE(\`no_default_msa')dnl\nDAEMON_OPTIONS(\`Addr=${UNKNOWN_MARK}')dnl\n`, [[1, 1, 'indeterminate']]],
  ['unresolved FEATURE name on every address', `FEATURE(\`${UNKNOWN_MARK}')dnl\n`, [[1, 1, 'indeterminate']]],
];

for (const [name, text, expected] of INVALID) {
  test(`stig-sendmail-relay invalid: ${name}`, () => {
    assert.deepEqual(where('mail/sendmail.mc', text), expected);
  });
}

test('stig-sendmail-relay: message names the exposed listeners, fix is concrete, ids and level', () => {
  const [r] = check('mail/sendmail.mc', "FEATURE(`promiscuous_relay')dnl\nDAEMON_OPTIONS(`Port=smtp,Addr=127.0.0.1, Name=MTA')dnl\n");
  assert.ok(r);
  assert.equal(r.ruleId, 'stig-sendmail-relay');
  assert.equal(r.level, 'error');
  assert.equal(r.mta, 'sendmail');
  assert.equal(
    r.message,
    "sendmail listens on every address (default MSA, port 587; add FEATURE(`no_default_msa')), and FEATURE(`promiscuous_relay') is in effect at line 1.",
  );
  assert.match(r.fix, /^Remove FEATURE\(`promiscuous_relay'\) \(line 1;/);
  assert.deepEqual(r.span, { file: 'mail/sendmail.mc', line: 1, column: 1, endLine: 1, endColumn: 29 });
  assert.deepEqual(r.ids, SENDMAIL_IDS);
});

test('stig-sendmail-relay: every profile carries the GEN004710 ids', () => {
  for (const id of PROFILE_IDS) {
    const results = check('mail/sendmail.mc', "FEATURE(`promiscuous_relay')dnl\n", PROFILES[id]);
    assert.deepEqual(results.map((r) => r.ids), [SENDMAIL_IDS], id);
  }
});

const OPEN_CF = 'O DaemonPortOptions=Name=MTA\nSBasic_check_rcpt\nR$* $| @ $#$*\t\t$#$2\n\nSRcpt_ok\nR$*\t$: $1\n';

test('stig-sendmail-relay: a .cf alone is judged from its rulesets, at Basic_check_rcpt', () => {
  const [r] = check('etc/mail/sendmail.cf', OPEN_CF);
  assert.ok(r);
  assert.deepEqual([r.span.line, r.span.column, r.certainty], [2, 1, 'definite']);
  assert.equal(
    r.message,
    'sendmail listens on every address (O DaemonPortOptions at line 1, Name=MTA, port 25), and its rulesets relay for any client ' +
      '(the Relay_ok ruleset is missing and Basic_check_rcpt does not end with "550 Relaying denied", line 2: built with FEATURE(`promiscuous_relay\')).',
  );
});

test('stig-sendmail-relay: a .cf whose O DaemonPortOptions are all loopback is not a finding; a commented one does not count', () => {
  assert.deepEqual(check('etc/mail/sendmail.cf', OPEN_CF.replace('Name=MTA', 'Addr=127.0.0.1, Name=MTA')), []);
  assert.equal(check('etc/mail/sendmail.cf', '#' + OPEN_CF.replace('Name=MTA', 'Addr=127.0.0.1, Name=MTA')).length, 1);
});

test('stig-sendmail-relay: an unreadable .mc is a config-unreadable finding, not a stig one', () => {
  const [config] = assembleSendmail([{ path: 'x.mc', text: "FEATURE(`promiscuous_relay')dnl\nDAEMON_OPTIONS(`Port=smtp\n" }]);
  assert.ok(config);
  assert.deepEqual(rule.check(config, { profile: PROFILES.gen004710 }), []);
  const unreadable = configUnreadable.check(config, { profile: PROFILES.gen004710 });
  assert.deepEqual(unreadable.map((r) => [r.ruleId, r.span.line, r.span.column, r.message]), [
    ['config-unreadable', 2, 16, 'x.mc cannot be judged: line 2, column 16: ERROR: end of file in string.'],
  ]);
});
