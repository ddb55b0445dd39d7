import { LineIndex } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';

/** One attribute of a resource body: `name => value`, the value's code and where it starts. */
export interface ResourceAttribute {
  name: string;
  code: string;
  offset: number;
}

/** A resource declaration of a Puppet manifest: `type { 'title': attr => value, ... }`. */
export interface PuppetResource {
  type: string;
  /** The title's code (`'/etc/postfix/main.cf'`, `$path`, `['a', 'b']`) and its offset. */
  title: { code: string; offset: number };
  attributes: Map<string, ResourceAttribute>;
  /** Inside an `if`/`unless`/`case` branch or a lambda (`each`): it may or may not be declared. */
  maybe: boolean;
  /** The name of the enclosing class or defined type, if any (`postfix::config`). */
  owner: string | null;
  span: Span;
}

/** Types whose declarations relaygate reads; every other resource type is skipped. */
const RESOURCE = /(?:^|[\s;{}])(file|concat|concat::fragment|augeas|postfix::config|postconf|postfix_main_cf)\s*\{/g;
const CONDITIONAL_HEAD = /(?:\b(?:if|unless|elsif|else|case)\b[^{};]*|:\s*|\|[^|]*\|\s*)$/;
const OWNER = /\b(?:class|define)\s+((?:::)?[a-z][a-z0-9_]*(?:::[a-z][a-z0-9_]*)*)/g;

/**
 * Skips a string or comment starting at `i`; returns the index after it, or
 * `i` when none starts there. Puppet strings: '...' and "..." with `\` escapes.
 */
export function skip(text: string, i: number): number {
  const c = text[i];
  if (c === '#') {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl;
  }
  if (c === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    return end < 0 ? text.length : end + 2;
  }
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  return i;
}

/** Index of the `}` closing the `{` at `open` (strings and comments skipped); -1 when unclosed. */
export function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const after = skip(text, i);
    if (after !== i) {
      i = after - 1;
      continue;
    }
    const c = text[i];
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Splits `code` at `separator` characters outside brackets, strings and comments. */
export function splitTop(code: string, offset: number, separator: string): { code: string; offset: number }[] {
  const parts: { code: string; offset: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= code.length; i++) {
    const after = i < code.length ? skip(code, i) : i;
    if (after !== i) {
      i = after - 1;
      continue;
    }
    const c = code[i];
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    else if (c === undefined || (c === separator && depth === 0)) {
      const part = code.slice(start, i);
      const trimmed = part.trim();
      if (trimmed !== '') parts.push({ code: trimmed, offset: offset + start + part.indexOf(trimmed) });
      start = i + 1;
    }
  }
  return parts;
}

/**
 * Offsets of the braces that open a conditional body (`if ... {`, `else {`,
 * a case option `'a': {`, a lambda `|$x| {`), with the offset of their `}`:
 * a resource between them may or may not be declared.
 */
function conditionalRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const stack: { open: number; conditional: boolean }[] = [];
  let statement = 0;
  for (let i = 0; i < text.length; i++) {
    const after = skip(text, i);
    if (after !== i) {
      i = after - 1;
      continue;
    }
    const c = text[i];
    if (c === '{') {
      const head = text.slice(Math.max(statement, i - 300), i);
      stack.push({ open: i, conditional: CONDITIONAL_HEAD.test(head) });
      statement = i + 1;
    } else if (c === '}') {
      const top = stack.pop();
      if (top?.conditional === true) ranges.push([top.open, i]);
      statement = i + 1;
    } else if (c === ';' || c === ',') statement = i + 1;
  }
  return ranges;
}

/**
 * The resource declarations of the types above in one manifest, read as
 * Puppet's grammar writes them: a body per title (`;`-separated), each with
 * `attr => value` pairs. Values stay code: the caller evaluates them.
 */
export function readResources(file: string, text: string): PuppetResource[] {
  const index = new LineIndex(text);
  const conditionals = conditionalRanges(text);
  const owners = [...text.matchAll(OWNER)].map((m) => ({ name: (m[1] as string).replace(/^::/, ''), offset: m.index ?? 0 }));
  const out: PuppetResource[] = [];
  for (const match of text.matchAll(RESOURCE)) {
    const typeAt = (match.index ?? 0) + match[0].indexOf(match[1] as string);
    const open = (match.index ?? 0) + match[0].length - 1;
    // `File { ... }` defaults and `file { ... }` inside a string or comment are not declarations.
    if (skipsInto(text, typeAt)) continue;
    const close = closingBrace(text, open);
    if (close < 0) continue;
    const maybe = conditionals.some(([a, b]) => a < open && close < b);
    const owner = owners.filter((o) => o.offset < typeAt).pop()?.name ?? null;
    for (const body of splitTop(text.slice(open + 1, close), open + 1, ';')) {
      const colon = titleColon(body.code);
      if (colon < 0) continue;
      const title = body.code.slice(0, colon).trim();
      const attributes = new Map<string, ResourceAttribute>();
      for (const pair of splitTop(body.code.slice(colon + 1), body.offset + colon + 1, ',')) {
        const arrow = /^([a-z_][a-z0-9_]*)\s*=>\s*/.exec(pair.code);
        if (arrow === null) continue;
        attributes.set(arrow[1] as string, { name: arrow[1] as string, code: pair.code.slice(arrow[0].length), offset: pair.offset + arrow[0].length });
      }
      const a = index.position(typeAt);
      const b = index.position(body.offset + colon);
      out.push({
        type: match[1] as string,
        title: { code: title, offset: body.offset },
        attributes,
        maybe,
        owner,
        span: { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column },
      });
    }
  }
  return out;
}

/** The `:` ending a resource title (outside strings and brackets), or -1. */
function titleColon(code: string): number {
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const after = skip(code, i);
    if (after !== i) {
      i = after - 1;
      continue;
    }
    const c = code[i];
    if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') depth--;
    else if (c === ':' && depth === 0 && code[i + 1] !== ':' && code[i - 1] !== ':') return i;
  }
  return -1;
}

/** Whether the offset lies inside a string or comment (scanning from the start). */
function skipsInto(text: string, offset: number): boolean {
  for (let i = 0; i < offset; i++) {
    const after = skip(text, i);
    if (after > offset) return true;
    if (after !== i) i = after - 1;
  }
  return false;
}
