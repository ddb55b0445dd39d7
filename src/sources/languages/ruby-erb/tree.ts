import type { TemplateDiagnostic } from '../../contracts/template-language.js';
import type { TagToken } from './tags.js';

/**
 * One statement of a `<% %>` tag, as the language's reader understood it.
 * `block` opens a structure we do not evaluate (while, case, an unknown
 * iterator): its body is rendered once, as "maybe".
 */
export type Statement<E> =
  | { kind: 'if' | 'unless' | 'elsif'; test: E }
  | { kind: 'else' | 'end' | 'block' }
  | { kind: 'each'; iterable: E; targets: string[] }
  | { kind: 'assign'; name: string; value: E }
  | { kind: 'next'; test: E | null; negate: boolean }
  | { kind: 'skip' };

export interface IfBranch<E> {
  test: E | null;
  negate: boolean;
  body: TemplateNode<E>[];
  /** Template offsets of the branch (an unrendered alternative's range). */
  start: number;
  end: number;
}

export type TemplateNode<E> =
  | { type: 'text'; text: string; offset: number }
  | { type: 'output'; expression: E; start: number; end: number }
  | { type: 'if'; branches: IfBranch<E>[] }
  | { type: 'each'; iterable: E; targets: string[]; body: TemplateNode<E>[]; start: number }
  | { type: 'block'; body: TemplateNode<E>[] }
  | { type: 'assign'; name: string; value: E }
  /** Ruby `next` / `next if c` / `next unless c`: ends the loop iteration. */
  | { type: 'next'; test: E | null; negate: boolean }
  | { type: 'skip'; start: number; code: string };

export interface TemplateReader<E> {
  /** The statements of one code tag, in order; `offset` is where `code` starts in the template. */
  statements(code: string, offset: number): Statement<E>[];
  expression(code: string, offset: number): E;
}

interface Open<E> {
  node: Extract<TemplateNode<E>, { type: 'if' | 'each' | 'block' }>;
  body: TemplateNode<E>[];
  start: number;
}

/** Builds the node tree; unbalanced `end`/`else` and unclosed blocks are diagnostics at the tag. */
export function buildTree<E>(
  tokens: TagToken[],
  reader: TemplateReader<E>,
  at: (offset: number) => { line: number; column: number },
): { nodes: TemplateNode<E>[]; diagnostics: TemplateDiagnostic[] } {
  const root: TemplateNode<E>[] = [];
  const stack: Open<E>[] = [];
  const diagnostics: TemplateDiagnostic[] = [];
  const body = () => (stack.length === 0 ? root : (stack[stack.length - 1] as Open<E>).body);
  const fail = (offset: number, message: string) => {
    const where = at(offset);
    diagnostics.push({ line: where.line, column: where.column, message });
  };
  for (const token of tokens) {
    if (token.type === 'text') {
      body().push(token);
      continue;
    }
    if (token.type === 'output') {
      body().push({ type: 'output', expression: reader.expression(token.code, token.codeOffset), start: token.start, end: token.end });
      continue;
    }
    const statements = reader.statements(token.code, token.codeOffset);
    for (const statement of statements) {
      switch (statement.kind) {
        case 'if':
        case 'unless': {
          const branch: IfBranch<E> = { test: statement.test, negate: statement.kind === 'unless', body: [], start: token.start, end: token.end };
          const node: TemplateNode<E> = { type: 'if', branches: [branch] };
          body().push(node);
          stack.push({ node, body: branch.body, start: token.start });
          break;
        }
        case 'elsif':
        case 'else': {
          const top = stack[stack.length - 1];
          if (top === undefined || top.node.type !== 'if') {
            fail(token.start, `'${statement.kind}' without an open 'if'`);
            break;
          }
          const branches = top.node.branches;
          const last = branches[branches.length - 1] as IfBranch<E>;
          if (last.test === null) {
            fail(token.start, `'${statement.kind}' after 'else'`);
            break;
          }
          last.end = token.start;
          const branch: IfBranch<E> = { test: statement.kind === 'elsif' ? statement.test : null, negate: false, body: [], start: token.start, end: token.end };
          branches.push(branch);
          top.body = branch.body;
          break;
        }
        case 'end': {
          const top = stack.pop();
          if (top === undefined) {
            fail(token.start, "'end' without an open block");
            break;
          }
          if (top.node.type === 'if') {
            const branches = top.node.branches;
            (branches[branches.length - 1] as IfBranch<E>).end = token.start;
          }
          break;
        }
        case 'each': {
          const node: TemplateNode<E> = { type: 'each', iterable: statement.iterable, targets: statement.targets, body: [], start: token.start };
          body().push(node);
          stack.push({ node, body: node.body, start: token.start });
          break;
        }
        case 'block': {
          const node: TemplateNode<E> = { type: 'block', body: [] };
          body().push(node);
          stack.push({ node, body: node.body, start: token.start });
          break;
        }
        case 'assign':
          body().push({ type: 'assign', name: statement.name, value: statement.value });
          break;
        case 'next':
          body().push({ type: 'next', test: statement.test, negate: statement.negate });
          break;
        case 'skip':
          body().push({ type: 'skip', start: token.start, code: token.code.trim() });
          break;
      }
    }
  }
  for (const open of stack) fail(open.start, 'block is never closed');
  return { nodes: root, diagnostics };
}
