import { UNKNOWN_MARK } from '../../../model/source.js';
import { EvaluationBudget } from '../../contracts/budget.js';
import { evaluate, type EvaluationContext, type NamespaceFunctions, type ResolvedVariables } from '../jinja2/evaluate.js';
import { parseExpressionText } from '../jinja2/expression.js';
import { containsUnknown, UNDEFINED, UNKNOWN } from '../../contracts/values.js';
import { pythonString } from '../jinja2/values.js';
import type { VariableOrigin, VariableScope } from '../../contracts/variables.js';
import { concat, expression, hostRange, slice, type MappedText } from './mapped-text.js';

/** Longest `{{ ... }}` we evaluate; a longer one is unknown (bounded work). */
const MAX_EXPRESSION_CHARS = 4096;

/**
 * Ansible templates every module argument with Jinja2 before the module
 * runs. We do it with the restricted evaluator over the role's plain-data
 * variables and the loop's `item`: each `{{ }}` becomes its value (mapped to
 * the whole tag) or UNKNOWN_MARK; a `{% %}` statement is unknown.
 */
export class ArgumentTemplating {
  readonly used = new Map<string, VariableOrigin | null>();
  private readonly resolved: ResolvedVariables = { values: new Map(), cuts: 0 };

  constructor(
    private readonly scope: VariableScope,
    private readonly locals: Map<string, unknown>,
    /** The deploying tool's namespaces (see Jinja2Options.namespaces). */
    private readonly namespaces?: ReadonlyMap<string, NamespaceFunctions>,
    /** The host file's evaluation budget (one per file: pass the same one to every task's templating). */
    readonly budget: EvaluationBudget = new EvaluationBudget(),
  ) {}

  /** The text with every `{{ }}` and `{% %}` replaced; `unknown` when any could not be resolved. */
  render(m: MappedText): { text: MappedText; unknown: boolean } {
    const text = m.text;
    if (!text.includes('{{') && !text.includes('{%')) return { text: m, unknown: false };
    const parts: MappedText[] = [];
    let unknown = false;
    let cursor = 0;
    for (;;) {
      const open = nextOpen(text, cursor);
      if (open === -1) break;
      const closer = text.startsWith('{{', open) ? '}}' : '%}';
      const close = text.indexOf(closer, open + 2);
      if (close === -1) break;
      parts.push(slice(m, cursor, open));
      const inner = text.slice(open + 2, close);
      const value = closer === '}}' ? this.evaluateText(inner) : UNKNOWN;
      const start = hostRange(m, open).start;
      const end = hostRange(m, close + 1).end;
      if (value === UNKNOWN || value === UNDEFINED || containsUnknown(value) || !this.budget.walk(value)) {
        unknown = true;
        parts.push(expression(UNKNOWN_MARK, start, end));
      } else {
        parts.push(expression(pythonString(value), start, end));
      }
      cursor = close + 2;
    }
    parts.push(slice(m, cursor, text.length));
    return { text: concat(parts), unknown };
  }

  /**
   * The typed value of an argument that is exactly one `{{ expr }}` (a loop
   * over a list variable keeps the list), else its rendered string.
   */
  value(text: string): unknown {
    const trimmed = text.trim();
    if (trimmed.startsWith('{{') && trimmed.endsWith('}}') && trimmed.indexOf('{{', 2) === -1) {
      return this.evaluateText(trimmed.slice(2, -2));
    }
    if (!text.includes('{{') && !text.includes('{%')) return text;
    return this.renderString(text);
  }

  private evaluateText(inner: string, context: EvaluationContext = this.context()): unknown {
    let source = inner;
    if (source.startsWith('-')) source = source.slice(1);
    if (source.endsWith('-')) source = source.slice(0, -1);
    if (source.length > MAX_EXPRESSION_CHARS) return UNKNOWN;
    try {
      return evaluate(parseExpressionText(source, 0), context);
    } catch {
      return UNKNOWN;
    }
  }

  private context(): EvaluationContext {
    return {
      scope: this.scope,
      locals: [this.locals],
      used: this.used,
      renderString: (value, inner) => this.renderString(value, inner),
      depth: 0,
      resolving: new Set(),
      namespaces: this.namespaces,
      budget: this.budget,
      resolved: this.resolved,
    };
  }

  /**
   * A variable's own Jinja text (`"{{ other }}/main.cf"`), evaluated in the
   * evaluator's context so that its depth and cycle guards hold.
   */
  private renderString(value: string, context: EvaluationContext = this.context()): unknown {
    const trimmed = value.trim();
    if (trimmed.startsWith('{{') && trimmed.endsWith('}}') && trimmed.indexOf('{{', 2) === -1) {
      return this.evaluateText(trimmed.slice(2, -2), context);
    }
    if (value.includes('{%')) return UNKNOWN;
    let out = '';
    let cursor = 0;
    for (;;) {
      const open = value.indexOf('{{', cursor);
      if (open === -1) break;
      const close = value.indexOf('}}', open + 2);
      if (close === -1) return UNKNOWN;
      const result = this.evaluateText(value.slice(open + 2, close), context);
      if (result === UNKNOWN || result === UNDEFINED || containsUnknown(result) || !context.budget.walk(result)) return UNKNOWN;
      const part = pythonString(result);
      if (!context.budget.text(part.length + open - cursor)) return UNKNOWN;
      out += value.slice(cursor, open) + part;
      cursor = close + 2;
    }
    return out + value.slice(cursor);
  }
}

function nextOpen(text: string, from: number): number {
  const a = text.indexOf('{{', from);
  const b = text.indexOf('{%', from);
  if (a === -1) return b;
  if (b === -1) return a;
  return Math.min(a, b);
}
