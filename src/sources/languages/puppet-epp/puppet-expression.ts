import { lexPuppet, type PuppetToken } from './puppet-lexer.js';

/**
 * The Puppet subset EPP templates use: variables (`$x`, `$mod::x`,
 * `$facts['x']`), literals, access `[ ]`, method calls (`$a.join(', ')`),
 * function calls (`join($a, ', ')`), `!`, `and`, `or`, `in`, comparisons,
 * `+` and selectors (`$x ? { 'a' => 1, default => 2 }`). Anything else
 * parses to `unknown`.
 */
export type PuppetExpression =
  | { type: 'literal'; value: unknown }
  | { type: 'string'; parts: (string | PuppetExpression)[] }
  | { type: 'variable'; name: string; offset: number }
  | { type: 'access'; object: PuppetExpression; index: PuppetExpression }
  | { type: 'call'; name: string; args: PuppetExpression[] }
  | { type: 'not'; operand: PuppetExpression }
  | { type: 'binary'; op: string; left: PuppetExpression; right: PuppetExpression }
  | { type: 'array'; items: PuppetExpression[] }
  | { type: 'hash'; entries: [PuppetExpression, PuppetExpression][] }
  /** `$x ? { 'a' => v, default => w }`: a null option is `default`. */
  | { type: 'selector'; subject: PuppetExpression; options: [PuppetExpression | null, PuppetExpression][] }
  | { type: 'unknown'; code: string };

class Unsupported extends Error {}

export function parsePuppet(code: string, offset: number): PuppetExpression {
  const tokens = lexPuppet(code, offset);
  if (tokens === null || tokens.length === 0) return { type: 'unknown', code };
  return parsePuppetTokens(tokens, code);
}

export function parsePuppetTokens(tokens: PuppetToken[], code: string): PuppetExpression {
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

  constructor(private readonly tokens: PuppetToken[]) {}

  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  private is(value: string): boolean {
    const t = this.tokens[this.pos];
    return t !== undefined && (t.type === 'punct' || t.type === 'word') && t.value === value;
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

  expression(): PuppetExpression {
    if (++this.depth > MAX_DEPTH) throw new Unsupported('depth');
    try {
      return this.or();
    } finally {
      this.depth--;
    }
  }

  private or(): PuppetExpression {
    let left = this.and();
    while (this.take('or')) left = { type: 'binary', op: 'or', left, right: this.and() };
    return left;
  }

  private and(): PuppetExpression {
    let left = this.comparison();
    while (this.take('and')) left = { type: 'binary', op: 'and', left, right: this.comparison() };
    return left;
  }

  private comparison(): PuppetExpression {
    const left = this.additive();
    for (const op of ['==', '!=', '<=', '>=', '<', '>', 'in']) {
      if (this.take(op)) return { type: 'binary', op, left, right: this.additive() };
    }
    if (this.is('=~') || this.is('!~')) throw new Unsupported('match');
    if (this.take('?')) return this.selector(left);
    return left;
  }

  private selector(subject: PuppetExpression): PuppetExpression {
    this.expect('{');
    const options: [PuppetExpression | null, PuppetExpression][] = [];
    while (!this.take('}')) {
      const key = this.take('default') ? null : this.expression();
      this.expect('=>');
      options.push([key, this.expression()]);
      if (!this.take(',')) {
        this.expect('}');
        break;
      }
    }
    return { type: 'selector', subject, options };
  }

  private additive(): PuppetExpression {
    let left = this.unary();
    while (this.is('+') || this.is('-')) {
      const op = (this.tokens[this.pos++] as { value: string }).value;
      left = { type: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): PuppetExpression {
    this.enter();
    if (this.take('!')) return { type: 'not', operand: this.unary() };
    if (this.take('-')) return { type: 'binary', op: '-', left: { type: 'literal', value: 0 }, right: this.unary() };
    return this.postfix(this.primary());
  }

  private args(): PuppetExpression[] {
    const args: PuppetExpression[] = [];
    if (this.take(')')) return args;
    do args.push(this.expression());
    while (this.take(','));
    this.expect(')');
    return args;
  }

  private postfix(start: PuppetExpression): PuppetExpression {
    let expression = start;
    for (;;) {
      if (this.take('[')) {
        const index = this.expression();
        this.expect(']');
        expression = { type: 'access', object: expression, index };
      } else if (this.take('.')) {
        const name = this.tokens[this.pos];
        if (name === undefined || name.type !== 'word') throw new Unsupported('method');
        this.pos++;
        const args = this.take('(') ? this.args() : [];
        if (this.is('|')) throw new Unsupported('lambda');
        expression = { type: 'call', name: name.value, args: [expression, ...args] };
      } else {
        return expression;
      }
    }
  }

  private primary(): PuppetExpression {
    const token = this.tokens[this.pos];
    if (token === undefined) throw new Unsupported('end');
    this.pos++;
    switch (token.type) {
      case 'string':
        if (token.parts.every((p) => typeof p === 'string')) return { type: 'literal', value: token.parts.join('') };
        return { type: 'string', parts: token.parts.map((p) => (typeof p === 'string' ? p : parsePuppet(p.code, p.offset))) };
      case 'number':
        return { type: 'literal', value: Number(token.value) };
      case 'variable':
        return { type: 'variable', name: token.value, offset: token.offset };
      case 'word':
        if (token.value === 'true') return { type: 'literal', value: true };
        if (token.value === 'false') return { type: 'literal', value: false };
        if (token.value === 'undef') return { type: 'literal', value: null };
        if (this.take('(')) {
          const args = this.args();
          if (this.is('|')) throw new Unsupported('lambda');
          return { type: 'call', name: token.value, args };
        }
        // A bare word is a string in Puppet (`present`, `all`); a capitalised one is a type.
        if (/^[a-z]/.test(token.value)) return { type: 'literal', value: token.value };
        throw new Unsupported(token.value);
      case 'punct':
        if (token.value === '(') {
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        if (token.value === '[') {
          const items: PuppetExpression[] = [];
          while (!this.take(']')) {
            items.push(this.expression());
            if (!this.take(',')) {
              this.expect(']');
              break;
            }
          }
          return { type: 'array', items };
        }
        if (token.value === '{') {
          const entries: [PuppetExpression, PuppetExpression][] = [];
          while (!this.take('}')) {
            const key = this.expression();
            this.expect('=>');
            entries.push([key, this.expression()]);
            if (!this.take(',')) {
              this.expect('}');
              break;
            }
          }
          return { type: 'hash', entries };
        }
        throw new Unsupported(token.value);
    }
  }
}
