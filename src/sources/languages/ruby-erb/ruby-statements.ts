import type { Statement } from './tree.js';
import { parseRuby, type RubyExpression } from './ruby-expression.js';

const BLOCK_KEYWORDS = /^(?:while|until|begin|for|def|class|module)\b/;
/** `x = if c`, `x = case v`, `x = begin`: the right side opens a block that an `end` closes. */
const ASSIGNED_BLOCK = /^[a-z_][A-Za-z0-9_]*\s*=\s*(?:if|unless|case|begin|while|until)(?![A-Za-z0-9_?!])/;
/** A keyword ends where an identifier character cannot follow: `if(@a)` is `if (@a)`. */
const KEYWORD = /^(if|elsif|unless)(?![A-Za-z0-9_?!])/;
const ITERATORS = ['each', 'each_pair', 'each_with_index', 'each_with_object', 'map', 'select', 'reject', 'each_key', 'each_value', 'sort_by'];
const EXPANDED = new Set(['each', 'each_pair', 'map', 'collect']);
const TARGET = /^[a-z_][A-Za-z0-9_]*$/;
const ASSIGN = /^([a-z_][A-Za-z0-9_]*)\s*=(?!=)/;

/**
 * The statements of one ERB code tag. A tag may hold several lines or `;`-separated
 * statements; `if`, `elsif`, `else`, `unless`, `end`, `case`/`when`, `x.each do |a, b|`
 * (also `{ |a| }`), `next if c` and `name = expr` are understood; another construct that
 * opens a block is rendered once as "maybe"; any other statement is skipped (it cannot print).
 */
export function rubyStatements(code: string, offset: number): Statement<RubyExpression>[] {
  const statements: Statement<RubyExpression>[] = [];
  for (const part of splitStatements(code, offset)) {
    const s = part.text.trim();
    const at = part.offset + part.text.indexOf(s);
    if (s === '' || s.startsWith('#')) continue;
    if (s === 'end' || s === '}' || s.startsWith('end ') || s.startsWith('end.')) {
      statements.push({ kind: 'end' });
      continue;
    }
    const next = /^next(?:\s+(if|unless)\s+(?!\s)(.*))?$/.exec(s);
    if (next !== null) {
      const test = next[2] === undefined ? null : parseRuby(next[2], at + s.indexOf(next[2], 5));
      statements.push({ kind: 'next', test, negate: next[1] === 'unless' });
      continue;
    }
    if (s === 'else') {
      statements.push({ kind: 'else' });
      continue;
    }
    const keyword = KEYWORD.exec(s);
    if (keyword !== null) {
      const rest = s.slice(keyword[0].length).replace(/(?<!\s)\s+then$/, '');
      statements.push({ kind: keyword[1] as 'if' | 'elsif' | 'unless', test: parseRuby(rest, at + keyword[0].length) });
      continue;
    }
    const kase = /^case(?![A-Za-z0-9_?!])/.exec(s);
    if (kase !== null) {
      const subject = s.slice(4).trim();
      statements.push({ kind: 'case', subject: subject === '' ? null : parseRuby(subject, at + s.indexOf(subject, 4)) });
      continue;
    }
    const when = /^when(?![A-Za-z0-9_?!])/.exec(s);
    if (when !== null) {
      const rest = withoutThen(s.slice(4));
      statements.push({ kind: 'when', values: splitTopLevel(rest, at + 4).map((v) => parseRuby(v.text, v.offset)) });
      continue;
    }
    if (ASSIGNED_BLOCK.test(s)) {
      statements.push({ kind: 'block' });
      continue;
    }
    const loop = iterator(s, at);
    if (loop !== null) {
      statements.push(loop);
      continue;
    }
    if (BLOCK_KEYWORDS.test(s) || /\bdo(?:\s*\|[^|]*\|)?$/.test(s) || /\{\s*\|[^|]*\|$/.test(s)) {
      statements.push({ kind: 'block' });
      continue;
    }
    const assign = ASSIGN.exec(s);
    if (assign !== null) {
      statements.push({ kind: 'assign', name: assign[1] as string, value: parseRuby(s.slice(assign[0].length), at + assign[0].length) });
      continue;
    }
    statements.push({ kind: 'skip' });
  }
  return statements;
}

/** `expr.each do |a, b|` / `expr.each { |a|`: the collection, the method and the block's parameters. */
function iterator(s: string, at: number): Statement<RubyExpression> | null {
  const pipeEnd = s.length - 1;
  if (s[pipeEnd] !== '|') return null;
  const pipeStart = s.lastIndexOf('|', pipeEnd - 1);
  if (pipeStart < 0) return null;
  const head = s.slice(0, pipeStart).trimEnd();
  const opener = head.endsWith(' do') ? head.length - 3 : head.endsWith('{') ? head.length - 1 : -1;
  if (opener < 0) return null;
  const call = head.slice(0, opener).trimEnd();
  const dot = call.lastIndexOf('.');
  if (dot < 0) return null;
  const method = call.slice(dot + 1);
  const targets = s.slice(pipeStart + 1, pipeEnd).split(',').map((t) => t.trim().replace(/^\(|\)$/g, ''));
  if (!targets.every((t) => TARGET.test(t))) return { kind: 'block' };
  // `map`/`select` bodies print like `each` bodies (a template discards the block's result).
  if (method === 'each_with_index' && targets.length === 2) return { kind: 'each', iterable: parseRuby(call.slice(0, dot), at), targets, withIndex: true };
  if (!EXPANDED.has(method)) return ITERATORS.includes(method) ? { kind: 'block' } : null;
  return { kind: 'each', iterable: parseRuby(call.slice(0, dot), at), targets };
}

/** Splits at newlines and at `;` outside quotes. */
function splitStatements(code: string, offset: number): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let start = 0;
  let quote = '';
  for (let i = 0; i <= code.length; i++) {
    const c = code[i];
    if (quote !== '' && c !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === undefined || c === '\n' || c === ';') {
      parts.push({ text: code.slice(start, i), offset: offset + start });
      start = i + 1;
    }
  }
  return parts;
}

/** `'a', "b, c", [1, 2]`: the comma-separated values of a `when`, with their offsets. */
function splitTopLevel(text: string, offset: number): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let start = 0;
  let depth = 0;
  let quote = '';
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (quote !== '' && c !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === undefined || (c === ',' && depth === 0)) {
      const part = text.slice(start, i);
      const trimmed = part.trim();
      if (trimmed !== '') parts.push({ text: trimmed, offset: offset + start + part.indexOf(trimmed) });
      start = i + 1;
    }
  }
  return parts;
}

/** `when a, b then` without its `then` (a keyword only after whitespace); linear in the text. */
function withoutThen(text: string): string {
  if (!text.endsWith('then')) return text;
  const before = text.slice(0, -4);
  const kept = before.trimEnd();
  return kept.length < before.length ? kept : text;
}
