import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNKNOWN_MARK } from '../../src/model/source.js';
import { PROFILES, PROFILE_IDS } from '../../src/rules/profiles.js';
import { rule } from '../../src/rules/postfix-open-relay.js';
import { assertCase, instance, MAIN, MASTER, run, SMTP, type Case } from './postfix-instance.js';

const C36 = 'compatibility_level = 3.6\n';

const CASES: Case[] = [
  // Postfix's own defaults.
  { name: 'compatibility_level 3.6 defaults: defer_unauth_destination refuses a foreign recipient', main: C36, expect: [] },
  {
    name: 'no compatibility_level and no restriction lists: smtpd refuses to start (finding on line 1)',
    main: 'myhostname = mx.example.org\n',
    expect: [[MAIN, 1, 1, 1, 28, 'error', 'definite']],
    says: ['smtpd refuses to start', 'smtpd_relay_restrictions (unset, empty by default)'],
  },
  {
    name: 'permit before the relay check in the relay list and an empty recipient list: smtpd refuses to start',
    main: `${C36}smtpd_relay_restrictions = permit_mynetworks, permit, reject_unauth_destination\n`,
    expect: [[MAIN, 2, 28, 2, 80, 'error', 'definite']],
    says: ['refuses to start'],
  },
  {
    name: 'permit in the relay list does not skip the recipient list: reject_unauth_destination there still refuses',
    main: 'smtpd_relay_restrictions = permit\nsmtpd_recipient_restrictions = reject_unauth_destination\n',
    expect: [],
  },

  // mynetworks.
  {
    name: 'mynetworks = 0.0.0.0/0: the default permit_mynetworks lets anyone relay (finding on mynetworks)',
    main: `${C36}mynetworks = 0.0.0.0/0\n`,
    expect: [[MAIN, 2, 14, 2, 23, 'error', 'definite']],
    says: ['`permit_mynetworks` in smtpd_relay_restrictions permits 203.0.113.7, because mynetworks = 0.0.0.0/0 contains it'],
  },
  {
    name: 'two halves of the IPv4 space are the world too',
    main: `${C36}mynetworks = 0.0.0.0/1, 128.0.0.0/1\n`,
    expect: [[MAIN, 2, 14, 2, 36, 'error', 'definite']],
  },
  {
    name: '!203.0.113.7 before 0.0.0.0/0 leaves every other address trusted',
    main: `${C36}mynetworks = !203.0.113.7, 0.0.0.0/0\n`,
    expect: [[MAIN, 2, 14, 2, 37, 'error', 'definite']],
    says: ['permits 1.0.113.7'],
  },
  { name: 'negations that cover every address leave nobody trusted', main: `${C36}mynetworks = !0.0.0.0/1, !128.0.0.0/1, 0.0.0.0/0\n`, expect: [] },
  {
    name: '[::]/0 trusts every IPv6 client',
    main: `${C36}mynetworks = 127.0.0.0/8 [::]/0\n`,
    expect: [[MAIN, 2, 14, 2, 32, 'error', 'definite']],
    says: ['2000:4860::7'],
  },
  { name: 'a public /16 is not the world (postfix-broad-mynetworks warns about it)', main: `${C36}mynetworks = 127.0.0.0/8 8.8.0.0/16\n`, expect: [] },
  { name: 'a hash: table of addresses cannot hold every client', main: `${C36}mynetworks = hash:/etc/postfix/mynetworks\n`, expect: [] },
  {
    name: 'a cidr: table may hold 0.0.0.0/0: indeterminate',
    main: `${C36}mynetworks = cidr:/etc/postfix/mynetworks.cidr\n`,
    expect: [[MAIN, 2, 14, 2, 47, 'error', 'indeterminate']],
    says: ['mynetworks entries relaygate cannot see'],
  },

  // The relay check disarmed.
  {
    name: 'warn_if_reject before reject_unauth_destination: it only warns',
    main: 'smtpd_relay_restrictions = warn_if_reject reject_unauth_destination, reject_rbl_client reject\n',
    expect: [[MAIN, 1, 28, 1, 94, 'error', 'definite']],
    says: ['warn_if_reject'],
  },
  {
    name: 'permit_naked_ip_address lets a client that says HELO 203.0.113.7 relay',
    main: 'smtpd_recipient_restrictions = permit_naked_ip_address, reject_unauth_destination\n',
    expect: [[MAIN, 1, 32, 1, 82, 'error', 'definite']],
    says: ['with HELO 203.0.113.7'],
  },
  {
    name: 'relay_domains = static:all makes every domain a relay destination (finding on relay_domains)',
    main: `${C36}relay_domains = static:all\n`,
    expect: [[MAIN, 2, 17, 2, 27, 'error', 'definite']],
    says: ['relay_domains'],
  },
  { name: 'mydestination = static:all delivers every domain locally: not a relay', main: `${C36}mydestination = static:all\n`, expect: [] },
  { name: 'defer_if_permit turns the later permit into a deferral', main: 'smtpd_relay_restrictions = defer_if_permit, permit, reject\n', expect: [] },

  // Earlier stages.
  {
    name: 'smtpd_client_restrictions = reject refuses everyone at RCPT time',
    main: `${C36}mynetworks = 0.0.0.0/0\nsmtpd_client_restrictions = reject\n`,
    expect: [],
  },
  {
    name: 'smtpd_helo_restrictions do not apply to a client that sends no HELO',
    main: `${C36}mynetworks = 0.0.0.0/0\nsmtpd_helo_restrictions = reject\n`,
    expect: [[MAIN, 2, 14, 2, 23, 'error', 'definite']],
    says: ['without HELO'],
  },
  {
    name: 'with smtpd_helo_required = yes the HELO restrictions apply to everyone',
    main: `${C36}mynetworks = 0.0.0.0/0\nsmtpd_helo_restrictions = reject\nsmtpd_helo_required = yes\n`,
    expect: [],
  },

  // Unknowns.
  {
    name: 'an access map before the relay check: indeterminate, on the list',
    main: `${C36}smtpd_relay_restrictions = check_client_access hash:/etc/postfix/access, reject_unauth_destination\n`,
    expect: [[MAIN, 2, 28, 2, 99, 'error', 'indeterminate']],
    says: ['check_client_access hash:/etc/postfix/access'],
  },
  { name: 'an access map after the relay check cannot open it', main: `${C36}smtpd_relay_restrictions = reject_unauth_destination, check_client_access hash:/etc/postfix/access\n`, expect: [] },
  {
    name: 'a relay list from an unresolved template expression: indeterminate',
    main: `${C36}smtpd_relay_restrictions = permit_mynetworks, ${UNKNOWN_MARK}\n`,
    expect: [[MAIN, 2, 28, 2, 48, 'error', 'indeterminate']],
  },
  {
    name: 'restriction classes nested past the bound: indeterminate, said as such (not as an unknown restriction)',
    main: `${C36}${Array.from({ length: 22 }, (_, i) => `c${i} = ${i === 21 ? 'permit' : `c${i + 1}`}\n`).join('')}smtpd_restriction_classes = ${Array.from({ length: 22 }, (_, i) => `c${i}`).join(' ')}\nsmtpd_relay_restrictions = c0, reject_unauth_destination\n`,
    expect: [[MAIN, 21, 7, 21, 10, 'error', 'indeterminate']],
    says: ['`c20` in restriction class c19 (used by smtpd_relay_restrictions) is a restriction class nested deeper than the 20 levels'],
  },
  // A domain an unreadable final-destination list holds is delivered here, not relayed.
  { name: 'a templated myhostname (so mydestination is unknown) relays nothing', main: `${C36}myhostname = ${UNKNOWN_MARK}\n`, expect: [] },
  { name: 'an unresolved mydestination or virtual_alias_domains relays nothing', main: `${C36}mydestination = ${UNKNOWN_MARK}\nvirtual_alias_domains = ${UNKNOWN_MARK}\n`, expect: [] },
  {
    name: 'an unresolved relay_domains may list the foreign domain: indeterminate, on relay_domains',
    main: `${C36}myhostname = ${UNKNOWN_MARK}\nrelay_domains = ${UNKNOWN_MARK}\n`,
    expect: [[MAIN, 3, 17, 3, 18, 'error', 'indeterminate']],
    says: ['depends on relay_domains entries relaygate cannot see'],
  },
  {
    name: 'an unresolved compatibility_level: the default relay list is unknown',
    main: `compatibility_level = ${UNKNOWN_MARK}\n`,
    expect: [[MAIN, 1, 1, 1, 24, 'error', 'indeterminate']],
  },

  // smtpd's other startup checks.
  // smtpd stops on it before its greeting: config-unreadable's (fatal.ts), not reported twice (relay-rules-scan.test.ts).
  { name: 'a restriction class with no definition is not this rule\'s', main: `${C36}smtpd_restriction_classes = strict\n`, expect: [] },
  {
    name: 'an unbracketed IPv6 network in mynetworks stops smtpd',
    main: `${C36}mynetworks = 127.0.0.0/8 ::1/128\n`,
    expect: [[MAIN, 2, 14, 2, 33, 'error', 'definite']],
    says: ['[::1]/128'],
  },

  // Listeners.
  { name: 'inet_interfaces = loopback-only: nobody else can connect', main: `${C36}inet_interfaces = loopback-only\nmynetworks = 0.0.0.0/0\n`, expect: [] },
  {
    name: 'a submission -o override trusts the world; smtp itself is closed (finding on the -o)',
    main: `${C36}mynetworks = 127.0.0.0/8\n`,
    master: `${SMTP}submission inet n - y - - smtpd\n  -o mynetworks=0.0.0.0/0\n`,
    expect: [[MASTER, 3, 3, 3, 26, 'error', 'definite']],
    says: ['smtpd on *:submission'],
  },
  {
    name: 'a service bound to 127.0.0.1 is not exposed',
    main: `${C36}mynetworks = 0.0.0.0/0\n`,
    master: '127.0.0.1:smtp inet n - y - - smtpd\n',
    expect: [],
  },
  {
    name: 'postscreen: the smtpd pass service\'s overrides decide',
    main: C36,
    master: 'smtp inet n - y - 1 postscreen\nsmtpd pass - - y - - smtpd\n  -o mynetworks=0.0.0.0/0\n',
    expect: [[MASTER, 3, 3, 3, 26, 'error', 'definite']],
    says: ['*:smtp (postscreen)'],
  },

  // A proxy protocol: smtpd (or postscreen) takes the client's address from whoever connects.
  {
    name: 'smtpd_upstream_proxy_protocol: a client that skips the proxy states 127.0.0.1 and permit_mynetworks relays (finding on the protocol, indeterminate)',
    main: `${C36}mynetworks = 127.0.0.0/8\nsmtpd_upstream_proxy_protocol = haproxy\n`,
    expect: [[MAIN, 3, 33, 3, 40, 'error', 'indeterminate']],
    says: ['takes each client\'s address from a proxy header (smtpd_upstream_proxy_protocol = haproxy)', 'a client that connects directly and states 127.0.0.1 in its haproxy proxy header'],
  },
  {
    name: 'a proxy protocol with a list that trusts no address: nothing a client states relays',
    main: `${C36}mynetworks = 127.0.0.0/8\nsmtpd_upstream_proxy_protocol = haproxy\nsmtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination\n`,
    expect: [],
  },
  {
    name: 'a network mynetworks lists is claimed too (its first host), when mynetworks holds no loopback',
    main: `${C36}mynetworks = 10.20.0.0/16\nsmtpd_upstream_proxy_protocol = haproxy\n`,
    expect: [[MAIN, 3, 33, 3, 40, 'error', 'indeterminate']],
    says: ['states 10.20.0.1 in its haproxy proxy header'],
  },
  {
    name: "postscreen's own postscreen_upstream_proxy_protocol on the service (-o): the address postscreen hands smtpd is the client's claim",
    main: `${C36}mynetworks = 127.0.0.0/8\n`,
    master: 'smtp inet n - y - 1 postscreen\n  -o postscreen_upstream_proxy_protocol=haproxy\nsmtpd pass - - y - - smtpd\n',
    expect: [[MASTER, 2, 3, 2, 48, 'error', 'indeterminate']],
    says: ['(postscreen_upstream_proxy_protocol = haproxy)'],
  },

  // master.cf without main.cf: only what the service sets itself.
  { name: 'master.cf alone, no relay overrides: nothing to judge', main: null, master: SMTP, expect: [] },
  {
    // Everything the startup check reads is set by the service itself (smtpd searches any name of
    // smtpd_restriction_classes, so the unknown main.cf's classes are overridden too).
    name: 'master.cf alone, bound to an external host, both lists and the classes set by -o without a relay check: smtpd refuses to start',
    main: null,
    master: '203.0.113.7:submission inet n - y - - smtpd -o smtpd_relay_restrictions=permit_mynetworks,permit -o smtpd_recipient_restrictions=permit -o smtpd_restriction_classes=\n',
    expect: [[MASTER, 1, 45, 1, 97, 'error', 'definite']],
  },
  {
    // A bare port listens on the unknown main.cf's inet_interfaces: whether other hosts reach it is unknown.
    name: 'master.cf alone, the same on a bare port: indeterminate',
    main: null,
    master: 'submission inet n - y - - smtpd -o smtpd_relay_restrictions=permit_mynetworks,permit -o smtpd_recipient_restrictions=permit\n',
    expect: [[MASTER, 1, 33, 1, 85, 'error', 'indeterminate']],
  },
  {
    name: 'master.cf alone, the relay list permits and main.cf is unknown: indeterminate on the -o',
    main: null,
    master: 'submission inet n - y - - smtpd -o smtpd_relay_restrictions=permit_sasl_authenticated,permit\n',
    expect: [[MASTER, 1, 33, 1, 93, 'error', 'indeterminate']],
    says: ['main.cf is not part of this configuration'],
  },
];

describe('postfix-open-relay', () => {
  for (const c of CASES) it(c.name, () => assertCase(rule, c));

  it('runs under every profile with the same verdict', () => {
    const config = instance(`${C36}mynetworks = 0.0.0.0/0\n`);
    for (const id of PROFILE_IDS) {
      const results = rule.check(config, { profile: PROFILES[id] });
      assert.equal(results.length, 1, id);
      assert.equal(results[0]?.level, 'error');
    }
  });

  it('an overlay of a known base is judged in full; over an unknown base only when its edits touch what the relay decision reads', () => {
    const base = instance(`${C36}myhostname = mx.example.org\n`);
    const untouched = { ...base, overlay: { base: 'debian' as const, touched: ['myhostname'], assumed: "Debian's packaged main.cf" } };
    assert.deepEqual(rule.check(untouched, { profile: PROFILES.gen004710 }), []);
    // Over a known base the packaged relay policy is judged even when the edits leave it alone.
    const weakBase = instance(`${C36}mynetworks = 0.0.0.0/0\nmyhostname = mx.example.org\n`);
    const judged = { ...weakBase, overlay: { base: 'debian' as const, touched: ['myhostname'], assumed: "Debian's packaged main.cf" } };
    assert.equal(rule.check(judged, { profile: PROFILES.gen004710 }).length, 1);
    // Over an unknown base, an edit that does not touch the relay policy says nothing about it.
    const unknownRest = { knownUnset: ['smtpd_client_restrictions'], why: 'the rest of main.cf is unknown' };
    const mainCf = weakBase.mainCf === null ? null : { ...weakBase.mainCf, unknownRest };
    const overUnknown = { ...weakBase, mainCf, overlay: { base: 'unknown' as const, touched: ['myhostname'], assumed: 'a main.cf relaygate does not know' } };
    assert.deepEqual(rule.check(overUnknown, { profile: PROFILES.gen004710 }), []);
    const open = instance(`${C36}mynetworks = 0.0.0.0/0\n`);
    const touched = { ...open, overlay: { base: 'debian' as const, touched: ['mynetworks'], assumed: "Debian's packaged main.cf" } };
    const results = rule.check(touched, { profile: PROFILES.gen004710 });
    assert.equal(results.length, 1);
    assert.match(results[0]?.message ?? '', /\(Judged over Debian's packaged main\.cf\.\)$/);
  });

  it('names mynetworks in related when the finding is on the list', () => {
    const results = run(rule, { name: '', main: `${C36}smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\nmynetworks = 0.0.0.0/0\n`, expect: [] });
    assert.equal(results.length, 1);
    assert.deepEqual([results[0]?.span.line, results[0]?.span.column], [3, 14]);
    assert.deepEqual(results[0]?.related.map((r) => r.line), [2]);
  });
});

describe('postfix-open-relay over edits', () => {
  it('an edit whose parameter name is unresolved may set any relay parameter: indeterminate', () => {
    const config = instance(`mynetworks = 127.0.0.0/8\n${UNKNOWN_MARK} = ${UNKNOWN_MARK}\n`);
    const overlay = { base: 'postfix-defaults' as const, touched: [UNKNOWN_MARK], assumed: "Postfix's built-in defaults" };
    const results = rule.check({ ...config, overlay }, { profile: PROFILES.gen004710 });
    assert.deepEqual(results.map((r) => [r.level, r.certainty]), [['error', 'indeterminate']]);
  });
});
