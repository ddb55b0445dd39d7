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
    case 7: return `\${{$${name}} == {d}?{eq}:{ne}}`;
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
