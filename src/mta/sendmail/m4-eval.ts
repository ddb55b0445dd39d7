/**
 * GNU m4 1.4's `eval`: 32-bit signed integer arithmetic (results wrap),
 * measured against m4 1.4.19. Precedence, highest first: unary `+ - ~ !`,
 * `**` (right to left), `* / %`, `+ -`, `<< >>` (count taken mod 32),
 * `< <= > >=`, `== !=` (`=` too, with a warning), `&`, `^`, `|`, `&&`, `||`
 * (short-circuit: `0 && 1/0` is 0). Numbers: decimal, `0` octal, `0x` hex,
 * `0b` binary, `0r<radix>:<digits>`. No `?:` and no `,`. A pure function:
 * an error is m4's message and an empty result (m4 exits 0 after it).
 */

export type EvalResult = { value: string } | { error: string };

class EvalError extends Error {}

interface Token {
  /** `bad`: a character no token starts with (m4 then stops reading). */
  kind: 'num' | 'op' | 'end' | 'bad';
  text: string;
  value: number;
}

const OPERATORS = ['**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '=', '&', '^', '|', '!', '~', '(', ')'];

function digitValue(c: string): number {
  const code = c.toLowerCase().charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  return 99;
}

function tokenize(text: string): Token[] | 'bad' | 'badinput' | 'invalid' {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (' \t\n\r\f\v'.includes(c)) {
      i++;
      continue;
    }
    if (c >= '0' && c <= '9') {
      let radix = 10;
      let j = i;
      if (c === '0' && /[xX]/.test(text.charAt(i + 1))) {
        radix = 16;
        j = i + 2;
      } else if (c === '0' && /[bB]/.test(text.charAt(i + 1))) {
        radix = 2;
        j = i + 2;
      } else if (c === '0' && /[rR]/.test(text.charAt(i + 1))) {
        let k = i + 2;
        let r = 0;
        while (k < text.length && text.charAt(k) >= '0' && text.charAt(k) <= '9') r = r * 10 + Number(text.charAt(k++));
        if (text.charAt(k) !== ':' || r < 1 || r > 36) return tokens.length === 0 ? 'bad' : 'badinput';
        radix = r;
        j = k + 1;
      } else if (c === '0') {
        radix = 8;
        j = i + 1;
      }
      let value = 0;
      if (radix === 1) {
        // 0r1: unary, a run of 1s.
        while (text.charAt(j) === '1') {
          value = (value + 1) | 0;
          j++;
        }
      } else {
        while (j < text.length && digitValue(text.charAt(j)) < radix) {
          value = (Math.imul(value, radix) + digitValue(text.charAt(j))) | 0;
          j++;
        }
      }
      tokens.push({ kind: 'num', text: text.slice(i, j), value });
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    // An unknown character: "bad expression" when nothing came before it, else "(bad input)".
    if (op === undefined) {
      if (tokens.length === 0) return 'bad';
      tokens.push({ kind: 'bad', text: c, value: 0 });
      return tokens;
    }
    if ((op === '-' && text.charAt(i + 1) === '-') || (op === '+' && text.charAt(i + 1) === '+')) return 'invalid';
    tokens.push({ kind: 'op', text: op, value: 0 });
    i += op.length;
  }
  tokens.push({ kind: 'end', text: '', value: 0 });
  return tokens;
}

class Parser {
  private pos = 0;
  warnedEquals = false;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }

  parse(): number {
    const v = this.or();
    const t = this.peek();
    if (t.kind === 'bad') throw new EvalError('badinput');
    if (t.kind !== 'end') throw new EvalError(this.isOp(')') || t.kind === 'num' ? 'excess' : 'bad');
    return v;
  }

  private binary(next: () => number, ops: string[], apply: (op: string, a: number, b: () => number) => number): number {
    let left = next();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || !ops.includes(t.text)) return left;
      this.pos++;
      left = apply(t.text, left, next);
    }
  }

  private or(): number {
    return this.binary(() => this.and(), ['||'], (_op, a, b) => {
      if (a !== 0) {
        this.skip(() => this.and());
        return 1;
      }
      return b() !== 0 ? 1 : 0;
    });
  }

  private and(): number {
    return this.binary(() => this.bitOr(), ['&&'], (_op, a, b) => {
      if (a === 0) {
        this.skip(() => this.bitOr());
        return 0;
      }
      return b() !== 0 ? 1 : 0;
    });
  }

  /** Parses an operand whose value is not used (short-circuit): its division by zero is no error. */
  private skip(operand: () => number): void {
    const saved = this.noErrors;
    this.noErrors = true;
    try {
      operand();
    } finally {
      this.noErrors = saved;
    }
  }

  private noErrors = false;

  private bitOr(): number {
    return this.binary(() => this.bitXor(), ['|'], (_op, a, b) => a | b());
  }

  private bitXor(): number {
    return this.binary(() => this.bitAnd(), ['^'], (_op, a, b) => a ^ b());
  }

  private bitAnd(): number {
    return this.binary(() => this.equality(), ['&'], (_op, a, b) => a & b());
  }

  private equality(): number {
    return this.binary(() => this.relation(), ['==', '!=', '='], (op, a, b) => {
      if (op === '=') this.warnedEquals = true;
      const v = b();
      return (op === '!=' ? a !== v : a === v) ? 1 : 0;
    });
  }

  private relation(): number {
    return this.binary(() => this.shift(), ['<', '<=', '>', '>='], (op, a, b) => {
      const v = b();
      const r = op === '<' ? a < v : op === '<=' ? a <= v : op === '>' ? a > v : a >= v;
      return r ? 1 : 0;
    });
  }

  private shift(): number {
    return this.binary(() => this.additive(), ['<<', '>>'], (op, a, b) => {
      const v = b() & 31;
      return op === '<<' ? a << v : a >> v;
    });
  }

  private additive(): number {
    return this.binary(() => this.multiplicative(), ['+', '-'], (op, a, b) => (op === '+' ? (a + b()) | 0 : (a - b()) | 0));
  }

  private multiplicative(): number {
    return this.binary(() => this.power(), ['*', '/', '%'], (op, a, b) => {
      const v = b();
      if (op === '*') return Math.imul(a, v);
      if (v === 0) {
        if (this.noErrors) return 0;
        throw new EvalError(op === '/' ? 'divide' : 'modulo');
      }
      // -2147483648 / -1 overflows: m4 gives -2147483648 (and 0 for %).
      if (v === -1) return op === '/' ? -a | 0 : 0;
      return op === '/' ? (a / v) | 0 : a % v | 0;
    });
  }

  private power(): number {
    const base = this.unary();
    if (!this.isOp('**')) return base;
    this.pos++;
    const exponent = this.power();
    if (exponent < 0) {
      if (this.noErrors) return 0;
      throw new EvalError('negative');
    }
    if (base === 0 && exponent === 0) {
      if (this.noErrors) return 0;
      throw new EvalError('divide');
    }
    let result = 1;
    let b = base;
    let e = exponent;
    while (e > 0) {
      if (e & 1) result = Math.imul(result, b);
      b = Math.imul(b, b);
      e = Math.floor(e / 2);
    }
    return result;
  }

  private unary(): number {
    const t = this.peek();
    if (t.kind === 'op' && ['+', '-', '~', '!'].includes(t.text)) {
      this.pos++;
      const v = this.unary();
      if (t.text === '-') return -v | 0;
      if (t.text === '~') return ~v;
      if (t.text === '!') return v === 0 ? 1 : 0;
      return v;
    }
    if (t.kind === 'op' && t.text === '(') {
      this.pos++;
      const v = this.or();
      if (this.peek().kind === 'bad') throw new EvalError('badinput');
      if (!this.isOp(')')) throw new EvalError('paren');
      this.pos++;
      return v;
    }
    if (t.kind === 'num') {
      this.pos++;
      return t.value;
    }
    throw new EvalError(t.kind === 'bad' ? 'badinput' : 'bad');
  }
}

/** The text of `n` in `radix` (2..36, or 1: unary), left-padded with zeros to `width`. */
function format(n: number, radix: number, width: number): string {
  const negative = n < 0;
  const magnitude = Math.abs(n);
  const digits = radix === 1 ? '1'.repeat(magnitude) : magnitude.toString(radix);
  return (negative ? '-' : '') + digits.padStart(width, '0');
}

/** eval(expression, radix, width), with m4's error messages. `warnings` receives m4's warnings. */
export function m4Eval(expression: string, radixText = '', widthText = '', warnings: string[] = []): EvalResult {
  let radix = 10;
  if (radixText.trim() !== '') {
    if (!/^\s*-?[0-9]+\s*$/.test(radixText)) return { error: "non-numeric argument to builtin `eval'" };
    radix = Number(radixText);
    if (radix < 1 || radix > 36) return { error: `radix ${radix} in builtin \`eval' out of range` };
  }
  let width = 1;
  if (widthText.trim() !== '') {
    if (!/^\s*-?[0-9]+\s*$/.test(widthText)) return { error: "non-numeric argument to builtin `eval'" };
    width = Number(widthText);
    if (width < 0) return { error: "negative width to builtin `eval'" };
  }
  if (expression.trim() === '') {
    warnings.push("empty string treated as 0 in builtin `eval'");
    return { value: format(0, radix, width) };
  }
  const tokens = tokenize(expression);
  if (tokens === 'bad') return { error: `bad expression in eval: ${expression}` };
  if (tokens === 'badinput') return { error: `bad expression in eval (bad input): ${expression}` };
  if (tokens === 'invalid') return { error: `invalid operator in eval: ${expression}` };
  const parser = new Parser(tokens);
  try {
    const value = parser.parse();
    if (parser.warnedEquals) warnings.push('Warning: recommend ==, not =, for equality operator');
    return { value: format(value, radix, width) };
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    switch (e.message) {
      case 'badinput':
        return { error: `bad expression in eval (bad input): ${expression}` };
      case 'excess':
        return { error: `bad expression in eval (excess input): ${expression}` };
      case 'paren':
        return { error: `bad expression in eval (missing right parenthesis): ${expression}` };
      case 'divide':
        return { error: `divide by zero in eval: ${expression}` };
      case 'modulo':
        return { error: `modulo by zero in eval: ${expression}` };
      case 'negative':
        return { error: `negative exponent in eval: ${expression}` };
      default:
        return { error: `bad expression in eval: ${expression}` };
    }
  }
}
