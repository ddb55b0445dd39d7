/**
 * Reads an Exim runtime configuration the way Exim 4.96 does (readconf.c
 * readconf_main(), readconf_rest(), acl.c acl_read()), keeping every value's
 * origin. Returns data and diagnostics; a diagnostic is fatal when Exim
 * itself stops on the same input (`exim -bV` fails).
 */
import type { Span } from '../../model/span.js';
import { UNKNOWN_MARK } from '../../model/source.js';
import { ConfigReader, physicalSpan, type ConfigItem, type IncludeResolver, type Macro, type PhysicalLine } from './config-lines.js';
import { BOOLEAN_MAIN_OPTIONS, VALUE_MAIN_OPTIONS } from './main-options.js';
import { MappedText, MappedTextBuilder, isEximSpace } from './mapped-text.js';
import type { Acl, AclCondition, AclStatement, AclVerb, EximConfig, EximOption, EximRouter, NamedList, NamedListKind } from './model.js';
import type { Diagnostic } from '../../model/span.js';

const VERBS: ReadonlySet<string> = new Set(['accept', 'defer', 'deny', 'discard', 'drop', 'require', 'warn']);

/**
 * ACL conditions and modifiers of Exim 4.96 (acl.c conditions[]), in every
 * build: spf, spam, malware, dkim_*, dmarc_status... exist only in some, and
 * a build without them refuses them, but relaygate cannot know the build.
 * The value says whether it is a modifier (always true, never negated).
 */
const CONDITIONS: ReadonlyMap<string, boolean> = new Map([
  ['acl', false], ['add_header', true], ['authenticated', false], ['bmi_optin', true], ['condition', false],
  ['continue', true], ['control', true], ['dcc', false], ['decode', false], ['delay', true], ['dkim_signers', false],
  ['dkim_status', false], ['dmarc_status', false], ['dnslists', false], ['domains', false], ['encrypted', false],
  ['endpass', true], ['hosts', false], ['local_parts', false], ['log_message', true], ['log_reject_target', true],
  ['logwrite', true], ['malware', false], ['message', true], ['mime_regex', false], ['queue', true],
  ['ratelimit', false], ['recipients', false], ['regex', false], ['remove_header', true], ['seen', false],
  ['sender_domains', false], ['senders', false], ['set', true], ['spam', false], ['spf', false],
  ['spf_guess', false], ['udpsend', true], ['verify', false],
]);

/** readconf.c section_list, each name with a plural `s` added when missing. */
const SECTIONS: ReadonlySet<string> = new Set(['acls', 'authenticators', 'local_scans', 'retrys', 'rewrites', 'routers', 'transports']);
const DRIVER_SECTIONS: ReadonlyMap<string, string> = new Map([
  ['routers', 'router'],
  ['transports', 'transport'],
  ['authenticators', 'authenticator'],
]);

const NAMED_LISTS: readonly NamedListKind[] = ['domainlist', 'hostlist', 'addresslist', 'localpartlist'];

export interface ParseOptions {
  resolve?: IncludeResolver;
  /** Macros defined before the first line (those update-exim4.conf may add, when its settings are unknown). */
  macros?: Macro[];
}

export interface ParsedExim extends EximConfig {
  diagnostics: Diagnostic[];
  macros: Macro[];
  /** Files read through `.include`. */
  included: string[];
}

function isAlpha(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
}

function isNameChar(c: string | undefined): boolean {
  return isAlpha(c) || (c !== undefined && ((c >= '0' && c <= '9') || c === '_'));
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isEximSpace(text[i] as string)) i++;
  return i;
}

/** readconf_readname(): a name starting with a letter; at most 63 characters. */
function readName(text: string, from: number): { name: string; next: number; tooLong: boolean } {
  let i = skipSpace(text, from);
  const start = i;
  if (isAlpha(text[i])) while (isNameChar(text[i])) i++;
  const name = text.slice(start, i);
  return { name, next: skipSpace(text, i), tooLong: name.length > 63 };
}

/**
 * string_dequote(): a value in double quotes has C-like escapes processed
 * (string_interpret_escape) and must end with the closing quote.
 */
export function dequote(value: MappedText): { value: MappedText; error: string | null } {
  const text = value.text;
  if (!text.startsWith('"')) return { value, error: null };
  const out = new MappedTextBuilder();
  let i = 1;
  while (i < text.length && text[i] !== '"') {
    const origin = value.position(i) ?? { file: '', line: 1, column: 1 };
    if (text[i] === '\\' && i + 1 < text.length) {
      const escape = interpretEscape(text, i + 1);
      out.char(escape.char, origin.file, origin.line, origin.column);
      i = escape.next;
      continue;
    }
    out.char(text[i] as string, origin.file, origin.line, origin.column);
    i++;
  }
  if (i >= text.length) return { value: out.build(), error: 'missing quote at end of string value' };
  const rest = text.slice(i + 1).trim();
  if (rest !== '') return { value: out.build(), error: `extra characters follow string value ("${rest}")` };
  return { value: out.build(), error: null };
}

function interpretEscape(text: string, at: number): { char: string; next: number } {
  const c = text[at] as string;
  const simple: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  if (c in simple) return { char: simple[c] as string, next: at + 1 };
  if (c >= '0' && c <= '7') {
    let j = at;
    let n = 0;
    while (j < at + 3 && (text[j] ?? '8') >= '0' && (text[j] ?? '8') <= '7') n = n * 8 + Number(text[j++]);
    return { char: String.fromCharCode(n & 0xff), next: j };
  }
  if (c === 'x') {
    let j = at + 1;
    let n = 0;
    while (j < at + 3 && /^[0-9a-fA-F]$/.test(text[j] ?? '')) n = n * 16 + parseInt(text[j++] as string, 16);
    return { char: String.fromCharCode(n), next: j };
  }
  return { char: c, next: at + 1 };
}

class Parser {
  readonly options: EximOption[] = [];
  readonly lists: NamedList[] = [];
  readonly acls: Acl[] = [];
  readonly routers: EximRouter[] = [];
  routerIncludes = false;
  readonly mainIncludes: Span[] = [];
  readonly aclIncludes: Span[] = [];
  readonly unknowns: { span: Span; what: string }[] = [];
  private pending: ConfigItem | null = null;

  constructor(private readonly reader: ConfigReader) {}

  private read(): ConfigItem | null {
    if (this.pending !== null) {
      const p = this.pending;
      this.pending = null;
      return p;
    }
    return this.reader.next();
  }

  private fatal(span: Span, message: string): void {
    this.reader.fatal(span, message);
  }

  /** Column span of [from, to) in a logical line. */
  private at(line: { text: MappedText; span: Span }, from: number, to: number): Span {
    return line.text.span(from, to, line.span);
  }

  run(): void {
    let item = this.mainSection();
    const seen = new Set<string>();
    while (item !== null && !this.reader.stopped) {
      let name = item.name.toLowerCase();
      if (!name.endsWith('s')) name += 's';
      if (!SECTIONS.has(name)) {
        this.fatal(item.span, `"${item.name}" is not a known configuration section name`);
        return;
      }
      if (seen.has(name)) {
        this.fatal(item.span, `"${item.name}" section is repeated in the configuration file`);
        return;
      }
      seen.add(name);
      if (name === 'acls') item = this.aclSection();
      else if (DRIVER_SECTIONS.has(name)) item = this.driverSection(DRIVER_SECTIONS.get(name) as string);
      else item = this.skipSection();
    }
  }

  private mainSection(): (ConfigItem & { kind: 'begin' }) | null {
    const setOnce = new Map<string, EximOption>();
    for (;;) {
      const item = this.read();
      if (item === null || this.reader.stopped) return null;
      if (item.kind === 'begin') return item;
      if (item.kind === 'unknown-include') {
        this.mainIncludes.push(item.span);
        this.unknowns.push({ span: item.span, what: includeWhat(item.path) });
        continue;
      }
      const text = item.text.text;
      if (item.span.line === 1 && text.startsWith('\uFEFF')) {
        this.fatal(item.span, 'found unexpected BOM (Byte Order Mark)');
        return null;
      }
      if (text[0] !== undefined && text[0] >= 'A' && text[0] <= 'Z') {
        this.reader.defineMacro(item.text, item.maybe, item.span);
        continue;
      }
      const hide = text.startsWith('hide') && isEximSpace(text[4] ?? 'x');
      const from = hide ? 5 : 0;
      const kind = NAMED_LISTS.find((k) => text.startsWith(k, from));
      if (kind !== undefined) {
        this.namedList(item, kind, from + kind.length);
        continue;
      }
      this.option(item, setOnce);
    }
  }

  private namedList(item: ConfigItem & { kind: 'line' }, kind: NamedListKind, from: number): void {
    const text = item.text.text;
    let i = from;
    if (text.startsWith('_cache', i)) i += 6;
    if (!isEximSpace(text[i] ?? 'x')) {
      this.fatal(item.span, 'unrecognized configuration line');
      return;
    }
    i = skipSpace(text, i);
    const start = i;
    while (isNameChar(text[i])) i++;
    const name = text.slice(start, i);
    i = skipSpace(text, i);
    const sameKind = this.lists.filter((l) => l.kind === kind);
    if (sameKind.some((l) => l.name === name && !l.maybe) && !item.maybe) {
      this.fatal(item.span, `duplicate name "${name}" for a named ${kind.replace('list', ' list')}`);
      return;
    }
    if (text[i] !== '=') {
      this.fatal(item.span, `missing '=' after "${name}"`);
      return;
    }
    const raw = item.text.slice(skipSpace(text, i + 1));
    const { value, error } = dequote(raw);
    if (error !== null) {
      this.fatal(item.span, `${error} for ${name}`);
      return;
    }
    this.lists.push({ kind, name, value, span: item.span, maybe: item.maybe });
  }

  /** readconf_handle_option() for the main section. */
  private option(item: ConfigItem & { kind: 'line' }, setOnce: Map<string, EximOption>): void {
    const text = item.text.text;
    let i = skipSpace(text, 0);
    if (!isAlpha(text[i])) {
      this.fatal(item.span, `option setting expected: ${text}`);
      return;
    }
    let name = '';
    for (let n = 0; n < 2; n++) {
      const start = i;
      while (isNameChar(text[i])) i++;
      name = text.slice(start, i).slice(0, 63);
      i = skipSpace(text, i);
      if (name !== 'hide') break;
    }
    let bool = true;
    let offset = 0;
    if (name.startsWith('no_')) {
      bool = false;
      offset = 3;
    }
    if (name.startsWith('not_')) {
      bool = false;
      offset = 4;
    }
    const bare = name.slice(offset);
    const isBool = BOOLEAN_MAIN_OPTIONS.has(bare);
    if (!isBool && !VALUE_MAIN_OPTIONS.has(bare)) {
      this.fatal(item.span, `main option "${name}" unknown`);
      return;
    }
    const earlier = setOnce.get(bare);
    if (earlier !== undefined && !earlier.maybe && !item.maybe) {
      this.fatal(item.span, `"${name}" option set for the second time`);
      return;
    }
    let value: MappedText | null = null;
    if (!isBool) {
      if (offset !== 0) {
        this.fatal(item.span, 'negation prefix applied to a non-boolean option');
        return;
      }
      if (i >= text.length) {
        this.fatal(item.span, `unexpected end of line (data missing) after ${name}`);
        return;
      }
      if (text[i] !== '=') {
        this.fatal(item.span, `missing "=" after ${name}`);
        return;
      }
      const raw = item.text.slice(skipSpace(text, i + 1));
      const dq = dequote(raw);
      if (dq.error !== null) {
        this.fatal(item.span, `${dq.error} for ${name}`);
        return;
      }
      value = dq.value;
    } else if (i < text.length) {
      if (offset !== 0 || text[i] !== '=') {
        this.fatal(item.span, `extra characters follow boolean option ${name}`);
        return;
      }
      const word = text.slice(skipSpace(text, i + 1)).trim().toLowerCase();
      if (word === 'true' || word === 'yes') bool = true;
      else if (word === 'false' || word === 'no') bool = false;
      else if (!word.includes('\uE000')) {
        this.fatal(item.span, `"${word}" is not a valid value for the "${bare}" option`);
        return;
      }
      value = item.text.slice(skipSpace(text, i + 1));
    }
    const option: EximOption = { name: bare, value, bool: isBool ? bool : null, span: item.span, maybe: item.maybe };
    this.options.push(option);
    if (earlier === undefined || earlier.maybe) setOnce.set(bare, option);
  }

  /** readconf_acl(): `name:` starts an ACL; macro definitions may stand between ACLs. */
  private aclSection(): (ConfigItem & { kind: 'begin' }) | null {
    let item = this.read();
    while (item !== null && !this.reader.stopped) {
      if (item.kind === 'begin') return item;
      if (item.kind === 'unknown-include') {
        this.aclIncludes.push(item.span);
        this.unknowns.push({ span: item.span, what: includeWhat(item.path) });
        item = this.read();
        continue;
      }
      const text = item.text.text;
      const { name, next } = readName(text, 0);
      if (name !== '' && name[0] !== undefined && name[0] >= 'A' && name[0] <= 'Z' && text[next] === '=') {
        this.reader.defineMacro(item.text, item.maybe, item.span);
        item = this.read();
        continue;
      }
      if (text[next] !== ':' || name === '') {
        this.fatal(item.span, 'missing or malformed ACL name');
        return null;
      }
      if (this.acls.some((a) => a.name === name && !a.maybe) && !item.maybe) {
        this.fatal(item.span, `there are two ACLs called "${name}"`);
        return null;
      }
      const acl: Acl = { name, statements: [], span: this.at(item, 0, next + 1), maybe: item.maybe };
      this.acls.push(acl);
      // acl_read() starts at the next line: anything after `name:` is ignored.
      item = this.aclBody(acl, null);
    }
    return null;
  }

  /** The statements of an ACL given as option text; a `name:` line there is an error. */
  inlineAcl(acl: Acl): void {
    const stop = this.aclBody(acl, null);
    if (stop !== null) this.fatal(stop.span, 'unexpected line in an inline ACL');
  }

  /** acl_read(): statements until the next `name:` or macro definition. */
  private aclBody(acl: Acl, firstLine: ConfigItem | null): ConfigItem | null {
    let current: AclStatement | null = null;
    let item: ConfigItem | null = firstLine ?? this.read();
    while (item !== null && !this.reader.stopped) {
      if (item.kind !== 'line') {
        if (item.kind === 'unknown-include') {
          this.unknowns.push({ span: item.span, what: includeWhat(item.path) });
          acl.statements.push({ verb: null, conditions: [], span: item.span, maybe: item.maybe });
          current = null;
          item = this.read();
          continue;
        }
        return item;
      }
      const text = item.text.text;
      let i = skipSpace(text, 0);
      let negated = false;
      if (text[i] === '!') {
        negated = true;
        i++;
      }
      const nameStart = skipSpace(text, i);
      const read = readName(text, i);
      const tooLong = read.tooLong;
      let { name, next } = read;
      if (tooLong) {
        this.fatal(item.span, `exim item name too long (>64), unable to use "${name.slice(0, 63)}" (truncated)`);
        return null;
      }
      if (text[next] === ':' || (name[0] !== undefined && name[0] >= 'A' && name[0] <= 'Z' && text[next] === '=')) return item;
      if (VERBS.has(name)) {
        if (negated) {
          this.fatal(item.span, `error in ACL: malformed ACL line "${text}"`);
          return null;
        }
        current = { verb: name as AclVerb, conditions: [], span: this.at(item, nameStart, next > nameStart ? nameStart + name.length : nameStart + 1), maybe: item.maybe };
        acl.statements.push(current);
        if (next >= text.length) {
          item = this.read();
          continue;
        }
        i = next;
        if (text[i] === '!') {
          negated = true;
          i++;
        }
        ({ name, next } = readName(text, i));
      } else if (current === null) {
        this.fatal(item.span, `error in ACL: unknown ACL verb "${name}" in "${text}"`);
        return null;
      }
      const conditionStart = skipSpace(text, i);
      const modifier = CONDITIONS.get(name);
      if (modifier === undefined) {
        this.fatal(item.span, `error in ACL: unknown ACL condition/modifier in "${text}"`);
        return null;
      }
      if (negated && modifier) {
        this.fatal(item.span, `error in ACL: ACL error: negation is not allowed with "${name}"`);
        return null;
      }
      if (name === 'endpass' && current.verb !== 'accept' && current.verb !== 'discard') {
        this.fatal(item.span, `error in ACL: ACL error: "endpass" is not allowed with "${current.verb}"`);
        return null;
      }
      let arg: MappedText | null = null;
      if (name === 'set') {
        const variable = /^(acl_[cm][0-9_][A-Za-z0-9_]*|dkim_verify_(?:status|reason))/.exec(text.slice(next));
        if (variable === null) {
          this.fatal(item.span, `error in ACL: invalid variable name after "set" in ACL modifier "set ${text.slice(next)}"`);
          return null;
        }
        next = skipSpace(text, next + (variable[1] as string).length);
      }
      if (name !== 'endpass') {
        if (text[next] !== '=') {
          this.fatal(item.span, `error in ACL: "=" missing after ACL "${name}" ${modifier ? 'modifier' : 'condition'}`);
          return null;
        }
        arg = item.text.slice(skipSpace(text, next + 1));
      }
      const condition: AclCondition = { name, negated, arg, modifier, span: this.at(item, conditionStart - (negated ? 1 : 0), text.length) };
      current.conditions.push(condition);
      if (item.maybe && !current.maybe) {
        // A condition that may not be there: the statement's meaning is uncertain.
        current.maybe = true;
      }
      item = this.read();
    }
    return item;
  }

  /** Routers, transports, authenticators: instances start with `name:`; each needs a driver. */
  private driverSection(kind: string): (ConfigItem & { kind: 'begin' }) | null {
    const names = new Set<string>();
    let current: { name: string; span: Span; driver: boolean; maybe: boolean } | null = null;
    const finish = (): boolean => {
      if (current !== null && !current.driver && !current.maybe) {
        this.fatal(current.span, `no driver defined for ${kind} ${current.name}`);
        return false;
      }
      return true;
    };
    for (;;) {
      const item = this.read();
      if (item === null || this.reader.stopped) {
        finish();
        return null;
      }
      if (item.kind === 'begin') return finish() ? item : null;
      if (item.kind === 'unknown-include') {
        this.unknowns.push({ span: item.span, what: includeWhat(item.path) });
        if (current !== null) current.driver = true;
        if (kind === 'router') this.routerIncludes = true;
        continue;
      }
      const text = item.text.text;
      const { name, next } = readName(text, 0);
      if (name[0] !== undefined && name[0] >= 'A' && name[0] <= 'Z' && text[next] === '=') {
        if (!finish()) return null;
        current = null;
        this.reader.defineMacro(item.text, item.maybe, item.span);
        continue;
      }
      if (text[next] === ':') {
        if (!finish()) return null;
        if (names.has(name) && !item.maybe) {
          this.fatal(item.span, `there are two ${kind}s called "${name}"`);
          return null;
        }
        names.add(name);
        if (text.slice(next + 1).trim() !== '') {
          this.fatal(item.span, `extra characters follow driver name ${name}`);
          return null;
        }
        current = { name, span: item.span, driver: false, maybe: item.maybe };
        if (kind === 'router') this.routers.push({ name, driver: null, domains: null, span: item.span, maybe: item.maybe });
        continue;
      }
      if (current === null) {
        this.fatal(item.span, `${kind} name missing`);
        return null;
      }
      if (name === 'driver' || item.maybe) current.driver = true;
      const router = kind === 'router' ? this.routers[this.routers.length - 1] : undefined;
      if (router !== undefined && text[next] === '=') {
        const value = item.text.slice(skipSpace(text, next + 1));
        if (name === 'driver') router.driver = value.text.trim();
        if (name === 'domains') router.domains = value;
      }
    }
  }

  private skipSection(): (ConfigItem & { kind: 'begin' }) | null {
    for (;;) {
      const item = this.read();
      if (item === null || this.reader.stopped) return null;
      if (item.kind === 'begin') return item;
      if (item.kind === 'line') {
        const { name, next } = readName(item.text.text, 0);
        if (name[0] !== undefined && name[0] >= 'A' && name[0] <= 'Z' && item.text.text[next] === '=') {
          this.reader.defineMacro(item.text, item.maybe, item.span);
        }
      }
    }
  }
}

/** Reads physical lines (one file, or several concatenated) as Exim's runtime configuration. */
export function parseEximLines(lines: PhysicalLine[], options: ParseOptions = {}): ParsedExim {
  const reader = new ConfigReader(lines, options.resolve);
  for (const m of options.macros ?? []) reader.seedMacro(m);
  const parser = new Parser(reader);
  parser.run();
  const firstLine = lines[0];
  // A generated first line (update-exim4.conf's macros) stands for the setting it comes from.
  const start: Span = firstLine?.mapped !== undefined
    ? physicalSpan(firstLine)
    : firstLine
    ? { file: firstLine.file, line: 1, column: 1, endLine: 1, endColumn: Math.max(2, firstLine.text.length + 1) }
    : { file: '', line: 1, column: 1, endLine: 1, endColumn: 2 };
  return {
    options: parser.options,
    lists: parser.lists,
    acls: parser.acls,
    routers: parser.routers,
    routerIncludes: parser.routerIncludes,
    mainIncludes: parser.mainIncludes,
    aclIncludes: parser.aclIncludes,
    unknowns: [...parser.unknowns, ...reader.undecided.map((span) => ({ span, what: 'a conditional on a macro relaygate cannot resolve' }))],
    start,
    diagnostics: reader.diagnostics,
    macros: reader.macros,
    included: reader.included,
  };
}

/** What an include relaygate cannot read stands for, for the unknowns' list. */
function includeWhat(path: string): string {
  if (path === UNKNOWN_MARK) return 'template text relaygate did not render (a branch whose condition it cannot decide)';
  if (path.includes(UNKNOWN_MARK)) return '.include of a file whose name relaygate cannot resolve';
  if (path.length > 14 && path.startsWith('DEBCONF') && path.endsWith('DEBCONF')) return `${path}, which update-exim4.conf replaces with text relaygate cannot tell`;
  return `.include ${path} (not in the repository)`;
}

/**
 * An ACL given as text in an option (`acl_smtp_rcpt = accept`): acl_read()
 * on its lines, as acl_check_internal() does at run time.
 */
export function parseAclText(text: MappedText): { statements: AclStatement[]; error: string | null } {
  const lines: PhysicalLine[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.text[i] === '\n') {
      const piece = text.slice(start, i);
      const origin = piece.position(0) ?? text.position(0);
      lines.push({ text: piece.text, file: origin?.file ?? '', line: origin?.line ?? 1, mapped: piece });
      start = i + 1;
    }
  }
  const reader = new ConfigReader(lines);
  const parser = new Parser(reader);
  const acl: Acl = { name: 'inline ACL', statements: [], span: text.span(), maybe: false };
  parser.inlineAcl(acl);
  const fatal = reader.diagnostics.find((d) => d.fatal);
  return { statements: acl.statements, error: fatal?.message ?? null };
}
