import { containsUnknown, deepEqual, isPlainObject, UNDEFINED, UNKNOWN } from '../../contracts/values.js';
import type { Environment, TemplateEvaluator } from '../ruby-erb/render.js';
import type { VariableOrigin, VariableScope } from '../../contracts/variables.js';
import type { PuppetExpression } from './puppet-expression.js';

/** A parameter the EPP header declares: its default (absent: the caller must pass it) and where it is. */
export interface EppParameter {
  name: string;
  hasDefault: boolean;
  value: unknown;
  origin: VariableOrigin;
}

/** Puppet truthiness: only undef and false are false ('' and [] are true). */
export function puppetTruthy(value: unknown): boolean | typeof UNKNOWN {
  if (value === UNKNOWN || value === UNDEFINED) return UNKNOWN;
  return !(value === null || value === false);
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'` : puppetText(value);
}

/** How Puppet interpolates a value into text. */
export function puppetText(value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(quoted).join(', ')}]`;
  if (isPlainObject(value)) return `{${Object.entries(value).map(([k, v]) => `${quoted(k)} => ${quoted(v)}`).join(', ')}}`;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- values come from YAML, JSON and the evaluators, which build only plain objects and arrays: what is left here is a symbol or a bigint
  return String(value);
}

/** Expression types whose value is built by the evaluator, charged by its size. */
const BUILDS = new Set<PuppetExpression['type']>(['string', 'array', 'hash', 'call']);

function flatten(value: unknown[], depth = 0): unknown[] {
  if (depth > 32) return [UNKNOWN];
  return value.flatMap((v) => (Array.isArray(v) ? flatten(v, depth + 1) : [v]));
}

/** Puppet's == compares strings case-insensitively. */
function puppetEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return deepEqual(a, b);
}

const FACT_ROOTS = new Set(['facts', 'trusted', 'server_facts']);

/**
 * Evaluates the Puppet subset over plain data. Names: loop and local
 * variables, then the template's parameters (a value the caller passes, from
 * the scope, else the header default), then the scope (`postfix::x` as the
 * module's Hiera data or class default). Facts are unknown.
 */
export class PuppetEvaluator implements TemplateEvaluator<PuppetExpression> {
  constructor(
    private readonly scope: VariableScope,
    private readonly parameters: Map<string, EppParameter>,
  ) {}

  truthy = puppetTruthy;
  text = puppetText;

  iterate(value: unknown, targets: number): unknown[][] | null {
    if (Array.isArray(value)) return (value as unknown[]).map((item, i) => (targets > 1 ? [i, item] : [item]));
    if (isPlainObject(value)) return Object.entries(value).map(([k, v]) => (targets > 1 ? [k, v] : [[k, v]]));
    return null;
  }

  /**
   * Whether a case option or selector key selects `subject`: strings compare
   * case-insensitively, other values by equality (Puppet's `==`); a type or
   * regular expression (not evaluated) is unknown.
   */
  matches(subject: unknown, option: PuppetExpression, env: Environment): boolean | typeof UNKNOWN {
    const value = this.evaluate(option, env);
    if (containsUnknown(value) || containsUnknown(subject)) return UNKNOWN;
    if (Array.isArray(value) !== Array.isArray(subject)) return UNKNOWN;
    return puppetEqual(subject, value);
  }

  /** One expression, charged to the file's budget (a string, array, hash or call result by its size). */
  evaluate(expression: PuppetExpression, env: Environment): unknown {
    return env.budget.evaluate(BUILDS.has(expression.type), () => this.evaluateNode(expression, env));
  }

  private evaluateNode(expression: PuppetExpression, env: Environment): unknown {
    switch (expression.type) {
      case 'literal':
        return expression.value;
      case 'unknown':
        return UNKNOWN;
      case 'string': {
        let text = '';
        for (const part of expression.parts) {
          const value = typeof part === 'string' ? part : this.evaluate(part, env);
          if (containsUnknown(value) || !env.budget.walk(value)) return UNKNOWN;
          const piece = puppetText(value);
          if (!env.budget.text(piece.length)) return UNKNOWN;
          text += piece;
        }
        return text;
      }
      case 'array':
        return expression.items.map((item) => this.evaluate(item, env));
      case 'hash': {
        // Repository data: no prototype, so a `'__proto__'` key is a key like any other.
        const result = Object.create(null) as Record<string, unknown>;
        for (const [k, v] of expression.entries) {
          const key = this.evaluate(k, env);
          if (typeof key !== 'string' && typeof key !== 'number') return UNKNOWN;
          result[String(key)] = this.evaluate(v, env);
        }
        return result;
      }
      case 'variable':
        return this.variable(expression.name, env);
      case 'access': {
        const object = this.evaluate(expression.object, env);
        const key = this.evaluate(expression.index, env);
        if (containsUnknown(key) || object === UNKNOWN || object === UNDEFINED) return UNKNOWN;
        if (Array.isArray(object) && typeof key === 'number') return object[key < 0 ? object.length + key : key] ?? null;
        if (isPlainObject(object) && (typeof key === 'string' || typeof key === 'number')) {
          return Object.prototype.hasOwnProperty.call(object, String(key)) ? object[String(key)] : null;
        }
        return UNKNOWN;
      }
      case 'not': {
        const t = puppetTruthy(this.evaluate(expression.operand, env));
        return t === UNKNOWN ? UNKNOWN : !t;
      }
      case 'binary':
        return this.binary(expression, env);
      case 'call':
        return this.call(expression.name, expression.args.map((a) => this.evaluate(a, env)), env);
      case 'selector':
        return this.select(expression, env);
    }
  }

  /**
   * The first option that matches gives the value; `default` wherever it is
   * written, when none does (Puppet fails without one: unknown).
   */
  private select(expression: Extract<PuppetExpression, { type: 'selector' }>, env: Environment): unknown {
    const subject = this.evaluate(expression.subject, env);
    let fallback: PuppetExpression | undefined;
    for (const [key, value] of expression.options) {
      if (key === null) {
        fallback = value;
        continue;
      }
      const m = this.matches(subject, key, env);
      if (m === UNKNOWN) return UNKNOWN;
      if (m) return this.evaluate(value, env);
    }
    return fallback === undefined ? UNKNOWN : this.evaluate(fallback, env);
  }

  private variable(raw: string, env: Environment): unknown {
    const name = raw.startsWith('::') ? raw.slice(2) : raw;
    if (!raw.startsWith('::')) {
      for (let i = env.locals.length - 1; i >= 0; i--) {
        const frame = env.locals[i] as Map<string, unknown>;
        if (frame.has(name)) return frame.get(name);
      }
    }
    const binding = this.scope.lookup(name);
    const parameter = raw.startsWith('::') ? undefined : this.parameters.get(name);
    if (binding !== undefined) {
      env.used.set(`$${name}`, binding.origin);
      return binding.value;
    }
    if (parameter !== undefined) {
      env.used.set(`$${name}`, parameter.origin);
      return parameter.hasDefault ? parameter.value : UNKNOWN;
    }
    if (FACT_ROOTS.has(name.split('::')[0] ?? '')) return UNKNOWN;
    return UNKNOWN;
  }

  private binary(expression: Extract<PuppetExpression, { type: 'binary' }>, env: Environment): unknown {
    const left = this.evaluate(expression.left, env);
    if (expression.op === 'and' || expression.op === 'or') {
      const t = puppetTruthy(left);
      if (t === UNKNOWN) return UNKNOWN;
      if (expression.op === 'and' && !t) return false;
      if (expression.op === 'or' && t) return true;
      return puppetTruthy(this.evaluate(expression.right, env));
    }
    const right = this.evaluate(expression.right, env);
    if (containsUnknown(left) || containsUnknown(right)) return UNKNOWN;
    if (!env.budget.walk(left) || !env.budget.walk(right)) return UNKNOWN;
    switch (expression.op) {
      case '==':
        return puppetEqual(left, right);
      case '!=':
        return !puppetEqual(left, right);
      case 'in':
        if (typeof right === 'string' && typeof left === 'string') return right.toLowerCase().includes(left.toLowerCase());
        if (Array.isArray(right)) return right.some((v) => puppetEqual(v, left));
        if (isPlainObject(right) && typeof left === 'string') return Object.keys(right).some((k) => puppetEqual(k, left));
        return UNKNOWN;
      case '+':
        if (typeof left === 'number' && typeof right === 'number') return left + right;
        if (!env.budget.built(left) || !env.budget.built(right)) return UNKNOWN;
        if (Array.isArray(left)) return [...(left as unknown[]), ...(Array.isArray(right) ? (right as unknown[]) : [right])];
        if (isPlainObject(left) && isPlainObject(right)) return Object.assign(Object.create(null) as Record<string, unknown>, left, right);
        return UNKNOWN;
      case '-':
        return typeof left === 'number' && typeof right === 'number' ? left - right : UNKNOWN;
      default: {
        const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
        if (!comparable) return UNKNOWN;
        const a = left as number;
        const b = right as number;
        return expression.op === '<' ? a < b : expression.op === '>' ? a > b : expression.op === '<=' ? a <= b : a >= b;
      }
    }
  }

  /** Puppet and stdlib functions a template uses to format values; any other call is unknown. */
  private call(name: string, args: unknown[], env: Environment): unknown {
    const [first, second] = args;
    if (name === 'pick') {
      for (const arg of args) {
        if (containsUnknown(arg)) return UNKNOWN;
        if (arg !== null && arg !== '') return arg;
      }
      return UNKNOWN;
    }
    if (args.some(containsUnknown) || !args.every((a) => env.budget.walk(a))) return UNKNOWN;
    switch (name) {
      case 'join': {
        const separator = second ?? '';
        if (!Array.isArray(first) || typeof separator !== 'string') return UNKNOWN;
        const items = flatten(first);
        // The separators' share, before the string is built (the result is charged after).
        if (!env.budget.text(Math.max(0, items.length - 1) * separator.length)) return UNKNOWN;
        return items.map(puppetText).join(separator);
      }
      case 'upcase':
      case 'downcase': {
        const change = (s: unknown) => (typeof s === 'string' ? (name === 'upcase' ? s.toUpperCase() : s.toLowerCase()) : UNKNOWN);
        return Array.isArray(first) ? first.map(change) : change(first);
      }
      case 'strip':
        return typeof first === 'string' ? first.trim() : UNKNOWN;
      case 'empty':
        if (first === null || first === '') return true;
        if (Array.isArray(first)) return first.length === 0;
        if (isPlainObject(first)) return Object.keys(first).length === 0;
        return typeof first === 'string' ? false : UNKNOWN;
      case 'length':
      case 'size':
      case 'count':
        if (typeof first === 'string' || Array.isArray(first)) return first.length;
        if (isPlainObject(first)) return Object.keys(first).length;
        return UNKNOWN;
      case 'keys':
        return isPlainObject(first) ? Object.keys(first) : UNKNOWN;
      case 'values':
        return isPlainObject(first) ? Object.values(first) : UNKNOWN;
      case 'flatten':
        return Array.isArray(first) ? flatten(first) : [first];
      case 'unique':
        return Array.isArray(first) ? first.filter((v, i) => first.findIndex((w) => deepEqual(v, w)) === i) : UNKNOWN;
      case 'sort':
        return Array.isArray(first) && first.every((v) => typeof v === 'string') ? [...(first)].sort() : UNKNOWN;
      case 'String':
        return puppetText(first);
      default:
        return UNKNOWN;
    }
  }
}
