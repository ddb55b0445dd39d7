import { UNKNOWN_MARK } from '../../../model/source.js';
import type { RenderedPiece, RenderLimits } from '../pieces.js';
import type { TemplateDiagnostic } from '../../contracts/template-language.js';
import { callArguments, evaluate, type EvaluationContext } from './evaluate.js';
import type { IfBranch, TemplateNode } from './parser.js';
import { containsUnknown, isPlainObject, UNKNOWN } from '../../contracts/values.js';
import { commentFrame } from './filters.js';
import type { Expression } from './expression.js';
import { pythonString, truthy } from './values.js';

export interface RenderOutput {
  pieces: RenderedPiece[];
  /** Template offset ranges of `if` branches not rendered although they could apply. */
  alternatives: { start: number; end: number }[];
  diagnostics: TemplateDiagnostic[];
  /** Tags rendered as nothing because we do not evaluate them (include, import, macro...). */
  skipped: { offset: number; tag: string }[];
  /** Where the file's evaluation budget ran out (every value after it is unknown), or null. */
  budgetSpentAt: number | null;
}

class LimitReached extends Error {}

/**
 * Walks the parsed template. A branch whose condition is unknown is rendered
 * with its lines marked "maybe"; a loop over unknown data is rendered once
 * with its variables unknown, also "maybe" (so `{{ k }} = {{ v }}` gives a
 * line whose name and value are unknown).
 */
export class Renderer {
  readonly output: RenderOutput = { pieces: [], alternatives: [], diagnostics: [], skipped: [], budgetSpentAt: null };
  private size = 0;
  private iterations = 0;

  constructor(
    private readonly text: string,
    private readonly context: EvaluationContext,
    private readonly limits: RenderLimits,
    private readonly at: (offset: number) => { line: number; column: number },
  ) {}

  run(nodes: TemplateNode[]): RenderOutput {
    try {
      this.renderNodes(nodes, false);
    } catch (error) {
      if (!(error instanceof LimitReached)) throw error;
    }
    return this.output;
  }

  private limit(offset: number, message: string): never {
    const where = this.at(offset);
    this.output.diagnostics.push({ line: where.line, column: where.column, message });
    throw new LimitReached(message);
  }

  private emit(piece: RenderedPiece, offset: number): void {
    this.size += piece.text.length;
    if (this.size > this.limits.maxOutput) this.limit(offset, `rendered output exceeds ${this.limits.maxOutput} characters`);
    this.output.pieces.push(piece);
  }

  private renderNodes(nodes: TemplateNode[], maybe: boolean): void {
    for (const node of nodes) {
      this.renderNode(node, maybe);
      // The innermost node being rendered when the budget ran out is where the note points.
      if (this.output.budgetSpentAt === null && this.context.budget.exhausted) this.output.budgetSpentAt = node.start;
    }
  }

  private renderNode(node: TemplateNode, maybe: boolean): void {
    switch (node.type) {
      case 'text':
        this.emit({ kind: 'literal', text: this.text.slice(node.start, node.end), offset: node.start, maybe }, node.start);
        return;
      case 'output': {
        const value = evaluate(node.expression, this.context);
        const text = containsUnknown(value) || !this.context.budget.walk(value) ? this.unknownOutput(node.expression) : pythonString(value);
        if (text !== '') this.emit({ kind: 'expression', text, start: node.start, end: node.end, maybe }, node.start);
        return;
      }
      case 'if':
        this.renderIf(node.branches, maybe);
        return;
      case 'for':
        this.renderFor(node, maybe);
        return;
      case 'set': {
        const value = evaluate(node.value, this.context);
        const frame = this.context.locals[this.context.locals.length - 1] as Map<string, unknown>;
        if (node.targets.length === 1) frame.set(node.targets[0] as string, maybe ? UNKNOWN : value);
        else node.targets.forEach((t, i) => frame.set(t, Array.isArray(value) && !maybe ? value[i] : UNKNOWN));
        return;
      }
      case 'set-block': {
        const inner = new Renderer(this.text, this.context, this.limits, this.at);
        inner.renderNodes(node.body, false);
        const text = inner.output.pieces.map((p) => p.text).join('');
        const frame = this.context.locals[this.context.locals.length - 1] as Map<string, unknown>;
        frame.set(node.name, maybe || text.includes(UNKNOWN_MARK) ? UNKNOWN : text);
        return;
      }
      case 'opaque':
        this.output.skipped.push({ offset: node.start, tag: node.name });
        // `include` prints the other template's rendering there (Jinja2 "Include"): text relaygate
        // does not have, so one unknown line stands for it; a mail file reads it as a line that may set anything.
        if (node.name === 'include') this.emit({ kind: 'expression', text: `${UNKNOWN_MARK}\n`, start: node.start, end: node.end, maybe }, node.start);
        // A block or autoescape body is ordinary template text; other bodies (macro, call, filter, with) are not evaluated.
        if (node.body !== null && (node.name === 'block' || node.name === 'autoescape')) this.renderNodes(node.body, maybe);
        return;
    }
  }

  /**
   * What an expression relaygate cannot evaluate prints: unknown text, except
   * Ansible's `comment` filter with known parameters, whose every line starts
   * with its decoration whatever the text (`{{ ansible_managed | comment }}`):
   * one unknown line inside the known frame stands for the commented lines.
   */
  private unknownOutput(expression: Expression): string {
    if (expression.type !== 'filter' || expression.name !== 'comment' || this.context.hashComments !== true) return UNKNOWN_MARK;
    const passed = callArguments(expression, this.context);
    if (passed === null) return UNKNOWN_MARK;
    const { args, kwargs } = passed;
    if (args.some(containsUnknown) || Object.values(kwargs).some(containsUnknown)) return UNKNOWN_MARK;
    const frame = commentFrame(args, kwargs);
    if (frame === null || !frame.decoration.startsWith('#')) return UNKNOWN_MARK;
    const framing = `${frame.head}${frame.tail}`.split('\n');
    if (!framing.every((line) => line === '' || line.startsWith('#'))) return UNKNOWN_MARK;
    return `${frame.head}${frame.decoration}${UNKNOWN_MARK}${frame.tail}`;
  }

  private renderIf(branches: IfBranch[], maybe: boolean): void {
    let uncertain = false;
    for (let i = 0; i < branches.length; i++) {
      const branch = branches[i] as IfBranch;
      const t = branch.test === null ? true : truthy(evaluate(branch.test, this.context));
      if (t === false) continue;
      if (t === true) {
        this.renderNodes(branch.body, maybe || uncertain);
        return;
      }
      // Unknown condition: this branch may be taken; the later ones could apply instead.
      uncertain = true;
      this.renderNodes(branch.body, true);
      if (this.context.allBranches === true) continue;
      for (const rest of branches.slice(i + 1)) this.output.alternatives.push({ start: rest.start, end: rest.end });
      return;
    }
  }

  private renderFor(node: Extract<TemplateNode, { type: 'for' }>, maybe: boolean): void {
    const iterable = evaluate(node.iterable, this.context);
    const items = iterationItems(iterable);
    if (items === null) {
      this.withFrame(() => {
        const frame = this.frame();
        for (const target of node.targets) frame.set(target, UNKNOWN);
        frame.set('loop', UNKNOWN);
        this.renderNodes(node.body, true);
      });
      return;
    }
    this.withFrame(() => {
      // A loop filter (`for x in xs if cond`) selects the items first: `loop` counts only those (Jinja2 LoopContext).
      const kept: { item: unknown; maybe: boolean }[] = [];
      for (const item of items) {
        this.iterations++;
        if (this.iterations > this.limits.maxIterations) this.limit(node.start, `more than ${this.limits.maxIterations} loop iterations`);
        if (node.filter === null) {
          kept.push({ item, maybe });
          continue;
        }
        const frame = this.frame();
        frame.clear();
        bindTargets(frame, node.targets, item);
        const keep = truthy(evaluate(node.filter, this.context));
        if (keep !== false) kept.push({ item, maybe: maybe || keep === UNKNOWN });
      }
      const countKnown = kept.every((k) => k.maybe === maybe);
      kept.forEach(({ item, maybe: itemMaybe }, index) => {
        const frame = this.frame();
        frame.clear();
        bindTargets(frame, node.targets, item);
        frame.set('loop', countKnown ? loopInfo(index, kept.length) : UNKNOWN);
        this.renderNodes(node.body, itemMaybe);
      });
      // `else` renders when no item was selected; with uncertain selections it may.
      if (kept.length === 0) this.renderNodes(node.otherwise, maybe);
      else if (!countKnown && kept.every((k) => k.maybe)) this.renderNodes(node.otherwise, true);
    });
  }

  private frame(): Map<string, unknown> {
    return this.context.locals[this.context.locals.length - 1] as Map<string, unknown>;
  }

  private withFrame(body: () => void): void {
    this.context.locals.push(new Map());
    try {
      body();
    } finally {
      this.context.locals.pop();
    }
  }
}

/** What a `for` walks: lists as they are, dict keys (Python iteration), string characters; null when unknown. */
function iterationItems(value: unknown): unknown[] | null {
  if (value === UNKNOWN || typeof value === 'symbol') return null;
  if (Array.isArray(value)) return value as unknown[];
  if (isPlainObject(value)) return Object.keys(value);
  if (typeof value === 'string') return [...value];
  return null;
}

function loopInfo(index: number, length: number): Record<string, unknown> {
  return {
    index: index + 1,
    index0: index,
    revindex: length - index,
    revindex0: length - index - 1,
    first: index === 0,
    last: index === length - 1,
    length,
  };
}

function bindTargets(frame: Map<string, unknown>, targets: string[], item: unknown): void {
  if (targets.length === 1) {
    frame.set(targets[0] as string, item);
    return;
  }
  targets.forEach((target, i) => frame.set(target, Array.isArray(item) ? (item[i] ?? UNKNOWN) : UNKNOWN));
}
