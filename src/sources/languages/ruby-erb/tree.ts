import type { TemplateDiagnostic } from '../../contracts/template-language.js';
import type { TagToken } from './tags.js';

/**
 * One statement of a `<% %>` tag, as the language's reader understood it.
 * `block` opens a structure we do not evaluate (while, case, an unknown
 * iterator): its body is rendered once, as "maybe".
 */
export type Statement<E> =
  | { kind: 'if' | 'unless' | 'elsif'; test: E }
  | { kind: 'else' | 'block' }
  /** `brace`: Puppet's `}`, which closes a case branch's body before it closes the case. */
  | { kind: 'end'; brace?: boolean }
  /** Ruby `case v` / `case` (no subject: each `when` is a condition), Puppet `case $v {`. */
  | { kind: 'case'; subject: E | null }
  /** Ruby `when a, b`, Puppet `'a', 'b': {`; null values: Puppet's `default: {` (Ruby's `else`). */
  | { kind: 'when'; values: E[] | null }
  | { kind: 'each'; iterable: E; targets: string[]; withIndex?: boolean }
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

export interface CaseBranch<E> {
  /** null: the `else` / `default` branch. */
  values: E[] | null;
  body: TemplateNode<E>[];
  start: number;
  end: number;
}

export type TemplateNode<E> =
  | { type: 'text'; text: string; offset: number }
  | { type: 'output'; expression: E; start: number; end: number }
  | { type: 'if'; branches: IfBranch<E>[] }
  | { type: 'case'; subject: E | null; branches: CaseBranch<E>[]; start: number }
  | { type: 'each'; iterable: E; targets: string[]; withIndex: boolean; body: TemplateNode<E>[]; start: number }
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
  node: Extract<TemplateNode<E>, { type: 'if' | 'each' | 'block' | 'case' }>;
  body: TemplateNode<E>[];
  start: number;
  /** A case: whether a branch body is open (Ruby: after a `when`; Puppet: inside `{ }`). */
  inBranch?: boolean;
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
  const stray: number[] = [];
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
        case 'case': {
          const node: TemplateNode<E> = { type: 'case', subject: statement.subject, branches: [], start: token.start };
          body().push(node);
          stack.push({ node, body: [], start: token.start, inBranch: false });
          break;
        }
        case 'when': {
          const top = stack[stack.length - 1];
          if (top === undefined || top.node.type !== 'case') {
            fail(token.start, "'when' without an open 'case'");
            break;
          }
          if (!openBranch(top, statement.values, token)) fail(token.start, "a 'case' branch after its 'else'");
          break;
        }
        case 'elsif':
        case 'else': {
          const top = stack[stack.length - 1];
          if (statement.kind === 'else' && top?.node.type === 'case') {
            if (!openBranch(top, null, token)) fail(token.start, "'else' after 'else'");
            break;
          }
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
          const open = stack[stack.length - 1];
          if (open !== undefined && open.node.type === 'case' && statement.brace === true && open.inBranch === true) {
            closeBranch(open, token.start);
            break;
          }
          const top = stack.pop();
          if (top !== undefined && top.node.type === 'case') closeBranch(top, token.start);
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
          const node: TemplateNode<E> = {
            type: 'each',
            iterable: statement.iterable,
            targets: statement.targets,
            withIndex: statement.withIndex === true,
            body: [],
            start: token.start,
          };
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
  for (const where of stray) fail(where, "text between 'case' and its first branch");
  return { nodes: root, diagnostics };

  /**
   * Ruby accepts nothing but `when` between `case` and its first branch, and
   * Puppet nothing but case options: template text there is output code
   * the language rejects (a syntax error).
   */
  function closeBranch(open: Open<E>, at: number): void {
    if (open.node.type !== 'case') return;
    const last = open.node.branches[open.node.branches.length - 1];
    if (open.inBranch === true && last !== undefined) last.end = at;
    else if (open.body.some((n) => n.type !== 'skip')) stray.push(open.start);
    open.inBranch = false;
    open.body = [];
  }

  function openBranch(open: Open<E>, values: E[] | null, at: { start: number; end: number }): boolean {
    if (open.node.type !== 'case') return false;
    closeBranch(open, at.start);
    const branches = open.node.branches;
    if (branches.length > 0 && branches[branches.length - 1]?.values === null) return false;
    const branch: CaseBranch<E> = { values, body: [], start: at.start, end: at.end };
    branches.push(branch);
    open.body = branch.body;
    open.inBranch = true;
    return true;
  }
}
