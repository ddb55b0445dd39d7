import type { TemplateDiagnostic } from '../../contracts/template-language.js';
import { ExpressionParser, parseExpressionText, type Expression } from './expression.js';
import { ExpressionError, tokenizeExpression } from './expression-tokens.js';
import { lexTemplate, type TrimOptions } from './lexer.js';

/** Offsets are UTF-16 indexes into the template text. */
export type TemplateNode =
  | { type: 'text'; start: number; end: number }
  | { type: 'output'; expression: Expression; start: number; end: number }
  | { type: 'if'; branches: IfBranch[]; start: number; end: number }
  | { type: 'for'; targets: string[]; iterable: Expression; filter: Expression | null; body: TemplateNode[]; otherwise: TemplateNode[]; start: number; end: number }
  | { type: 'set'; targets: string[]; value: Expression; start: number }
  | { type: 'set-block'; name: string; body: TemplateNode[]; start: number }
  /** A tag we do not evaluate: `include`, `import`, a `macro` body, `call`, `filter`... */
  | { type: 'opaque'; name: string; body: TemplateNode[] | null; start: number; end: number };

export interface IfBranch {
  /** null: the `else` branch. */
  test: Expression | null;
  body: TemplateNode[];
  /** The branch's tag start to the next branch tag (or `endif`) start. */
  start: number;
  end: number;
}

export interface ParsedTemplate {
  nodes: TemplateNode[];
  diagnostics: TemplateDiagnostic[];
}

/** Tags with a body closed by `end<name>`, that we keep but do not evaluate. */
const OPAQUE_BLOCKS = new Set(['block', 'with', 'filter', 'macro', 'call', 'autoescape', 'trans']);
/** Single tags that pull in other templates or run code: nothing is rendered for them. */
const OPAQUE_TAGS = new Set(['include', 'import', 'from', 'extends', 'do']);

interface Frame {
  tag: string;
  start: number;
  open: { line: number; column: number };
  node: TemplateNode | null;
  body: TemplateNode[];
}

/**
 * Blocks nested deeper than this are refused: Jinja2 compiles each block to
 * nested Python code, which CPython refuses far earlier ("too many statically
 * nested blocks" at 20 loops); the renderer walks the tree recursively.
 */
export const MAX_BLOCK_DEPTH = 100;

class TemplateSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export function parseTemplate(text: string, options: TrimOptions, at: (offset: number) => { line: number; column: number }): ParsedTemplate {
  const lexed = lexTemplate(text, options, at);
  const root: TemplateNode[] = [];
  const stack: Frame[] = [{ tag: 'root', start: 0, open: { line: 1, column: 1 }, node: null, body: root }];
  const top = (): Frame => stack[stack.length - 1] as Frame;
  try {
    for (const token of lexed.tokens) {
      if (token.kind === 'text') {
        top().body.push({ type: 'text', start: token.start, end: token.end });
        continue;
      }
      if (stack.length > MAX_BLOCK_DEPTH) throw new TemplateSyntaxError(`blocks nested more than ${MAX_BLOCK_DEPTH} deep`, token.start);
      const source = text.slice(token.bodyStart, token.bodyEnd);
      if (token.kind === 'output') {
        if (source.trim() === '') throw new TemplateSyntaxError("empty expression '{{ }}'", token.start);
        top().body.push({ type: 'output', expression: parseExpressionText(source, token.bodyStart), start: token.start, end: token.end });
        continue;
      }
      const parser = new ExpressionParser(tokenizeExpression(source, token.bodyStart));
      if (parser.atEnd()) throw new TemplateSyntaxError("empty tag '{% %}'", token.start);
      const keywordToken = parser.next();
      const keyword = keywordToken.kind === 'name' ? keywordToken.text : '';
      const frame = top();
      const ifNode = frame.node?.type === 'if' ? frame.node : null;
      const closeBranch = (): void => {
        const last = ifNode?.branches[ifNode.branches.length - 1];
        if (last !== undefined) last.end = token.start;
      };
      switch (keyword) {
        case 'if': {
          const test = parser.parseExpression();
          parser.expectEnd();
          const branch: IfBranch = { test, body: [], start: token.start, end: token.end };
          const node: TemplateNode = { type: 'if', branches: [branch], start: token.start, end: token.end };
          frame.body.push(node);
          stack.push({ tag: 'if', start: token.start, open: at(token.start), node, body: branch.body });
          break;
        }
        case 'elif':
        case 'else': {
          if (frame.tag === 'for' && keyword === 'else' && frame.node?.type === 'for') {
            frame.body = frame.node.otherwise;
            break;
          }
          if (ifNode === null) throw new TemplateSyntaxError(`'${keyword}' outside an 'if'`, token.start);
          if (ifNode.branches[ifNode.branches.length - 1]?.test === null) {
            throw new TemplateSyntaxError(`'${keyword}' after 'else'`, token.start);
          }
          closeBranch();
          const test = keyword === 'elif' ? parser.parseExpression() : null;
          parser.expectEnd();
          const branch: IfBranch = { test, body: [], start: token.start, end: token.end };
          ifNode.branches.push(branch);
          frame.body = branch.body;
          break;
        }
        case 'for': {
          const targets = [parser.expectName()];
          while (parser.isOp(',')) {
            parser.next();
            targets.push(parser.expectName());
          }
          if (!parser.isName('in')) throw new TemplateSyntaxError("expected 'in' in 'for'", token.start);
          parser.next();
          const iterable = parser.parseExpression(false);
          let filter: Expression | null = null;
          if (parser.isName('if')) {
            parser.next();
            filter = parser.parseExpression(false);
          }
          if (parser.isName('recursive')) parser.next();
          parser.expectEnd();
          const node: TemplateNode = { type: 'for', targets, iterable, filter, body: [], otherwise: [], start: token.start, end: token.end };
          frame.body.push(node);
          stack.push({ tag: 'for', start: token.start, open: at(token.start), node, body: node.body });
          break;
        }
        case 'set': {
          const targets = [parser.expectName()];
          while (parser.isOp(',')) {
            parser.next();
            targets.push(parser.expectName());
          }
          if (parser.isOp('=')) {
            parser.next();
            const value = parser.parseExpression();
            parser.expectEnd();
            frame.body.push({ type: 'set', targets, value, start: token.start });
          } else {
            parser.expectEnd();
            const node: TemplateNode = { type: 'set-block', name: targets[0] as string, body: [], start: token.start };
            frame.body.push(node);
            stack.push({ tag: 'set', start: token.start, open: at(token.start), node, body: node.body });
          }
          break;
        }
        default: {
          if (keyword.startsWith('end')) {
            const name = keyword.slice(3);
            if (frame.tag !== name) {
              const expected = frame.tag === 'root' ? `no open block` : `'end${frame.tag}' for line ${frame.open.line}`;
              throw new TemplateSyntaxError(`unexpected '${keyword}' (expected ${expected})`, token.start);
            }
            closeBranch();
            if (frame.node !== null && 'end' in frame.node) frame.node.end = token.end;
            stack.pop();
          } else if (OPAQUE_BLOCKS.has(keyword)) {
            const node: TemplateNode = { type: 'opaque', name: keyword, body: [], start: token.start, end: token.end };
            frame.body.push(node);
            stack.push({ tag: keyword, start: token.start, open: at(token.start), node, body: node.body as TemplateNode[] });
          } else if (OPAQUE_TAGS.has(keyword)) {
            frame.body.push({ type: 'opaque', name: keyword, body: null, start: token.start, end: token.end });
          } else {
            throw new TemplateSyntaxError(`unknown tag '${keyword || source.trim()}'`, token.start);
          }
        }
      }
    }
  } catch (error) {
    if (error instanceof TemplateSyntaxError || error instanceof ExpressionError) {
      const where = at(error.offset);
      return { nodes: [], diagnostics: [...lexed.diagnostics, { line: where.line, column: where.column, message: error.message }] };
    }
    throw error;
  }
  if (lexed.diagnostics.length > 0) return { nodes: [], diagnostics: lexed.diagnostics };
  const open = top();
  if (open.tag !== 'root') {
    return {
      nodes: [],
      diagnostics: [{ line: open.open.line, column: open.open.column, message: `'${open.tag}' is never closed (missing 'end${open.tag}')` }],
    };
  }
  return { nodes: root, diagnostics: [] };
}
