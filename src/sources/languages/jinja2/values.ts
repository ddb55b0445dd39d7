import { isPlainObject, UNDEFINED, UNKNOWN } from '../../contracts/values.js';

/** Python truthiness; UNKNOWN for unknown and undefined values. */
export function truthy(value: unknown): boolean | typeof UNKNOWN {
  if (value === UNKNOWN || value === UNDEFINED) return UNKNOWN;
  if (value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** Control characters Python's repr() writes with a short escape. */
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * repr() of a str as CPython writes it: single quotes unless the text holds
 * a single quote and no double quote; backslash, the quote, \n \r \t and
 * other C0 controls and DEL escaped (Objects/unicodeobject.c, unicode_repr).
 */
function reprString(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    const short = SHORT_ESCAPES[ch];
    const code = ch.codePointAt(0) ?? 0;
    if (short !== undefined) out += short;
    else if (ch === quote) out += `\\${quote}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

function repr(value: unknown): string {
  if (typeof value === 'string') return reprString(value);
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
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- values come from YAML, JSON and the evaluators, which build only plain objects and arrays: what is left here is a symbol or a bigint
  return String(value);
}

/**
 * Python's `==` on plain data: a bool is an int (True == 1), lists and dicts
 * compare item by item. Callers check containsUnknown first.
 */
export function pythonEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  const na = typeof a === 'boolean' ? Number(a) : a;
  const nb = typeof b === 'boolean' ? Number(b) : b;
  if (na === nb) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => pythonEqual(v, b[i], depth + 1));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && pythonEqual(a[k], b[k], depth + 1))
    );
  }
  return false;
}

/** A null-prototype copy of plain data, so a key such as `__proto__` stays data. */
export function dataRecord(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}
