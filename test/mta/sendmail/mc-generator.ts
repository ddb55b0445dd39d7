import { Random } from '../../helpers/random.js';

/**
 * A seeded generator of sendmail .mc files that mix the constructs where m4
 * and grep disagree: `#` before and after the cf.m4 include, dnl, divert(-1),
 * undefine, ifdef/ifelse, quoted and unquoted DAEMON_OPTIONS, key spellings.
 */
export interface GeneratedMc {
  name: string;
  text: string;
  /** Includes cf.m4 itself: built as `m4 file.mc`; otherwise as `m4 cf.m4 file.mc`. */
  includesCf: boolean;
}

export const CF_M4 = '/usr/share/sendmail/cf/m4/cf.m4';

const ADDRESSES = ['127.0.0.1', '127.0.0.2', '::1', '0.0.0.0', '192.0.2.10', 'localhost', '2001:db8::1', ''];
const ADDR_KEYS = ['Addr', 'Address', 'a', 'ADDR', 'address'];
const PORTS = ['smtp', '25', '587', 'submission', '2525'];
const NAMES = ['MTA', 'MSA', 'MTA-v4', 'Local'];

function daemonOptionsText(r: Random): string {
  const addr = r.pick(ADDRESSES);
  const parts: string[] = [];
  if (addr.includes(':') && r.chance(0.7)) parts.push('Family=inet6');
  parts.push(`Port=${r.pick(PORTS)}`);
  if (addr !== '' || r.chance(0.2)) parts.push(`${r.pick(ADDR_KEYS)}=${addr}`);
  parts.push(`Name=${r.pick(NAMES)}`);
  if (r.chance(0.2)) parts.push('M=E');
  // Shuffle a little: sendmail reads keys in any order.
  if (r.chance(0.5)) parts.reverse();
  const sep = r.pick([',', ', ', ',  ']);
  return parts.join(sep);
}

function daemonOptionsLine(r: Random): string {
  const text = daemonOptionsText(r);
  const form = r.int(4);
  if (form === 0) return `DAEMON_OPTIONS(${text})dnl`; // unquoted: only the first argument survives
  if (form === 1) return `DAEMON_OPTIONS( \`${text}')dnl`;
  return `DAEMON_OPTIONS(\`${text}')dnl`;
}

function featureLine(r: Random, name: string): string {
  return r.pick([`FEATURE(\`${name}')dnl`, `FEATURE(${name})dnl`, `FEATURE(\`${name}')`]);
}

/** One body line (after cf.m4 is available). */
function bodyLine(r: Random, depth = 0): string[] {
  const k = r.int(22);
  switch (k) {
    case 0:
    case 1:
      return [featureLine(r, 'promiscuous_relay')];
    case 2:
      return [`# ${featureLine(r, 'promiscuous_relay')}`];
    case 3:
      return [`dnl ${featureLine(r, 'promiscuous_relay')}`];
    case 4:
      return ["undefine(`_PROMISCUOUS_RELAY_')dnl"];
    case 5:
      return [featureLine(r, 'no_default_msa')];
    case 6:
      return [r.pick(['#', 'dnl', 'dnl #']) + ' ' + featureLine(r, 'no_default_msa')];
    case 7:
    case 8:
    case 9:
      return [daemonOptionsLine(r)];
    case 10:
      return [`${r.pick(['#', 'dnl', '#dnl'])} ${daemonOptionsLine(r)}`];
    case 11:
      if (depth > 1) return ['dnl nothing'];
      return ['divert(-1)', ...bodyLine(r, depth + 1), ...bodyLine(r, depth + 1), 'divert(0)dnl'];
    case 12:
      return [`ifdef(\`_PROMISCUOUS_RELAY_', \`FEATURE(\`no_default_msa')', \`dnl')`];
    case 13:
      return [`ifelse(\`a', \`${r.pick(['a', 'b'])}', \`FEATURE(\`promiscuous_relay')', \`dnl')dnl`];
    case 14:
      return [`ifelse(\`x', \`y', \`dnl', \`x', \`${r.pick(['x', 'z'])}', \`${daemonOptionsLine(r).replace(/dnl$/, '')}', \`dnl')dnl`];
    case 15:
      return ["define(`confSMTP_LOGIN_MSG', `$j Sendmail; $b, hello')dnl"];
    case 16:
      return ["define(`OPEN_UP', `FEATURE(`promiscuous_relay')')dnl", r.pick(['OPEN_UP', 'dnl OPEN_UP', '# OPEN_UP'])];
    case 17:
      // cf.m4's own macros need the default quotes back before they run.
      return [
        'changequote([,])dnl',
        r.pick(["define([LATER], [FEATURE(`promiscuous_relay')])dnl", "define([LATER], [FEATURE(`no_default_msa')])dnl", "define([LATER], [`dnl'])dnl"]),
        "changequote(`,')dnl",
        r.pick(['LATER', 'dnl LATER']),
      ];
    case 18:
      return [r.pick(["# a comment that isn't one, with `quotes'", '# plain comment, with a comma', 'dnl # a dnl comment', 'O DaemonPortOptions=Port=2525, Name=Raw', 'LOCAL_CONFIG\nO DaemonPortOptions=Name=Local6\ndivert(0)dnl'])];
    case 19:
      return [r.pick(["FEATURE(`relay_entire_domain')dnl", "FEATURE(`access_db')dnl", "FEATURE(`relay_hosts_only')dnl", "RELAY_DOMAIN(`example.com')dnl"])];
    case 20:
      return ["ifdef(`_NO_MSA_', `dnl', `define(`_NO_MSA_', `1')')dnl"];
    default:
      return ["define(`_DPO_', `')dnl"];
  }
}

/** Lines before the include of cf.m4, where `#` still starts an m4 comment. */
function preIncludeLine(r: Random): string[] {
  return r.pick([
    [`# ${featureLine(r, 'promiscuous_relay')}`],
    [`# ${daemonOptionsLine(r)}`],
    ['divert(-1)dnl', "# Don't edit: it's generated, `really'", 'divert(0)dnl'],
    ["define(`_USE_ETC_MAIL_')dnl"],
    ['dnl leading dnl line'],
    ["# a header comment: `quoted' and it's fine"],
  ]);
}

export function generateMc(seed: number): GeneratedMc {
  const r = new Random(seed);
  const includesCf = r.chance(0.5);
  const lines: string[] = [];
  if (includesCf) {
    const pre = r.int(3);
    for (let i = 0; i < pre; i++) lines.push(...preIncludeLine(r));
    lines.push(`include(\`${CF_M4}')dnl`);
  } else if (r.chance(0.4)) {
    lines.push(`# ${featureLine(r, 'promiscuous_relay')}`);
  }
  if (r.chance(0.8)) lines.push("OSTYPE(`linux')dnl");
  const n = 1 + r.int(7);
  for (let i = 0; i < n; i++) lines.push(...bodyLine(r));
  if (r.chance(0.6)) lines.push("MAILER(`local')dnl", "MAILER(`smtp')dnl");
  return { name: `gen-${seed}.mc`, text: lines.join('\n') + '\n', includesCf };
}
