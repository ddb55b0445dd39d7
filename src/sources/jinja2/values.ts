/**
 * Values of the restricted evaluator: plain data plus two markers.
 * UNKNOWN: could not be resolved (a lookup into data we do not have, a filter
 * we do not evaluate). UNDEFINED: a name the repository does not declare.
 */
export const UNKNOWN: unique symbol = Symbol('unknown');
export const UNDEFINED: unique symbol = Symbol('undefined');

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
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

/** Python truthiness; UNKNOWN for unknown and undefined values. */
export function truthy(value: unknown): boolean | typeof UNKNOWN {
  if (value === UNKNOWN || value === UNDEFINED) return UNKNOWN;
  if (value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

function repr(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return pythonString(value);
}

/** str() as Python prints it, which is what Jinja2 outputs. Callers check containsUnknown first. */
export function pythonString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(repr).join(', ')}]`;
  if (isPlainObject(value)) return `{${Object.entries(value).map(([k, v]) => `${repr(k)}: ${repr(v)}`).join(', ')}}`;
  return String(value);
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
