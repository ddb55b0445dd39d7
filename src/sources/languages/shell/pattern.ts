/**
 * Shell pattern matching (XCU 2.13): `*`, `?`, bracket expressions and
 * backslash escapes, for `case`, `[[ x == p ]]` and the `${x#p}`, `${x%p}`,
 * `${x/p/r}` expansions. Patterns come from repositories, so they run on
 * re2js (an automaton: linear time), never on a backtracking engine.
 */
import { RE2JS } from 're2js';

/** Longer patterns or texts are not matched (the caller treats the result as unknown). */
const MAX_PATTERN = 512;
const MAX_TEXT = 4096;

const cache = new Map<string, RE2JS | null>();

/** `[:alpha:]` and friends inside a bracket expression, in RE2's own spelling. */
const CLASSES = new Set(['alnum', 'alpha', 'blank', 'cntrl', 'digit', 'graph', 'lower', 'print', 'punct', 'space', 'upper', 'xdigit']);

/** The pattern in RE2 syntax (unanchored), or null when it cannot be translated. */
export function globToRegex(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN) return null;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) out += '\\\\';
      else {
        out += RE2JS.quote(next);
        i++;
      }
    } else if (c === '*') out += '(?s:.*)';
    else if (c === '?') out += '(?s:.)';
    else if (c === '[') {
      const bracket = readBracket(pattern, i);
      if (bracket === null) out += '\\[';
      else {
        out += bracket.regex;
        i = bracket.end - 1;
      }
    } else out += RE2JS.quote(c);
  }
  return out;
}

function readBracket(pattern: string, open: number): { regex: string; end: number } | null {
  let i = open + 1;
  let negate = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === ']' && !first) return { regex: `[${negate ? '^' : ''}${body}]`, end: i + 1 };
    first = false;
    if (c === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      const name = close < 0 ? '' : pattern.slice(i + 2, close);
      if (!CLASSES.has(name)) return null;
      body += `[:${name}:]`;
      i = close + 1;
      continue;
    }
    if (c === '\\' && i + 1 < pattern.length) {
      body += `\\x{${(pattern.codePointAt(i + 1) as number).toString(16)}}`;
      i++;
      continue;
    }
    if (c === '-' && body !== '' && pattern[i + 1] !== ']') {
      body += '-';
      continue;
    }
    body += `\\x{${(c.codePointAt(0) as number).toString(16)}}`;
  }
  return null;
}

function compiled(regex: string, flags: number): RE2JS | null {
  const key = `${flags}\u0000${regex}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  let re: RE2JS | null = null;
  try {
    re = RE2JS.compile(regex, flags);
  } catch {
    re = null;
  }
  if (cache.size > 2048) cache.clear();
  cache.set(key, re);
  return re;
}

/** Does the whole text match the pattern? null: not decidable (too long, untranslatable). */
export function globMatch(pattern: string, text: string): boolean | null {
  if (text.length > MAX_TEXT) return null;
  const regex = globToRegex(pattern);
  if (regex === null) return null;
  const re = compiled(`^(?:${regex})$`, 0);
  return re === null ? null : re.testExact(text);
}

/**
 * `${x#p}` / `${x##p}` (prefix) and `${x%p}` / `${x%%p}` (suffix): the
 * shortest or longest matching part removed; the text unchanged when nothing
 * matches; null when not decidable.
 */
export function removeMatch(text: string, pattern: string, side: 'prefix' | 'suffix', longest: boolean): { start: number; end: number } | null {
  if (text.length > MAX_TEXT) return null;
  const regex = globToRegex(pattern);
  if (regex === null) return null;
  const re = compiled(`^(?:${regex})$`, 0);
  if (re === null) return null;
  const n = text.length;
  for (let step = 0; step <= n; step++) {
    const k = longest ? n - step : step;
    if (side === 'prefix' ? re.testExact(text.slice(0, k)) : re.testExact(text.slice(n - k))) {
      return side === 'prefix' ? { start: k, end: n } : { start: 0, end: n - k };
    }
  }
  return { start: 0, end: n };
}

/**
 * `${x/p/r}` and friends: the leftmost-longest match of `p` (anchored at the
 * start for `/#`, at the end for `/%`), from `from` on; null when nothing
 * matches; undefined when not decidable.
 */
export function findMatch(text: string, pattern: string, from: number, anchor: 'start' | 'end' | null): { start: number; end: number } | null | undefined {
  if (text.length > MAX_TEXT) return undefined;
  const regex = globToRegex(pattern);
  if (regex === null || regex === '') return regex === '' ? null : undefined;
  if (anchor === 'end') {
    const re = compiled(`^(?:${regex})$`, 0);
    if (re === null) return undefined;
    for (let k = from; k <= text.length; k++) if (re.testExact(text.slice(k))) return { start: k, end: text.length };
    return null;
  }
  const re = compiled(anchor === 'start' ? `^(?:${regex})` : regex, RE2JS.LONGEST_MATCH);
  if (re === null) return undefined;
  const m = re.matcher(text);
  if (!m.find(from)) return null;
  if (anchor === 'start' && m.start() !== 0) return null;
  return { start: m.start(), end: m.end() };
}
