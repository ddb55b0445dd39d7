import type { EvaluationBudget } from '../../contracts/budget.js';
import { dataRecord } from '../../../model/plain-data.js';
import type { VariableOrigin, VariableScope } from '../../contracts/variables.js';
import type { Expression } from './expression.js';
import { containsUnknown, deepEqual, isPlainObject, UNDEFINED, UNKNOWN } from '../../contracts/values.js';
import { pythonString, truthy } from './values.js';

/**
 * The restricted evaluator: plain data only. Variable lookup (dotted and
 * indexed), a handful of filters and tests, operators, inline if/else.
 * Everything else is UNKNOWN. Nothing here can run code from the repository.
 * Over 300 lines: filters, tests and calls evaluate their operands through
 * `evaluate`, which dispatches back to them; kept in one module so the
 * recursion does not become an import cycle.
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
      // Template data: a null-prototype map, so a `'__proto__'` key is a key like any other.
      const result = dataRecord();
      for (const [k, v] of expression.entries) {
        const key = evaluate(k, context);
        if (typeof key !== 'string' && typeof key !== 'number') return UNKNOWN;
        result[String(key)] = evaluate(v, context);
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
    const value = resolveTemplated(binding.value, { ...context, locals: [new Map()], depth: context.depth + 1 }, 0);
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
      return deepEqual(left, right);
    case '!=':
      return !deepEqual(left, right);
    case 'in':
      if (typeof right === 'string' && typeof left === 'string') return right.includes(left);
      if (Array.isArray(right)) return right.some((v) => deepEqual(v, left));
      if (isPlainObject(right) && typeof left === 'string') return Object.prototype.hasOwnProperty.call(right, left);
      return UNKNOWN;
    case '+':
      if (typeof left === 'number' && typeof right === 'number') return left + right;
      if (typeof left === 'string' && typeof right === 'string') return context.budget.text(left.length + right.length) ? left + right : UNKNOWN;
      if (Array.isArray(left) && Array.isArray(right)) return context.budget.built(left) && context.budget.built(right) ? [...left, ...right] : UNKNOWN;
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
    case '/':
      return right === 0 ? UNKNOWN : left / right;
    case '//':
      return right === 0 ? UNKNOWN : Math.floor(left / right);
    case '%':
      return right === 0 ? UNKNOWN : left - right * Math.floor(left / right);
    default:
      return UNKNOWN;
  }
}

/** Ansible's `bool` filter: yes/on/1/true (any case) are true, everything else false. */
function ansibleBool(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (value === null) return false;
  if (typeof value === 'number') return value === 1;
  if (typeof value === 'string') return ['yes', 'on', '1', 'true'].includes(value.trim().toLowerCase());
  return false;
}

function filter(expression: Extract<Expression, { type: 'filter' }>, context: EvaluationContext): unknown {
  const operand = evaluate(expression.operand, context);
  const args = expression.args.map((a) => evaluate(a, context));
  const kwargs = dataRecord(Object.entries(expression.kwargs).map(([k, v]) => [k, evaluate(v, context)]));
  switch (expression.name) {
    case 'default':
    case 'd': {
      const fallback = args[0] ?? kwargs.default_value ?? '';
      const boolean = truthy(args[1] ?? kwargs.boolean ?? false);
      if (operand === UNDEFINED) return fallback;
      if (operand === UNKNOWN) return UNKNOWN;
      if (boolean === true) {
        const t = truthy(operand);
        if (t === UNKNOWN) return UNKNOWN;
        return t ? operand : fallback;
      }
      return operand;
    }
    default:
      break;
  }
  if (containsUnknown(operand) || args.some(containsUnknown)) return UNKNOWN;
  if (!context.budget.walk(operand)) return UNKNOWN;
  switch (expression.name) {
    case 'join': {
      const separator = args[0] ?? kwargs.d ?? '';
      if (typeof separator !== 'string') return UNKNOWN;
      // Built whole before it is charged: the separator's share is checked first.
      const items = Array.isArray(operand) ? operand.length : isPlainObject(operand) ? Object.keys(operand).length : pythonString(operand).length;
      if (!context.budget.text(Math.max(0, items - 1) * separator.length)) return UNKNOWN;
      if (Array.isArray(operand)) return operand.map(pythonString).join(separator);
      if (isPlainObject(operand)) return Object.keys(operand).join(separator);
      if (typeof operand === 'string') return [...operand].join(separator);
      return UNKNOWN;
    }
    case 'lower':
      return pythonString(operand).toLowerCase();
    case 'upper':
      return pythonString(operand).toUpperCase();
    case 'string':
      return pythonString(operand);
    case 'trim':
      return pythonString(operand).trim();
    case 'bool':
      return ansibleBool(operand);
    case 'int': {
      if (typeof operand === 'number') return Math.trunc(operand);
      if (typeof operand === 'boolean') return operand ? 1 : 0;
      const parsed = typeof operand === 'string' ? Number.parseInt(operand.trim(), 10) : Number.NaN;
      const fallback = args[0] ?? 0;
      return Number.isNaN(parsed) ? fallback : parsed;
    }
    case 'length':
    case 'count':
      if (typeof operand === 'string' || Array.isArray(operand)) return operand.length;
      if (isPlainObject(operand)) return Object.keys(operand).length;
      return UNKNOWN;
    case 'list':
      if (Array.isArray(operand)) return operand;
      if (typeof operand === 'string') return [...operand];
      if (isPlainObject(operand)) return Object.keys(operand);
      return UNKNOWN;
    case 'dict2items':
      if (!isPlainObject(operand)) return UNKNOWN;
      return Object.entries(operand).map(([key, value]) => ({ key, value }));
    default:
      return UNKNOWN;
  }
}

function test(expression: Extract<Expression, { type: 'test' }>, context: EvaluationContext): unknown {
  const operand = evaluate(expression.operand, context);
  let result: boolean;
  switch (expression.name) {
    case 'defined':
      if (operand === UNKNOWN) return UNKNOWN;
      result = operand !== UNDEFINED;
      break;
    case 'undefined':
      if (operand === UNKNOWN) return UNKNOWN;
      result = operand === UNDEFINED;
      break;
    case 'none':
      if (operand === UNKNOWN || operand === UNDEFINED) return UNKNOWN;
      result = operand === null;
      break;
    default:
      return UNKNOWN;
  }
  return expression.negated ? !result : result;
}

/** Only the dict methods loops need: items(), keys(), values(), get(). */
function call(expression: Extract<Expression, { type: 'call' }>, context: EvaluationContext): unknown {
  // `name[member](...)` where the tool provides `name` (Salt's `salt`): the tool evaluates it.
  const callee = expression.callee;
  const namespace = callee.type === 'index' && callee.object.type === 'name' ? context.namespaces?.get(callee.object.name) : undefined;
  if (namespace !== undefined && callee.type === 'index') {
    return namespace({
      member: evaluate(callee.index, context),
      args: () => expression.args.map((a) => evaluate(a, context)),
      kwarg: (name) => {
        const argument = Object.prototype.hasOwnProperty.call(expression.kwargs, name) ? expression.kwargs[name] : undefined;
        return argument === undefined ? undefined : () => evaluate(argument, context);
      },
      scope: context.scope,
      used: context.used,
    });
  }
  if (expression.callee.type !== 'attribute') return UNKNOWN;
  const object = evaluate(expression.callee.object, context);
  const args = expression.args.map((a) => evaluate(a, context));
  if (!isPlainObject(object)) return UNKNOWN;
  switch (expression.callee.name) {
    case 'items':
      return Object.entries(object).map(([k, v]) => [k, v]);
    case 'keys':
      return Object.keys(object);
    case 'values':
      return Object.values(object);
    case 'get': {
      const key = args[0];
      if (typeof key !== 'string') return UNKNOWN;
      return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : (args[1] ?? null);
    }
    default:
      return UNKNOWN;
  }
}
