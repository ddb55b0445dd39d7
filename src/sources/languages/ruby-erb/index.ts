import { EvaluationBudget } from '../../contracts/budget.js';
import { LineIndex } from '../../../model/source.js';
import type { RenderedTemplate } from '../../contracts/template-language.js';
import type { VariableScope } from '../../contracts/variables.js';
import { renderNodes } from './render.js';
import { RubyEvaluator } from './ruby-evaluate.js';
import { parseRuby } from './ruby-expression.js';
import { rubyStatements } from './ruby-statements.js';
import { scanTags, type TrimRules } from './tags.js';
import { buildTree } from './tree.js';

/**
 * Renders an ERB template with the restricted Ruby evaluator (never Ruby
 * itself). Tags are trimmed as the engine that renders it does: Erubis for
 * Chef's template resource (the default), Ruby's ERB with trim mode `-` for
 * Puppet's template() (./tags.ts).
 */
export function renderErb(path: string, text: string, scope: VariableScope, engine: Exclude<TrimRules, 'epp'> = 'erubis'): RenderedTemplate {
  const index = new LineIndex(text);
  const at = (offset: number) => index.position(offset);
  const scanned = scanTags(text, engine, at);
  const env = { locals: [new Map<string, unknown>()], used: new Map(), budget: new EvaluationBudget() };
  const evaluator = new RubyEvaluator(scope);
  if (scanned.diagnostics.length > 0) return renderNodes(path, text, 'erb', null, scanned.diagnostics, evaluator, env);
  const tree = buildTree(scanned.tokens, { statements: rubyStatements, expression: parseRuby }, at);
  return renderNodes(path, text, 'erb', tree.nodes, tree.diagnostics, evaluator, env);
}
