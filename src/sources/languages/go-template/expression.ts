/**
 * Pipelines inside a Go template action (text/template/parse): commands
 * separated by `|`, each a function name with arguments or a single operand;
 * the value of a command is passed as the last argument of the next.
 * Optional declaration `$x := ...` / assignment `$x = ...` (and the
 * two-variable form of `range`).
 */
export type Term =
  | { k: 'dot' }
  | { k: 'field'; base: Term | null; names: string[] }
  | { k: 'variable'; name: string; names: string[]; at: number }
  | { k: 'string'; value: string }
  | { k: 'number'; value: number }
  | { k: 'bool'; value: boolean }
  | { k: 'nil' }
  | { k: 'function'; name: string }
  | { k: 'pipeline'; pipeline: Pipeline; names: string[] };

export interface Command {
  args: Term[];
}

export interface Pipeline {
  declarations: string[];
  /** `=` (assign to existing variables) rather than `:=`. */
  assign: boolean;
  commands: Command[];
}

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type Token =
  | { t: 'field'; name: string; at: number; glued: boolean }
  | { t: 'dot'; at: number; glued: boolean }
  | { t: 'variable'; name: string; at: number; glued: boolean }
  | { t: 'string'; value: string; at: number; glued: boolean }
  | { t: 'number'; value: number; at: number; glued: boolean }
  | { t: 'ident'; name: string; at: number; glued: boolean }
  | { t: 'punct'; value: '|' | '(' | ')' | ',' | ':=' | '='; at: number; glued: boolean };

const NAME = /[A-Za-z0-9_]/;
const NUMBER = /^[+-]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/;

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Go's strconv.Unquote for an interpreted string literal (common escapes; \x and \u too). */
function unquote(body: string, at: number): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i] ?? '';
    if (e === 'x' || e === 'u' || e === 'U') {
      const width = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + width);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) throw new ExpressionError('invalid escape in string', at);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += width;
    } else if (ESCAPES[e] !== undefined) out += ESCAPES[e];
    else throw new ExpressionError(`invalid escape \\${e} in string`, at);
  }
  return out;
}

export function tokenize(text: string, base: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let glued = false;
  while (i < text.length) {
    const c = text[i] as string;
    const at = base + i;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      glued = false;
      continue;
    }
    const push = (token: Token, length: number) => {
      tokens.push(token);
      i += length;
      glued = true;
    };
    if (c === '|' || c === '(' || c === ')' || c === ',' || c === '=') push({ t: 'punct', value: c, at, glued }, 1);
    else if (c === ':' && text[i + 1] === '=') push({ t: 'punct', value: ':=', at, glued }, 2);
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new ExpressionError('unterminated quoted string', at);
      push({ t: 'string', value: unquote(text.slice(i + 1, j), at), at, glued }, j + 1 - i);
    } else if (c === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) throw new ExpressionError('unterminated raw quoted string', at);
      push({ t: 'string', value: text.slice(i + 1, j), at, glued }, j + 1 - i);
    } else if (c === "'") {
      const j = text.indexOf("'", i + 1);
      if (j < 0) throw new ExpressionError('unterminated character constant', at);
      const ch = unquote(text.slice(i + 1, j), at);
      push({ t: 'number', value: ch.codePointAt(0) ?? 0, at, glued }, j + 1 - i);
    } else if (c === '.' && NAME.test(text[i + 1] ?? '') && !/[0-9]/.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && NAME.test(text[j] as string)) j++;
      push({ t: 'field', name: text.slice(i + 1, j), at, glued }, j - i);
    } else if (c === '.' && !/[0-9]/.test(text[i + 1] ?? '')) push({ t: 'dot', at, glued }, 1);
    else if (c === '$') {
      let j = i + 1;
      while (j < text.length && NAME.test(text[j] as string)) j++;
      push({ t: 'variable', name: text.slice(i, j), at, glued }, j - i);
    } else {
      const number = NUMBER.exec(text.slice(i, i + 64));
      if (number !== null && (/[0-9.]/.test(c) || ((c === '-' || c === '+') && !glued))) {
        const value = Number(number[0].replaceAll('_', '').replace(/^([+-]?)0[oO]/, '$10o'));
        if (Number.isNaN(value)) throw new ExpressionError(`bad number syntax: ${number[0]}`, at);
        push({ t: 'number', value, at, glued }, number[0].length);
      } else if (/[A-Za-z_]/.test(c)) {
        let j = i + 1;
        while (j < text.length && NAME.test(text[j] as string)) j++;
        push({ t: 'ident', name: text.slice(i, j), at, glued }, j - i);
      } else throw new ExpressionError(`unrecognized character in action: ${JSON.stringify(c)}`, at);
    }
  }
  return tokens;
}

/** Parses the pipeline in `text` (offsets reported from `base`); `allowDeclaration`: `$x :=` may lead. */
export function parsePipeline(text: string, base: number, maxDeclarations = 1): Pipeline {
  const tokens = tokenize(text, base);
  const parser = new PipelineParser(tokens, base + text.length);
  const pipeline = parser.pipeline(maxDeclarations);
  if (parser.position < tokens.length) throw new ExpressionError('unexpected token in pipeline', tokens[parser.position]?.at ?? base);
  return pipeline;
}

/** Bounded recursion whatever the input: deeper parentheses are a diagnostic. */
const MAX_NESTING = 64;

class PipelineParser {
  position = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly endOffset: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private isPunct(token: Token | undefined, value: string): boolean {
    return token?.t === 'punct' && token.value === value;
  }

  pipeline(maxDeclarations: number): Pipeline {
    const declarations: string[] = [];
    let assign = false;
    // `$x :=`, `$x =`, `$i, $v :=`
    const save = this.position;
    const names: string[] = [];
    while (this.peek()?.t === 'variable') {
      names.push((this.peek() as { name: string }).name);
      this.position++;
      if (this.isPunct(this.peek(), ',') && names.length < maxDeclarations) {
        this.position++;
        continue;
      }
      break;
    }
    const next = this.peek();
    if (names.length > 0 && (this.isPunct(next, ':=') || this.isPunct(next, '='))) {
      assign = this.isPunct(next, '=');
      this.position++;
      declarations.push(...names);
    } else this.position = save;
    const commands: Command[] = [];
    for (;;) {
      commands.push(this.command());
      if (!this.isPunct(this.peek(), '|')) break;
      this.position++;
    }
    return { declarations, assign, commands };
  }

  private command(): Command {
    const args: Term[] = [];
    for (;;) {
      const token = this.peek();
      if (token === undefined || this.isPunct(token, '|') || this.isPunct(token, ')')) break;
      args.push(this.operand());
    }
    if (args.length === 0) throw new ExpressionError('missing value for command', this.peek()?.at ?? this.endOffset);
    return { args };
  }

  private operand(): Term {
    const token = this.peek();
    if (token === undefined) throw new ExpressionError('missing value', this.endOffset);
    this.position++;
    let term: Term;
    switch (token.t) {
      case 'field':
        term = { k: 'field', base: null, names: [token.name] };
        break;
      case 'dot':
        term = { k: 'dot' };
        break;
      case 'variable':
        term = { k: 'variable', name: token.name, names: [], at: token.at };
        break;
      case 'string':
        term = { k: 'string', value: token.value };
        break;
      case 'number':
        term = { k: 'number', value: token.value };
        break;
      case 'ident':
        if (token.name === 'true' || token.name === 'false') term = { k: 'bool', value: token.name === 'true' };
        else if (token.name === 'nil') term = { k: 'nil' };
        else term = { k: 'function', name: token.name };
        break;
      case 'punct':
        if (token.value !== '(') throw new ExpressionError(`unexpected "${token.value}" in operand`, token.at);
        if (++this.depth > MAX_NESTING) throw new ExpressionError('parentheses nested too deeply', token.at);
        term = { k: 'pipeline', pipeline: this.pipeline(1), names: [] };
        this.depth--;
        if (!this.isPunct(this.peek(), ')')) throw new ExpressionError('unclosed left paren', token.at);
        this.position++;
        break;
    }
    // `.A.B`, `$x.A`, `(pipe).A`: field chains glued to the operand.
    const chain: string[] = [];
    for (let next = this.peek(); next?.t === 'field' && next.glued; next = this.peek()) {
      chain.push(next.name);
      this.position++;
    }
    if (chain.length === 0) return term;
    if (term.k === 'field') return { ...term, names: [...term.names, ...chain] };
    if (term.k === 'variable' || term.k === 'pipeline') return { ...term, names: [...term.names, ...chain] };
    if (term.k === 'dot') return { k: 'field', base: null, names: chain };
    throw new ExpressionError('unexpected field access', token.at);
  }
}
