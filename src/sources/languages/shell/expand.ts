/**
 * Word expansion (XCU 2.6) over known values: parameter expansion with the
 * POSIX and bash operators Docker entrypoints use (`${x:-d}`, `${x#p}`,
 * `${x:8}`, `${!x}`, `${!prefix*}`, `${x//a/b}`, `${x^^}`), quote removal and
 * field splitting. Anything relaygate cannot compute is UNKNOWN_MARK,
 * mapped to the expansion that produced it. Command substitution is asked
 * of the interpreter (`$(dirname "$0")`); arithmetic is unknown.
 *
 * Defaults: a name nothing relaygate read assigns may be provided by
 * whatever runs the script, so `$x` is unknown; `${x:-d}` is `d`, the value
 * the script itself gives for that case (as a role default or a Dockerfile
 * ARG default is the value unless overridden).
 */
import { UNKNOWN_MARK } from '../../../model/source.js';
import type { Environment } from './environment.js';
import { findMatch, removeMatch } from './pattern.js';
import { scanExpansion } from './tokenizer.js';
import type { Word, WordPart } from './syntax.js';
import { ShellValue, type ShellSource } from './values.js';

export interface ExpandContext {
  env: Environment;
  source: ShellSource;
  /** `$(...)` / backquotes: the output, when the interpreter can tell it; null otherwise. */
  substitute(text: string, start: number, end: number): ShellValue | null;
}

export interface Fields {
  fields: ShellValue[];
  /** The number of fields is not known (an unquoted unknown expansion, a glob, `${!prefix*}` of an open environment). */
  uncertain: boolean;
}

const IFS = ' \t\n';

/** A literal part's chunk: its host characters when they are contiguous, else the part as a whole. */
function literalValue(part: WordPart, source: ShellSource): ShellValue {
  if (part.text === '') return ShellValue.EMPTY;
  for (const at of [part.start, part.start + 1, part.start + 2]) {
    if (at + part.text.length <= part.end && source.text.startsWith(part.text, at)) return ShellValue.literal(part.text, source, at);
  }
  return ShellValue.expression(part.text, source, part.start, part.end);
}

/** One expansion: its fields before splitting, and whether they are split (unquoted). */
interface Expanded {
  /** More than one only for `"$@"`-like expansions. */
  values: ShellValue[];
  uncertain: boolean;
}

/**
 * How unquoted pattern characters are read (pathname expansion, XCU 2.6.6):
 * `paths`: a word with a `/` names files of the target machine (its fields
 * are unknown), other words stay as written (a pattern that matches no file
 * is left alone, as `relayhost=[mx]` always is); `all`: any pattern names
 * files (a `for` list); `none`: no expansion (inside `[[ ]]`).
 */
export type Globbing = 'paths' | 'all' | 'none';

/** The fields of a word (XCU 2.6: expansion, field splitting, quote removal, pathname patterns as `glob` says). */
export function expandWord(word: Word, ctx: ExpandContext, glob: Globbing = 'paths'): Fields {
  const pattern = glob !== 'none' && word.parts.some((p) => p.kind === 'literal' && !p.quoted && hasGlob(p.text));
  if (pattern && (glob === 'all' || word.parts.some((p) => p.kind === 'literal' && p.text.includes('/')))) {
    return { fields: [ShellValue.unknown(ctx.source, word.start, word.end)], uncertain: true };
  }
  const out: ShellValue[] = [];
  let current: ShellValue | null = null;
  let uncertain = false;
  const append = (v: ShellValue): void => {
    current = current === null ? v : current.concat(v);
  };
  for (const part of word.parts) {
    if (part.kind === 'literal') {
      append(literalValue(part, ctx.source));
      continue;
    }
    const expanded = expandPart(part, ctx);
    if (expanded.uncertain) uncertain = true;
    const values = expanded.values;
    if (part.quoted) {
      // "$@": one field per parameter, the quoted text around it joined to the first and last.
      if (values.length === 0) {
        if (current === null) current = ShellValue.EMPTY;
        continue;
      }
      values.forEach((v, i) => {
        if (i > 0) {
          out.push(current ?? ShellValue.EMPTY);
          current = null;
        }
        append(v);
      });
      continue;
    }
    values.forEach((v, i) => {
      if (i > 0 && current !== null) {
        out.push(current);
        current = null;
      }
      // Field splitting on IFS whitespace (XCU 2.6.5); unknown text may hold more fields.
      if (v.unknown) uncertain = true;
      const pieces = splitFields(v);
      pieces.forEach((piece, k) => {
        if (k > 0 && current !== null) {
          out.push(current);
          current = null;
        }
        if (piece.text !== '') append(piece);
      });
    });
  }
  if (current !== null) out.push(current);
  // A word whose parts are all quoted yields one field even when empty; unquoted nothing yields none.
  const quoted = word.parts.some((p) => p.quoted);
  if (out.length === 0 && quoted) out.push(ShellValue.EMPTY);
  return { fields: out, uncertain };
}

/** The value of a word without field splitting (assignments, redirection targets, case subjects). */
export function expandWordAsOne(word: Word, ctx: ExpandContext): ShellValue {
  let value = ShellValue.EMPTY;
  for (const part of word.parts) {
    if (part.kind === 'literal') value = value.concat(literalValue(part, ctx.source));
    else {
      const expanded = expandPart(part, ctx);
      expanded.values.forEach((v, i) => {
        value = i > 0 ? value.concat(ShellValue.generated(' '), v) : value.concat(v);
      });
    }
  }
  return value;
}

function splitFields(value: ShellValue): ShellValue[] {
  const text = value.text;
  const out: ShellValue[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || IFS.includes(text[i] as string);
    if (!space && start < 0) start = i;
    if (space && start >= 0) {
      out.push(value.slice(start, i));
      start = -1;
    }
  }
  if (out.length === 0) return [ShellValue.EMPTY];
  // Leading/trailing IFS whitespace ends the previous field / starts a new one.
  if (IFS.includes(text[0] ?? 'x')) out.unshift(ShellValue.EMPTY);
  if (IFS.includes(text[text.length - 1] ?? 'x')) out.push(ShellValue.EMPTY);
  return out;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

function unknownOf(part: WordPart, ctx: ExpandContext): Expanded {
  return { values: [ShellValue.unknown(ctx.source, part.start, part.end)], uncertain: false };
}

function expandPart(part: WordPart, ctx: ExpandContext): Expanded {
  const raw = part.text;
  if (raw.startsWith('$((')) return unknownOf(part, ctx);
  if (raw.startsWith('$(') || raw.startsWith('`')) {
    const inner = raw.startsWith('`') ? raw.slice(1, -1) : raw.slice(2, -1);
    const value = ctx.substitute(inner, part.start + (raw.startsWith('`') ? 1 : 2), part.end - 1);
    return { values: [value ?? ShellValue.unknown(ctx.source, part.start, part.end)], uncertain: value === null && !part.quoted };
  }
  if (raw.startsWith('${')) {
    if (!raw.endsWith('}')) return unknownOf(part, ctx);
    return parameterExpansion(part, raw.slice(2, -1), part.start + 2, ctx);
  }
  // `$name`, `$1`, `$@`...
  return simpleParameter(part, raw.slice(1), ctx);
}

/** `$@`, `$*`, `$#`, `$0`-`$9`, `$?`..., `$name`. */
function simpleParameter(part: WordPart, name: string, ctx: ExpandContext): Expanded {
  const env = ctx.env;
  if (name === '@' || name === '*') {
    if (env.positional === null) return { values: [ShellValue.unknown(ctx.source, part.start, part.end)], uncertain: true };
    if (name === '*' && part.quoted) return { values: [joinValues(env.positional, ' ')], uncertain: false };
    return { values: [...env.positional], uncertain: false };
  }
  if (name === '#') {
    if (env.positional === null) return unknownOf(part, ctx);
    return { values: [ShellValue.expression(String(env.positional.length), ctx.source, part.start, part.end)], uncertain: false };
  }
  if (name === '0') return { values: [env.scriptName], uncertain: false };
  if (/^[1-9]$/.test(name)) {
    if (env.positional === null) return unknownOf(part, ctx);
    return { values: [env.positional[Number(name) - 1] ?? ShellValue.EMPTY], uncertain: false };
  }
  if (!NAME.test(name)) return unknownOf(part, ctx);
  const found = env.lookup(name);
  if (found.state === 'set') return { values: [found.value], uncertain: false };
  if (found.state === 'unset') return { values: [ShellValue.EMPTY], uncertain: false };
  return unknownOf(part, ctx);
}

function joinValues(values: readonly ShellValue[], separator: string): ShellValue {
  let out = ShellValue.EMPTY;
  values.forEach((v, i) => {
    out = i > 0 ? out.concat(ShellValue.generated(separator), v) : out.concat(v);
  });
  return out;
}

/** The value of `name` for `${...}`: null when it is not known whether and to what it is set. */
function lookupValue(name: string, ctx: ExpandContext, part: WordPart): { value: ShellValue | null; set: boolean | null } {
  if (name === '@' || name === '*') {
    const positional = ctx.env.positional;
    return positional === null ? { value: null, set: null } : { value: joinValues(positional, ' '), set: positional.length > 0 };
  }
  if (name === '#') {
    const positional = ctx.env.positional;
    return positional === null ? { value: null, set: null } : { value: ShellValue.expression(String(positional.length), ctx.source, part.start, part.end), set: true };
  }
  if (name === '0') return { value: ctx.env.scriptName, set: true };
  if (/^[0-9]+$/.test(name)) {
    const positional = ctx.env.positional;
    if (positional === null) return { value: null, set: null };
    const v = positional[Number(name) - 1];
    return v === undefined ? { value: ShellValue.EMPTY, set: false } : { value: v, set: true };
  }
  if (!NAME.test(name) || NAME.exec(name)?.[0] !== name) return { value: null, set: null };
  const found = ctx.env.lookup(name);
  if (found.state === 'set') return { value: found.value, set: true };
  if (found.state === 'unset') return { value: ShellValue.EMPTY, set: false };
  // Absent: whatever runs the script may set it.
  return { value: null, set: null };
}

const OPERATORS = [':-', ':=', ':+', ':?', '##', '%%', '//', '/#', '/%', '^^', ',,', '-', '=', '+', '?', '#', '%', '/', '^', ',', ':', '@'];

function parameterExpansion(part: WordPart, body: string, bodyAt: number, ctx: ExpandContext): Expanded {
  const unknown = (): Expanded => unknownOf(part, ctx);
  const env = ctx.env;
  // `${#name}`: length; `${#}`: the count of positional parameters.
  if (body === '#') return simpleParameter(part, '#', ctx);
  if (body.startsWith('#') && body.length > 1) {
    const { value } = lookupValue(body.slice(1), ctx, part);
    if (value === null || value.unknown) return unknown();
    return { values: [ShellValue.expression(String(value.text.length), ctx.source, part.start, part.end)], uncertain: false };
  }
  if (body.startsWith('!')) {
    const rest = body.slice(1);
    const prefix = /^([A-Za-z_][A-Za-z0-9_]*)([*@])$/.exec(rest);
    if (prefix !== null) {
      // `${!prefix*}`: the names of the variables that start with prefix (bash).
      const names = env.namesWithPrefix(prefix[1] as string).map((n) => n.origin.text === n.name ? n.origin : ShellValue.expression(n.name, ctx.source, part.start, part.end));
      const values = part.quoted && prefix[2] === '*' ? [joinValues(names, ' ')] : names;
      return { values, uncertain: env.openNames };
    }
    // `${!name}`: the variable named by name's value.
    const named = lookupValue(rest, ctx, part).value;
    if (named === null || named.unknown || NAME.exec(named.text)?.[0] !== named.text) return unknown();
    const { value } = lookupValue(named.text, ctx, part);
    return { values: [value ?? ShellValue.unknown(ctx.source, part.start, part.end)], uncertain: false };
  }
  const nameMatch = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])/.exec(body);
  if (nameMatch === null) return unknown();
  const name = nameMatch[0];
  let rest = body.slice(name.length);
  if (rest.startsWith('[')) return unknown(); // arrays are not followed
  const { value, set } = lookupValue(name, ctx, part);
  if (rest === '') {
    if (name === '@' || name === '*') return simpleParameter(part, name, ctx);
    return { values: [value ?? ShellValue.unknown(ctx.source, part.start, part.end)], uncertain: false };
  }
  const op = OPERATORS.find((o) => rest.startsWith(o)) ?? null;
  if (op === null) return unknown();
  rest = rest.slice(op.length);
  const operandAt = bodyAt + name.length + op.length;
  const operand = (): ShellValue => expandOperand(ctx, operandAt, operandAt + rest.length, part.quoted);
  const result = (v: ShellValue | null): Expanded => ({ values: [v ?? ShellValue.unknown(ctx.source, part.start, part.end)], uncertain: false });
  // Empty-or-unset tests: the colon forms treat an empty value as unset.
  const colon = op.startsWith(':') && op.length === 2;
  const emptyCounts = colon;
  switch (op) {
    case ':-':
    case '-':
    case ':=':
    case '=': {
      const useDefault = decideDefault(value, set, emptyCounts);
      if (useDefault === null) return result(null);
      if (!useDefault) return result(value);
      const d = operand();
      if ((op === ':=' || op === '=') && NAME.exec(name)?.[0] === name) env.assign(name, d, ShellValue.expression(name, ctx.source, part.start, part.end), false);
      return result(d);
    }
    case ':+':
    case '+': {
      const useDefault = decideDefault(value, set, emptyCounts);
      // Absent: the script's own case is "unset", so the alternative is not used.
      if (useDefault === null) return result(null);
      return result(useDefault ? ShellValue.EMPTY : operand());
    }
    case ':?':
    case '?':
      return result(value);
    default:
      break;
  }
  if (value === null) return result(null);
  if (value.unknown) return result(null);
  switch (op) {
    case '#':
    case '##':
    case '%':
    case '%%': {
      const pattern = operand();
      if (pattern.unknown) return result(null);
      const kept = removeMatch(value.text, pattern.text, op.startsWith('#') ? 'prefix' : 'suffix', op.length === 2);
      return result(kept === null ? null : value.slice(kept.start, kept.end));
    }
    case '/':
    case '//':
    case '/#':
    case '/%':
      return result(substitute(value, rest, operandAt, op, ctx, part.quoted));
    case '^^':
    case ',,':
      return result(value.withText(op === '^^' ? value.text.toUpperCase() : value.text.toLowerCase()));
    case '^':
    case ',': {
      const first = value.text.slice(0, 1);
      return result(value.withText((op === '^' ? first.toUpperCase() : first.toLowerCase()) + value.text.slice(1)));
    }
    case ':':
      return result(substring(value, rest));
    default:
      return result(null);
  }
}

/** Use the default word? null: not known (the value may be empty, or is not known at all). */
function decideDefault(value: ShellValue | null, set: boolean | null, emptyCounts: boolean): boolean | null {
  if (set === null && value === null) return true; // absent: the script's own default
  if (value === null) return null;
  if (set === false) return true;
  if (!emptyCounts) return false;
  if (value.text.split(UNKNOWN_MARK).join('') !== '') return false;
  if (value.unknown) return null;
  return true;
}

/** An integer operand of `${x:offset:length}`: blanks around it, a sign, an optional pair of parentheses. */
function integer(text: string): number | null {
  let t = text.trim();
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1).trim();
  if (!/^-?[ \t]*[0-9]+$/.test(t)) return null;
  return Number(t.replace(/[ \t]/g, ''));
}

/** A pattern character of pathname expansion: `*`, `?`, or a `[...]` bracket expression. */
function hasGlob(text: string): boolean {
  if (text.includes('*') || text.includes('?')) return true;
  const open = text.indexOf('[');
  return open >= 0 && text.indexOf(']', open + 1) > 0;
}

/** `${x:offset}`, `${x:offset:length}` with integer offsets (a negative offset counts from the end). */
function substring(value: ShellValue, spec: string): ShellValue | null {
  const parts = spec.split(':');
  if (parts.length > 2) return null;
  const first = integer(parts[0] ?? '');
  const second = parts[1] === undefined ? undefined : integer(parts[1]);
  if (first === null || second === null) return null;
  const n = value.text.length;
  const offset = first < 0 ? Math.max(0, n + first) : first;
  if (second === undefined) return value.slice(offset);
  const end = second < 0 ? n + second : offset + second;
  if (end < offset) return null;
  return value.slice(offset, end);
}

/** `${x/pattern/replacement}` (bash): first, all (`//`), anchored at the start (`/#`) or end (`/%`). */
function substitute(value: ShellValue, rest: string, restAt: number, op: string, ctx: ExpandContext, quoted: boolean): ShellValue | null {
  const slash = unescapedSlash(rest);
  const patternText = slash < 0 ? rest : rest.slice(0, slash);
  const pattern = expandOperand(ctx, restAt, restAt + patternText.length, quoted);
  const replacement = slash < 0 ? ShellValue.EMPTY : expandOperand(ctx, restAt + slash + 1, restAt + rest.length, quoted);
  if (pattern.unknown) return null;
  const anchor = op === '/#' ? 'start' : op === '/%' ? 'end' : null;
  let out = ShellValue.EMPTY;
  let at = 0;
  for (let guard = 0; guard <= value.text.length; guard++) {
    const m = findMatch(value.text, pattern.text, at, anchor);
    if (m === undefined) return null;
    if (m === null) break;
    out = out.concat(value.slice(at, m.start), replacement);
    at = m.end > m.start ? m.end : m.end + 1;
    if (m.end === m.start) out = out.concat(value.slice(m.start, Math.min(m.start + 1, value.text.length)));
    if (op !== '//' || at > value.text.length) break;
  }
  return out.concat(value.slice(Math.min(at, value.text.length)));
}

function unescapedSlash(text: string): number {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote !== null) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '/') return i;
  }
  return -1;
}

/**
 * The word inside `${x:-word}` (and patterns, replacements): quotes removed
 * when the expansion is unquoted, backslash escapes, nested expansions.
 */
export function expandOperand(ctx: ExpandContext, start: number, end: number, quoted: boolean): ShellValue {
  const text = ctx.source.text;
  let out = ShellValue.EMPTY;
  let run = start;
  const flush = (to: number): void => {
    if (to > run) out = out.concat(ShellValue.literal(text.slice(run, to), ctx.source, run));
  };
  let i = start;
  let inDouble = false;
  while (i < end) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < end) {
      flush(i);
      out = out.concat(ShellValue.literal(text[i + 1] as string, ctx.source, i + 1));
      i += 2;
      run = i;
      continue;
    }
    if (!quoted && c === "'" && !inDouble) {
      flush(i);
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 || close >= end ? end : close;
      out = out.concat(ShellValue.literal(text.slice(i + 1, stop), ctx.source, i + 1));
      i = stop + 1;
      run = i;
      continue;
    }
    if (!quoted && c === '"') {
      flush(i);
      inDouble = !inDouble;
      i++;
      run = i;
      continue;
    }
    if (c === '$' || c === '`') {
      const found = scanExpansion(text, i, false);
      if (found !== null && found.end <= end && found.part.kind === 'expansion') {
        flush(i);
        const expanded = expandPart({ ...found.part, quoted: true }, ctx);
        out = out.concat(joinValues(expanded.values, ' '));
        i = found.end;
        run = i;
        continue;
      }
    }
    i++;
  }
  flush(end);
  return out;
}
