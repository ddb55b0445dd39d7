/**
 * A GNU sed script (sed(1), "sed scripts"): commands separated by newlines
 * or `;`, each with zero, one or two addresses (a line number, `$`,
 * `/regex/` or `\cregexc` with the I flag, `first~step`, `0,/re/`,
 * `addr,+N`, `addr,~N`) and `!`. Read here: `s` (flags g, p, N, i/I), `y`,
 * `d`, `p`, `a`, `i`, `c` (one-line GNU form and the `a\` form), `{ }`
 * blocks and `#` comments. Any other command makes the script unsupported:
 * the caller falls back to "unknown". Offsets point into the script text so
 * replacement and appended text keep their place in the host file.
 */
import { translateSedRegex, type Translated } from './sed-regex.js';

export interface SedRegex {
  source: string;
  groups: number;
  icase: boolean;
  /** The pattern holds an unknown value: it may match text relaygate cannot list. */
  unknown: boolean;
}

export type SedAddress =
  | { kind: 'line'; line: number }
  | { kind: 'last' }
  | { kind: 'regex'; regex: SedRegex | null }
  | { kind: 'step'; first: number; step: number };

export type SedAddress2 = SedAddress | { kind: 'relative'; count: number } | { kind: 'multiple'; of: number };

/** Replacement text: literal runs (script offsets), `&`, `\1`..`\9`. */
export type ReplacementPart = { kind: 'text'; text: string; start: number; end: number; exact: boolean } | { kind: 'group'; group: number };

export type SedCommand =
  | { name: 's'; regex: SedRegex | null; replacement: ReplacementPart[]; global: boolean; occurrence: number; print: boolean }
  | { name: 'y'; from: string; to: string }
  | { name: 'd' | 'p' }
  | { name: 'a' | 'i' | 'c'; text: string; start: number; end: number; exact: boolean }
  | { name: 'block'; commands: SedInstruction[] };

export interface SedInstruction {
  first: SedAddress | null;
  /** A range's end; with `first.kind === 'line' && first.line === 0`, the GNU `0,/re/` form. */
  second: SedAddress2 | null;
  negate: boolean;
  command: SedCommand;
}

export type SedProgram =
  | { kind: 'program'; instructions: SedInstruction[] }
  /** GNU sed rejects the script: it exits with an error and changes nothing. */
  | { kind: 'error'; message: string }
  | { kind: 'unsupported'; what: string };

const DIGITS = /^[0-9]+/;

class Reader {
  i = 0;
  /** `//`: the last regex used (GNU: the last one compiled). */
  last: SedRegex | null = null;

  constructor(
    readonly text: string,
    readonly extended: boolean,
  ) {}

  peek(k = 0): string | undefined {
    return this.text[this.i + k];
  }

  skipBlanks(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.i++;
  }

  /** Text up to an unescaped `delimiter` (the escaped delimiter becomes itself; other escapes kept); null when unterminated. */
  delimited(delimiter: string, brackets: boolean): { text: string; start: number; end: number; raw: string } | null {
    const start = this.i;
    let out = '';
    while (this.i < this.text.length) {
      const c = this.text[this.i] as string;
      if (c === '\\' && this.i + 1 < this.text.length) {
        const n = this.text[this.i + 1] as string;
        if (n === delimiter) out += delimiter;
        else if (n === '\n') out += '\n';
        else out += c + n;
        this.i += 2;
        continue;
      }
      if (c === '\n' && !brackets) return null;
      if (c === delimiter) {
        const raw = this.text.slice(start, this.i);
        this.i++;
        return { text: out, start, end: this.i - 1, raw };
      }
      if (brackets && c === '[') {
        // A bracket expression may hold the delimiter (GNU's match_slash skips it).
        const close = this.bracketEnd(this.i);
        if (close > this.i) {
          out += this.text.slice(this.i, close);
          this.i = close;
          continue;
        }
      }
      out += c;
      this.i++;
    }
    return null;
  }

  private bracketEnd(open: number): number {
    let i = open + 1;
    if (this.text[i] === '^') i++;
    if (this.text[i] === ']') i++;
    for (; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '\n') return open;
      if (c === '[' && (this.text[i + 1] === ':' || this.text[i + 1] === '=' || this.text[i + 1] === '.')) {
        const close = this.text.indexOf(`${this.text[i + 1]}]`, i + 2);
        if (close < 0) return open;
        i = close + 1;
        continue;
      }
      if (c === ']') return i + 1;
    }
    return open;
  }

  regex(pattern: string, icase: boolean): SedRegex | null | { error: string } | { unsupported: string } {
    if (pattern === '') return this.last === null ? { error: 'no previous regular expression' } : this.last;
    const t: Translated = translateSedRegex(pattern, this.extended);
    if (t.kind === 'error') return { error: t.message };
    if (t.kind === 'unsupported') return { unsupported: t.what };
    const regex = { source: t.source, groups: t.groups, icase, unknown: t.unknown };
    this.last = regex;
    return regex;
  }
}

type Failure = { kind: 'error'; message: string } | { kind: 'unsupported'; what: string };

function isFailure(v: unknown): v is Failure {
  return typeof v === 'object' && v !== null && 'kind' in v && ((v as Failure).kind === 'error' || (v as Failure).kind === 'unsupported');
}

function fail(v: { error: string } | { unsupported: string }): Failure {
  return 'error' in v ? { kind: 'error', message: v.error } : { kind: 'unsupported', what: v.unsupported };
}

function address(r: Reader): SedAddress | null | Failure {
  const c = r.peek();
  if (c === undefined) return null;
  const digits = DIGITS.exec(r.text.slice(r.i));
  if (digits !== null) {
    r.i += digits[0].length;
    const first = Number(digits[0]);
    if (r.peek() === '~') {
      r.i++;
      const step = DIGITS.exec(r.text.slice(r.i));
      const n = step === null ? 0 : Number(step[0]);
      if (step !== null) r.i += step[0].length;
      return { kind: 'step', first, step: n };
    }
    return { kind: 'line', line: first };
  }
  if (c === '$') {
    r.i++;
    return { kind: 'last' };
  }
  if (c === '/' || c === '\\') {
    let delimiter = '/';
    if (c === '\\') {
      delimiter = r.peek(1) ?? '';
      if (delimiter === '' || delimiter === '\n' || delimiter === '\\') return { kind: 'error', message: 'unexpected `,\'' };
      r.i += 2;
    } else r.i++;
    const body = r.delimited(delimiter, true);
    if (body === null) return { kind: 'error', message: 'unterminated address regex' };
    let icase = false;
    while (r.peek() === 'I' || r.peek() === 'M') {
      if (r.peek() === 'M') return { kind: 'unsupported', what: 'the M address flag' };
      icase = true;
      r.i++;
    }
    const regex = r.regex(body.text, icase);
    if (regex !== null && ('error' in regex || 'unsupported' in regex)) return fail(regex);
    return { kind: 'regex', regex };
  }
  return null;
}

/** a, i, c text: the GNU one-line form (`a text`) or `a\` followed by lines, backslashes removed. */
function text(r: Reader): { text: string; start: number; end: number; exact: boolean } {
  // `a text` drops the blanks before the text; after `a\` (on the same line or the next) they are kept.
  r.skipBlanks();
  if (r.peek() === '\\') {
    r.i++;
    if (r.peek() === '\n') r.i++;
  }
  const start = r.i;
  let out = '';
  let exact = true;
  while (r.i < r.text.length) {
    const c = r.text[r.i] as string;
    if (c === '\\') {
      const n = r.text[r.i + 1];
      if (n === undefined) {
        r.i++;
        break;
      }
      out += n === 't' ? '\t' : n === 'n' ? '\n' : n;
      exact = false;
      r.i += 2;
      continue;
    }
    if (c === '\n') break;
    out += c;
    r.i++;
  }
  return { text: out, start, end: r.i, exact };
}

function replacement(raw: string, start: number, groups: number): ReplacementPart[] | Failure {
  const parts: ReplacementPart[] = [];
  let run = '';
  let runStart = start;
  let exact = true;
  let at = start;
  const flush = (end: number): void => {
    if (run !== '') parts.push({ kind: 'text', text: run, start: runStart, end, exact });
    run = '';
    exact = true;
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    at = start + i;
    if (c === '&') {
      flush(at);
      parts.push({ kind: 'group', group: 0 });
      runStart = at + 1;
      continue;
    }
    if (c === '\\' && i + 1 < raw.length) {
      const n = raw[i + 1] as string;
      if (n >= '0' && n <= '9') {
        const group = Number(n);
        if (group > groups) return { kind: 'error', message: `invalid reference \\${group} on \`s' command's RHS` };
        flush(at);
        parts.push({ kind: 'group', group });
        runStart = at + 2;
        i++;
        continue;
      }
      if ('LUluE'.includes(n)) return { kind: 'unsupported', what: `the case conversion \\${n}` };
      run += n === 'n' ? '\n' : n === 't' ? '\t' : n;
      exact = false;
      i++;
      continue;
    }
    run += c;
  }
  flush(start + raw.length);
  return parts;
}

function command(r: Reader, depth: number): SedCommand | Failure {
  const name = r.peek();
  if (name === undefined) return { kind: 'error', message: 'missing command' };
  r.i++;
  switch (name) {
    case '{': {
      if (depth > 32) return { kind: 'unsupported', what: 'blocks nested deeper than 32' };
      const inner = instructions(r, depth + 1, true);
      if (isFailure(inner)) return inner;
      return { name: 'block', commands: inner };
    }
    case 'd':
    case 'p':
      return { name };
    case 'a':
    case 'i':
    case 'c':
      return { name, ...text(r) };
    case 's': {
      const delimiter = r.peek();
      if (delimiter === undefined || delimiter === '\n' || delimiter === '\\') return { kind: 'error', message: "unterminated `s' command" };
      r.i++;
      const pattern = r.delimited(delimiter, true);
      if (pattern === null) return { kind: 'error', message: "unterminated `s' command" };
      const rhsAt = r.i;
      const rhs = r.delimited(delimiter, false);
      if (rhs === null) return { kind: 'error', message: "unterminated `s' command" };
      let global = false;
      let print = false;
      let occurrence = 1;
      let icase = false;
      for (;;) {
        const f = r.peek();
        if (f === 'g') global = true;
        else if (f === 'p') print = true;
        else if (f === 'i' || f === 'I') icase = true;
        else if (f !== undefined && f >= '0' && f <= '9') {
          const digits = DIGITS.exec(r.text.slice(r.i)) as RegExpExecArray;
          occurrence = Number(digits[0]);
          if (occurrence === 0) return { kind: 'error', message: "number option to `s' command may not be zero" };
          r.i += digits[0].length;
          continue;
        } else if (f === 'm' || f === 'M' || f === 'e' || f === 'w') return { kind: 'unsupported', what: `the s flag ${f}` };
        else break;
        r.i++;
      }
      const regex = r.regex(pattern.text, icase);
      if (regex !== null && ('error' in regex || 'unsupported' in regex)) return fail(regex);
      // The replacement's raw text, the escaped delimiter turned into itself.
      const parts = replacement(rhs.text, rhsAt, regex?.groups ?? 0);
      if (isFailure(parts)) return parts;
      // Offsets of `rhs.text` match the script only when no escaped delimiter shortened it.
      const exactOffsets = rhs.raw === rhs.text;
      return { name: 's', regex, replacement: exactOffsets ? parts : parts.map((p) => (p.kind === 'text' ? { ...p, exact: false, start: rhsAt, end: rhs.end } : p)), global, occurrence, print };
    }
    case 'y': {
      const delimiter = r.peek();
      if (delimiter === undefined || delimiter === '\n' || delimiter === '\\') return { kind: 'error', message: "unterminated `y' command" };
      r.i++;
      const a = r.delimited(delimiter, false);
      const b = a === null ? null : r.delimited(delimiter, false);
      if (a === null || b === null) return { kind: 'error', message: "unterminated `y' command" };
      const unescape = (t: string): string => t.replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
      const from = unescape(a.text);
      const to = unescape(b.text);
      if ([...from].length !== [...to].length) return { kind: 'error', message: "strings for `y' command are different lengths" };
      return { name: 'y', from, to };
    }
    default:
      return { kind: 'unsupported', what: `the sed command ${name}` };
  }
}

function instructions(r: Reader, depth: number, block: boolean): SedInstruction[] | Failure {
  const out: SedInstruction[] = [];
  for (;;) {
    while (r.i < r.text.length && ' \t\n;'.includes(r.peek() as string)) r.i++;
    if (r.i >= r.text.length) {
      if (block) return { kind: 'error', message: 'unmatched `{\'' };
      return out;
    }
    if (r.peek() === '#') {
      while (r.i < r.text.length && r.peek() !== '\n') r.i++;
      continue;
    }
    if (r.peek() === '}') {
      if (!block) return { kind: 'error', message: 'unexpected `}\'' };
      r.i++;
      return out;
    }
    const first = address(r);
    if (isFailure(first)) return first;
    let second: SedAddress2 | null = null;
    r.skipBlanks();
    if (first !== null && r.peek() === ',') {
      r.i++;
      r.skipBlanks();
      const c = r.peek();
      if (c === '+' || c === '~') {
        r.i++;
        const digits = DIGITS.exec(r.text.slice(r.i));
        if (digits === null) return { kind: 'error', message: 'expected newer version of sed' };
        r.i += digits[0].length;
        second = c === '+' ? { kind: 'relative', count: Number(digits[0]) } : { kind: 'multiple', of: Number(digits[0]) };
      } else {
        const a = address(r);
        if (isFailure(a)) return a;
        if (a === null) return { kind: 'error', message: 'unexpected `,\'' };
        second = a;
      }
    }
    if (first?.kind === 'line' && first.line === 0 && (second === null || second.kind !== 'regex')) return { kind: 'error', message: 'invalid usage of line address 0' };
    r.skipBlanks();
    let negate = false;
    while (r.peek() === '!') {
      negate = true;
      r.i++;
      r.skipBlanks();
    }
    const c = command(r, depth);
    if (isFailure(c)) return c;
    out.push({ first, second, negate, command: c });
    // After a command: blanks, then `;`, `}`, `#` or a newline (GNU accepts `}` and `#` directly).
    r.skipBlanks();
    const next = r.peek();
    if (next !== undefined && !';\n}#'.includes(next)) {
      if (c.name === 'a' || c.name === 'i' || c.name === 'c') continue;
      return { kind: 'error', message: `extra characters after command` };
    }
  }
}

/** The program of a sed script (several `-e` scripts joined by newlines, as GNU sed joins them). */
export function parseSedScript(script: string, extended: boolean): SedProgram {
  const r = new Reader(script, extended);
  const result = instructions(r, 0, false);
  if (isFailure(result)) return result;
  return { kind: 'program', instructions: result };
}
