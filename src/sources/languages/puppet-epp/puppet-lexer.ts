/** Tokens of the Puppet subset EPP templates use (see puppet-expression.ts). */
export type PuppetToken =
  | { type: 'variable' | 'word' | 'punct' | 'number'; value: string; offset: number }
  | { type: 'string'; parts: (string | { code: string; offset: number })[]; offset: number };

const NAME = /(?:::)?[a-z_][A-Za-z0-9_]*(?:::[a-z_][A-Za-z0-9_]*)*/y;
const WORD = /(?:::)?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?/y;
const PUNCT = ['==', '!=', '=~', '!~', '<=', '>=', '=>', '[', ']', '(', ')', '{', '}', ',', '.', '|', '=', '<', '>', '!', '+', '-', '*', '?', ':', ';'];

/** null when the code uses something outside the subset (the caller makes it unknown). */
export function lexPuppet(code: string, base: number): PuppetToken[] | null {
  const tokens: PuppetToken[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i] as string;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#') {
      const nl = code.indexOf('\n', i);
      i = nl < 0 ? code.length : nl;
      continue;
    }
    if (c === '$') {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(code);
      if (m === null) return null;
      tokens.push({ type: 'variable', value: m[0], offset: base + i });
      i += 1 + m[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      const read = readString(code, i, base);
      if (read === null) return null;
      tokens.push(read.token);
      i = read.next;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(code);
    if (number !== null) {
      tokens.push({ type: 'number', value: number[0], offset: base + i });
      i += number[0].length;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(code);
    if (word !== null) {
      tokens.push({ type: 'word', value: word[0], offset: base + i });
      i += word[0].length;
      continue;
    }
    const punct = PUNCT.find((p) => code.startsWith(p, i));
    if (punct === undefined) return null;
    tokens.push({ type: 'punct', value: punct, offset: base + i });
    i += punct.length;
  }
  return tokens;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', s: ' ', r: '\r', $: '$', '"': '"', "'": "'", '\\': '\\' };

/** Puppet strings: '' has only \\ and \' escapes; "" interpolates `${expr}` and `$name`. */
function readString(code: string, start: number, base: number): { token: PuppetToken; next: number } | null {
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
      else current += ESCAPES[n] ?? `\\${n}`;
      i += 2;
      continue;
    }
    if (quote === '"' && c === '$') {
      if (code[i + 1] === '{') {
        const close = code.indexOf('}', i + 2);
        if (close < 0) return null;
        if (current !== '') parts.push(current);
        current = '';
        const inner = code.slice(i + 2, close).trim();
        // `${name}` names a variable without its `$`.
        const expression = /^(?:::)?[a-z_]/.test(inner) ? `$${inner}` : inner;
        parts.push({ code: expression, offset: base + i + 2 });
        i = close + 1;
        continue;
      }
      NAME.lastIndex = i + 1;
      const m = NAME.exec(code);
      if (m !== null) {
        if (current !== '') parts.push(current);
        current = '';
        parts.push({ code: `$${m[0]}`, offset: base + i });
        i += 1 + m[0].length;
        continue;
      }
    }
    current += c;
    i++;
  }
  return null;
}
