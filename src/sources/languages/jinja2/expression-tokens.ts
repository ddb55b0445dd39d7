/** Tokens of a Jinja2 expression: names, string and number literals, operators (Jinja2's lexer rules for the subset we read). */
export interface ExprToken {
  kind: 'name' | 'string' | 'number' | 'op' | 'end';
  text: string;
  value?: unknown;
  offset: number;
}

export class ExpressionError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const OPERATORS = ['==', '!=', '<=', '>=', '//', '**', '.', '[', ']', '(', ')', '{', '}', ',', ':', '|', '~', '+', '-', '*', '/', '%', '<', '>', '='];

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

/** Tokens of `text` (an expression's source); offsets are relative to `base`. */
export function tokenizeExpression(text: string, base: number): ExprToken[] {
  const tokens: ExprToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const offset = base + i;
    if (isNameStart(c)) {
      let j = i + 1;
      while (j < text.length && (isNameStart(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
      tokens.push({ kind: 'name', text: text.slice(i, j), offset });
      i = j;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < text.length && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
      if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        j++;
        while (j < text.length && isDigit(text.charCodeAt(j))) j++;
      }
      const raw = text.slice(i, j);
      tokens.push({ kind: 'number', text: raw, value: Number(raw.replaceAll('_', '')), offset });
      i = j;
      continue;
    }
    if (c === 39 || c === 34) {
      let j = i + 1;
      let value = '';
      while (j < text.length && text.charCodeAt(j) !== c) {
        if (text.charCodeAt(j) === 92 && j + 1 < text.length) {
          const e = text[j + 1] ?? '';
          value += ESCAPES[e] ?? `\\${e}`;
          j += 2;
        } else {
          value += text[j];
          j++;
        }
      }
      if (j >= text.length) throw new ExpressionError('unterminated string literal', offset);
      tokens.push({ kind: 'string', text: text.slice(i, j + 1), value, offset });
      i = j + 1;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new ExpressionError(`unexpected character '${text[i]}'`, offset);
    tokens.push({ kind: 'op', text: op, offset });
    i += op.length;
  }
  tokens.push({ kind: 'end', text: '', offset: base + text.length });
  return tokens;
}
