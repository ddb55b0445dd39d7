import { containsSymbol, isPlainObject, UNDEFINED, UNKNOWN } from '../../contracts/values.js';

export { isPlainObject, UNDEFINED, UNKNOWN };

/** true when the value or anything inside it is unknown or undefined; any other symbol is the template's root data, never printed whole. */
export { containsSymbol as containsUnknown };

/**
 * Go's template truth (text/template `IsTrue`): false, 0, nil, and empty
 * strings, slices and maps are false. A key the chart does not declare is
 * UNDEFINED: its truth is unknown (the user may set it at install time).
 */
export function goTruth(value: unknown): boolean | typeof UNKNOWN {
  if (value === UNKNOWN || value === UNDEFINED) return UNKNOWN;
  return !isEmpty(value);
}

/** Sprig's `empty` on known values (also what `default`, `and`, `or` test). */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

/**
 * A number as Go's fmt prints a float64 (`%v`, shortest form): Helm reads
 * values.yaml through JSON, so every number is a float64 and 1000000 prints
 * as 1e+06.
 */
export function goFloat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  // strconv.FormatFloat(f, 'g', -1, 64): exponent form below 1e-4 and from 1e+06 (shortest precision uses 6 here).
  if (exponent < -4 || exponent >= 6) {
    const [mantissa, power] = value.toExponential().split('e') as [string, string];
    const sign = power.startsWith('-') ? '-' : '+';
    const digits = power.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(value);
}

/**
 * What Go's fmt prints for a value (`{{ x }}`): strings as they are, nil as
 * Helm prints it (Helm replaces "<no value>" with ""), slices `[a b]`, maps
 * `map[k:v]` with sorted keys. Callers check containsUnknown first.
 */
export function goString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return goFloat(value);
  if (Array.isArray(value)) return `[${value.map(inner).join(' ')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return `map[${keys.map((k) => `${k}:${inner(value[k])}`).join(' ')}]`;
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- values come from YAML, JSON and the evaluators, which build only plain objects and arrays: what is left here is a symbol or a bigint
  return String(value);
}

/** Inside a slice or map Go prints nil as <nil>. */
function inner(value: unknown): string {
  return value === null || value === undefined ? '<nil>' : goString(value);
}
