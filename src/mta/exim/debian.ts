/**
 * What Debian's update-exim4.conf (exim4-config 4.96) builds from
 * update-exim4.conf.conf and the configuration files beside it:
 *
 * - dc_use_split_config=true: the files of conf.d/main, acl, router,
 *   transport, retry, rewrite and auth, each folder in `ls` order (C
 *   collation), only names made of letters, digits, `_` and `-`, a `NAME.rul`
 *   file replacing NAME; otherwise exim4.conf.localmacros followed by
 *   exim4.conf.template;
 * - right after each line starting with `UPEX4CmacrosUPEX4C`, macro
 *   definitions made from the dc_* settings, each as
 *   `.ifndef NAME` / `NAME=value` / `.endif` (so a macro the files define
 *   earlier wins);
 * - values are lower-cased, white space runs become one space, characters
 *   other than `-0-9A-Za-z/.!*@_~:;< []` become `_`; a value containing `;`
 *   gets a `<; ` in front unless it starts with `<`; dc_relay_nets gets the
 *   loopback addresses added (` : 127.0.0.1 : ::::1`, or ` ; 127.0.0.1 ; ::1`
 *   in a `<;` list);
 * - dc_local_interfaces becomes MAIN_LOCAL_INTERFACES only when not empty;
 * - a dc_eximconfig_configtype other than internet, smarthost, satellite
 *   and local (`none`) writes the files without any macro definitions;
 * - every line of update-exim4.conf.conf that starts with an upper-case
 *   letter becomes a macro too.
 *
 * When the repository has update-exim4.conf.conf but no template or conf.d
 * tree, the configuration is Debian's packaged one; relaygate judges it with
 * the relay policy of the packaged acl_check_rcpt (see PACKAGED_POLICY).
 */
import { UNKNOWN_MARK } from '../../model/source.js';
import type { Span } from '../../model/span.js';
import type { Macro, PhysicalLine } from './config-lines.js';
import { splitPhysicalLines } from './config-lines.js';
import { type Debconf, debconfValue } from './debconf.js';
import { MappedText, MappedTextBuilder, type TextPosition } from './mapped-text.js';

export const DEBIAN_SECTIONS = ['main', 'acl', 'router', 'transport', 'retry', 'rewrite', 'auth'] as const;

export type DebianSection = (typeof DEBIAN_SECTIONS)[number];

export interface DebianPart {
  section: DebianSection;
  name: string;
  file: string;
  text: string;
}

/** Files update-exim4.conf's run_parts() takes from one conf.d folder, in its order. */
export function runParts(parts: readonly DebianPart[]): DebianPart[] {
  const byName = new Map(parts.map((p) => [p.name, p]));
  const chosen: DebianPart[] = [];
  for (const p of [...parts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!/^[A-Za-z0-9_-]+$/.test(p.name)) continue;
    chosen.push(byName.get(`${p.name}.rul`) ?? p);
  }
  return chosen;
}

/** One character of a value, and where it comes from. */
type Char = { c: string; at: TextPosition };

function chars(text: MappedText): Char[] {
  const out: Char[] = [];
  for (let i = 0; i < text.length; i++) out.push({ c: text.text[i] as string, at: text.position(i) ?? { file: '', line: 1, column: 1 } });
  return out;
}

function join(list: Char[]): MappedText {
  const out = new MappedTextBuilder();
  for (const ch of list) out.char(ch.c, ch.at.file, ch.at.line, ch.at.column);
  return out.build();
}

/** `echo $x`: unquoted expansion splits words; echo joins them with one space. */
function words(list: Char[]): Char[] {
  const out: Char[] = [];
  let pending: Char | null = null;
  for (const ch of list) {
    if (ch.c === ' ' || ch.c === '\t' || ch.c === '\n') {
      if (out.length > 0) pending ??= { c: ' ', at: ch.at };
      continue;
    }
    if (pending !== null) out.push(pending);
    pending = null;
    out.push(ch);
  }
  return out;
}

const ALLOWED = /[-0-9A-Za-z/.!*@_~:;< [\]]/;

/** lowercase + check_ascii_pipe(). */
function sanitize(list: Char[]): Char[] {
  return words(words(list).map((ch) => {
    if (ch.c === UNKNOWN_MARK) return ch;
    const lower = ch.c >= 'A' && ch.c <= 'Z' ? ch.c.toLowerCase() : ch.c;
    return { c: ALLOWED.test(lower) && lower.length === 1 ? lower : '_', at: ch.at };
  }));
}

function literal(text: string, at: TextPosition): Char[] {
  return [...text].map((c) => ({ c, at }));
}

export interface DebianSeed {
  lines: PhysicalLine[];
  /** Settings that shell code or expansions make unknown. */
  unknown: Span[];
  configtype: string;
  /** No macros at all: the files are used as they are. */
  none: boolean;
  /** dc_eximconfig_configtype is unknown: the macros may or may not be written. */
  undecided: boolean;
}

/** The macro definitions update-exim4.conf writes after the UPEX4CmacrosUPEX4C line. */
export function debianSeed(conf: Debconf): DebianSeed {
  const unknown: Span[] = [];
  const get = (name: string): { list: Char[]; anchor: TextPosition } => {
    const v = debconfValue(conf, name);
    const anchorSpan = v.span ?? { file: conf.file, line: 1, column: 1, endLine: 1, endColumn: 2 };
    const anchor: TextPosition = { file: anchorSpan.file, line: anchorSpan.line, column: anchorSpan.column };
    let list = chars(v.value);
    if (v.unknown) {
      unknown.push(anchorSpan);
      list = [{ c: UNKNOWN_MARK, at: anchor }];
    }
    return { list, anchor };
  };
  const semicolon = (name: string): { list: Char[]; anchor: TextPosition } => {
    const v = get(name);
    const text = words(v.list).map((c) => c.c).join('');
    if (text.includes(';') && !text.startsWith('<')) return { list: [...literal('<; ', v.anchor), ...v.list], anchor: v.anchor };
    return v;
  };
  const localInterfaces = semicolon('dc_local_interfaces');
  const relayNets = semicolon('dc_relay_nets');
  const relayDomains = semicolon('dc_relay_domains');
  const configtype = sanitize(get('dc_eximconfig_configtype').list).map((c) => c.c).join('');
  const lines: PhysicalLine[] = [];
  const undecided = configtype.includes(UNKNOWN_MARK);
  const none = !['satellite', 'smarthost', 'local', 'internet'].includes(configtype) && !undecided;
  if (none || undecided) return { lines, unknown, configtype, none, undecided };
  const seed = (name: string, value: Char[], p: TextPosition): void => {
    const at = MappedText.pinned(name, p.file, p.line, p.column);
    const body = join(sanitize(value));
    lines.push({ text: `.ifndef ${name}`, file: p.file, line: p.line, mapped: MappedText.pinned(`.ifndef ${name}`, p.file, p.line, p.column) });
    const definition = at.concat(MappedText.pinned('=', p.file, p.line, p.column)).concat(body);
    lines.push({ text: definition.text, file: p.file, line: p.line, mapped: definition });
    lines.push({ text: '.endif', file: p.file, line: p.line, mapped: MappedText.pinned('.endif', p.file, p.line, p.column) });
  };
  const relayNetsSanitized = sanitize(relayNets.list);
  const nets = relayNetsSanitized.map((c) => c.c).join('').startsWith('<;')
    ? [...relayNetsSanitized, ...literal(' ; 127.0.0.1 ; ::1', relayNets.anchor)]
    : [...relayNetsSanitized, ...literal(' : 127.0.0.1 : ::::1', relayNets.anchor)];
  const unknownHere = (name: string): Char[] => [{ c: UNKNOWN_MARK, at: get(name).anchor }];
  if (words(localInterfaces.list).length > 0) seed('MAIN_LOCAL_INTERFACES', localInterfaces.list, localInterfaces.anchor);
  const minimal = sanitize(get('dc_minimaldns').list).map((c) => c.c).join('');
  if (minimal === 'true' || minimal.includes(UNKNOWN_MARK)) {
    seed('DC_minimaldns', literal('1', get('dc_minimaldns').anchor), get('dc_minimaldns').anchor);
    // `hostname --fqdn` of the machine that runs update-exim4.conf.
    seed('MAIN_HARDCODE_PRIMARY_HOSTNAME', unknownHere('dc_minimaldns'), get('dc_minimaldns').anchor);
  }
  seed('MAIN_PACKAGE_VERSION', literal('4.96-15', get('dc_eximconfig_configtype').anchor), get('dc_eximconfig_configtype').anchor);
  const others = sanitize(get('dc_other_hostnames').list);
  let domains = [...literal('@:localhost:', get('dc_other_hostnames').anchor), ...others];
  // sed -e 's/[;: ]*$//' -e 's/ *//' -e 's/;/:/g'
  while (domains.length > 0 && ';: '.includes((domains[domains.length - 1] as Char).c)) domains.pop();
  const space = domains.findIndex((c) => c.c === ' ');
  if (space >= 0) {
    let end = space;
    while (domains[end]?.c === ' ') end++;
    domains = [...domains.slice(0, space), ...domains.slice(end)];
  }
  domains = domains.map((c) => (c.c === ';' ? { c: ':', at: c.at } : c));
  seed('MAIN_LOCAL_DOMAINS', domains, get('dc_other_hostnames').anchor);
  seed('MAIN_RELAY_TO_DOMAINS', relayDomains.list, relayDomains.anchor);
  // The first word of the machine's /etc/mailname.
  seed('ETC_MAILNAME', unknownHere('dc_eximconfig_configtype'), get('dc_eximconfig_configtype').anchor);
  const delivery = get('dc_localdelivery');
  seed('LOCAL_DELIVERY', delivery.list.length > 0 ? delivery.list : literal('mail_spool', delivery.anchor), delivery.anchor);
  seed('MAIN_RELAY_NETS', nets, relayNets.anchor);
  seed('DCreadhost', get('dc_readhost').list, get('dc_readhost').anchor);
  seed('DCsmarthost', get('dc_smarthost').list.map((c) => (c.c === ';' ? { c: ':', at: c.at } : c)), get('dc_smarthost').anchor);
  const type = get('dc_eximconfig_configtype');
  seed('DC_eximconfig_configtype', type.list, type.anchor);
  seed(`DCconfig_${configtype}`, literal('1', type.anchor), type.anchor);
  for (const [name, setting] of conf.settings) {
    if (!/^[A-Z]/.test(name) || name === 'CFILEMODE') continue;
    seed(name, chars(setting.value), { file: setting.span.file, line: setting.span.line, column: setting.span.column });
  }
  return { lines, unknown, configtype, none, undecided };
}

/**
 * The macros update-exim4.conf would define when its settings are not in
 * the repository: each may or may not be defined, with a value relaygate
 * cannot know.
 */
export function unknownDebianMacros(anchor: Span): Macro[] {
  const names = [
    'MAIN_LOCAL_INTERFACES', 'DC_minimaldns', 'MAIN_HARDCODE_PRIMARY_HOSTNAME', 'HIDE_MAILNAME', 'MAIN_PACKAGE_VERSION',
    'MAIN_LOCAL_DOMAINS', 'MAIN_RELAY_TO_DOMAINS', 'ETC_MAILNAME', 'LOCAL_DELIVERY', 'MAIN_RELAY_NETS', 'DCreadhost',
    'DCsmarthost', 'DC_eximconfig_configtype', 'DCconfig_internet', 'DCconfig_smarthost', 'DCconfig_satellite', 'DCconfig_local',
  ];
  return names.map((name) => ({ name, value: MappedText.of(UNKNOWN_MARK, anchor.file, anchor.line, anchor.column), defined: 'maybe', span: anchor }));
}

/** Inserts the seeded definitions after every UPEX4CmacrosUPEX4C line (update-exim4.conf's sed). */
export function withSeed(lines: PhysicalLine[], seed: PhysicalLine[]): PhysicalLine[] {
  if (seed.length === 0) return lines;
  const out: PhysicalLine[] = [];
  for (const line of lines) {
    out.push(line);
    if (line.text.startsWith('UPEX4CmacrosUPEX4C')) out.push(...seed);
  }
  return out;
}

/** The section each conf.d folder starts with its `00_exim4-config_header` (exim4-config 4.96). */
const SECTION_BEGIN: Readonly<Record<DebianSection, string | null>> = {
  main: null,
  acl: 'begin acl',
  router: 'begin routers',
  transport: 'begin transports',
  retry: 'begin retry',
  rewrite: 'begin rewrite',
  auth: 'begin authenticators',
};

const BEGIN_LINE = /^[ \t]*begin[ \t]/m;

/**
 * Is this tree only part of the one update-exim4.conf joins? The package's
 * own files start every folder but main with a header holding `begin
 * SECTION`; a tree whose folder lacks that line, or that has no main
 * folder, was put over files the repository does not hold (the packaged
 * conf.d, a base image's): fragments deployed into /etc/exim4/conf.d/.
 */
function partialTree(parts: readonly DebianPart[]): boolean {
  if (!parts.some((p) => p.section === 'main')) return true;
  return DEBIAN_SECTIONS.some((section) => {
    const own = parts.filter((p) => p.section === section);
    return section !== 'main' && own.length > 0 && !own.some((p) => BEGIN_LINE.test(p.text));
  });
}

/**
 * The split tree as one stream of lines; a blank line after each file ends
 * any continuation, as update-exim4.conf's echo does. A partial tree is
 * read as update-exim4.conf joins it on the machine: each fragment in the
 * section its folder names (after that folder's `begin` line), every
 * folder with files relaygate cannot see (an unknown include each, at the
 * first fragment's first character).
 */
export function splitTreeLines(parts: readonly DebianPart[]): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  const partial = partialTree(parts);
  const anchor = [...parts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))[0];
  const generated = (text: string): PhysicalLine =>
    anchor === undefined ? { text, file: '', line: 1 } : { text, file: anchor.file, line: 1, mapped: MappedText.pinned(text, anchor.file, 1, 1) };
  for (const section of DEBIAN_SECTIONS) {
    const chosen = runParts(parts.filter((p) => p.section === section));
    if (partial && anchor !== undefined) {
      const begin = SECTION_BEGIN[section];
      if (begin !== null && !chosen.some((p) => BEGIN_LINE.test(p.text))) lines.push(generated(begin));
      const unknown = `/etc/exim4/conf.d/${section}/*`;
      lines.push({ ...generated(`.include ${unknown}`), unknown });
    }
    for (const part of chosen) {
      const own = splitPhysicalLines({ file: part.file, text: part.text });
      lines.push(...own);
      lines.push({ text: '', file: part.file, line: own.length + 1 });
    }
  }
  return lines;
}

/**
 * The relay policy of Debian's packaged configuration (exim4-config 4.96:
 * main/01_exim4-config_listmacrosdefs, main/02_exim4-config_options,
 * acl/30_exim4-config_check_rcpt), reduced to what decides relaying: the
 * named lists and local_interfaces built from the macros, then the RCPT ACL
 * statements that accept (postmaster of a local or relay domain, hosts in
 * relay_from_hosts, authenticated clients, relay domains) before the
 * `require domains = +local_domains : +relay_to_domains` that refuses
 * everything else. The statements in between only deny. Every configuration
 * type routes the domains that get that far (dnslookup or the smarthost for
 * other domains, and relay_to_domains in a `local` one): one router stands
 * for them, so recipient verification can succeed.
 */
export const PACKAGED_POLICY = [
  'UPEX4CmacrosUPEX4C = 1',
  'domainlist local_domains = MAIN_LOCAL_DOMAINS',
  'domainlist relay_to_domains = MAIN_RELAY_TO_DOMAINS',
  'hostlist relay_from_hosts = MAIN_RELAY_NETS',
  '.ifdef MAIN_LOCAL_INTERFACES',
  'local_interfaces = MAIN_LOCAL_INTERFACES',
  '.endif',
  'acl_smtp_rcpt = acl_check_rcpt',
  'begin acl',
  'acl_check_rcpt:',
  '  accept hosts = :',
  '  accept local_parts = postmaster',
  '         domains = +local_domains : +relay_to_domains',
  '  accept hosts = +relay_from_hosts',
  '  accept authenticated = *',
  '  require message = relay not permitted',
  '          domains = +local_domains : +relay_to_domains',
  '  require verify = recipient',
  '  accept domains = +relay_to_domains',
  '         endpass',
  '         verify = recipient',
  '  accept',
  'begin routers',
  'remote:',
  '  driver = dnslookup',
  '  domains = ! +local_domains',
];

/** The packaged policy as lines of the update-exim4.conf.conf they stand for. */
export function packagedLines(anchor: Span): PhysicalLine[] {
  return PACKAGED_POLICY.map((text) => ({
    text,
    file: anchor.file,
    line: anchor.line,
    mapped: MappedText.pinned(text, anchor.file, anchor.line, anchor.column),
  }));
}
