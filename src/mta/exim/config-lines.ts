/**
 * Exim's reading of its runtime configuration into logical lines, as
 * readconf.c get_config_line() does it (Exim 4.96):
 *
 * - macros are substituted in every physical line first, before anything
 *   else looks at it: every occurrence of a defined name, even inside a
 *   word, in definition order (macros_expand());
 * - then a physical line whose first non-blank is `#` is a comment, also in
 *   the middle of continuation lines; `#` anywhere else is data;
 * - `.ifdef`/`.ifndef`/`.elifdef`/`.elifndef`/`.else`/`.endif` apply to
 *   physical lines; `.ifdef TEXT` is true when any macro was substituted in
 *   TEXT; at most ten levels nest;
 * - `.include` and `.include_if_exists` insert a file (relative names are
 *   relative to the including file's directory);
 * - trailing white space is removed; a line then ending in a backslash
 *   continues on the next line, whose leading white space is removed;
 * - empty logical lines are skipped; `begin NAME` starts a section.
 *
 * Where relaygate cannot know what Exim would read (a macro that may or may
 * not be defined, a file it cannot see), lines are marked, never guessed.
 */
import type { Diagnostic, Span } from '../../model/span.js';
import { UNKNOWN_MARK } from '../../model/source.js';
import { MappedText, MappedTextBuilder, isEximSpace } from './mapped-text.js';

export type Tri = true | false | 'maybe';

export interface EximSourceText {
  /** POSIX path relative to the scan root. */
  file: string;
  text: string;
}

export interface PhysicalLine {
  text: string;
  file: string;
  line: number;
  /**
   * Where each character comes from, when not simply `file` at `line`
   * (lines update-exim4.conf writes from update-exim4.conf.conf settings).
   */
  mapped?: MappedText;
  /**
   * The line stands for files relaygate cannot see at that place (the
   * packaged conf.d files beside deployed fragments), named so: read as an
   * `.include` of them that is not in the repository.
   */
  unknown?: string;
}

/** Finds a file `.include`d from `fromFile`: null when relaygate cannot see it. */
export type IncludeResolver = (path: string, fromFile: string) => EximSourceText | null;

export interface Macro {
  name: string;
  value: MappedText;
  /** 'maybe': defined on a line under an undecided conditional (or seeded as unknown). */
  defined: Tri;
  /** The definition; a seeded macro points at the setting it comes from. */
  span: Span;
}

export type ConfigItem =
  | {
      kind: 'line';
      /** From the first non-blank character, continuation lines joined, macros substituted. */
      text: MappedText;
      /** Some physical line of it is under a conditional relaygate cannot decide. */
      maybe: boolean;
      span: Span;
    }
  | { kind: 'begin'; name: string; span: Span; maybe: boolean }
  /** An `.include` of a file relaygate cannot read: anything may be there. */
  | { kind: 'unknown-include'; path: string; span: Span; maybe: boolean };

interface Frame {
  /** Has an earlier branch of this .ifdef chain been taken? */
  taken: Tri;
  /** Is the current branch being read? */
  current: Tri;
  span: Span;
}

interface InputFile {
  lines: PhysicalLine[];
  next: number;
}

/** Exim's conditional nesting limit (readconf.c CSTATE_STACK_SIZE). */
const MAX_NESTING = 10;
/** Bounds against include loops and runaway macro growth. */
const MAX_INCLUDE_DEPTH = 16;
const MAX_LOGICAL_LINE = 1 << 18;
const MAX_PHYSICAL_LINES = 500_000;
const MAX_SUBSTITUTIONS = 10_000;

const DIRECTIVES = [
  { name: 'ifdef', push: true, ifFound: true },
  { name: 'ifndef', push: true, ifFound: false },
  { name: 'elifdef', push: false, ifFound: true },
  { name: 'elifndef', push: false, ifFound: false },
  { name: 'else', push: false, ifFound: null },
  { name: 'endif', push: false, ifFound: null },
] as const;

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c >= 'A' && c <= 'Z';
}

function isNameChar(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '_');
}

/** Can a macro name start here (macros_expand: an upper-case letter, or `_` before one)? */
function isCandidate(text: string, i: number): boolean {
  const c = text[i];
  return isUpper(c) || (c === '_' && isUpper(text[i + 1]));
}

function skipToCandidate(text: string, i: number): number {
  while (i < text.length && !isCandidate(text, i)) i++;
  return i;
}

export function triAnd(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return 'maybe';
}

export function triNot(a: Tri): Tri {
  return a === 'maybe' ? 'maybe' : !a;
}

export function triOr(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return 'maybe';
}

/**
 * The span a physical line stands for: the line itself, or for text
 * relaygate generated (update-exim4.conf's macro definitions, an inserted
 * header) the range its characters come from, never past that line's end.
 */
export function physicalSpan(line: PhysicalLine): Span {
  const own: Span = { file: line.file, line: line.line, column: 1, endLine: line.line, endColumn: line.text.length + 1 };
  return line.mapped === undefined || line.mapped.length === 0 ? own : line.mapped.span(0, line.mapped.length, own);
}

export function splitPhysicalLines(source: EximSourceText): PhysicalLine[] {
  const parts = source.text.split('\n');
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((text, i) => ({ text, file: source.file, line: i + 1 }));
}

export class ConfigReader {
  readonly diagnostics: Diagnostic[] = [];
  /** Exim's macro list, in definition order (order decides substitution). */
  readonly macros: Macro[] = [];
  /** Undecided conditionals: each one makes the lines it governs uncertain. */
  readonly undecided: Span[] = [];
  /** Files read through `.include`. */
  readonly included: string[] = [];
  private readonly stack: InputFile[];
  private readonly frames: Frame[] = [];
  private physicalCount = 0;
  private failed = false;

  constructor(
    lines: PhysicalLine[],
    private readonly resolve: IncludeResolver = () => null,
  ) {
    this.stack = [{ lines, next: 0 }];
  }

  /** Did reading stop on an error Exim treats as fatal? */
  get stopped(): boolean {
    return this.failed;
  }

  fatal(line: PhysicalLine | Span, message: string): void {
    const file = line.file;
    const lineNo = line.line;
    const column = 'column' in line ? line.column : 1;
    this.diagnostics.push({ file, line: lineNo, column, message, fatal: true });
    this.failed = true;
  }

  note(span: Span, message: string): void {
    this.diagnostics.push({ file: span.file, line: span.line, column: span.column, message, fatal: false });
  }

  private active(): Tri {
    let state: Tri = true;
    for (const f of this.frames) state = triAnd(state, f.current);
    return state;
  }

  private nextPhysical(): PhysicalLine | null {
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1] as InputFile;
      const line = top.lines[top.next];
      if (line !== undefined) {
        top.next++;
        if (++this.physicalCount > MAX_PHYSICAL_LINES) {
          this.fatal(line, 'configuration too long (relaygate reads at most 500000 lines)');
          return null;
        }
        return line;
      }
      this.stack.pop();
    }
    return null;
  }

  /**
   * The next logical line, section start or unreadable include; null at the
   * end (or after a fatal error).
   */
  next(): ConfigItem | null {
    for (;;) {
      const item = this.readItem();
      if (item !== 'empty') return item;
    }
  }

  /** One logical line; 'empty' when it had no data after all (Exim skips those). */
  private readItem(): ConfigItem | null | 'empty' {
    const pieces: MappedText[] = [];
    let size = 0;
    let maybe = false;
    let first: PhysicalLine | null = null;
    let last: PhysicalLine | null = null;
    for (;;) {
      if (this.failed) return null;
      const physical = this.nextPhysical();
      if (physical === null) {
        if (this.frames.length > 0 && pieces.length === 0) {
          const open = this.frames[this.frames.length - 1] as Frame;
          this.fatal(open.span, 'Unexpected end of configuration file: .endif missing');
          return null;
        }
        if (pieces.length === 0) return null;
        break;
      }
      if (physical.unknown !== undefined && pieces.length === 0) {
        const state = this.active();
        if (state !== false) return { kind: 'unknown-include', path: physical.unknown, span: physicalSpan(physical), maybe: state === 'maybe' };
        continue;
      }
      const raw = physical.mapped ?? MappedText.of(physical.text, physical.file, physical.line, 1);
      const { text: expanded, found } = this.expand(raw, pieces.length === 0);
      let at = 0;
      while (at < expanded.length && isEximSpace(expanded.text[at] as string)) at++;
      const body = expanded.slice(at);
      if (body.text.startsWith('#')) continue;

      if (body.text.startsWith('.') && this.directive(body.text, found, physical)) continue;
      if (this.failed) return null;
      const state = this.active();
      if (state === false) continue;

      if (body.text.startsWith('.include')) {
        const rest = body.text.slice(8);
        const ifExists = rest.startsWith('_if_exists') && isEximSpace(rest[10] ?? '');
        if (isEximSpace(rest[0] ?? '') || ifExists) {
          const include = this.include(body, ifExists, physical, state === 'maybe');
          if (include !== null) return include;
          continue;
        }
      }

      if (state === 'maybe') maybe = true;
      first ??= physical;
      last = physical;
      // Trailing white space goes; a final backslash joins the next line.
      let end = body.length;
      while (end > 0 && isEximSpace(body.text[end - 1] as string)) end--;
      if (end === 0) {
        // Nothing more on this physical line: the logical line (if any) ends,
        // losing its own trailing white space.
        if (pieces.length === 0) {
          first = null;
          maybe = false;
          continue;
        }
        break;
      }
      const piece = body.slice(0, end);
      size += piece.length;
      if (size > MAX_LOGICAL_LINE) {
        this.fatal(physical, 'logical line too long');
        return null;
      }
      if (piece.text.endsWith('\\')) {
        pieces.push(piece.slice(0, piece.length - 1));
        continue;
      }
      pieces.push(piece);
      break;
    }
    if (pieces.length === 0 || first === null) return null;
    const builder = new MappedTextBuilder();
    for (const piece of pieces) builder.append(piece);
    let logical = builder.build();
    let trimmed = logical.length;
    while (trimmed > 0 && isEximSpace(logical.text[trimmed - 1] as string)) trimmed--;
    if (trimmed < logical.length) logical = logical.slice(0, trimmed);
    if (logical.length === 0) return 'empty';
    const start = physicalSpan(first);
    const end = physicalSpan(last ?? first);
    const ordered = end.file === start.file && (end.endLine > start.line || (end.endLine === start.line && end.endColumn > start.column));
    const span: Span = ordered ? { ...start, endLine: end.endLine, endColumn: end.endColumn } : start;
    const lower = logical.text.slice(0, 6).toLowerCase();
    if (lower === 'begin ') {
      let i = 6;
      while (i < logical.length && isEximSpace(logical.text[i] as string)) i++;
      return { kind: 'begin', name: logical.text.slice(i), span, maybe };
    }
    return { kind: 'line', text: logical, maybe, span };
  }

  /**
   * macros_expand(): substitutes macros in one physical line. At the start of
   * a logical line, a `NAME =` definition's name is left alone. Returns
   * whether a macro was substituted (for .ifdef): 'maybe' when only
   * possibly-defined or built-in macros were met.
   */
  expand(line: MappedText, startOfLogical: boolean): { text: MappedText; found: Tri } {
    let text = line;
    let ss = 0;
    while (ss < text.length && isEximSpace(text.text[ss] as string)) ss++;
    let s = ss;
    if (startOfLogical && isUpper(text.text[s])) {
      while (isNameChar(text.text[s])) s++;
      while (s < text.length && isEximSpace(text.text[s] as string)) s++;
      if (text.text[s] !== '=') s = ss;
    }
    s = skipToCandidate(text.text, s);
    let found: Tri = false;
    if (s >= text.length) return { text, found };
    // Built-in macros (_HAVE_TLS, _OPT_..., _DRIVER_...) depend on how Exim
    // was built: relaygate does not know which exist.
    if (text.text[s] === '_') found = 'maybe';
    let substitutions = 0;
    for (const m of this.macros) {
      s = skipToCandidate(text.text, s);
      if (s >= text.length) break;
      let t = s;
      for (;;) {
        const p = text.text.indexOf(m.name, t);
        if (p < 0) break;
        // A macro that may not be defined stands for unknown text where it is used.
        const at = text.position(p);
        const replacement =
          m.defined === true ? m.value : MappedText.of(UNKNOWN_MARK, at?.file ?? m.span.file, at?.line ?? m.span.line, at?.column ?? m.span.column);
        text = text.replace(p, p + m.name.length, replacement);
        if (text.length > MAX_LOGICAL_LINE || ++substitutions > MAX_SUBSTITUTIONS) {
          this.fatal({ text: '', file: m.span.file, line: m.span.line }, 'macro substitution makes a line too long');
          return { text, found: true };
        }
        t = skipToCandidate(text.text, p + replacement.length);
        found = triOr(found, m.defined === true ? true : 'maybe');
      }
    }
    return { text, found };
  }

  /**
   * macro_read_assignment(): `NAME = value` defines, `NAME == value`
   * redefines. A name may not contain an earlier macro's name, and may not be
   * defined twice with `=`. A definition on an uncertain line makes the
   * macro's definition uncertain.
   */
  defineMacro(line: MappedText, maybe: boolean, span: Span): void {
    const text = line.text;
    let i = 0;
    while (isNameChar(text[i])) i++;
    const name = text.slice(0, i);
    if (name.length > 63) {
      this.fatal(span, 'macro name too long (maximum is 63 characters)');
      return;
    }
    while (i < text.length && isEximSpace(text[i] as string)) i++;
    if (text[i] !== '=') {
      this.fatal(span, 'malformed macro definition');
      return;
    }
    i++;
    let redefine = false;
    if (text[i] === '=') {
      redefine = true;
      i++;
    }
    while (i < text.length && isEximSpace(text[i] as string)) i++;
    const value = line.slice(i);
    const existing = this.macros.find((m) => m.name === name);
    if (existing === undefined) {
      const containing = this.macros.find((m) => m.name.length < name.length && name.includes(m.name));
      if (containing !== undefined && !maybe && containing.defined === true) {
        this.fatal(span, `"${name}" cannot be defined as a macro because previously defined macro "${containing.name}" is a substring`);
        return;
      }
      if (redefine) {
        if (!maybe) this.fatal(span, `can't redefine an undefined macro "${name}"`);
        return;
      }
      this.macros.push({ name, value, defined: maybe ? 'maybe' : true, span });
      return;
    }
    if (!redefine && existing.defined === true) {
      // Exim stops on this; on an uncertain line the old value stays if Exim skips it.
      if (!maybe) this.fatal(span, `macro "${name}" is already defined (use "==" if you want to redefine it)`);
      return;
    }
    if (maybe) {
      // The same value on every path keeps it; otherwise the old value or
      // the new one (or none): relaygate cannot tell which.
      if (existing.value.text === value.text) return;
      existing.value = MappedText.of(UNKNOWN_MARK, span.file, span.line, span.column);
      existing.span = span;
      return;
    }
    existing.value = value;
    existing.defined = true;
    existing.span = span;
  }

  /** Seeds a macro from outside the file (update-exim4.conf's settings). */
  seedMacro(macro: Macro): void {
    const existing = this.macros.find((m) => m.name === macro.name);
    if (existing === undefined) this.macros.push(macro);
  }

  /** Handles a conditional directive; false when the line is not one. */
  private directive(body: string, substituted: Tri, physical: PhysicalLine): boolean {
    // Text relaygate could not resolve (a template value, a condition of the
    // provisioning code that writes the file) may hold a defined macro's name.
    const found = body.includes(UNKNOWN_MARK) ? triOr(substituted, 'maybe') : substituted;
    for (const d of DIRECTIVES) {
      if (!body.startsWith(d.name, 1)) continue;
      const after = body[1 + d.name.length];
      // readconf.c accepts a space, the letter t (its test for a tab is
      // written 't'), or the end of the line; anything else after the name
      // (a CR of a CRLF file, a tab) makes Exim skip the line unprocessed.
      if (after !== undefined && after !== ' ' && after !== 't') return true;
      const span = physicalSpan(physical);
      if (d.push) {
        if (this.frames.length >= MAX_NESTING) {
          this.fatal(physical, `.${d.name} nested too deeply`);
          return true;
        }
        const condition = d.ifFound ? found : triNot(found);
        if (condition === 'maybe' && this.active() !== false) this.undecided.push(span);
        this.frames.push({ taken: condition, current: condition, span });
        return true;
      }
      const top = this.frames[this.frames.length - 1];
      if (top === undefined) {
        this.fatal(physical, `.${d.name} without matching .ifdef`);
        return true;
      }
      if (d.name === 'endif') {
        this.frames.pop();
        return true;
      }
      const condition: Tri = d.ifFound === null ? true : d.ifFound ? found : triNot(found);
      if (condition === 'maybe' && this.active() !== false) this.undecided.push(span);
      top.current = triAnd(triNot(top.taken), condition);
      top.taken = triOr(top.taken, condition);
      return true;
    }
    return false;
  }

  private include(body: MappedText, ifExists: boolean, physical: PhysicalLine, maybe: boolean): ConfigItem | null {
    let name = body.text.slice(ifExists ? 19 : 9).trim();
    if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) name = name.slice(1, -1);
    const span = physicalSpan(physical);
    if (ifExists && !name.startsWith('/')) {
      if (!maybe) this.fatal(physical, `.include specifies a non-absolute path "${name}"`);
      return null;
    }
    if (this.stack.length > MAX_INCLUDE_DEPTH) {
      this.fatal(physical, `.include nested more than ${MAX_INCLUDE_DEPTH} deep (an include loop?)`);
      return null;
    }
    const found = name.includes(UNKNOWN_MARK) ? null : this.resolve(name, physical.file);
    if (found === null) return { kind: 'unknown-include', path: name, span, maybe };
    if (!this.included.includes(found.file)) this.included.push(found.file);
    const lines = splitPhysicalLines(found);
    if (maybe) {
      // Lines of a file included under an undecided conditional are uncertain too.
      this.frames.push({ taken: 'maybe', current: 'maybe', span });
      lines.push({ text: '.endif', file: found.file, line: lines.length + 1 });
    }
    this.stack.push({ lines, next: 0 });
    return null;
  }
}
