/**
 * Tokens of HCL native syntax, enough for literal values, references,
 * function calls and operators (hashicorp/hcl hclsyntax). A quoted string
 * keeps its raw content (its `${...}` parts are a template, parsed later);
 * a heredoc (`<<EOT`, `<<-EOT`) likewise.
 */
export type Token =
  | { t: 'ident'; value: string; start: number; end: number }
  | { t: 'number'; value: number; start: number; end: number }
  /** Raw content between the quotes (or of the heredoc), starting at `contentStart`. */
  | { t: 'string'; raw: string; contentStart: number; heredoc: boolean; start: number; end: number }
  | { t: 'punct'; value: string; start: number; end: number };

export class HclError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Bounded recursion whatever the input: deeper nesting is a diagnostic. */
export const MAX_NESTING = 64;

const PUNCT = ['==', '!=', '<=', '>=', '&&', '||', '=>', '...', '{', '}', '[', ']', '(', ')', ',', '=', ':', '?', '.', '+', '-', '*', '/', '%', '<', '>', '!'];

/** End (exclusive) of a quoted string starting at `quote`, skipping `${...}`/`%{...}` (which may hold quotes). */
export function quotedEnd(text: string, quote: number, depth = 0): number {
  if (depth > MAX_NESTING) throw new HclError('strings and braces nested too deeply', quote);
  let i = quote + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if (c === '\n') throw new HclError('unterminated string', quote);
    else if ((c === '$' || c === '%') && text[i + 1] === '{' && text[i - 1] !== c) i = braceEnd(text, i + 1, depth + 1);
    else i++;
  }
  throw new HclError('unterminated string', quote);
}

/** End (exclusive) of the `{ ... }` starting at `open`, skipping strings and nested braces. */
export function braceEnd(text: string, open: number, nesting = 0): number {
  if (nesting > MAX_NESTING) throw new HclError('strings and braces nested too deeply', open);
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = quotedEnd(text, i, nesting + 1);
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  throw new HclError('unclosed "{"', open);
}

/**
 * Tokens of `text` from `from` to `to`. Comments (`#`, `//`, `/* *\/`) and
 * newlines are skipped: the callers read expressions and block headers,
 * where newlines only matter between attributes (handled by their structure).
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 || nl > to ? to : nl;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) throw new HclError('unterminated comment', i);
      i = close + 2;
      continue;
    }
    if (c === '"') {
      const end = quotedEnd(text, i);
      tokens.push({ t: 'string', raw: text.slice(i + 1, end - 1), contentStart: i + 1, heredoc: false, start: i, end });
      i = end;
      continue;
    }
    const heredoc = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
    if (heredoc !== null) {
      const contentStart = i + heredoc[0].length;
      const marker = new RegExp(`^[ \\t]*${heredoc[2] as string}[ \\t]*$`, 'm');
      const rest = text.slice(contentStart);
      const found = marker.exec(rest);
      if (found === null) throw new HclError(`unterminated heredoc ${heredoc[2] as string}`, i);
      const raw = rest.slice(0, found.index);
      tokens.push({ t: 'string', raw, contentStart, heredoc: true, start: i, end: contentStart + found.index + found[0].length });
      i = contentStart + found.index + found[0].length;
      continue;
    }
    const number = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (number !== null) {
      tokens.push({ t: 'number', value: Number(number[0]), start: i, end: i + number[0].length });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i, i + 256));
    if (ident !== null) {
      tokens.push({ t: 'ident', value: ident[0], start: i, end: i + ident[0].length });
      i += ident[0].length;
      continue;
    }
    const punct = PUNCT.find((p) => text.startsWith(p, i));
    if (punct === undefined) throw new HclError(`invalid character ${JSON.stringify(c)}`, i);
    tokens.push({ t: 'punct', value: punct, start: i, end: i + punct.length });
    i += punct.length;
  }
  return tokens;
}
