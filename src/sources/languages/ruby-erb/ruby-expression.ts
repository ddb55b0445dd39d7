import { lexRuby, type RubyToken } from './ruby-lexer.js';

/**
 * The Ruby subset Chef templates use in `<%= %>` and conditions: instance
 * variables, `node[...]` / `node.a.b` lookups, literals, method calls (the
 * evaluator knows a handful), `!`, `&&`, `||`, `and`, `or`, `not`,
 * comparisons, `+` and the ternary. Anything else parses to `unknown`.
 */
export type RubyExpression =
  /** `symbol`: written `:name` (its value is the name; Chef reads `node[:a]` as `node['a']`). */
  | { type: 'literal'; value: unknown; symbol?: true }
  | { type: 'string'; parts: (string | RubyExpression)[] }
  | { type: 'ivar' | 'name'; name: string }
  | { type: 'index'; object: RubyExpression; index: RubyExpression }
  | { type: 'call'; object: RubyExpression; name: string; args: RubyExpression[] }
  | { type: 'not'; operand: RubyExpression }
  | { type: 'binary'; op: string; left: RubyExpression; right: RubyExpression }
  | { type: 'ternary'; test: RubyExpression; then: RubyExpression; otherwise: RubyExpression }
  | { type: 'array'; items: RubyExpression[] }
  | { type: 'unknown'; code: string };

class Unsupported extends Error {}

export function parseRuby(code: string, offset: number): RubyExpression {
  const tokens = lexRuby(code, offset);
  if (tokens === null || tokens.length === 0) return { type: 'unknown', code };
  try {
    const parser = new Parser(tokens);
    const expression = parser.expression();
    if (!parser.done()) return { type: 'unknown', code };
    return expression;
  } catch (error) {
    if (error instanceof Unsupported) return { type: 'unknown', code };
    throw error;
  }
}

const MAX_DEPTH = 64;

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: RubyToken[]) {}

  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  private peek(): RubyToken | undefined {
    return this.tokens[this.pos];
  }

  private is(value: string): boolean {
    const t = this.peek();
    return t !== undefined && (t.type === 'punct' || t.type === 'ident') && 'value' in t && t.value === value;
  }

  private take(value: string): boolean {
    if (!this.is(value)) return false;
    this.pos++;
    return true;
  }

  private expect(value: string): void {
    if (!this.take(value)) throw new Unsupported(value);
  }

  /** Prefix operators and nested ternaries recurse too: bounded like nested expressions. */
  private enter(): void {
    if (++this.nesting > MAX_DEPTH * 64) throw new Unsupported('depth');
  }

  private nesting = 0;

  expression(): RubyExpression {
    if (++this.depth > MAX_DEPTH) throw new Unsupported('depth');
    try {
      return this.keywordOr();
    } finally {
      this.depth--;
    }
  }

  private keywordOr(): RubyExpression {
    let left = this.keywordNot();
    for (;;) {
      if (this.take('or')) left = { type: 'binary', op: '||', left, right: this.keywordNot() };
      else if (this.take('and')) left = { type: 'binary', op: '&&', left, right: this.keywordNot() };
      else return left;
    }
  }

  private keywordNot(): RubyExpression {
    this.enter();
    if (this.take('not')) return { type: 'not', operand: this.keywordNot() };
    return this.ternary();
  }

  private ternary(): RubyExpression {
    this.enter();
    const test = this.or();
    if (!this.take('?')) return test;
    const then = this.ternary();
    this.expect(':');
    return { type: 'ternary', test, then, otherwise: this.ternary() };
  }

  private or(): RubyExpression {
    let left = this.and();
    while (this.take('||')) left = { type: 'binary', op: '||', left, right: this.and() };
    return left;
  }

  private and(): RubyExpression {
    let left = this.equality();
    while (this.take('&&')) left = { type: 'binary', op: '&&', left, right: this.equality() };
    return left;
  }

  private equality(): RubyExpression {
    let left = this.comparison();
    for (const op of ['==', '!=']) {
      if (this.take(op)) left = { type: 'binary', op, left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): RubyExpression {
    const left = this.additive();
    for (const op of ['<=', '>=', '<', '>']) {
      if (this.take(op)) return { type: 'binary', op, left, right: this.additive() };
    }
    return left;
  }

  private additive(): RubyExpression {
    let left = this.unary();
    while (this.is('+') || this.is('-')) {
      const op = (this.tokens[this.pos++] as { value: string }).value;
      left = { type: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): RubyExpression {
    this.enter();
    if (this.take('!')) return { type: 'not', operand: this.unary() };
    return this.postfix(this.primary());
  }

  private postfix(start: RubyExpression): RubyExpression {
    let expression = start;
    for (;;) {
      if (this.take('[')) {
        const index = this.expression();
        this.expect(']');
        expression = { type: 'index', object: expression, index };
      } else if (this.take('.') || this.take('&.')) {
        const name = this.peek();
        if (name === undefined || name.type !== 'ident') throw new Unsupported('method');
        this.pos++;
        const args: RubyExpression[] = [];
        if (this.take('(')) {
          if (!this.take(')')) {
            do args.push(this.expression());
            while (this.take(','));
            this.expect(')');
          }
        } else if (name.value.endsWith('?') && this.startsValue()) {
          // `value.kind_of? Array`: a predicate's one argument without parentheses.
          args.push(this.unary());
        }
        expression = { type: 'call', object: expression, name: name.value, args };
      } else {
        return expression;
      }
    }
  }

  private startsValue(): boolean {
    const t = this.peek();
    return t !== undefined && (t.type === 'ident' || t.type === 'string' || t.type === 'symbol' || t.type === 'number' || t.type === 'ivar');
  }

  private primary(): RubyExpression {
    const token = this.peek();
    if (token === undefined) throw new Unsupported('end');
    this.pos++;
    switch (token.type) {
      case 'string':
        return stringExpression(token.parts);
      case 'symbol':
        return { type: 'literal', value: token.value, symbol: true };
      case 'number':
        return { type: 'literal', value: Number(token.value) };
      case 'ivar':
        return { type: 'ivar', name: token.value };
      case 'ident':
        if (token.value === 'nil') return { type: 'literal', value: null };
        if (token.value === 'true') return { type: 'literal', value: true };
        if (token.value === 'false') return { type: 'literal', value: false };
        if (this.is('(')) throw new Unsupported('function call');
        return { type: 'name', name: token.value };
      case 'punct':
        if (token.value === '(') {
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        if (token.value === '[') {
          const items: RubyExpression[] = [];
          if (!this.take(']')) {
            do items.push(this.expression());
            while (this.take(','));
            this.expect(']');
          }
          return { type: 'array', items };
        }
        throw new Unsupported(token.value);
    }
  }
}

function stringExpression(parts: (string | { code: string; offset: number })[]): RubyExpression {
  if (parts.every((p) => typeof p === 'string')) return { type: 'literal', value: parts.join('') };
  return { type: 'string', parts: parts.map((p) => (typeof p === 'string' ? p : parseRuby(p.code, p.offset))) };
}
