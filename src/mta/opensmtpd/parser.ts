/**
 * smtpd.conf as OpenSMTPD 6.8 (parse.y) reads it, with the checks it makes
 * while parsing: names must be declared before use (actions, tables,
 * filters, processes), each option once per statement, tables of the right
 * kind for their use, `auth` and `pki` on a listener only with TLS. Every
 * error is fatal (smtpd -n exits 1); after a syntax error parse.y skips to
 * the end of the line and goes on, so every error of a file is reported.
 *
 * What depends on the machine (whether an interface exists, a host name
 * resolves, a table file or certificate can be read) is not checked.
 */
import type { Diagnostic, Span } from '../../model/span.js';
import { UNKNOWN_MARK } from '../../model/source.js';
import { Lexer, type LexFile, type Token } from './lexer.js';
import type { ActionKind, MatchCondition, MatchRule, SmtpdConfig, SmtpdListener, SmtpdTable, TableEntry, TlsMode } from './model.js';

export type SmtpdIncludeResolver = (path: string, fromFile: string) => LexFile | null;

class Abort extends Error {}

/** A statement could not be parsed: skip to its end (yacc's `grammar error '\n'`). */
class SyntaxError_ extends Error {
  constructor(
    readonly token: Token,
    message: string,
  ) {
    super(message);
  }
}

const MAX_INCLUDES = 16;
const SMTPD_TAG_SIZE = 32;

/** Service names getservbyname() finds in Debian's /etc/services for TCP that mail servers use. */
const SERVICES: ReadonlyMap<string, number> = new Map([
  ['smtp', 25], ['submission', 587], ['submissions', 465], ['urd', 465], ['ssmtp', 465], ['lmtp', 24], ['http', 80], ['https', 443],
]);

function delayToNum(text: string): number {
  const m = /^(\d+)([smhd])$/.exec(text);
  if (m === null) return -1;
  const factor = { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
  const n = Number(m[1]);
  if (n < 1 || n > Math.floor(2147483647 / factor)) return -1;
  return n * factor;
}

/** res_hnok(): a host name of letters, digits, `-`, `_` and dots. */
function hostnameOk(name: string): boolean {
  return /^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?$/.test(name);
}

export class SmtpdParser {
  readonly diagnostics: Diagnostic[] = [];
  readonly config: SmtpdConfig = {
    listeners: [],
    actions: new Map(),
    rules: [],
    tables: new Map(),
    includes: [],
    legacy: [],
    unknowns: [],
  };
  private readonly macros = new Map<string, string>();
  private readonly filters = new Map<string, { proc: string | null; chain: boolean }>();
  private readonly procs = new Set<string>();
  private readonly pkis = new Set<string>();
  private readonly cas = new Set<string>();
  private readonly wrappers = new Set<string>();
  private srsKey = false;
  private socketListener = false;
  private readonly lexer: Lexer;
  private look: Token;
  private lexErrors = 0;
  /** The statement being read has a value relaygate could not resolve. */
  private statementUnknown = false;
  private tableCount = 0;

  constructor(
    top: LexFile,
    private readonly resolve: SmtpdIncludeResolver = () => null,
  ) {
    this.lexer = new Lexer(top, (name) => {
      const value = this.macros.get(name);
      return value === undefined ? null : { value };
    });
    this.look = this.read();
  }

  private read(): Token {
    const t = this.lexer.next();
    while (this.lexErrors < this.lexer.errors.length) {
      const e = this.lexer.errors[this.lexErrors++] as { span: Span; message: string };
      this.diagnostics.push({ file: e.span.file, line: e.span.line, column: e.span.column, message: e.message, fatal: true });
    }
    if (t.text.includes(UNKNOWN_MARK)) this.config.unknowns.push({ span: t.span, what: 'a value relaygate could not resolve' });
    return t;
  }

  private advance(): Token {
    const t = this.look;
    if (t.text.includes(UNKNOWN_MARK)) this.statementUnknown = true;
    this.prevSpan = t.span;
    this.look = this.read();
    return t;
  }

  private is(kind: string): boolean {
    return this.look.kind === kind;
  }

  private accept(kind: string): Token | null {
    return this.is(kind) ? this.advance() : null;
  }

  private expect(kind: string): Token {
    if (this.is(kind)) return this.advance();
    throw new SyntaxError_(this.look, 'syntax error');
  }

  /** yyerror() for a semantic check: the statement fails, parsing goes on. */
  private fail(message: string, at: Token | Span = this.look): never {
    const token = 'kind' in at ? at : ({ kind: 'string', text: '', span: at } as Token);
    throw new SyntaxError_(token, message);
  }

  /** errx()/fatalx(): smtpd exits at once. */
  private fatal(message: string, span: Span): never {
    this.diagnostics.push({ file: span.file, line: span.line, column: span.column, message, fatal: true });
    throw new Abort(message);
  }

  parse(): void {
    try {
      while (!this.is('eof')) {
        const first = this.look;
        this.statementUnknown = first.text.includes(UNKNOWN_MARK);
        const made = { rules: this.config.rules.length, listeners: this.config.listeners.length };
        try {
          this.statement();
        } catch (e) {
          if (!(e instanceof SyntaxError_)) throw e;
          const at = e.token.span;
          if (this.statementUnknown || e.token.text.includes(UNKNOWN_MARK)) {
            // What the statement made before it failed is not known either: the unknown statement stands for it.
            this.config.rules.length = made.rules;
            this.config.listeners.length = made.listeners;
            this.unknownStatement(first, e.message);
          }
          else this.diagnostics.push({ file: at.file, line: at.line, column: at.column, message: e.message, fatal: true });
          // Skip to the end of the statement; an error token already ate its line.
          if (e.token.kind === 'error' && this.look === e.token) this.advance();
          while (!this.is('nl') && !this.is('eof')) this.advance();
          this.accept('nl');
        }
      }
      if (this.config.rules.length === 0) {
        const span = { file: this.lexer.file, line: 1, column: 1, endLine: 1, endColumn: 2 };
        // A file of pre-6.4 rules has its own message; "no rules" would only repeat it.
        if (this.config.includes.length === 0 && this.config.legacy.length === 0) {
          this.diagnostics.push({ file: span.file, line: 1, column: 1, message: 'no rules, nothing to do (OpenSMTPD needs at least one match rule)', fatal: true });
        }
      }
    } catch (e) {
      if (!(e instanceof Abort)) throw e;
    }
  }

  /**
   * A statement that does not parse because a template value is unknown:
   * not an error of the file, but a rule or listener relaygate cannot know.
   */
  private unknownStatement(first: Token, message: string): void {
    const span = first.span;
    this.config.unknowns.push({ span, what: `a statement with unresolved values (${message})` });
    // A statement whose first word is unknown may be any statement: a match rule, a listener.
    const any = first.text.includes(UNKNOWN_MARK);
    if (first.kind === 'match' || any) this.config.rules.push({ conditions: [], action: null, span, defaultFrom: false, defaultFor: false, unknown: true });
    if (first.kind === 'listen' || any) this.config.listeners.push({ kind: 'interface', on: '', port: null, family: null, tls: 'none', auth: 'none', tag: null, span, onSpan: span, unknown: true });
    if (first.kind === 'action') this.unknownActions = true;
    if (first.kind === 'pki' || first.kind === 'ca') this.unknownNames.add(first.kind);
    if (first.kind === 'table') this.unknownTables = true;
  }

  private unknownActions = false;
  private readonly unknownNames = new Set<string>();
  private unknownTables = false;

  private endOfStatement(): void {
    if (this.is('eof')) return;
    this.expect('nl');
  }

  private statement(): void {
    const t = this.look;
    switch (t.kind) {
      case 'nl':
        this.advance();
        return;
      case 'include':
        return this.include();
      case 'string':
        return this.varset();
      case 'reject':
      case 'limit':
        return this.legacy(null);
      case 'bounce':
        this.advance();
        this.expect('warn-interval');
        do {
          const d = this.expect('string');
          if (delayToNum(d.text) < 0) this.fail(`invalid bounce delay: ${d.text}`, d);
        } while (this.accept(','));
        return this.endOfStatement();
      case 'admd': {
        this.advance();
        const s = this.expect('string');
        if (!/^[\x20-\x7e]*$/.test(s.text)) this.fail('not a valid admd', s);
        return this.endOfStatement();
      }
      case 'ca':
        return this.caOrPki('ca');
      case 'pki':
        return this.caOrPki('pki');
      case 'mda':
        this.advance();
        if (this.accept('limit')) this.limits(['max-session', 'max-session-per-user', 'task-lowat', 'task-hiwat', 'task-release'], 'scheduler');
        else {
          this.expect('wrapper');
          const name = this.expect('string');
          this.expect('string');
          if (this.wrappers.has(name.text)) this.fail(`mda wrapper already declared with that name: ${name.text}`, name);
          this.wrappers.add(name.text);
        }
        return this.endOfStatement();
      case 'mta':
        this.advance();
        if (this.accept('max-deferred')) this.expect('number');
        else {
          this.expect('limit');
          if (this.accept('for')) {
            this.expect('domain');
            this.expect('string');
          }
          this.mtaLimits();
        }
        return this.endOfStatement();
      case 'proc': {
        this.advance();
        const name = this.expect('string');
        this.expect('string');
        if (this.procs.has(name.text)) this.fail(`processor already exists with that name: ${name.text}`, name);
        this.procParams();
        this.procs.add(name.text);
        return this.endOfStatement();
      }
      case 'queue':
        this.advance();
        if (this.accept('compression')) return this.endOfStatement();
        if (this.accept('encryption')) {
          this.accept('string');
          return this.endOfStatement();
        }
        this.expect('ttl');
        {
          const d = this.expect('string');
          if (delayToNum(d.text) < 0) this.fail(`invalid ttl delay: ${d.text}`, d);
        }
        return this.endOfStatement();
      case 'scheduler':
        this.advance();
        this.expect('limit');
        this.limits(['max-inflight', 'max-evp-batch-size', 'max-msg-batch-size', 'max-schedule'], 'scheduler');
        return this.endOfStatement();
      case 'smtp':
        return this.smtp();
      case 'srs':
        this.advance();
        if (this.accept('key')) {
          if (this.accept('backup')) this.expect('string');
          else this.expect('string');
          this.srsKey = true;
        } else {
          this.expect('ttl');
          const d = this.expect('string');
          const n = delayToNum(d.text);
          if (n < 0) this.fail(`ttl delay "${d.text}" is invalid`, d);
          if (Math.floor(n / 86400) === 0) this.fail(`ttl delay "${d.text}" is too short`, d);
        }
        return this.endOfStatement();
      case 'listen':
        return this.listen();
      case 'table':
        return this.table();
      case 'action':
        return this.action();
      case 'match':
        return this.match();
      case 'filter':
        return this.filter();
      default:
        throw new SyntaxError_(t, 'syntax error');
    }
  }

  private include(): void {
    const at = this.advance();
    const name = this.expect('string');
    const found = this.lexer.depth > MAX_INCLUDES || name.text.includes(UNKNOWN_MARK) ? null : this.resolve(name.text, at.span.file);
    if (found === null) {
      // smtpd reads the file on the server; relaygate cannot: it may hold
      // listeners and rules, which take effect at this place.
      const span: Span = { ...at.span, endLine: name.span.endLine, endColumn: name.span.endColumn };
      this.config.includes.push(span);
      this.config.rules.push({ conditions: [], action: null, span, defaultFrom: false, defaultFor: false, unknown: true });
      this.config.listeners.push({ kind: 'interface', on: name.text, port: null, family: null, tls: 'none', auth: 'none', tag: null, span, onSpan: span, unknown: true });
      return this.endOfStatement();
    }
    this.endOfStatement();
    this.lexer.push(found);
    this.look = this.read();
  }

  /** The grammar before OpenSMTPD 6.4: `accept from any for any relay`, `reject from any`, `expire 4d`. */
  private legacy(first: Token | null): void {
    const start = first ?? this.look;
    const words: string[] = first === null ? [] : [first.text];
    let end = start.span;
    while (!this.is('nl') && !this.is('eof')) {
      const t = this.advance();
      words.push(t.text);
      end = t.span;
    }
    const span: Span = { ...start.span, endLine: end.endLine, endColumn: end.endColumn };
    this.config.legacy.push({ span, text: words.join(' ') });
    this.diagnostics.push({
      file: span.file,
      line: span.line,
      column: span.column,
      message: `"${words.slice(0, 3).join(' ')} ..." is the rule grammar of OpenSMTPD before 6.4, which OpenSMTPD 6.4 and later refuse (syntax error); rewrite it as action and match rules`,
      fatal: true,
    });
    this.accept('nl');
  }

  private varset(): void {
    const name = this.advance();
    if (!this.is('=') && ['accept', 'expire', 'deliver'].includes(name.text)) return this.legacy(name);
    this.expect('=');
    const value = this.expect('string');
    // parse.y checks from the name's second character.
    if (/\s/.test(name.text.slice(1))) this.fail('macro name cannot contain whitespace', name);
    this.macros.set(name.text, value.text);
    this.endOfStatement();
  }

  private caOrPki(kind: 'ca' | 'pki'): void {
    this.advance();
    const name = this.expect('string');
    if (name.text !== '*' && !name.text.includes(UNKNOWN_MARK) && !hostnameOk(name.text)) this.fail(`not a valid domain name: ${name.text}`, name);
    (kind === 'ca' ? this.cas : this.pkis).add(name.text.toLowerCase());
    if (kind === 'ca') {
      this.expect('cert');
      this.expect('string');
    } else {
      for (;;) {
        if (this.accept('cert') || this.accept('key')) this.expect('string');
        else if (this.accept('dhe')) {
          const d = this.expect('string');
          if (!['none', 'auto', 'legacy'].includes(d.text.toLowerCase())) this.fail(`invalid DHE keyword: ${d.text}`, d);
        } else break;
      }
    }
    this.endOfStatement();
  }

  private limits(names: readonly string[], what: string): void {
    while (this.is('string')) {
      const key = this.advance();
      this.expect('number');
      if (!names.includes(key.text)) this.fail(`invalid ${what} limit keyword: ${key.text}`, key);
    }
  }

  private mtaLimits(): void {
    const names = ['connect-delay', 'session-delay', 'discdelay-route', 'discdelay-connector', 'max-conn-per-host', 'max-conn-per-route', 'max-conn-per-source', 'max-conn-per-connector', 'max-conn', 'max-conn-per-connector-source', 'max-mail-per-session', 'max-failures-per-session', 'route-max-conn', 'route-max-failures-per-session'];
    for (;;) {
      if (this.accept('inet4') || this.accept('inet6')) continue;
      if (!this.is('string')) return;
      const key = this.advance();
      this.expect('number');
      if (!names.includes(key.text) && !/^(connect-delay|session-delay|discdelay-)/.test(key.text)) this.fail(`invalid mta limit keyword: ${key.text}`, key);
    }
  }

  private procParams(): void {
    const seen = new Set<string>();
    for (;;) {
      const t = this.accept('user') ?? this.accept('group') ?? this.accept('chroot');
      if (t === null) return;
      this.expect('string');
      if (seen.has(t.kind)) this.fail(`${t.kind} already specified for this processor`, t);
      seen.add(t.kind);
    }
  }

  private smtp(): void {
    this.advance();
    if (this.accept('limit')) this.limits(['max-rcpt', 'max-mails'], 'session');
    else if (this.accept('ciphers')) this.expect('string');
    else if (this.accept('max-message-size')) this.size();
    else {
      this.expect('sub-addr-delim');
      const d = this.expect('string');
      if (d.text.length !== 1) this.fail('subaddressing-delimiter must be one character', d);
      if (/[\s@]/.test(d.text) || !/^[\x21-\x7e]$/.test(d.text)) this.fail('sub-addr-delim uses invalid character', d);
    }
    this.endOfStatement();
  }

  private size(): void {
    const n = this.accept('number');
    if (n !== null) {
      if ((n.number ?? 0) < 0) this.fail(`invalid size: ${n.text}`, n);
      return;
    }
    const s = this.expect('string');
    if (!/^\d+(\.\d+)?[BKMGTPE]?$/i.test(s.text)) this.fail(`invalid size: ${s.text}`, s);
  }

  // ---------------------------------------------------------------- tables

  private newTable(name: string, span: Span, backend = 'static', config: string | null = null): SmtpdTable {
    return { name, backend, config, entries: config === null ? [] : null, type: backend === 'static' && config === null ? 'list' : 'unknown', span };
  }

  /** tableval_list: strings, or `key = value` / `key => value` pairs, separated by commas, newlines or nothing. */
  private tableValues(table: SmtpdTable): void {
    let kind: 'list' | 'hash' | null = null;
    for (;;) {
      const key = this.expect('string');
      const assign = this.accept('=') ?? this.accept('=>');
      const isHash = assign !== null;
      if (kind === null) kind = isHash ? 'hash' : 'list';
      else if ((kind === 'hash') !== isHash) throw new SyntaxError_(assign ?? key, 'syntax error');
      let value: string | null = null;
      let end = key.span;
      if (isHash) {
        const v = this.expect('string');
        value = v.text;
        end = v.span;
      }
      (table.entries as TableEntry[]).push({ key: key.text, value, span: { ...key.span, endLine: end.endLine, endColumn: end.endColumn } });
      // comma: ',' | newline(s) | nothing, and then another value.
      if (this.accept(',')) continue;
      if (this.is('nl')) {
        while (this.accept('nl'));
        continue;
      }
      if (this.is('string')) continue;
      break;
    }
    table.type = kind ?? 'list';
  }

  /** tables: a value written in place (`STRING` or `{ ... }`), or `<name>`. */
  private tables(): SmtpdTable {
    if (this.accept('<')) {
      const name = this.expect('string');
      this.expect('>');
      const t = this.config.tables.get(name.text);
      if (t === undefined) {
        if (this.config.includes.length > 0 || this.unknownTables || name.text.includes(UNKNOWN_MARK)) {
          const unknown = this.newTable(name.text, name.span, 'unknown', '');
          this.config.unknowns.push({ span: name.span, what: `table <${name.text}> (may be declared in an included file)` });
          return unknown;
        }
        this.fail(`no such table: ${name.text}`, name);
      }
      return t;
    }
    if (this.is('{')) {
      const open = this.advance();
      const t = this.newTable(`<dynamic:${this.tableCount++}>`, open.span);
      this.tableValues(t);
      const close = this.expect('}');
      t.span = { ...open.span, endLine: close.span.endLine, endColumn: close.span.endColumn };
      return t;
    }
    const s = this.expect('string');
    const t = this.newTable(`<dynamic:${this.tableCount++}>`, s.span);
    (t.entries as TableEntry[]).push({ key: s.text, value: null, span: s.span });
    return t;
  }

  /** table_check_use(): a table written as a list cannot serve a lookup that needs pairs, and the reverse. */
  private checkUse(t: SmtpdTable, want: 'list' | 'hash', what: string, at: Token): void {
    if (t.type !== 'unknown' && t.type !== want) this.fail(`table "${t.name}" may not be used for ${what} lookups`, at);
  }

  private table(): void {
    const start = this.advance();
    const name = this.expect('string');
    if (this.config.tables.has(name.text)) this.fatal(`table_create: table "${name.text}" already defined`, name.span);
    if (this.is('{')) {
      const t = this.newTable(name.text, start.span);
      this.advance();
      this.tableValues(t);
      const close = this.expect('}');
      t.span = { ...start.span, endLine: close.span.endLine, endColumn: close.span.endColumn };
      this.config.tables.set(name.text, t);
      return this.endOfStatement();
    }
    const source = this.expect('string');
    let backend: string;
    let config: string | null;
    if (source.text.startsWith('/')) {
      backend = 'static';
      config = source.text;
    } else {
      const colon = source.text.indexOf(':');
      backend = colon < 0 ? source.text : source.text.slice(0, colon);
      config = colon < 0 ? null : source.text.slice(colon + 1);
    }
    if (config !== null && !config.startsWith('/')) this.fail(`invalid backend parameter for table: ${name.text}`, source);
    if (backend === 'file') backend = 'static';
    const t = this.newTable(name.text, { ...start.span, endLine: source.span.endLine, endColumn: source.span.endColumn }, backend, config ?? '');
    t.entries = null;
    t.type = 'unknown';
    this.config.tables.set(name.text, t);
    this.endOfStatement();
  }

  // ---------------------------------------------------------------- listen

  private listen(): void {
    const start = this.advance();
    this.expect('on');
    if (this.accept('socket')) {
      const seen = new Set<string>();
      for (;;) {
        if (this.is('filter')) this.listenFilter(seen);
        else if (this.accept('mask-src')) this.once(seen, 'mask-src', 'mask-source already specified');
        else if (this.is('tag')) {
          const t = this.advance();
          this.once(seen, 'tag', 'tag already specified', t);
          const v = this.expect('string');
          if (v.text.length >= SMTPD_TAG_SIZE) this.fail('tag name too long', v);
        } else break;
      }
      if (this.socketListener) this.fail('socket listener already configured', start);
      this.socketListener = true;
      return this.endOfStatement();
    }
    const on = this.expect('string');
    const listener: SmtpdListener = { kind: 'interface', on: on.text, port: null, family: null, tls: 'none', auth: 'none', tag: null, span: start.span, onSpan: on.span };
    const seen = new Set<string>();
    let pki = false;
    let last = on.span;
    for (;;) {
      const t = this.look;
      last = t.span;
      if (this.accept('inet4') || this.accept('inet6')) {
        this.once(seen, 'family', 'address family already specified', t);
        listener.family = t.kind as 'inet4' | 'inet6';
      } else if (this.accept('port')) {
        this.once(seen, 'port', 'port already specified', t);
        const p = this.advance();
        if (p.kind === 'number') {
          if ((p.number ?? 0) <= 0 || (p.number ?? 0) > 65535) this.fail(`invalid port: ${p.text}`, p);
          listener.port = p.number ?? null;
        } else if (p.kind === 'smtp' || p.kind === 'smtps') listener.port = p.kind === 'smtp' ? 25 : 465;
        else if (p.kind === 'string') {
          // getservbyname(): names only (a quoted "25" is not a service name).
          if (/^\d+$/.test(p.text) || p.text === '') this.fail(`invalid port: ${p.text}`, p);
          listener.port = SERVICES.get(p.text) ?? null;
        } else throw new SyntaxError_(p, 'syntax error');
      } else if (this.is('filter')) this.listenFilter(seen);
      else if (this.accept('smtps')) {
        this.once(seen, 'ssl', 'TLS mode already specified', t);
        this.accept('verify');
        listener.tls = 'smtps';
      } else if (this.accept('tls')) {
        this.once(seen, 'ssl', 'TLS mode already specified', t);
        listener.tls = 'starttls';
      } else if (this.accept('tls-require')) {
        this.once(seen, 'ssl', 'TLS mode already specified', t);
        this.accept('verify');
        listener.tls = 'tls-require';
      } else if (this.accept('pki')) {
        this.once(seen, 'pki', 'pki already specified', t);
        const name = this.expect('string');
        if (!this.pkis.has(name.text.toLowerCase()) && !this.mayBeDeclared('pki', name)) this.pendingName('pki', name);
        pki = true;
      } else if (this.accept('ca')) {
        this.once(seen, 'ca', 'ca already specified', t);
        const name = this.expect('string');
        if (!this.cas.has(name.text.toLowerCase()) && !this.mayBeDeclared('ca', name)) this.pendingName('ca', name);
      } else if (this.is('auth') || this.is('auth-optional')) {
        const a = this.advance();
        this.once(seen, 'auth', 'auth already specified', a);
        if (this.is('string') || this.is('{') || this.is('<')) this.tables();
        listener.auth = a.kind === 'auth' ? 'required' : 'optional';
      } else if (this.accept('tag')) {
        this.once(seen, 'tag', 'tag already specified', t);
        const v = this.expect('string');
        if (v.text.length >= SMTPD_TAG_SIZE) this.fail('tag name too long', v);
        listener.tag = v.text;
      } else if (this.accept('hostname')) {
        this.once(seen, 'hostname', 'hostname already specified', t);
        this.expect('string');
      } else if (this.accept('hostnames')) {
        this.once(seen, 'hostnames', 'hostnames already specified', t);
        const table = this.tables();
        if (table.type === 'list') this.fail(`invalid use of table "${table.name}" as HOSTNAMES parameter`, t);
      } else if (this.accept('mask-src')) this.once(seen, 'mask-src', 'mask-source already specified', t);
      else if (this.accept('received-auth')) this.once(seen, 'received-auth', 'received-auth already specified', t);
      else if (this.accept('no-dsn')) this.once(seen, 'no-dsn', 'no-dsn already specified', t);
      else if (this.accept('proxy-v2')) this.once(seen, 'proxy-v2', 'proxy-v2 already specified', t);
      else if (this.accept('senders')) {
        this.once(seen, 'senders', 'senders already specified', t);
        const table = this.tables();
        this.accept('masquerade');
        if (table.type === 'list') this.fail(`invalid use of table "${table.name}" as SENDERS parameter`, t);
      } else break;
    }
    listener.span = { ...start.span, endLine: last.line, endColumn: last.column };
    // create_if_listener() exits on these.
    if (listener.auth !== 'none' && listener.tls === 'none') this.fatal('invalid listen option: auth requires tls/smtps', start.span);
    if (pki && listener.tls === 'none') this.fatal('invalid listen option: pki requires tls/smtps', start.span);
    this.config.listeners.push(listener);
    this.endOfStatement();
  }

  /** A name relaygate could not resolve, or a `pki`/`ca` statement it could not read, may declare it: unknown, not fatal. */
  private mayBeDeclared(kind: 'pki' | 'ca', name: Token): boolean {
    if (!name.text.includes(UNKNOWN_MARK) && !this.unknownNames.has(kind)) return false;
    this.config.unknowns.push({ span: name.span, what: `${kind} "${name.text}" (may be declared in a statement relaygate could not read)` });
    return true;
  }

  private pendingName(kind: 'pki' | 'ca', name: Token): never {
    // config_listener(): fatalx("pki name not found").
    this.fatal(`${kind} name not found: ${name.text}`, name.span);
  }

  private once(seen: Set<string>, key: string, message: string, at: Token = this.look): void {
    if (seen.has(key)) this.fail(message, at);
    seen.add(key);
  }

  private listenFilter(seen: Set<string>): void {
    const t = this.advance();
    this.once(seen, 'filter', 'filter already specified', t);
    if (this.is('{')) {
      this.advance();
      this.filterList();
      this.expect('}');
      return;
    }
    const name = this.expect('string');
    if (!this.filters.has(name.text)) this.fail(`no filter exist with that name: ${name.text}`, name);
  }

  private filterList(): void {
    const used = new Set<string>();
    const procs = new Set<string>();
    for (;;) {
      const name = this.expect('string');
      const f = this.filters.get(name.text);
      if (f === undefined) this.fail(`no filter exist with that name: ${name.text}`, name);
      if (f.chain) this.fail(`no filter chain allowed within a filter chain: ${name.text}`, name);
      if (used.has(name.text)) this.fail(`no filter allowed twice within a filter chain: ${name.text}`, name);
      used.add(name.text);
      if (f.proc !== null) {
        if (procs.has(f.proc)) this.fail(`no proc allowed twice within a filter chain: ${f.proc}`, name);
        procs.add(f.proc);
      }
      if (this.accept(',')) continue;
      if (this.accept('nl')) {
        while (this.accept('nl'));
        continue;
      }
      if (this.is('string')) continue;
      return;
    }
  }

  // ---------------------------------------------------------------- actions

  private action(): void {
    const start = this.advance();
    const name = this.expect('string');
    if (this.config.actions.has(name.text)) this.fail(`dispatcher already declared with that name: ${name.text}`, name);
    let kind: ActionKind;
    const t = this.advance();
    switch (t.kind) {
      case 'mbox':
        kind = 'mbox';
        break;
      case 'maildir':
        kind = 'maildir';
        if (!this.accept('junk') && this.accept('string')) this.accept('junk');
        break;
      case 'lmtp':
        kind = 'lmtp';
        this.expect('string');
        this.accept('rcpt-to');
        break;
      case 'mda':
        kind = 'mda';
        this.expect('string');
        break;
      case 'forward-only':
        kind = 'forward-only';
        break;
      case 'expand-only':
        kind = 'expand-only';
        break;
      case 'relay':
        kind = 'relay';
        break;
      default:
        throw new SyntaxError_(t, 'syntax error');
    }
    if (kind === 'relay') this.remoteOptions();
    else this.localOptions(kind);
    const ttl = new Set<string>();
    while (this.is('ttl')) {
      const tt = this.advance();
      this.once(ttl, 'ttl', 'ttl already specified for this dispatcher', tt);
      const d = this.expect('string');
      if (delayToNum(d.text) < 0) this.fail(`ttl delay "${d.text}" is invalid`, d);
    }
    this.config.actions.set(name.text, { name: name.text, kind, span: { ...start.span, endLine: this.look.span.line, endColumn: this.look.span.column } });
    this.endOfStatement();
  }

  private localOptions(kind: ActionKind): void {
    const seen = new Set<string>();
    for (;;) {
      const t = this.look;
      if (this.accept('user')) {
        if (kind === 'mbox') this.fail('user may not be specified for this dispatcher', t);
        if (kind === 'forward-only') this.fail('user may not be specified for forward-only', t);
        if (kind === 'expand-only') this.fail('user may not be specified for expand-only', t);
        this.once(seen, 'user', 'user already specified for this dispatcher', t);
        this.expect('string');
      } else if (this.accept('alias') || this.accept('virtual')) {
        const table = this.tables();
        if (seen.has('alias')) this.fail(`${t.kind === 'alias' ? 'alias' : 'virtual'} mapping already specified for this dispatcher`, t);
        seen.add('alias');
        this.checkUse(table, 'hash', t.kind, t);
      } else if (this.accept('userbase')) {
        const table = this.tables();
        this.once(seen, 'userbase', 'userbase mapping already specified for this dispatcher', t);
        this.checkUse(table, 'hash', 'userbase', t);
      } else if (this.accept('wrapper')) {
        const name = this.expect('string');
        if (!this.wrappers.has(name.text)) this.fail(`no mda wrapper with that name: ${name.text}`, name);
      } else return;
    }
  }

  private remoteOptions(): void {
    const seen = new Set<string>();
    for (;;) {
      const t = this.look;
      if (this.accept('helo')) {
        this.once(seen, 'helo', 'helo already specified for this dispatcher', t);
        this.expect('string');
      } else if (this.accept('helo-src')) {
        const table = this.tables();
        this.once(seen, 'helo-src', 'helo-source mapping already specified for this dispatcher', t);
        this.checkUse(table, 'hash', 'helo-source', t);
      } else if (this.accept('pki') || this.accept('ca') || this.accept('mail-from')) {
        this.expect('string');
        this.once(seen, t.kind, `${t.kind} already specified for this dispatcher`, t);
      } else if (this.accept('src')) {
        const table = this.tables();
        this.once(seen, 'src', 'source mapping already specified for this dispatcher', t);
        this.checkUse(table, 'list', 'source', t);
      } else if (this.accept('backup')) {
        if (this.accept('mx')) this.expect('string');
        this.once(seen, 'backup', 'backup already specified for this dispatcher', t);
        if (seen.has('host')) this.fail('backup and host are mutually exclusive', t);
      } else if (this.accept('host') || this.accept('domain')) {
        const table = this.tables();
        if (seen.has('host')) this.fail('host mapping already specified for this dispatcher', t);
        if (seen.has('backup')) this.fail(`backup and ${t.kind} are mutually exclusive`, t);
        seen.add('host');
        this.checkUse(table, t.kind === 'host' ? 'list' : 'hash', 'host', t);
      } else if (this.accept('tls')) {
        this.accept('no-verify');
        this.once(seen, 'tls', 'tls already specified for this dispatcher', t);
      } else if (this.accept('auth')) {
        const table = this.tables();
        if (!seen.has('host')) this.fail('auth may not be specified without host on a dispatcher', t);
        this.once(seen, 'auth', 'auth mapping already specified for this dispatcher', t);
        this.checkUse(table, 'hash', 'auth', t);
      } else if (this.accept('filter')) {
        this.once(seen, 'filter', 'filter already specified for this dispatcher', t);
        if (this.accept('{')) {
          this.filterList();
          this.expect('}');
        } else {
          const name = this.expect('string');
          if (!this.filters.has(name.text)) this.fail(`no filter exist with that name: ${name.text}`, name);
        }
      } else if (this.accept('srs')) {
        if (!this.srsKey) this.fail('an srs key is required for srs to be specified in an action', t);
        this.once(seen, 'srs', 'srs already specified for this dispatcher', t);
      } else return;
    }
  }

  // ---------------------------------------------------------------- match

  private match(): void {
    const start = this.advance();
    const rule: MatchRule = { conditions: [], action: null, span: start.span, defaultFrom: true, defaultFor: true };
    const seen = new Set<string>();
    for (;;) {
      const negToken = this.accept('!');
      const t = this.look;
      const negated = negToken !== null;
      const begin = negToken?.span ?? t.span;
      const add = (c: Omit<MatchCondition, 'span'>, key: string, message: string): void => {
        this.once(seen, key, message, t);
        rule.conditions.push({ ...c, span: { ...begin, endLine: this.prev.endLine, endColumn: this.prev.endColumn } });
      };
      if (this.accept('tag')) {
        const regex = this.accept('regex') !== null;
        const table = this.tables();
        this.checkUse(table, 'list', 'tag', t);
        add({ kind: 'tag', negated, what: '', regex, table }, 'tag', 'tag already specified for this rule');
      } else if (this.accept('helo')) {
        const regex = this.accept('regex') !== null;
        const table = this.tables();
        this.checkUse(table, 'list', 'helo', t);
        add({ kind: 'helo', negated, what: '', regex, table }, 'helo', 'helo already specified for this rule');
      } else if (this.accept('tls')) {
        add({ kind: 'tls', negated, what: '', regex: false, table: null }, 'tls', 'tls already specified for this rule');
      } else if (this.accept('auth')) {
        const regex = this.accept('regex') !== null;
        const table = regex || this.is('string') || this.is('{') || this.is('<') ? this.tables() : null;
        if (table !== null && !regex) this.checkUse(table, 'list', 'auth', t);
        add({ kind: 'auth', negated, what: '', regex, table }, 'auth', 'auth already specified for this rule');
      } else if (this.accept('mail-from') || this.accept('rcpt-to')) {
        const regex = this.accept('regex') !== null;
        const table = this.tables();
        this.checkUse(table, 'list', t.kind, t);
        add({ kind: t.kind as 'mail-from' | 'rcpt-to', negated, what: '', regex, table }, t.kind, `${t.kind} already specified for this rule`);
      } else if (this.accept('from')) {
        this.fromOption(rule, seen, t, negated, begin);
      } else if (this.accept('for')) {
        this.forOption(rule, seen, t, negated, begin);
      } else {
        if (negated) throw new SyntaxError_(t, 'syntax error');
        break;
      }
    }
    if (this.accept('reject')) rule.action = null;
    else {
      this.expect('action');
      const name = this.expect('string');
      if (!this.config.actions.has(name.text)) {
        if (this.config.includes.length > 0 || this.unknownActions || name.text.includes(UNKNOWN_MARK)) this.config.unknowns.push({ span: name.span, what: `action "${name.text}" (may be declared in an included file or an unresolved statement)` });
        else this.fail(`no such dispatcher: ${name.text}`, name);
      }
      rule.action = name.text;
    }
    rule.span = { ...start.span, endLine: this.prev.endLine, endColumn: this.prev.endColumn };
    this.config.rules.push(rule);
    this.endOfStatement();
  }

  private fromOption(rule: MatchRule, seen: Set<string>, t: Token, negated: boolean, begin: Span): void {
    const span = (): Span => ({ ...begin, endLine: this.prev.endLine, endColumn: this.prev.endColumn });
    const from = (what: string, table: SmtpdTable | null, regex: boolean, implied = false): void => {
      this.once(seen, 'from', 'from already specified for this rule', t);
      rule.defaultFrom = false;
      rule.conditions.push({ kind: 'from', negated: implied ? false : negated, what, regex, table, span: span(), implied });
    };
    if (this.accept('socket')) return from('socket', null, false);
    if (this.accept('local')) return from('local', null, false);
    if (this.accept('any')) return from('any', null, false);
    if (this.accept('src')) {
      const regex = this.accept('regex') !== null;
      const table = this.tables();
      if (!regex) this.checkUse(table, 'list', 'from', t);
      return from('src', table, regex);
    }
    if (this.accept('rdns')) {
      const regex = this.accept('regex') !== null;
      const table = regex || this.is('string') || this.is('{') || this.is('<') ? this.tables() : null;
      if (table !== null && !regex) this.checkUse(table, 'list', 'rdns', t);
      return from('rdns', table, regex);
    }
    if (this.accept('auth')) {
      const regex = this.accept('regex') !== null;
      const table = regex || this.is('string') || this.is('{') || this.is('<') ? this.tables() : null;
      if (table !== null && !regex) this.checkUse(table, 'list', 'from', t);
      from('any', null, false, true);
      // parse.y does not check for an earlier `auth` here; a later one fails.
      seen.add('auth');
      rule.conditions.push({ kind: 'auth', negated, what: 'from auth', regex, table, span: span() });
      return;
    }
    if (this.accept('mail-from')) {
      const regex = this.accept('regex') !== null;
      const table = this.tables();
      if (!regex) this.checkUse(table, 'list', 'from', t);
      from('any', null, false, true);
      seen.add('mail-from');
      rule.conditions.push({ kind: 'mail-from', negated, what: 'from mail-from', regex, table, span: span() });
      return;
    }
    throw new SyntaxError_(this.look, 'syntax error');
  }

  private forOption(rule: MatchRule, seen: Set<string>, t: Token, negated: boolean, begin: Span): void {
    const span = (): Span => ({ ...begin, endLine: this.prev.endLine, endColumn: this.prev.endColumn });
    const forIt = (what: string, table: SmtpdTable | null, regex: boolean, implied = false): void => {
      this.once(seen, 'for', 'for already specified for this rule', t);
      rule.defaultFor = false;
      rule.conditions.push({ kind: 'for', negated: implied ? false : negated, what, regex, table, span: span(), implied });
    };
    if (this.accept('local')) return forIt('local', null, false);
    if (this.accept('any')) return forIt('any', null, false);
    if (this.accept('domain')) {
      const regex = this.accept('regex') !== null;
      const table = this.tables();
      if (!regex) this.checkUse(table, 'list', "'for'", t);
      return forIt('domain', table, regex);
    }
    if (this.accept('rcpt-to')) {
      const regex = this.accept('regex') !== null;
      const table = this.tables();
      if (!regex) this.checkUse(table, 'list', 'for', t);
      forIt('any', null, false, true);
      seen.add('rcpt-to');
      rule.conditions.push({ kind: 'rcpt-to', negated, what: 'for rcpt-to', regex, table, span: span() });
      return;
    }
    throw new SyntaxError_(this.look, 'syntax error');
  }

  private prevSpan: Span | null = null;

  private get prev(): Span {
    return this.prevSpan ?? this.look.span;
  }

  // ---------------------------------------------------------------- filters

  private filter(): void {
    this.advance();
    const name = this.expect('string');
    if (this.accept('proc')) {
      const proc = this.expect('string');
      if (this.filters.has(name.text)) this.fail(`filter already exists with that name: ${name.text}`, name);
      if (!this.procs.has(proc.text)) this.fail(`no processor exist with that name: ${proc.text}`, proc);
      this.filters.set(name.text, { proc: proc.text, chain: false });
      return this.endOfStatement();
    }
    if (this.accept('proc-exec')) {
      this.expect('string');
      if (this.filters.has(name.text)) this.fail(`filter already exists with that name: ${name.text}`, name);
      this.filters.set(name.text, { proc: name.text, chain: false });
      this.procParams();
      this.procs.add(name.text);
      return this.endOfStatement();
    }
    if (this.accept('phase')) {
      if (this.filters.has(name.text)) this.fail(`filter already exists with that name: ${name.text}`, name);
      this.filters.set(name.text, { proc: null, chain: false });
      this.filterPhase();
      return this.endOfStatement();
    }
    this.expect('chain');
    if (this.filters.has(name.text)) this.fail(`filter already exists with that name: ${name.text}`, name);
    this.expect('{');
    this.filterList();
    this.expect('}');
    this.filters.set(name.text, { proc: null, chain: true });
    this.endOfStatement();
  }

  private filterPhase(): void {
    const phase = this.advance();
    const checks: Record<string, string[]> = {
      connect: [],
      helo: ['helo'],
      ehlo: ['helo'],
      auth: ['helo', 'auth'],
      'mail-from': ['helo', 'auth', 'mail-from'],
      'rcpt-to': ['helo', 'auth', 'mail-from', 'rcpt-to'],
      data: ['helo', 'auth', 'mail-from'],
      commit: ['helo', 'auth', 'mail-from'],
    };
    const allowed = checks[phase.kind];
    if (allowed === undefined) throw new SyntaxError_(phase, 'syntax error');
    this.expect('match');
    this.accept('!');
    const check = this.advance();
    const global = ['fcrdns', 'rdns', 'src'];
    if (check.kind === 'fcrdns') {
      // no table
    } else if (check.kind === 'rdns' || check.kind === 'auth') {
      if (check.kind === 'auth' && !allowed.includes('auth')) throw new SyntaxError_(check, 'syntax error');
      if (this.accept('regex') !== null) this.tables();
      else if (this.is('string') || this.is('{') || this.is('<')) this.tables();
    } else if (global.includes(check.kind) || allowed.includes(check.kind)) {
      this.accept('regex');
      this.tables();
    } else throw new SyntaxError_(check, 'syntax error');
    const action = this.advance();
    if (action.kind === 'junk' || action.kind === 'bypass') {
      if (phase.kind === 'commit') throw new SyntaxError_(action, 'syntax error');
      return;
    }
    if (['reject', 'disconnect', 'rewrite', 'report'].includes(action.kind)) {
      this.expect('string');
      return;
    }
    throw new SyntaxError_(action, 'syntax error');
  }
}

/** Reads smtpd.conf; `resolve` finds `include`d files (null: not in the repository). */
export function parseSmtpdConf(file: LexFile, resolve?: SmtpdIncludeResolver): { config: SmtpdConfig; diagnostics: Diagnostic[] } {
  const parser = new SmtpdParser(file, resolve);
  parser.parse();
  const socket: SmtpdListener = {
    kind: 'socket',
    on: 'socket',
    port: null,
    family: null,
    tls: 'none',
    auth: 'none',
    tag: null,
    span: { file: file.file, line: 1, column: 1, endLine: 1, endColumn: 2 },
    onSpan: { file: file.file, line: 1, column: 1, endLine: 1, endColumn: 2 },
  };
  parser.config.listeners.unshift(socket);
  return { config: parser.config, diagnostics: parser.diagnostics };
}

export type { TlsMode };
