// Differential test: relaygate's sed (script reader, BRE/ERE translation to RE2, run over lines)
// against GNU sed on generated scripts and texts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { parseSedScript } from '../../src/sources/languages/shell/sed-script.js';
import { runSedOnText } from '../../src/sources/languages/shell/sed-run.js';
import { requireProgram } from '../helpers/oracle.js';
import { Random } from '../helpers/random.js';

const LINES = [
  'inet_interfaces = all',
  'inet_interfaces = localhost',
  '#relayhost = [mx.example.com]',
  'relayhost = __RELAYHOST__',
  'smtpd_client_restrictions = permit_mynetworks, reject',
  'mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128',
  '  permit_sasl_authenticated',
  '',
  'myhostname=mail.example.com',
  'smtp      inet  n       -       y       -       -       smtpd',
  '#submission inet n       -       y       -       -       smtpd',
  '  -o smtpd_client_restrictions=permit',
  'a*b x.y path/to/x',
  'aaa bbb abab',
  'tab\there',
  'MiXeD Case',
];

const BRE = [
  '^inet_interfaces.*',
  'inet_interfaces = localhost',
  '^#\\?relayhost',
  '\\(permit\\)_\\([a-z]*\\)',
  '[[:space:]]*=[[:space:]]*',
  'a*',
  'x*',
  'b\\+',
  '.',
  '^$',
  '[0-9]\\{1,3\\}',
  '\\[::1\\]',
  '[^ ]*$',
  '^\\s*#',
  '\\bmy',
  'ho\\|ne',
  '\\.',
  '^',
  '$',
  '*x',
  '^*',
  'a\\{2\\}',
  '\\(a\\|ab\\)\\(c\\|bab\\)',
  '__RELAYHOST__',
  '^#submission',
  'smtpd_client_restrictions=[a-z_,]*',
  '[]a]',
  '[^]a]',
  '\\`a',
  "b\\'",
  '\\w\\+',
  'a**',
  '\\(a',
  '[[:bogus:]]',
  '\\1',
  '\\<my',
  'a\\{1001\\}',
  '[a-',
];

const ERE = [
  '^inet_interfaces.*',
  '^#?relayhost',
  '(permit)_([a-z]*)',
  '[0-9]{1,3}',
  'ho|ne',
  'b+',
  '(x|xy)(z|yz)',
  '(a*)(a*)',
  '^smtpd_tls_cert_file|^smtpd_tls_key_file',
  '\\[::1\\]',
  'a{2}',
  '*x',
  'a{',
  '()',
  '(ab)*',
  '\\w+',
  '[[:alpha:]]+ =',
  'a|',
];

const REPLACEMENTS = ['X', '&&', '[&]', 'inet_interfaces = all', '&\\ninet_protocols = ipv4', '', '\\&', '\\t', 'a\\/b', '\\1-\\2', '\\1', '#&', 'lo\\nop'];

function regex(r: Random, extended: boolean): string {
  return r.pick(extended ? ERE : BRE);
}

function address(r: Random, extended: boolean): string {
  switch (r.int(9)) {
    case 0:
    case 1:
    case 2:
      return '';
    case 3:
      return String(1 + r.int(6));
    case 4:
      return '$';
    case 5:
      return `/${regex(r, extended)}/${r.chance(0.2) ? 'I' : ''}`;
    case 6:
      return `${1 + r.int(4)},${r.pick(['$', String(1 + r.int(8)), `+${r.int(3)}`, `~${1 + r.int(3)}`, `/${regex(r, extended)}/`])}`;
    case 7:
      return `/${regex(r, extended)}/,/${regex(r, extended)}/`;
    default:
      return r.pick(['0,/=/', '1~2', '2~3', `\\,${regex(r, extended).replace(/,/g, '')},`]);
  }
}

function command(r: Random, extended: boolean): string {
  const addr = address(r, extended);
  const not = addr !== '' && r.chance(0.15) ? '!' : '';
  const delimiter = r.pick(['/', '/', '/', '|', '#', ',']);
  const escape = (t: string): string => (delimiter === '/' ? t : t.replaceAll(delimiter, `\\${delimiter}`));
  switch (r.int(10)) {
    case 0:
      return `${addr}${not}d`;
    case 1:
      return `${addr}${not}p`;
    case 2:
      return `${addr}${not}a ${r.pick(['appended', 'inet_protocols = ipv4', 'x\\y'])}`;
    case 3:
      return `${addr}${not}i\\\n${r.pick(['inserted', 'smtpd_client_restrictions = reject'])}`;
    case 4:
      return `${addr}${not}c ${r.pick(['changed', 'inet_interfaces = loopback-only'])}`;
    case 5:
      return `${addr}${not}y/abc/xyz/`;
    case 6:
      return `${addr}${not}{ s/a/b/; ${r.pick(['d', 'p', 's/x/y/g'])} }`;
    default: {
      const flags = r.pick(['', '', 'g', '2', 'I', '2g', 'p', 'gI']);
      return `${addr}${not}s${delimiter}${escape(regex(r, extended))}${delimiter}${escape(r.pick(REPLACEMENTS))}${delimiter}${flags}`;
    }
  }
}

interface Case {
  label: string;
  text: string;
  scripts: string[];
  extended: boolean;
  quiet: boolean;
}

function generate(seed: number): Case {
  const r = new Random(seed);
  const extended = r.chance(0.35);
  const quiet = r.chance(0.1);
  const lines = Array.from({ length: 1 + r.int(7) }, () => r.pick(LINES));
  const count = 1 + r.int(3);
  const commands = Array.from({ length: count }, () => command(r, extended));
  const scripts = r.chance(0.3) ? commands : [commands.join(r.pick([';', '\n']))];
  return { label: `seed ${seed}`, text: `${lines.join('\n')}\n`, scripts, extended, quiet };
}

type Outcome = 'agree' | 'unsupported' | 'fallback-on-error';

/** An outcome, or what went wrong, with the case shown. */
type Disagreement = `${'GNU sed rejects' | 'relaygate rejects' | 'output differs'}${string}`;

function compare(c: Case): Outcome | Disagreement {
  const args = [...(c.extended ? ['-E'] : []), ...(c.quiet ? ['-n'] : []), ...c.scripts.flatMap((s) => ['-e', s])];
  const gnu = spawnSync('sed', args, { input: c.text, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  const program = parseSedScript(c.scripts.join('\n'), c.extended);
  const show = `${c.label} sed ${JSON.stringify(args)} on ${JSON.stringify(c.text)}\nGNU: status ${gnu.status} ${JSON.stringify(gnu.stdout)} ${gnu.stderr.trim()}\nrelaygate: ${JSON.stringify(program.kind === 'program' ? runSedOnText(program, c.text, c.quiet) : program)}`;
  if (gnu.status !== 0) {
    if (program.kind === 'error') return 'agree';
    if (program.kind === 'unsupported') return 'fallback-on-error';
    return `GNU sed rejects the script, relaygate reads it\n${show}`;
  }
  if (program.kind === 'error') return `relaygate rejects a script GNU sed runs\n${show}`;
  if (program.kind === 'unsupported') return 'unsupported';
  const ours = runSedOnText(program, c.text, c.quiet);
  if (ours !== gnu.stdout) return `output differs\n${show}`;
  return 'agree';
}

const TRAPS: Case[] = [
  { label: 'placeholder', text: 'relayhost = __RELAYHOST__\ninet_interfaces = all\n', scripts: ['s/__RELAYHOST__/[mx]:587/'], extended: false, quiet: false },
  { label: 'newline in the replacement', text: 'inet_interfaces = all\n', scripts: ['s/inet_interfaces = all/&\\ninet_protocols = ipv4/'], extended: false, quiet: false },
  { label: 'ERE deletion of two names', text: 'smtpd_tls_cert_file = a\nx = y\nsmtpd_tls_key_file = b\n', scripts: ['/^smtpd_tls_cert_file|^smtpd_tls_key_file/d'], extended: true, quiet: false },
  { label: 'empty matches with g', text: 'abc\n', scripts: ['s/b*/X/g'], extended: false, quiet: false },
  { label: 'c over a range prints once', text: 'a\nb\nc\nd\n', scripts: ['2,3c changed'], extended: false, quiet: false },
  { label: 'a then d still appends', text: 'x\ny\n', scripts: ['/x/{a foo', 'd}'], extended: false, quiet: false },
  { label: '0,/re/ ends on line 1', text: 'a=1\nb=2\nc=3\n', scripts: ['0,/=/s/=/:/'], extended: false, quiet: false },
  { label: 'uncomment a service', text: '#submission inet n - y - - smtpd\n#  -o x=y\n', scripts: ['s/^#submission/submission/'], extended: true, quiet: false },
  { label: '-n with p', text: 'a\nb\n', scripts: ['/b/p'], extended: false, quiet: true },
  { label: 'the escaped delimiter is the plain character', text: 'a.b\naxb\na|b\nab\n', scripts: ['s.a\\.b.X.', 's|a\\|b|Y|'], extended: false, quiet: false },
];

function run(t: import('node:test').TestContext, cases: Case[]): void {
  const counts = { agree: 0, unsupported: 0, 'fallback-on-error': 0 };
  const failures: string[] = [];
  for (const c of cases) {
    const outcome = compare(c);
    if (outcome === 'agree' || outcome === 'unsupported' || outcome === 'fallback-on-error') counts[outcome]++;
    else failures.push(outcome);
  }
  assert.equal(failures.length, 0, `${failures.length} of ${cases.length} differ; first:\n${failures.slice(0, 3).join('\n\n')}`);
  t.diagnostic(`${counts.agree} of ${cases.length} sed runs agree with GNU sed; ${counts.unsupported} scripts not followed (the unknown fallback), ${counts['fallback-on-error']} that GNU sed rejects read as not followed`);
}

test('hand-written sed scripts agree with GNU sed', (t) => {
  if (!requireProgram(t, 'sed')) return;
  run(t, TRAPS);
  for (const c of TRAPS) assert.equal(compare(c), 'agree', c.label);
});

test('generated sed scripts agree with GNU sed', (t) => {
  if (!requireProgram(t, 'sed')) return;
  run(
    t,
    Array.from({ length: 1500 }, (_, i) => generate(i + 1)),
  );
});
