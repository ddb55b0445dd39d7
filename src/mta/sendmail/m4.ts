import type { Diagnostic, Span } from '../../model/span.js';
import { LineIndex, UNKNOWN_MARK } from '../../model/source.js';
import type { SourceFile } from '../../model/source.js';
import { M4Input } from './m4-input.js';
import type { InputLocation } from './m4-input.js';
import { installM4Builtins } from './m4-builtins.js';

/**
 * A small, bounded m4 interpreter: enough of GNU m4 1.4 for sendmail .mc
 * files. It never reads a file and never runs a command; `include` asks the
 * caller (which knows the sendmail cf tree), `syscmd` is reported. Time and
 * memory are bounded: past a limit it stops with a fatal "m4 expansion
 * limit" diagnostic.
 */

/**
 * A builtin's definition as a value (GNU m4 `defn` of a builtin): private-use
 * characters around the builtin's name. `define(`x', defn(`define'))` makes
 * x that builtin; anywhere else the token is dropped, as m4 drops it.
 */
export const BUILTIN_OPEN = '\uE010';
export const BUILTIN_CLOSE = '\uE011';

export function builtinToken(name: string): string {
  return BUILTIN_OPEN + name + BUILTIN_CLOSE;
}

/** The builtin a text names when it is exactly one builtin token, else null. */
export function builtinOfToken(text: string): string | null {
  if (!text.startsWith(BUILTIN_OPEN) || !text.endsWith(BUILTIN_CLOSE)) return null;
  const name = text.slice(1, -1);
  return name.includes(BUILTIN_OPEN) || name.includes(BUILTIN_CLOSE) ? null : name;
}

function dropBuiltinTokens(text: string): string {
  if (!text.includes(BUILTIN_OPEN)) return text;
  // The reader's token: an open marker up to the next close marker. Scanned
  // with indexOf, each search resuming where the last stopped, so a run of
  // open markers with no close (hostile text) costs linear time, where a
  // regular expression would retry the scan from every one of them.
  let kept = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf(BUILTIN_OPEN, from);
    if (open < 0) break;
    const close = text.indexOf(BUILTIN_CLOSE, open + 1);
    if (close < 0) break;
    kept += text.slice(from, open);
    from = close + 1;
  }
  return kept + text.slice(from);
}

export interface M4Call {
  name: string;
  /** Arguments after collection (quotes removed once, macros in them expanded). */
  args: string[];
  /** The call in the scanned file (for a call produced by an expansion: the file call it came from). */
  span: Span;
  hadParens: boolean;
}

export type BuiltinFn = (m4: M4, call: M4Call) => string;

export type MacroDef =
  | { kind: 'user'; body: string; span: Span }
  | { kind: 'builtin'; name: string; fn: BuiltinFn; needsArgs: boolean; span: Span | null };

export interface M4Limits {
  /** Macro calls. */
  maxSteps: number;
  /** Characters pushed back for rescanning plus characters output. */
  maxText: number;
  /** Nesting of macro calls inside argument lists. */
  maxDepth: number;
}

export const DEFAULT_M4_LIMITS: M4Limits = { maxSteps: 200_000, maxText: 8_000_000, maxDepth: 400 };

/** Thrown inside the interpreter to stop it; turned into a fatal diagnostic by run(). */
export class M4Stop extends Error {
  constructor(
    message: string,
    readonly at: Span,
  ) {
    super(message);
  }
}

export interface M4Hooks {
  /** `include`/`sinclude` of a file; returns the text to read in its place (relaygate reads no file). */
  include?(m4: M4, call: M4Call, file: string, silent: boolean): string;
  /** Any change to a macro's definition (define, undefine, pushdef, popdef). */
  onDefinitionChange?(m4: M4, name: string, call: M4Call): void;
}

type Token =
  | { kind: 'word'; text: string; loc: InputLocation; length: number }
  | { kind: 'string' | 'comment' | 'char'; text: string; loc: InputLocation };

const WORD_START = /[A-Za-z_]/;
const WORD_CHAR = /[A-Za-z0-9_]/;
const SPACE = /[ \t\n\r\f\v]/;

export class M4 {
  readonly input: M4Input;
  readonly lines: LineIndex;
  readonly macros = new Map<string, MacroDef[]>();
  /** GNU m4's own builtins by name (what `builtin(`name')` and `defn` tokens call), whatever is defined now. */
  readonly builtins = new Map<string, { fn: BuiltinFn; needsArgs: boolean }>();
  /** Text saved by m4wrap, read when the input ends (GNU m4 1.4: the last saved is read first). */
  readonly wrapped: { text: string; origin: Span }[] = [];
  /** m4exit was called: no more input is read, m4wrap'ed text included. */
  exited: number | null = null;
  readonly diagnostics: Diagnostic[] = [];
  /** Places where an unresolved template value decides what m4 does. */
  readonly unknowns: { span: Span; what: string }[] = [];
  lquote = '`';
  rquote = "'";
  /** Empty string: comments are off (as after `changecom()`). */
  bcomm = '#';
  ecomm = '\n';
  diversion = 0;
  /** When set, top-level output goes here instead of being counted and dropped. */
  capture: string[] | null = null;
  private steps = 0;
  private outputLength = 0;
  private depth = 0;

  constructor(
    readonly file: SourceFile,
    readonly hooks: M4Hooks = {},
    readonly limits: M4Limits = DEFAULT_M4_LIMITS,
  ) {
    this.input = new M4Input(file.text);
    this.lines = new LineIndex(file.text);
    installM4Builtins(this);
  }

  // ---- macro table -------------------------------------------------------

  lookup(name: string): MacroDef | undefined {
    const stack = this.macros.get(name);
    return stack ? stack[stack.length - 1] : undefined;
  }

  isDefined(name: string): boolean {
    return this.lookup(name) !== undefined;
  }

  /** `define`: replaces the top definition (GNU m4), keeping any pushdef'd ones below. */
  define(name: string, def: MacroDef): void {
    const stack = this.macros.get(name);
    if (stack && stack.length > 0) stack[stack.length - 1] = def;
    else this.macros.set(name, [def]);
  }

  pushdef(name: string, def: MacroDef): void {
    const stack = this.macros.get(name);
    if (stack) stack.push(def);
    else this.macros.set(name, [def]);
  }

  popdef(name: string): void {
    const stack = this.macros.get(name);
    if (!stack) return;
    stack.pop();
    if (stack.length === 0) this.macros.delete(name);
  }

  undefine(name: string): void {
    this.macros.delete(name);
  }

  /** Defines `name` as a builtin; `gnu`: one of GNU m4's own (reachable through `builtin` and `defn` tokens). */
  builtin(name: string, fn: BuiltinFn, needsArgs: boolean, span: Span | null = null, gnu = false): void {
    if (gnu) this.builtins.set(name, { fn, needsArgs });
    this.define(name, { kind: 'builtin', name, fn, needsArgs, span });
  }

  /** The definition a `define`/`pushdef` body gives: a builtin token makes the macro that builtin. */
  definitionOf(body: string, span: Span): MacroDef {
    const name = builtinOfToken(body);
    const builtin = name === null ? undefined : this.builtins.get(name);
    if (name !== null && builtin !== undefined) return { kind: 'builtin', name, fn: builtin.fn, needsArgs: builtin.needsArgs, span };
    return { kind: 'user', body: dropBuiltinTokens(body), span };
  }

  /** `defn`: a user macro's body, quoted; a builtin's token. */
  definitionText(name: string): string {
    const def = this.lookup(name);
    if (def === undefined) return '';
    if (def.kind === 'user') return this.quote(def.body);
    return this.builtins.has(def.name) ? builtinToken(def.name) : builtinToken(`relaygate:${name}`);
  }

  /** Calls macro `name` with `args` as if written `name(args)` (indir, builtin): the text to rescan. */
  callWith(def: MacroDef, call: M4Call): string {
    this.countStep(call.span);
    return def.kind === 'user' ? this.substitute(def.body, call) : def.fn(this, call);
  }

  quote(text: string): string {
    return this.lquote + text + this.rquote;
  }

  // ---- positions ---------------------------------------------------------

  spanAt(loc: InputLocation, length = 1): Span {
    if ('origin' in loc) return loc.origin;
    const start = this.lines.position(loc.offset);
    const end = this.lines.position(Math.min(loc.offset + Math.max(length, 1), this.file.text.length));
    if (end.line === start.line && end.column <= start.column) {
      return { file: this.file.path, line: start.line, column: start.column, endLine: start.line, endColumn: start.column + 1 };
    }
    return { file: this.file.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  note(span: Span, message: string, fatal = false): void {
    this.diagnostics.push({ file: this.file.path, line: span.line, column: span.column, message, fatal });
  }

  unknown(span: Span, what: string): void {
    this.unknowns.push({ span, what });
  }

  static hasUnknown(text: string): boolean {
    return text.includes(UNKNOWN_MARK);
  }

  // ---- running -----------------------------------------------------------

  /** Read the whole input. Returns false when m4 would have stopped (a fatal diagnostic was recorded). */
  run(): boolean {
    try {
      for (;;) {
        const tok = this.exited === null ? this.readToken() : null;
        if (!tok) {
          // End of input: the m4wrap'ed text, last saved first; it may save more.
          if (this.exited !== null || this.wrapped.length === 0) return true;
          for (const w of this.wrapped.splice(0)) this.input.push(w.text, w.origin);
          continue;
        }
        this.process(tok, null);
      }
    } catch (e) {
      if (e instanceof M4Stop) {
        this.note(e.at, e.message, true);
        return false;
      }
      throw e;
    }
  }

  /** Evaluate extra text after the file (cf.m4's m4wrap'ed proto.m4), capturing its output. */
  evaluateAfterEnd(text: string, origin: Span): string | null {
    const captured: string[] = [];
    const saved = this.capture;
    this.capture = captured;
    this.input.push(text, origin);
    const ok = this.run();
    this.capture = saved;
    return ok ? captured.join('') : null;
  }

  private process(tok: Token, arg: string[] | null): void {
    if (tok.kind === 'word') {
      const def = this.lookup(tok.text);
      if (def) {
        this.call(tok, def, arg);
        return;
      }
    }
    if (arg) arg.push(tok.text);
    else this.emit(tok.text, tok.loc);
  }

  /**
   * Output lines that start with `O` (sendmail.cf option lines), per diversion,
   * with where they came from: text a .mc writes directly lands in the .cf.
   */
  readonly optionLines = new Map<number, { text: string; span: Span }[]>();
  private readonly openLines = new Map<number, { text: string; span: Span }>();

  private emit(raw: string, loc: InputLocation): void {
    if (this.diversion < 0) return;
    const text = dropBuiltinTokens(raw);
    this.outputLength += text.length;
    this.capture?.push(text);
    if (!this.capture) this.trackLines(text, loc);
    this.checkText();
  }

  private trackLines(text: string, loc: InputLocation): void {
    const d = this.diversion;
    let start = 0;
    while (start <= text.length) {
      const nl = text.indexOf('\n', start);
      const piece = text.slice(start, nl < 0 ? text.length : nl);
      let open = this.openLines.get(d);
      if (!open && piece !== '') {
        open = { text: '', span: this.spanAt(loc) };
        this.openLines.set(d, open);
      }
      if (open) open.text += piece;
      if (nl < 0) return;
      if (open) {
        if (open.text.startsWith('O')) {
          const list = this.optionLines.get(d) ?? [];
          list.push(open);
          this.optionLines.set(d, list);
        }
        this.openLines.delete(d);
      }
      start = nl + 1;
    }
  }

  /** Text that ends a line in `diversion` (a feature file's VERSIONID banner in diversion 0). */
  breakLine(diversion: number): void {
    const saved = this.diversion;
    this.diversion = diversion;
    if (!this.capture) this.trackLines('\n', { offset: 0 });
    this.diversion = saved;
  }

  private checkText(): void {
    if (this.outputLength + this.input.pushed > this.limits.maxText) {
      throw new M4Stop(`m4 expansion limit: more than ${this.limits.maxText} characters of expansion`, this.spanAt(this.input.location()));
    }
  }

  private call(tok: Extract<Token, { kind: 'word' }>, def: MacroDef, arg: string[] | null): void {
    const hasParens = this.input.peek() === '(';
    // GNU m4: some builtins (define, ifdef, ifelse, include, ...) are recognized only with arguments.
    if (def.kind === 'builtin' && def.needsArgs && !hasParens) {
      if (arg) arg.push(tok.text);
      else this.emit(tok.text, tok.loc);
      return;
    }
    this.countStep(this.spanAt(tok.loc, tok.length));
    let args: string[] = [];
    if (hasParens) {
      this.input.next();
      args = this.collectArgs(tok);
    }
    const span = this.callSpan(tok, hasParens);
    const call: M4Call = { name: tok.text, args, span, hadParens: hasParens };
    const result = def.kind === 'user' ? this.substitute(def.body, call) : def.fn(this, call);
    this.input.push(result, span);
    this.checkText();
  }

  private countStep(at: Span): void {
    this.steps++;
    if (this.steps > this.limits.maxSteps) throw new M4Stop(`m4 expansion limit: more than ${this.limits.maxSteps} macro calls`, at);
  }

  private callSpan(tok: Extract<Token, { kind: 'word' }>, hasParens: boolean): Span {
    if ('origin' in tok.loc) return tok.loc.origin;
    const start = tok.loc.offset;
    const filePos = this.input.fileFrame.pos;
    const end = hasParens && filePos > start + tok.length ? filePos : start + tok.length;
    return this.spanAt(tok.loc, end - start);
  }

  /**
   * GNU m4 argument collection: leading unquoted whitespace of each argument is
   * skipped, commas split arguments only outside parentheses, quotes are removed
   * once, and macros inside arguments are expanded before the call.
   */
  private collectArgs(nameTok: Extract<Token, { kind: 'word' }>): string[] {
    this.depth++;
    if (this.depth > this.limits.maxDepth) {
      throw new M4Stop(`m4 expansion limit: macro calls nested deeper than ${this.limits.maxDepth}`, this.spanAt(nameTok.loc, nameTok.length));
    }
    const args: string[] = [];
    try {
      for (;;) {
        while (SPACE.test(this.input.peek()) && this.input.peek() !== '') this.input.next();
        const arg: string[] = [];
        let parens = 0;
        for (;;) {
          const tok = this.readToken();
          if (!tok) throw new M4Stop('ERROR: end of file in argument list', this.spanAt(nameTok.loc, nameTok.length));
          if (tok.kind === 'char') {
            if (tok.text === '(') parens++;
            else if (tok.text === ')') {
              if (parens === 0) {
                args.push(arg.join(''));
                return args;
              }
              parens--;
            } else if (tok.text === ',' && parens === 0) {
              args.push(arg.join(''));
              break;
            }
          }
          this.process(tok, arg);
        }
      }
    } finally {
      this.depth--;
    }
  }

  /**
   * User macro body: `$0`..`$N` (GNU: several digits), `$#`, `$*`, `$@`.
   * The expansion is counted against the text limit while it is built (a
   * body of `$1` 300 times over a 2 MB argument stops here, not after).
   */
  substitute(body: string, call: M4Call): string {
    if (!body.includes('$')) return body;
    const out: string[] = [];
    const room = this.limits.maxText - this.outputLength - this.input.pushed;
    let length = 0;
    const add = (text: string): void => {
      length += text.length;
      if (length > room) throw new M4Stop(`m4 expansion limit: more than ${this.limits.maxText} characters of expansion`, call.span);
      out.push(text);
    };
    let i = 0;
    while (i < body.length) {
      const dollar = body.indexOf('$', i);
      if (dollar < 0 || dollar + 1 >= body.length) {
        add(body.slice(i));
        break;
      }
      if (dollar > i) add(body.slice(i, dollar));
      i = dollar;
      const next = body.charAt(i + 1);
      if (next >= '0' && next <= '9') {
        let j = i + 1;
        while (j < body.length && body.charAt(j) >= '0' && body.charAt(j) <= '9') j++;
        const n = Number(body.slice(i + 1, j));
        add(n === 0 ? call.name : (call.args[n - 1] ?? ''));
        i = j;
      } else if (next === '#') {
        add(String(call.args.length));
        i += 2;
      } else if (next === '*') {
        for (const [k, a] of call.args.entries()) add(k === 0 ? a : `,${a}`);
        i += 2;
      } else if (next === '@') {
        for (const [k, a] of call.args.entries()) add((k === 0 ? '' : ',') + this.quote(a));
        i += 2;
      } else {
        add('$');
        i++;
      }
    }
    return out.join('');
  }

  // ---- tokens ------------------------------------------------------------

  private readToken(): Token | null {
    const input = this.input;
    const ch = input.peek();
    if (ch === '') return null;
    const loc = input.location();
    // GNU m4 checks for a comment first, then a word, then a quoted string.
    if (this.bcomm !== '' && input.startsWith(this.bcomm)) {
      const parts = [this.bcomm];
      input.skip(this.bcomm.length);
      for (;;) {
        if (input.startsWith(this.ecomm)) {
          parts.push(this.ecomm);
          input.skip(this.ecomm.length);
          break;
        }
        const c = input.next();
        if (c === '') throw new M4Stop('ERROR: end of file in comment', this.spanAt(loc));
        parts.push(c);
      }
      return { kind: 'comment', text: parts.join(''), loc };
    }
    if (ch === BUILTIN_OPEN) {
      // A builtin token (defn of a builtin) stays one opaque token when rescanned.
      let text = input.next();
      while (input.peek() !== '' && input.peek() !== BUILTIN_CLOSE) text += input.next();
      text += input.next();
      return { kind: 'char', text, loc };
    }
    if (WORD_START.test(ch)) {
      let text = input.next();
      while (WORD_CHAR.test(input.peek()) && input.peek() !== '') text += input.next();
      return { kind: 'word', text, loc, length: text.length };
    }
    if (this.lquote !== '' && input.startsWith(this.lquote)) {
      input.skip(this.lquote.length);
      const parts: string[] = [];
      let level = 1;
      for (;;) {
        if (input.startsWith(this.rquote)) {
          input.skip(this.rquote.length);
          if (--level === 0) break;
          parts.push(this.rquote);
        } else if (input.startsWith(this.lquote)) {
          input.skip(this.lquote.length);
          level++;
          parts.push(this.lquote);
        } else {
          const c = input.next();
          if (c === '') throw new M4Stop('ERROR: end of file in string', this.spanAt(loc));
          parts.push(c);
        }
      }
      return { kind: 'string', text: parts.join(''), loc };
    }
    return { kind: 'char', text: input.next(), loc };
  }

  /** `dnl`: discard through the next newline (across expansions, as m4 reads). */
  discardLine(): void {
    for (;;) {
      const c = this.input.next();
      if (c === '' || c === '\n') return;
    }
  }
}
