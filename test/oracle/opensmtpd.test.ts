// Differential tests against OpenSMTPD 6.8 (Debian 12's opensmtpd, unpacked
// by .ci/run): `smtpd -n -f FILE` decides whether smtpd.conf is readable;
// relaygate must report a fatal diagnostic exactly when it exits non-zero.
// What depends on the machine is left out of the generated files: interface
// names other than lo, host names other than localhost, table files,
// certificates, service names outside /etc/services.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { parseSmtpdConf } from '../../src/mta/opensmtpd/parser.js';
import { requireUnpacked, SMTPD, smtpdCheck } from '../helpers/mta-oracles.js';
import { pool } from '../helpers/postconf.js';
import { Random } from '../helpers/random.js';

const M = 'action "a" relay\nmatch from any for any action "a"\n';

const HAND: [string, string][] = [
  ['the default Debian configuration', 'listen on localhost\naction "local" mbox alias <aliases>\ntable aliases { root = postmaster }\nmatch for local action "local"\n'],
  ['a table used before it is declared', 'listen on localhost\naction "local" mbox alias <aliases>\nmatch for local action "local"\n'],
  ['tables on one line', `table t { a, b }\n${M}`],
  ['table values without commas', `table t { a b c }\n${M}`],
  ['table values on several lines', `table t { a\n b }\n${M}`],
  ['a table opened and closed on other lines', `table t {\n a = b,\n c = d\n}\n${M}`],
  ['a comma before a newline', `table t { a,\n b }\n${M}`],
  ['pairs without commas', `table t { a = b c = d }\n${M}`],
  ['pairs with =>', `table t { a => b, c => d }\n${M}`],
  ['a list and a pair mixed', `table t { a = b, c }\n${M}`],
  ['a number as a macro value', `x = 25\n${M}`],
  ['a macro is read again as tokens', `x = "25"\nlisten on 127.0.0.1 port $x\n${M}`],
  ['a macro holding a keyword', `x = "any"\naction "a" relay\nmatch from $x for any action "a"\n`],
  ['an undefined macro', `action "a" relay\nmatch from $x for any action "a"\n`],
  ['listen on lo', `listen on lo\n${M}`],
  ['listen on 0.0.0.0 port smtp', `listen on 0.0.0.0 port smtp\n${M}`],
  ['listen on ::1 inet6', `listen on ::1 inet6\n${M}`],
  ['a quoted port number is not a service name', `listen on 0.0.0.0 port "25"\n${M}`],
  ['port submission', `listen on 0.0.0.0 port submission\n${M}`],
  ['port 0', `listen on 0.0.0.0 port 0\n${M}`],
  ['port twice', `listen on 0.0.0.0 port 25 port 587\n${M}`],
  ['auth requires TLS', `listen on 0.0.0.0 auth\n${M}`],
  ['auth with TLS', `listen on 0.0.0.0 tls auth\n${M}`],
  ['tls-require verify', `listen on 0.0.0.0 tls-require verify\n${M}`],
  ['smtps and tls', `listen on 0.0.0.0 smtps tls\n${M}`],
  ['an unknown pki', `listen on 0.0.0.0 tls pki mx.example.org\n${M}`],
  ['a tag too long', `listen on 0.0.0.0 tag ${'x'.repeat(40)}\n${M}`],
  ['listen on socket twice', `listen on socket\nlisten on socket\n${M}`],
  ['a keyword as an action name', 'action relay relay\n'],
  ['an unquoted action name', 'action a relay\nmatch from any for any action a\n'],
  ['comments anywhere', 'action "a" relay # comment\nmatch from any for any action "a" # c\n'],
  ['a comment after a backslash-newline', 'action "a" relay # comment \\\nmatch from any for any action "a"\n'],
  ['an action used before it is declared', 'match from any for any action "a"\naction "a" relay\n'],
  ['no rules', 'listen on 0.0.0.0\naction "a" relay\n'],
  ['an empty file', ''],
  ['only comments', '# Managed by a tool\n\n'],
  ['the grammar before 6.4', 'listen on 0.0.0.0\naccept from any for any relay\n'],
  ['the grammar before 6.4, reject', 'reject from any for any\n'],
  ['CRLF line ends', 'action "a" relay\r\nmatch from any for any action "a"\r\n'],
  ['from src with a list', 'action "a" relay\nmatch from src { 10.0.0.0/8, 192.168.0.0/16 } for any action "a"\n'],
  ['from src with pairs', 'action "a" relay\nmatch from src { a = b } for any action "a"\n'],
  ['from src 0.0.0.0/0', 'action "a" relay\nmatch from src 0.0.0.0/0 for any action "a"\n'],
  ['!from local', 'action "a" relay\nmatch !from local for any action "a"\n'],
  ['from rdns', 'action "a" relay\nmatch from rdns for any action "a"\n'],
  ['from rdns regex', 'action "a" relay\nmatch from rdns regex "\\.example\\.org$" for any action "a"\n'],
  ['from mail-from', 'action "a" relay\nmatch from mail-from "x@example.org" for any action "a"\n'],
  ['from auth', 'action "a" relay\nmatch from auth for any action "a"\n'],
  ['from twice', 'action "a" relay\nmatch from any from local for any action "a"\n'],
  ['for twice', 'action "a" relay\nmatch for any for local action "a"\n'],
  ['tls twice', 'action "a" relay\nmatch tls !tls for any action "a"\n'],
  ['reject', 'match from any for any reject\n'],
  ['a rule without an action', 'match from any for any\n'],
  ['for domain with a table', 'table d { example.org, example.com }\naction "l" mbox\nmatch from any for domain <d> action "l"\n'],
  ['for rcpt-to', 'action "l" mbox\nmatch from any for rcpt-to "x@example.org" action "l"\n'],
  ['a backslash-newline inside a rule', 'action "a" \\\n relay\nmatch from any for any action "a"\n'],
  ['an unterminated quote', 'action "a relay\nmatch from any for any action "a"\n'],
  ['a listener tag and a rule on it', `listen on 0.0.0.0 tag IN\n${M}match tag IN for any action "a"\n`],
  ['relay host tls', 'action "a" relay host "smtp://10.0.0.1" tls\nmatch from any for any action "a"\n'],
  ['relay auth without host', 'table c { a = b }\naction "a" relay auth <c>\nmatch from any for any action "a"\n'],
  ['relay backup and host', 'action "a" relay backup host "smtp://x"\nmatch from any for any action "a"\n'],
  ['relay srs without a key', 'action "a" relay srs\nmatch from any for any action "a"\n'],
  ['relay srs with a key', 'srs key "secret"\naction "a" relay srs\nmatch from any for any action "a"\n'],
  ['maildir junk', 'action "a" maildir junk\nmatch from any for any action "a"\n'],
  ['maildir path junk', 'action "a" maildir "~/Mail" junk\nmatch from any for any action "a"\n'],
  ['mbox user', 'action "a" mbox user x\nmatch from any for any action "a"\n'],
  ['lmtp rcpt-to', 'action "a" lmtp "/var/run/dovecot/lmtp" rcpt-to\nmatch from any for any action "a"\n'],
  ['action ttl', 'action "a" relay ttl 4d\nmatch from any for any action "a"\n'],
  ['action ttl bad', 'action "a" relay ttl 4\nmatch from any for any action "a"\n'],
  ['a relative table file', `table aliases file:aliases\n${M}`],
  ['smtp max-message-size', `smtp max-message-size 35M\n${M}`],
  ['smtp limit', `smtp limit max-rcpt 100 max-mails 10\n${M}`],
  ['smtp limit with a bad name', `smtp limit max-anything 1\n${M}`],
  ['bounce warn-interval', `bounce warn-interval 1h, 6h, 2d\n${M}`],
  ['queue ttl as a number', `queue ttl 4\n${M}`],
  ['queue compression', `queue compression\n${M}`],
  ['mta max-deferred', `mta max-deferred 100\n${M}`],
  ['filter phase', `filter "f" phase connect match rdns disconnect "550 no rDNS"\nlisten on 0.0.0.0 filter "f"\n${M}`],
  ['filter chain', `filter "f" phase connect match !fcrdns junk\nfilter "g" phase helo match helo regex "x" reject "550 no"\nfilter "c" chain { "f", "g" }\nlisten on 0.0.0.0 filter "c"\n${M}`],
  ['an unknown filter', `listen on 0.0.0.0 filter "nope"\n${M}`],
  ['junk at commit', `filter "f" phase commit match rdns junk\n${M}`],
  ['proc and filter', `proc "p" "/usr/bin/true"\nfilter "f" proc "p"\nlisten on 0.0.0.0 filter "f"\n${M}`],
  ['admd', `admd "example.org"\n${M}`],
  ['pki name invalid', `pki "bad name!" cert "/x"\n${M}`],
];

function ours(text: string): { valid: boolean; first: string } {
  const { diagnostics } = parseSmtpdConf({ file: 'smtpd.conf', text });
  const fatal = diagnostics.find((d) => d.fatal);
  return { valid: fatal === undefined, first: fatal === undefined ? '' : `${fatal.line}: ${fatal.message}` };
}

async function compare(text: string): Promise<{ agree: boolean; detail: string; valid: boolean }> {
  const real = await smtpdCheck(text);
  const mine = ours(text);
  return { agree: real.valid === mine.valid, valid: real.valid, detail: `smtpd ${real.valid ? 'accepts' : `refuses (${real.output.split('\n')[0]})`}, relaygate ${mine.valid ? 'accepts' : `refuses (${mine.first})`}` };
}

test('opensmtpd oracle: hand-written smtpd.conf files', async (t: TestContext) => {
  if (!requireUnpacked(t, SMTPD)) return;
  const results = await pool(HAND, 2, ([, text]) => compare(text));
  const bad = HAND.map(([name], i) => ({ name, r: results[i] as Awaited<ReturnType<typeof compare>> })).filter((x) => !x.r.agree);
  assert.deepEqual(bad.map((x) => `${x.name}: ${x.r.detail}`), []);
  const valid = results.filter((r) => r.valid).length;
  t.diagnostic(`${HAND.length} hand-written smtpd.conf files agree with smtpd -n (OpenSMTPD 6.8): ${valid} accepted, ${HAND.length - valid} refused`);
});

// ---------------------------------------------------------------- generator

const FROM = ['from any', 'from local', '!from local', 'from socket', 'from src 192.0.2.0/24', 'from src 0.0.0.0/0', 'from src { 10.0.0.0/8, ::1 }', 'from src <nets>', 'from rdns', 'from rdns { example.org }', 'from mail-from "a@example.org"', 'from auth', 'from auth <users>', '!from auth', 'from src regex "^10\\."'];
/** Mistakes smtpd refuses, put in now and then. */
const MISTAKES = ['from any from local', 'tls tls', 'action relay relay', 'from src <nope>', 'listen on 0.0.0.0 auth', 'listen on 0.0.0.0 port "25"', 'listen on 0.0.0.0 inet4 inet4', 'accept from any for any relay', 'match from any for any', 'table t { a,\n b }', 'x = 25', 'match from any for any action "missing"'];
const FOR = ['for any', 'for local', '!for local', 'for domain example.org', 'for domain <domains>', 'for domain { example.org example.com }', 'for rcpt-to "x@example.org"', 'for domain regex "\\.org$"', ''];
const EXTRA = ['', '', '', 'tls', '!tls', 'auth', 'helo example.org', 'mail-from <known_senders>', 'tag IN', 'rcpt-to <known_senders>'];
const LISTEN = ['listen on 0.0.0.0', 'listen on lo', 'listen on 127.0.0.1 port 25', 'listen on ::1', 'listen on 0.0.0.0 port 587 tag IN', 'listen on 0.0.0.0 tls', 'listen on 0.0.0.0 tls-require auth', 'listen on localhost port submission', 'listen on 0.0.0.0 smtps auth-optional'];
const ACTIONS = ['action "relay" relay', 'action "local" mbox', 'action "md" maildir "~/Mail"', 'action "smarthost" relay host "smtp://192.0.2.1:25"', 'action "lmtp" lmtp "/var/run/lmtp"', 'action "fwd" forward-only', 'action "x" relay helo mx.example.org tls no-verify'];

function generate(r: Random): string {
  const lines: string[] = [];
  if (r.chance(0.3)) lines.push(`lan = "${r.pick(['192.0.2.0/24', '0.0.0.0/0'])}"`);
  lines.push(`table nets { ${r.pick(['10.0.0.0/8', '0.0.0.0/0', '192.0.2.1'])}${r.chance(0.5) ? ', 198.51.100.0/24' : ''} }`);
  lines.push('table domains { example.org, example.com }');
  lines.push(r.pick(['table users { alice }', 'table users { alice }', 'table users { alice = secret }']));
  lines.push('table known_senders { a@example.org }');
  for (let i = r.int(3); i > 0; i--) lines.push(r.pick(LISTEN) + (r.chance(0.15) ? ' # listener' : ''));
  const actions = new Set<string>();
  for (let i = 1 + r.int(3); i > 0; i--) {
    const a = r.pick(ACTIONS);
    if (lines.includes(a)) continue;
    lines.push(a);
    const name = /action "?([^" ]+)"?/.exec(a)?.[1];
    if (name !== undefined) actions.add(name);
  }
  for (let i = 1 + r.int(3); i > 0; i--) {
    const parts = ['match'];
    if (r.chance(0.8)) parts.push(r.pick(FROM).replace('192.0.2.0/24', r.chance(0.2) ? '$lan' : '192.0.2.0/24'));
    const f = r.pick(FOR);
    if (f !== '') parts.push(f);
    const e = r.pick(EXTRA);
    if (e !== '') parts.push(e);
    if (r.chance(0.15)) parts.push('reject');
    else parts.push(`action "${r.pick([...actions])}"`);
    const line = parts.join(' ');
    lines.push(r.chance(0.1) ? line.replace(' for ', ' \\\n    for ') : line);
  }
  if (r.chance(0.25)) {
    const mistake = r.pick(MISTAKES);
    if (mistake.startsWith('match') || mistake.startsWith('listen') || mistake.startsWith('accept') || mistake.startsWith('table') || mistake.startsWith('x') || mistake.startsWith('action')) lines.push(mistake);
    else lines.push(`match ${mistake} for any action "${r.pick([...actions])}"`);
  }
  return `${lines.join('\n')}\n`;
}

test('opensmtpd oracle: generated smtpd.conf files', async (t: TestContext) => {
  if (!requireUnpacked(t, SMTPD)) return;
  const r = new Random(0x0be75d);
  const cases = Array.from({ length: 300 }, () => generate(r));
  const results = await pool(cases, 2, compare);
  const bad = cases.map((text, i) => ({ text, r: results[i] as Awaited<ReturnType<typeof compare>> })).filter((x) => !x.r.agree);
  assert.deepEqual(bad.map((x) => `${x.r.detail}\n${x.text}`), []);
  const valid = results.filter((x) => x.valid).length;
  t.diagnostic(`${cases.length} generated smtpd.conf files agree with smtpd -n (OpenSMTPD 6.8): ${valid} accepted, ${cases.length - valid} refused`);
  assert.ok(valid > 30 && valid < cases.length - 30, `the generator should make both kinds (${valid} accepted)`);
});

test('opensmtpd oracle: the examples are files smtpd accepts', async (t: TestContext) => {
  if (!requireUnpacked(t, SMTPD)) return;
  const examples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../examples/opensmtpd');
  for (const name of ['open/smtpd.conf', 'safe/smtpd.conf']) {
    const text = readFileSync(path.join(examples, name), 'utf8');
    assert.deepEqual(await smtpdCheck(text), { valid: true, output: 'configuration OK' }, name);
    assert.equal(ours(text).valid, true, name);
  }
});
