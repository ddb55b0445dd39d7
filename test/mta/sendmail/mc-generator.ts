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
  /** The verdict-level classes it exercises (for the counts by class). */
  classes?: Set<McClass>;
}

/**
 * Ways a .mc reaches (or undoes) promiscuous_relay other than a plain
 * FEATURE() call, confDAEMON_OPTIONS, and builds m4 fails.
 */
export type McClass = 'indirect-feature' | 'indirect-undefine' | 'eval' | 'conf-daemon-options' | 'build-fails';

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

const TREE = '/usr/share/sendmail/cf/';

/** promiscuous_relay by general m4 semantics: include of the tree's file, indir, builtin, defn aliases, `../`. */
function indirectFeature(r: Random): string[] {
  return r.pick([
    [`include(\`${TREE}feature/promiscuous_relay.m4')dnl`],
    [`sinclude(\`${TREE}feature/promiscuous_relay.m4')dnl`],
    ["include(_CF_DIR_`feature/promiscuous_relay.m4')dnl"],
    ["indir(`FEATURE', `promiscuous_relay')dnl"],
    ["builtin(`define', `_PROMISCUOUS_RELAY_', 1)dnl"],
    ["define(`OPEN', defn(`FEATURE'))dnl", "OPEN(`promiscuous_relay')dnl"],
    ["define(`D', defn(`define'))dnl", "D(`_PROMISCUOUS_RELAY_', `1')dnl"],
    ["HACK(`../feature/promiscuous_relay')dnl"],
    ["DOMAIN(`../feature/promiscuous_relay')dnl"],
    ["FEATURE(`../hack/../feature/promiscuous_relay')dnl"],
    ["m4wrap(`define(`_PROMISCUOUS_RELAY_', 1)')dnl"],
  ]);
}

/** One body line (after cf.m4 is available). */
function bodyLine(r: Random, classes: Set<McClass>, depth = 0): string[] {
  const k = r.int(30);
  switch (k) {
    case 22:
    case 23:
      classes.add('indirect-feature');
      return indirectFeature(r);
    case 24:
      classes.add('indirect-undefine');
      return [r.pick(["indir(`undefine', `_PROMISCUOUS_RELAY_')dnl", "builtin(`undefine', `_PROMISCUOUS_RELAY_')dnl", "define(`U', defn(`undefine'))U(`_PROMISCUOUS_RELAY_')dnl"])];
    case 25:
      classes.add('eval');
      return [`ifelse(eval(\`${r.pick(['2 * 3 > 5', '2 * 3 > 6', '0x10 == 16', '7 / 2 == 3', '1 << 33 == 2', '(1 + 2) * 3 % 4'])}'), \`1', \`FEATURE(\`promiscuous_relay')')dnl`];
    case 26:
    case 27:
      classes.add('conf-daemon-options');
      return [`define(\`confDAEMON_OPTIONS', \`${daemonOptionsText(r)}')dnl`];
    case 28:
      classes.add('build-fails');
      return [r.pick(["FEATURE(`no_such_feature')dnl", "include(_CF_DIR_`hack/nope.m4')dnl", "OSTYPE(`nonesuch')dnl", "FEATURE(`promiscuous_relay' )dnl", `include(\`${TREE}feature/nope.m4')dnl`])];
    case 29:
      classes.add('build-fails');
      return [r.pick([`sinclude(\`${TREE}feature/nope.m4')dnl`, "MAILER(`nonesuch')dnl"])];
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
      return ['divert(-1)', ...bodyLine(r, classes, depth + 1), ...bodyLine(r, classes, depth + 1), 'divert(0)dnl'];
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
  const classes = new Set<McClass>();
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
  for (let i = 0; i < n; i++) lines.push(...bodyLine(r, classes));
  if (r.chance(0.6)) lines.push("MAILER(`local')dnl", "MAILER(`smtp')dnl");
  return { name: `gen-${seed}.mc`, text: lines.join('\n') + '\n', includesCf, classes };
}
