// Differential test: our main.cf parser + expansion against the real postconf.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandValue, scanValue } from '../../src/mta/postfix/expand.js';
import { assemblePostfix } from '../../src/mta/postfix/index.js';
import { effectiveValues, parseMainCf } from '../../src/mta/postfix/main-cf.js';
import { requireProgram } from '../helpers/oracle.js';
import { collapse, parsePostconfLines, pool, postconfDefaults, postconfOn } from '../helpers/postconf.js';
import { generateMainCf } from '../helpers/postfix-generator.js';
import { Random } from '../helpers/random.js';
import { MAIN_CF_TRAPS } from './postconf-traps.js';

const EXPANDED = [
  'inet_interfaces',
  'smtpd_client_restrictions',
  'smtpd_relay_restrictions',
  'smtpd_recipient_restrictions',
  'mynetworks',
];

/** Defaults postconf computes from the machine (hostname, interfaces): not predictable here. */
const DYNAMIC = new Set(['myhostname', 'mydomain', 'mynetworks', 'myorigin']);

interface Prediction {
  fatal: boolean;
  printed: Map<string, string>;
  expanded: string[];
}

function predict(text: string, defaults: Map<string, string>): Prediction {
  const mainCf = parseMainCf({ path: 'main.cf', text });
  const values = effectiveValues(mainCf);
  const lookup = (name: string): string | undefined => values.get(name) ?? defaults.get(name);
  // postconf -n prints the parameters it knows, plus user-defined ones that
  // ANY parameter of main.cf references (even an unused one).
  const used = new Set<string>([...values.keys()].filter((name) => defaults.has(name)));
  for (const value of values.values()) {
    for (const ref of scanValue(value).references) if (values.has(ref)) used.add(ref);
  }
  // Whether postconf stops is relaygate's own model (an empty master.cf, as postconf is given here).
  const [config] = assemblePostfix([{ path: 'main.cf', text }, { path: 'master.cf', text: '' }]);
  let fatal = config?.diagnostics.some((d) => d.fatal) ?? true;
  const printed = new Map<string, string>();
  for (const name of used) printed.set(name, collapse(values.get(name) ?? ''));
  const expanded = EXPANDED.map((name) => {
    // mynetworks' default is computed from the machine's interfaces (and inet_interfaces).
    if (name === 'mynetworks' && !values.has(name)) return '*';
    const result = expandValue(lookup(name) ?? '', lookup);
    if (result.diagnostics.some((d) => d.fatal)) fatal = true;
    if (result.references.some((ref) => DYNAMIC.has(ref) && !values.has(ref))) return '*';
    return collapse(result.value);
  });
  return { fatal, printed, expanded };
}

async function compare(text: string, label: string, defaults: Map<string, string>): Promise<string | null> {
  const [n, x] = await postconfOn(text, '', [['-n'], ['-xh', ...EXPANDED]]);
  if (n === undefined || x === undefined) return `${label}: postconf did not run`;
  const ours = predict(text, defaults);
  const theirsFatal = n.status !== 0 || x.status !== 0;
  const show = `${label}\n--- main.cf ---\n${JSON.stringify(text)}\n--- postconf -n (${n.status}) ---\n${n.stdout}${n.stderr}\n--- -xh (${x.status}) ---\n${x.stdout}${x.stderr}`;
  if (ours.fatal !== theirsFatal) return `fatal: ours ${ours.fatal}, postconf ${theirsFatal}\n${show}`;
  if (theirsFatal) return null;
  const printed = parsePostconfLines(n.stdout);
  printed.delete('config_directory');
  const a = JSON.stringify([...ours.printed].sort());
  const b = JSON.stringify([...printed].sort());
  if (a !== b) return `postconf -n differs:\nours   ${a}\ntheirs ${b}\n${show}`;
  const theirs = x.stdout.replace(/\n$/, '').split('\n').map((line, i) => (ours.expanded[i] === '*' ? '*' : line));
  if (JSON.stringify(ours.expanded) !== JSON.stringify(theirs)) {
    return `postconf -xh differs:\nours   ${JSON.stringify(ours.expanded)}\ntheirs ${JSON.stringify(theirs)}\n${show}`;
  }
  return null;
}

async function compareAll(t: import('node:test').TestContext, cases: { text: string; label: string }[]): Promise<void> {
  const defaults = await postconfDefaults();
  assert.ok(defaults.size > 500, 'postconf -d lists the built-in parameters');
  const failures = (await pool(cases, 6, (c) => compare(c.text, c.label, defaults))).filter((f) => f !== null);
  if (process.env.DUMP) (await import('node:fs')).writeFileSync(process.env.DUMP, failures.join('\n=====\n'));
  assert.equal(failures.length, 0, `${failures.length} of ${cases.length} differ; first:\n${failures.slice(0, 2).join('\n\n')}`);
  t.diagnostic(`${cases.length} main.cf files agree with postconf`);
}

test('hand-written main.cf traps agree with postconf -n and -xh', async (t) => {
  if (!requireProgram(t, 'postconf')) return;
  await compareAll(t, MAIN_CF_TRAPS.map((trap) => ({ text: trap.text, label: trap.name })));
});

test('generated main.cf files agree with postconf -n and -xh', async (t) => {
  if (!requireProgram(t, 'postconf')) return;
  const cases = [];
  for (let seed = 1; seed <= 250; seed++) {
    const generated = generateMainCf(new Random(seed), seed);
    cases.push({ text: generated.text, label: `seed ${seed}` });
  }
  await compareAll(t, cases);
});
