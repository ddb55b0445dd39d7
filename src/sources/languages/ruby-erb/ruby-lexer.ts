/** Tokens of the Ruby subset ERB templates use (see ruby-expression.ts). */
export type RubyToken =
  | { type: 'ident' | 'ivar' | 'symbol' | 'punct' | 'number'; value: string; offset: number }
  | { type: 'string'; parts: (string | { code: string; offset: number })[]; offset: number };

const IDENT = /[A-Za-z_][A-Za-z0-9_]*[?!]?/y;
const NUMBER = /-?[0-9][0-9_]*(?:\.[0-9]+)?/y;
const PUNCT = ['&.', '||', '&&', '==', '!=', '<=', '>=', '=>', '::', '[', ']', '(', ')', '{', '}', ',', '.', '?', ':', '!', '<', '>', '+', '-', '|', '=', '*', ';'];

/** null when the code uses something outside the subset (the caller makes it unknown). */
export function lexRuby(code: string, base: number): RubyToken[] | null {
  const tokens: RubyToken[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i] as string;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#') break; // a Ruby comment runs to the end of the tag's code
    if (c === "'" || c === '"') {
      const read = readString(code, i, base);
      if (read === null) return null;
      tokens.push(read.token);
      i = read.next;
      continue;
    }
    if (c === '@' || (c === ':' && /[A-Za-z_]/.test(code[i + 1] ?? '') && !isValueEnd(tokens[tokens.length - 1], code, i))) {
      IDENT.lastIndex = i + 1;
      const m = IDENT.exec(code);
      if (m === null) return null;
      tokens.push({ type: c === '@' ? 'ivar' : 'symbol', value: m[0], offset: base + i });
      i += 1 + m[0].length;
      continue;
    }
    IDENT.lastIndex = i;
    const ident = IDENT.exec(code);
    if (ident !== null) {
      tokens.push({ type: 'ident', value: ident[0], offset: base + i });
      i += ident[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = c === '-' ? null : NUMBER.exec(code);
    if (number !== null) {
      tokens.push({ type: 'number', value: number[0].replaceAll('_', ''), offset: base + i });
      i += number[0].length;
      continue;
    }
    const punct = PUNCT.find((p) => code.startsWith(p, i));
    if (punct === undefined) return null;
    tokens.push({ type: 'punct', value: punct, offset: base + i });
    i += punct.length;
  }
  return tokens;
}

/** `a ? b :c` — a `:` right after a value is the ternary's, not a symbol. */
function isValueEnd(previous: RubyToken | undefined, code: string, i: number): boolean {
  if (previous === undefined) return false;
  if (code[i - 1] !== ' ' && previous.type !== 'punct') return true;
  return previous.type === 'punct' && previous.value === '?';
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', s: ' ', '0': '\0', e: '\x1b' };

function readString(code: string, start: number, base: number): { token: RubyToken; next: number } | null {
  const quote = code[start];
  const parts: (string | { code: string; offset: number })[] = [];
  let current = '';
  let i = start + 1;
  while (i < code.length) {
    const c = code[i] as string;
    if (c === quote) {
      if (current !== '' || parts.length === 0) parts.push(current);
      return { token: { type: 'string', parts, offset: base + start }, next: i + 1 };
    }
    if (c === '\\') {
      const n = code[i + 1] ?? '';
      if (quote === "'") current += n === "'" || n === '\\' ? n : `\\${n}`;
      else current += ESCAPES[n] ?? n;
      i += 2;
      continue;
    }
    if (quote === '"' && c === '#' && code[i + 1] === '{') {
      const close = code.indexOf('}', i + 2);
      if (close < 0) return null;
      if (current !== '') parts.push(current);
      current = '';
      parts.push({ code: code.slice(i + 2, close), offset: base + i + 2 });
      i = close + 1;
      continue;
    }
    current += c;
    i++;
  }
  return null;
}
