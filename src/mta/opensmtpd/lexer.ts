/**
 * smtpd.conf's tokens, as OpenSMTPD 6.8's parse.y yylex() reads them:
 *
 * - spaces and tabs separate tokens; a newline is a token (statements end there);
 * - `#` starts a comment wherever a token could start, to the end of the line;
 * - a backslash before a newline joins the lines; before another character
 *   it stands for that character;
 * - `'...'` and `"..."` are strings (never keywords), which may span lines;
 *   inside them a backslash escapes only the quote, a space or a tab;
 * - `$name` at the start of a token is replaced by the macro's text, which is
 *   read again as tokens (a `$` inside a macro's text is not expanded);
 * - a word starts with a letter, digit, `:` or `_` and goes on over letters,
 *   digits and punctuation other than `( ) { } < > ! = # ,`; it is a keyword
 *   when it is one exactly (case matters), else a string;
 * - digits (with an optional `-`) followed by white space, `)`, `,`, `/`, `}`
 *   or `=` are a number;
 * - `=>` is one token; any other character is a token by itself.
 */
import { UNKNOWN_MARK } from '../../model/source.js';
import type { Span } from '../../model/span.js';

export const KEYWORDS: ReadonlySet<string> = new Set([
  'action', 'admd', 'alias', 'any', 'auth', 'auth-optional', 'backup', 'bounce', 'bypass', 'ca', 'cert', 'chain',
  'chroot', 'ciphers', 'commit', 'compression', 'connect', 'data', 'data-line', 'dhe', 'disconnect', 'domain', 'ehlo',
  'encryption', 'expand-only', 'fcrdns', 'filter', 'for', 'forward-only', 'from', 'group', 'helo', 'helo-src', 'host',
  'hostname', 'hostnames', 'include', 'inet4', 'inet6', 'junk', 'key', 'limit', 'listen', 'lmtp', 'local', 'mail-from',
  'maildir', 'mask-src', 'masquerade', 'match', 'max-deferred', 'max-message-size', 'mbox', 'mda', 'mta', 'mx',
  'no-dsn', 'no-verify', 'noop', 'on', 'phase', 'pki', 'port', 'proc', 'proc-exec', 'proxy-v2', 'queue', 'quit',
  'rcpt-to', 'rdns', 'received-auth', 'recipient', 'regex', 'reject', 'relay', 'report', 'rewrite', 'rset',
  'scheduler', 'senders', 'smtp', 'smtp-in', 'smtp-out', 'smtps', 'socket', 'src', 'srs', 'sub-addr-delim', 'table',
  'tag', 'tagged', 'tls', 'tls-require', 'ttl', 'user', 'userbase', 'verify', 'virtual', 'warn-interval', 'wrapper',
]);

export interface Token {
  /** 'string', 'number', 'nl', 'eof', 'error', a keyword, `=>`, or a single character. */
  kind: string;
  text: string;
  number?: number;
  span: Span;
  /** Came from a macro's text: where the `$name` was. */
  macro?: string;
}

interface Char {
  c: string;
  line: number;
  column: number;
  /** A character of a macro's text ends where the `$name` ends. */
  endColumn?: number;
}

const START_EXPAND = '\u0001';
const DONE_EXPAND = '\u0002';

function isAlnum(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/** A template value relaygate could not resolve reads as (part of) a word. */
function isWordChar(c: string): boolean {
  return isAlnum(c) || c === UNKNOWN_MARK;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isPunct(c: string): boolean {
  const code = c.charCodeAt(0);
  return c.length === 1 && ((code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126));
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
}

/** parse.y allowed_in_string(). */
function allowedInString(c: string): boolean {
  return isWordChar(c) || (isPunct(c) && !'(){}<>!=#,'.includes(c));
}

/** parse.y allowed_to_end_number(). */
function endsNumber(c: string): boolean {
  return isSpace(c) || '),/}='.includes(c);
}

/** Longest token parse.y accepts (its buffer is 8096 bytes). */
const MAX_TOKEN = 8094;
/** Bound on macro expansions: a macro cannot refer to another, but a file can use many. */
const MAX_EXPANSIONS = 100_000;
const MAX_EXPANDED_CHARS = 4 * 1024 * 1024;

export interface LexFile {
  file: string;
  text: string;
}

interface Input {
  file: string;
  text: string;
  offset: number;
  line: number;
  column: number;
  eofReached: boolean;
}

export class Lexer {
  readonly errors: { span: Span; message: string }[] = [];
  private readonly inputs: Input[] = [];
  private readonly unget: Char[] = [];
  private expanding = false;
  private expansions = 0;
  private expandedChars = 0;
  private current: Char = { c: '', line: 1, column: 1 };
  /** The line of the token last read (parse.y reports errors there). */
  lineOfLast = 1;

  constructor(
    top: LexFile,
    private readonly macro: (name: string) => { value: string } | null,
  ) {
    this.inputs.push({ file: top.file, text: top.text, offset: 0, line: 1, column: 1, eofReached: false });
  }

  get file(): string {
    return this.inputs[this.inputs.length - 1]?.file ?? '';
  }

  /** `include "file"`: the file's tokens come next; a newline is read first (parse.y lungetc('\n')). */
  push(file: LexFile): void {
    this.inputs.push({ file: file.file, text: file.text, offset: 0, line: 1, column: 1, eofReached: false });
  }

  get depth(): number {
    return this.inputs.length;
  }

  private igetc(): Char | null {
    for (;;) {
      let ch: Char | null;
      const back = this.unget.pop();
      if (back !== undefined) ch = back;
      else {
        const input = this.inputs[this.inputs.length - 1];
        if (input === undefined || input.offset >= input.text.length) return null;
        const c = input.text[input.offset] as string;
        ch = { c, line: input.line, column: input.column };
        input.offset++;
        if (c === '\n') {
          input.line++;
          input.column = 1;
        } else input.column++;
      }
      if (ch.c === START_EXPAND) this.expanding = true;
      else if (ch.c === DONE_EXPAND) this.expanding = false;
      else return ch;
    }
  }

  /** lgetc(): a backslash-newline is skipped; the end of a file reads as one newline first. */
  private lgetc(quoted: boolean): Char | null {
    if (quoted) return this.igetc();
    let c = this.igetc();
    while (c !== null && c.c === '\\') {
      const next = this.igetc();
      if (next === null || next.c !== '\n') {
        c = next;
        break;
      }
      c = this.igetc();
    }
    if (c === null) {
      const input = this.inputs[this.inputs.length - 1];
      if (input !== undefined && !input.eofReached) {
        input.eofReached = true;
        return { c: '\n', line: input.line, column: input.column };
      }
      while (c === null) {
        if (this.inputs.length <= 1) return null;
        this.inputs.pop();
        c = this.igetc();
      }
    }
    return c;
  }

  private lungetc(c: Char | null): void {
    if (c !== null) this.unget.push(c);
  }

  private span(from: Char, to: Char): Span {
    const file = this.file;
    return { file, line: from.line, column: from.column, endLine: to.line, endColumn: to.endColumn ?? to.column + 1 };
  }

  private error(at: Char, message: string): void {
    this.errors.push({ span: this.span(at, at), message });
  }

  /** findeol(): skip the rest of the line after a lexical error. */
  private findEol(start: Char): Token {
    for (;;) {
      const c = this.lgetc(false);
      if (c === null || c.c === '\n') break;
    }
    return { kind: 'error', text: '', span: this.span(start, start) };
  }

  /**
   * yylex()'s token loops: `first` and the characters after it while `more`
   * accepts them, the first one it refuses put back (`next`); each character
   * read is also pushed on `chars`. null, after the error at `start`, when
   * the token reaches MAX_TOKEN ("string too long").
   */
  private run(first: Char, start: Char, more: (c: string) => boolean, chars?: Char[]): { text: string; last: Char; next: Char | null } | null {
    let text = '';
    let last = first;
    let d: Char | null = first;
    do {
      chars?.push(d);
      text += d.c;
      last = d;
      if (text.length >= MAX_TOKEN) {
        this.error(start, 'string too long');
        return null;
      }
      d = this.lgetc(false);
    } while (d !== null && more(d.c));
    this.lungetc(d);
    return { text, last, next: d };
  }

  next(): Token {
    for (;;) {
      let c = this.lgetc(false);
      while (c !== null && (c.c === ' ' || c.c === '\t')) c = this.lgetc(false);
      if (c !== null) this.lineOfLast = c.line;
      if (c !== null && c.c === '#') {
        while (c !== null && c.c !== '\n') c = this.lgetc(false);
      }
      if (c === null) return { kind: 'eof', text: '', span: this.span(this.current, this.current) };
      this.current = c;
      const start = c;
      if (c.c === '$' && !this.expanding) {
        let name = '';
        let last = c;
        for (;;) {
          const d = this.lgetc(false);
          if (d === null) return { kind: 'eof', text: '', span: this.span(start, last) };
          if (isAlnum(d.c) || d.c === '_') {
            name += d.c;
            last = d;
            continue;
          }
          this.lungetc(d);
          break;
        }
        const value = this.macro(name);
        if (value === null) {
          this.error(start, `macro '${name}' not defined`);
          return this.findEol(start);
        }
        this.expandedChars += value.value.length;
        if (++this.expansions > MAX_EXPANSIONS || this.expandedChars > MAX_EXPANDED_CHARS) {
          this.error(start, 'too many macro expansions');
          return this.findEol(start);
        }
        // The macro's text is read again, every character placed at `$name`.
        const endColumn = last.column + 1;
        this.unget.push({ c: DONE_EXPAND, line: start.line, column: start.column });
        for (let i = value.value.length - 1; i >= 0; i--) this.unget.push({ c: value.value[i] as string, line: start.line, column: start.column, endColumn });
        this.unget.push({ c: START_EXPAND, line: start.line, column: start.column });
        continue;
      }
      if (c.c === "'" || c.c === '"') return this.quoted(c);
      if (c.c === '-' || isDigit(c.c)) {
        const chars: Char[] = [];
        const read = this.run(c, start, isDigit, chars);
        if (read === null) return this.findEol(start);
        const { text, last, next } = read;
        if (!(text === '-')) {
          if (next === null || endsNumber(next.c)) {
            const n = Number(text);
            if (!Number.isSafeInteger(n)) {
              this.error(start, `"${text}" invalid number: too ${text.startsWith('-') ? 'small' : 'large'}`);
              return this.findEol(start);
            }
            return { kind: 'number', text, number: n, span: this.span(start, last) };
          }
        }
        // Not a number: read the characters again as a word.
        for (let i = chars.length - 1; i >= 1; i--) this.lungetc(chars[i] as Char);
        c = chars[0] as Char;
        if (c.c === '-') return { kind: '-', text: '-', span: this.span(c, c) };
      }
      if (c.c === '=') {
        const d = this.lgetc(false);
        if (d !== null && d.c === '>') return { kind: '=>', text: '=>', span: this.span(c, d) };
        this.lungetc(d);
        return { kind: '=', text: '=', span: this.span(c, c) };
      }
      if (isWordChar(c.c) || c.c === ':' || c.c === '_') {
        const read = this.run(c, start, allowedInString);
        if (read === null) return this.findEol(start);
        return { kind: KEYWORDS.has(read.text) ? read.text : 'string', text: read.text, span: this.span(start, read.last) };
      }
      if (c.c === '\n') return { kind: 'nl', text: '\n', span: this.span(c, c) };
      return { kind: c.c, text: c.c, span: this.span(c, c) };
    }
  }

  private quoted(open: Char): Token {
    const quote = open.c;
    let buf = '';
    let last = open;
    for (;;) {
      let c = this.lgetc(true);
      if (c === null) {
        this.error(open, 'reached end of file while parsing quoted string');
        return { kind: 'eof', text: '', span: this.span(open, last) };
      }
      if (c.c === '\n') {
        buf += '';
        last = c;
        continue;
      }
      if (c.c === '\\') {
        const next = this.lgetc(true);
        if (next === null) {
          this.error(open, 'reached end of file while parsing quoted string');
          return { kind: 'eof', text: '', span: this.span(open, last) };
        }
        if (next.c === quote || next.c === ' ' || next.c === '\t') c = next;
        else if (next.c === '\n') continue;
        else this.lungetc(next);
      } else if (c.c === quote) {
        return { kind: 'string', text: buf, span: this.span(open, c) };
      } else if (c.c === '\0') {
        this.error(c, 'syntax error');
        return this.findEol(c);
      }
      if (buf.length + 1 >= MAX_TOKEN) {
        this.error(open, 'string too long');
        return this.findEol(open);
      }
      buf += c.c;
      last = c;
    }
  }
}
