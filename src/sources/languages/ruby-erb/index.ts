import { EvaluationBudget } from '../../contracts/budget.js';
import { LineIndex } from '../../../model/source.js';
import type { RenderedTemplate } from '../../contracts/template-language.js';
import type { VariableScope } from '../../contracts/variables.js';
import { renderNodes } from './render.js';
import { RubyEvaluator } from './ruby-evaluate.js';
import { parseRuby } from './ruby-expression.js';
import { rubyStatements } from './ruby-statements.js';
import { scanTags } from './tags.js';
import { buildTree } from './tree.js';

/**
 * Renders an ERB template with the restricted Ruby evaluator (never Ruby
 * itself). Tags follow Erubis, the ERB engine Chef's template resource uses.
 */
export function renderErb(path: string, text: string, scope: VariableScope): RenderedTemplate {
  const index = new LineIndex(text);
  const at = (offset: number) => index.position(offset);
  const scanned = scanTags(text, 'erubis', at);
  const env = { locals: [new Map<string, unknown>()], used: new Map(), budget: new EvaluationBudget() };
  const evaluator = new RubyEvaluator(scope);
  if (scanned.diagnostics.length > 0) return renderNodes(path, text, 'erb', null, scanned.diagnostics, evaluator, env);
  const tree = buildTree(scanned.tokens, { statements: rubyStatements, expression: parseRuby }, at);
  return renderNodes(path, text, 'erb', tree.nodes, tree.diagnostics, evaluator, env);
}
