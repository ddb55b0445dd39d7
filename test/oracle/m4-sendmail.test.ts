// Differential tests: our .mc analysis against the .cf that real m4 + sendmail-cf build.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { TestContext } from 'node:test';
import { analyseCf } from '../../src/mta/sendmail/cf.js';
import { assembleSendmail } from '../../src/mta/sendmail/index.js';
import { analyseMc } from '../../src/mta/sendmail/mc.js';
import { rule as configUnreadable } from '../../src/rules/config-unreadable.js';
import { PROFILES } from '../../src/rules/profiles.js';
import { rule as stigSendmail } from '../../src/rules/stig-sendmail-relay.js';
import { requireProgram } from '../helpers/oracle.js';
import { CF_M4, generateMc } from '../mta/sendmail/mc-generator.js';
import type { GeneratedMc, McClass } from '../mta/sendmail/mc-generator.js';

const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-m4-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function haveOracle(t: TestContext): boolean {
  if (!requireProgram(t, 'm4')) return false;
  if (existsSync(CF_M4)) return true;
  if (process.env.RELAYGATE_REQUIRE_ORACLES === '1') throw new Error(`${CF_M4} missing (install sendmail-cf)`);
  t.skip(`sendmail-cf not installed (${CF_M4}): oracle test skipped`);
  return false;
}

interface Built {
  cf: string;
  stderr: string;
  status: number | null;
}

/** Build as the file expects: `m4 file.mc` when it includes cf.m4, else `m4 cf.m4 file.mc`. */
function build(mc: GeneratedMc): Promise<Built> {
  const file = path.join(dir, mc.name);
  writeFileSync(file, mc.text);
  const args = mc.includesCf ? [file] : [CF_M4, file];
  return new Promise((resolve, reject) => {
    const child = spawn('m4', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ cf: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), status }));
  });
}

async function pool<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: size }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

/** The independent reading of a built .cf: every line that starts `O DaemonPortOptions=`. */
function oracleListeners(cf: string): string[] {
  return cf.split('\n').filter((l) => l.startsWith('O DaemonPortOptions=')).map((l) => l.slice('O DaemonPortOptions='.length));
}

function compare(mc: GeneratedMc, built: Built): void {
  const ours = analyseMc({ path: mc.name, text: mc.text });
  const context = `${mc.name} (${mc.includesCf ? 'm4 x.mc' : 'm4 cf.m4 x.mc'}):\n${mc.text}\nm4 stderr: ${built.stderr}`;
  // A build m4 fails (exit status not 0) is fatal for us too, with m4's own message.
  const fatal = ours.diagnostics.filter((d) => d.fatal);
  assert.equal(fatal.length > 0, built.status !== 0, `fatal ${JSON.stringify(fatal)}: ${context}`);
  for (const d of fatal) assert.ok(built.stderr.includes(`:${d.line}: ${d.message}`) || d.message.startsWith('m4exit('), `m4 said otherwise: ${d.message}\n${context}`);
  if (fatal.length > 0) return;
  assert.deepEqual(ours.listeners.map((l) => l.text), oracleListeners(built.cf), context);
  const cf = analyseCf({ path: 'built.cf', text: built.cf });
  assert.deepEqual(
    cf.listeners.map((l) => [l.address, l.port, l.name, l.family]),
    ours.listeners.map((l) => [l.address, l.port, l.name, l.family]),
    context,
  );
  const hasRelayOk = /^SRelay_ok$/m.test(built.cf);
  assert.equal(ours.promiscuousRelay.enabled, !hasRelayOk, `promiscuous verdict: ${context}`);
  assert.equal(cf.promiscuousRelay.enabled, !hasRelayOk, `analyseCf verdict: ${context}`);
}

type Verdict = 'pass' | 'fail' | 'unreadable' | 'unknown';

/** relaygate's GEN004710 verdict on the .mc, through the rules. */
function ourVerdict(mc: GeneratedMc): Verdict {
  const [config] = assembleSendmail([{ path: mc.name, text: mc.text }]);
  if (config === undefined) return 'unknown';
  if (configUnreadable.check(config, { profile: PROFILES.gen004710 }).length > 0) return 'unreadable';
  const findings = stigSendmail.check(config, { profile: PROFILES.gen004710 });
  if (findings.length === 0) return 'pass';
  return findings.every((f) => f.certainty === 'definite') ? 'fail' : 'unknown';
}

/** The verdict read off m4's build: failed, or promiscuous (no Relay_ok) with a listener beyond loopback. */
function builtVerdict(built: Built): Verdict {
  if (built.status !== 0) return 'unreadable';
  const promiscuous = !/^SRelay_ok$/m.test(built.cf);
  const loopback = (options: string): boolean => {
    const addr = options.split(',').map((p) => p.trim()).find((p) => /^a/i.test(p) && p.includes('='));
    const value = addr?.slice(addr.indexOf('=') + 1).trim() ?? '';
    return /^127\./.test(value) || value === '::1' || value.toLowerCase() === 'localhost';
  };
  const options = oracleListeners(built.cf);
  const exposed = options.length === 0 || options.some((o) => !loopback(o));
  return promiscuous && exposed ? 'fail' : 'pass';
}

const SEEDS = Array.from({ length: 600 }, (_, i) => 1000 + i);

test('m4 oracle: generated .mc files give the listeners and the promiscuous verdict of the built .cf', async (t) => {
  if (!haveOracle(t)) return;
  const cases = SEEDS.map(generateMc);
  const built = await pool(cases, 8, build);
  let promiscuous = 0;
  let loopbackOnly = 0;
  const byClass = new Map<McClass, Record<Verdict, number>>();
  const totals: Record<Verdict, number> = { pass: 0, fail: 0, unreadable: 0, unknown: 0 };
  cases.forEach((mc, i) => {
    const b = built[i] as Built;
    compare(mc, b);
    const verdict = builtVerdict(b);
    assert.equal(ourVerdict(mc), verdict, `verdict: ${mc.name}\n${mc.text}\n${b.stderr}`);
    totals[verdict]++;
    for (const k of mc.classes ?? []) {
      const row = byClass.get(k) ?? { pass: 0, fail: 0, unreadable: 0, unknown: 0 };
      row[verdict]++;
      byClass.set(k, row);
    }
    if (!/^SRelay_ok$/m.test(b.cf)) promiscuous++;
    if (!/^O DaemonPortOptions=Name=MTA$/m.test(b.cf) && !/^O DaemonPortOptions=Port=587, Name=MSA/m.test(b.cf)) loopbackOnly++;
  });
  // The counts by class are part of the report.
  for (const [k, row] of [...byClass].sort()) t.diagnostic(`${k}: ${JSON.stringify(row)}`);
  t.diagnostic(`all ${cases.length}: ${JSON.stringify(totals)}`);
  for (const k of ['indirect-feature', 'indirect-undefine', 'eval', 'conf-daemon-options', 'build-fails'] as const) {
    assert.ok((byClass.get(k)?.pass ?? 0) + (byClass.get(k)?.fail ?? 0) + (byClass.get(k)?.unreadable ?? 0) >= 20, `${k}: ${JSON.stringify(byClass.get(k))}`);
  }
  assert.ok(totals.unreadable >= 20 && totals.fail >= 50 && totals.pass >= 50, JSON.stringify(totals));
  // The generator must exercise both verdicts.
  assert.ok(promiscuous > 50 && promiscuous < cases.length - 50, `promiscuous cases: ${promiscuous}`);
  assert.ok(loopbackOnly > 20, `cases without default listeners: ${loopbackOnly}`);
});

/** Hand-written traps: each one is a place where grep and m4 disagree. */
const TRAPS: GeneratedMc[] = [
  { name: 'hash-after-include.mc', includesCf: true, text: `include(\`${CF_M4}')dnl\n# FEATURE(\`promiscuous_relay')dnl\n` },
  { name: 'hash-before-include.mc', includesCf: true, text: `# FEATURE(\`promiscuous_relay')dnl\ninclude(\`${CF_M4}')dnl\n` },
  { name: 'hash-no-include.mc', includesCf: false, text: "OSTYPE(`linux')dnl\n# FEATURE(`promiscuous_relay')dnl\n" },
  { name: 'dnl-feature.mc', includesCf: false, text: "dnl FEATURE(`promiscuous_relay')\n" },
  { name: 'undefine-after.mc', includesCf: false, text: "FEATURE(`promiscuous_relay')dnl\nundefine(`_PROMISCUOUS_RELAY_')dnl\n" },
  { name: 'inside-divert.mc', includesCf: false, text: "divert(-1)\nFEATURE(`promiscuous_relay')\ndivert(0)dnl\n" },
  { name: 'unquoted-daemon-options.mc', includesCf: false, text: 'DAEMON_OPTIONS(Port=smtp,Addr=127.0.0.1, Name=MTA)dnl\n' },
  { name: 'loopback-mta-default-msa.mc', includesCf: false, text: "DAEMON_OPTIONS(`Port=smtp,Addr=127.0.0.1, Name=MTA')dnl\n" },
  { name: 'loopback-no-msa.mc', includesCf: false, text: "FEATURE(`no_default_msa')dnl\nDAEMON_OPTIONS(`Port=smtp,Addr=127.0.0.1, Name=MTA')dnl\n" },
  { name: 'rhel-no-msa-dnl-arg.mc', includesCf: false, text: "FEATURE(`no_default_msa', `dnl')dnl\nDAEMON_OPTIONS(`Port=smtp,Addr=127.0.0.1, Name=MTA')dnl\n" },
  { name: 'feature-in-comment-then-dnl.mc', includesCf: true, text: `divert(-1)dnl\n# it's a header\ndivert(0)dnl\ninclude(\`${CF_M4}')dnl\n#FEATURE(promiscuous_relay)\n` },
  { name: 'ifelse-multi.mc', includesCf: false, text: "ifelse(`a', `b', `dnl', `c', `c', `FEATURE(`promiscuous_relay')', `dnl')dnl\n" },
  { name: 'user-macro.mc', includesCf: false, text: "define(`RELAYALL', `FEATURE(`promiscuous_relay')')dnl\nRELAYALL\n" },
  { name: 'macro-in-daemon-options.mc', includesCf: false, text: "define(`LOOP', `127.0.0.1')dnl\nDAEMON_OPTIONS(`Port=smtp, Addr=LOOP, Name=MTA')dnl\n" },
  { name: 'daemon-options-reset.mc', includesCf: false, text: "DAEMON_OPTIONS(`Port=smtp, Name=MTA')dnl\ndefine(`_DPO_', `')dnl\nDAEMON_OPTIONS(`Port=2525, Addr=::1, Name=Local')dnl\n" },
  { name: 'feature-trailing-space.mc', includesCf: false, text: "FEATURE(`promiscuous_relay' )dnl\n" },
  { name: 'feature-leading-space.mc', includesCf: false, text: "FEATURE(   `promiscuous_relay')dnl\n" },
  { name: 'msp.mc', includesCf: false, text: "FEATURE(`msp', `[127.0.0.1]')dnl\n" },
  { name: 'netinet6.mc', includesCf: false, text: "OSTYPE(`solaris11')dnl\n" },
  { name: 'words-join.mc', includesCf: false, text: "define(`HALF', `FEAT')dnl\nHALF()URE(`promiscuous_relay')dnl\n" },
  { name: 'double-include.mc', includesCf: true, text: `include(\`${CF_M4}')dnl\ninclude(\`${CF_M4}')dnl\n# FEATURE(\`promiscuous_relay')\n` },
  { name: 'raw-option-line.mc', includesCf: false, text: "FEATURE(`no_default_msa')dnl\nO DaemonPortOptions=Port=2525, Name=Raw0\nDAEMON_OPTIONS(`Addr=127.0.0.1')dnl\nLOCAL_CONFIG\nO DaemonPortOptions=Port=2526, Name=Raw6\n" },
  {
    name: 'raw-option-every-diversion.mc',
    includesCf: false,
    text: "DAEMON_OPTIONS(`Addr=127.0.0.1')dnl\n" + [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12].map((d) => `divert(${d})dnl\nO DaemonPortOptions=Name=D${d}\n`).join('') + 'divert(0)dnl\n',
  },
  { name: 'crlf.mc', includesCf: false, text: "FEATURE(`no_default_msa')dnl\r\nDAEMON_OPTIONS(`Port=smtp, Addr=127.0.0.1, Name=MTA')dnl\r\n" },
];

test('m4 oracle: hand-written traps agree with the built .cf', async (t) => {
  if (!haveOracle(t)) return;
  const built = await pool(TRAPS, 8, build);
  TRAPS.forEach((mc, i) => compare(mc, built[i] as Built));
});

test('m4 oracle: the Debian sendmail.mc and submit.mc', async (t) => {
  if (!haveOracle(t)) return;
  for (const name of ['sendmail.mc', 'submit.mc']) {
    const file = `/usr/share/sendmail/cf/debian/${name}`;
    if (!existsSync(file)) continue;
    const { readFileSync } = await import('node:fs');
    // Its site files live in /etc/mail/m4 on a Debian host: empty stand-ins here (relaygate does not read them).
    for (const site of ['dialup.m4', 'provider.m4']) writeFileSync(path.join(dir, site), '');
    const text = readFileSync(file, 'utf8').replaceAll('/etc/mail/m4/', `${dir}/`);
    const mc: GeneratedMc = { name, includesCf: true, text };
    compare(mc, await build(mc));
  }
});

test('m4 oracle: unbalanced quote and unterminated call are fatal, as m4 reports them', async (t) => {
  if (!haveOracle(t)) return;
  const cases: [GeneratedMc, string, number, number][] = [
    [{ name: 'eof-string.mc', includesCf: false, text: "FEATURE(`no_default_msa')dnl\nDAEMON_OPTIONS(`Port=smtp\n" }, 'ERROR: end of file in string', 2, 16],
    [{ name: 'eof-args.mc', includesCf: false, text: "dnl\nFEATURE(`promiscuous_relay'\n" }, 'ERROR: end of file in argument list', 2, 1],
  ];
  for (const [mc, message, line, column] of cases) {
    const built = await build(mc);
    assert.notEqual(built.status, 0);
    assert.match(built.stderr, new RegExp(`${mc.name}:${line}: ${message}`));
    const ours = analyseMc({ path: mc.name, text: mc.text });
    assert.deepEqual(ours.diagnostics.filter((d) => d.fatal), [{ file: mc.name, line, column, message, fatal: true }]);
  }
});
