// What makes postconf or smtpd stop: exact positions and Postfix's wording,
// then each case against the real postconf and smtpd.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assemblePostfix } from '../../../src/mta/postfix/index.js';
import { requireProgram } from '../../helpers/oracle.js';
import { pool, postfixRuns } from '../../helpers/postconf.js';

interface Case {
  name: string;
  main: string;
  master?: string;
  /** [file, line, column, message] of each fatal diagnostic. */
  expect: [string, number, number, string][];
  /** What the real programs do: 'postconf' fatal (smtpd too), 'smtpd' only, or none. */
  oracle: 'postconf' | 'smtpd' | 'none';
}

const RELAY = 'smtpd_relay_restrictions = reject\n';

const CASES: Case[] = [
  {
    name: 'a lone $ at the end of a restriction list',
    main: `${RELAY}smtpd_client_restrictions = reject $\n`,
    expect: [['main.cf', 2, 36, 'empty macro name: "reject $" (in smtpd_client_restrictions); postconf and smtpd stop: "macro processing error"']],
    oracle: 'postconf',
  },
  {
    name: 'a truncated ${ in myhostname',
    main: `${RELAY}myhostname = mx.\${oops\n`,
    expect: [['main.cf', 2, 17, 'truncated macro reference: "mx.${oops" (in myhostname); postconf and smtpd stop: "macro processing error"']],
    oracle: 'postconf',
  },
  {
    name: 'a truncated ${ in inet_interfaces',
    main: `${RELAY}inet_interfaces = \${x\n`,
    expect: [['main.cf', 2, 19, 'truncated macro reference: "${x" (in inet_interfaces); postconf and smtpd stop: "macro processing error"']],
    oracle: 'postconf',
  },
  {
    name: 'an -o override that refers to itself',
    main: `${RELAY}smtpd_client_restrictions = reject\n`,
    master: 'smtp inet n - y - - smtpd -o smtpd_client_restrictions=$smtpd_client_restrictions,reject\n',
    expect: [
      ['master.cf', 1, 56, 'unreasonable macro call nesting: "smtpd_client_restrictions" (in smtpd_client_restrictions); postconf and smtpd (smtp) stop: "macro processing error"'],
    ],
    oracle: 'postconf',
  },
  {
    name: 'the error is in the user-defined value a built-in one uses, on its continuation line',
    main: `${RELAY}smtpd_banner = $site\nsite = mail,\n  \${broken\n`,
    expect: [['main.cf', 4, 3, 'truncated macro reference: "mail,  ${broken" (in site, used by smtpd_banner); postconf and smtpd stop: "macro processing error"']],
    oracle: 'postconf',
  },
  {
    name: 'an unused user-defined value with an error is only a warning',
    main: `${RELAY}site = \${broken\n`,
    expect: [],
    oracle: 'none',
  },
  {
    name: 'only the branch taken is expanded',
    main: `${RELAY}smtpd_client_restrictions = \${nothing_here?{$}:{reject}}\n`,
    expect: [],
    oracle: 'none',
  },
  {
    name: 'a relational operator postconf does not know',
    main: `${RELAY}smtpd_client_restrictions = \${{a} === {b}?{x}:{y}}\n`,
    expect: [['main.cf', 2, 35, '"==" or "!="" or "<"" or "<="" or ">="" or ">" expected at: "...a}>>>=== {b}?{x}:{y}" (in smtpd_client_restrictions); postconf and smtpd stop: "macro processing error"']],
    oracle: 'postconf',
  },
  {
    name: 'a compatibility level comparison on a word',
    main: `${RELAY}smtpd_client_restrictions = \${{abc} <level {2}?{a}:{b}}\n`,
    expect: [['main.cf', 2, 32, 'malformed compatibility level syntax: "abc" (in smtpd_client_restrictions); postconf and smtpd stop: "macro processing error"']],
    oracle: 'postconf',
  },
  {
    name: 'a number too large for a long',
    main: `${RELAY}smtpd_client_restrictions = \${{99999999999999999999} < {2}?{a}:{b}}\n`,
    expect: [['main.cf', 2, 32, 'mac_exp_eval: bad conversion: 99999999999999999999 (in smtpd_client_restrictions); postconf and smtpd stop']],
    oracle: 'postconf',
  },
  {
    name: 'a cycle through a relational operand crashes Postfix',
    main: `${RELAY}smtpd_client_restrictions = \${{$smtpd_client_restrictions} == {x}?{a}:{b}}\n`,
    expect: [['main.cf', 2, 29, 'unbounded macro recursion through a relational expression: "smtpd_client_restrictions" (in smtpd_client_restrictions); postconf and smtpd crash (SIGSEGV)']],
    oracle: 'postconf',
  },
  {
    name: 'a CR left in inet_interfaces by a CRLF continuation',
    main: `${RELAY}inet_interfaces = 127.0.0.1,\r\n  [::1]\r\n`,
    expect: [['main.cf', 2, 29, 'config variable inet_interfaces: host not found: ?; postconf and smtpd stop']],
    oracle: 'postconf',
  },
  {
    name: 'a restriction class without a value',
    main: `${RELAY}smtpd_restriction_classes = strict, nodef\nstrict = reject\n`,
    expect: [['main.cf', 2, 37, "restriction class `nodef' needs a definition; smtpd (smtp) stops"]],
    oracle: 'smtpd',
  },
  {
    name: 'a restriction class whose value smtpd cannot expand',
    main: `${RELAY}smtpd_restriction_classes = strict\nstrict = $\n`,
    expect: [['main.cf', 3, 10, 'empty macro name: "$" (in strict); smtpd (smtp) stops: "macro processing error"']],
    oracle: 'smtpd',
  },
  {
    name: 'an -o of a user-defined name that a built-in value uses',
    main: `${RELAY}smtpd_banner = $foo\nfoo = x\n`,
    master: 'smtp inet n - y - - smtpd -o foo=$\n',
    expect: [['master.cf', 1, 34, 'empty macro name: "$" (in foo, used by smtpd_banner); smtpd (smtp) stops: "macro processing error"']],
    oracle: 'smtpd',
  },
];

function fatal(c: Case): [string, number, number, string][] {
  const files = [{ path: 'main.cf', text: c.main }, ...(c.master === undefined ? [] : [{ path: 'master.cf', text: c.master }])];
  const [config] = assemblePostfix(files);
  assert.ok(config);
  return config.diagnostics.filter((d) => d.fatal).map((d) => [d.file, d.line, d.column, d.message]);
}

describe('postfixFatalDiagnostics', () => {
  for (const c of CASES) {
    it(c.name, () => assert.deepEqual(fatal(c), c.expect));
  }

  it('agrees with postconf -n and smtpd -S on every case', async (t) => {
    if (!requireProgram(t, 'postconf') || !requireProgram(t, '/usr/lib/postfix/sbin/smtpd')) return;
    const runs = await pool(CASES, 6, (c) => postfixRuns(c.main, c.master ?? ''));
    const wrong: string[] = [];
    CASES.forEach((c, i) => {
      const r = runs[i];
      if (r === undefined) return;
      const theirs = r.postconf.status !== 0 ? 'postconf' : r.smtpdFatal !== null ? 'smtpd' : 'none';
      if (theirs !== c.oracle) wrong.push(`${c.name}: postconf/smtpd say ${theirs}, the case says ${c.oracle}\n${r.postconf.stderr}${r.smtpdOutput}`);
      // Postfix's own warning text is in our message (an unused value's is only a warning).
      if (c.oracle === 'none') return;
      const warning = (r.postconf.stderr + r.smtpdOutput).match(/warning: ((?:empty|truncated|unreasonable|"|bad|malformed|attribute)[^\n]*)/)?.[1];
      if (warning !== undefined && !c.expect.some((e) => e[3].startsWith(warning))) wrong.push(`${c.name}: Postfix says "${warning}"`);
    });
    assert.deepEqual(wrong, []);
  });
});
