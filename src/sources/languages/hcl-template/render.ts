import { LineIndex, UNKNOWN_MARK, type SourceFile } from '../../../model/source.js';
import type { RenderedTemplate, LanguageVariables } from '../../contracts/template-language.js';
import { fragmentOf, MAX_ITERATIONS, MAX_OUTPUT, PieceSink, type OffsetRange } from '../pieces.js';
import type { VariableOrigin, VariableScope } from '../../contracts/variables.js';
import { EvaluationBudget } from '../../contracts/budget.js';
import { isPlainObject } from '../../contracts/values.js';
import { conditionValue, containsUnknown, evaluate, templateString, UNKNOWN, type NameResolver, type StringTemplate } from './evaluate.js';
import { parseHclTemplate, type TemplateNode } from './template.js';
import { HclError } from './tokens.js';

const QUOTED_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** A quoted string's escapes (`\n`, `\"`, `\uNNNN`); heredocs have none. */
function unescapeQuoted(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (whole, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return QUOTED_ESCAPES[e] ?? whole;
  });
}

/** A string expression's value (`"${var.a}-x"`, a heredoc), or UNKNOWN. */
export function stringTemplate(raw: string, quoted: boolean, resolve: NameResolver, budget: EvaluationBudget, depth = 0): unknown {
  if (depth > 8 || !budget.step()) return UNKNOWN;
  let nodes: TemplateNode[];
  try {
    nodes = parseHclTemplate(raw);
  } catch {
    return UNKNOWN;
  }
  // A string that is one interpolation keeps the value's type (`"${var.list}"` is the list).
  if (nodes.length === 1 && nodes[0]?.type === 'interpolation' && nodes[0].start === 0 && nodes[0].end === raw.length) {
    return evaluate(nodes[0].expr, resolve, (r, q, res, b) => stringTemplate(r, q, res, b, depth + 1), budget);
  }
  const sink = new PieceSink(MAX_OUTPUT);
  const state = { iterations: 0 };
  const renderer = new TerraformRenderer(raw, sink, resolve, state, (r, q, res, b) => stringTemplate(r, q, res, b, depth + 1), budget);
  try {
    renderer.render(nodes, false);
  } catch (error) {
    // A string over the output or loop limits is a value relaygate does not know, not a failure of the file.
    if (error instanceof LimitReached) return UNKNOWN;
    throw error;
  }
  const text = sink.pieces.map((p) => (p.kind === 'literal' && quoted ? unescapeQuoted(p.text) : p.text)).join('');
  if (!budget.text(text.length)) return UNKNOWN;
  return text.includes(UNKNOWN_MARK) || sink.pieces.some((p) => p.maybe) ? UNKNOWN : text;
}

class LimitReached extends Error {}

/**
 * Renders the template tree. A condition that is not a known bool renders
 * its `if` branch as "maybe" (the `else` branch is an alternative); a `for`
 * over unknown data renders its body once with the loop variables unknown,
 * as "maybe".
 */
class TerraformRenderer {
  readonly alternatives: OffsetRange[] = [];
  private readonly locals: Map<string, unknown>[] = [];

  constructor(
    private readonly text: string,
    private readonly sink: PieceSink,
    private readonly outer: NameResolver,
    private readonly state: { iterations: number },
    private readonly strings: StringTemplate,
    private readonly budget: EvaluationBudget,
  ) {}

  private readonly resolve: NameResolver = (name, start) => {
    for (let i = this.locals.length - 1; i >= 0; i--) {
      const frame = this.locals[i] as Map<string, unknown>;
      if (frame.has(name)) return frame.get(name);
    }
    return this.outer(name, start);
  };

  private value(node: Extract<TemplateNode, { type: 'interpolation' }>): unknown {
    return evaluate(node.expr, this.resolve, this.strings, this.budget);
  }

  render(nodes: TemplateNode[], maybe: boolean): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          this.push({ kind: 'literal', text: this.text.slice(node.start, node.end), offset: node.start, maybe });
          break;
        case 'interpolation': {
          const value = this.value(node);
          const text = containsUnknown(value) || !this.budget.walk(value) ? UNKNOWN : templateString(value);
          this.push({ kind: 'expression', text: text === UNKNOWN ? UNKNOWN_MARK : text, start: node.start, end: node.end, maybe });
          break;
        }
        case 'if':
          this.renderIf(node, maybe);
          break;
        case 'for':
          this.renderFor(node, maybe);
          break;
      }
    }
  }

  private push(piece: Parameters<PieceSink['push']>[0]): void {
    if (!this.sink.push(piece)) throw new LimitReached(`rendered output exceeds ${MAX_OUTPUT} characters`);
  }

  private renderIf(node: Extract<TemplateNode, { type: 'if' }>, maybe: boolean): void {
    const [first, second] = node.branches;
    if (first === undefined || first.test === null) return;
    const test = conditionValue(evaluate(first.test, this.resolve, this.strings, this.budget));
    if (test === true) this.render(first.body, maybe);
    else if (test === false) this.render(second?.body ?? [], maybe);
    else {
      this.render(first.body, true);
      if (second !== undefined) this.alternatives.push({ start: second.start, end: second.end });
    }
  }

  private renderFor(node: Extract<TemplateNode, { type: 'for' }>, maybe: boolean): void {
    const collection = evaluate(node.collection, this.resolve, this.strings, this.budget);
    // HCL iterates a list by index and a map by its keys in lexical order.
    let items: [unknown, unknown][] | null = null;
    if (Array.isArray(collection)) items = collection.map((v, i) => [i, v]);
    else if (isPlainObject(collection)) items = Object.keys(collection).sort().map((k) => [k, collection[k]]);
    const frame = new Map<string, unknown>();
    this.locals.push(frame);
    try {
      if (items === null) {
        if (node.keyName !== null) frame.set(node.keyName, UNKNOWN);
        frame.set(node.valueName, UNKNOWN);
        this.render(node.body, true);
        return;
      }
      for (const [key, value] of items) {
        if (++this.state.iterations > MAX_ITERATIONS) throw new LimitReached(`more than ${MAX_ITERATIONS} loop iterations`);
        if (node.keyName !== null) frame.set(node.keyName, key);
        frame.set(node.valueName, value);
        this.render(node.body, maybe);
      }
    } finally {
      this.locals.pop();
    }
  }
}

/**
 * Renders a Terraform template file (`main.cf.tftpl`) with the variables of
 * the `templatefile(...)` call that names it. A name the call does not pass
 * is unknown (Terraform would refuse to render).
 */
export function renderTerraformTemplate(file: SourceFile, vars: VariableScope): RenderedTemplate {
  const index = new LineIndex(file.text);
  const used = new Map<string, VariableOrigin | null>();
  const empty = fragmentOf(file.path, '', 'terraform', []);
  let nodes: TemplateNode[];
  try {
    nodes = parseHclTemplate(file.text);
  } catch (error) {
    if (!(error instanceof HclError)) throw error;
    const where = index.position(error.offset);
    return { fragment: empty, diagnostics: [{ line: where.line, column: where.column, message: error.message }], usedVariables: [], skipped: [] };
  }
  const originOf = (vars as Partial<LanguageVariables>).lookupOrigin;
  const resolve: NameResolver = (name) => {
    const binding = vars.lookup(name);
    if (binding === undefined) return UNKNOWN;
    used.set(name, originOf?.(name) ?? binding.origin);
    return binding.value;
  };
  const sink = new PieceSink(MAX_OUTPUT);
  const budget = new EvaluationBudget();
  const renderer = new TerraformRenderer(file.text, sink, resolve, { iterations: 0 }, stringTemplate, budget);
  const diagnostics: RenderedTemplate['diagnostics'] = [];
  try {
    renderer.render(nodes, false);
  } catch (error) {
    if (!(error instanceof LimitReached)) throw error;
    diagnostics.push({ line: 1, column: 1, message: error.message });
  }
  return {
    fragment: fragmentOf(file.path, file.text, 'terraform', sink.pieces, renderer.alternatives),
    diagnostics,
    usedVariables: [...used].map(([name, origin]) => ({ name, origin })).sort((a, b) => a.name.localeCompare(b.name)),
    skipped: [],
    notes: budget.exceeded === null ? [] : [{ line: 1, column: 1, message: budget.exceeded }],
  };
}
