import type { TemplateDiagnostic } from '../../contracts/template-language.js';
import { ExpressionError, parsePipeline, type Pipeline } from './expression.js';
import type { Chunk } from './lexer.js';

export interface Branch {
  /** null for the final `{{ else }}`. */
  pipeline: Pipeline | null;
  body: TemplateNode[];
  /** Template offsets of the branch, from its tag to the next branch tag or `{{ end }}`. */
  start: number;
  end: number;
}

export type TemplateNode =
  | { type: 'text'; start: number; end: number }
  | { type: 'action'; pipeline: Pipeline; start: number; end: number }
  | { type: 'if' | 'with'; branches: Branch[]; start: number; end: number }
  | { type: 'range'; pipeline: Pipeline; body: TemplateNode[]; otherwise: TemplateNode[]; start: number; end: number }
  /** `template` / `block` (a named template we do not evaluate) and `define` (a definition, no output). */
  | { type: 'template'; name: string; keyword: 'template' | 'block' | 'define'; start: number; end: number }
  | { type: 'break' | 'continue'; start: number; end: number };

type Frame =
  | { keyword: 'root'; nodes: TemplateNode[] }
  | { keyword: 'if' | 'with'; branches: Branch[]; start: number; nodes: TemplateNode[]; seenElse: boolean }
  | { keyword: 'range'; pipeline: Pipeline; body: TemplateNode[]; otherwise: TemplateNode[] | null; start: number; nodes: TemplateNode[] }
  | { keyword: 'define' | 'block'; name: string; start: number; nodes: TemplateNode[] };

/** Bounded recursion when rendering: deeper nesting is a diagnostic. */
const MAX_DEPTH = 100;

const KEYWORD = /^\s*(if|else|end|range|with|define|block|template|break|continue)\b/;

/**
 * Builds the action tree (text/template/parse/parse.go): `if`/`with` with
 * `else if`/`else with`/`else`, `range` with `else`, `define`/`block` bodies,
 * `template`. Variables must be declared before use (Go reports "undefined
 * variable" when parsing). Errors are diagnostics at the tag, never a throw.
 */
export function parseTemplate(text: string, chunks: Chunk[], at: (offset: number) => { line: number; column: number }): { nodes: TemplateNode[]; diagnostics: TemplateDiagnostic[] } {
  const diagnostics: TemplateDiagnostic[] = [];
  const fail = (offset: number, message: string) => {
    const where = at(offset);
    diagnostics.push({ line: where.line, column: where.column, message });
    return { nodes: [], diagnostics };
  };
  const root: Frame = { keyword: 'root', nodes: [] };
  const stack: Frame[] = [root];
  // Declared variables per open control structure (Go scopes them to `end`).
  const variables: Set<string>[] = [new Set(['$'])];
  const declared = (name: string) => variables.some((s) => s.has(name));
  const top = () => stack[stack.length - 1] as Frame;
  const pipelineAt = (chunk: Extract<Chunk, { type: 'action' }>, from: number, maxDeclarations = 1): Pipeline => {
    const pipeline = parsePipeline(text.slice(from, chunk.bodyEnd), from, maxDeclarations);
    checkVariables(pipeline, declared, from);
    return pipeline;
  };
  const closeBranch = (frame: Extract<Frame, { keyword: 'if' | 'with' }>, end: number) => {
    const branch = frame.branches[frame.branches.length - 1] as Branch;
    branch.body = frame.nodes;
    branch.end = end;
  };
  for (const chunk of chunks) {
    if (chunk.type === 'text') {
      top().nodes.push(chunk);
      continue;
    }
    try {
      const body = text.slice(chunk.bodyStart, chunk.bodyEnd);
      const keyword = KEYWORD.exec(body);
      const after = chunk.bodyStart + (keyword?.[0].length ?? 0);
      const word = keyword?.[1];
      if (word === undefined) {
        const pipeline = pipelineAt(chunk, chunk.bodyStart);
        if (!pipeline.assign) for (const name of pipeline.declarations) (variables[variables.length - 1] as Set<string>).add(name);
        top().nodes.push({ type: 'action', pipeline, start: chunk.start, end: chunk.end });
      } else if ((word === 'if' || word === 'with' || word === 'range' || word === 'define' || word === 'block') && stack.length > MAX_DEPTH) {
        return fail(chunk.start, `control structures nested more than ${MAX_DEPTH} deep`);
      } else if (word === 'if' || word === 'with') {
        const pipeline = pipelineAt(chunk, after);
        variables.push(new Set(pipeline.declarations));
        stack.push({ keyword: word, branches: [{ pipeline, body: [], start: chunk.start, end: chunk.end }], start: chunk.start, nodes: [], seenElse: false });
      } else if (word === 'range') {
        const pipeline = pipelineAt(chunk, after, 2);
        variables.push(new Set(pipeline.declarations));
        stack.push({ keyword: 'range', pipeline, body: [], otherwise: null, start: chunk.start, nodes: [] });
      } else if (word === 'else') {
        const frame = top();
        const rest = text.slice(after, chunk.bodyEnd);
        const chained = /^\s*(if|with)\b/.exec(rest);
        if (frame.keyword === 'if' || frame.keyword === 'with') {
          if (frame.seenElse) return fail(chunk.start, 'expected end; found {{else}}');
          closeBranch(frame, chunk.start);
          frame.nodes = [];
          if (chained !== null) {
            if (chained[1] !== frame.keyword) return fail(chunk.start, `unexpected "${chained[1]}" after else in ${frame.keyword}`);
            const pipeline = pipelineAt(chunk, after + chained[0].length);
            frame.branches.push({ pipeline, body: [], start: chunk.start, end: chunk.end });
          } else {
            if (rest.trim() !== '') return fail(chunk.start, 'unexpected text after else');
            frame.seenElse = true;
            frame.branches.push({ pipeline: null, body: [], start: chunk.start, end: chunk.end });
          }
        } else if (frame.keyword === 'range' && frame.otherwise === null && chained === null) {
          frame.body = frame.nodes;
          frame.otherwise = [];
          frame.nodes = frame.otherwise;
        } else return fail(chunk.start, 'unexpected {{else}}');
      } else if (word === 'end') {
        const frame = top();
        if (frame.keyword === 'root') return fail(chunk.start, 'unexpected {{end}}');
        stack.pop();
        variables.pop();
        if (frame.keyword === 'if' || frame.keyword === 'with') {
          closeBranch(frame, chunk.end);
          top().nodes.push({ type: frame.keyword, branches: frame.branches, start: frame.start, end: chunk.end });
        } else if (frame.keyword === 'range') {
          const body = frame.otherwise === null ? frame.nodes : frame.body;
          top().nodes.push({ type: 'range', pipeline: frame.pipeline, body, otherwise: frame.otherwise ?? [], start: frame.start, end: chunk.end });
        } else if (frame.keyword === 'define' || frame.keyword === 'block') {
          top().nodes.push({ type: 'template', name: frame.name, keyword: frame.keyword, start: frame.start, end: chunk.end });
        }
      } else if (word === 'define' || word === 'block') {
        const name = /^\s*("(?:[^"\\]|\\.)*"|`[^`]*`)/.exec(text.slice(after, chunk.bodyEnd));
        if (name === null) return fail(chunk.start, `${word} requires a quoted template name`);
        if (word === 'block') pipelineAt(chunk, after + name[0].length);
        variables.push(new Set());
        stack.push({ keyword: word, name: (name[1] ?? '').slice(1, -1), start: chunk.start, nodes: [] });
      } else if (word === 'template') {
        const name = /^\s*("(?:[^"\\]|\\.)*"|`[^`]*`)/.exec(text.slice(after, chunk.bodyEnd));
        if (name === null) return fail(chunk.start, 'template requires a quoted template name');
        const rest = text.slice(after + name[0].length, chunk.bodyEnd);
        if (rest.trim() !== '') pipelineAt(chunk, after + name[0].length);
        top().nodes.push({ type: 'template', name: (name[1] ?? '').slice(1, -1), keyword: 'template', start: chunk.start, end: chunk.end });
      } else {
        if (!stack.some((f) => f.keyword === 'range')) return fail(chunk.start, `{{${word}}} outside {{range}}`);
        top().nodes.push({ type: word as 'break' | 'continue', start: chunk.start, end: chunk.end });
      }
    } catch (error) {
      if (error instanceof ExpressionError) return fail(error.offset, error.message);
      throw error;
    }
  }
  const open = top();
  if (open.keyword !== 'root') return fail(open.start, `unexpected EOF: {{${open.keyword}}} has no {{end}}`);
  return { nodes: root.nodes, diagnostics };
}

function checkVariables(pipeline: Pipeline, declared: (name: string) => boolean, offset: number): void {
  const visit = (p: Pipeline) => {
    for (const command of p.commands) {
      for (const term of command.args) {
        if (term.k === 'variable' && !declared(term.name)) throw new ExpressionError(`undefined variable "${term.name}"`, term.at);
        if (term.k === 'pipeline') visit(term.pipeline);
        if (term.k === 'field' && term.base !== null && term.base.k === 'pipeline') visit(term.base.pipeline);
      }
    }
  };
  visit(pipeline);
  if (pipeline.assign) for (const name of pipeline.declarations) if (!declared(name)) throw new ExpressionError(`undefined variable "${name}"`, offset);
}
