import type { EvaluationBudget } from '../../contracts/budget.js';
import type { VariableOrigin } from '../../contracts/variables.js';
import type { Pipeline, Term } from './expression.js';
import { buildBound, FUNCTIONS } from './functions.js';
import { isPlainObject, UNDEFINED, UNKNOWN } from './values.js';

/** A value and, when it comes from the chart's data, its dotted path (`Values.postfix.relay`) for origins. */
export interface Ref {
  value: unknown;
  path: string | null;
}

/** The data a template is executed with (`$`, the first `.`): its fields are the scope's variables. */
export const ROOT: unique symbol = Symbol('root');

export interface GoContext {
  /** `.Name` on ROOT: a variable of the scope (Values, Chart, Release...). */
  rootField(name: string): Ref;
  /** Variable frames, innermost last; `$` is the data the template was given. */
  frames: Map<string, Ref>[];
  /** Data paths the rendering read, with their defining line. */
  used: Map<string, VariableOrigin | null>;
  origin(path: string): VariableOrigin | null;
  /** Functions not evaluated (include, tpl, lookup...), at the offset of their action. */
  skipped: { offset: number; tag: string }[];
  /** Offset of the action being evaluated (for skipped notes). */
  offset: number;
  /** The file's evaluation budget: every step, every value a function builds, is charged. */
  budget: EvaluationBudget;
}

export function lookupVariable(context: GoContext, name: string): Ref | undefined {
  for (let i = context.frames.length - 1; i >= 0; i--) {
    const found = context.frames[i]?.get(name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `.Name` on a value: a map key (absent: UNDEFINED); anything else is unknown (Go would fail). */
function field(context: GoContext, base: Ref, name: string): Ref {
  if (base.value === ROOT) return context.rootField(name);
  const path = base.path === null ? null : `${base.path}.${name}`;
  if (isPlainObject(base.value)) {
    if (Object.prototype.hasOwnProperty.call(base.value, name)) return { value: base.value[name], path };
    return { value: UNDEFINED, path };
  }
  return { value: UNKNOWN, path };
}

function chain(context: GoContext, base: Ref, names: string[]): Ref {
  let ref = base;
  for (const name of names) ref = field(context, ref, name);
  if (names.length > 0 && ref.path !== null) context.used.set(ref.path, context.origin(ref.path));
  return ref;
}

function term(context: GoContext, t: Term, dot: Ref): Ref {
  if (!context.budget.step() || !context.budget.enter()) return { value: UNKNOWN, path: null };
  try {
    return termValue(context, t, dot);
  } finally {
    context.budget.leave();
  }
}

function termValue(context: GoContext, t: Term, dot: Ref): Ref {
  switch (t.k) {
    case 'dot':
      return dot;
    case 'field':
      return chain(context, t.base === null ? dot : term(context, t.base, dot), t.names);
    case 'variable':
      return chain(context, lookupVariable(context, t.name) ?? { value: UNKNOWN, path: null }, t.names);
    case 'string':
    case 'number':
    case 'bool':
      return { value: t.value, path: null };
    case 'nil':
      return { value: null, path: null };
    case 'pipeline':
      return chain(context, evaluatePipeline(context, t.pipeline, dot), t.names);
    case 'function':
      return call(context, t.name, [], dot);
  }
}

function call(context: GoContext, name: string, args: Ref[], _dot: Ref): Ref {
  const fn = FUNCTIONS.get(name);
  if (fn === undefined) {
    context.skipped.push({ offset: context.offset, tag: name });
    return { value: UNKNOWN, path: null };
  }
  const values = args.map((a) => a.value);
  // What the call can build, checked before it is made; what it built, charged after.
  const budget = context.budget;
  if (!budget.affords(buildBound(name, values, budget))) {
    budget.text(Number.POSITIVE_INFINITY);
    return { value: UNKNOWN, path: null };
  }
  const value = fn(values);
  if (!values.includes(value) && !budget.built(value)) return { value: UNKNOWN, path: null };
  // `default` and `coalesce` pass a value through: keep its origin.
  const passed = args.find((a) => a.value === value && a.path !== null);
  return { value, path: passed?.path ?? null };
}

/**
 * A pipeline's value. Each command's result becomes the last argument of the
 * next; `$x := ...` binds in the innermost frame, `$x = ...` rebinds the
 * nearest existing variable (the renderer passes `maybe` to make a
 * conditional assignment unknown).
 */
export function evaluatePipeline(context: GoContext, pipeline: Pipeline, dot: Ref, maybe = false): Ref {
  let piped: Ref | null = null;
  for (const command of pipeline.commands) {
    const [first, ...rest] = command.args;
    if (first === undefined) return { value: UNKNOWN, path: null };
    if (first.k === 'function') {
      const args = rest.map((a) => term(context, a, dot));
      if (piped !== null) args.push(piped);
      piped = call(context, first.name, args, dot);
    } else if (rest.length > 0 || piped !== null) {
      // Arguments to a non-function: Go refuses to execute this.
      piped = { value: UNKNOWN, path: null };
    } else piped = term(context, first, dot);
  }
  const result = piped ?? { value: UNKNOWN, path: null };
  if (pipeline.declarations.length > 0) {
    const name = pipeline.declarations[0] as string;
    const bound: Ref = maybe && pipeline.assign ? { value: UNKNOWN, path: null } : result;
    if (pipeline.assign) {
      for (let i = context.frames.length - 1; i >= 0; i--) {
        const frame = context.frames[i] as Map<string, Ref>;
        if (frame.has(name)) {
          frame.set(name, bound);
          break;
        }
      }
    } else context.frames[context.frames.length - 1]?.set(name, bound);
  }
  return result;
}
