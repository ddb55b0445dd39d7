// Differential test: our master.cf parser against postconf -M (services) and -P (-o overrides).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMasterCf } from '../../src/mta/postfix/master-cf.js';
import { requireProgram } from '../helpers/oracle.js';
import { collapse, pool, postconfOn } from '../helpers/postconf.js';
import { Random } from '../helpers/random.js';

const NAMES = ['smtp', '127.0.0.1:smtp', '[::1]:2525', 'localhost:smtp', '2525', 'submission', '0.0.0.0:465'];
const OVERRIDES = [
  '-o smtpd_client_restrictions=permit_mynetworks,reject',
  '-o { smtpd_relay_restrictions = permit_mynetworks, reject }',
  '-o {smtpd_recipient_restrictions=reject_unauth_destination}',
  '-o syslog_name=postfix/$service_name',
  '-o smtpd_sasl_auth_enable=yes',
  '-o mynetworks=127.0.0.0/8',
  '-o inet_interfaces=',
  '-o { smtpd_client_restrictions = { check_client_access hash:x }, reject }',
];

function generate(r: Random): string {
  const eol = r.chance(0.2) ? '\r\n' : '\n';
  const lines: string[] = [];
  const count = 1 + r.int(5);
  // Two services with one name/type confuse postconf -P (master(8) rejects them anyway).
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (r.chance(0.3)) lines.push(r.pick(['# comment', '', '  # indented', '#smtp inet n - y - - smtpd']));
    const type = r.chance(0.8) ? 'inet' : r.pick(['unix', 'pass']);
    const name = type === 'inet' ? r.pick(NAMES) : r.pick(['smtpd', 'relay', 'cleanup']);
    const command = r.pick(['smtpd', 'smtpd', 'postscreen', 'smtp']);
    if (seen.has(`${name}/${type}`)) continue;
    seen.add(`${name}/${type}`);
    let line = `${name}${r.pick([' ', '\t', '      '])}${type}  n  -  ${r.pick(['y', 'n', '-'])}  -  ${r.pick(['-', '1', '100'])}  ${command}`;
    const n = r.int(4);
    for (let k = 0; k < n; k++) line += (r.chance(0.4) ? `${eol}${r.pick(['  ', '\t'])}` : ' ') + r.pick(OVERRIDES);
    if (r.chance(0.05)) line += ' # trailing';
    if (r.chance(0.05)) line += ' -o smtpd_tls_security_level = encrypt';
    lines.push(line);
  }
  return lines.join(eol) + eol;
}

interface Case {
  label: string;
  text: string;
}

const TRAPS: Case[] = [
  { label: 'continuation with comment inside', text: 'smtp inet n - y - - smtpd\n#  -o a=b\n  -o smtpd_client_restrictions=reject\n' },
  { label: 'braced override', text: 'smtp inet n - y - - smtpd -o { smtpd_relay_restrictions = permit_mynetworks, reject }\n' },
  { label: 'hash after a field', text: 'smtp inet n - y - - smtpd -o a=b # -o c=d\n' },
  { label: 'unbraced spaced override', text: 'smtp inet n - y - - smtpd -o smtpd_tls_security_level = encrypt -o x=y\n' },
  { label: 'double dash ends options', text: 'smtp inet n - y - - smtpd -o a=b -- -o c=d\n' },
  { label: 'ipv6 service name', text: '[::1]:2525 inet n - n - - smtpd -o syslog_name=a=b\n' },
];

async function compare(c: Case): Promise<string | null> {
  const [mRun, pRun] = await postconfOn('', c.text, [['-M'], ['-P']]);
  if (mRun === undefined || pRun === undefined) return `${c.label}: postconf did not run`;
  const ours = parseMasterCf({ path: 'master.cf', text: c.text });
  const show = `${c.label}\n${JSON.stringify(c.text)}\n-M:\n${mRun.stdout}${mRun.stderr}\n-P:\n${pRun.stdout}${pRun.stderr}`;
  const fatal = ours.diagnostics.some((d) => d.message === 'bad field count');
  if (fatal !== (mRun.status !== 0)) return `fatal differs\n${show}`;
  if (fatal) return null;
  const services = ours.services.map((s) =>
    [s.name, s.type, s.private, s.unprivileged, s.chroot, s.wakeup, s.maxproc, s.command].join(' '),
  );
  const theirs = mRun.stdout.split('\n').filter((l) => l !== '').map((l) => l.split(/\s+/).slice(0, 8).join(' '));
  if (JSON.stringify(services) !== JSON.stringify(theirs)) return `-M differs: ${JSON.stringify(services)}\n${show}`;
  // postconf -P: within a service the last -o of a name wins; two services
  // with the same name/type are both printed.
  const overrides = ours.services.flatMap((s) => {
    const names = new Map<string, string>();
    for (const o of s.overrides) names.set(o.name, collapse(o.value));
    return [...names].map(([name, value]) => `${s.name}/${s.type}/${name} = ${value}`);
  });
  const printed = pRun.stdout.split('\n').filter((l) => l !== '').map((l) => l.replace(/ =$/, ' = '));
  if (JSON.stringify([...overrides].sort()) !== JSON.stringify([...printed].sort())) {
    const onlyOurs = overrides.filter((o) => !printed.includes(o));
    const onlyTheirs = printed.filter((o) => !overrides.includes(o));
    return `-P differs: only ours ${JSON.stringify(onlyOurs)} only postconf ${JSON.stringify(onlyTheirs)} ours ${JSON.stringify(overrides.sort())}\n${show}`;
  }
  return null;
}

async function compareAll(t: import('node:test').TestContext, cases: Case[]): Promise<void> {
  const failures = (await pool(cases, 6, compare)).filter((f) => f !== null);
  assert.equal(failures.length, 0, `${failures.length} of ${cases.length} differ; first:\n${failures.slice(0, 2).join('\n\n')}`);
  t.diagnostic(`${cases.length} master.cf files agree with postconf -M and -P`);
}

test('hand-written master.cf traps agree with postconf -M and -P', async (t) => {
  if (!requireProgram(t, 'postconf')) return;
  await compareAll(t, TRAPS);
});

test('generated master.cf files agree with postconf -M and -P', async (t) => {
  if (!requireProgram(t, 'postconf')) return;
  const cases: Case[] = [];
  for (let seed = 1; seed <= 150; seed++) cases.push({ label: `seed ${seed}`, text: generate(new Random(seed)) });
  await compareAll(t, cases);
});
