import type { Statement } from '../ruby-erb/tree.js';
import { lexPuppet, type PuppetToken } from './puppet-lexer.js';
import { parsePuppetTokens, type PuppetExpression } from './puppet-expression.js';

const ITERATORS = new Set(['each', 'map', 'filter', 'reduce', 'with', 'slice']);

function isPunct(token: PuppetToken | undefined, value: string): boolean {
  return token !== undefined && (token.type === 'punct' || token.type === 'word') && token.value === value;
}

/**
 * The statements of one EPP code tag, read on tokens: `if c {`, `unless c {`,
 * `} elsif c {`, `} else {`, `}`, `case $v {`, `'a', 'b': {`, `default: {`,
 * `$a.each |$x| {`, `each($a) |$k, $v| {`, `$x = expr`. Another construct
 * that opens a block (a lambda we do not evaluate) is rendered once as
 * "maybe"; anything else is skipped. A tag the lexer cannot read (a regular
 * expression) keeps its braces: its `}` close and its `{` open.
 */
export function puppetStatements(code: string, offset: number): Statement<PuppetExpression>[] {
  const tokens = lexPuppet(code, offset);
  if (tokens === null) return unreadTag(code);
  const statements: Statement<PuppetExpression>[] = [];
  let rest = tokens;
  // Leading `}` close the open blocks (`} else {` is an end of one branch, handled below).
  while (isPunct(rest[0], '}')) {
    const next = rest[1];
    if (isPunct(next, 'else') || isPunct(next, 'elsif')) {
      rest = rest.slice(1);
      break;
    }
    statements.push({ kind: 'end', brace: true });
    rest = rest.slice(1);
  }
  if (rest.length === 0) return statements;
  if (isPunct(rest[0], 'case')) {
    const open = topLevel(rest, '{');
    if (open < 0) return [...statements, { kind: 'skip' }];
    statements.push({ kind: 'case', subject: parsePuppetTokens(rest.slice(1, open), 'case') });
    rest = rest.slice(open + 1);
    if (rest.length === 0) return statements;
  }
  const colon = topLevel(rest, ':');
  if (colon > 0 && isPunct(rest[rest.length - 1], '{') && colon === rest.length - 2) {
    const labels = rest.slice(0, colon);
    const isDefault = labels.length === 1 && isPunct(labels[0], 'default');
    statements.push({ kind: 'when', values: isDefault ? null : splitCommas(labels).map((l) => parsePuppetTokens(l, 'case option')) });
    return statements;
  }
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


/** The index of the first `value` punctuation outside brackets, or -1. */
function topLevel(tokens: PuppetToken[], value: string): number {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (depth === 0 && isPunct(t, value)) return i;
    if (isPunct(t, '[') || isPunct(t, '(') || isPunct(t, '{')) depth++;
    else if (isPunct(t, ']') || isPunct(t, ')') || isPunct(t, '}')) depth--;
  }
  return -1;
}

function splitCommas(tokens: PuppetToken[]): PuppetToken[][] {
  const parts: PuppetToken[][] = [];
  let rest = tokens;
  for (let comma = topLevel(rest, ','); comma >= 0; comma = topLevel(rest, ',')) {
    parts.push(rest.slice(0, comma));
    rest = rest.slice(comma + 1);
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

/**
 * A tag outside the lexer's subset (`} /^mx/: {`, `if $a =~ /b/ {`): its
 * leading `}` still close blocks, and a trailing `{` opens one whose
 * condition is unknown (a case option when a `:` comes before it).
 */
function unreadTag(code: string): Statement<PuppetExpression>[] {
  const statements: Statement<PuppetExpression>[] = [];
  let rest = code.trim();
  while (rest.startsWith('}')) {
    if (/^\}\s*(?:else|elsif)\b/.test(rest)) {
      rest = rest.slice(1).trim();
      break;
    }
    statements.push({ kind: 'end', brace: true });
    rest = rest.slice(1).trim();
  }
  if (!rest.endsWith('{')) return rest === '' ? statements : [...statements, { kind: 'skip' }];
  const unknown: PuppetExpression = { type: 'unknown', code: rest };
  if (/^(?:if|unless|elsif)\b/.test(rest)) statements.push({ kind: rest.startsWith('elsif') ? 'elsif' : rest.startsWith('unless') ? 'unless' : 'if', test: unknown });
  else if (/^else\s*\{$/.test(rest)) statements.push({ kind: 'else' });
  else if (/:\s*\{$/.test(rest) && !/^case\b/.test(rest)) statements.push({ kind: 'when', values: [unknown] });
  else if (/^case\b/.test(rest)) statements.push({ kind: 'case', subject: unknown });
  else statements.push({ kind: 'block' });
  return statements;
}
