import { LineIndex, UNKNOWN_MARK, type SourceFile } from '../../../model/source.js';
import { SourceMap, type Fragment } from '../../contracts/fragment.js';
import type { RenderedTemplate, TemplateDiagnostic } from '../../contracts/template-language.js';
import { EvaluationBudget } from '../../contracts/budget.js';
import { UNKNOWN } from '../../contracts/values.js';
import type { VariableOrigin, VariableScope } from '../../contracts/variables.js';
import { DEFAULT_LIMITS, fragmentOf, type RenderLimits } from '../pieces.js';
import { evaluate, type EvaluationContext, type NamespaceFunctions } from './evaluate.js';
import { parseExpressionText } from './expression.js';
import { parseTemplate } from './parser.js';
import { Renderer } from './render.js';

export interface Jinja2Options {
  /** Ansible's template module default (true); plain Jinja2 and Salt default to false. */
  trimBlocks: boolean;
  limits: RenderLimits;
  /** Namespaces the deploying tool adds to the template's globals (Salt's `salt`); none by default. */
  namespaces?: ReadonlyMap<string, NamespaceFunctions>;
  /** `#` lines are comments in the rendered file (see EvaluationContext.hashComments). */
  hashComments?: boolean;
  /** Render every possible branch of an unknown `if` (see EvaluationContext.allBranches). */
  allBranches?: boolean;
}

export const ANSIBLE_OPTIONS: Jinja2Options = { trimBlocks: true, limits: DEFAULT_LIMITS };

export interface Jinja2Result {
  fragment: Fragment;
  diagnostics: TemplateDiagnostic[];
  usedVariables: Map<string, VariableOrigin | null>;
  /** Tags rendered as nothing (include, import, macro bodies...), at template positions. */
  skipped: { line: number; column: number; tag: string }[];
  /** The evaluation budget ran out here: the values after it are unknown (a note, not an unreadable file). */
  notes: TemplateDiagnostic[];
}

/** A whole `{{ expr }}` value keeps its type (Ansible: a list stays a list). */
const SINGLE_EXPRESSION = /^\s*\{\{-?([\s\S]*?)-?\}\}\s*$/;

export function renderJinja2(path: string, text: string, scope: VariableScope, options: Jinja2Options = ANSIBLE_OPTIONS): Jinja2Result {
  const index = new LineIndex(text);
  const at = (offset: number) => index.position(offset);
  const context: EvaluationContext = {
    scope,
    locals: [new Map<string, unknown>()],
    used: new Map(),
    renderString: (value, inner) => renderVariableText(value, inner, options),
    depth: 0,
    resolving: new Set(),
    namespaces: options.namespaces,
    budget: new EvaluationBudget(),
    resolved: { values: new Map(), cuts: 0 },
    hashComments: options.hashComments,
    allBranches: options.allBranches,
  };
  const parsed = parseTemplate(text, options, at);
  const empty = (): Fragment => ({ file: path, text: '', form: 'jinja2', map: new SourceMap([]), maybeLines: new Set(), alternatives: [] });
  if (parsed.diagnostics.length > 0) {
    return { fragment: empty(), diagnostics: parsed.diagnostics, usedVariables: context.used, skipped: [], notes: [] };
  }
  const output = new Renderer(text, context, options.limits, at).run(parsed.nodes);
  const spent = context.budget.exceeded;
  return {
    fragment: fragmentOf(path, text, 'jinja2', output.pieces, output.alternatives),
    diagnostics: output.diagnostics,
    usedVariables: context.used,
    skipped: output.skipped.map((s) => ({ ...index.position(s.offset), tag: s.tag })),
    notes: spent === null ? [] : [{ ...index.position(output.budgetSpentAt ?? 0), message: spent }],
  };
}

/**
 * The first error Jinja2 itself would raise compiling `text` (the parse
 * alone: nothing is evaluated), or null when it compiles. Whitespace
 * options change what a template prints, never whether it parses.
 */
export function jinja2SyntaxError(text: string): TemplateDiagnostic | null {
  const index = new LineIndex(text);
  return parseTemplate(text, ANSIBLE_OPTIONS, (o) => index.position(o)).diagnostics[0] ?? null;
}

/**
 * Renders a Jinja2 template with the restricted evaluator: the common
 * RenderedTemplate (used variables sorted by name). Parse
 * `{ path: fragment.file, text: fragment.text }` with the MTA parser, then
 * `remapSpans(model, fragment)` to put every span back on the template.
 */
export function renderJinja2Template(file: SourceFile, vars: VariableScope, options: Jinja2Options = ANSIBLE_OPTIONS): RenderedTemplate {
  const result = renderJinja2(file.path, file.text, vars, options);
  return {
    fragment: result.fragment,
    diagnostics: result.diagnostics,
    usedVariables: [...result.usedVariables].map(([name, origin]) => ({ name, origin })).sort((a, b) => a.name.localeCompare(b.name)),
    skipped: result.skipped,
    notes: result.notes,
  };
}

/** A variable's value that is itself Jinja text, rendered with the same restricted evaluator. */
function renderVariableText(value: string, context: EvaluationContext, options: Jinja2Options): unknown {
  const single = SINGLE_EXPRESSION.exec(value);
  if (single !== null && !(single[1] ?? '').includes('}}')) {
    try {
      return evaluate(parseExpressionText(single[1] ?? '', 0), context);
    } catch {
      return UNKNOWN;
    }
  }
  const index = new LineIndex(value);
  const parsed = parseTemplate(value, options, (o) => index.position(o));
  if (parsed.diagnostics.length > 0) return UNKNOWN;
  const output = new Renderer(value, context, options.limits, (o) => index.position(o)).run(parsed.nodes);
  if (output.diagnostics.length > 0) return UNKNOWN;
  const text = output.pieces.map((p) => p.text).join('');
  return text.includes(UNKNOWN_MARK) ? UNKNOWN : text;
}
