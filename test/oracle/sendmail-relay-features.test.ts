// Differential test: the relay features and class R entries relaygate reads
// from a .mc (m4 semantics, src/mta/sendmail/mc.ts) against the ones it reads
// from the .cf that the real m4 + sendmail-cf build from it
// (src/mta/sendmail/cf-relay.ts). Both must agree on every generated file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { analyseCf } from '../../src/mta/sendmail/cf.js';
import { analyseMc } from '../../src/mta/sendmail/mc.js';
import type { SendmailFeature } from '../../src/mta/sendmail/model.js';
import { requireProgram } from '../helpers/oracle.js';
import { pool } from '../helpers/postconf.js';
import { Random } from '../helpers/random.js';
import { CF_M4 } from '../mta/sendmail/mc-generator.js';

const RELAY_FEATURES = ['relay_entire_domain', 'relay_based_on_MX', 'loose_relay_check', 'relay_local_from', 'relay_mail_from', 'relay_hosts_only'];
const MACROS: Record<string, string> = {
  relay_entire_domain: '_RELAY_ENTIRE_DOMAIN_',
  relay_based_on_MX: '_RELAY_MX_SERVED_',
  loose_relay_check: '_LOOSE_RELAY_CHECK_',
  relay_local_from: '_RELAY_LOCAL_FROM_',
  relay_mail_from: '_RELAY_DB_FROM_',
  relay_hosts_only: '_RELAY_HOSTS_ONLY_',
};
const ENTRIES = ['example.com', '8.8', '192.168', 'com', 'mail.example.org', '10.1.2'];

const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-relay-m4-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function generate(r: Random, i: number): { name: string; text: string } {
  const lines = ['divert(-1)dnl', `include(\`${CF_M4}')dnl`, "OSTYPE(`debian')dnl"];
  const body: string[] = [];
  if (r.chance(0.6)) body.push("FEATURE(`access_db')dnl");
  for (const feature of RELAY_FEATURES) {
    if (!r.chance(0.4)) continue;
    // After cf.m4's changecom(), `#` is no comment; `dnl` is.
    const prefix = r.pick(['', '', '# ', 'dnl ']);
    body.push(`${prefix}FEATURE(\`${feature}')${prefix === 'dnl ' ? '' : 'dnl'}`);
    if (r.chance(0.15)) body.push(`undefine(\`${MACROS[feature]}')dnl`);
  }
  if (r.chance(0.5)) body.push(`RELAY_DOMAIN(\`${Array.from({ length: 1 + r.int(2) }, () => r.pick(ENTRIES)).join(' ')}')dnl`);
  if (r.chance(0.2)) body.push("RELAY_DOMAIN_FILE(`/etc/mail/relay-extra')dnl");
  // Feature order matters (relay_mail_from looks for access_db when it is read): shuffle.
  for (let k = body.length - 1; k > 0; k--) {
    const j = r.int(k + 1);
    [body[k], body[j]] = [body[j] as string, body[k] as string];
  }
  return { name: `relay-${i}.mc`, text: [...lines, ...body, 'MAILER(`smtp\')dnl', ''].join('\n') };
}

function build(file: { name: string; text: string }): Promise<string> {
  const full = path.join(dir, file.name);
  writeFileSync(full, file.text);
  return new Promise((resolve, reject) => {
    const child = spawn('m4', [full], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

/** The relay features a .mc really enables: relay_mail_from counts only after access_db. */
function mcFeatures(features: SendmailFeature[]): string[] {
  const names = features.map((f) => f.name);
  return RELAY_FEATURES.filter((name) => {
    const at = names.indexOf(name);
    if (at < 0) return false;
    return name !== 'relay_mail_from' || names.slice(0, at).includes('access_db');
  }).sort();
}

test('relay features and class R: the .mc model agrees with the .cf m4 builds from it', async (t) => {
  if (!requireProgram(t, 'm4')) return;
  if (!existsSync(CF_M4)) {
    if (process.env.RELAYGATE_REQUIRE_ORACLES === '1') throw new Error(`${CF_M4} missing (install sendmail-cf)`);
    t.skip('sendmail-cf not installed: oracle test skipped');
    return;
  }
  const r = new Random(4711);
  const files = Array.from({ length: 120 }, (_, i) => generate(r, i));
  const built = await pool(files, 4, build);
  let withFeatures = 0;
  files.forEach((file, i) => {
    const mc = analyseMc({ path: file.name, text: file.text });
    const cf = analyseCf({ path: 'built.cf', text: built[i] ?? '' });
    const context = `${file.name}:\n${file.text}`;
    const ours = mcFeatures(mc.features);
    const fromCf = cf.features.map((f) => f.name).filter((n) => RELAY_FEATURES.includes(n)).sort();
    assert.deepEqual(fromCf, ours, context);
    if (ours.length > 0) withFeatures++;
    const words = (kind: string, list: typeof mc.relayDomains) => list.filter((d) => d.kind === kind).flatMap((d) => d.value.split(/\s+/)).sort();
    assert.deepEqual(words('RELAY_DOMAIN', cf.relayDomains), words('RELAY_DOMAIN', mc.relayDomains), context);
    assert.deepEqual(words('RELAY_DOMAIN_FILE', cf.relayDomains), words('RELAY_DOMAIN_FILE', mc.relayDomains), context);
    assert.equal(cf.features.some((f) => f.name === 'access_db'), mc.features.some((f) => f.name === 'access_db'), context);
  });
  assert.ok(withFeatures > 40 && withFeatures < files.length - 10, `files with relay features: ${withFeatures}`);
});
