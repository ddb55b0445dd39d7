/**
 * The shell grammar (POSIX XCU 2.9) over the tokens of ./tokenizer.ts:
 * lists, and-or lists, pipelines, simple commands, compound commands and
 * function definitions, into the tree of ./syntax.ts. Malformed input gives
 * diagnostics and a best-effort tree; the reader never throws and always
 * advances, and nesting is bounded.
 */
import type {
  AndOr,
  ArithmeticCommand,
  Assignment,
  CaseCommand,
  Command,
  ForCommand,
  FunctionDefinition,
  GroupCommand,
  Heredoc,
  IfCommand,
  LoopCommand,
  ParsedShell,
  Pipeline,
  Redirect,
  ShellDiagnostic,
  ShellList,
  SimpleCommand,
  Word,
  WordPart,
} from './syntax.js';
import { REDIRECTIONS, Tokenizer, type Token } from './tokenizer.js';

/** Deeper nesting than this is not read (bounded recursion on hostile input). */
const MAX_DEPTH = 200;

/** Reserved words that may not start a simple command (XCU 2.4). */
const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', '{', '}', '!', 'function', 'in', '[[']);

/** An unquoted word made of literal characters only, as written. */
function plainValue(word: Word): string | null {
  if (word.parts.some((p) => p.kind !== 'literal' || p.quoted)) return null;
  return word.parts.map((p) => p.text).join('');
}

/** An operator token read as a word (inside `[[ ]]`). */
function opWord(token: Extract<Token, { type: 'op' }>): Word {
  return { parts: [{ kind: 'literal', text: token.op, quoted: false, start: token.start, end: token.end }], start: token.start, end: token.end, raw: token.op };
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly diagnostics: ShellDiagnostic[],
    private readonly textLength: number,
  ) {}

  private peek(k = 0): Token | undefined {
    return this.tokens[this.i + k];
  }

  private offset(): number {
    const t = this.peek();
    if (t === undefined) return this.textLength;
    return t.type === 'word' ? t.word.start : t.start;
  }

  private endOfPrevious(): number {
    const t = this.tokens[this.i - 1];
    if (t === undefined) return 0;
    return t.type === 'word' ? t.word.end : t.type === 'op' ? t.end : t.start;
  }

  /** The reserved word at the cursor, when the token is one (unquoted, plain). */
  private reserved(k = 0): string | null {
    const t = this.peek(k);
    if (t?.type !== 'word') return null;
    const value = plainValue(t.word);
    return value !== null && RESERVED.has(value) ? value : null;
  }

  private isOp(op: string, k = 0): boolean {
    const t = this.peek(k);
    return t?.type === 'op' && t.op === op;
  }

  private skipNewlines(): void {
    while (this.peek()?.type === 'newline') this.i++;
  }

  private skipSeparators(): void {
    for (;;) {
      const t = this.peek();
      if (t?.type === 'newline' || (t?.type === 'op' && (t.op === ';' || t.op === '&'))) this.i++;
      else return;
    }
  }

  private expect(word: string): void {
    this.skipSeparators();
    if (this.reserved() === word) {
      this.i++;
      return;
    }
    this.diagnostics.push({ offset: this.offset(), message: `syntax error: \`${word}' expected` });
  }

  program(): ShellList {
    const list = this.list(new Set());
    while (this.i < this.tokens.length) {
      // Something no command can start with (a stray `fi`, `)`, `;;`): reported, skipped.
      this.diagnostics.push({ offset: this.offset(), message: 'syntax error: unexpected token' });
      this.i++;
      list.items.push(...this.list(new Set()).items);
    }
    return list;
  }

  /** And-or lists up to a reserved word in `stops` at a command position, `)`, `;;`, or the end. */
  private list(stops: ReadonlySet<string>): ShellList {
    const items: AndOr[] = [];
    for (;;) {
      this.skipSeparators();
      const t = this.peek();
      if (t === undefined) break;
      if (t.type === 'op' && (t.op === ')' || t.op === ';;' || t.op === ';&' || t.op === ';;&')) break;
      const word = this.reserved();
      if (word !== null && stops.has(word)) break;
      const before = this.i;
      const andOr = this.andOr();
      if (andOr === null) {
        if (this.i === before) {
          if (word !== null && !['if', 'case', 'for', 'select', 'while', 'until', '{', '!', 'function', '[['].includes(word)) break;
          this.diagnostics.push({ offset: this.offset(), message: 'syntax error: unexpected token' });
          this.i++;
        }
        continue;
      }
      items.push(andOr);
    }
    return { items };
  }

  private andOr(): AndOr | null {
    const first = this.pipeline();
    if (first === null) return null;
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t?.type !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.i++;
      this.skipNewlines();
      const next = this.pipeline();
      if (next === null) {
        this.diagnostics.push({ offset: this.offset(), message: `syntax error: a command expected after ${t.op}` });
        break;
      }
      rest.push({ op: t.op, pipeline: next });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline | null {
    let negated = false;
    while (this.reserved() === '!') {
      negated = !negated;
      this.i++;
    }
    const first = this.command();
    if (first === null) return null;
    const commands = [first];
    for (;;) {
      const t = this.peek();
      if (t?.type !== 'op' || (t.op !== '|' && t.op !== '|&')) break;
      this.i++;
      this.skipNewlines();
      const next = this.command();
      if (next === null) break;
      commands.push(next);
    }
    return { negated, commands };
  }

  private command(): Command | null {
    if (this.depth >= MAX_DEPTH) {
      this.diagnostics.push({ offset: this.offset(), message: `commands nested deeper than ${MAX_DEPTH} levels; the rest is not read` });
      this.i = this.tokens.length;
      return null;
    }
    this.depth++;
    try {
      return this.commandInner();
    } finally {
      this.depth--;
    }
  }

  private commandInner(): Command | null {
    const t = this.peek();
    if (t === undefined) return null;
    const start = this.offset();
    if (t.type === 'op' && t.op === '(') {
      if (this.isOp('(', 1) && (this.peek(1) as { start: number }).start === t.end) return this.arithmetic(start);
      this.i++;
      const body = this.list(new Set());
      if (this.isOp(')')) this.i++;
      else this.diagnostics.push({ offset: this.offset(), message: "syntax error: `)' expected" });
      return this.withRedirects<GroupCommand>({ kind: 'subshell', body, redirects: [], start, end: this.endOfPrevious() });
    }
    switch (this.reserved()) {
      case 'if':
        return this.ifCommand(start);
      case 'for':
      case 'select':
        return this.forCommand(start);
      case 'while':
      case 'until':
        return this.loopCommand(start);
      case 'case':
        return this.caseCommand(start);
      case '{': {
        this.i++;
        const body = this.list(new Set(['}']));
        this.expect('}');
        return this.withRedirects<GroupCommand>({ kind: 'group', body, redirects: [], start, end: this.endOfPrevious() });
      }
      case 'function':
        return this.functionKeyword(start);
      case '[[':
        return this.testCommand(start);
      case null:
        break;
      default:
        return null;
    }
    if (t.type !== 'word' && !(t.type === 'op' && REDIRECTIONS.has(t.op))) return null;
    const simple = this.simple();
    // `name() compound-command` (XCU 2.9.5).
    if (simple.words.length === 1 && simple.assignments.length === 0 && simple.redirects.length === 0 && this.isOp('(') && this.isOp(')', 1)) {
      this.i += 2;
      this.skipNewlines();
      const name = (simple.words[0] as Word).raw;
      const body = this.command();
      if (body === null) {
        this.diagnostics.push({ offset: this.offset(), message: `syntax error: the body of function ${name} expected` });
        return simple;
      }
      return { kind: 'function', name, body, start, end: this.endOfPrevious() } satisfies FunctionDefinition;
    }
    return simple;
  }

  private withRedirects<T extends { redirects: Redirect[]; end: number }>(command: T): T {
    for (;;) {
      const t = this.peek();
      if (t?.type !== 'op' || !REDIRECTIONS.has(t.op)) break;
      command.redirects.push(this.redirect(t));
      command.end = this.endOfPrevious();
    }
    return command;
  }

  private redirect(token: Extract<Token, { type: 'op' }>): Redirect {
    this.i++;
    const redirect: Redirect = { op: token.op, fd: token.fd, target: null, heredoc: null, start: token.start, end: token.end };
    const target = this.peek();
    if (target?.type === 'word') {
      redirect.target = target.word;
      redirect.end = target.word.end;
      redirect.heredoc = (target as { heredoc?: Heredoc }).heredoc ?? null;
      this.i++;
    }
    return redirect;
  }

  private simple(): SimpleCommand {
    const start = this.offset();
    const command: SimpleCommand = { kind: 'simple', assignments: [], words: [], redirects: [], start, end: start };
    for (;;) {
      const t = this.peek();
      if (t === undefined || t.type === 'newline') break;
      if (t.type === 'op') {
        if (!REDIRECTIONS.has(t.op)) break;
        const r = this.redirect(t);
        command.redirects.push(r);
        command.end = Math.max(command.end, r.end);
        continue;
      }
      const word = t.word;
      this.i++;
      command.end = Math.max(command.end, word.end);
      const assignment = command.words.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(word.raw) : null;
      if (assignment === null) {
        command.words.push(word);
        continue;
      }
      const name = assignment[1] as string;
      const prefix = assignment[0].length;
      const next = this.peek();
      if (word.raw.length === prefix && next?.type === 'op' && next.op === '(' && next.start === word.end) {
        // `NAME=(a b c)`: a bash array, read up to its `)`.
        this.i++;
        let end = next.end;
        while (this.i < this.tokens.length && !this.isOp(')')) {
          const inner = this.peek() as Token;
          end = inner.type === 'word' ? inner.word.end : inner.type === 'op' ? inner.end : inner.start;
          this.i++;
        }
        if (this.isOp(')')) end = (this.peek() as { end: number }).end;
        this.i++;
        command.end = Math.max(command.end, end);
        command.assignments.push({ name, value: dropPrefix(word, prefix), start: word.start, end, append: assignment[2] === '+', array: true } satisfies Assignment);
        continue;
      }
      command.assignments.push({ name, value: dropPrefix(word, prefix), start: word.start, end: word.end, append: assignment[2] === '+', array: false });
    }
    return command;
  }

  /** `[[ expression ]]`: its operators are words of the test, not shell operators. */
  private testCommand(start: number): SimpleCommand {
    const command: SimpleCommand = { kind: 'simple', assignments: [], words: [], redirects: [], start, end: start };
    for (;;) {
      const t = this.peek();
      if (t === undefined || t.type === 'newline') break;
      this.i++;
      const word = t.type === 'word' ? t.word : opWord(t);
      command.words.push(word);
      command.end = word.end;
      if (t.type === 'word' && plainValue(t.word) === ']]') break;
    }
    return command;
  }

  /** `(( ... ))`: skipped to its closing `))`. */
  private arithmetic(start: number): ArithmeticCommand {
    this.i += 2;
    let depth = 0;
    while (this.i < this.tokens.length) {
      const t = this.peek() as Token;
      if (t.type === 'op' && t.op === '(') depth++;
      if (t.type === 'op' && t.op === ')') {
        if (depth === 0 && this.isOp(')', 1)) {
          this.i += 2;
          break;
        }
        depth--;
      }
      this.i++;
    }
    return { kind: 'arithmetic', start, end: this.endOfPrevious() };
  }

  private ifCommand(start: number): IfCommand {
    this.i++;
    const clauses: IfCommand['clauses'] = [];
    let otherwise: ShellList | null = null;
    let condition = this.list(new Set(['then']));
    this.expect('then');
    let body = this.list(new Set(['elif', 'else', 'fi']));
    clauses.push({ condition, body });
    for (;;) {
      this.skipSeparators();
      const word = this.reserved();
      if (word === 'elif') {
        this.i++;
        condition = this.list(new Set(['then']));
        this.expect('then');
        body = this.list(new Set(['elif', 'else', 'fi']));
        clauses.push({ condition, body });
        continue;
      }
      if (word === 'else') {
        this.i++;
        otherwise = this.list(new Set(['fi']));
      }
      break;
    }
    this.expect('fi');
    return this.withRedirects<IfCommand>({ kind: 'if', clauses, otherwise, redirects: [], start, end: this.endOfPrevious() });
  }

  private forCommand(start: number): ForCommand {
    this.i++;
    let variable: string | null = null;
    let words: Word[] | null = null;
    if (this.isOp('(') && this.isOp('(', 1)) {
      // bash `for (( init; test; step ))`: the iterations are not counted.
      this.arithmetic(start);
    } else {
      const name = this.peek();
      if (name?.type === 'word') {
        variable = name.word.raw;
        this.i++;
      }
      this.skipNewlines();
      if (this.reserved() === 'in') {
        this.i++;
        words = [];
        for (;;) {
          const t = this.peek();
          if (t?.type !== 'word') break;
          words.push(t.word);
          this.i++;
        }
      }
    }
    this.skipSeparators();
    const body = this.doGroup();
    return this.withRedirects<ForCommand>({ kind: 'for', variable, words, body, redirects: [], start, end: this.endOfPrevious() });
  }

  /** `do list done`, or bash's `{ list; }` in its place. */
  private doGroup(): ShellList {
    this.skipSeparators();
    if (this.reserved() === '{') {
      this.i++;
      const body = this.list(new Set(['}']));
      this.expect('}');
      return body;
    }
    this.expect('do');
    const body = this.list(new Set(['done']));
    this.expect('done');
    return body;
  }

  private loopCommand(start: number): LoopCommand {
    const kind = this.reserved() as 'while' | 'until';
    this.i++;
    const condition = this.list(new Set(['do']));
    const body = this.doGroup();
    return this.withRedirects<LoopCommand>({ kind, condition, body, redirects: [], start, end: this.endOfPrevious() });
  }

  private caseCommand(start: number): CaseCommand {
    this.i++;
    const subjectToken = this.peek();
    let subject: Word = { parts: [], start, end: start, raw: '' };
    if (subjectToken?.type === 'word') {
      subject = subjectToken.word;
      this.i++;
    }
    this.skipNewlines();
    this.expect('in');
    const items: CaseCommand['items'] = [];
    for (;;) {
      this.skipNewlines();
      if (this.peek() === undefined) break;
      if (this.reserved() === 'esac') {
        this.i++;
        break;
      }
      const before = this.i;
      if (this.isOp('(')) this.i++;
      const patterns: Word[] = [];
      for (;;) {
        const t = this.peek();
        if (t?.type !== 'word') break;
        patterns.push(t.word);
        this.i++;
        if (this.isOp('|')) this.i++;
        else break;
      }
      if (this.isOp(')')) this.i++;
      else this.diagnostics.push({ offset: this.offset(), message: "syntax error: `)' expected after a case pattern" });
      const body = this.list(new Set(['esac']));
      items.push({ patterns, body });
      const t = this.peek();
      if (t?.type === 'op' && (t.op === ';;' || t.op === ';&' || t.op === ';;&')) this.i++;
      if (this.i === before) this.i++;
    }
    return this.withRedirects<CaseCommand>({ kind: 'case', subject, items, redirects: [], start, end: this.endOfPrevious() });
  }

  private functionKeyword(start: number): Command | null {
    this.i++;
    const nameToken = this.peek();
    if (nameToken?.type !== 'word') return null;
    this.i++;
    if (this.isOp('(') && this.isOp(')', 1)) this.i += 2;
    this.skipNewlines();
    const body = this.command();
    if (body === null) return null;
    return { kind: 'function', name: nameToken.word.raw, body, start, end: this.endOfPrevious() } satisfies FunctionDefinition;
  }
}

/** Every simple command of a list, in text order (function bodies and nested lists included). */
export function simpleCommands(list: ShellList): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const visitList = (l: ShellList): void => {
    for (const item of l.items) for (const p of [item.first, ...item.rest.map((r) => r.pipeline)]) for (const c of p.commands) visit(c);
  };
  const visit = (c: Command): void => {
    switch (c.kind) {
      case 'simple':
        out.push(c);
        return;
      case 'if':
        for (const clause of c.clauses) {
          visitList(clause.condition);
          visitList(clause.body);
        }
        if (c.otherwise !== null) visitList(c.otherwise);
        return;
      case 'for':
        visitList(c.body);
        return;
      case 'while':
      case 'until':
        visitList(c.condition);
        visitList(c.body);
        return;
      case 'case':
        for (const item of c.items) visitList(item.body);
        return;
      case 'group':
      case 'subshell':
        visitList(c.body);
        return;
      case 'function':
        visit(c.body);
        return;
      case 'arithmetic':
        return;
    }
  };
  visitList(list);
  return out;
}

/** The syntax tree of a shell text, with non-fatal diagnostics. */
export function parseShell(text: string): ParsedShell {
  const tokenizer = new Tokenizer(text);
  const tokens = tokenizer.tokens();
  const diagnostics = tokenizer.diagnostics;
  const program = new Parser(tokens, diagnostics, text.length).program();
  return { program, commands: simpleCommands(program), diagnostics, substitutions: tokenizer.substitutions };
}

/** The word without its first `count` host characters (the `NAME=` of an assignment, unquoted). */
export function dropPrefix(word: Word, count: number): Word {
  const cut = word.start + count;
  const parts: WordPart[] = [];
  for (const part of word.parts) {
    if (part.end <= cut) continue;
    if (part.start < cut) {
      parts.push({ ...part, text: part.text.slice(cut - part.start), start: cut });
    } else parts.push(part);
  }
  return { parts, start: cut, end: word.end, raw: word.raw.slice(count) };
}
