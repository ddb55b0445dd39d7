// Differential test: smtpdWouldRefuseToStart() against the real smtpd's
// startup check (reference/mta-semantics.md, "Oracles"):
//   echo QUIT | MAIL_CONFIG=DIR /usr/lib/postfix/sbin/smtpd -S -V -o local_recipient_maps=
// exits 1 with "specify at least one working instance of" when neither
// smtpd_relay_restrictions nor smtpd_recipient_restrictions has a relay
// restriction. A master.cf service's overrides are passed as smtpd's own -o.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { notLiveByContent } from '../../src/discover/live.js';
import { parseMainCf } from '../../src/mta/postfix/main-cf.js';
import { parseMasterCf } from '../../src/mta/postfix/master-cf.js';
import type { PostfixConfiguration } from '../../src/mta/postfix/model.js';
import { postfixFatalDiagnostics } from '../../src/mta/postfix/fatal.js';
import { smtpdWouldRefuseToStart } from '../../src/mta/postfix/smtpd-startup.js';
import { judgeDiffLike } from '../../src/sources/replay/diffs.js';
import { requireProgram } from '../helpers/oracle.js';
import { pool } from '../helpers/postconf.js';
import { Random } from '../helpers/random.js';
import { SIDE_BY_SIDE, UNIFIED } from '../helpers/saved-diffs.js';

const SMTPD = '/usr/lib/postfix/sbin/smtpd';
const REFUSAL = 'specify at least one working instance of';

interface Case {
  name: string;
  main: string;
  /** `-o` values for the smtpd service (as in master.cf). */
  overrides?: string[];
}

type Outcome = 'refuses' | 'fatal' | 'starts';

/** Runs smtpd's startup check: it refuses to start for lack of a relay restriction, stops on another fatal error, or starts (and says goodbye to QUIT). */
function smtpdRefuses(c: Case): Promise<Outcome> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-smtpd-'));
  const past = new Date(Date.now() - 10_000);
  for (const [name, text] of [['main.cf', c.main], ['master.cf', '']] as const) {
    writeFileSync(path.join(dir, name), text);
    utimesSync(path.join(dir, name), past, past);
  }
  const args = ['-S', '-V', '-o', 'local_recipient_maps=', ...(c.overrides ?? []).flatMap((o) => ['-o', o])];
  return new Promise((resolve, reject) => {
    const child = spawn(SMTPD, args, { env: { ...process.env, MAIL_CONFIG: dir }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stdin.end('QUIT\r\n');
    child.on('error', reject);
    // A main.cf line without `=` stops smtpd before it logs anything: exit status 1 and no output.
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      resolve(output.includes(REFUSAL) ? 'refuses' : code !== 0 || /fatal:|Segmentation/.test(output) ? 'fatal' : 'starts');
    });
  });
}

/** Ours: a fatal diagnostic (postconf or smtpd stops), else whether smtpd refuses to start. */
function ours(c: Case): Outcome | 'unknown' {
  const master = `smtp inet n - y - - smtpd${(c.overrides ?? []).map((o) => ` -o { ${o} }`).join('')}\n`;
  const masterCf = parseMasterCf({ path: 'master.cf', text: master });
  const config: PostfixConfiguration = {
    mta: 'postfix',
    directory: '.',
    files: ['main.cf', 'master.cf'],
    form: 'plain',
    diagnostics: [],
    mainCf: parseMainCf({ path: 'main.cf', text: c.main }),
    masterCf,
  };
  if (postfixFatalDiagnostics(config).length > 0) return 'fatal';
  const refuses = smtpdWouldRefuseToStart(config, masterCf.services[0] ?? null);
  return refuses === 'unknown' ? refuses : refuses ? 'refuses' : 'starts';
}

const HAND: Case[] = [
  { name: 'compatibility_level 0: both lists empty', main: '' },
  { name: 'compatibility_level 2: the relay default has defer_unauth_destination', main: 'compatibility_level = 2\n' },
  { name: 'compatibility_level 3.6', main: 'compatibility_level = 3.6\n' },
  { name: 'relay restrictions emptied', main: 'compatibility_level = 2\nsmtpd_relay_restrictions =\n' },
  { name: 'recipient list has it', main: 'smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination\n' },
  { name: 'permit stops the search', main: 'smtpd_relay_restrictions = permit, reject\n' },
  { name: 'permit_mynetworks does not', main: 'smtpd_relay_restrictions = permit_mynetworks, reject\n' },
  { name: 'upper case names count', main: 'smtpd_relay_restrictions = REJECT_UNAUTH_DESTINATION\n' },
  { name: 'an argument counts too', main: 'smtpd_relay_restrictions = reject_rbl_client reject\n' },
  { name: 'warn_if_reject skips the next item', main: 'smtpd_relay_restrictions = warn_if_reject reject\n' },
  { name: 'a braced item is a table', main: 'smtpd_relay_restrictions = {reject}\n' },
  { name: 'restriction class', main: 'smtpd_restriction_classes = strict\nstrict = reject\nsmtpd_relay_restrictions = strict\n' },
  { name: '$name expansion', main: 'smtpd_relay_restrictions = $x\nx = defer_if_permit\n' },
  { name: 'override removes the relay check', main: 'compatibility_level = 2\n', overrides: ['smtpd_relay_restrictions=permit_mynetworks'] },
  { name: 'override adds it', main: '', overrides: ['smtpd_recipient_restrictions=reject_unauth_destination'] },
  { name: 'override refers to main.cf', main: 'mine = check_relay_domains\n', overrides: ['smtpd_relay_restrictions=$mine'] },
];

const VOCABULARY = [
  'permit',
  'permit_mynetworks',
  'permit_sasl_authenticated',
  'reject',
  'defer',
  'defer_if_permit',
  'reject_unauth_destination',
  'defer_unauth_destination',
  'dont_reject',
  'warn_if_reject',
  'reject_unknown_client_hostname',
  'Reject',
  '{reject}',
  '$rc',
];

function generated(count: number): Case[] {
  const r = new Random(4710);
  const list = (): string => Array.from({ length: r.int(4) }, () => r.pick(VOCABULARY)).join(r.pick([', ', ' ', ',']));
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    let main = r.chance(0.5) ? `compatibility_level = ${r.pick(['0', '1', '2', '3.6'])}\n` : '';
    if (r.chance(0.7)) main += `smtpd_relay_restrictions = ${list()}\n`;
    if (r.chance(0.6)) main += `smtpd_recipient_restrictions = ${list()}\n`;
    main += `rc = ${list()}\n`;
    const overrides = r.chance(0.3) ? [`smtpd_relay_restrictions=${list()}`] : [];
    cases.push({ name: `generated ${i}: ${JSON.stringify(main)} ${overrides.join(' ')}`, main, overrides });
  }
  return cases;
}

test('smtpd startup check: smtpdWouldRefuseToStart agrees with smtpd', async (t) => {
  if (!requireProgram(t, SMTPD)) return;
  const cases = [...HAND, ...generated(48)];
  const verdicts = await pool(cases, 16, smtpdRefuses);
  // Guards against an oracle that never ran: both outcomes must occur.
  assert.ok(verdicts.filter((v) => v === 'refuses').length >= 10 && verdicts.filter((v) => v === 'starts').length >= 10, `verdicts: ${verdicts.join(',')}`);
  const disagreements = cases
    .map((c, i) => ({ c, theirs: verdicts[i], mine: ours(c) }))
    .filter((x) => x.theirs !== x.mine)
    .map((x) => `${x.c.name}: smtpd ${String(x.theirs)}, relaygate ${String(x.mine)}`);
  assert.deepEqual(disagreements, []);
});

/**
 * Files named main.cf whose content looks like a saved diff (notLiveByContent):
 * a real `diff -y` and unified diff, and main.cf files drawn to look like
 * one, whose relay settings Postfix loads all the same.
 */
const DIFF_LIKE: Case[] = [
  { name: 'diff -y of two main.cf files (inet_interfaces = all | ...)', main: SIDE_BY_SIDE },
  { name: 'a unified diff', main: UNIFIED },
  {
    name: 'comment lines drawn with a gutter above an open main.cf',
    main: ['# aaaaaaaaaaaaaaaaaaaaa | x', '# bbbbbbbbbbbbbbbbbbbbb | x', '# ccccccccccccccccccccc | x', 'compatibility_level = 3.6', 'mynetworks = 0.0.0.0/0', ''].join('\n'),
  },
  {
    name: 'values with a gutter in unused parameters',
    main: ['x1 = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | b', 'x2 = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | b', 'x3 = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | b', 'compatibility_level = 3.6', 'mynetworks = 0.0.0.0/0', ''].join('\n'),
  },
  {
    name: 'identical halves (an unchanged line of diff -y) that Postfix reads as one list',
    main: ['compatibility_level = 3.6', 'mynetworks = 0.0.0.0/0\t\t\t\t\t\tmynetworks = 0.0.0.0/0', 'smtpd_banner = $myhostname ESMTP\t\t\t      |\tsmtpd_banner = $myhostname', 'x9 = a\t\t\t\t\t\t\t\tx9 = a', ''].join('\n'),
  },
];

test('a main.cf that looks like a diff is set aside exactly when smtpd stops on it as it stands', async (t) => {
  if (!requireProgram(t, SMTPD)) return;
  for (const c of DIFF_LIKE) assert.notEqual(notLiveByContent(c.main), null, `${c.name} looks like a diff`);
  const verdicts = await pool(DIFF_LIKE, 4, smtpdRefuses);
  const rows = DIFF_LIKE.map((c, i) => {
    const file = { path: 'main.cf', text: c.main };
    const ours = judgeDiffLike(new Map([['main.cf', 'a diff']]), { postfix: [file], sendmail: [], exim: [], opensmtpd: [] }, new Map(), () => undefined);
    return `${c.name}: smtpd ${verdicts[i] === 'fatal' ? 'stops' : 'loads it'}, relaygate ${ours.refused.length === 1 ? 'sets it aside' : 'judges it'}`;
  });
  assert.deepEqual(rows, [
    'diff -y of two main.cf files (inet_interfaces = all | ...): smtpd stops, relaygate sets it aside',
    'a unified diff: smtpd stops, relaygate sets it aside',
    'comment lines drawn with a gutter above an open main.cf: smtpd loads it, relaygate judges it',
    'values with a gutter in unused parameters: smtpd loads it, relaygate judges it',
    'identical halves (an unchanged line of diff -y) that Postfix reads as one list: smtpd loads it, relaygate judges it',
  ]);
});
