import { EvaluationBudget } from '../../contracts/budget.js';
import { LineIndex } from '../../../model/source.js';
import { renderNodes } from '../ruby-erb/render.js';
import { scanTags, type TagToken } from '../ruby-erb/tags.js';
import { buildTree } from '../ruby-erb/tree.js';
import type { RenderedTemplate, TemplateDiagnostic } from '../../contracts/template-language.js';
import { plainScope, type VariableScope } from '../../contracts/variables.js';
import { readParameters } from './header.js';
import { PuppetEvaluator, type EppParameter } from './puppet-evaluate.js';
import { parsePuppet } from './puppet-expression.js';
import { puppetStatements } from './puppet-statements.js';

/**
 * The parameter header `<%- | String $a = 'x' | -%>`: Puppet accepts it only
 * as the template's first tag (whitespace and comments before it).
 */
function takeHeader(
  path: string,
  tokens: TagToken[],
  index: LineIndex,
): { parameters: Map<string, EppParameter>; rest: TagToken[]; diagnostics: TemplateDiagnostic[] } {
  const parameters = new Map<string, EppParameter>();
  const first = tokens.findIndex((t) => t.type !== 'text' || t.text.trim() !== '');
  const tag = tokens[first];
  if (tag === undefined || tag.type !== 'code') return { parameters, rest: tokens, diagnostics: [] };
  const code = tag.code.trim();
  if (!code.startsWith('|')) return { parameters, rest: tokens, diagnostics: [] };
  const where = index.position(tag.start);
  if (!code.endsWith('|') || code.length < 2) {
    return { parameters, rest: tokens, diagnostics: [{ ...where, message: "parameter header '|' is not closed" }] };
  }
  const inner = tag.codeOffset + tag.code.indexOf('|') + 1;
  const literal = new PuppetEvaluator(plainScope({}), new Map());
  const read = readParameters(code.slice(1, -1), inner, path, (o) => index.position(o).line, literal);
  if (read === null) return { parameters, rest: tokens, diagnostics: [{ ...where, message: 'parameter header cannot be read' }] };
  for (const parameter of read) parameters.set(parameter.name, parameter);
  return { parameters, rest: tokens.slice(first + 1), diagnostics: [] };
}

/**
 * Renders a Puppet EPP template with the restricted Puppet evaluator (never
 * Puppet itself). Header parameters take the value the caller passes (the
 * scope binds the short name) or their default.
 */
export function renderEpp(path: string, text: string, scope: VariableScope): RenderedTemplate {
  const index = new LineIndex(text);
  const at = (offset: number) => index.position(offset);
  const scanned = scanTags(text, 'epp', at);
  const env = { locals: [new Map<string, unknown>()], used: new Map(), budget: new EvaluationBudget() };
  const header = takeHeader(path, scanned.tokens, index);
  const evaluator = new PuppetEvaluator(scope, header.parameters);
  const early = [...scanned.diagnostics, ...header.diagnostics];
  if (early.length > 0) return renderNodes(path, text, 'epp', null, early, evaluator, env);
  const tree = buildTree(header.rest, { statements: puppetStatements, expression: parsePuppet }, at);
  return renderNodes(path, text, 'epp', tree.nodes, tree.diagnostics, evaluator, env);
}
