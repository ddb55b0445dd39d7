// Differential tests against Exim 4.96 (Debian 12's exim4-daemon-light,
// unpacked by .ci/run): `exim4 -C FILE -bV` decides whether a configuration
// is readable, `exim4 -C FILE -bh CLIENT` with an SMTP dialogue whether a
// recipient is accepted. relaygate's reading must agree: fatal diagnostics
// exactly when -bV fails, and for the same client, sender and recipient the
// RCPT ACL's verdict ("250 Accepted" or not). The machine has no DNS answer
// for the clients used, as in Exim's view of an unknown host.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { splitPhysicalLines } from '../../src/mta/exim/config-lines.js';
import { parseEximLines } from '../../src/mta/exim/config.js';
import { assembleExim } from '../../src/mta/exim/index.js';
import type { EximConfig } from '../../src/mta/exim/model.js';
import { rcptOutcome } from '../../src/mta/exim/relay.js';
import { generateDebconf, generateExim } from '../helpers/exim-generator.js';
import { EXIM, EXIM4_CONFIG_DIR, eximCheck, requireUnpacked, updateExim4Conf } from '../helpers/mta-oracles.js';
import { pool } from '../helpers/postconf.js';
import { Random } from '../helpers/random.js';

interface Case {
  name: string;
  config: string;
  client?: string;
  recipient?: string;
  sender?: string;
}

function parse(text: string): ReturnType<typeof parseEximLines> {
  return parseEximLines(splitPhysicalLines({ file: 'exim.conf', text }));
}

function ours(config: EximConfig, c: Required<Omit<Case, 'name' | 'config'>>): 'accept' | 'deny' | 'unknown' {
  const [local, domain] = c.recipient.split('@') as [string, string];
  const family = c.client.includes(':') ? 6 : 4;
  return rcptOutcome(config, {
    client: { family, address: c.client, rdns: 'fail' },
    recipient: { local, domain },
    sender: c.sender,
    helo: 'client.example.org',
    files: 'absent',
  }).verdict;
}

const ACL = (body: string) => `acl_smtp_rcpt = r\nbegin acl\nr:\n${body}`;

const HAND: Case[] = [
  { name: 'unset acl_smtp_rcpt refuses every recipient', config: 'hostlist relay_from_hosts = 0.0.0.0/0\n' },
  { name: 'inline ACL text', config: 'acl_smtp_rcpt = accept\n' },
  { name: 'an empty acl_smtp_connect refuses the connection', config: 'acl_smtp_connect =\nacl_smtp_rcpt = accept\n' },
  { name: 'an unknown ACL name defers', config: 'acl_smtp_rcpt = nosuch\n' },
  { name: 'text after "name:" is not a statement', config: 'acl_smtp_rcpt = r\nbegin acl\nr: accept\n' },
  { name: 'a list ending in a negated item matches every other host', config: ACL('  accept hosts = !10.0.0.0/8\n') },
  { name: '# in the middle of a list is data', config: ACL('  accept hosts = 10.0.0.0/8 # : 0.0.0.0/0\n') },
  { name: 'a comment line inside a continued list', config: ACL('  accept hosts = 10.0.0.0/8 : \\\n# comment\n  0.0.0.0/0\n') },
  { name: '<; ::0/0 matches IPv6 clients', config: ACL('  accept hosts = <; 10.0.0.0/8 ; ::0/0\n'), client: '2001:db8::5' },
  { name: '<; ::0/0 does not match IPv4 clients', config: ACL('  accept hosts = <; 10.0.0.0/8 ; ::0/0\n') },
  { name: '::::0/0 is ::0/0 in a colon list', config: ACL('  accept hosts = ::::0/0\n'), client: '2001:db8::5' },
  { name: 'a bare ::0/0 in a colon list is not', config: ACL('  accept hosts = ::0/0\n'), client: '2001:db8::5' },
  { name: '0/0 is not an address', config: ACL('  accept hosts = 0/0\n') },
  { name: 'a host name before 0.0.0.0/0 ends the list without rDNS', config: ACL('  accept hosts = foo.example.com : 0.0.0.0/0\n') },
  { name: '+include_unknown', config: ACL('  accept hosts = +include_unknown : foo.example.com : 0.0.0.0/0\n') },
  { name: 'an undefined named list defers', config: ACL('  accept domains = +nope\n') },
  { name: 'macros inside words', config: 'OPEN = 0.0.0.0/0\n' + ACL('  accept hosts = xOPEN\n') },
  { name: 'a macro defined between ACLs', config: ACL('  accept hosts = OPEN\n') .replace('begin acl\n', 'begin acl\nOPEN = 0.0.0.0/0\n') },
  { name: 'require then accept', config: ACL('  require domains = example.com\n  accept\n'), recipient: 'b@example.com' },
  { name: 'require refuses', config: ACL('  require domains = example.com\n  accept\n') },
  { name: 'endpass: a false condition after it refuses', config: ACL('  accept hosts = *\n    endpass\n    senders = x@y\n  accept\n') },
  { name: 'nested acl', config: 'acl_smtp_rcpt = r\nbegin acl\nr:\n  accept acl = s\ns:\n  accept hosts = 0.0.0.0/0\n' },
  { name: 'negated nested acl', config: 'acl_smtp_rcpt = r\nbegin acl\nr:\n  deny !acl = s\n  accept\ns:\n  accept hosts = 10.0.0.0/8\n' },
  { name: 'condition with an expansion', config: ACL('  deny condition = ${if and {{>{$rcpt_count}{10}}{<{$recipients_count}{${eval:$rcpt_count/2}}} }}\n  accept\n') },
  { name: 'senders list from a file that does not exist', config: ACL('  deny senders = ${if exists{/etc/exim4/nope}{/etc/exim4/nope}{}}\n  accept\n') },
  { name: 'local part regular expression', config: ACL('  deny local_parts = ^[.] : ^.*[@%!/|]\n  accept\n') },
  { name: 'a mail ACL that denies', config: 'acl_smtp_mail = deny\nacl_smtp_rcpt = accept\n' },
  { name: 'host_reject_connection', config: 'host_reject_connection = *\nacl_smtp_rcpt = accept\n' },
  { name: 'warn does not decide', config: ACL('  warn hosts = *\n') },
  { name: 'deny a network, accept a domain', config: ACL('  deny hosts = 10.0.0.0/8\n  accept domains = example.net\n') },
  { name: '.ifdef on a macro', config: 'X = 1\n.ifdef X\nacl_smtp_rcpt = accept\n.endif\n' },
  { name: '.ifndef on a macro', config: 'X = 1\n.ifndef X\nacl_smtp_rcpt = accept\n.endif\n' },
  { name: 'a quoted option value', config: 'acl_smtp_rcpt = "accept"\n' },
  { name: 'CRLF: .ifdef lines are skipped unread, so .endif is missing too', config: 'X = 1\r\n.ifdef Y\r\nacl_smtp_rcpt = accept\r\n.endif\r\n' },
  { name: 'an unknown main option', config: 'relay_everything = yes\n' },
  { name: 'an option set twice', config: 'qualify_domain = a\nqualify_domain = b\n' },
  { name: 'a macro containing an earlier one', config: 'OPEN = 1\nOPENER = 2\n' },
  { name: 'a macro redefined with =', config: 'X = 1\nX = 2\n' },
  { name: 'a macro defined on both branches of one conditional: one definition is read', config: '.ifdef NOPE\nM = 1\n.else\nM = 1\n.endif\n' },
  { name: 'a macro defined in a taken conditional and again after it', config: 'X = 1\n.ifdef X\nM = 1\n.endif\nM = 1\n' },
  { name: 'a missing .endif', config: '.ifdef X\nqualify_domain = a\n' },
  { name: 'an unknown section', config: 'begin relays\n' },
  { name: 'an unknown ACL condition', config: ACL('  accept host = *\n') },
  { name: 'a negated modifier', config: ACL('  accept !message = x\n') },
  { name: 'endpass on deny', config: ACL('  deny endpass\n') },
  { name: 'a router without a driver', config: 'begin routers\nr:\n  domains = x\n' },
  { name: 'two ACLs of one name', config: 'begin acl\na:\n  accept\na:\n  deny\n' },
  { name: 'a macro definition ends an ACL', config: 'begin acl\na:\n  accept\nX = 1\n  deny\n' },
  { name: 'a boolean with a bad value', config: 'prdr_enable = sometimes\n' },
  { name: 'no_ before a value option', config: 'no_qualify_domain\n' },
  { name: 'set with a bad variable name', config: ACL('  warn set foo = 1\n') },
  { name: 'set acl_m_x', config: ACL('  warn set acl_m_x = 1\n  accept\n') },
  { name: 'an ACL that calls itself defers', config: ACL('  accept acl = r\n  accept\n') },
  {
    name: 'ACLs nested deeper than 20 defer all the way up',
    config: `acl_smtp_rcpt = a0\nbegin acl\n${Array.from({ length: 25 }, (_, i) => `a${i}:\n  accept acl = a${i + 1}\n  accept !acl = a${i + 1}\n`).join('')}a25:\n  accept\n`,
  },
  { name: 'ACLs nested 5 deep', config: `acl_smtp_rcpt = a0\nbegin acl\n${Array.from({ length: 5 }, (_, i) => `a${i}:\n  accept acl = a${i + 1}\n`).join('')}a5:\n  accept hosts = *\n` },
  { name: 'a defer verb inside a nested ACL defers the outer one', config: 'acl_smtp_rcpt = r\nbegin acl\nr:\n  accept acl = s\n  accept\ns:\n  defer\n' },
];

async function compare(c: Case): Promise<{ agree: boolean; detail: string; decided: boolean }> {
  const parsed = parse(c.config);
  const ourValid = !parsed.diagnostics.some((d) => d.fatal);
  const q = { client: c.client ?? '203.0.113.5', recipient: c.recipient ?? 'b@example.net', sender: c.sender ?? 'a@example.org' };
  const real = await eximCheck(c.config, q.client, q.recipient, q.sender);
  if (ourValid !== real.valid) {
    return { agree: false, decided: true, detail: `-bV: exim ${real.valid ? 'accepts' : `refuses (${real.error})`}, relaygate ${ourValid ? 'accepts' : `refuses (${parsed.diagnostics.find((d) => d.fatal)?.message})`}` };
  }
  if (!real.valid) return { agree: true, decided: true, detail: 'both refuse' };
  const verdict = ours(parsed, q);
  if (verdict === 'unknown') return { agree: true, decided: false, detail: 'relaygate: unknown' };
  const accepted = real.rcpt.startsWith('250');
  return { agree: (verdict === 'accept') === accepted, decided: true, detail: `exim "${real.rcpt}", relaygate ${verdict}` };
}

test('exim oracle: hand-written configurations', async (t: TestContext) => {
  if (!requireUnpacked(t, EXIM)) return;
  const results = await pool(HAND, 2, compare);
  const disagreements = HAND.map((c, i) => ({ c, r: results[i] as Awaited<ReturnType<typeof compare>> })).filter((x) => !x.r.agree);
  assert.deepEqual(disagreements.map((x) => `${x.c.name}: ${x.r.detail}`), []);
  const decided = results.filter((r) => r.decided).length;
  t.diagnostic(`${HAND.length} hand-written configurations agree with exim 4.96 (${decided} decided, ${HAND.length - decided} left unknown by relaygate)`);
  assert.ok(decided >= HAND.length - 2, `too many undecided: ${HAND.length - decided}`);
});

test('exim oracle: generated configurations', async (t: TestContext) => {
  if (!requireUnpacked(t, EXIM)) return;
  const r = new Random(0x5eed_e715);
  const cases = Array.from({ length: 160 }, (_, i) => {
    const g = generateExim(r);
    return { name: `generated #${i}`, config: g.text, client: g.client, recipient: g.recipient, sender: g.sender };
  });
  const results = await pool(cases, 2, compare);
  const bad = cases.map((c, i) => ({ c, r: results[i] as Awaited<ReturnType<typeof compare>> })).filter((x) => !x.r.agree);
  assert.deepEqual(bad.map((x) => `${x.c.name}: ${x.r.detail}\n${x.c.config}client ${x.c.client} rcpt ${x.c.recipient} sender ${x.c.sender}`), []);
  const decided = results.filter((x) => x.decided).length;
  const refused = results.filter((x) => x.detail === 'both refuse').length;
  t.diagnostic(`${cases.length} generated configurations agree with exim 4.96: ${refused} refused by both, ${decided - refused} RCPT verdicts compared, ${cases.length - decided} left unknown`);
  assert.ok(decided >= cases.length * 0.8, `only ${decided} of ${cases.length} decided`);
});

/** Debian's exim4-config files as the repository would hold them, beside update-exim4.conf.conf. */
function debianTree(confConf: string): { path: string; text: string }[] {
  const files = [
    { path: 'etc/exim4/update-exim4.conf.conf', text: confConf },
    { path: 'etc/exim4/exim4.conf.template', text: readFileSync(path.join(EXIM4_CONFIG_DIR, 'exim4.conf.template'), 'utf8') },
  ];
  for (const section of readdirSync(path.join(EXIM4_CONFIG_DIR, 'conf.d'))) {
    for (const name of readdirSync(path.join(EXIM4_CONFIG_DIR, 'conf.d', section))) {
      files.push({ path: `etc/exim4/conf.d/${section}/${name}`, text: readFileSync(path.join(EXIM4_CONFIG_DIR, 'conf.d', section, name), 'utf8') });
    }
  }
  return files;
}

test('exim oracle: Debian update-exim4.conf.conf, built by update-exim4.conf', async (t: TestContext) => {
  if (!requireUnpacked(t, EXIM)) return;
  const r = new Random(0xdeb1a);
  const confs = Array.from({ length: 36 }, () => generateDebconf(r));
  const recipients = ['postmaster@foreign.invalid', 'user@foreign.invalid', 'user@example.com'];
  const clients = ['203.0.113.5', '10.1.2.3', '2001:db8::5'];
  let compared = 0;
  let unknown = 0;
  const bad: string[] = [];
  await pool(confs, 2, async (conf, i) => {
    const built = await updateExim4Conf(conf);
    assert.equal(built.status, 0, built.stderr);
    const recipient = recipients[i % recipients.length] as string;
    const client = clients[i % clients.length] as string;
    const real = await eximCheck(built.config, client, recipient, 'a@example.org', true);
    assert.ok(real.valid, real.error);
    const accepted = real.rcpt.startsWith('250');
    // relaygate's model of the packaged configuration (update-exim4.conf.conf alone),
    // and its reading of the real template or split tree beside it.
    const packaged = assembleExim([{ path: 'etc/exim4/update-exim4.conf.conf', text: conf }]);
    const beside = assembleExim(debianTree(conf));
    for (const config of [...packaged, ...beside]) {
      assert.deepEqual(config.diagnostics.filter((d) => d.fatal), []);
      const verdict = ours(config, { client, recipient, sender: 'a@example.org' });
      if (verdict === 'unknown') {
        unknown++;
        continue;
      }
      compared++;
      if ((verdict === 'accept') !== accepted) bad.push(`${config.layout}: exim "${real.rcpt}" for ${client} -> ${recipient}, relaygate ${verdict}\n${conf}`);
    }
  });
  assert.deepEqual(bad, []);
  t.diagnostic(`${confs.length} update-exim4.conf.conf files: ${compared} verdicts (packaged model, template, split tree) agree with exim on update-exim4.conf's output, ${unknown} unknown`);
  assert.ok(compared >= confs.length, `only ${compared} compared`);
});

test('exim oracle: the examples say what Exim does', async (t: TestContext) => {
  if (!requireUnpacked(t, EXIM)) return;
  const examples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../examples/exim');
  const open = await eximCheck(readFileSync(path.join(examples, 'open/exim.conf'), 'utf8'), '203.0.113.5', 'user@foreign.invalid');
  assert.deepEqual(open, { valid: true, error: '', rcpt: '250 Accepted' });
  const built = await updateExim4Conf(readFileSync(path.join(examples, 'safe/update-exim4.conf.conf'), 'utf8'));
  assert.equal(built.status, 0, built.stderr);
  assert.equal((await eximCheck(built.config, '203.0.113.5', 'postmaster@foreign.invalid', 'a@example.org', true)).rcpt, '550 relay not permitted');
  assert.equal((await eximCheck(built.config, '192.0.2.7', 'postmaster@foreign.invalid', 'a@example.org', true)).rcpt, '250 Accepted');
});

test('exim oracle: a conf.d fragment without a header is read in the section its folder names', async (t: TestContext) => {
  if (!requireUnpacked(t, EXIM)) return;
  const conf = "dc_eximconfig_configtype='internet'\ndc_use_split_config='true'\ndc_local_interfaces=''\n";
  const fragment = 'mm3_router:\n  driver = accept\n  domains = +local_domains\n  transport = remote_smtp\n';
  const name = 'conf.d/router/455_mm3_router';
  const built = await updateExim4Conf(conf, { [name]: fragment });
  assert.equal(built.status, 0, built.stderr);
  const real = await eximCheck(built.config, null, undefined, undefined, true);
  assert.ok(real.valid, real.error);
  // With the package's tree beside it, and alone over a rest relaygate does not have.
  const whole = assembleExim([...debianTree(conf), { path: `etc/exim4/${name}`, text: fragment }]).find((c) => c.layout === 'debian-split');
  const alone = assembleExim([{ path: name, text: fragment }]);
  for (const config of [whole, ...alone]) {
    assert.ok(config !== undefined);
    assert.deepEqual(config.diagnostics.filter((d) => d.fatal), []);
    assert.ok(config.routers.some((r) => r.name === 'mm3_router' && r.driver === 'accept'), config.layout);
  }
  // The fragment read alone as a main section is what Exim refuses.
  const asMain = await eximCheck(fragment, null);
  assert.equal(asMain.valid, false);
  assert.ok(parse(fragment).diagnostics.some((d) => d.fatal));
});
