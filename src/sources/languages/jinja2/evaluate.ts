import type { EvaluationBudget } from '../../contracts/budget.js';
import type { VariableOrigin, VariableScope } from '../../contracts/variables.js';
import type { CallArguments, Expression } from './expression.js';
import { containsUnknown, isPlainObject, UNDEFINED, UNKNOWN } from '../../contracts/values.js';
import { applyFilter } from './filters.js';
import { filterGrowth, methodGrowth } from './growth.js';
import { callMethod } from './methods.js';
import { applyTest, pythonIn } from './tests.js';
import { dataRecord, pythonEqual, pythonString, truthy } from './values.js';

/**
 * The restricted evaluator: plain data only. Variable lookup (dotted and
 * indexed), the filters of ./filters.ts, the tests of ./tests.ts, the
 * methods of ./methods.ts, operators, inline if/else. Everything else is
 * UNKNOWN. Nothing here can run code from the repository.
 */
export interface EvaluationContext {
  scope: VariableScope;
  /** Innermost last: `set` and loop variables. */
  locals: Map<string, unknown>[];
  /** Repository variables read, by name, with where they are defined. */
  used: Map<string, VariableOrigin | null>;
  /** Renders a variable's own Jinja text (`"{{ other }}"`), bounded by `depth`. */
  renderString: (text: string, context: EvaluationContext) => unknown;
  depth: number;
  /** Names being resolved right now (a variable defined through itself is unknown). */
  resolving: Set<string>;
  /** Namespaces the template's tool provides (`salt[...]`), by name; none in plain Jinja2. */
  namespaces?: ReadonlyMap<string, NamespaceFunctions>;
  /** The file's evaluation budget: every value built and walked is charged; spent, every value is unknown. */
  budget: EvaluationBudget;
  /** Repository variables already resolved (shared by every copy of the context), see lookupName. */
  resolved: ResolvedVariables;
  /**
   * Lines starting with `#` are comments in the rendered file (main.cf,
   * master.cf, sendmail.cf; not an m4 .mc, where cf.m4's changecom() makes
   * `#` text live): the `comment` filter's output is known to be inert even
   * when the commented text is not.
   */
  hashComments?: boolean;
  /**
   * Render every branch an unknown condition leaves possible, each "maybe"
   * (a Salt state file, whose branches define different states), instead of
   * the first one with the rest as alternatives (a mail file, whose parameters
   * the alternatives mark unknown).
   */
  allBranches?: boolean;
}

/**
 * A repository variable's templated value depends only on the variables (it
 * is rendered without the template's locals), so each is resolved once per
 * file: `v0: "{{ v1 ~ v1 }}"` over fifteen levels is fifteen resolutions, not
 * 2^15. A value cut short by a cycle or the depth limit is not kept (read
 * from a shallower place it can be known).
 */
export interface ResolvedVariables {
  values: Map<string, unknown>;
  /** Cuts so far (cycle or depth); a resolution that saw none is kept. */
  cuts: number;
}

/**
 * A call through a namespace a tool puts in the template's globals
 * (`salt['pillar.get'](key, default)`): the member asked for, and the
 * arguments read only on demand, so a member the tool does not evaluate reads
 * none of them (reading a variable records it as used).
 */
export interface NamespaceCall {
  member: unknown;
  args(): unknown[];
  /** The keyword argument's value, or undefined when the call does not pass it. */
  kwarg(name: string): (() => unknown) | undefined;
  scope: VariableScope;
  used: Map<string, VariableOrigin | null>;
}

/** A tool's namespace: the value of a call through it (UNKNOWN for members it does not evaluate). */
export type NamespaceFunctions = (call: NamespaceCall) => unknown;

export const MAX_VARIABLE_DEPTH = 16;

const TEMPLATE_MARKERS = /\{\{|\{%/;

/** Node types whose value is built here (a new list, dict, string): charged by their expanded size. */
const BUILDS = new Set<Expression['type']>(['list', 'dict', 'filter', 'call']);

/**
 * One evaluation step, charged to the file's budget, one level deeper in its
 * recursion (the parser bounds a tree's depth; the budget bounds it through
 * variables defined by variables). Spent: UNKNOWN.
 */
export function evaluate(expression: Expression, context: EvaluationContext): unknown {
  return context.budget.evaluate(BUILDS.has(expression.type), () => evaluateNode(expression, context));
}

function evaluateNode(expression: Expression, context: EvaluationContext): unknown {
  switch (expression.type) {
    case 'literal':
      return expression.value;
    case 'name':
      return lookupName(expression.name, context);
    case 'attribute':
      return member(evaluate(expression.object, context), expression.name);
    case 'index':
      return member(evaluate(expression.object, context), evaluate(expression.index, context));
    case 'list': {
      return expression.items.map((item) => evaluate(item, context));
    }
    case 'dict': {
      // Template data: a null-prototype map (a `'__proto__'` key is a key like any other), with
      // string keys only: a dict literal with other keys prints differently in Python.
      const result = dataRecord([]);
      for (const [k, v] of expression.entries) {
        const key = evaluate(k, context);
        if (typeof key !== 'string') return UNKNOWN;
        result[key] = evaluate(v, context);
      }
      return result;
    }
    case 'not': {
      const t = truthy(evaluate(expression.operand, context));
      return t === UNKNOWN ? UNKNOWN : !t;
    }
    case 'negate': {
      const v = evaluate(expression.operand, context);
      return typeof v === 'number' ? -v : UNKNOWN;
    }
    case 'conditional': {
      const t = truthy(evaluate(expression.test, context));
      if (t === UNKNOWN) return UNKNOWN;
      if (t) return evaluate(expression.then, context);
      // Jinja2: a missing else gives undefined, which prints as ''.
      return expression.otherwise === null ? '' : evaluate(expression.otherwise, context);
    }
    case 'binary':
      return binary(expression.op, expression.left, expression.right, context);
    case 'filter':
      return filter(expression, context);
    case 'test':
      return test(expression, context);
    case 'call':
      return call(expression, context);
  }
}

function lookupName(name: string, context: EvaluationContext): unknown {
  for (let i = context.locals.length - 1; i >= 0; i--) {
    const frame = context.locals[i] as Map<string, unknown>;
    if (frame.has(name)) return frame.get(name);
  }
  const binding = context.scope.lookup(name);
  if (binding === undefined) return UNDEFINED;
  context.used.set(name, binding.origin);
  const resolved = context.resolved;
  if (resolved.values.has(name)) return resolved.values.get(name);
  if (context.resolving.has(name) || context.depth >= MAX_VARIABLE_DEPTH) {
    resolved.cuts++;
    return UNKNOWN;
  }
  context.resolving.add(name);
  const cuts = resolved.cuts;
  try {
    // Variables are templated in the variables' own context, not with the template's loop or set names.
    const value = resolveTemplated(binding.value, { ...context, locals: [new Map<string, unknown>()], depth: context.depth + 1 }, 0);
    if (resolved.cuts === cuts && !context.budget.exhausted) resolved.values.set(name, value);
    return value;
  } finally {
    context.resolving.delete(name);
  }
}

/** Ansible templates variable values lazily: strings holding `{{ }}` are rendered when read. */
function resolveTemplated(value: unknown, context: EvaluationContext, depth: number): unknown {
  if (depth > 32) return UNKNOWN;
  if (typeof value === 'string') return TEMPLATE_MARKERS.test(value) ? context.renderString(value, context) : value;
  if (Array.isArray(value)) return value.map((v) => resolveTemplated(v, context, depth + 1));
  if (isPlainObject(value)) return dataRecord(Object.entries(value).map(([k, v]) => [k, resolveTemplated(v, context, depth + 1)]));
  return value;
}

function member(object: unknown, key: unknown): unknown {
  if (object === UNKNOWN || object === UNDEFINED || key === UNKNOWN || key === UNDEFINED) return UNKNOWN;
  if (Array.isArray(object) && typeof key === 'number') {
    const index = key < 0 ? object.length + key : key;
    return index >= 0 && index < object.length ? object[index] : UNDEFINED;
  }
  if (isPlainObject(object) && (typeof key === 'string' || typeof key === 'number')) {
    const k = String(key);
    return Object.prototype.hasOwnProperty.call(object, k) ? object[k] : UNDEFINED;
  }
  return UNKNOWN;
}

/**
 * `a ~ b ~ c`: Jinja2 parses a `~` chain as one Concat node, so it is
 * evaluated here in one loop over the chain's left spine (however long),
 * every operand read (each read variable is recorded), the text charged.
 */
function concatenation(chain: Expression, context: EvaluationContext): unknown {
  const operands: Expression[] = [];
  let node = chain;
  while (node.type === 'binary' && node.op === '~') {
    operands.push(node.right);
    node = node.left;
  }
  operands.push(node);
  let text = '';
  let unknown = false;
  for (let i = operands.length - 1; i >= 0; i--) {
    const value = evaluate(operands[i] as Expression, context);
    if (unknown || containsUnknown(value) || !context.budget.walk(value)) {
      unknown = true;
      continue;
    }
    const part = pythonString(value);
    if (!context.budget.text(part.length)) unknown = true;
    else text += part;
  }
  return unknown ? UNKNOWN : text;
}

function binary(op: string, leftExpression: Expression, rightExpression: Expression, context: EvaluationContext): unknown {
  if (op === '~') return concatenation({ type: 'binary', op, left: leftExpression, right: rightExpression }, context);
  const left = evaluate(leftExpression, context);
  if (op === 'and' || op === 'or') {
    const t = truthy(left);
    if (t === UNKNOWN) return UNKNOWN;
    if (op === 'and') return t ? evaluate(rightExpression, context) : left;
    return t ? left : evaluate(rightExpression, context);
  }
  const right = evaluate(rightExpression, context);
  if (containsUnknown(left) || containsUnknown(right)) return UNKNOWN;
  if (!context.budget.walk(left) || !context.budget.walk(right)) return UNKNOWN;
  switch (op) {
    case '==':
      return pythonEqual(left, right);
    case '!=':
      return !pythonEqual(left, right);
    case 'in':
      return pythonIn(left, right);
    case '+':
      if (typeof left === 'number' && typeof right === 'number') return left + right;
      if (typeof left === 'string' && typeof right === 'string') return context.budget.text(left.length + right.length) ? left + right : UNKNOWN;
      if (Array.isArray(left) && Array.isArray(right)) return context.budget.built(left) && context.budget.built(right) ? [...(left as unknown[]), ...(right as unknown[])] : UNKNOWN;
      return UNKNOWN;
    default:
      break;
  }
  const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
  if (!comparable) return UNKNOWN;
  const a = left as number;
  const b = right as number;
  switch (op) {
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
  }
  if (typeof left !== 'number' || typeof right !== 'number') return UNKNOWN;
  switch (op) {
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/': {
      // Python's true division gives a float, printed `2.0` where JavaScript prints `2`: only a fractional result is known.
      const q = right === 0 ? Number.NaN : left / right;
      return Number.isFinite(q) && !Number.isInteger(q) ? q : UNKNOWN;
    }
    case '**':
      return Number.isInteger(left) && Number.isInteger(right) && right >= 0 && Math.abs(left ** right) <= Number.MAX_SAFE_INTEGER ? left ** right : UNKNOWN;
    case '//':
      return right === 0 ? UNKNOWN : Math.floor(left / right);
    case '%':
      return right === 0 ? UNKNOWN : left - right * Math.floor(left / right);
    default:
      return UNKNOWN;
  }
}

/**
 * The values a call passes, as Python passes `f(a, *b, k=1, **d)` (Jinja2
 * compiles a call to one): the positional arguments then the items of `*b`,
 * the keywords then the entries of `**d`. Null when a spread is not a list
 * (for `*`) or a dict (for `**`) relaygate knows, or when `**d` repeats a
 * keyword (Python's "got multiple values" TypeError): what is passed is unknown.
 */
export function callArguments(expression: Pick<CallArguments, 'args' | 'starArgs' | 'starKwargs'> & { kwargs?: Record<string, Expression> }, context: EvaluationContext): { args: unknown[]; kwargs: Record<string, unknown> } | null {
  const args = expression.args.map((a) => evaluate(a, context));
  const kwargs = dataRecord(Object.entries(expression.kwargs ?? {}).map(([k, v]) => [k, evaluate(v, context)]));
  if (expression.starArgs !== undefined) {
    const items = evaluate(expression.starArgs, context);
    if (!Array.isArray(items) || !context.budget.walk(items)) return null;
    args.push(...(items as unknown[]));
  }
  if (expression.starKwargs !== undefined) {
    const entries = evaluate(expression.starKwargs, context);
    if (!isPlainObject(entries) || containsUnknown(entries) || !context.budget.walk(entries)) return null;
    for (const [k, v] of Object.entries(entries)) {
      if (Object.prototype.hasOwnProperty.call(kwargs, k)) return null;
      kwargs[k] = v;
    }
  }
  return { args, kwargs };
}

function filter(expression: Extract<Expression, { type: 'filter' }>, context: EvaluationContext): unknown {
  const operand = evaluate(expression.operand, context);
  const passed = callArguments(expression, context);
  if (passed === null) return UNKNOWN;
  const { args, kwargs } = passed;
  if (expression.name !== 'default' && expression.name !== 'd' && !containsUnknown(operand) && !args.some(containsUnknown)) {
    // The filter reads its operand whole; one that multiplies its inputs is charged before it runs.
    if (!context.budget.walk(operand) || !context.budget.text(filterGrowth(expression.name, operand, args, kwargs))) return UNKNOWN;
  }
  return applyFilter(expression.name, operand, { args, kwargs });
}

function test(expression: Extract<Expression, { type: 'test' }>, context: EvaluationContext): unknown {
  const operand = evaluate(expression.operand, context);
  const passed = callArguments(expression, context);
  if (passed === null) return UNKNOWN;
  const result = applyTest(expression.name, operand, passed.args);
  if (result === UNKNOWN) return UNKNOWN;
  return expression.negated ? !result : result;
}

/** `a.b.c` as root `a` and member `b.c`; null for anything else or a single name. */
function dottedMember(expression: Expression): { root: string; member: string } | null {
  const names: string[] = [];
  let node = expression;
  while (node.type === 'attribute') {
    names.unshift(node.name);
    node = node.object;
  }
  if (node.type !== 'name' || names.length < 2) return null;
  return { root: node.name, member: names.join('.') };
}

/** A tool namespace's member (`salt['pillar.get'](...)`), or a method of plain data (./methods.ts). */
function call(expression: Extract<Expression, { type: 'call' }>, context: EvaluationContext): unknown {
  // `name[member](...)` where the tool provides `name` (Salt's `salt`): the tool evaluates it.
  const callee = expression.callee;
  // `salt['pillar.get'](...)`, or the same member as attributes: `salt.pillar.get(...)`.
  const dotted = dottedMember(callee);
  const namespace =
    callee.type === 'index' && callee.object.type === 'name' ? context.namespaces?.get(callee.object.name) : dotted !== null ? context.namespaces?.get(dotted.root) : undefined;
  if (namespace !== undefined) {
    const spread = expression.starArgs !== undefined || expression.starKwargs !== undefined;
    // With a spread the tool cannot read one argument without the others: all are passed at once.
    const passed = spread ? callArguments(expression, context) : undefined;
    if (passed === null) return UNKNOWN;
    return namespace({
      member: callee.type === 'index' ? evaluate(callee.index, context) : dotted?.member,
      args: () => passed?.args ?? expression.args.map((a) => evaluate(a, context)),
      kwarg: (name) => {
        if (passed !== undefined) return Object.prototype.hasOwnProperty.call(passed.kwargs, name) ? () => passed.kwargs[name] : undefined;
        const argument = Object.prototype.hasOwnProperty.call(expression.kwargs, name) ? expression.kwargs[name] : undefined;
        return argument === undefined ? undefined : () => evaluate(argument, context);
      },
      scope: context.scope,
      used: context.used,
    });
  }
  if (expression.callee.type !== 'attribute') return UNKNOWN;
  const object = evaluate(expression.callee.object, context);
  // The str and dict methods read here are called with positional arguments only.
  if (Object.keys(expression.kwargs).length > 0 || expression.starKwargs !== undefined) return UNKNOWN;
  const passed = callArguments(expression, context);
  if (passed === null) return UNKNOWN;
  const args = passed.args;
  if (!containsUnknown(object) && !args.some(containsUnknown)) {
    if (!context.budget.walk(object) || !context.budget.text(methodGrowth(object, expression.callee.name, args))) return UNKNOWN;
  }
  return callMethod(object, expression.callee.name, args);
}
