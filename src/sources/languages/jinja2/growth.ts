/**
 * What one filter or method call may add to the characters of its inputs,
 * known before it runs. The evaluation budget (../../contracts/budget.ts)
 * charges a value once it is built, which bounds growth over many calls; one
 * call, though, can multiply its inputs: `x | replace("b", y)` puts all of y
 * at every b of x, `x | join(y)` puts y between every two characters of x,
 * `comment` decorates every line. Charging this bound first means such a
 * call is never built past the budget. Linear in the inputs.
 */
import { occurrences } from '../../contracts/budget.js';
import { isPlainObject } from '../../contracts/values.js';

/** Characters `str.replace(old, new, count)` adds: one `new` per occurrence of `old` it replaces. */
function replaceGrowth(text: unknown, old: unknown, replacement: unknown, count: unknown): number {
  if (typeof text !== 'string' || typeof old !== 'string' || typeof replacement !== 'string') return 0;
  const found = occurrences(text, old);
  return (typeof count === 'number' && count >= 0 ? Math.min(found, count) : found) * replacement.length;
}

/** Characters a join adds: the separator between every two items (of a list, a dict's keys, a string's characters). */
function joinGrowth(items: unknown, separator: unknown): number {
  if (typeof separator !== 'string') return 0;
  const n = Array.isArray(items) ? items.length : isPlainObject(items) ? Object.keys(items).length : typeof items === 'string' ? items.length : 0;
  return Math.max(0, n - 1) * separator.length;
}

/** Characters given as text among a call's arguments (a comment style's own decoration is a few characters more). */
function textArguments(args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>): number {
  let total = 8;
  for (const value of [...args, ...Object.values(kwargs)]) if (typeof value === 'string') total += value.length;
  return total;
}

export function filterGrowth(name: string, operand: unknown, args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>): number {
  switch (name) {
    case 'join':
      return joinGrowth(operand, args[0] ?? kwargs.d ?? '');
    case 'replace':
      return replaceGrowth(operand, args[0], args[1], args[2] ?? kwargs.count);
    case 'comment': {
      // Every line gets the decoration; the frame is at most 64 prefix and 64 postfix lines, a beginning and an end.
      if (typeof operand !== 'string') return 0;
      const frame = textArguments(args, kwargs);
      return (occurrences(operand, '\n') + 1 + 130) * frame;
    }
    case 'map': {
      // map('filter', ...) applies the filter to every item.
      const [inner, ...rest] = args;
      if (typeof inner !== 'string' || inner === 'map' || !Array.isArray(operand)) return 0;
      let total = 0;
      for (const item of operand as unknown[]) total += filterGrowth(inner, item, rest, {});
      return total;
    }
    default:
      return 0;
  }
}

export function methodGrowth(object: unknown, name: string, args: readonly unknown[]): number {
  if (typeof object !== 'string') return 0;
  if (name === 'replace') return replaceGrowth(object, args[0], args[1], args[2]);
  if (name === 'join') return joinGrowth(args[0], object);
  return 0;
}
