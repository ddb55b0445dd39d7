import { UNKNOWN_MARK } from '../../../model/source.js';
import type { TemplateDiagnostic } from '../../contracts/template-language.js';
import { evaluatePipeline, type GoContext, type Ref } from './evaluate.js';
import type { Pipeline } from './expression.js';
import type { Branch, TemplateNode } from './parser.js';
import { MAX_ITERATIONS, MAX_OUTPUT, PieceSink, type OffsetRange, type RenderedPiece } from '../pieces.js';
import { containsUnknown, goString, goTruth, isPlainObject, UNKNOWN } from './values.js';

export interface GoRenderOutput {
  pieces: RenderedPiece[];
  alternatives: OffsetRange[];
  diagnostics: TemplateDiagnostic[];
}

class LimitReached extends Error {}
class LoopSignal extends Error {
  constructor(readonly kind: 'break' | 'continue') {
    super(kind);
  }
}

/**
 * Walks the action tree (text/template/exec.go) over plain data. A branch
 * whose condition is unknown is rendered with its lines "maybe" and the
 * later branches recorded as alternatives; `range` over unknown data renders
 * its body once with `.` and its variables unknown, also "maybe".
 */
export class GoRenderer {
  readonly output: GoRenderOutput = { pieces: [], alternatives: [], diagnostics: [] };
  private readonly sink = new PieceSink(MAX_OUTPUT);
  private iterations = 0;

  constructor(
    private readonly text: string,
    private readonly context: GoContext,
    private readonly at: (offset: number) => { line: number; column: number },
    /** Rendering a Kubernetes manifest: an unknown YAML block keeps the manifest readable. */
    private readonly yamlManifest = false,
  ) {}

  /**
   * What an unknown value prints. In a manifest, `key: {{- include "x.labels" . | nindent 4 }}`
   * is a YAML block of entries at that indentation: printing only UNKNOWN_MARK
   * would make the whole document unreadable (and hide a ConfigMap's main.cf),
   * so it prints one entry whose key and value are unknown.
   */
  private unknownText(pipeline: Pipeline): string {
    if (!this.yamlManifest) return UNKNOWN_MARK;
    const last = pipeline.commands[pipeline.commands.length - 1];
    const fn = last?.args[0];
    const width = last?.args[1];
    if (fn?.k !== 'function' || (fn.name !== 'nindent' && fn.name !== 'indent') || width?.k !== 'number') return UNKNOWN_MARK;
    const tail = this.sink.pieces[this.sink.pieces.length - 1]?.text ?? '';
    const lineTail = tail.slice(tail.lastIndexOf('\n') + 1);
    if (fn.name === 'nindent' && /:[ \t]*$/.test(lineTail)) return `\n${' '.repeat(Math.min(width.value, 256))}${UNKNOWN_MARK}: ${UNKNOWN_MARK}`;
    if (fn.name === 'indent' && /^[ \t]*$/.test(lineTail)) return `${' '.repeat(Math.min(width.value, 256))}${UNKNOWN_MARK}: ${UNKNOWN_MARK}`;
    return UNKNOWN_MARK;
  }

  run(nodes: TemplateNode[], dot: Ref): GoRenderOutput {
    try {
      this.renderNodes(nodes, dot, false);
    } catch (error) {
      if (!(error instanceof LimitReached) && !(error instanceof LoopSignal)) throw error;
    }
    this.output.pieces = this.sink.pieces;
    return this.output;
  }

  private limit(offset: number, message: string): never {
    const where = this.at(offset);
    this.output.diagnostics.push({ line: where.line, column: where.column, message });
    throw new LimitReached(message);
  }

  private emit(piece: RenderedPiece, offset: number): void {
    if (!this.sink.push(piece)) this.limit(offset, `rendered output exceeds ${MAX_OUTPUT} characters`);
  }

  /** Where the file's evaluation budget ran out, or null. */
  budgetSpentAt: number | null = null;

  private renderNodes(nodes: TemplateNode[], dot: Ref, maybe: boolean): void {
    for (const node of nodes) {
      this.renderNode(node, dot, maybe);
      if (this.budgetSpentAt === null && this.context.budget.exhausted) this.budgetSpentAt = node.start;
    }
  }

  private scoped(body: () => void): void {
    this.context.frames.push(new Map());
    try {
      body();
    } finally {
      this.context.frames.pop();
    }
  }

  private renderNode(node: TemplateNode, dot: Ref, maybe: boolean): void {
    this.context.offset = node.start;
    switch (node.type) {
      case 'text':
        this.emit({ kind: 'literal', text: this.text.slice(node.start, node.end), offset: node.start, maybe }, node.start);
        return;
      case 'action': {
        const ref = evaluatePipeline(this.context, node.pipeline, dot, maybe);
        if (node.pipeline.declarations.length > 0) return;
        const text = containsUnknown(ref.value) || !this.context.budget.walk(ref.value) ? this.unknownText(node.pipeline) : goString(ref.value);
        this.emit({ kind: 'expression', text, start: node.start, end: node.end, maybe }, node.start);
        return;
      }
      case 'template':
        // A named template is not evaluated: its output is unknown; a definition prints nothing.
        if (node.keyword === 'define') return;
        this.context.skipped.push({ offset: node.start, tag: `${node.keyword} "${node.name}"` });
        this.emit({ kind: 'expression', text: UNKNOWN_MARK, start: node.start, end: node.end, maybe }, node.start);
        return;
      case 'if':
      case 'with':
        this.renderBranches(node.type, node.branches, dot, maybe);
        return;
      case 'range':
        this.renderRange(node, dot, maybe);
        return;
      case 'break':
      case 'continue':
        // Under an unknown condition the loop may or may not stop here: keep going, the rest stays maybe.
        if (!maybe) throw new LoopSignal(node.type);
        return;
    }
  }

  private renderBranches(kind: 'if' | 'with', branches: Branch[], dot: Ref, maybe: boolean): void {
    this.scoped(() => {
      for (let i = 0; i < branches.length; i++) {
        const branch = branches[i] as Branch;
        if (branch.pipeline === null) {
          this.scoped(() => this.renderNodes(branch.body, dot, maybe));
          return;
        }
        const ref = evaluatePipeline(this.context, branch.pipeline, dot, maybe);
        const truth = goTruth(ref.value);
        if (truth === false) continue;
        const inner = kind === 'with' ? ref : dot;
        if (truth === true) {
          this.scoped(() => this.renderNodes(branch.body, inner, maybe));
          return;
        }
        // Unknown condition: this branch may be taken; the later ones could apply instead.
        this.scoped(() => this.renderNodes(branch.body, kind === 'with' ? { value: UNKNOWN, path: ref.path } : dot, true));
        for (const rest of branches.slice(i + 1)) this.output.alternatives.push({ start: rest.start, end: rest.end });
        return;
      }
    });
  }

  private renderRange(node: Extract<TemplateNode, { type: 'range' }>, dot: Ref, maybe: boolean): void {
    const { declarations } = node.pipeline;
    const ref = evaluatePipeline(this.context, { ...node.pipeline, declarations: [] }, dot, maybe);
    const items = rangeItems(ref);
    this.scoped(() => {
      const frame = this.context.frames[this.context.frames.length - 1] as Map<string, Ref>;
      const bind = (key: Ref, element: Ref) => {
        // `range $v := x` binds the element; `range $k, $v := x` the key and the element.
        if (declarations.length === 1) frame.set(declarations[0] as string, element);
        if (declarations.length === 2) {
          frame.set(declarations[0] as string, key);
          frame.set(declarations[1] as string, element);
        }
      };
      if (items === null) {
        const unknown: Ref = { value: UNKNOWN, path: null };
        bind(unknown, unknown);
        this.loopBody(node.body, unknown, true);
        this.renderNodes(node.otherwise, dot, true);
        return;
      }
      if (items.length === 0) {
        this.renderNodes(node.otherwise, dot, maybe);
        return;
      }
      for (const [key, element] of items) {
        this.iterations++;
        if (this.iterations > MAX_ITERATIONS) this.limit(node.start, `more than ${MAX_ITERATIONS} loop iterations`);
        bind(key, element);
        if (this.loopBody(node.body, element, maybe) === 'break') break;
      }
    });
  }

  private loopBody(body: TemplateNode[], dot: Ref, maybe: boolean): 'break' | 'continue' | 'done' {
    try {
      this.scoped(() => this.renderNodes(body, dot, maybe));
      return 'done';
    } catch (error) {
      if (error instanceof LoopSignal) return error.kind;
      throw error;
    }
  }
}

/** What `range` walks: slices in order, maps by sorted key (as Go does), an integer n as 0..n-1; null when unknown. */
function rangeItems(ref: Ref): [Ref, Ref][] | null {
  const { value, path } = ref;
  const child = (key: string | number): string | null => (path === null ? null : `${path}.${key}`);
  if (value === null) return [];
  if (Array.isArray(value)) return (value as unknown[]).map((v, i) => [{ value: i, path: null }, { value: v, path: child(i) }]);
  if (isPlainObject(value)) return Object.keys(value).sort().map((k) => [{ value: k, path: null }, { value: value[k], path: child(k) }]);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    return Array.from({ length: Math.min(value, MAX_ITERATIONS + 1) }, (_, i) => [{ value: i, path: null }, { value: i, path: null }]);
  }
  return null;
}
