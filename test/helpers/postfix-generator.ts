import type { Random } from './random.js';

/** Parameters postconf knows (printed by -n when set). */
export const KNOWN = [
  'myhostname', 'mydomain', 'myorigin', 'inet_interfaces', 'mynetworks', 'smtpd_client_restrictions',
  'smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'relay_domains', 'smtpd_banner', 'alias_maps',
] as const;
/** User-defined parameters (printed by -n only when a used parameter references them). */
export const USER = ['my_nets', 'my_rbl', 'site_list'] as const;
const NEVER_DEFINED = ['undefined_x', 'nothing_here'];

const WORDS = [
  'permit_mynetworks', 'reject', 'reject_unauth_destination', 'permit', 'permit_sasl_authenticated',
  '127.0.0.0/8', '[::1]/128', 'localhost', 'all', 'example.com', 'a#b', '#x', 'x=y', 'hash:/etc/aliases',
  'loopback-only', '$$', 'reject_rbl_client zen.example', 'check_client_access hash:/etc/postfix/access',
  'warn_if_reject', 'warn_if_reject reject',
];

function reference(r: Random, names: readonly string[]): string {
  const name = r.pick(names);
  switch (r.int(9)) {
    case 0: return `$${name}`;
    case 1: return `\${${name}}`;
    case 2: return `$(${name})`;
    case 3: return `\${${name}?{x y}:{z}}`;
    case 4: return `\${${name}:fallback}`;
    case 5: return `\${${name}?yes}`;
    case 6: return `\${ ${name} ? {a, b} : {c} }`;
    case 7: return `\${{$${name}} ${r.pick(['==', '!=', '<', '>=', '<=level', '>level'])} {${r.pick(['d', '2', '3.6', ''])}}?{eq}:{ne}}`;
    default: return `$(${name}:{ x })`;
  }
}

/** A value: tokens separated by commas/whitespace, possibly broken over lines. */
function value(r: Random, refNames: readonly string[], breakLine: () => string): string {
  const count = r.int(6);
  let out = '';
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      out += r.chance(0.25) ? breakLine() + r.pick([',', '', ', ']) : r.pick([', ', ',', ' ', '\t', '  ', ' ,  ']);
    }
    const kind = r.int(10);
    if (kind < 5) out += r.pick(WORDS);
    else if (kind < 8) out += reference(r, refNames);
    else if (kind < 9) out += `{ ${r.pick(WORDS)} ${r.pick(WORDS)} }`;
    else out += `${r.pick(WORDS)}$${r.pick(refNames)}`;
  }
  return out;
}

export interface GeneratedMainCf {
  text: string;
  seed: number;
}

/**
 * A random main.cf mixing every postconf(5) rule: continuation lines,
 * comment and blank lines inside continuations, tabs, CRLF, `=` spacing,
 * mid-line `#`, duplicates, references, conditionals, groups, empty values,
 * and now and then an indented first line, a trailing backslash, a line
 * without `=`, or a macro syntax error.
 */
export function generateMainCf(r: Random, seed: number): GeneratedMainCf {
  const eol = r.chance(0.2) ? '\r\n' : '\n';
  const lines: string[] = [];
  const filler = (): string[] => {
    const out: string[] = [];
    while (r.chance(0.2)) out.push(r.pick(['# comment', '   # indented comment', '#', '', '   ', '\t', '#name = value']));
    return out;
  };
  const breakLine = (): string => {
    const fill = filler();
    return (r.chance(0.2) ? ' ' : '') + eol + fill.map((l) => l + eol).join('') + r.pick([' ', '\t', '    ', ' \t']);
  };
  if (r.chance(0.08)) lines.push(r.pick(['  indented = first', '\tmyhostname = dropped']), r.pick([' more', 'x = 1']));
  const definedUser: string[] = [];
  const count = 2 + r.int(10);
  for (let i = 0; i < count; i++) {
    lines.push(...filler());
    const user = r.chance(0.25);
    const name = user ? r.pick(USER) : r.pick(KNOWN);
    if (user) definedUser.push(name);
    // Mostly no self-reference: a cycle makes postconf refuse the whole file.
    const refNames = [...KNOWN.slice(0, 3), ...USER, ...NEVER_DEFINED].filter((n) => n !== name || r.chance(0.05));
    const sep = r.pick(['=', ' = ', '\t=\t', ' =', '= ', '  =   ', ' = ']);
    // postconf -x resolves inet_interfaces hosts: keep them resolvable.
    let v = r.chance(0.1)
      ? ''
      : name === 'inet_interfaces'
        ? r.pick(['all', 'loopback-only', '127.0.0.1', '127.0.0.1, [::1]', 'localhost', eol === '\n' ? '127.0.0.1,' + breakLine() + '[::1]' : 'all'])
        : value(r, refNames, breakLine);
    // postconf stores myhostname/mydomain expanded and expands them again: `$$` there is fatal.
    if (name === 'myhostname' || name === 'mydomain') v = v.replaceAll('$$', 'dollar');
    if (r.chance(0.05) && name !== 'inet_interfaces') v += ' \\';
    if (r.chance(0.05) && name !== 'inet_interfaces') v += ' # not a comment';
    if (r.chance(0.03)) v += r.pick([' $', ' ${mydomain', ' $(', ' ${}', ' ${my domain}', ' ${mydomain?{x}y}']);
    let line = `${name}${sep}${v}`;
    if (r.chance(0.1)) line += r.pick([' ', '\t', '  ']);
    if (r.chance(0.02)) line = r.pick(['no_equals_here', 'two words = x', '= empty_name']);
    lines.push(line);
  }
  // Reference the user-defined parameters from a known one so postconf -n prints them.
  if (definedUser.length > 0 && r.chance(0.7)) lines.push(`smtpd_banner = $myhostname ${definedUser.map((n) => `$${n}`).join(' ')}`);
  return { text: lines.join(eol) + (r.chance(0.9) ? eol : ''), seed };
}

/** The classes of verdict-level disagreement a generated case exercises (issue: verdicts, not values). */
export type PostfixVerdictClass = 'macro-error' | 'relational' | 'crlf-continuation' | 'warn-if-reject' | 'override' | 'restriction-class';

export interface GeneratedVerdictCase {
  seed: number;
  main: string;
  /** null: no master.cf (the stock one applies). */
  master: string | null;
  classes: Set<PostfixVerdictClass>;
}

const RESTRICTIONS = ['permit', 'reject', 'permit_mynetworks', 'permit_sasl_authenticated', 'warn_if_reject', 'reject_unauth_pipelining', 'defer', 'REJECT'];

/** Relational operands that compare as numbers, strings or compatibility levels. */
const OPERANDS = ['1', '2', '10', '010', 'x', 'abc', '3.6', '3.10', '', '$cmp_a', '$cmp_b', '$cmp_level'];
const OPERATORS = ['==', '!=', '<', '<=', '>', '>=', '<level', '>=level', '==level'];
const LEVEL_OPERANDS = ['1', '2', '3.6', '3.10', '3.6.1', '$cmp_level'];

/** Text Postfix refuses to expand, each as postconf and smtpd report it. */
const MACRO_ERRORS = [' $', ' ${oops', ' $(x', ' ${}', ' ${my name}', ' ${{a} === {b}?{x}:{y}}', ' ${{abc} <level {2}?{a}:{b}}', ' ${{a} < b}', ' ${x?{y}z}', ' ${{99999999999999999999} > {1}}'];

/**
 * A random main.cf (and sometimes master.cf) for the verdict-level
 * differential: GEN004710 judged by relaygate against the same verdict
 * derived from postconf's expanded values and smtpd's startup. It mixes
 * macro errors (in a built-in value, a user-defined one a built-in uses, or
 * one nothing uses), relational and level conditionals, CRLF continuations
 * inside restriction lists, warn_if_reject, -o overrides (self-referring
 * ones included) and restriction classes.
 */
export function generateVerdictCase(r: Random, seed: number): GeneratedVerdictCase {
  const classes = new Set<PostfixVerdictClass>();
  const crlf = r.chance(0.35);
  const eol = crlf ? '\r\n' : '\n';
  const lines: string[] = [];
  const cont = (): string => {
    if (crlf) classes.add('crlf-continuation');
    return `${r.pick([',', '', ', '])}${eol}${r.pick(['  ', '\t', ' '])}`;
  };
  const restriction = (): string => {
    const k = r.int(10);
    if (k < 6) {
      const w = r.pick(RESTRICTIONS);
      if (w === 'warn_if_reject') classes.add('warn-if-reject');
      return w;
    }
    if (k < 8) {
      classes.add('relational');
      const op = r.pick(OPERATORS);
      // Level operators refuse what is not a level: mostly give them levels.
      const operands = op.endsWith('level') && r.chance(0.85) ? LEVEL_OPERANDS : OPERANDS;
      const left = r.pick(operands);
      const right = r.pick(operands);
      return `\${{${left}} ${op} {${right}} ? {${r.pick(RESTRICTIONS)}} : {${r.pick(RESTRICTIONS)}}}`;
    }
    if (k < 9) return r.pick(['$site_client', '${site_client}', '${site_client?{reject}:{permit}}', '${nothing_here:reject}']);
    return r.chance(0.5) ? 'strict' : 'warn_if_reject strict';
  };
  const list = (): string => {
    const n = 1 + r.int(4);
    let out = '';
    for (let i = 0; i < n; i++) out += (i === 0 ? '' : r.chance(0.3) ? cont() : r.pick([', ', ' ', ','])) + restriction();
    return out;
  };
  lines.push(`inet_interfaces = ${r.pick(['all', 'all', 'loopback-only', '127.0.0.1', '127.0.0.1,' + eol + '  [::1]', 'all'])}`);
  if (lines[0]?.includes(eol + ' ')) classes.add('crlf-continuation');
  if (r.chance(0.8)) lines.push('smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination');
  else lines.push('compatibility_level = 3.6');
  lines.push(`cmp_a = ${r.pick(['1', 'x', '10', ''])}`, `cmp_b = ${r.pick(['2', 'abc', '9'])}`, `cmp_level = ${r.pick(['3.6', '2', '3.10'])}`);
  if (r.chance(0.5)) lines.push(`site_client = ${list()}`);
  let client = list();
  const broken = (): string => {
    classes.add('macro-error');
    return r.pick(MACRO_ERRORS);
  };
  if (r.chance(0.08)) client += broken();
  if (!r.chance(0.1)) lines.push(`smtpd_client_restrictions = ${client}`);
  if (r.chance(0.04)) lines.push(`myhostname = mx.example.com${broken()}`);
  if (r.chance(0.05)) lines.push(`unused_value = x${broken()}`);
  if (r.chance(0.04)) lines.push(`smtpd_banner = $banner_text`, `banner_text = hello${broken()}`);
  if (r.chance(0.2)) {
    classes.add('restriction-class');
    lines.push(`smtpd_restriction_classes = strict${r.chance(0.2) ? ', undefined_class' : ''}`);
    lines.push(`strict = ${list()}`);
  }
  let master: string | null = null;
  if (r.chance(0.35)) {
    const overrides: string[] = [];
    if (r.chance(0.7)) {
      classes.add('override');
      const value = r.pick([
        '$smtpd_client_restrictions,reject',
        'permit_mynetworks,reject',
        'permit_sasl_authenticated,permit',
        '$site_client',
        'warn_if_reject,reject',
        '${{$cmp_a}==${cmp_b}?{reject}:{permit}}',
      ]);
      if (value.includes('warn_if_reject')) classes.add('warn-if-reject');
      if (value.includes('{{')) classes.add('relational');
      overrides.push(`-o smtpd_client_restrictions=${value}`);
    }
    if (r.chance(0.15)) overrides.push('-o site_client=$');
    if (overrides.some((o) => o.endsWith('=$') || o.includes('$smtpd_client_restrictions'))) classes.add('macro-error');
    master = `smtp inet n - y - - smtpd${overrides.map((o) => ` ${o}`).join('')}${eol}`;
  }
  return { seed, main: lines.join(eol) + eol, master, classes };
}
