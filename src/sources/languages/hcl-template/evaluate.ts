import type { EvaluationBudget } from '../../contracts/budget.js';
import { dataRecord } from '../../../model/plain-data.js';
import { containsSymbol as containsUnknown, deepEqual, isPlainObject, UNKNOWN } from '../../contracts/values.js';
import type { Expr } from './expression.js';

export { UNKNOWN };

/** Resolves a bare name (`inet_interfaces`, `var`, `local`, `path`); UNKNOWN when it is not known. */
export type NameResolver = (name: string, start: number) => unknown;

/** A quoted string's or heredoc's template text evaluated to a string (set by the template module). */
export type StringTemplate = (raw: string, quoted: boolean, resolve: NameResolver, budget: EvaluationBudget) => unknown;

/** true when the value or anything inside it is unknown (any symbol). */
export { containsUnknown };

/** What `${...}` prints: strings, numbers and bools convert to a string; null, lists and objects are errors (unknown). */
export function templateString(value: unknown): string | typeof UNKNOWN {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  return UNKNOWN;
}

/** A condition is a bool; Terraform converts the strings "true" and "false". */
export function conditionValue(value: unknown): boolean | typeof UNKNOWN {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return UNKNOWN;
}

const strictFn = (body: (args: unknown[]) => unknown) => (args: unknown[]) => (args.some((a) => containsUnknown(a)) ? UNKNOWN : body(args));
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null);

/** Terraform's built-in functions a mail template plausibly uses; any other call is unknown. */
const FUNCTIONS: ReadonlyMap<string, (args: unknown[]) => unknown> = new Map<string, (args: unknown[]) => unknown>([
  ['join', strictFn(([sep, ...lists]) => {
    if (typeof sep !== 'string' || !lists.every(Array.isArray)) return UNKNOWN;
    const parts = (lists as unknown[][]).flat().map(str);
    return parts.every((p) => p !== null) ? parts.join(sep) : UNKNOWN;
  })],
  ['upper', strictFn(([s]) => (typeof s === 'string' ? s.toUpperCase() : UNKNOWN))],
  ['lower', strictFn(([s]) => (typeof s === 'string' ? s.toLowerCase() : UNKNOWN))],
  ['trimspace', strictFn(([s]) => (typeof s === 'string' ? s.trim() : UNKNOWN))],
  ['tostring', strictFn(([s]) => str(s) ?? UNKNOWN)],
  ['length', strictFn(([v]) => (typeof v === 'string' || Array.isArray(v) ? v.length : isPlainObject(v) ? Object.keys(v).length : UNKNOWN))],
  ['contains', strictFn(([list, v]) => (Array.isArray(list) ? list.some((x) => deepEqual(x, v)) : UNKNOWN))],
  ['concat', strictFn((lists) => (lists.every(Array.isArray) ? (lists as unknown[][]).flat() : UNKNOWN))],
  ['split', strictFn(([sep, s]) => (typeof sep === 'string' && typeof s === 'string' ? s.split(sep) : UNKNOWN))],
  ['lookup', (args) => {
    const [map, key, fallback] = args;
    if (containsUnknown(key) || !isPlainObject(map) || typeof key !== 'string') return UNKNOWN;
    if (Object.prototype.hasOwnProperty.call(map, key)) return map[key];
    return args.length >= 3 ? fallback : UNKNOWN;
  }],
  ['coalesce', (args) => {
    for (const arg of args) {
      if (containsUnknown(arg)) return UNKNOWN;
      if (arg !== null && arg !== '') return arg;
    }
    return UNKNOWN;
  }],
  ['format', strictFn(([format, ...rest]) => {
    if (typeof format !== 'string') return UNKNOWN;
    let next = 0;
    let failed = false;
    const out = format.replace(/%([%sdv])/g, (_, verb: string) => {
      if (verb === '%') return '%';
      const value = str(rest[next++]);
      if (value === null) failed = true;
      return value ?? '';
    });
    return failed || next !== rest.length ? UNKNOWN : out;
  })],
]);

/**
 * Evaluates an HCL expression over plain data. References resolve through
 * `resolve` (template variables, or `var.`/`local.`/`path.` in a .tf file);
 * anything not evaluated is UNKNOWN.
 */
export function evaluate(expr: Expr, resolve: NameResolver, template: StringTemplate, budget: EvaluationBudget, depth = 0): unknown {
  if (depth > 64) return UNKNOWN;
  return budget.evaluate(BUILDS.has(expr.k), () => evaluateNode(expr, resolve, template, budget, depth));
}

/** Expression kinds whose value is built here (a tuple, an object, a function's result): charged by their size. */
const BUILDS = new Set<Expr['k']>(['tuple', 'object', 'call']);

/** At most how many characters a call builds: its arguments copied (join, concat, format), plus join's separators. */
function callBound(name: string, args: unknown[], budget: EvaluationBudget): number {
  let total = 0;
  for (const arg of args) total += budget.sizeOf(arg);
  const [separator, ...lists] = args;
  if (name === 'join' && typeof separator === 'string') total += lists.reduce<number>((n, l) => n + (Array.isArray(l) ? l.length : 0), 0) * separator.length;
  return total;
}

function evaluateNode(expr: Expr, resolve: NameResolver, template: StringTemplate, budget: EvaluationBudget, depth: number): unknown {
  const ev = (e: Expr) => evaluate(e, resolve, template, budget, depth + 1);
  switch (expr.k) {
    case 'literal':
      return expr.value;
    case 'template':
      return template(expr.raw, !expr.heredoc, resolve, budget);
    case 'name':
      return resolve(expr.name, expr.start);
    case 'attribute': {
      const base = ev(expr.base);
      if (isPlainObject(base) && Object.prototype.hasOwnProperty.call(base, expr.name)) return base[expr.name];
      return UNKNOWN;
    }
    case 'index': {
      const base = ev(expr.base);
      const key = ev(expr.key);
      if (Array.isArray(base) && typeof key === 'number') return key >= 0 && key < base.length ? base[key] : UNKNOWN;
      if (isPlainObject(base) && typeof key === 'string' && Object.prototype.hasOwnProperty.call(base, key)) return base[key];
      return UNKNOWN;
    }
    case 'call': {
      const fn = FUNCTIONS.get(expr.name);
      if (fn === undefined) return UNKNOWN;
      const args = expr.args.map(ev);
      // What the call can build, checked before it is made (its result is charged after).
      if (budget.affords(callBound(expr.name, args, budget))) return fn(args);
      budget.text(Number.POSITIVE_INFINITY);
      return UNKNOWN;
    }
    case 'tuple':
      return expr.items.map(ev);
    case 'object': {
      // Repository data: a null-prototype map, so `__proto__ = ...` is a key like any other.
      const out = dataRecord();
      for (const item of expr.items) {
        if (item.key === null) return UNKNOWN;
        out[item.key] = ev(item.value);
      }
      return out;
    }
    case 'unary': {
      const v = ev(expr.operand);
      if (expr.op === '!') {
        const b = conditionValue(v);
        return b === UNKNOWN ? UNKNOWN : !b;
      }
      return typeof v === 'number' ? -v : UNKNOWN;
    }
    case 'binary': {
      const left = ev(expr.left);
      const right = ev(expr.right);
      return budget.walk(left) && budget.walk(right) ? binary(expr.op, left, right) : UNKNOWN;
    }
    case 'conditional': {
      const test = conditionValue(ev(expr.test));
      if (test === UNKNOWN) return UNKNOWN;
      return test ? ev(expr.then) : ev(expr.otherwise);
    }
    case 'opaque':
      return UNKNOWN;
  }
}

function binary(op: string, a: unknown, b: unknown): unknown {
  if (op === '&&' || op === '||') {
    const x = conditionValue(a);
    const y = conditionValue(b);
    // false && unknown is false; true || unknown is true.
    if (op === '&&') return x === false || y === false ? false : x === UNKNOWN || y === UNKNOWN ? UNKNOWN : true;
    return x === true || y === true ? true : x === UNKNOWN || y === UNKNOWN ? UNKNOWN : false;
  }
  if (containsUnknown(a) || containsUnknown(b)) return UNKNOWN;
  if (op === '==') return deepEqual(a, b);
  if (op === '!=') return !deepEqual(a, b);
  const x = typeof a === 'string' && a.trim() !== '' ? Number(a) : a;
  const y = typeof b === 'string' && b.trim() !== '' ? Number(b) : b;
  if (typeof x !== 'number' || typeof y !== 'number' || Number.isNaN(x) || Number.isNaN(y)) return UNKNOWN;
  switch (op) {
    case '<': return x < y;
    case '>': return x > y;
    case '<=': return x <= y;
    case '>=': return x >= y;
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return y === 0 ? UNKNOWN : x / y;
    case '%': return y === 0 ? UNKNOWN : x % y;
    default: return UNKNOWN;
  }
}
