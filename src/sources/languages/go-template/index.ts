import { LineIndex, type SourceFile } from '../../../model/source.js';
import { EvaluationBudget } from '../../contracts/budget.js';
import type { RenderedTemplate, LanguageVariables, TemplateDiagnostic } from '../../contracts/template-language.js';
import type { VariableOrigin, VariableScope } from '../../contracts/variables.js';
import { ROOT, type GoContext, type Ref } from './evaluate.js';
import { lexTemplate } from './lexer.js';
import { parseTemplate } from './parser.js';
import { fragmentOf } from '../pieces.js';
import { GoRenderer } from './render.js';
import { UNDEFINED, UNKNOWN } from './values.js';

/**
 * Renders a Go template (Helm, or any `.tmpl`) with the restricted
 * evaluator: `.` and `$` are the scope's variables (`.Values`, `.Chart`...);
 * nothing is executed, named templates (`include`, `template`) are unknown.
 */
export function renderGoTemplate(file: SourceFile, vars: VariableScope, options: { yamlManifest?: boolean } = {}): RenderedTemplate {
  const index = new LineIndex(file.text);
  const at = (offset: number) => index.position(offset);
  const lexed = lexTemplate(file.text, at);
  const empty = fragmentOf(file.path, '', 'go-template', []);
  if (lexed.diagnostics.length > 0) return { fragment: empty, diagnostics: lexed.diagnostics, usedVariables: [], skipped: [] };
  const parsed = parseTemplate(file.text, lexed.chunks, at);
  if (parsed.diagnostics.length > 0) return { fragment: empty, diagnostics: parsed.diagnostics, usedVariables: [], skipped: [] };
  const origins = (vars as Partial<LanguageVariables>).lookupOrigin;
  const root: Ref = { value: ROOT, path: null };
  const context: GoContext = {
    frames: [new Map([['$', root]])],
    used: new Map(),
    skipped: [],
    offset: 0,
    budget: new EvaluationBudget(),
    rootField(name) {
      const binding = vars.lookup(name);
      if (binding === undefined) return { value: name === 'Values' ? UNDEFINED : UNKNOWN, path: name };
      return { value: binding.value, path: name };
    },
    origin(path): VariableOrigin | null {
      if (origins !== undefined) return origins(path) ?? null;
      return vars.lookup(path.split('.')[0] ?? '')?.origin ?? null;
    },
  };
  const renderer = new GoRenderer(file.text, context, at, options.yamlManifest ?? false);
  const output = renderer.run(parsed.nodes, root);
  const spent = context.budget.exceeded;
  return {
    fragment: fragmentOf(file.path, file.text, 'go-template', output.pieces, output.alternatives),
    diagnostics: output.diagnostics,
    usedVariables: [...context.used].map(([name, origin]) => ({ name, origin })).sort((a, b) => a.name.localeCompare(b.name)),
    skipped: context.skipped.map((s) => ({ ...at(s.offset), tag: s.tag })),
    notes: spent === null ? [] : [{ ...at(renderer.budgetSpentAt ?? 0), message: spent }],
  };
}

/** The first error Go's text/template parser would report on `text` (nothing is evaluated), or null when it parses. */
export function goTemplateSyntaxError(text: string): TemplateDiagnostic | null {
  const index = new LineIndex(text);
  const at = (offset: number) => index.position(offset);
  const lexed = lexTemplate(text, at);
  if (lexed.diagnostics.length > 0) return lexed.diagnostics[0] ?? null;
  return parseTemplate(text, lexed.chunks, at).diagnostics[0] ?? null;
}

/**
 * An action that starts the way only Go template actions do: a field of dot
 * (`.FQDN`, `.` alone), a variable (`$x`), or a control keyword
 * (`if`, `else`, `end`, `range`, `with`, ...) as the action's first word.
 * Jinja2 reads `{{ end }}` or `{{ if .X }}` as variables named `end` and
 * `if`, so a file whose every tag Jinja2 also parses is Go's when one of its
 * actions is written this way. Sticky, anchored at the action's body:
 * it reads at most that body (white space then one word).
 */
const GO_ACTION_START = /[ \t\r\n]*(?:\.(?![0-9])|\$|(?:if|else|end|range|with|define|template|block|break|continue)\b)/y;

/** Whether an action of `text` is written as only Go templates write one (GO_ACTION_START). */
export function hasGoActionSyntax(text: string): boolean {
  const lexed = lexTemplate(text, () => ({ line: 0, column: 0 }));
  for (const chunk of lexed.chunks) {
    if (chunk.type !== 'action') continue;
    GO_ACTION_START.lastIndex = chunk.bodyStart;
    if (GO_ACTION_START.test(text)) return true;
  }
  return false;
}
