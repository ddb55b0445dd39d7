import type { Form } from '../../../model/configuration.js';
import { LineIndex, UNKNOWN_MARK } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';
import { SourceMap, type MapSegment } from '../../contracts/fragment.js';
import type { RenderedTemplate, TemplateDiagnostic } from '../../contracts/template-language.js';
import { DEFAULT_LIMITS, type RenderLimits } from '../pieces.js';
import { containsUnknown, UNKNOWN } from '../../contracts/values.js';
import type { VariableOrigin } from '../../contracts/variables.js';
import type { EvaluationBudget } from '../../contracts/budget.js';
import type { CaseBranch, IfBranch, TemplateNode } from './tree.js';

/** What the renderer needs from a language's restricted evaluator. */
export interface TemplateEvaluator<E> {
  evaluate(expression: E, env: Environment): unknown;
  /** The language's truthiness; UNKNOWN when the value is not known. */
  truthy(value: unknown): boolean | typeof UNKNOWN;
  /** The printed form of a known value. */
  text(value: unknown): string;
  /** One binding (a value per loop variable) per iteration; null when the data is unknown. */
  iterate(value: unknown, targets: number): unknown[][] | null;
  /** Whether a case option `option` selects `subject` (Ruby's `===`, Puppet's case matching); UNKNOWN when it cannot tell. */
  matches(subject: unknown, option: E, env: Environment): boolean | typeof UNKNOWN;
}

export interface Environment {
  /** Innermost last: loop variables and local assignments. */
  locals: Map<string, unknown>[];
  /** Repository variables read (their display name) and where they are defined. */
  used: Map<string, VariableOrigin | null>;
  /** The file's evaluation budget: the evaluator charges every value it builds and walks. */
  budget: EvaluationBudget;
}

type Piece =
  | { kind: 'literal'; text: string; offset: number; maybe: boolean }
  | { kind: 'expression'; text: string; start: number; end: number; maybe: boolean };

class LimitReached extends Error {}

/** Thrown by a `next` whose condition holds: the loop goes on with its next item. */
class NextIteration extends Error {}

/**
 * Walks the tree: known conditions pick one branch; an unknown condition
 * renders the branch as "maybe" and records the others as alternatives; a
 * loop over known data is expanded; over unknown data it is rendered once,
 * as "maybe", with its variables unknown.
 */
export class TagRenderer<E> {
  readonly pieces: Piece[] = [];
  readonly alternatives: { start: number; end: number }[] = [];
  readonly diagnostics: TemplateDiagnostic[] = [];
  readonly skipped: { offset: number; tag: string }[] = [];
  /** Where the file's evaluation budget ran out, or null. */
  budgetSpentAt: number | null = null;
  private size = 0;
  private iterations = 0;
  /** Loops being rendered, and whether an unknown `next` made the rest of this iteration "maybe". */
  private loops: { skipMaybe: boolean }[] = [];

  constructor(
    private readonly evaluator: TemplateEvaluator<E>,
    readonly env: Environment,
    private readonly limits: RenderLimits,
    private readonly at: (offset: number) => { line: number; column: number },
  ) {}

  run(nodes: TemplateNode<E>[]): void {
    try {
      this.nodes(nodes, false);
    } catch (error) {
      if (!(error instanceof LimitReached)) throw error;
    }
  }

  private limit(offset: number, message: string): never {
    this.diagnostics.push({ ...this.at(offset), message });
    throw new LimitReached(message);
  }

  private emit(piece: Piece, offset: number): void {
    this.size += piece.text.length;
    if (this.size > this.limits.maxOutput) this.limit(offset, `rendered output exceeds ${this.limits.maxOutput} characters`);
    this.pieces.push(piece);
  }

  private frame(): Map<string, unknown> {
    return this.env.locals[this.env.locals.length - 1] as Map<string, unknown>;
  }

  private nodes(nodes: TemplateNode<E>[], maybe: boolean): void {
    for (const node of nodes) {
      this.node(node, maybe);
      if (this.budgetSpentAt === null && this.env.budget.exhausted) this.budgetSpentAt = nodeOffset(node);
    }
  }

  private node(node: TemplateNode<E>, outerMaybe: boolean): void {
    const maybe = outerMaybe || (this.loops[this.loops.length - 1]?.skipMaybe ?? false);
    switch (node.type) {
      case 'text':
        this.emit({ kind: 'literal', text: node.text, offset: node.offset, maybe }, node.offset);
        return;
      case 'output': {
        const value = this.evaluator.evaluate(node.expression, this.env);
        const text = containsUnknown(value) || !this.env.budget.walk(value) ? UNKNOWN_MARK : this.evaluator.text(value);
        if (text !== '') this.emit({ kind: 'expression', text, start: node.start, end: node.end, maybe }, node.start);
        return;
      }
      case 'if':
        this.branches(node.branches, maybe);
        return;
      case 'case':
        this.cases(node, maybe);
        return;
      case 'each':
        this.each(node, maybe);
        return;
      case 'block':
        this.skipped.push({ offset: firstOffset(node.body), tag: 'block' });
        this.scoped(() => this.nodes(node.body, true));
        return;
      case 'assign': {
        const value = this.evaluator.evaluate(node.value, this.env);
        this.frame().set(node.name, maybe ? UNKNOWN : value);
        return;
      }
      case 'next': {
        const loop = this.loops[this.loops.length - 1];
        if (loop === undefined) return;
        let t: boolean | typeof UNKNOWN = true;
        if (node.test !== null) {
          t = this.evaluator.truthy(this.evaluator.evaluate(node.test, this.env));
          if (node.negate && t !== UNKNOWN) t = !t;
        }
        if (t === UNKNOWN || (t === true && maybe)) loop.skipMaybe = true;
        else if (t === true) throw new NextIteration();
        return;
      }
      case 'skip':
        this.skipped.push({ offset: node.start, tag: node.code.slice(0, 40) });
        return;
    }
  }

  /** One iteration of a loop body; `next` ends it early. */
  private iteration(body: TemplateNode<E>[], maybe: boolean): void {
    const loop = { skipMaybe: false };
    this.loops.push(loop);
    try {
      this.nodes(body, maybe);
    } catch (error) {
      if (!(error instanceof NextIteration)) throw error;
    } finally {
      this.loops.pop();
    }
  }

  private branches(branches: IfBranch<E>[], maybe: boolean): void {
    for (let i = 0; i < branches.length; i++) {
      const branch = branches[i] as IfBranch<E>;
      let t: boolean | typeof UNKNOWN = true;
      if (branch.test !== null) {
        t = this.evaluator.truthy(this.evaluator.evaluate(branch.test, this.env));
        if (branch.negate && t !== UNKNOWN) t = !t;
      }
      if (t === false) continue;
      if (t === true) {
        this.nodes(branch.body, maybe);
        return;
      }
      this.nodes(branch.body, true);
      for (const rest of branches.slice(i + 1)) this.alternatives.push({ start: rest.start, end: rest.end });
      return;
    }
  }

  /**
   * The first branch with an option that matches is rendered; `else`/`default`
   * when none does (Ruby: nothing; a Puppet case without default: nothing).
   * An option that may or may not match makes its branch "maybe" and the
   * branches after it alternatives.
   */
  private cases(node: Extract<TemplateNode<E>, { type: 'case' }>, maybe: boolean): void {
    const subject = node.subject === null ? null : this.evaluator.evaluate(node.subject, this.env);
    const fallback = node.branches.find((b) => b.values === null);
    const options = node.branches.filter((b) => b.values !== null);
    for (let i = 0; i < options.length; i++) {
      const branch = options[i] as CaseBranch<E>;
      let t: boolean | typeof UNKNOWN = false;
      for (const option of branch.values ?? []) {
        const m =
          node.subject === null ? this.evaluator.truthy(this.evaluator.evaluate(option, this.env)) : this.evaluator.matches(subject, option, this.env);
        if (m === true) {
          t = true;
          break;
        }
        if (m === UNKNOWN) t = UNKNOWN;
      }
      if (t === false) continue;
      if (t === true) {
        this.nodes(branch.body, maybe);
        return;
      }
      this.nodes(branch.body, true);
      for (const rest of [...options.slice(i + 1), ...(fallback === undefined ? [] : [fallback])]) this.alternatives.push({ start: rest.start, end: rest.end });
      return;
    }
    if (fallback !== undefined) this.nodes(fallback.body, maybe);
  }

  private each(node: Extract<TemplateNode<E>, { type: 'each' }>, maybe: boolean): void {
    const evaluated = this.evaluator.iterate(this.evaluator.evaluate(node.iterable, this.env), node.withIndex ? 1 : node.targets.length);
    const items = evaluated === null || !node.withIndex ? evaluated : evaluated.map((item, i) => [item[0], i]);
    this.scoped(() => {
      if (items === null) {
        for (const target of node.targets) this.frame().set(target, UNKNOWN);
        this.iteration(node.body, true);
        return;
      }
      for (const item of items) {
        if (++this.iterations > this.limits.maxIterations) this.limit(node.start, `more than ${this.limits.maxIterations} loop iterations`);
        node.targets.forEach((target, i) => this.frame().set(target, item[i] ?? null));
        this.iteration(node.body, maybe);
      }
    });
  }

  private scoped(body: () => void): void {
    this.env.locals.push(new Map());
    try {
      body();
    } finally {
      this.env.locals.pop();
    }
  }
}

function nodeOffset<E>(node: TemplateNode<E>): number {
  if (node.type === 'text') return node.offset;
  if ('start' in node) return node.start;
  if (node.type === 'if') return node.branches[0]?.start ?? 0;
  if (node.type === 'block') return firstOffset(node.body);
  return 0;
}

function firstOffset<E>(nodes: TemplateNode<E>[]): number {
  const first = nodes[0];
  if (first === undefined) return 0;
  if (first.type === 'text') return first.offset;
  if ('start' in first) return first.start;
  return 0;
}

/** Runs the renderer and builds the Fragment and its SourceMap (one segment per rendered line run). */
export function renderNodes<E>(
  path: string,
  text: string,
  form: Form,
  nodes: TemplateNode<E>[] | null,
  diagnostics: TemplateDiagnostic[],
  evaluator: TemplateEvaluator<E>,
  env: Environment,
  limits: RenderLimits = DEFAULT_LIMITS,
): RenderedTemplate {
  const index = new LineIndex(text);
  const at = (offset: number) => index.position(offset);
  const usedVariables = () =>
    [...env.used].map(([name, origin]) => ({ name, origin })).sort((a, b) => a.name.localeCompare(b.name));
  if (nodes === null || diagnostics.length > 0) {
    return {
      fragment: { file: path, text: '', form, map: new SourceMap([]), maybeLines: new Set(), alternatives: [] },
      diagnostics,
      usedVariables: usedVariables(),
      skipped: [],
    };
  }
  const renderer = new TagRenderer(evaluator, env, limits, at);
  renderer.run(nodes);
  const segments: MapSegment[] = [];
  const maybeLines = new Set<number>();
  let line = 1;
  let column = 1;
  for (const piece of renderer.pieces) {
    let from = 0;
    while (from < piece.text.length) {
      const newline = piece.text.indexOf('\n', from);
      const to = newline === -1 ? piece.text.length : newline + 1;
      const start = piece.kind === 'literal' ? at(piece.offset + Math.min(from, piece.text.length - 1)) : at(piece.start);
      const end = piece.kind === 'literal' ? start : at(piece.end);
      segments.push({ line, column, endColumn: column + (to - from), kind: piece.kind, from: start, to: end });
      if (piece.maybe && piece.text.slice(from, to).trim() !== '') maybeLines.add(line);
      if (newline === -1) column += to - from;
      else {
        line++;
        column = 1;
      }
      from = to;
    }
  }
  const alternatives: Span[] = renderer.alternatives.map((range) => {
    const a = at(range.start);
    const b = at(range.end);
    return { file: path, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  });
  return {
    fragment: { file: path, text: renderer.pieces.map((p) => p.text).join(''), form, map: new SourceMap(segments), maybeLines, alternatives },
    diagnostics: renderer.diagnostics,
    usedVariables: usedVariables(),
    skipped: renderer.skipped.map((s) => ({ ...at(s.offset), tag: s.tag })),
    notes: env.budget.exceeded === null ? [] : [{ ...at(renderer.budgetSpentAt ?? 0), message: env.budget.exceeded }],
  };
}
