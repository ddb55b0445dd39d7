// Verdict-level differential: relaygate's GEN004710 verdict on generated
// main.cf/master.cf against the verdict derived from the real programs:
// postconf -n (does it stop?), smtpd's startup check with the service's -o
// overrides (does it stop?), and otherwise postconf -xh / -xP (the values as
// Postfix expands them, whitespace runs CR included printed as one space),
// read by an independent judge of the STIG text: a bare reject that takes
// effect, no bare permit before it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import { BUILTIN_PARAMETERS } from '../../src/mta/postfix/parameter-names.js';
import { scan } from '../../src/scan.js';
import { requireProgram } from '../helpers/oracle.js';
import { SMTPD, pool, postconfOn, postfixRuns } from '../helpers/postconf.js';
import { generateVerdictCase, type GeneratedVerdictCase, type PostfixVerdictClass } from '../helpers/postfix-generator.js';
import { Random } from '../helpers/random.js';

type Verdict = 'pass' | 'fail' | 'unreadable' | 'unknown';

const root = mkdtempSync(path.join(tmpdir(), 'relaygate-verdict-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function ours(c: GeneratedVerdictCase): Promise<Verdict> {
  const dir = path.join(root, `case-${c.seed}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'main.cf'), c.main);
  if (c.master !== null) writeFileSync(path.join(dir, 'master.cf'), c.master);
  const result = await scan({ ...defaultOptions(dir) });
  if (result.findings.some((f) => f.ruleId === 'config-unreadable')) return 'unreadable';
  const stig = result.findings.filter((f) => f.ruleId === 'stig-postfix-relay');
  if (stig.length === 0) return 'pass';
  return stig.every((f) => f.certainty === 'definite') ? 'fail' : 'unknown';
}

/** The STIG text on Postfix's expanded tokens: warn_if_reject turns the next restriction's reject into a warning. */
function judge(tokens: string[], classes: Map<string, string[]>, depth = 0): 'pass' | 'fail' | 'none' {
  let warn = false;
  for (const token of tokens) {
    const name = token.toLowerCase();
    if (name === 'warn_if_reject') {
      warn = true;
      continue;
    }
    const inner = classes.get(token);
    if (inner !== undefined && depth < 5) {
      const verdict = judge(warn ? ['warn_if_reject', ...inner.flatMap((t) => (t.toLowerCase() === 'reject' ? ['warn_if_reject', t] : [t]))] : inner, classes, depth + 1);
      if (verdict !== 'none') return verdict;
    } else if (name === 'permit') return 'fail';
    else if (name === 'reject' && !warn) return 'pass';
    warn = false;
  }
  return 'none';
}

const words = (value: string): string[] => value.split(/[\s,]+/).filter((w) => w !== '');

async function theirs(c: GeneratedVerdictCase): Promise<Verdict> {
  let classNames: string[] = [];
  const runs = await postfixRuns(c.main, c.master ?? '', (n) => {
    classNames = words(/^smtpd_restriction_classes = (.*)$/m.exec(n.stdout)?.[1] ?? '');
    // Only this service's override: postconf -xP expands every override, user-defined ones too.
    return [['-xh', 'inet_interfaces', 'smtpd_client_restrictions', ...classNames], ['-xP', 'smtp/inet/smtpd_client_restrictions']];
  });
  if (runs.postconf.status !== 0 || runs.smtpdFatal !== null || runs.smtpdRefused) return 'unreadable';
  const [x, p] = runs.more;
  if (x?.status !== 0) throw new Error(`postconf -xh failed after -n did not: ${x?.stderr}`);
  const lines = x.stdout.split('\n');
  const interfaces = words(lines[0] ?? '');
  if (interfaces.every((i) => ['loopback-only', '127.0.0.1', '[::1]', 'localhost'].includes(i))) return 'pass';
  const override = /^smtp\/inet\/smtpd_client_restrictions = ?(.*)$/m.exec(p?.stdout ?? '');
  const client = override ? (override[1] ?? '') : (lines[1] ?? '');
  const classes = new Map(classNames.map((name, i) => [name, words(lines[2 + i] ?? '')]));
  return judge(words(client), classes) === 'pass' ? 'pass' : 'fail';
}

const CASES = 200;

test('verdicts on generated main.cf/master.cf agree with postconf and smtpd', async (t) => {
  if (!requireProgram(t, 'postconf') || !requireProgram(t, SMTPD)) return;
  const cases = Array.from({ length: CASES }, (_, i) => generateVerdictCase(new Random(8000 + i), 8000 + i));
  const expected = await pool(cases, 6, theirs);
  const actual: Verdict[] = [];
  for (const c of cases) actual.push(await ours(c));
  const wrong = cases
    .map((c, i) => ({ c, theirs: expected[i], ours: actual[i] }))
    .filter((x) => x.theirs !== x.ours)
    .map((x) => `seed ${x.c.seed}: postfix ${x.theirs}, relaygate ${x.ours}\n${JSON.stringify(x.c.main)}\n${JSON.stringify(x.c.master)}`);
  // The counts by class are part of the report: how much of each the generator produced.
  const byClass = new Map<PostfixVerdictClass, Record<Verdict, number>>();
  cases.forEach((c, i) => {
    for (const k of c.classes) {
      const row = byClass.get(k) ?? { pass: 0, fail: 0, unreadable: 0, unknown: 0 };
      row[expected[i] as Verdict]++;
      byClass.set(k, row);
    }
  });
  for (const [k, row] of [...byClass].sort()) t.diagnostic(`${k}: ${JSON.stringify(row)}`);
  const totals = { pass: 0, fail: 0, unreadable: 0, unknown: 0 };
  for (const v of expected) totals[v]++;
  t.diagnostic(`all ${CASES}: ${JSON.stringify(totals)}`);
  assert.equal(wrong.length, 0, `${wrong.length} of ${CASES} disagree: ${wrong.map((w) => w.split('\n')[0]).join('; ')}\n${wrong.slice(0, 2).join('\n')}`);
  // Every class is produced, and with both outcomes where it can have them.
  for (const k of ['macro-error', 'relational', 'crlf-continuation', 'warn-if-reject', 'override', 'restriction-class'] as const) {
    const row = byClass.get(k);
    assert.ok(row !== undefined && row.pass + row.fail + row.unreadable >= 20, `${k}: ${JSON.stringify(row)}`);
  }
  assert.ok(totals.pass >= 30 && totals.fail >= 30 && totals.unreadable >= 30, JSON.stringify(totals));
});

test('the built-in parameter names are the installed postconf -d names', async (t) => {
  if (!requireProgram(t, 'postconf')) return;
  const [run] = await postconfOn('', '', [['-d']]);
  const names = (run?.stdout ?? '').split('\n').map((l) => l.split(' =')[0] ?? '').filter((n) => n !== '');
  const version = /^mail_version = (.*)$/m.exec(run?.stdout ?? '')?.[1] ?? '';
  if (!version.startsWith('3.7.')) {
    t.skip(`postconf ${version}: the list is Postfix 3.7's`);
    return;
  }
  assert.deepEqual([...BUILTIN_PARAMETERS].sort(), names.sort());
});
