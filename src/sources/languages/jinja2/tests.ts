/**
 * The tests (`x is name(args)`) the restricted evaluator knows: Jinja2's
 * builtin tests (jinja2/tests.py) and Ansible's `truthy`/`falsy`, on
 * evaluated values. UNKNOWN when the operand is not known; `defined` and
 * `undefined` are the only tests that answer for an undefined operand.
 */
import { containsUnknown, isPlainObject, UNDEFINED, UNKNOWN } from '../../contracts/values.js';
import { pythonEqual, truthy } from './values.js';

function compare(op: string, a: unknown, b: unknown): boolean | typeof UNKNOWN {
  if (op === 'eq') return pythonEqual(a, b);
  if (op === 'ne') return !pythonEqual(a, b);
  const bothNumbers = (typeof a === 'number' || typeof a === 'boolean') && (typeof b === 'number' || typeof b === 'boolean');
  if (!bothNumbers && !(typeof a === 'string' && typeof b === 'string')) return UNKNOWN;
  const x = typeof a === 'boolean' ? Number(a) : (a);
  const y = typeof b === 'boolean' ? Number(b) : (b);
  switch (op) {
    case 'lt':
      return x < y;
    case 'le':
      return x <= y;
    case 'gt':
      return x > y;
    default:
      return x >= y;
  }
}

const COMPARISONS: Readonly<Record<string, string>> = {
  eq: 'eq', equalto: 'eq', '==': 'eq', ne: 'ne', '!=': 'ne',
  lt: 'lt', lessthan: 'lt', '<': 'lt', le: 'le', '<=': 'le',
  gt: 'gt', greaterthan: 'gt', '>': 'gt', ge: 'ge', '>=': 'ge',
};

/** Python `in`: a substring, a list item, a dict key. */
export function pythonIn(needle: unknown, haystack: unknown): boolean | typeof UNKNOWN {
  if (typeof haystack === 'string') return typeof needle === 'string' ? haystack.includes(needle) : UNKNOWN;
  if (Array.isArray(haystack)) return haystack.some((v) => pythonEqual(v, needle));
  if (isPlainObject(haystack)) return typeof needle === 'string' ? Object.prototype.hasOwnProperty.call(haystack, needle) : UNKNOWN;
  return UNKNOWN;
}

/** The result of `operand is name(args)` before `not`; UNKNOWN when it cannot be decided. */
export function applyTest(name: string, operand: unknown, args: unknown[]): boolean | typeof UNKNOWN {
  if (operand === UNKNOWN) return UNKNOWN;
  if (name === 'defined') return operand !== UNDEFINED;
  if (name === 'undefined') return operand === UNDEFINED;
  if (containsUnknown(operand) || args.some(containsUnknown)) return UNKNOWN;
  const comparison = COMPARISONS[name];
  if (comparison !== undefined) return args.length === 1 ? compare(comparison, operand, args[0]) : UNKNOWN;
  switch (name) {
    case 'none':
      return operand === null;
    case 'string':
      return typeof operand === 'string';
    case 'mapping':
      return isPlainObject(operand);
    case 'sequence':
    case 'iterable':
      return typeof operand === 'string' || Array.isArray(operand) || isPlainObject(operand);
    case 'number':
      return typeof operand === 'number' || typeof operand === 'boolean';
    case 'integer':
      return typeof operand === 'number' && Number.isInteger(operand);
    case 'boolean':
      return typeof operand === 'boolean';
    case 'true':
      return operand === true;
    case 'false':
      return operand === false;
    case 'lower':
      return typeof operand === 'string' ? operand === operand.toLowerCase() && /\p{Ll}/u.test(operand) : UNKNOWN;
    case 'upper':
      return typeof operand === 'string' ? operand === operand.toUpperCase() && /\p{Lu}/u.test(operand) : UNKNOWN;
    case 'odd':
    case 'even':
      if (typeof operand !== 'number' || !Number.isInteger(operand)) return UNKNOWN;
      return (Math.abs(operand) % 2 === 1) === (name === 'odd');
    case 'divisibleby': {
      const by = args[0];
      if (typeof operand !== 'number' || typeof by !== 'number' || by === 0 || !Number.isInteger(operand) || !Number.isInteger(by)) return UNKNOWN;
      return operand % by === 0;
    }
    case 'in':
      return args.length === 1 ? pythonIn(operand, args[0]) : UNKNOWN;
    case 'truthy':
      return truthy(operand);
    case 'falsy': {
      const t = truthy(operand);
      return t === UNKNOWN ? UNKNOWN : !t;
    }
    default:
      return UNKNOWN;
  }
}
