import { ExpressionParser, type Expr } from './expression.js';
import { braceEnd, HclError, tokenize } from './tokens.js';

/**
 * Terraform's template syntax (HCL templates: `templatefile`, quoted strings,
 * heredocs): `${expr}` interpolations, `%{ if }`/`%{ else }`/`%{ endif }` and
 * `%{ for x in list }`/`%{ for k, v in map }`/`%{ endfor }` directives. A
 * `~` next to the brace (`${~`, `~}`) strips the whitespace, newlines
 * included, on that side. `$${` and `%%{` are a literal `${` and `%{`.
 */
export type TemplateNode =
  | { type: 'text'; start: number; end: number }
  | { type: 'interpolation'; expr: Expr; start: number; end: number }
  | { type: 'if'; branches: { test: Expr | null; body: TemplateNode[]; start: number; end: number }[]; start: number; end: number }
  | { type: 'for'; keyName: string | null; valueName: string; collection: Expr; body: TemplateNode[]; start: number; end: number };

type Flat =
  | { t: 'text'; start: number; end: number }
  | { t: 'tag'; directive: boolean; start: number; end: number; bodyStart: number; bodyEnd: number; stripLeft: boolean; stripRight: boolean };

const SPACE = /\s/;

/** Bounded recursion when rendering: deeper nesting is a diagnostic. */
const MAX_DEPTH = 100;

function scan(text: string, from: number, to: number): Flat[] {
  const flat: Flat[] = [];
  let textStart = from;
  let i = from;
  while (i < to) {
    const c = text[i];
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      // `$${` / `%%{`: the escape keeps one sign and the brace as literal text.
      if (i > textStart) flat.push({ t: 'text', start: textStart, end: i });
      textStart = i + 1;
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      if (i > textStart) flat.push({ t: 'text', start: textStart, end: i });
      let end: number;
      try {
        end = braceEnd(text, i + 1);
      } catch {
        end = to + 1;
      }
      if (end > to) throw new HclError(`unclosed "${c}{"`, i);
      const stripLeft = text[i + 2] === '~';
      const stripRight = text[end - 2] === '~' && end - 2 > i + 2;
      flat.push({ t: 'tag', directive: c === '%', start: i, end, bodyStart: i + (stripLeft ? 3 : 2), bodyEnd: end - (stripRight ? 2 : 1), stripLeft, stripRight });
      i = end;
      textStart = i;
      continue;
    }
    i++;
  }
  if (to > textStart) flat.push({ t: 'text', start: textStart, end: to });
  for (let k = 0; k < flat.length; k++) {
    const item = flat[k] as Flat;
    if (item.t !== 'tag') continue;
    const before = flat[k - 1];
    const after = flat[k + 1];
    if (item.stripLeft && before?.t === 'text') while (before.end > before.start && SPACE.test(text[before.end - 1] as string)) before.end--;
    if (item.stripRight && after?.t === 'text') while (after.start < after.end && SPACE.test(text[after.start] as string)) after.start++;
  }
  return flat.filter((f) => f.t === 'tag' || f.end > f.start);
}

function parseExpression(text: string, from: number, to: number): Expr {
  const tokens = tokenize(text, from, to);
  const parser = new ExpressionParser(tokens, to);
  const expr = parser.expression();
  const extra = parser.peek();
  if (extra !== undefined) throw new HclError('extra characters after the expression', extra.start);
  return expr;
}

type Frame =
  | { kind: 'root'; nodes: TemplateNode[] }
  | { kind: 'if'; start: number; branches: { test: Expr | null; body: TemplateNode[]; start: number; end: number }[]; nodes: TemplateNode[] }
  | { kind: 'for'; start: number; keyName: string | null; valueName: string; collection: Expr; nodes: TemplateNode[] };

/** The template in text[from..to) as a tree; throws HclError (callers turn it into a diagnostic). */
export function parseHclTemplate(text: string, from = 0, to = text.length): TemplateNode[] {
  const stack: Frame[] = [{ kind: 'root', nodes: [] }];
  const top = () => stack[stack.length - 1] as Frame;
  for (const item of scan(text, from, to)) {
    if (item.t === 'text') {
      top().nodes.push({ type: 'text', start: item.start, end: item.end });
      continue;
    }
    if (!item.directive) {
      top().nodes.push({ type: 'interpolation', expr: parseExpression(text, item.bodyStart, item.bodyEnd), start: item.start, end: item.end });
      continue;
    }
    const keyword = /^\s*([a-z]+)\b/.exec(text.slice(item.bodyStart, item.bodyEnd));
    const word = keyword?.[1];
    const rest = item.bodyStart + (keyword?.[0].length ?? 0);
    const frame = top();
    if ((word === 'if' || word === 'for') && stack.length > MAX_DEPTH) throw new HclError(`directives nested more than ${MAX_DEPTH} deep`, item.start);
    if (word === 'if') {
      stack.push({ kind: 'if', start: item.start, branches: [{ test: parseExpression(text, rest, item.bodyEnd), body: [], start: item.start, end: item.end }], nodes: [] });
    } else if (word === 'else' || word === 'endif') {
      if (frame.kind !== 'if') throw new HclError(`unexpected %{ ${word} }`, item.start);
      if (text.slice(rest, item.bodyEnd).trim() !== '') throw new HclError(`extra characters after ${word}`, item.start);
      const branch = frame.branches[frame.branches.length - 1] as { test: Expr | null; body: TemplateNode[]; end: number };
      branch.body = frame.nodes;
      branch.end = item.start;
      frame.nodes = [];
      if (word === 'else') {
        if (branch.test === null) throw new HclError('unexpected %{ else }: the if already has one', item.start);
        frame.branches.push({ test: null, body: [], start: item.start, end: item.end });
      } else {
        stack.pop();
        top().nodes.push({ type: 'if', branches: frame.branches, start: frame.start, end: item.end });
      }
    } else if (word === 'for') {
      const header = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*(?:,\s*([A-Za-z_][A-Za-z0-9_-]*)\s*)?in\b/.exec(text.slice(rest, item.bodyEnd));
      if (header === null) throw new HclError('invalid for directive: expected "for NAME in EXPRESSION"', item.start);
      const two = header[2] !== undefined;
      stack.push({
        kind: 'for',
        start: item.start,
        keyName: two ? (header[1] as string) : null,
        valueName: (two ? header[2] : header[1]) as string,
        collection: parseExpression(text, rest + header[0].length, item.bodyEnd),
        nodes: [],
      });
    } else if (word === 'endfor') {
      if (frame.kind !== 'for') throw new HclError('unexpected %{ endfor }', item.start);
      stack.pop();
      top().nodes.push({ type: 'for', keyName: frame.keyName, valueName: frame.valueName, collection: frame.collection, body: frame.nodes, start: frame.start, end: item.end });
    } else throw new HclError(`invalid template directive ${JSON.stringify(word ?? text.slice(item.bodyStart, item.bodyEnd).trim())}`, item.start);
  }
  const open = top();
  if (open.kind !== 'root') throw new HclError(`unclosed %{ ${open.kind} }: no %{ end${open.kind} }`, open.start);
  return open.nodes;
}
