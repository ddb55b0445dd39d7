import type { Statement } from '../ruby-erb/tree.js';
import { lexPuppet, type PuppetToken } from './puppet-lexer.js';
import { parsePuppetTokens, type PuppetExpression } from './puppet-expression.js';

const ITERATORS = new Set(['each', 'map', 'filter', 'reduce', 'with', 'slice']);

function isPunct(token: PuppetToken | undefined, value: string): boolean {
  return token !== undefined && (token.type === 'punct' || token.type === 'word') && token.value === value;
}

/**
 * The statements of one EPP code tag, read on tokens: `if c {`, `unless c {`,
 * `} elsif c {`, `} else {`, `}`, `$a.each |$x| {`, `each($a) |$k, $v| {`,
 * `$x = expr`. Another construct that opens a block (`case`, a lambda we do
 * not evaluate) is rendered once as "maybe"; anything else is skipped.
 */
export function puppetStatements(code: string, offset: number): Statement<PuppetExpression>[] {
  const tokens = lexPuppet(code, offset);
  if (tokens === null) return [{ kind: 'skip' }];
  const statements: Statement<PuppetExpression>[] = [];
  let rest = tokens;
  // Leading `}` close the open blocks (`} else {` is an end of one branch, handled below).
  while (isPunct(rest[0], '}')) {
    const next = rest[1];
    if (isPunct(next, 'else') || isPunct(next, 'elsif')) {
      rest = rest.slice(1);
      break;
    }
    statements.push({ kind: 'end' });
    rest = rest.slice(1);
  }
  if (rest.length === 0) return statements;
  const opens = isPunct(rest[rest.length - 1], '{');
  const body = opens ? rest.slice(0, -1) : rest;
  const head = body[0];
  const source = (list: PuppetToken[]) => list.map(tokenText).join(' ');
  if (opens && (isPunct(head, 'if') || isPunct(head, 'elsif') || isPunct(head, 'unless'))) {
    const kind = (head as { value: string }).value as 'if' | 'elsif' | 'unless';
    statements.push({ kind, test: parsePuppetTokens(body.slice(1), source(body.slice(1))) });
    return statements;
  }
  if (opens && isPunct(head, 'else') && body.length === 1) {
    statements.push({ kind: 'else' });
    return statements;
  }
  if (opens) {
    statements.push(iteration(body) ?? { kind: 'block' });
    return statements;
  }
  if (head?.type === 'variable' && isPunct(body[1], '=')) {
    statements.push({ kind: 'assign', name: head.value, value: parsePuppetTokens(body.slice(2), source(body.slice(2))) });
    return statements;
  }
  statements.push({ kind: 'skip' });
  return statements;
}

function tokenText(token: PuppetToken): string {
  if (token.type === 'string') return JSON.stringify(token.parts.map((p) => (typeof p === 'string' ? p : '')).join(''));
  return token.type === 'variable' ? `$${token.value}` : token.value;
}

/** `<collection>.each |$a, $b|` or `each(<collection>) |$a|`: null when it is not one we expand. */
function iteration(tokens: PuppetToken[]): Statement<PuppetExpression> | null {
  if (!isPunct(tokens[tokens.length - 1], '|')) return null;
  let open = tokens.length - 2;
  while (open >= 0 && !isPunct(tokens[open], '|')) open--;
  if (open < 0) return null;
  const parameters = tokens.slice(open + 1, tokens.length - 1);
  const targets: string[] = [];
  for (const token of parameters) {
    if (token.type === 'variable') targets.push(token.value);
    else if (!isPunct(token, ',') && token.type !== 'word') return { kind: 'block' };
  }
  const call = tokens.slice(0, open);
  const last = call[call.length - 1];
  if (call.length >= 3 && last?.type === 'word' && isPunct(call[call.length - 2], '.')) {
    if (last.value !== 'each') return ITERATORS.has(last.value) ? { kind: 'block' } : null;
    return { kind: 'each', iterable: parsePuppetTokens(call.slice(0, -2), 'collection'), targets };
  }
  const name = call[0];
  if (name?.type === 'word' && isPunct(call[1], '(') && isPunct(last, ')')) {
    if (name.value !== 'each') return ITERATORS.has(name.value) ? { kind: 'block' } : null;
    return { kind: 'each', iterable: parsePuppetTokens(call.slice(2, -1), 'collection'), targets };
  }
  return null;
}

