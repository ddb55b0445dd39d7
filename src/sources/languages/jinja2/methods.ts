/**
 * Python methods templates call on plain data: dict `items/keys/values/get`
 * (loops) and the pure `str` methods (`lstrip`, `replace`, `split`, ...)
 * that roles use to derive names. Jinja2's sandbox allows exactly these on
 * builtin types; anything else is UNKNOWN.
 */
import { containsUnknown, isPlainObject, UNKNOWN } from '../../contracts/values.js';
import { pythonReplace } from './filters.js';

/** Python's str.strip() white space (str.isspace for the ASCII range and the common Unicode spaces). */
const PY_SPACE = new Set([' ', '\t', '\n', '\r', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0', '\u2028', '\u2029', '\u3000']);

function strip(text: string, chars: unknown, left: boolean, right: boolean): unknown {
  if (chars !== undefined && chars !== null && typeof chars !== 'string') return UNKNOWN;
  const set = typeof chars === 'string' ? new Set([...chars]) : PY_SPACE;
  const list = [...text];
  let from = 0;
  let to = list.length;
  if (left) while (from < to && set.has(list[from] as string)) from++;
  if (right) while (to > from && set.has(list[to - 1] as string)) to--;
  return list.slice(from, to).join('');
}

/** str.split(sep=None, maxsplit=-1): without `sep`, runs of white space separate and the remainder keeps its trailing spaces. */
function split(text: string, sep: unknown, maxsplit: unknown): unknown {
  const max = maxsplit === undefined ? -1 : maxsplit;
  if (typeof max !== 'number') return UNKNOWN;
  if (sep === undefined || sep === null) {
    const chars = [...text];
    const words: string[] = [];
    let i = 0;
    for (;;) {
      while (i < chars.length && PY_SPACE.has(chars[i] as string)) i++;
      if (i >= chars.length) return words;
      if (max >= 0 && words.length >= max) return [...words, chars.slice(i).join('')];
      let j = i;
      while (j < chars.length && !PY_SPACE.has(chars[j] as string)) j++;
      words.push(chars.slice(i, j).join(''));
      i = j;
    }
  }
  if (typeof sep !== 'string' || sep === '') return UNKNOWN;
  const parts = text.split(sep);
  if (max < 0 || parts.length <= max + 1) return parts;
  return [...parts.slice(0, max), parts.slice(max).join(sep)];
}

function stringMethod(text: string, name: string, args: unknown[]): unknown {
  switch (name) {
    case 'strip':
      return strip(text, args[0], true, true);
    case 'lstrip':
      return strip(text, args[0], true, false);
    case 'rstrip':
      return strip(text, args[0], false, true);
    case 'lower':
      return text.toLowerCase();
    case 'upper':
      return text.toUpperCase();
    case 'replace': {
      const [old, replacement, count] = args;
      if (typeof old !== 'string' || typeof replacement !== 'string') return UNKNOWN;
      if (count !== undefined && typeof count !== 'number') return UNKNOWN;
      return pythonReplace(text, old, replacement, count === undefined ? -1 : Math.trunc(count));
    }
    case 'startswith':
    case 'endswith': {
      const affixes = Array.isArray(args[0]) ? args[0] : [args[0]];
      if (args.length !== 1 || !affixes.every((a) => typeof a === 'string')) return UNKNOWN;
      return affixes.some((a) => (name === 'startswith' ? text.startsWith(a) : text.endsWith(a)));
    }
    case 'split':
      return split(text, args[0], args[1]);
    case 'join':
      return Array.isArray(args[0]) && args[0].every((a) => typeof a === 'string') ? (args[0]).join(text) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function dictMethod(object: Record<string, unknown>, name: string, args: unknown[]): unknown {
  switch (name) {
    case 'items':
      return Object.entries(object).map(([k, v]) => [k, v]);
    case 'keys':
      return Object.keys(object);
    case 'values':
      return Object.values(object);
    case 'get': {
      const key = args[0];
      if (typeof key !== 'string') return UNKNOWN;
      return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : (args[1] ?? null);
    }
    default:
      return UNKNOWN;
  }
}

/** `object.name(args)` on plain data; UNKNOWN for anything not listed. */
export function callMethod(object: unknown, name: string, args: unknown[]): unknown {
  if (containsUnknown(object) || args.some(containsUnknown)) return UNKNOWN;
  if (typeof object === 'string') return stringMethod(object, name, args);
  if (isPlainObject(object)) return dictMethod(object, name, args);
  return UNKNOWN;
}

