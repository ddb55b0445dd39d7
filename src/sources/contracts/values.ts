/**
 * Values of the restricted evaluators (every template language's, and the
 * variables files' plain data): plain data plus two markers.
 * UNKNOWN: could not be resolved (a lookup into data we do not have, a filter
 * we do not evaluate). UNDEFINED: a name the repository does not declare.
 */
export const UNKNOWN: unique symbol = Symbol('unknown');
export const UNDEFINED: unique symbol = Symbol('undefined');

/**
 * A map of plain data: an object literal, or a null-prototype object (how
 * every map built from repository data is made, src/model/plain-data.ts).
 * Object.prototype itself is not data, although its own prototype is null:
 * a lookup of `__proto__` on an ordinary object that reached it must not be
 * walked into (and written through) as if it were a map.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value === Object.prototype) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * true when the value or anything inside it is a symbol: UNKNOWN, UNDEFINED,
 * or a renderer's own marker (Go templates' root data, never printed whole).
 * The Go template and Terraform renderers' notion of "not fully known".
 */
export function containsSymbol(value: unknown, depth = 0): boolean {
  if (typeof value === 'symbol') return true;
  if (depth > 32) return true;
  if (Array.isArray(value)) return value.some((v) => containsSymbol(v, depth + 1));
  if (isPlainObject(value)) return Object.values(value).some((v) => containsSymbol(v, depth + 1));
  return false;
}

/** true when the value or anything inside it is unknown or undefined. */
export function containsUnknown(value: unknown, depth = 0): boolean {
  if (value === UNKNOWN || value === UNDEFINED) return true;
  if (depth > 32) return true;
  if (Array.isArray(value)) return value.some((v) => containsUnknown(v, depth + 1));
  if (isPlainObject(value)) return Object.values(value).some((v) => containsUnknown(v, depth + 1));
  return false;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
