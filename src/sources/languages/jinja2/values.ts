import { isPlainObject, UNDEFINED, UNKNOWN } from '../../contracts/values.js';

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
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- values come from YAML, JSON and the evaluators, which build only plain objects and arrays: what is left here is a symbol or a bigint
  return String(value);
}
