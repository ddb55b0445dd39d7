import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Certainty, Level, RuleResult } from '../../src/model/finding.js';
import { UNKNOWN_MARK } from '../../src/model/source.js';
import { parseMainCf } from '../../src/mta/postfix/main-cf.js';
import { parseMasterCf } from '../../src/mta/postfix/master-cf.js';
import type { PostfixConfiguration } from '../../src/mta/postfix/model.js';
import { PROFILES, type ProfileId } from '../../src/rules/profiles.js';
import { rule } from '../../src/rules/stig-postfix-relay.js';

const MAIN = 'etc/postfix/main.cf';
const MASTER = 'etc/postfix/master.cf';

/** One instance from snippet text: main.cf and (optionally) master.cf of etc/postfix. */
function instance(main: string | null, master: string | null = null): PostfixConfiguration {
  const mainCf = main === null ? null : parseMainCf({ path: MAIN, text: main });
  const masterCf = master === null ? null : parseMasterCf({ path: MASTER, text: master });
  return {
    mta: 'postfix',
    directory: 'etc/postfix',
    files: [...(mainCf ? [MAIN] : []), ...(masterCf ? [MASTER] : [])],
    form: 'plain',
    diagnostics: [...(mainCf?.diagnostics ?? []), ...(masterCf?.diagnostics ?? [])],
    mainCf,
    masterCf,
  };
}

function check(main: string | null, master: string | null = null, profile: ProfileId = 'gen004710'): RuleResult[] {
  return rule.check(instance(main, master), { profile: PROFILES[profile] });
}

/** [file, line, column, endLine, endColumn, level, certainty] */
type Expected = [string, number, number, number, number, Level, Certainty];

interface Case {
  name: string;
  main: string | null;
  master?: string;
  profile?: ProfileId;
  expect: Expected[];
}

function shape(results: RuleResult[]): Expected[] {
  return results.map((r) => {
    assert.equal(r.ruleId, 'stig-postfix-relay');
    assert.equal(r.mta, 'postfix');
    return [r.span.file, r.span.line, r.span.column, r.span.endLine, r.span.endColumn, r.level, r.certainty];
  });
}

const SCR = 'smtpd_client_restrictions = ';
const BAD = `${SCR}permit_mynetworks\n`;
const GOOD = `${SCR}permit_mynetworks, reject\n`;

/** A finding on main.cf line `line`, on smtpd_client_restrictions' value of `length` characters. */
function onValue(line: number, length: number, level: Level = 'error', certainty: Certainty = 'definite'): Expected {
  return [MAIN, line, 29, line, 29 + length, level, certainty];
}

const SMTP = 'smtp      inet  n       -       y       -       -       smtpd\n';
const SUBMISSION = 'submission inet n       -       y       -       -       smtpd\n';

const CASES: Case[] = [
  // Tokens, not letters (stig-ids.md "The literal-reading trap").
  { name: 'comma and space separated: permit_mynetworks, reject', main: `${SCR}permit_mynetworks, reject\n`, expect: [] },
  { name: 'space separated: permit_mynetworks reject', main: `${SCR}permit_mynetworks reject\n`, expect: [] },
  { name: 'comma separated: permit_mynetworks,reject', main: `${SCR}permit_mynetworks,reject\n`, expect: [] },
  { name: 'no spaces around =', main: 'smtpd_client_restrictions=permit_mynetworks,reject\n', expect: [] },
  { name: 'reject first: reject,permit_mynetworks rejects everyone', main: `${SCR}reject,permit_mynetworks\n`, expect: [] },
  { name: 'bare permit before reject', main: `${SCR}permit, reject\n`, expect: [onValue(1, 14)] },
  { name: 'permit_mynetworks alone has no reject', main: BAD, expect: [onValue(1, 17)] },
  { name: 'dont_reject is not reject', main: `${SCR}dont_reject\n`, expect: [onValue(1, 11)] },
  { name: 'reject_rbl_client is not reject', main: `${SCR}reject_rbl_client zen.spamhaus.org\n`, expect: [onValue(1, 34)] },
  { name: 'an argument named reject is not the action', main: `${SCR}reject_rbl_client reject\n`, expect: [onValue(1, 24)] },
  { name: 'permit after reject is never reached', main: `${SCR}permit_mynetworks, reject, permit\n`, expect: [] },
  // smtpd reads a braced item as a table ("expected maptype:mapname instead of 'reject'"), not as the action.
  { name: '{ reject } is a table, not the action', main: `${SCR}permit_mynetworks, { reject }\n`, expect: [onValue(1, 29)] },

  // main.cf grammar.
  { name: 'continuation line carries reject', main: `${SCR}permit_mynetworks,\n    reject\n`, expect: [] },
  { name: 'commented-out continuation line drops reject', main: `${SCR}permit_mynetworks,\n#    reject\n`, expect: [onValue(1, 18)] },
  {
    name: 'comment inside a continuation does not end it',
    main: `${SCR}permit_mynetworks,\n#   permit,\n    reject\n`,
    expect: [],
  },
  // `#` mid-line is data: `#` and `reject` are both list items, so reject is present (grep stripping comments would say not).
  { name: 'mid-line # is data: the reject after it counts', main: `${SCR}permit_mynetworks # reject\n`, expect: [] },
  { name: 'mid-line # is data: permit before it still counts', main: `${SCR}permit # reject\n`, expect: [onValue(1, 15)] },
  { name: 'last definition wins: a weak later line', main: `${GOOD}${BAD}`, expect: [onValue(2, 17)] },
  { name: 'last definition wins: a fixed later line', main: `${BAD}${GOOD}`, expect: [] },
  {
    name: '$name indirection: finding at the definition that uses it',
    main: `client_policy = permit_mynetworks\n${SCR}$client_policy\n`,
    expect: [onValue(2, 14)],
  },
  { name: '$name defined after its use still counts', main: `${SCR}$client_policy\nclient_policy = permit_mynetworks, reject\n`, expect: [] },
  { name: '${name} form', main: `client_policy = permit_mynetworks reject\n${SCR}\${client_policy}\n`, expect: [] },
  { name: 'undefined $name expands to nothing', main: `${SCR}$nothing_here\n`, expect: [onValue(1, 13)] },
  // smtpd_check.c evaluates a restriction class in place: its permit ends the list.
  {
    name: 'restriction class that permits, before reject',
    main: `smtpd_restriction_classes = trusted\ntrusted = permit\n${SCR}trusted, reject\n`,
    expect: [onValue(3, 15)],
  },
  {
    name: 'restriction class that rejects',
    main: `smtpd_restriction_classes = strict\nstrict = permit_mynetworks, reject\n${SCR}strict\n`,
    expect: [],
  },
  { name: 'a name not listed as a class is just an unknown restriction', main: `trusted = reject\n${SCR}trusted\n`, expect: [onValue(2, 7)] },
  { name: 'missing parameter: main.cf first line', main: 'inet_interfaces = all\n', expect: [[MAIN, 1, 1, 1, 22, 'error', 'definite']] },
  { name: 'missing parameter under a comment first line', main: '# site main.cf\nmyhostname = mx\n', expect: [[MAIN, 1, 1, 1, 2, 'error', 'definite']] },
  { name: 'empty value: the whole line', main: 'smtpd_client_restrictions =\n', expect: [[MAIN, 1, 1, 1, 28, 'error', 'definite']] },

  // inet_interfaces.
  { name: 'inet_interfaces = loopback-only', main: `inet_interfaces = loopback-only\n${BAD}`, expect: [] },
  { name: 'inet_interfaces = 127.0.0.1', main: `inet_interfaces = 127.0.0.1\n${BAD}`, expect: [] },
  { name: 'inet_interfaces = [::1]', main: `inet_interfaces = [::1]\n${BAD}`, expect: [] },
  { name: 'inet_interfaces = localhost', main: `inet_interfaces = localhost\n${BAD}`, expect: [] },
  { name: 'inet_interfaces = 127.0.0.1, [::1]', main: `inet_interfaces = 127.0.0.1, [::1]\n${BAD}`, expect: [] },
  { name: 'inet_interfaces = 127.0.0.1, 192.0.2.1 is not loopback only', main: `inet_interfaces = 127.0.0.1, 192.0.2.1\n${BAD}`, expect: [onValue(2, 17)] },
  { name: 'a host name other than localhost is not loopback', main: `inet_interfaces = mail.example.com\n${BAD}`, expect: [onValue(2, 17)] },
  { name: 'inet_interfaces = all with good restrictions', main: `inet_interfaces = all\n${GOOD}`, expect: [] },
  { name: 'last inet_interfaces wins', main: `inet_interfaces = loopback-only\ninet_interfaces = all\n${BAD}`, expect: [onValue(3, 17)] },

  // master.cf.
  { name: 'service bound to 127.0.0.1:smtp only', main: BAD, master: '127.0.0.1:smtp inet n - y - - smtpd\n', expect: [] },
  { name: 'service bound to [::1]:smtp only', main: BAD, master: '[::1]:smtp inet n - y - - smtpd\n', expect: [] },
  { name: 'service bound to localhost:smtp only', main: BAD, master: 'localhost:smtp inet n - y - - smtpd\n', expect: [] },
  {
    name: 'service bound to a public address although inet_interfaces is loopback',
    main: `inet_interfaces = loopback-only\n${BAD}`,
    master: '192.0.2.1:smtp inet n - y - - smtpd\n',
    expect: [onValue(2, 17)],
  },
  { name: 'commented-out smtp line: no listener', main: BAD, master: `#${SMTP}`, expect: [] },
  { name: 'master.cf without smtpd services', main: BAD, master: 'pickup unix n - y 60 1 pickup\n', expect: [] },
  { name: 'missing master.cf: the stock smtp service applies', main: BAD, expect: [onValue(1, 17)] },
  {
    name: 'submission override weakens restrictions: finding at the override',
    main: GOOD,
    master: `${SMTP}${SUBMISSION}  -o smtpd_client_restrictions=permit_sasl_authenticated,permit\n`,
    expect: [[MASTER, 3, 3, 3, 64, 'error', 'definite']],
  },
  {
    name: 'braced override form',
    main: GOOD,
    master: `${SMTP}${SUBMISSION}  -o { smtpd_client_restrictions = permit_sasl_authenticated, permit }\n`,
    expect: [[MASTER, 3, 3, 3, 71, 'error', 'definite']],
  },
  {
    name: 'override that fixes a weak main.cf on the only listener',
    main: BAD,
    master: `smtp inet n - y - - smtpd -o smtpd_client_restrictions=permit_mynetworks,reject\n`,
    expect: [],
  },
  {
    name: 'loopback-bound service with a weak override',
    main: GOOD,
    master: `${SMTP}127.0.0.1:submission inet n - y - - smtpd\n  -o smtpd_client_restrictions=permit\n`,
    expect: [],
  },
  {
    name: 'override referring to a main.cf $name',
    main: `${GOOD}mua_client_restrictions = permit_sasl_authenticated, permit\n`,
    master: `${SMTP}${SUBMISSION}  -o smtpd_client_restrictions=$mua_client_restrictions\n`,
    expect: [[MASTER, 3, 3, 3, 56, 'error', 'definite']],
  },
  {
    name: 'one main.cf line used by two services: one finding',
    main: BAD,
    master: `${SMTP}${SUBMISSION}`,
    expect: [onValue(1, 17)],
  },
  {
    name: 'postscreen: the smtpd pass override decides',
    main: GOOD,
    master:
      'smtp      inet  n       -       y       -       1       postscreen\n' +
      'smtpd     pass  -       -       y       -       -       smtpd\n' +
      '  -o smtpd_client_restrictions=permit_mynetworks\n',
    expect: [[MASTER, 3, 3, 3, 49, 'error', 'definite']],
  },
  {
    name: 'postscreen: main.cf decides when smtpd pass has no override',
    main: BAD,
    master: 'smtp inet n - y - 1 postscreen\nsmtpd pass - - y - - smtpd\n',
    expect: [onValue(1, 17)],
  },
  {
    name: 'postscreen without a pass service receives no mail',
    main: BAD,
    master: 'smtp inet n - y - 1 postscreen\n#smtpd pass - - y - - smtpd\n',
    expect: [],
  },
  {
    name: 'postscreen on loopback only',
    main: BAD,
    master: '127.0.0.1:smtp inet n - y - 1 postscreen\nsmtpd pass - - y - - smtpd\n',
    expect: [],
  },
  { name: 'master.cf without main.cf: defaults apply, finding at its first line', main: null, master: SMTP, expect: [[MASTER, 1, 1, 1, 62, 'error', 'definite']] },
  { name: 'rhel7: master.cf without main.cf: one finding', profile: 'rhel7', main: null, master: SMTP, expect: [[MASTER, 1, 1, 1, 62, 'error', 'definite']] },

  // Unknown (template) values: three-valued logic.
  { name: 'unknown restrictions', main: `${SCR}${UNKNOWN_MARK}\n`, expect: [onValue(1, 1, 'error', 'indeterminate')] },
  { name: 'unknown inet_interfaces with weak restrictions', main: `inet_interfaces = ${UNKNOWN_MARK}\n${BAD}`, expect: [onValue(2, 17, 'error', 'indeterminate')] },
  { name: 'unknown inet_interfaces with good restrictions', main: `inet_interfaces = ${UNKNOWN_MARK}\n${GOOD}`, expect: [] },
  { name: 'permit before an unknown item is a definite finding', main: `${SCR}permit, ${UNKNOWN_MARK}\n`, expect: [onValue(1, 9)] },
  { name: 'unknown item after reject does not matter', main: `${SCR}permit_mynetworks, reject, ${UNKNOWN_MARK}\n`, expect: [] },
  { name: 'unknown $name source', main: `client_policy = ${UNKNOWN_MARK}\n${SCR}$client_policy\n`, expect: [onValue(2, 14, 'error', 'indeterminate')] },

  // rhel6: inet_interfaces must be localhost.
  { name: 'rhel6: localhost passes even with weak restrictions', profile: 'rhel6', main: `inet_interfaces = localhost\n${BAD}`, expect: [] },
  { name: 'rhel6: inet_interfaces = all', profile: 'rhel6', main: `inet_interfaces = all\n${GOOD}`, expect: [[MAIN, 1, 19, 1, 22, 'error', 'definite']] },
  { name: 'rhel6: inet_interfaces missing', profile: 'rhel6', main: GOOD, expect: [[MAIN, 1, 1, 1, 54, 'error', 'definite']] },
  {
    name: 'rhel6: a service bound to a public address',
    profile: 'rhel6',
    main: 'inet_interfaces = localhost\n',
    master: '192.0.2.1:smtp inet n - y - - smtpd\n',
    expect: [[MASTER, 1, 1, 1, 15, 'error', 'definite']],
  },
  { name: 'rhel6: no listener at all', profile: 'rhel6', main: 'inet_interfaces = all\n', master: `#${SMTP}`, expect: [] },

  // rhel7 / rhel8: only permit_mynetworks and reject, reject present, no loopback shortcut.
  { name: 'rhel7: permit_mynetworks, reject', profile: 'rhel7', main: GOOD, expect: [] },
  { name: 'rhel7: reject, permit_mynetworks', profile: 'rhel7', main: `${SCR}reject, permit_mynetworks\n`, expect: [] },
  {
    name: 'rhel7: other entries are an error',
    profile: 'rhel7',
    main: `${SCR}permit_mynetworks, reject_unauth_destination, reject\n`,
    expect: [onValue(1, 52)],
  },
  { name: 'rhel7: loopback-only is no shortcut', profile: 'rhel7', main: `inet_interfaces = loopback-only\n${BAD}`, expect: [onValue(2, 17)] },
  { name: 'rhel8: permit_mynetworks alone', profile: 'rhel8', main: BAD, expect: [onValue(1, 17)] },
  { name: 'rhel8: permit_mynetworks reject', profile: 'rhel8', main: `${SCR}permit_mynetworks reject\n`, expect: [] },
  {
    name: 'rhel8: permit_sasl_authenticated is another entry',
    profile: 'rhel8',
    main: `${SCR}permit_mynetworks, permit_sasl_authenticated, reject\n`,
    expect: [onValue(1, 52)],
  },
  {
    name: 'rhel8: weak override on an exposed service',
    profile: 'rhel8',
    main: GOOD,
    master: `${SMTP}${SUBMISSION}  -o smtpd_client_restrictions=permit_sasl_authenticated,permit\n`,
    expect: [[MASTER, 3, 3, 3, 64, 'error', 'definite']],
  },

  // rhel9 / rhel10: other entries are a warning (ISSO-documented exception).
  {
    name: 'rhel9: other entries are a warning',
    profile: 'rhel9',
    main: `${SCR}permit_mynetworks, permit_sasl_authenticated, reject\n`,
    expect: [onValue(1, 52, 'warning')],
  },
  { name: 'rhel9: missing reject is still an error', profile: 'rhel9', main: BAD, expect: [onValue(1, 17)] },
  { name: 'rhel9: permit before reject is an error', profile: 'rhel9', main: `${SCR}permit, reject\n`, expect: [onValue(1, 14)] },
  {
    name: 'rhel10: check_client_access is a warning',
    profile: 'rhel10',
    main: `${SCR}check_client_access hash:/etc/postfix/access, reject\n`,
    expect: [onValue(1, 52, 'warning')],
  },
  { name: 'rhel10: missing parameter is an error', profile: 'rhel10', main: 'inet_interfaces = all\n', expect: [[MAIN, 1, 1, 1, 22, 'error', 'definite']] },
  { name: 'rhel10: permit_mynetworks, reject', profile: 'rhel10', main: GOOD, expect: [] },

  // A CRLF continuation keeps its CR in the value, and smtpd splits restriction lists on it (CHARS_COMMA_SP).
  { name: 'CRLF continuation: permit CR reject is permit reject', main: `${SCR}permit\r\n  reject\r\n`, expect: [[MAIN, 1, 29, 2, 9, 'error', 'definite']] },
  { name: 'CRLF continuation: reject CR permit_sasl_authenticated', main: `${SCR}reject\r\n  permit_sasl_authenticated\r\n`, expect: [] },
  { name: 'rhel8: CRLF continuation leaves no empty other entry', profile: 'rhel8', main: `${SCR}reject,\r\n  permit_mynetworks\r\n`, expect: [] },
  { name: 'rhel8: CRLF continuation with another entry', profile: 'rhel8', main: `${SCR}permit_mynetworks,\r\n  permit_sasl_authenticated,\r\n  reject\r\n`, expect: [[MAIN, 1, 29, 3, 9, 'error', 'definite']] },

  // warn_if_reject: the next restriction's reject or defer is only logged (smtpd_check.c).
  { name: 'warn_if_reject reject rejects no client', main: `${SCR}warn_if_reject reject
`, expect: [onValue(1, 21)] },
  { name: 'warn_if_reject twice still covers the next one only', main: `${SCR}warn_if_reject, warn_if_reject, reject
`, expect: [onValue(1, 38)] },
  { name: 'a reject after the warned one counts', main: `${SCR}warn_if_reject reject, reject
`, expect: [] },
  { name: 'warn_if_reject does not stop a permit', main: `${SCR}warn_if_reject permit, reject
`, expect: [onValue(1, 29)] },
  { name: 'warn_if_reject before a table argument consumes both', main: `${SCR}warn_if_reject check_client_access hash:x, reject
`, expect: [] },
  {
    name: 'warn_if_reject before a restriction class covers the whole class',
    main: `smtpd_restriction_classes = strict\nstrict = permit_mynetworks, reject\n${SCR}warn_if_reject strict\n`,
    expect: [onValue(3, 21)],
  },
  {
    name: 'restriction classes that double at every level: unknown past the bound, not a stack overflow',
    main:
      Array.from({ length: 30 }, (_, i) => `c${i} = c${i + 1}, c${i + 1}\n`).join('') +
      'c30 = permit_mynetworks\n' +
      `smtpd_restriction_classes = ${Array.from({ length: 31 }, (_, i) => `c${i}`).join(' ')}\n${SCR}c0\n`,
    expect: [[MAIN, 33, 29, 33, 31, 'error', 'indeterminate']],
  },

  // gen004710 explicitly.
  { name: 'gen004710: the STIG fix text passes', profile: 'gen004710', main: `inet_interfaces = all\n${GOOD}`, expect: [] },
  { name: 'gen004710: reject missing', profile: 'gen004710', main: `inet_interfaces = all\n${BAD}`, expect: [onValue(2, 17)] },
];

describe('stig-postfix-relay: snippet table', () => {
  for (const c of CASES) {
    it(`${c.profile ?? 'gen004710'}: ${c.name}`, () => {
      assert.deepEqual(shape(check(c.main, c.master ?? null, c.profile)), c.expect);
    });
  }
});

describe('stig-postfix-relay: messages, fixes, ids, related', () => {
  it('names the effective value and the listener in one sentence', () => {
    const [f] = check(`myhostname = mx\nmydomain = example.com\ninet_interfaces = all\n${BAD}`);
    assert.equal(
      f?.message,
      'smtpd on *:smtp (inet_interfaces = all, main.cf line 3) accepts mail from any host and smtpd_client_restrictions = "permit_mynetworks" has no reject.',
    );
    assert.equal(
      f?.fix,
      'Set smtpd_client_restrictions = permit_mynetworks, reject in main.cf, or inet_interfaces = loopback-only if this host does not receive mail.',
    );
    assert.deepEqual(f?.related, [{ file: MAIN, line: 3, column: 1, message: 'inet_interfaces = all is set here' }]);
    assert.deepEqual(f?.ids, PROFILES.gen004710.ids);
  });

  it('says a missing parameter is missing and gives the default', () => {
    const [f] = check('myhostname = mx\n');
    assert.equal(
      f?.message,
      'smtpd on *:smtp (inet_interfaces = all, the default) accepts mail from any host and smtpd_client_restrictions is missing (Postfix\'s default is empty), so no client is rejected.',
    );
    assert.deepEqual(f?.related, []);
  });

  it('points related at the $name source', () => {
    const [f] = check(`client_policy = permit_mynetworks\n${SCR}$client_policy\n`);
    assert.match(f?.message ?? '', /smtpd_client_restrictions = "\$client_policy" \(expands to "permit_mynetworks"\) has no reject\.$/);
    assert.deepEqual(f?.related, [{ file: MAIN, line: 1, column: 1, message: '$client_policy used by smtpd_client_restrictions comes from here' }]);
  });

  it('points related at a restriction class definition', () => {
    const [f] = check(`smtpd_restriction_classes = trusted\ntrusted = $open\nopen = permit\n${SCR}trusted, reject\n`);
    assert.deepEqual(f?.related, [
      { file: MAIN, line: 2, column: 1, message: 'restriction class trusted used by smtpd_client_restrictions is defined here' },
      { file: MAIN, line: 3, column: 1, message: '$open used by trusted comes from here' },
    ]);
  });

  it('mentions every service that uses one definition', () => {
    const results = check(BAD, `${SMTP}${SUBMISSION}`);
    assert.equal(results.length, 1);
    assert.match(results[0]?.message ?? '', /^smtpd on \*:smtp and \*:submission \(inet_interfaces = all, the default\) accepts/);
  });

  it('describes an override and relates its main.cf source', () => {
    const [f] = check(
      `${GOOD}mua_client_restrictions = permit_sasl_authenticated, permit\n`,
      `${SMTP}${SUBMISSION}  -o smtpd_client_restrictions=$mua_client_restrictions\n`,
    );
    assert.equal(
      f?.message,
      'smtpd on *:submission (inet_interfaces = all, the default) accepts mail from any host and smtpd_client_restrictions = "$mua_client_restrictions" (expands to "permit_sasl_authenticated, permit") (master.cf -o on submission) has permit before reject.',
    );
    assert.match(f?.fix ?? '', /^Change the override .* or bind the service to 127\.0\.0\.1:submission/);
    assert.deepEqual(f?.related, [
      { file: MAIN, line: 2, column: 1, message: '$mua_client_restrictions used by smtpd_client_restrictions comes from here' },
      { file: MASTER, line: 2, column: 1, message: 'master.cf service submission (inet) makes smtpd reachable from other hosts' },
    ]);
  });

  it('names postscreen in front of smtpd', () => {
    const [f] = check(BAD, 'smtp inet n - y - 1 postscreen\nsmtpd pass - - y - - smtpd\n');
    assert.match(f?.message ?? '', /^smtpd on \*:smtp \(postscreen\) \(inet_interfaces/);
  });

  it('rhel9: asks for an ISSO-documented suppression', () => {
    const [f] = check(`${SCR}permit_mynetworks, permit_sasl_authenticated, reject\n`, null, 'rhel9');
    assert.equal(f?.level, 'warning');
    assert.match(f?.message ?? '', /other than permit_mynetworks and reject \(permit_sasl_authenticated\) that are acceptable only when documented with the ISSO/);
    assert.match(f?.fix ?? '', /relaygate-ignore stig-postfix-relay: <ISSO reference>/);
    assert.deepEqual(f?.ids, PROFILES.rhel9.ids);
  });

  it('rhel6: names inet_interfaces and carries the RHEL 6 ids', () => {
    const [f] = check('inet_interfaces = all\n', null, 'rhel6');
    assert.equal(f?.message, 'smtpd on *:smtp accepts mail from any host because inet_interfaces = all, and the RHEL 6 STIG requires inet_interfaces = localhost.');
    assert.equal(f?.fix, 'Set inet_interfaces = localhost in main.cf.');
    assert.deepEqual(f?.ids, PROFILES.rhel6.ids);
  });

  it('rhel8: names the rule of the profile, with no loopback shortcut', () => {
    const [f] = check(`inet_interfaces = loopback-only\n${BAD}`, null, 'rhel8');
    assert.equal(
      f?.message,
      'smtpd_client_restrictions = "permit_mynetworks" has no reject; the RHEL 8 / Oracle Linux 8 / TOSS 4 STIG allows only permit_mynetworks and reject, with reject present.',
    );
    assert.equal(f?.fix, 'Set smtpd_client_restrictions = permit_mynetworks, reject in main.cf.');
    assert.deepEqual(f?.ids, PROFILES.rhel8.ids);
  });

  it('shows unresolved template text as such', () => {
    const [f] = check(`${SCR}${UNKNOWN_MARK}\n`);
    assert.match(f?.message ?? '', /smtpd_client_restrictions = "<unresolved>" depends on a template expression that could not be resolved\.$/);
  });

  it('ignores configurations of other mail servers', () => {
    const sendmail = { mta: 'sendmail', files: [], form: 'plain', diagnostics: [] } as unknown as Parameters<typeof rule.check>[0];
    assert.deepEqual(rule.check(sendmail, { profile: PROFILES.gen004710 }), []);
  });
});
