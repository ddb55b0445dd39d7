/**
 * Jinja2 expressions: the parser for the subset config templates use (tokens
 * from ./expression-tokens.ts). Precedence follows Jinja2's parser: conditional expression < or < and
 * < not < comparisons (in, not in) < + - < ~ < * / // % < ** < unary, and
 * filters (`|`) and tests (`is`) bind to the operand before them.
 * Anything the grammar accepts but the evaluator does not know evaluates to unknown.
 * Over 300 lines: one recursive-descent parser, one method per precedence
 * level; its levels call each other and read as one grammar.
 */
import { ExpressionError, tokenizeExpression, type ExprToken } from './expression-tokens.js';

export type Expression =
  | { type: 'literal'; value: unknown }
  | { type: 'name'; name: string }
  | { type: 'attribute'; object: Expression; name: string }
  | { type: 'index'; object: Expression; index: Expression }
  | ({ type: 'call'; callee: Expression } & CallArguments)
  | ({ type: 'filter'; operand: Expression; name: string } & CallArguments)
  | { type: 'test'; operand: Expression; name: string; negated: boolean; args: Expression[]; starArgs?: Expression; starKwargs?: Expression }
  | { type: 'binary'; op: string; left: Expression; right: Expression }
  | { type: 'not'; operand: Expression }
  | { type: 'negate'; operand: Expression }
  | { type: 'conditional'; test: Expression; then: Expression; otherwise: Expression | null }
  | { type: 'list'; items: Expression[] }
  | { type: 'dict'; entries: [Expression, Expression][] };

/**
 * The argument list of a call, filter or test, as Jinja2's parse_call_args
 * reads it: positional arguments, keyword arguments, and at most one
 * `*expr` (its items are more positional arguments) and one `**expr` (its
 * entries are more keyword arguments).
 */
export interface CallArguments {
  args: Expression[];
  kwargs: Record<string, Expression>;
  starArgs?: Expression;
  starKwargs?: Expression;
}

/**
 * How deep the parser's own recursion (parentheses, `not`, unary minus, list
 * and dict literals, inline `if`) and the expression tree may nest. Python
 * Jinja2 compiles an expression to nested Python calls, and CPython refuses
 * code nested past 200 parentheses ("too many nested parentheses") or past
 * its recursion limit: a template deeper than these is one Jinja2 rejects.
 * `~` chains are flat in Jinja2 (one Concat node) and do not count.
 */
export const MAX_NESTING = 64;
export const MAX_EXPRESSION_DEPTH = 128;

/** Recursive-descent parser over a token list; `pos` is shared so statements can parse pieces. */
export class ExpressionParser {
  pos = 0;
  private nesting = 0;

  constructor(readonly tokens: ExprToken[]) {}

  peek(ahead = 0): ExprToken {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)] as ExprToken;
  }

  next(): ExprToken {
    const token = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return token;
  }

  isName(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'name' && t.text === text;
  }

  isOp(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'op' && t.text === text;
  }

  expectOp(text: string): void {
    const t = this.next();
    if (t.kind !== 'op' || t.text !== text) throw new ExpressionError(`expected '${text}'`, t.offset);
  }

  expectName(): string {
    const t = this.next();
    if (t.kind !== 'name') throw new ExpressionError('expected a name', t.offset);
    return t.text;
  }

  atEnd(): boolean {
    return this.peek().kind === 'end';
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'end') throw new ExpressionError(`unexpected '${t.text}'`, t.offset);
  }

  /** A full expression; `conditional` false stops before a trailing `if` (for-loop filters). */
  parseExpression(conditional = true): Expression {
    const outermost = this.nesting === 0;
    const expression = this.nested(() => this.parseConditional(conditional));
    if (outermost && expressionDepth(expression) > MAX_EXPRESSION_DEPTH) {
      throw new ExpressionError(`expression nested more than ${MAX_EXPRESSION_DEPTH} deep`, this.peek().offset);
    }
    return expression;
  }

  /** One level of the parser's recursion, refused past MAX_NESTING (an error, never a stack overflow). */
  private nested<T>(parse: () => T): T {
    if (this.nesting >= MAX_NESTING) throw new ExpressionError(`expression nested more than ${MAX_NESTING} deep`, this.peek().offset);
    this.nesting++;
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  private parseConditional(conditional: boolean): Expression {
    const body = this.parseOr();
    if (!conditional || !this.isName('if')) return body;
    this.next();
    const test = this.parseOr();
    let otherwise: Expression | null = null;
    if (this.isName('else')) {
      this.next();
      otherwise = this.parseExpression();
    }
    return { type: 'conditional', test, then: body, otherwise };
  }

  private parseOr(): Expression {
    let left = this.parseAnd();
    while (this.isName('or')) {
      this.next();
      left = { type: 'binary', op: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Expression {
    let left = this.parseNot();
    while (this.isName('and')) {
      this.next();
      left = { type: 'binary', op: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): Expression {
    if (this.isName('not')) {
      this.next();
      return { type: 'not', operand: this.nested(() => this.parseNot()) };
    }
    return this.parseCompare();
  }

  /**
   * Comparisons chain as in Python (Jinja2's parse_compare builds one Compare
   * node): `a in b != c` is `(a in b) and (b != c)`. Operands are pure, so
   * the middle one is simply evaluated twice.
   */
  private parseCompare(): Expression {
    let operand = this.parseMath1();
    let chain: Expression | null = null;
    for (;;) {
      const t = this.peek();
      let step: ((right: Expression) => Expression) | null = null;
      const left = operand;
      if (t.kind === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(t.text)) {
        this.next();
        step = (right) => ({ type: 'binary', op: t.text, left, right });
      } else if (this.isName('in')) {
        this.next();
        step = (right) => ({ type: 'binary', op: 'in', left, right });
      } else if (this.isName('not') && this.isName('in', 1)) {
        this.next();
        this.next();
        step = (right) => ({ type: 'not', operand: { type: 'binary', op: 'in', left, right } });
      }
      if (step === null) return chain ?? operand;
      operand = this.parseMath1();
      const comparison = step(operand);
      chain = chain === null ? comparison : { type: 'binary', op: 'and', left: chain, right: comparison };
    }
  }

  private parseMath1(): Expression {
    let left = this.parseConcat();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().text;
      left = { type: 'binary', op, left, right: this.parseConcat() };
    }
    return left;
  }

  private parseConcat(): Expression {
    let left = this.parseMath2();
    while (this.isOp('~')) {
      this.next();
      left = { type: 'binary', op: '~', left, right: this.parseMath2() };
    }
    return left;
  }

  private parseMath2(): Expression {
    let left = this.parsePow();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%')) {
      const op = this.next().text;
      left = { type: 'binary', op, left, right: this.parsePow() };
    }
    return left;
  }

  private parsePow(): Expression {
    let left = this.parseUnary();
    while (this.isOp('**')) {
      this.next();
      left = { type: 'binary', op: '**', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Expression {
    if (this.isOp('-')) {
      this.next();
      return this.parseFilters({ type: 'negate', operand: this.nested(() => this.parseUnary()) });
    }
    if (this.isOp('+')) {
      this.next();
      return this.nested(() => this.parseUnary());
    }
    return this.parseFilters(this.parsePostfix(this.parsePrimary()));
  }

  private parseFilters(operand: Expression): Expression {
    let node = operand;
    for (;;) {
      if (this.isOp('|')) {
        this.next();
        let name = this.expectName();
        while (this.isOp('.')) {
          this.next();
          name = `${name}.${this.expectName()}`;
        }
        const args: CallArguments = this.isOp('(') ? this.parseArguments() : { args: [], kwargs: {} };
        node = { type: 'filter', operand: node, name, ...args };
      } else if (this.isName('is')) {
        this.next();
        let negated = false;
        if (this.isName('not')) {
          this.next();
          negated = true;
        }
        const name = this.expectName();
        let args: Expression[] = [];
        let stars: Pick<CallArguments, 'starArgs' | 'starKwargs'> = {};
        if (this.isOp('(')) {
          // Jinja2's parse_test reads the same argument list as a call; a test takes no keywords here.
          const { args: positional, starArgs, starKwargs } = this.parseArguments();
          args = positional;
          stars = { ...(starArgs === undefined ? {} : { starArgs }), ...(starKwargs === undefined ? {} : { starKwargs }) };
        } else {
          // Jinja2's parse_test: a name (but else/or/and), string, number, `(`, `[` or `{` after the
          // test's name is its one argument; `is` there is an error ("cannot chain multiple tests").
          const t = this.peek();
          const startsOperand =
            t.kind === 'string' || t.kind === 'number' ||
            (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) ||
            (t.kind === 'name' && !['and', 'or', 'else'].includes(t.text));
          if (t.kind === 'name' && t.text === 'is') throw new ExpressionError('You cannot chain multiple tests with is', t.offset);
          if (startsOperand) args = [this.parsePostfix(this.parsePrimary())];
        }
        node = { type: 'test', operand: node, name, negated, args, ...stars };
      } else return node;
    }
  }

  /**
   * `( ... )` after a callee, filter or test, as Jinja2's parse_call_args
   * accepts it: positional arguments first, then keywords; one `*expr` after
   * the positional ones (keywords may come before or after it) and one
   * `**expr` last. Anything else out of that order is Jinja2's "invalid
   * syntax for function call expression".
   */
  private parseArguments(): CallArguments {
    const open = this.peek().offset;
    this.expectOp('(');
    const args: Expression[] = [];
    // Keyword names come from the template: a null-prototype map, so `__proto__=` is a name like any other.
    const kwargs = Object.create(null) as Record<string, Expression>;
    let starArgs: Expression | undefined;
    let starKwargs: Expression | undefined;
    let keywords = false;
    const ensure = (valid: boolean): void => {
      if (!valid) throw new ExpressionError('invalid syntax for function call expression', open);
    };
    while (!this.isOp(')')) {
      if (this.isOp('*')) {
        ensure(starArgs === undefined && starKwargs === undefined);
        this.next();
        starArgs = this.parseExpression();
      } else if (this.isOp('**')) {
        ensure(starKwargs === undefined);
        this.next();
        starKwargs = this.parseExpression();
      } else if (this.peek().kind === 'name' && this.isOp('=', 1)) {
        ensure(starKwargs === undefined);
        const key = this.next().text;
        this.next();
        kwargs[key] = this.parseExpression();
        keywords = true;
      } else {
        ensure(starArgs === undefined && starKwargs === undefined && !keywords);
        args.push(this.parseExpression());
      }
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expectOp(')');
    return { args, kwargs, ...(starArgs === undefined ? {} : { starArgs }), ...(starKwargs === undefined ? {} : { starKwargs }) };
  }

  private parsePostfix(primary: Expression): Expression {
    let node = primary;
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const t = this.next();
        if (t.kind === 'name') node = { type: 'attribute', object: node, name: t.text };
        else if (t.kind === 'number') node = { type: 'index', object: node, index: { type: 'literal', value: t.value } };
        else throw new ExpressionError('expected an attribute name', t.offset);
      } else if (this.isOp('[')) {
        this.next();
        const index = this.parseExpression();
        this.expectOp(']');
        node = { type: 'index', object: node, index };
      } else if (this.isOp('(')) {
        node = { type: 'call', callee: node, ...this.parseArguments() };
      } else return node;
    }
  }

  private parsePrimary(): Expression {
    const t = this.next();
    switch (t.kind) {
      case 'name':
        if (t.text === 'true' || t.text === 'True') return { type: 'literal', value: true };
        if (t.text === 'false' || t.text === 'False') return { type: 'literal', value: false };
        if (t.text === 'none' || t.text === 'None') return { type: 'literal', value: null };
        return { type: 'name', name: t.text };
      case 'string': {
        let value = t.value as string;
        while (this.peek().kind === 'string') value += this.next().value as string;
        return { type: 'literal', value };
      }
      case 'number':
        return { type: 'literal', value: t.value };
      case 'op':
        if (t.text === '(') {
          if (this.isOp(')')) {
            this.next();
            return { type: 'list', items: [] };
          }
          const first = this.parseExpression();
          if (!this.isOp(',')) {
            this.expectOp(')');
            return first;
          }
          const items = [first];
          while (this.isOp(',')) {
            this.next();
            if (this.isOp(')')) break;
            items.push(this.parseExpression());
          }
          this.expectOp(')');
          return { type: 'list', items };
        }
        if (t.text === '[') {
          const items: Expression[] = [];
          while (!this.isOp(']')) {
            items.push(this.parseExpression());
            if (!this.isOp(',')) break;
            this.next();
          }
          this.expectOp(']');
          return { type: 'list', items };
        }
        if (t.text === '{') {
          const entries: [Expression, Expression][] = [];
          while (!this.isOp('}')) {
            const key = this.parseExpression();
            this.expectOp(':');
            entries.push([key, this.parseExpression()]);
            if (!this.isOp(',')) break;
            this.next();
          }
          this.expectOp('}');
          return { type: 'dict', entries };
        }
        throw new ExpressionError(`unexpected '${t.text}'`, t.offset);
      case 'end':
      default:
        throw new ExpressionError('unexpected end of expression', t.offset);
    }
  }
}

/** The children of a node, each with whether it sits one level deeper (a `~` chain's left spine does not). */
function children(e: Expression): [Expression, number][] {
  switch (e.type) {
    case 'literal':
    case 'name':
      return [];
    case 'attribute':
      return [[e.object, 1]];
    case 'index':
      return [[e.object, 1], [e.index, 1]];
    case 'call':
      return [[e.callee, 1], ...argumentChildren(e)];
    case 'filter':
    case 'test':
      return [[e.operand, 1], ...argumentChildren(e)];
    case 'binary':
      return [[e.left, e.op === '~' ? 0 : 1], [e.right, 1]];
    case 'not':
    case 'negate':
      return [[e.operand, 1]];
    case 'conditional':
      return [[e.test, 1], [e.then, 1], ...(e.otherwise === null ? [] : [[e.otherwise, 1] as [Expression, number]])];
    case 'list':
      return e.items.map((i): [Expression, number] => [i, 1]);
    case 'dict':
      return e.entries.flatMap(([k, v]): [Expression, number][] => [[k, 1], [v, 1]]);
  }
}

/** A call's argument expressions, spreads included, each one level deeper. */
function argumentChildren(e: Pick<CallArguments, 'args' | 'starArgs' | 'starKwargs'> & { kwargs?: Record<string, Expression> }): [Expression, number][] {
  const all = [...e.args, ...Object.values(e.kwargs ?? {}), ...(e.starArgs === undefined ? [] : [e.starArgs]), ...(e.starKwargs === undefined ? [] : [e.starKwargs])];
  return all.map((a): [Expression, number] => [a, 1]);
}

/** The depth the evaluator will recurse to on this tree, measured without recursion. */
export function expressionDepth(root: Expression): number {
  let deepest = 0;
  const stack: [Expression, number][] = [[root, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (depth > deepest) deepest = depth;
    for (const [child, step] of children(node)) stack.push([child, depth + step]);
  }
  return deepest;
}

/** Parses a whole expression source (throws ExpressionError). */
export function parseExpressionText(text: string, base: number): Expression {
  const parser = new ExpressionParser(tokenizeExpression(text, base));
  const expression = parser.parseExpression();
  parser.expectEnd();
  return expression;
}
