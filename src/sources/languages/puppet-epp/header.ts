import { EvaluationBudget } from '../../contracts/budget.js';
import type { PuppetEvaluator, EppParameter } from './puppet-evaluate.js';
import { lexPuppet, type PuppetToken } from './puppet-lexer.js';
import { parsePuppetTokens } from './puppet-expression.js';

/**
 * Parameters of a Puppet parameter list (`String $a = 'x', Array[String] $b = []`):
 * an EPP header or a class's. Only defaults that are literal (they read no
 * variable) are kept; any other default is unknown. `lineOf` turns an offset into a line.
 */
export function readParameters(
  code: string,
  offset: number,
  file: string,
  lineOf: (offset: number) => number,
  literal: PuppetEvaluator,
): EppParameter[] | null {
  const tokens = lexPuppet(code, offset);
  if (tokens === null) return null;
  const parameters: EppParameter[] = [];
  const budget = new EvaluationBudget();
  for (const part of splitTopLevel(tokens)) {
    const at = part.findIndex((t) => t.type === 'variable');
    const variable = part[at];
    if (variable === undefined || variable.type !== 'variable') continue;
    const equals = part[at + 1];
    const origin = { file, line: lineOf(variable.offset) };
    if (equals === undefined || !(equals.type === 'punct' && equals.value === '=')) {
      parameters.push({ name: variable.value, hasDefault: false, value: null, origin });
      continue;
    }
    const expression = parsePuppetTokens(part.slice(at + 2), 'default');
    const value = literal.evaluate(expression, { locals: [new Map<string, unknown>()], used: new Map(), budget });
    parameters.push({ name: variable.value, hasDefault: true, value, origin });
  }
  return parameters;
}

/** Splits at commas outside brackets, braces and parentheses. */
function splitTopLevel(tokens: PuppetToken[]): PuppetToken[][] {
  const parts: PuppetToken[][] = [];
  let current: PuppetToken[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.type === 'punct') {
      if (token.value === '[' || token.value === '{' || token.value === '(') depth++;
      else if (token.value === ']' || token.value === '}' || token.value === ')') depth--;
      else if (token.value === ',' && depth === 0) {
        parts.push(current);
        current = [];
        continue;
      }
    }
    current.push(token);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
