// Differential test: postconf -M/-F/-P/-X/-# edits of master.cf, as relaygate replays them from a
// shell script, against the real postconf editing the same master.cf (compared with postconf -M and -P).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PostfixConfiguration } from '../../src/mta/postfix/model.js';
import type { Edit } from '../../src/sources/contracts/edits.js';
import { memoryRepository } from '../../src/sources/contracts/repository.js';
import { shellScript } from '../../src/sources/ecosystems/shell-scripts/scripts.js';
import { assembleInstances } from '../../src/sources/replay/instances.js';
import { requireProgram } from '../helpers/oracle.js';
import { collapse, pool, postconfOn } from '../helpers/postconf.js';
import { Random } from '../helpers/random.js';

const ENTRIES: Record<string, string> = {
  'smtp/inet': 'smtp      inet  n       -       y       -       -       smtpd',
  'submission/inet': 'submission inet n       -       y       -       -       smtpd\n  -o syslog_name=postfix/submission\n  -o smtpd_tls_security_level=encrypt',
  '127.0.0.1:smtp/inet': '127.0.0.1:smtp inet n - n - - smtpd',
  '2525/inet': '2525      inet  n       -       n       -       -       smtpd -o smtpd_client_restrictions=permit_mynetworks',
  'relay/unix': 'relay     unix  -       -       y       -       -       smtp\n        -o syslog_name=postfix/$service_name',
  'pickup/unix': 'pickup    unix  n       -       y       60      1       pickup',
  'smtpd/pass': 'smtpd     pass  -       -       y       -       -       smtpd',
};
const FILLERS = ['#submission inet n - y - - smtpd', '# a comment', '', '#  -o smtpd_client_restrictions=permit'];

const PATTERNS = ['smtp/inet', 'submission/inet', '2525/inet', '*/inet', 'relay/unix', 'new/inet', 'smtpd/*', '*/*', '127.0.0.1:smtp/inet', 'smtp', 'smtp/inet/x', '/inet'];
const NAMES = ['smtp', 'submission', '2525', '2526', '127.0.0.1:smtp', '0.0.0.0:2525', 'new'];
const ENTRY_TAILS = [
  'inet n - n - - smtpd',
  'inet n - y - - smtpd -o smtpd_client_restrictions=permit_mynetworks,reject',
  'inet n - y - - smtpd -o { smtpd_relay_restrictions = permit_mynetworks, reject } -osyslog_name=x',
  'inet n - y - 1 postscreen',
  'inet n - y - - smtpd -v -o smtpd_sasl_auth_enable=yes',
  'unix - - y - - smtp',
  'inet n - y - smtpd',
  'tcp n - y - - smtpd',
  'inet x - y - - smtpd',
  'inet n - y 1000? 1 smtpd',
];
const FIELDS = [
  'chroot=n',
  'chroot=y',
  'process_limit=10',
  'wakeup=60',
  'private=-',
  'service=127.0.0.1:2527',
  'command=smtpd -o smtpd_client_restrictions=reject',
  'command=postscreen',
  'command=smtpd -o { smtpd_tls_security_level = none }',
  'private=x',
  'chroot=n y',
  'bogus=1',
  '*=1',
];
const PARAMETERS = ['smtpd_client_restrictions=permit_mynetworks,reject', 'smtpd_client_restrictions=', 'syslog_name=postfix/x', 'smtpd_tls_security_level=none', 'smtpd_client_restrictions=permit_mynetworks, reject', '*=1'];
const REMOVED = ['smtpd_client_restrictions', 'syslog_name', 'smtpd_tls_security_level', 'nothing'];

function masterText(r: Random): string {
  const keys = Object.keys(ENTRIES).filter(() => r.chance(0.6));
  const lines: string[] = [];
  for (const key of keys) {
    if (r.chance(0.3)) lines.push(r.pick(FILLERS));
    lines.push(ENTRIES[key] as string);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function command(r: Random): string[] {
  const kind = r.int(6);
  const argument = (): string => {
    switch (kind) {
      case 0:
      case 1: {
        const pattern = r.pick(PATTERNS);
        const name = r.chance(0.6) ? (pattern.split('/')[0] ?? 'x').replace('*', 'smtp') : r.pick(NAMES);
        return `${pattern}=${name} ${r.pick(ENTRY_TAILS)}`;
      }
      case 2:
        return r.pick(PATTERNS);
      case 3:
        return `${r.pick(PATTERNS)}/${r.pick(FIELDS)}`.replace(/^(\w+\/\w+)\/x\//, '$1/');
      case 4:
        return `${r.pick(PATTERNS)}/${r.pick(PARAMETERS)}`;
      default:
        return `${r.pick(PATTERNS)}/${r.pick(REMOVED)}`;
    }
  };
  const args = [argument()];
  if (r.chance(0.2)) args.push(argument());
  const flags = [
    [r.pick(['-Me', '-M', '-e -M', '-M -e'])],
    [r.pick(['-Me', '-M'])],
    [r.pick(['-MX', '-M#', '-M -X', '-M -#'])],
    [r.pick(['-Fe', '-F', '-F -e'])],
    [r.pick(['-Pe', '-P'])],
    [r.pick(['-PX', '-P -X'])],
  ][kind] as string[];
  return [...flags.flatMap((f) => f.split(' ')), ...args];
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

interface Case {
  label: string;
  master: string;
  commands: string[][];
}

/** The services as `name type private unpriv chroot wakeup maxproc command` and the -o overrides as postconf -P prints them. */
function ours(c: Case): { services: string[]; overrides: string[]; failed: boolean[] } {
  const text = c.commands.map((args) => `postconf ${args.map(quote).join(' ')}`).join('\n') + '\n';
  const extraction = shellScript.extract({ path: 'edit.sh', text }, memoryRepository({}));
  const link: Edit = { kind: 'link', target: 'master.cf', source: 'master.cf', destination: '/etc/postfix/master.cf', key: { scope: 'edit.sh', directory: '/etc/postfix' }, span: { file: 'edit.sh', line: 1, column: 1, endLine: 1, endColumn: 1 }, form: 'shell', maybe: false };
  const plain = new Map([['master.cf', { path: 'master.cf', text: c.master }]]);
  const configs = assembleInstances([{ ...extraction, edits: [link, ...extraction.edits] }], plain, { notes: [] });
  const config = configs[0] as PostfixConfiguration | undefined;
  const services = config?.masterCf?.services ?? [];
  const failed = c.commands.map((_, i) => extraction.notes.some((n) => n.includes(`line ${i + 1}, column`) && n.includes('postconf would exit')));
  return {
    services: services.map((s) => [s.name, s.type, s.private, s.unprivileged, s.chroot, s.wakeup, s.maxproc, s.command].join(' ')),
    overrides: services.flatMap((s) => {
      const names = new Map<string, string>();
      for (const o of s.overrides) names.set(o.name, collapse(o.value));
      return [...names].map(([name, value]) => `${s.name}/${s.type}/${name} = ${value}`);
    }),
    failed,
  };
}

async function compare(c: Case): Promise<string | null> {
  const runs = await postconfOn('', c.master, [...c.commands, ['-M'], ['-P']]);
  const m = runs[runs.length - 2];
  const p = runs[runs.length - 1];
  if (m === undefined || p === undefined) return `${c.label}: postconf did not run`;
  const theirs = {
    services: m.stdout.split('\n').filter((l) => l !== '').map((l) => l.split(/\s+/).slice(0, 8).join(' ')),
    overrides: p.stdout.split('\n').filter((l) => l !== '').map((l) => l.replace(/ =$/, ' = ')).sort(),
    failed: runs.slice(0, c.commands.length).map((r) => r.status !== 0),
  };
  // Two services with one name/type confuse postconf -P (it merges their overrides); master(8) refuses them anyway.
  const names = theirs.services.map((s) => s.split(' ').slice(0, 2).join('/'));
  if (new Set(names).size !== names.length) return 'skip';
  const mine = ours(c);
  mine.overrides.sort();
  const show = (): string =>
    `${c.label}\nmaster.cf:\n${c.master}commands: ${JSON.stringify(c.commands)}\nstderr: ${runs.map((r) => r.stderr.trim()).filter((e) => e !== '').join(' | ')}\npostconf: ${JSON.stringify(theirs)}\nrelaygate: ${JSON.stringify(mine)}`;
  if (JSON.stringify(mine.failed) !== JSON.stringify(theirs.failed)) return `which commands fail differs\n${show()}`;
  if (JSON.stringify(mine.services) !== JSON.stringify(theirs.services)) return `services differ\n${show()}`;
  if (JSON.stringify(mine.overrides) !== JSON.stringify(theirs.overrides)) return `overrides differ\n${show()}`;
  return null;
}

const TRAPS: Case[] = [
  { label: '-Me adds at the end', master: `${ENTRIES['smtp/inet']}\n`, commands: [['-Me', '2525/inet=2525 inet n - y - - smtpd']] },
  { label: '-M replaces the entry with the new name/type too', master: `${ENTRIES['smtp/inet']}\n${ENTRIES['2525/inet']}\n`, commands: [['-M', 'new/inet=2525 inet n - n - - smtpd']] },
  { label: '-Me with a wildcard removes the later matches', master: `${ENTRIES['smtp/inet']}\n${ENTRIES['submission/inet']}\n${ENTRIES['relay/unix']}\n`, commands: [['-Me', '*/inet=smtp inet n - n - - smtpd']] },
  { label: '-F command replaces the arguments', master: `${ENTRIES['submission/inet']}\n`, commands: [['-F', 'submission/inet/command=smtpd -o smtpd_client_restrictions=permit']] },
  { label: '-P replaces every -o of the name, -PX removes', master: `${ENTRIES['2525/inet']}\n`, commands: [['-P', '2525/inet/smtpd_client_restrictions=permit'], ['-PX', '2525/inet/smtpd_client_restrictions']] },
  { label: '-P adds before the first non-option argument', master: 'x unix - n n - - pipe flags=R argv=/bin/true\n', commands: [['-P', 'x/unix/a=b']] },
  { label: '-M# comments out with continuation lines', master: `${ENTRIES['submission/inet']}\n${ENTRIES['smtp/inet']}\n`, commands: [['-M#', 'submission/inet']] },
  { label: '-P with whitespace is fatal', master: `${ENTRIES['smtp/inet']}\n`, commands: [['-P', 'smtp/inet/smtpd_client_restrictions=permit_mynetworks, reject']] },
  { label: 'a fatal argument keeps the good one from being applied', master: `${ENTRIES['smtp/inet']}\n`, commands: [['-Me', '2525/inet=2525 inet n - n - - smtpd', 'smtp=x']] },
];

async function compareAll(t: import('node:test').TestContext, cases: Case[]): Promise<void> {
  const results = await pool(cases, 6, compare);
  const skipped = results.filter((f) => f === 'skip').length;
  const failures = results.filter((f) => f !== null && f !== 'skip');
  assert.equal(failures.length, 0, `${failures.length} of ${cases.length} differ; first:\n${failures.slice(0, 3).join('\n\n')}`);
  t.diagnostic(`${cases.length - skipped} edited master.cf files agree with postconf -M and -P (${skipped} left out: they end with two services of one name/type)`);
}

test('hand-written postconf master.cf edits agree with the real postconf', async (t) => {
  if (!requireProgram(t, 'postconf')) return;
  await compareAll(t, TRAPS);
});

test('generated postconf master.cf edits agree with the real postconf', async (t) => {
  if (!requireProgram(t, 'postconf')) return;
  const cases: Case[] = [];
  for (let seed = 1; seed <= 200; seed++) {
    const r = new Random(seed);
    const master = masterText(r);
    const commands = Array.from({ length: 1 + r.int(3) }, () => command(r));
    cases.push({ label: `seed ${seed}`, master, commands });
  }
  await compareAll(t, cases);
});
