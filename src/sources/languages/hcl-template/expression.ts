import { HclError, MAX_NESTING, type Token } from './tokens.js';

/** HCL expressions relaygate evaluates; anything else parses to `opaque` (unknown when evaluated). */
export type Expr =
  | { k: 'literal'; value: string | number | boolean | null; start: number }
  /** A quoted string or heredoc: a template evaluated to a string. */
  | { k: 'template'; raw: string; contentStart: number; heredoc: boolean; start: number }
  | { k: 'name'; name: string; start: number }
  | { k: 'attribute'; base: Expr; name: string; start: number }
  | { k: 'index'; base: Expr; key: Expr; start: number }
  | { k: 'call'; name: string; args: Expr[]; start: number }
  | { k: 'tuple'; items: Expr[]; start: number }
  | { k: 'object'; items: { key: string | null; keyStart: number; value: Expr }[]; start: number }
  | { k: 'unary'; op: '!' | '-'; operand: Expr; start: number }
  | { k: 'binary'; op: string; left: Expr; right: Expr; start: number }
  | { k: 'conditional'; test: Expr; then: Expr; otherwise: Expr; start: number }
  /** A `for` expression, splat or other construct not evaluated. */
  | { k: 'opaque'; start: number };

const PRECEDENCE: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };

export class ExpressionParser {
  position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly endOffset: number,
  ) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  isPunct(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.t === 'punct' && token.value === value;
  }

  expect(value: string): Token {
    const token = this.peek();
    if (token?.t !== 'punct' || token.value !== value) throw new HclError(`expected "${value}"`, token?.start ?? this.endOffset);
    this.position++;
    return token;
  }

  private depth = 0;

  expression(): Expr {
    if (++this.depth > MAX_NESTING) throw new HclError('expression nested too deeply', this.peek()?.start ?? this.endOffset);
    try {
      const test = this.binary(1);
      if (!this.isPunct('?')) return test;
      this.position++;
      const then = this.expression();
      this.expect(':');
      return { k: 'conditional', test, then, otherwise: this.expression(), start: test.start };
    } finally {
      this.depth--;
    }
  }

  private binary(min: number): Expr {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      const precedence = token?.t === 'punct' ? PRECEDENCE[token.value] : undefined;
      if (token === undefined || precedence === undefined || precedence < min) return left;
      this.position++;
      const right = this.binary(precedence + 1);
      left = { k: 'binary', op: (token as { value: string }).value, left, right, start: left.start };
    }
  }

  private unary(): Expr {
    const token = this.peek();
    if (token?.t === 'punct' && (token.value === '!' || token.value === '-')) {
      this.position++;
      if (++this.depth > MAX_NESTING) throw new HclError('expression nested too deeply', token.start);
      try {
        return { k: 'unary', op: token.value, operand: this.unary(), start: token.start };
      } finally {
        this.depth--;
      }
    }
    return this.postfix(this.primary());
  }

  private postfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      if (this.isPunct('.')) {
        const name = this.peek(1);
        if (name?.t === 'ident') {
          this.position += 2;
          expr = { k: 'attribute', base: expr, name: name.value, start: expr.start };
        } else if (name?.t === 'number') {
          this.position += 2;
          expr = { k: 'index', base: expr, key: { k: 'literal', value: name.value, start: name.start }, start: expr.start };
        } else {
          // `.*` splat
          this.position += 2;
          expr = { k: 'opaque', start: expr.start };
        }
      } else if (this.isPunct('[')) {
        this.position++;
        if (this.isPunct('*')) {
          this.position++;
          this.expect(']');
          expr = { k: 'opaque', start: expr.start };
          continue;
        }
        const key = this.expression();
        this.expect(']');
        expr = { k: 'index', base: expr, key, start: expr.start };
      } else return expr;
    }
  }

  /** Skips a bracketed construct we do not evaluate (a `for` expression) up to its matching close. */
  private skipBalanced(start: number): Expr {
    let depth = 1;
    while (depth > 0) {
      const token = this.peek();
      if (token === undefined) throw new HclError('unclosed bracket', start);
      this.position++;
      if (token.t === 'punct' && (token.value === '[' || token.value === '{' || token.value === '(')) depth++;
      if (token.t === 'punct' && (token.value === ']' || token.value === '}' || token.value === ')')) depth--;
    }
    return { k: 'opaque', start };
  }

  private primary(): Expr {
    const token = this.peek();
    if (token === undefined) throw new HclError('expected an expression', this.endOffset);
    this.position++;
    switch (token.t) {
      case 'number':
        return { k: 'literal', value: token.value, start: token.start };
      case 'string':
        return { k: 'template', raw: token.raw, contentStart: token.contentStart, heredoc: token.heredoc, start: token.start };
      case 'ident':
        if (token.value === 'true' || token.value === 'false') return { k: 'literal', value: token.value === 'true', start: token.start };
        if (token.value === 'null') return { k: 'literal', value: null, start: token.start };
        if (this.isPunct('(')) {
          this.position++;
          const args: Expr[] = [];
          while (!this.isPunct(')')) {
            args.push(this.expression());
            if (this.isPunct('...')) this.position++;
            if (!this.isPunct(',')) break;
            this.position++;
          }
          this.expect(')');
          return { k: 'call', name: token.value, args, start: token.start };
        }
        return { k: 'name', name: token.value, start: token.start };
      case 'punct':
        if (token.value === '(') {
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        if (token.value === '[') {
          if (this.peek()?.t === 'ident' && (this.peek() as { value: string }).value === 'for') return this.skipBalanced(token.start);
          const items: Expr[] = [];
          while (!this.isPunct(']')) {
            items.push(this.expression());
            if (!this.isPunct(',')) break;
            this.position++;
          }
          this.expect(']');
          return { k: 'tuple', items, start: token.start };
        }
        if (token.value === '{') {
          if (this.peek()?.t === 'ident' && (this.peek() as { value: string }).value === 'for') return this.skipBalanced(token.start);
          return this.object(token.start);
        }
        throw new HclError(`unexpected "${token.value}"`, token.start);
    }
  }

  /** `{ key = value, "key": value, (expr) = value }`: commas or newlines separate items (newlines are not tokens here). */
  private object(start: number): Expr {
    const items: { key: string | null; keyStart: number; value: Expr }[] = [];
    while (!this.isPunct('}')) {
      const keyToken = this.peek();
      if (keyToken === undefined) throw new HclError('unclosed "{"', start);
      let key: string | null = null;
      if (keyToken.t === 'ident') {
        key = keyToken.value;
        this.position++;
      } else if (keyToken.t === 'string' && !keyToken.raw.includes('${')) {
        key = keyToken.raw;
        this.position++;
      } else this.expression();
      if (!this.isPunct('=') && !this.isPunct(':')) throw new HclError('expected "=" after an object key', this.peek()?.start ?? this.endOffset);
      this.position++;
      items.push({ key, keyStart: keyToken.start, value: this.expression() });
      if (this.isPunct(',')) this.position++;
    }
    this.expect('}');
    return { k: 'object', items, start };
  }
}
