import { LineIndex } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';
import { EvaluationBudget } from '../../contracts/budget.js';
import { containsUnknown, UNKNOWN } from '../../contracts/values.js';
import type { VariableBinding, VariableOrigin, VariableScope } from '../../contracts/variables.js';
import { RubyEvaluator } from '../../languages/ruby-erb/ruby-evaluate.js';
import { parseRuby } from '../../languages/ruby-erb/ruby-expression.js';
import { readRubyLiteral } from '../../languages/ruby-erb/ruby-literal.js';
import { OPENS, RubyLines } from './ruby-lines.js';

/** A property value of a resource: its text, its value (null: not resolved) and where it is written. */
export interface ResourceValue {
  text: string;
  value: string | null;
  span: Span;
}

/**
 * A Chef `template` or `cookbook_file` resource of a recipe, as written:
 * its name (the destination unless `path` says otherwise), `source`,
 * `cookbook`, and the `variables` it passes to the template (`@name`).
 */
export interface ChefFileResource {
  type: 'template' | 'cookbook_file';
  name: ResourceValue;
  path: ResourceValue | null;
  source: ResourceValue | null;
  cookbook: ResourceValue | null;
  /** null: the resource passes variables relaygate cannot read (`variables lazy { ... }`, a hash built by code). */
  variables: Map<string, VariableBinding> | null;
  /**
   * The resource may not converge: it sits under an `if`/`case`/`unless`,
   * has a guard (`only_if`, `not_if`), or runs only when notified (`action :nothing`).
   */
  maybe: boolean;
  /** `action :delete`: the file is removed, not written. */
  deletes: boolean;
  /** `local true`: the source is a file on the node, not in the cookbook. */
  local: boolean;
  span: Span;
}

const RESOURCE = /^(template|cookbook_file)\b\s*\(?\s*/;
const MODIFIER = /\s(?:if|unless)\s/;

/**
 * The offset just after the bracket closing the one at `open` (strings and
 * comments skipped); -1 when it is never closed. Linear: one pass.
 */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '#' && text[i + 1] !== '{') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Splits `a, b => c, d: [e, f]` at top-level commas, with offsets. */
function splitTopLevel(text: string, offset: number): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
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

const ENTRY_KEY = /^(?::([A-Za-z_][A-Za-z0-9_]*)\s*=>|'([^'\\]*)'\s*=>|"([^"\\#]*)"\s*=>|([A-Za-z_][A-Za-z0-9_]*):(?!:)|'([^'\\]*)':|"([^"\\#]*)":)\s*/;

/**
 * Reads Chef recipes without running them: Ruby is a programming language,
 * so only the resources written out literally are read, and a value that is
 * not a literal or a `node[...]` attribute of the repository is unknown.
 */
export class RecipeReader {
  private readonly index: LineIndex;
  private readonly evaluator: RubyEvaluator;
  /** The recipe's evaluation budget, shared by every expression it evaluates. */
  private readonly budget = new EvaluationBudget();
  /** The line of the resource being read when the budget ran out (null while it lasts). */
  private spentAt: number | null = null;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly scope: VariableScope,
  ) {
    this.index = new LineIndex(text);
    this.evaluator = new RubyEvaluator(scope);
  }

  private span(from: number, to: number): Span {
    const a = this.index.position(from);
    const b = this.index.position(to);
    return { file: this.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** A Ruby expression's value when it is a string we can resolve (a literal, an interpolation of known attributes). */
  private resolve(code: string, at: number): ResourceValue {
    const text = code.trim();
    const start = at + code.indexOf(text);
    const env = { locals: [new Map<string, unknown>()], used: new Map<string, VariableOrigin | null>(), budget: this.budget };
    const value = this.evaluator.evaluate(parseRuby(text, start), env);
    return { text, value: typeof value === 'string' ? value : null, span: this.span(start, start + text.length) };
  }

  /** `variables(a: 1, 'b' => node['x'])`: each `@name` the template gets, with the line that sets it. */
  private variables(code: string, at: number): Map<string, VariableBinding> | null {
    let inner = code.trim();
    let offset = at + code.indexOf(inner);
    if (inner.startsWith('(') && inner.endsWith(')')) {
      inner = inner.slice(1, -1);
      offset++;
    }
    const trimmed = inner.trim();
    offset += inner.indexOf(trimmed);
    inner = trimmed;
    if (inner.startsWith('{') && inner.endsWith('}')) {
      inner = inner.slice(1, -1);
      offset++;
    }
    const out = new Map<string, VariableBinding>();
    for (const entry of splitTopLevel(inner, offset)) {
      const key = ENTRY_KEY.exec(entry.text);
      if (key === null) return null; // a `**hash` splat or a computed key: the variables are not known
      const name = key.slice(1).find((k) => k !== undefined) as string;
      const valueText = entry.text.slice(key[0].length);
      const valueAt = entry.offset + key[0].length;
      const line = this.index.position(entry.offset).line;
      const literal = readRubyLiteral(valueText, 0);
      if (literal !== null && valueText.slice(literal.end).trim() === '') {
        out.set(`@${name}`, { value: literal.value, origin: { file: this.file, line } });
        continue;
      }
      const env = { locals: [new Map<string, unknown>()], used: new Map<string, VariableOrigin | null>(), budget: this.budget };
      const value = this.evaluator.evaluate(parseRuby(valueText, valueAt), env);
      const origins = [...env.used.values()];
      const origin = origins.length === 1 && origins[0] !== null && origins[0] !== undefined ? origins[0] : { file: this.file, line };
      out.set(`@${name}`, { value: containsUnknown(value) ? UNKNOWN : value, origin });
    }
    return out;
  }

  /** Every `template` and `cookbook_file` resource of the recipe, in order. */
  resources(): ChefFileResource[] {
    const out: ChefFileResource[] = [];
    const lines = RubyLines.of(this.text);
    for (let line = lines.next(); line !== null; line = lines.next()) {
      const head = RESOURCE.exec(line.text);
      if (head === null) {
        if (OPENS.test(line.text) && !MODIFIER.test(line.text)) lines.depth++;
        continue;
      }
      const read = this.resource(head[1] as ChefFileResource['type'], line.start, line.start + head[0].length, lines.depth > 0);
      if (read === null) continue;
      if (this.spentAt === null && this.budget.exhausted) this.spentAt = read.resource.span.line;
      out.push(read.resource);
      lines.pos = read.next;
    }
    return out;
  }

  /**
   * Where and why the recipe's values stopped being evaluated, as a note's
   * text (after resources()); null when the budget lasted. The values from
   * that resource on are unknown, and the templates they feed are still judged.
   */
  budgetNote(): string | null {
    if (this.budget.exceeded === null) return null;
    return `${this.file}:${this.spentAt ?? 1}: ${this.budget.exceeded}; the values from there on are unknown`;
  }

  /** One resource from its name to the `end` of its block (or the end of its line). */
  private resource(type: ChefFileResource['type'], start: number, nameStart: number, conditional: boolean): { resource: ChefFileResource; next: number } | null {
    const text = this.text;
    const lineEnd = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    const firstLine = text.slice(nameStart, lineEnd);
    const doAt = trailingDo(firstLine);
    const nameCode = doAt === null ? withoutClosingParen(firstLine) : firstLine.slice(0, doAt);
    const name = this.resolve(nameCode, nameStart);
    const resource: ChefFileResource = {
      type,
      name,
      path: null,
      source: null,
      cookbook: null,
      variables: new Map(),
      maybe: conditional,
      deletes: false,
      local: false,
      span: this.span(start, lineEnd),
    };
    if (doAt === null) return { resource, next: lineEnd + 1 };
    // The block: properties until the `end` that closes it (nested blocks counted).
    const body = RubyLines.blockBody(text, lineEnd + 1);
    for (let line = body.next(); line !== null; line = body.next()) {
      if (body.depth === 1) body.pos = this.property(resource, line.text, line.start, body.pos);
      if (OPENS.test(line.text) && !MODIFIER.test(line.text)) body.depth++;
    }
    return { resource, next: body.pos };
  }

  /** One property line of a resource block; returns where reading goes on (after a multi-line value). */
  private property(resource: ChefFileResource, line: string, at: number, next: number): number {
    const word = /^([a-z_]+)\b\s*/.exec(line);
    if (word === null) return next;
    const name = word[1] as string;
    const valueAt = at + word[0].length;
    if (name === 'variables') {
      const open = this.text.indexOf(line.slice(word[0].length, word[0].length + 1), valueAt);
      if (line[word[0].length] === '(' || line[word[0].length] === '{') {
        const close = closing(this.text, open);
        if (close < 0) {
          resource.variables = null;
          return next;
        }
        resource.variables = this.variables(this.text.slice(open, close), open);
        const after = this.text.indexOf('\n', close);
        return after < 0 ? this.text.length : Math.max(next, after + 1);
      }
      resource.variables = this.variables(line.slice(word[0].length), valueAt);
      return next;
    }
    const rest = line.slice(word[0].length);
    switch (name) {
      case 'source':
      case 'path':
      case 'cookbook': {
        // `source ['a.erb', 'b.erb']`: Chef uses the first that exists; we read the first.
        const first = rest.startsWith('[') ? (splitTopLevel(rest.slice(1, rest.lastIndexOf(']')), valueAt + 1)[0] ?? null) : { text: rest, offset: valueAt };
        if (first !== null) resource[name] = this.resolve(first.text, first.offset);
        return next;
      }
      case 'only_if':
      case 'not_if':
        resource.maybe = true;
        return next;
      case 'local':
        resource.local = /^true\b/.test(rest);
        return next;
      case 'action': {
        const actions = [...rest.matchAll(/:([a-z_]+)/g)].map((m) => m[1]);
        if (actions.includes('delete')) resource.deletes = true;
        // :nothing runs only when notified; :create_if_missing keeps a file already there.
        if (actions.includes('nothing') || actions.includes('create_if_missing')) resource.maybe = true;
        return next;
      }
      default:
        return next;
    }
  }
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/**
 * Where a resource line's trailing block opener starts: `) do`, ` do |t|`
 * (Ruby's `do ... end` block with optional block parameters); null when the
 * line opens no block. Scanned from the end, so hostile lines cost linear time.
 */
function trailingDo(line: string): number | null {
  let t = line.trimEnd();
  if (t.endsWith('|')) {
    const open = t.lastIndexOf('|', t.length - 2);
    if (open < 0) return null;
    t = t.slice(0, open).trimEnd();
  }
  if (!t.endsWith('do')) return null;
  let start = t.length - 2;
  if (!isSpace(t[start - 1])) return null;
  while (start > 0 && isSpace(t[start - 1])) start--;
  if (t[start - 1] === ')') start--;
  return start;
}

/** The line without the `)` that closes a call's arguments (and the spaces after it). */
function withoutClosingParen(line: string): string {
  const t = line.trimEnd();
  return t.endsWith(')') ? t.slice(0, -1) : line;
}
