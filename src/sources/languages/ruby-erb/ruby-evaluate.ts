import { containsUnknown, deepEqual, isPlainObject, UNDEFINED, UNKNOWN } from '../../contracts/values.js';
import type { LanguageVariables } from '../../contracts/template-language.js';
import type { VariableScope } from '../../contracts/variables.js';
import type { Environment, TemplateEvaluator } from './render.js';
import type { RubyExpression } from './ruby-expression.js';

/** `node['postfix']['main']['inet_interfaces']`: how a Chef attribute is named in reports and origins. */
export function attributeName(path: readonly string[]): string {
  return `node${path.map((k) => `['${k}']`).join('')}`;
}

/** Ruby truthiness: only nil and false are false ('' and 0 are true). */
export function rubyTruthy(value: unknown): boolean | typeof UNKNOWN {
  if (value === UNKNOWN || value === UNDEFINED) return UNKNOWN;
  return !(value === null || value === false);
}

function inspect(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'nil';
  if (Array.isArray(value)) return `[${value.map(inspect).join(', ')}]`;
  if (isPlainObject(value)) return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}=>${inspect(v)}`).join(', ')}}`;
  return rubyText(value);
}

/** Ruby's to_s, which is what `<%= %>` prints. */
export function rubyText(value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value).includes('.') ? String(value) : `${value}.0`;
  if (typeof value === 'boolean') return String(value);
  return inspect(value);
}

/** Expression types whose value is built by the evaluator, charged by its size. */
const BUILDS = new Set<RubyExpression['type']>(['string', 'array', 'call']);

function flatten(value: unknown[], depth = 0): unknown[] {
  if (depth > 32) return [UNKNOWN];
  return value.flatMap((v) => (Array.isArray(v) ? flatten(v, depth + 1) : [v]));
}

/** `value.kind_of?(Array)` for the classes plain data can have; unknown for any other class name. */
function isKindOf(value: unknown, className: string): boolean | typeof UNKNOWN {
  switch (className) {
    case 'Array':
      return Array.isArray(value);
    case 'Hash':
      return isPlainObject(value);
    case 'String':
      return typeof value === 'string';
    case 'Integer':
    case 'Fixnum':
      return typeof value === 'number' && Number.isInteger(value);
    case 'Numeric':
      return typeof value === 'number';
    case 'NilClass':
      return value === null;
    case 'TrueClass':
      return value === true;
    case 'FalseClass':
      return value === false;
    default:
      return UNKNOWN;
  }
}

/**
 * Evaluates the Ruby subset over plain data. `node` is the Chef attribute
 * tree of the scope; a key missing under a top-level key the cookbook
 * declares is nil (the cookbook owns that namespace), a top-level key nobody
 * declares (ohai data, other cookbooks) is unknown. `@name` is a variable
 * the `template` resource passes: unknown unless the scope binds `@name`.
 * Over 300 lines with the helpers above: the evaluator's cases (calls,
 * operators, attribute access) recurse into `evaluate` and are read as one.
 */
export class RubyEvaluator implements TemplateEvaluator<RubyExpression> {
  /** Sub-trees of `node` and their attribute path, to name (and find the origin of) what a template reads. */
  private readonly paths = new WeakMap<object, string[]>();

  constructor(private readonly scope: VariableScope) {}

  truthy = rubyTruthy;
  text = rubyText;

  iterate(value: unknown, targets: number): unknown[][] | null {
    if (containsUnknown(value) && !Array.isArray(value) && !isPlainObject(value)) return null;
    if (Array.isArray(value)) return (value as unknown[]).map((item) => (targets > 1 && Array.isArray(item) ? (item as unknown[]) : [item]));
    if (isPlainObject(value)) {
      const path = this.paths.get(value);
      return Object.entries(value).map(([k, v]) => {
        if (path !== undefined) this.track(v, [...path, k]);
        return targets > 1 ? [k, v] : [[k, v]];
      });
    }
    return null;
  }

  /**
   * `option === subject`, as Ruby's `case` tests it: a class name (`when
   * String`) tests the subject's class; a literal or a value tests equality.
   * A symbol option is unknown against a string (the data may have held
   * either); anything else we do not evaluate is unknown.
   */
  matches(subject: unknown, option: RubyExpression, env: Environment): boolean | typeof UNKNOWN {
    if (option.type === 'name' && /^[A-Z]/.test(option.name)) {
      return containsUnknown(subject) && !Array.isArray(subject) && !isPlainObject(subject) ? UNKNOWN : isKindOf(subject, option.name);
    }
    const value = this.evaluate(option, env);
    if (containsUnknown(value) || containsUnknown(subject)) return UNKNOWN;
    if (option.type === 'literal' && option.symbol === true && typeof subject === 'string') return UNKNOWN;
    if (typeof value === 'number' && typeof subject === 'number') return value === subject;
    if (typeof value !== typeof subject && !(value === null || subject === null)) return false;
    return deepEqual(value, subject);
  }

  /** One expression, charged to the file's budget (a string, list or call result by its size). */
  evaluate(expression: RubyExpression, env: Environment): unknown {
    return env.budget.evaluate(BUILDS.has(expression.type), () => this.evaluateNode(expression, env));
  }

  private evaluateNode(expression: RubyExpression, env: Environment): unknown {
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
          const piece = rubyText(value);
          if (!env.budget.text(piece.length)) return UNKNOWN;
          text += piece;
        }
        return text;
      }
      case 'array':
        return expression.items.map((item) => this.evaluate(item, env));
      case 'ivar': {
        const binding = this.scope.lookup(`@${expression.name}`);
        if (binding === undefined) return UNKNOWN;
        env.used.set(`@${expression.name}`, binding.origin);
        return binding.value;
      }
      case 'name':
        return this.name(expression.name, env);
      case 'index':
        return this.member(this.evaluate(expression.object, env), this.evaluate(expression.index, env), env);
      case 'not': {
        const t = rubyTruthy(this.evaluate(expression.operand, env));
        return t === UNKNOWN ? UNKNOWN : !t;
      }
      case 'ternary': {
        const t = rubyTruthy(this.evaluate(expression.test, env));
        if (t === UNKNOWN) return UNKNOWN;
        return this.evaluate(t ? expression.then : expression.otherwise, env);
      }
      case 'binary':
        return this.binary(expression, env);
      case 'call':
        return this.call(expression, env);
    }
  }

  private name(name: string, env: Environment): unknown {
    for (let i = env.locals.length - 1; i >= 0; i--) {
      const frame = env.locals[i] as Map<string, unknown>;
      if (frame.has(name)) return frame.get(name);
    }
    if (name !== 'node') return UNKNOWN;
    const binding = this.scope.lookup('node');
    if (binding === undefined) return UNKNOWN;
    this.track(binding.value, []);
    return binding.value;
  }

  private track(value: unknown, path: string[]): void {
    if (value !== null && typeof value === 'object') this.paths.set(value, path);
  }

  private member(object: unknown, key: unknown, env: Environment): unknown {
    if (containsUnknown(key) || object === UNKNOWN || object === UNDEFINED) return UNKNOWN;
    if (Array.isArray(object)) {
      if (typeof key !== 'number') return UNKNOWN;
      const index = key < 0 ? object.length + key : key;
      return index >= 0 && index < object.length ? object[index] : null;
    }
    if (!isPlainObject(object) || (typeof key !== 'string' && typeof key !== 'number')) return UNKNOWN;
    const k = String(key);
    const path = this.paths.get(object);
    const present = Object.prototype.hasOwnProperty.call(object, k);
    if (path === undefined) return present ? object[k] : null;
    const childPath = [...path, k];
    if (!present) return path.length === 0 ? UNKNOWN : null;
    const value = object[k];
    if (isPlainObject(value)) this.track(value, childPath);
    else this.use(childPath, env);
    return value;
  }

  private use(path: string[], env: Environment): void {
    const name = attributeName(path);
    const origin = (this.scope as Partial<LanguageVariables>).lookupOrigin?.(name) ?? this.scope.lookup('node')?.origin ?? null;
    env.used.set(name, origin);
  }

  private binary(expression: Extract<RubyExpression, { type: 'binary' }>, env: Environment): unknown {
    const left = this.evaluate(expression.left, env);
    if (expression.op === '||' || expression.op === '&&') {
      const t = rubyTruthy(left);
      if (t === UNKNOWN) return UNKNOWN;
      if (expression.op === '||') return t ? left : this.evaluate(expression.right, env);
      return t ? this.evaluate(expression.right, env) : left;
    }
    const right = this.evaluate(expression.right, env);
    if (containsUnknown(left) || containsUnknown(right)) return UNKNOWN;
    if (!env.budget.walk(left) || !env.budget.walk(right)) return UNKNOWN;
    switch (expression.op) {
      case '==':
        return deepEqual(left, right);
      case '!=':
        return !deepEqual(left, right);
      case '+':
        if (typeof left === 'string' && typeof right === 'string') return env.budget.text(left.length + right.length) ? left + right : UNKNOWN;
        if (typeof left === 'number' && typeof right === 'number') return left + right;
        if (Array.isArray(left) && Array.isArray(right)) return env.budget.built(left) && env.budget.built(right) ? [...(left as unknown[]), ...(right as unknown[])] : UNKNOWN;
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

  private call(expression: Extract<RubyExpression, { type: 'call' }>, env: Environment): unknown {
    const object = this.evaluate(expression.object, env);
    const kind = expression.args[0];
    if ((expression.name === 'kind_of?' || expression.name === 'is_a?') && kind?.type === 'name') {
      return containsUnknown(object) && !Array.isArray(object) && !isPlainObject(object) ? UNKNOWN : isKindOf(object, kind.name);
    }
    const args = expression.args.map((a) => this.evaluate(a, env));
    if (object === UNKNOWN || object === UNDEFINED || args.some(containsUnknown)) return UNKNOWN;
    if (!env.budget.walk(object)) return UNKNOWN;
    const name = expression.name;
    if (name === 'nil?') return object === null;
    if (name === 'to_s') return containsUnknown(object) ? UNKNOWN : rubyText(object);
    if (object === null) return UNKNOWN; // NoMethodError on nil: the template would not render
    if (typeof object === 'string') {
      switch (name) {
        case 'upcase':
          return object.toUpperCase();
        case 'downcase':
          return object.toLowerCase();
        case 'strip':
          return object.trim();
        case 'empty?':
          return object.length === 0;
        case 'length':
        case 'size':
          return object.length;
        case 'include?':
          return typeof args[0] === 'string' ? object.includes(args[0]) : UNKNOWN;
        case 'to_i': {
          const n = Number.parseInt(object, 10);
          return Number.isNaN(n) ? 0 : n;
        }
        default:
          return UNKNOWN;
      }
    }
    if (Array.isArray(object)) {
      switch (name) {
        case 'join': {
          const separator = args[0] ?? '';
          const items = flatten(object);
          if (typeof separator !== 'string' || items.some(containsUnknown)) return UNKNOWN;
          // The separators' share, before the string is built (the result is charged after).
          if (!env.budget.text(Math.max(0, items.length - 1) * separator.length)) return UNKNOWN;
          return items.map(rubyText).join(separator);
        }
        case 'empty?':
          return object.length === 0;
        case 'any?':
          return object.some((v) => rubyTruthy(v) === true) ? true : object.some(containsUnknown) ? UNKNOWN : false;
        case 'length':
        case 'size':
        case 'count':
          return object.length;
        case 'first':
          return object[0] ?? null;
        case 'last':
          return object[object.length - 1] ?? null;
        case 'to_a':
          return object;
        case 'compact':
          return object.filter((v) => v !== null);
        case 'flatten':
          return flatten(object);
        case 'uniq':
          return object.filter((v, i) => object.findIndex((w) => deepEqual(v, w)) === i);
        case 'sort':
          if (object.every((v) => typeof v === 'string')) return [...(object)].sort();
          return UNKNOWN;
        case 'include?':
          return object.some((v) => deepEqual(v, args[0]));
        default:
          return UNKNOWN;
      }
    }
    if (isPlainObject(object)) {
      switch (name) {
        case 'keys':
          return Object.keys(object);
        case 'values':
          return Object.values(object);
        case 'empty?':
          return Object.keys(object).length === 0;
        case 'any?':
          return Object.keys(object).length > 0;
        case 'length':
        case 'size':
        case 'count':
          return Object.keys(object).length;
        case 'to_a':
          return Object.entries(object);
        case 'key?':
        case 'has_key?':
        case 'include?':
          return typeof args[0] === 'string' ? Object.prototype.hasOwnProperty.call(object, args[0]) : UNKNOWN;
        case 'sort':
          return Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        default:
          // Chef's node attributes answer `node.postfix.main` like `node['postfix']['main']`.
          if (args.length === 0 && this.paths.has(object)) return this.member(object, name, env);
          return UNKNOWN;
      }
    }
    return UNKNOWN;
  }
}
