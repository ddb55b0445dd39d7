import { occurrences, type EvaluationBudget } from '../../contracts/budget.js';
import { deepEqual } from '../../contracts/values.js';
import { containsUnknown, goFloat, goString, goTruth, isEmpty, isPlainObject, UNDEFINED, UNKNOWN } from './values.js';

/**
 * The functions relaygate evaluates: Go's builtins and the Sprig and Helm
 * functions charts use to shape configuration values. Anything else
 * (`include`, `tpl`, `lookup`, random and time functions) is unknown; the
 * renderer reports it as skipped.
 */
export type GoFunction = (args: unknown[]) => unknown;

const unknownIn = (args: unknown[]) => args.some((a) => containsUnknown(a));

/** A function of known values only: any unknown or undeclared argument makes the result unknown. */
function strict(body: (args: unknown[]) => unknown): GoFunction {
  return (args) => (unknownIn(args) ? UNKNOWN : body(args));
}

/** Sprig's strval: strings as they are, everything else as fmt's %v. */
function strval(value: unknown): string {
  return typeof value === 'string' ? value : value === null ? '<nil>' : goString(value);
}

/** Go's %q for the common case (JSON escaping agrees with strconv.Quote on printable ASCII). */
function goQuote(value: string): string {
  return JSON.stringify(value);
}

/** A function of exactly `count` string arguments. */
function strings(count: number, body: (args: [string, string, string]) => unknown): GoFunction {
  return strict((args) => (args.length === count && args.every((a) => typeof a === 'string') ? body(args as [string, string, string]) : UNKNOWN));
}

function unary(body: (s: string) => string): GoFunction {
  return strict((args) => (args.length === 1 ? body(strval(args[0])) : UNKNOWN));
}

/** Sprig's strslice: a list's elements as strings (nil elements dropped), a scalar as one element. */
function strslice(value: unknown): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(strval);
  return [strval(value)];
}

/** fmt.Sprintf for the verbs charts use (%s %v %d %q %%); any other verb makes the result unknown. */
function sprintf(format: string, args: unknown[]): string | typeof UNKNOWN {
  let out = '';
  let next = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string;
    if (c !== '%') {
      out += c;
      continue;
    }
    const verb = format[++i];
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (next >= args.length) return UNKNOWN;
    const arg = args[next++];
    if (verb === 's' || verb === 'v') out += strval(arg);
    else if (verb === 'd' && typeof arg === 'number' && Number.isInteger(arg)) out += String(arg);
    else if (verb === 'q' && typeof arg === 'string') out += goQuote(arg);
    else return UNKNOWN;
  }
  return next === args.length ? out : UNKNOWN;
}

/** fmt.Sprint: a space between operands when neither is a string. */
function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((arg, i) => {
    if (i > 0 && typeof arg !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += arg === null ? '<nil>' : goString(arg);
  });
  return out;
}

function compare(args: unknown[], test: (a: number | string, b: number | string) => boolean): unknown {
  const [a, b] = args;
  if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) return test(a, b);
  return UNKNOWN;
}

/** A YAML scalar relaygate can print the way toYaml does; anything needing quoting or structure is unknown. */
function toYaml(value: unknown): unknown {
  if (typeof value === 'number') return goFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (typeof value === 'string' && /^[A-Za-z0-9_./@][A-Za-z0-9_./@,=+-]*$/.test(value) && !/^(?:true|false|yes|no|on|off|null|[ny~]|[-+]?[0-9.].*)$/i.test(value)) return value;
  return UNKNOWN;
}

function indent(count: unknown, value: unknown): unknown {
  if (typeof count !== 'number' || typeof value !== 'string') return UNKNOWN;
  const pad = ' '.repeat(Math.max(0, Math.min(count, 256)));
  return pad + value.replaceAll('\n', `\n${pad}`);
}

/**
 * At most how many characters and elements a call builds, from its
 * arguments, before it is made: their sizes (printf, join, list, quote copy
 * them), plus what replace, indent and join add on top.
 */
export function buildBound(name: string, args: unknown[], budget: EvaluationBudget): number {
  let total = 0;
  for (const arg of args) total += budget.sizeOf(arg);
  const [a, b, c] = args;
  if (name === 'replace' && typeof a === 'string' && typeof b === 'string' && typeof c === 'string') {
    total += occurrences(c, a) * Math.max(0, b.length - a.length);
  } else if ((name === 'indent' || name === 'nindent') && typeof a === 'number' && typeof b === 'string') {
    total += (occurrences(b, '\n') + 2) * Math.max(0, Math.min(a, 256));
  } else if (name === 'join' && typeof a === 'string' && Array.isArray(b)) {
    total += Math.max(0, b.length - 1) * a.length;
  }
  return total;
}

export const FUNCTIONS: ReadonlyMap<string, GoFunction> = new Map<string, GoFunction>([
  // default DEFAULT VALUE: an undeclared or empty value gives DEFAULT.
  ['default', (args) => {
    if (args.length === 0 || args.length > 2) return UNKNOWN;
    const value = args.length === 1 ? UNDEFINED : args[1];
    if (value === UNKNOWN) return UNKNOWN;
    if (value === UNDEFINED || (!containsUnknown(value) && isEmpty(value))) return args[0];
    return value;
  }],
  // gomplate/consul-template `getenv "NAME" "DEFAULT"`: the process environment relaygate cannot see; the
  // default is the template's own value for an unset or empty variable (as `${NAME:-DEFAULT}` in shell).
  // Without a default (`getenv "NAME"`, consul-template's `env "NAME"`), unknown.
  ['getenv', (args) => (args.length === 2 && typeof args[0] === 'string' && typeof args[1] === 'string' ? args[1] : UNKNOWN)],
  // consul-template `keyOrDefault "PATH" "DEFAULT"`: Consul's key-value store, which no repository holds; the
  // default is the template's own value where the key does not exist, as for getenv. `key "PATH"` is unknown.
  ['keyOrDefault', (args) => (args.length === 2 && typeof args[0] === 'string' && typeof args[1] === 'string' ? args[1] : UNKNOWN)],
  ['coalesce', (args) => {
    for (const arg of args) {
      if (arg === UNDEFINED) continue;
      if (arg === UNKNOWN) return UNKNOWN;
      if (containsUnknown(arg) || !isEmpty(arg)) return arg;
    }
    return null;
  }],
  ['required', (args) => {
    const value = args[1];
    if (args.length !== 2 || containsUnknown(value) || value === null || value === '') return UNKNOWN;
    return value;
  }],
  ['ternary', (args) => {
    const t = goTruth(args[2]);
    return args.length !== 3 || t === UNKNOWN ? UNKNOWN : t ? args[0] : args[1];
  }],
  ['and', (args) => {
    for (let i = 0; i < args.length; i++) {
      const t = goTruth(args[i]);
      if (t === UNKNOWN) return UNKNOWN;
      if (!t || i === args.length - 1) return args[i];
    }
    return UNKNOWN;
  }],
  ['or', (args) => {
    for (let i = 0; i < args.length; i++) {
      const t = goTruth(args[i]);
      if (t === UNKNOWN) return UNKNOWN;
      if (t || i === args.length - 1) return args[i];
    }
    return UNKNOWN;
  }],
  ['not', (args) => {
    const t = goTruth(args[0]);
    return args.length !== 1 || t === UNKNOWN ? UNKNOWN : !t;
  }],
  ['empty', strict((args) => isEmpty(args[0]))],
  ['eq', strict((args) => args.length >= 2 && args.slice(1).some((b) => deepEqual(args[0], b)))],
  ['ne', strict((args) => args.length === 2 && !deepEqual(args[0], args[1]))],
  ['lt', strict((args) => compare(args, (a, b) => a < b))],
  ['le', strict((args) => compare(args, (a, b) => a <= b))],
  ['gt', strict((args) => compare(args, (a, b) => a > b))],
  ['ge', strict((args) => compare(args, (a, b) => a >= b))],
  ['quote', strict((args) => args.filter((a) => a !== null).map((a) => goQuote(strval(a))).join(' '))],
  ['squote', strict((args) => args.filter((a) => a !== null).map((a) => `'${strval(a)}'`).join(' '))],
  ['upper', unary((s) => s.toUpperCase())],
  ['lower', unary((s) => s.toLowerCase())],
  ['trim', unary((s) => s.trim())],
  ['toString', unary((s) => s)],
  ['toYaml', strict((args) => (args.length === 1 ? toYaml(args[0]) : UNKNOWN))],
  ['join', strict((args) => (args.length === 2 && typeof args[0] === 'string' ? strslice(args[1]).join(args[0]) : UNKNOWN))],
  ['splitList', strict((args) => (typeof args[0] === 'string' && typeof args[1] === 'string' ? args[1].split(args[0]) : UNKNOWN))],
  ['list', strict((args) => [...args])],
  ['printf', strict((args) => (typeof args[0] === 'string' ? sprintf(args[0], args.slice(1)) : UNKNOWN))],
  ['print', strict((args) => sprint(args))],
  ['println', strict((args) => `${args.map((a) => (a === null ? '<nil>' : goString(a))).join(' ')}\n`)],
  ['len', strict((args) => {
    const v = args[0];
    if (typeof v === 'string' || Array.isArray(v)) return v.length;
    return isPlainObject(v) ? Object.keys(v).length : UNKNOWN;
  })],
  ['index', strict((args) => {
    let v = args[0];
    for (const key of args.slice(1)) {
      if (Array.isArray(v) && typeof key === 'number') v = v[key] ?? UNKNOWN;
      else if (isPlainObject(v) && typeof key === 'string') v = Object.prototype.hasOwnProperty.call(v, key) ? v[key] : null;
      else return UNKNOWN;
    }
    return v;
  })],
  ['hasKey', strict((args) => (isPlainObject(args[0]) && typeof args[1] === 'string' ? Object.prototype.hasOwnProperty.call(args[0], args[1]) : UNKNOWN))],
  ['contains', strict((args) => (typeof args[0] === 'string' && typeof args[1] === 'string' ? args[1].includes(args[0]) : UNKNOWN))],
  ['hasPrefix', strict((args) => (typeof args[0] === 'string' && typeof args[1] === 'string' ? args[1].startsWith(args[0]) : UNKNOWN))],
  ['hasSuffix', strict((args) => (typeof args[0] === 'string' && typeof args[1] === 'string' ? args[1].endsWith(args[0]) : UNKNOWN))],
  ['replace', strings(3, ([from, to, s]) => s.replaceAll(from, to))],
  ['trimSuffix', strings(2, ([suffix, s]) => (s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s))],
  ['trimPrefix', strings(2, ([prefix, s]) => (s.startsWith(prefix) ? s.slice(prefix.length) : s))],
  ['indent', strict((args) => indent(args[0], args[1]))],
  ['nindent', strict((args) => {
    const v = indent(args[0], args[1]);
    return v === UNKNOWN ? UNKNOWN : `\n${v as string}`;
  })],
]);
