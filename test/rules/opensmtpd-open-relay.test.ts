import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNKNOWN_MARK } from '../../src/model/source.js';
import { assembleOpenSmtpd } from '../../src/mta/opensmtpd/index.js';
import { rule as configUnreadable } from '../../src/rules/config-unreadable.js';
import { rule } from '../../src/rules/opensmtpd-open-relay.js';
import { PROFILE_IDS, PROFILES } from '../../src/rules/profiles.js';

const FILE = 'etc/mail/smtpd.conf';

function check(text: string, profile = PROFILES.gen004710, files: { path: string; text: string }[] = []) {
  return assembleOpenSmtpd([{ path: FILE, text }, ...files]).filter((c) => c.files[0] === FILE).flatMap((c) => rule.check(c, { profile }));
}

function where(text: string): string[] {
  return check(text).map((r) => `${r.span.line}:${r.span.column}-${r.span.endColumn} ${r.certainty}`);
}

const RELAY = 'action "relay" relay\n';

describe('opensmtpd-open-relay: not a finding', () => {
  const cases: [string, string][] = [
    ['Debian default: localhost only', 'listen on localhost\ntable aliases file:/etc/aliases\naction "local" mbox alias <aliases>\nmatch for local action "local"\n'],
    ['no listen on: only the local socket', `${RELAY}match from any for any action "relay"\n`],
    ['listen on lo and ::1', `listen on lo\nlisten on ::1\n${RELAY}match from any for any action "relay"\n`],
    ['relay from local only', `listen on 0.0.0.0\n${RELAY}match from local for any action "relay"\n`],
    ['from defaults to local', `listen on 0.0.0.0\n${RELAY}match for any action "relay"\n`],
    ['relay for authenticated clients', `listen on 0.0.0.0 tls\n${RELAY}match from any auth for any action "relay"\n`],
    ['from auth', `listen on 0.0.0.0 tls\n${RELAY}match from auth for any action "relay"\n`],
    ['auth required on the listener', `listen on 0.0.0.0 tls auth\n${RELAY}match from any for any action "relay"\n`],
    ['our own networks', `listen on 0.0.0.0\ntable lan { 192.168.0.0/16, 10.0.0.0/8 }\n${RELAY}match from src <lan> for any action "relay"\n`],
    ['anyone, but only for our domains, delivered locally', `listen on 0.0.0.0\naction "local" maildir\nmatch from any for domain { example.org } action "local"\n`],
    ['first match wins: a reject before the relay rule', `listen on 0.0.0.0\n${RELAY}match from any for any reject\nmatch from any for any action "relay"\n`],
    ['for local never matches a foreign domain', `listen on 0.0.0.0\n${RELAY}match from any for local action "relay"\n`],
    ['anyone for any domain, but delivered locally', `listen on 0.0.0.0\naction "local" mbox\nmatch from any for any action "local"\n`],
    ['from rcpt-to tables list our addresses', `listen on 0.0.0.0\n${RELAY}match from any for rcpt-to { postmaster@example.org } action "relay"\n`],
    ['a relay rule only for a tag of a loopback listener', `listen on 0.0.0.0\nlisten on lo port 10028 tag FILTERED\n${RELAY}match tag FILTERED from any for any action "relay"\n`],
  ];
  for (const [name, text] of cases) it(name, () => assert.deepEqual(where(text), []));
});

describe('opensmtpd-open-relay: findings', () => {
  const cases: [string, string, string[]][] = [
    ['from any for any (at from any)', `listen on 0.0.0.0\n${RELAY}match from any for any action "relay"\n`, ['3:7-15 definite']],
    ['!from local', `listen on eth0\n${RELAY}match !from local for any action "relay"\n`, ['3:7-18 definite']],
    ['from src 0.0.0.0/0', `listen on 0.0.0.0\n${RELAY}match from src 0.0.0.0/0 for any action "relay"\n`, ['3:7-25 definite']],
    ['from src with ::/0 in a table', `listen on ::\ntable world { ::/0 }\n${RELAY}match from src <world> for any action "relay"\n`, ['4:7-23 definite']],
    ['from rdns (the client sets its PTR)', `listen on 0.0.0.0\n${RELAY}match from rdns for any action "relay"\n`, ['3:7-16 definite']],
    ['from mail-from (the client writes its sender)', `listen on 0.0.0.0\n${RELAY}match from mail-from "a@example.org" for any action "relay"\n`, ['3:7-37 definite']],
    ['!for local', `listen on 0.0.0.0\n${RELAY}match from any !for local action "relay"\n`, ['3:7-15 definite']],
    ['a relay to a smarthost', `listen on 0.0.0.0\naction "out" relay host "smtp://192.0.2.1"\nmatch from any for any action "out"\n`, ['3:7-15 definite']],
    ['macros', `ext = "0.0.0.0"\nlisten on $ext\n${RELAY}match from any for any action "relay"\n`, ['4:7-15 definite']],
    ['a macro holding the world', `world = "0.0.0.0/0"\nlisten on 0.0.0.0\n${RELAY}match from src $world for any action "relay"\n`, ['4:7-22 definite']],
    ['backslash continuation', `listen on 0.0.0.0\n${RELAY}match from any \\\n   for any action "relay"\n`, ['3:7-15 definite']],
    ['# comment after the rule', `listen on 0.0.0.0 # all\n${RELAY}match from any for any action "relay" # oops\n`, ['3:7-15 definite']],
    ['the first relay rule matches before a later reject', `listen on 0.0.0.0\n${RELAY}match from any for any action "relay"\nmatch from any for any reject\n`, ['3:7-15 definite']],
    ['a table file relaygate cannot read: indeterminate', `listen on 0.0.0.0\ntable nets file:/etc/mail/nets\n${RELAY}match from src <nets> for any action "relay"\n`, ['4:7-22 indeterminate']],
    ['an unreadable include before the rule: indeterminate', `listen on 0.0.0.0\n${RELAY}include "/etc/mail/rules.conf"\nmatch from any for any action "relay"\n`, ['4:7-15 indeterminate']],
    ['a template value as the listener: indeterminate', `listen on ${UNKNOWN_MARK}\n${RELAY}match from any for any action "relay"\n`, ['3:7-15 indeterminate']],
    ['a template value as the rule: indeterminate', `listen on 0.0.0.0\n${RELAY}match ${UNKNOWN_MARK} action "relay"\n`, ['3:1-6 indeterminate']],
    ['a public listener among loopback ones', `listen on lo\nlisten on 192.0.2.1 port 587\n${RELAY}match from any for any action "relay"\n`, ['4:7-15 definite']],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(where(text), expected));

  it('message, fix, level, related', () => {
    const [r] = check(`listen on 0.0.0.0\n${RELAY}match from any for any action "relay"\n`);
    assert.ok(r);
    assert.equal(r.ruleId, 'opensmtpd-open-relay');
    assert.equal(r.level, 'error');
    assert.equal(r.mta, 'opensmtpd');
    assert.equal(
      r.message,
      'OpenSMTPD listens on 0.0.0.0 (etc/mail/smtpd.conf:1), and relays mail for any domain from any client: the first rule that matches it is `match from any for any action "relay"` (etc/mail/smtpd.conf:3), and action "relay" relays.',
    );
    assert.match(r.fix, /^Relay only for your own clients: "match from local for any action \.\.\."/);
    assert.deepEqual(r.related, [
      { file: FILE, line: 2, column: 1, message: 'action "relay" relays' },
      { file: FILE, line: 1, column: 1, message: 'the listener' },
    ]);
  });

  it('is on under every profile', () => {
    for (const id of PROFILE_IDS) assert.equal(check(`listen on 0.0.0.0\n${RELAY}match from any for any action "relay"\n`, PROFILES[id]).length, 1, id);
  });

  it('an absolute include of a file beside it, in a folder of the same name, is read', () => {
    const files = [{ path: 'etc/mail/rules.conf', text: 'match from any for any reject\n' }];
    assert.deepEqual(check(`listen on 0.0.0.0\n${RELAY}include "/etc/mail/rules.conf"\nmatch from any for any action "relay"\n`, PROFILES.gen004710, files), []);
  });

  it('an included file in the repository is read where it is included', () => {
    const files = [{ path: 'etc/mail/rules.conf', text: 'match from any for any reject\n' }];
    assert.deepEqual(check(`listen on 0.0.0.0\n${RELAY}include "rules.conf"\nmatch from any for any action "relay"\n`, PROFILES.gen004710, files), []);
  });
});

describe('opensmtpd: what smtpd refuses is config-unreadable', () => {
  function unreadable(text: string): [number, string][] {
    const [config] = assembleOpenSmtpd([{ path: FILE, text }]);
    assert.ok(config);
    assert.deepEqual(rule.check(config, { profile: PROFILES.gen004710 }), []);
    return configUnreadable.check(config, { profile: PROFILES.gen004710 }).map((r) => [r.span.line, r.message]);
  }
  it('the grammar before OpenSMTPD 6.4', () => {
    assert.deepEqual(unreadable('listen on 0.0.0.0\naccept from any for any relay\n'), [
      [
        2,
        'etc/mail/smtpd.conf cannot be judged: line 2, column 1: "accept from any ..." is the rule grammar of OpenSMTPD before 6.4, which OpenSMTPD 6.4 and later refuse (syntax error); rewrite it as action and match rules.',
      ],
    ]);
  });
  it('an action used before it is declared', () => {
    assert.deepEqual(unreadable('match from any for any action "relay"\naction "relay" relay\n').slice(0, 1), [[1, 'etc/mail/smtpd.conf cannot be judged: line 1, column 31: no such dispatcher: relay.']]);
  });
  it('CRLF line ends (a CR is not white space for smtpd)', () => {
    assert.equal(unreadable('listen on 0.0.0.0\r\naction "r" relay\r\nmatch from any for any action "r"\r\n').length > 0, true);
  });
});
