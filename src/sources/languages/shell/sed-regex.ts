/**
 * GNU sed regular expressions (POSIX BRE, or ERE with -E/-r, with GNU's
 * extensions) in RE2's syntax, so repository patterns run on re2js (an
 * automaton: linear time) and never on JavaScript's backtracking RegExp.
 * Matching is leftmost-longest, as POSIX asks (RE2's LONGEST_MATCH).
 *
 * Read as GNU sed 4.9 reads them (measured in this project's differential
 * test against it):
 * - BRE: `\( \) \{ \} \| \+ \?` are operators, `( ) { } | + ?` literal; `*`
 *   is literal at the start of the pattern, after `\(`, `\|` or a leading
 *   `^`; `^` anchors only there, `$` only at the end or before `\)`/`\|`;
 * - ERE: `( ) { } | + ?` are operators, a leading `*` or a `{` that starts
 *   no interval is an error;
 * - both: `[...]` with classes (`[:alpha:]`), `\n` and `\t` (inside brackets
 *   too), `\w \W \s \S \b \B`, `` \` `` and `\'` (buffer start and end);
 *   two quantifiers in a row are an error.
 * Back-references (`\1` in a pattern), `\< \>`, collating elements and the
 * other GNU escapes are not translated: the caller falls back to "unknown".
 * UNKNOWN_MARK in a pattern (a shell variable relaygate could not resolve)
 * stands for any text (the variable is taken to hold no regex operators).
 */
import { RE2JS } from 're2js';
import { UNKNOWN_MARK } from '../../../model/source.js';

export type Translated =
  | { kind: 'regex'; source: string; groups: number; unknown: boolean }
  /** GNU sed rejects the pattern (it exits without changing the file). */
  | { kind: 'error'; message: string }
  /** A construct relaygate does not translate. */
  | { kind: 'unsupported'; what: string };

const CLASSES = new Set(['alnum', 'alpha', 'blank', 'cntrl', 'digit', 'graph', 'lower', 'print', 'punct', 'space', 'upper', 'xdigit']);

function hex(c: string): string {
  return `\\x{${(c.codePointAt(0) as number).toString(16)}}`;
}

/** `[...]` starting at `open`: its RE2 form and where it ends, or an error. */
function bracket(pattern: string, open: number): { regex: string; end: number } | { error: string } | { unsupported: string } {
  let i = open + 1;
  let negate = false;
  if (pattern[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === ']' && !first) return { regex: `[${negate ? '^' : ''}${body}]`, end: i + 1 };
    first = false;
    if (c === '[' && (pattern[i + 1] === ':' || pattern[i + 1] === '=' || pattern[i + 1] === '.')) {
      const kind = pattern[i + 1] as string;
      const close = pattern.indexOf(`${kind}]`, i + 2);
      if (close < 0) return { error: 'unterminated address regex' };
      const name = pattern.slice(i + 2, close);
      if (kind === ':') {
        if (!CLASSES.has(name)) return { error: 'Invalid character class name' };
        body += `[:${name}:]`;
      } else if (kind === '=' && name.length === 1) body += hex(name);
      else return { unsupported: 'a collating element in a bracket expression' };
      i = close + 1;
      continue;
    }
    if (c === '\\' && (pattern[i + 1] === 'n' || pattern[i + 1] === 't')) {
      body += pattern[i + 1] === 'n' ? '\\n' : '\\t';
      i++;
      continue;
    }
    if (c === UNKNOWN_MARK) return { unsupported: 'an unknown value inside a bracket expression' };
    if (c === '-' && body !== '' && pattern[i + 1] !== ']') {
      body += '-';
      continue;
    }
    body += hex(c);
  }
  return { error: 'unterminated address regex' };
}

/**
 * `pattern` (the text between the delimiters, the escaped delimiter already
 * turned into itself) in RE2 syntax, for `extended` (-E) or basic syntax.
 */
export function translateSedRegex(pattern: string, extended: boolean): Translated {
  let out = '';
  let groups = 0;
  let depth = 0;
  let unknown = false;
  /** Can a quantifier apply here (there is something before it that is not an anchor or another quantifier)? */
  let atom: 'none' | 'atom' | 'quantified' = 'none';
  /** Position where `*` is literal in a BRE (start, after `\(`, `\|`, leading `^`). */
  let start = true;
  const quantifier = (q: string): Translated | null => {
    if (atom === 'quantified') return { kind: 'error', message: 'Invalid preceding regular expression' };
    if (atom === 'none') {
      if (extended) return { kind: 'error', message: 'Invalid preceding regular expression' };
      return null;
    }
    out += q;
    atom = 'quantified';
    return null;
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    const wasStart = start;
    start = false;
    if (c === UNKNOWN_MARK) {
      out += '(?s:.*)';
      unknown = true;
      atom = 'atom';
      continue;
    }
    if (c === '\\') {
      const n = pattern[i + 1];
      i++;
      if (n === undefined) return { kind: 'error', message: 'Trailing backslash' };
      if (!extended && n === '(') {
        out += '(';
        groups++;
        depth++;
        atom = 'none';
        start = true;
        continue;
      }
      if (!extended && n === ')') {
        if (depth === 0) return { kind: 'error', message: 'Unmatched ) or \\)' };
        depth--;
        out += ')';
        atom = 'atom';
        continue;
      }
      if (!extended && n === '|') {
        out += '|';
        atom = 'none';
        start = true;
        continue;
      }
      if (!extended && (n === '+' || n === '?')) {
        if (atom === 'none') {
          out += RE2JS.quote(n);
          atom = 'atom';
          continue;
        }
        const e = quantifier(n);
        if (e !== null) return e;
        continue;
      }
      if (!extended && n === '{') {
        const m = /^([0-9]+)(,([0-9]*))?\\\}/.exec(pattern.slice(i + 1));
        if (m === null) return { kind: 'error', message: 'Unmatched \\{' };
        if (atom === 'none') return { kind: 'error', message: 'Invalid preceding regular expression' };
        const interval = intervalOf(m[1] as string, m[3], m[2] !== undefined);
        if (interval === null) return { kind: 'error', message: 'Invalid content of \\{\\}' };
        if (interval === BIG) return { kind: 'unsupported', what: 'a repeat count over 1000' };
        const e = quantifier(interval.text);
        if (e !== null) return e;
        i += m[0].length;
        continue;
      }
      if (n >= '1' && n <= '9') return { kind: 'unsupported', what: 'a back-reference in a pattern' };
      if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else if ('wWsSbB'.includes(n)) out += `\\${n}`;
      else if (n === '`') out += '\\A';
      else if (n === "'") out += '\\z';
      else if ('<>cdoxfvae'.includes(n) && /[a-z<>]/.test(n)) return { kind: 'unsupported', what: `the GNU escape \\${n}` };
      else out += RE2JS.quote(n);
      atom = n === 'b' || n === 'B' || n === '`' || n === "'" ? 'none' : 'atom';
      continue;
    }
    if (c === '[') {
      const b = bracket(pattern, i);
      if ('error' in b) return { kind: 'error', message: b.error };
      if ('unsupported' in b) return { kind: 'unsupported', what: b.unsupported };
      out += b.regex;
      i = b.end - 1;
      atom = 'atom';
      continue;
    }
    if (c === '.') {
      out += '(?s:.)';
      atom = 'atom';
      continue;
    }
    if (c === '*') {
      if (!extended && (wasStart || atom === 'none')) {
        out += '\\*';
        atom = 'atom';
        continue;
      }
      const e = quantifier('*');
      if (e !== null) return e;
      continue;
    }
    if (c === '^') {
      if (extended || wasStart) {
        out += '^';
        atom = 'none';
        start = !extended;
        continue;
      }
      out += '\\^';
      atom = 'atom';
      continue;
    }
    if (c === '$') {
      const rest = pattern.slice(i + 1);
      if (extended || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|')) {
        out += '$';
        atom = 'none';
        continue;
      }
      out += '\\$';
      atom = 'atom';
      continue;
    }
    if (extended) {
      if (c === '(') {
        out += '(';
        groups++;
        depth++;
        atom = 'none';
        continue;
      }
      if (c === ')') {
        if (depth === 0) return { kind: 'error', message: 'Unmatched ) or \\)' };
        depth--;
        out += ')';
        atom = 'atom';
        continue;
      }
      if (c === '|') {
        out += '|';
        atom = 'none';
        continue;
      }
      if (c === '+' || c === '?') {
        const e = quantifier(c);
        if (e !== null) return e;
        continue;
      }
      if (c === '{') {
        const m = /^([0-9]+)(,([0-9]*))?\}/.exec(pattern.slice(i + 1));
        if (m === null) return { kind: 'error', message: 'Unmatched \\{' };
        const interval = intervalOf(m[1] as string, m[3], m[2] !== undefined);
        if (interval === null) return { kind: 'error', message: 'Invalid content of \\{\\}' };
        if (interval === BIG) return { kind: 'unsupported', what: 'a repeat count over 1000' };
        const e = quantifier(interval.text);
        if (e !== null) return e;
        i += m[0].length;
        continue;
      }
    }
    out += RE2JS.quote(c);
    atom = 'atom';
  }
  if (depth > 0) return { kind: 'error', message: 'Unmatched ( or \\(' };
  try {
    RE2JS.compile(out, RE2JS.LONGEST_MATCH);
  } catch {
    return { kind: 'unsupported', what: 'a pattern RE2 does not accept' };
  }
  return { kind: 'regex', source: out, groups, unknown };
}

/** glibc's RE_DUP_MAX: a larger count is an error for GNU sed. */
const DUP_MAX = 32767;

const BIG = 'big';

/** `{m}`, `{m,}`, `{m,n}`; null: GNU sed rejects it; BIG: RE2 does not take counts over 1000. */
function intervalOf(min: string, max: string | undefined, comma: boolean): { text: string } | null | typeof BIG {
  const a = Number(min);
  const b = !comma ? a : max === undefined || max === '' ? null : Number(max);
  if (a > DUP_MAX || (b !== null && (b > DUP_MAX || b < a))) return null;
  if (a > 1000 || (b !== null && b > 1000)) return BIG;
  return { text: !comma ? `{${a}}` : b === null ? `{${a},}` : `{${a},${b}}` };
}

const compiled = new Map<string, RE2JS | null>();

/** The compiled pattern (cached), leftmost-longest, case-insensitive with the I flag. */
export function sedRegex(source: string, icase: boolean): RE2JS | null {
  const key = `${icase ? 'i' : '-'}${source}`;
  if (compiled.has(key)) return compiled.get(key) ?? null;
  let re: RE2JS | null = null;
  try {
    re = RE2JS.compile(source, RE2JS.LONGEST_MATCH | (icase ? RE2JS.CASE_INSENSITIVE : 0));
  } catch {
    re = null;
  }
  if (compiled.size > 1024) compiled.clear();
  compiled.set(key, re);
  return re;
}
