/** Token recognition (POSIX XCU 2.3) with quoting (2.2) and expansions (2.6, recognised, never performed). */
import type { Heredoc, ShellDiagnostic, Word, WordPart } from './syntax.js';

export type Token =
  | { type: 'word'; word: Word }
  | { type: 'op'; op: string; start: number; end: number; fd: number | null }
  | { type: 'newline'; start: number };

/** Bounded: a script bigger than this is read only up to here (a diagnostic says so). */
const MAX_TOKENS = 200_000;

const OPERATORS = ['&&', '||', ';;&', ';;', ';&', '&>>', '&>', '<<<', '<<-', '<<', '>>', '>&', '<&', '>|', '<>', '|&', '|', '&', ';', '<', '>', '(', ')'];
export const REDIRECTIONS = new Set(['<<<', '<<-', '<<', '>>', '>&', '<&', '>|', '<>', '<', '>', '&>', '&>>']);

function isMeta(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || c === '(' || c === ')';
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export class Tokenizer {
  pos = 0;
  readonly diagnostics: ShellDiagnostic[] = [];
  substitutions = 0;
  private pending: Heredoc[] = [];
  private expectDelimiter: Heredoc | null = null;

  constructor(private readonly text: string) {}

  tokens(): Token[] {
    const out: Token[] = [];
    const text = this.text;
    while (this.pos < text.length) {
      if (out.length > MAX_TOKENS) {
        this.diagnostics.push({ offset: this.pos, message: `script has more than ${MAX_TOKENS} tokens; the rest is not read` });
        break;
      }
      const c = text[this.pos] as string;
      if (c === ' ' || c === '\t' || c === '\r') {
        this.pos++;
        continue;
      }
      if (c === '\\' && text[this.pos + 1] === '\n') {
        this.pos += 2;
        continue;
      }
      if (c === '#') {
        while (this.pos < text.length && text[this.pos] !== '\n') this.pos++;
        continue;
      }
      if (c === '\n') {
        out.push({ type: 'newline', start: this.pos });
        this.pos++;
        this.readHeredocBodies();
        continue;
      }
      const op = OPERATORS.find((o) => text.startsWith(o, this.pos));
      if (op !== undefined) {
        out.push({ type: 'op', op, start: this.pos, end: this.pos + op.length, fd: null });
        this.pos += op.length;
        if (op === '<<' || op === '<<-') {
          this.expectDelimiter = { delimiter: '', quoted: false, stripTabs: op === '<<-', lines: [], terminated: false };
        }
        continue;
      }
      const word = this.word();
      // An all-digit word written against `<` or `>` is the descriptor of a redirection (`2>&1`).
      const next = text[this.pos];
      if ((next === '<' || next === '>') && /^[0-9]+$/.test(word.raw)) {
        const following = OPERATORS.find((o) => text.startsWith(o, this.pos)) as string;
        out.push({ type: 'op', op: following, start: word.start, end: this.pos + following.length, fd: Number(word.raw) });
        this.pos += following.length;
        if (following === '<<' || following === '<<-') {
          this.expectDelimiter = { delimiter: '', quoted: false, stripTabs: following === '<<-', lines: [], terminated: false };
        }
        continue;
      }
      if (this.expectDelimiter !== null) {
        const heredoc = this.expectDelimiter;
        heredoc.delimiter = word.parts.map((p) => (p.kind === 'literal' ? p.text : p.text)).join('');
        heredoc.quoted = word.parts.some((p) => p.quoted);
        this.pending.push(heredoc);
        this.expectDelimiter = null;
        out.push({ type: 'word', word });
        (out[out.length - 1] as { heredoc?: Heredoc }).heredoc = heredoc;
        continue;
      }
      out.push({ type: 'word', word });
    }
    if (this.pending.length > 0) this.readHeredocBodies();
    return out;
  }

  /** XCU 2.7.4: the bodies start on the line after the operator, in order. */
  private readHeredocBodies(): void {
    const text = this.text;
    for (const heredoc of this.pending) {
      while (this.pos < text.length) {
        let lineEnd = text.indexOf('\n', this.pos);
        if (lineEnd < 0) lineEnd = text.length;
        let start = this.pos;
        if (heredoc.stripTabs) while (start < lineEnd && text[start] === '\t') start++;
        let line = text.slice(start, lineEnd);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        this.pos = Math.min(lineEnd + 1, text.length);
        if (line === heredoc.delimiter) {
          heredoc.terminated = true;
          break;
        }
        heredoc.lines.push({ text: line, offset: start });
        if (lineEnd >= text.length) break;
      }
      if (!heredoc.terminated) this.diagnostics.push({ offset: this.pos, message: `here-document delimited by end of text (wanted a line with the delimiter)` });
    }
    this.pending = [];
  }

  private word(): Word {
    const text = this.text;
    const start = this.pos;
    const parts: WordPart[] = [];
    let literal = '';
    let literalStart = this.pos;
    let literalQuoted = false;
    const flush = (): void => {
      if (literal !== '' || literalQuoted) parts.push({ kind: 'literal', text: literal, quoted: literalQuoted, start: literalStart, end: this.pos });
      literal = '';
      literalQuoted = false;
      literalStart = this.pos;
    };
    while (this.pos < text.length) {
      const c = text[this.pos] as string;
      if (isMeta(c)) break;
      if (c === '\\') {
        if (text[this.pos + 1] === '\n') {
          flush();
          this.pos += 2;
          literalStart = this.pos;
          continue;
        }
        flush();
        literal = text[this.pos + 1] ?? '';
        literalQuoted = true;
        this.pos = Math.min(this.pos + 2, text.length);
        flush();
        continue;
      }
      if (c === "'") {
        flush();
        const close = text.indexOf("'", this.pos + 1);
        const end = close < 0 ? text.length : close;
        if (close < 0) this.diagnostics.push({ offset: this.pos, message: 'unterminated single quote' });
        parts.push({ kind: 'literal', text: text.slice(this.pos + 1, end), quoted: true, start: this.pos, end: Math.min(end + 1, text.length) });
        this.pos = Math.min(end + 1, text.length);
        literalStart = this.pos;
        continue;
      }
      if (c === '"') {
        flush();
        this.doubleQuoted(parts);
        literalStart = this.pos;
        continue;
      }
      if (c === '$' || c === '`') {
        const expansion = this.expansion(true);
        if (expansion !== null) {
          flush();
          parts.push(expansion);
          literalStart = this.pos;
          continue;
        }
      }
      literal += c;
      this.pos++;
    }
    flush();
    return { parts, start, end: this.pos, raw: text.slice(start, this.pos) };
  }

  private doubleQuoted(parts: WordPart[]): void {
    const text = this.text;
    const open = this.pos;
    this.pos++;
    let literal = '';
    let literalStart = open;
    while (this.pos < text.length && text[this.pos] !== '"') {
      const c = text[this.pos] as string;
      if (c === '\\') {
        const n = text[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        if (n === '$' || n === '`' || n === '"' || n === '\\') {
          literal += n;
          this.pos += 2;
          continue;
        }
      }
      if (c === '$' || c === '`') {
        const expansion = this.expansion(false);
        if (expansion !== null) {
          if (literal !== '') parts.push({ kind: 'literal', text: literal, quoted: true, start: literalStart, end: expansion.start });
          literal = '';
          parts.push({ ...expansion, quoted: true });
          literalStart = this.pos;
          continue;
        }
      }
      literal += c;
      this.pos++;
    }
    if (this.pos >= text.length) this.diagnostics.push({ offset: open, message: 'unterminated double quote' });
    this.pos = Math.min(this.pos + 1, text.length);
    // An empty "" still makes the word exist (and quoted).
    parts.push({ kind: 'literal', text: literal, quoted: true, start: literalStart, end: this.pos });
  }

  /** `$name`, `${...}`, `$(...)`, `$((...))`, `` `...` ``, `$'...'`; null for a lone `$`. */
  expansion(unquoted: boolean): WordPart | null {
    const result = scanExpansion(this.text, this.pos, unquoted);
    if (result === null) return null;
    if (result.part.kind === 'expansion' && (result.part.text.startsWith('$(') || result.part.text.startsWith('`'))) this.substitutions++;
    this.pos = result.end;
    return result.part;
  }
}

/** Reads one expansion at `at` (used by the tokenizer and for unquoted heredoc bodies). */
export function scanExpansion(text: string, at: number, unquoted: boolean): { part: WordPart; end: number } | null {
  const c = text[at];
  const n = text[at + 1] ?? '';
  if (c === '`') {
    let i = at + 1;
    while (i < text.length && text[i] !== '`') i += text[i] === '\\' ? 2 : 1;
    const end = Math.min(i + 1, text.length);
    return { part: { kind: 'expansion', text: text.slice(at, end), quoted: false, start: at, end }, end };
  }
  if (c !== '$') return null;
  if (unquoted && n === "'") {
    // bash ANSI-C quoting: a quoted literal with backslash escapes.
    let i = at + 2;
    let value = '';
    while (i < text.length && text[i] !== "'") {
      if (text[i] === '\\' && i + 1 < text.length) {
        const e = text[i + 1] as string;
        value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        i += 2;
      } else value += text[i++];
    }
    const end = Math.min(i + 1, text.length);
    return { part: { kind: 'literal', text: value, quoted: true, start: at, end }, end };
  }
  if (NAME_START.test(n)) {
    let i = at + 2;
    while (i < text.length && NAME_CHAR.test(text[i] as string)) i++;
    return { part: { kind: 'expansion', text: text.slice(at, i), quoted: false, start: at, end: i, name: text.slice(at + 1, i) }, end: i };
  }
  if (/[0-9@*#?$!-]/.test(n)) {
    return { part: { kind: 'expansion', text: text.slice(at, at + 2), quoted: false, start: at, end: at + 2 }, end: at + 2 };
  }
  if (n === '{' || n === '(') {
    const close = n === '{' ? '}' : ')';
    let depth = 0;
    let i = at + 1;
    let quote: string | null = null;
    for (; i < text.length; i++) {
      const ch = text[i] as string;
      if (quote !== null) {
        if (ch === '\\' && quote === '"') i++;
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === '\\') {
        i++;
        continue;
      }
      if (ch === "'" || ch === '"') quote = ch;
      else if (ch === n) depth++;
      else if (ch === close && --depth === 0) break;
    }
    const end = Math.min(i + 1, text.length);
    const raw = text.slice(at, end);
    const simple = n === '{' ? /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(raw) : null;
    const part: WordPart = { kind: 'expansion', text: raw, quoted: false, start: at, end };
    if (simple !== null) part.name = simple[1];
    return { part, end };
  }
  return null;
}
