/**
 * The filters the restricted evaluator knows: Jinja2's builtins that config
 * templates use, and the Ansible filters roles use on plain data (`bool`,
 * `combine`, `dict2items`, `items2dict`, `ternary`, `comment`). Each is a
 * pure function of evaluated values; anything else is UNKNOWN.
 */
import { containsUnknown, isPlainObject, UNDEFINED, UNKNOWN } from '../../contracts/values.js';
import { dataRecord, pythonString, truthy } from './values.js';

export type FilterArguments = { args: unknown[]; kwargs: Record<string, unknown> };

/** Ansible's `bool` filter: yes/on/1/true (any case) are true, everything else false. */
export function ansibleBool(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (value === null) return false;
  if (typeof value === 'number') return value === 1;
  if (typeof value === 'string') return ['yes', 'on', '1', 'true'].includes(value.trim().toLowerCase());
  return false;
}

/** Jinja2's `default(value, boolean=False)`: the only filter that sees an undefined operand as such. */
function defaultFilter(operand: unknown, { args, kwargs }: FilterArguments): unknown {
  const fallback = args[0] ?? kwargs.default_value ?? '';
  const boolean = truthy(args[1] ?? kwargs.boolean ?? false);
  if (operand === UNDEFINED) return fallback;
  if (operand === UNKNOWN) return UNKNOWN;
  if (boolean === true) {
    const t = truthy(operand);
    if (t === UNKNOWN) return UNKNOWN;
    return t ? operand : fallback;
  }
  return operand;
}

const COMMENT_STYLES: Readonly<Record<string, { beginning?: string; decoration: string; end?: string }>> = {
  plain: { decoration: '# ' },
  erlang: { decoration: '% ' },
  c: { decoration: '// ' },
  cblock: { beginning: '/*', decoration: ' * ', end: ' */' },
  xml: { beginning: '<!--', decoration: ' - ', end: '-->' },
};

/** The text around the commented lines of Ansible's `comment` filter, and each line's decoration. */
export interface CommentFrame {
  head: string;
  decoration: string;
  tail: string;
}

/**
 * Ansible's `comment` filter (plugins/filter/core.py, "comment"): the
 * style's beginning line, `prefix_count` prefix lines (the decoration
 * without trailing spaces), every line of the text after the decoration,
 * `postfix_count` postfix lines and the end line. Its parameters as the
 * filter documents them; null when one is not known or not plain text.
 */
export function commentFrame(args: unknown[], kwargs: Record<string, unknown>): CommentFrame | null {
  const styleName = args[0] ?? kwargs.style ?? 'plain';
  if (typeof styleName !== 'string' || !Object.prototype.hasOwnProperty.call(COMMENT_STYLES, styleName)) return null;
  const style = COMMENT_STYLES[styleName] as { beginning?: string; decoration: string; end?: string };
  const given = (name: string): unknown => (Object.prototype.hasOwnProperty.call(kwargs, name) ? kwargs[name] : undefined);
  const prepostfix = given('decoration') ?? style.decoration;
  if (typeof prepostfix !== 'string') return null;
  const p = {
    newline: given('newline') ?? '\n',
    beginning: given('beginning') ?? style.beginning ?? '',
    prefix: given('prefix') ?? prepostfix.trimEnd(),
    prefix_count: given('prefix_count') ?? 1,
    decoration: given('decoration') ?? style.decoration,
    postfix: given('postfix') ?? prepostfix.trimEnd(),
    postfix_count: given('postfix_count') ?? 1,
    end: given('end') ?? style.end ?? '',
  };
  const { newline, beginning, prefix, decoration, postfix, end } = p;
  if (typeof newline !== 'string' || typeof beginning !== 'string' || typeof prefix !== 'string') return null;
  if (typeof decoration !== 'string' || typeof postfix !== 'string' || typeof end !== 'string') return null;
  if (typeof p.prefix_count !== 'number' || typeof p.postfix_count !== 'number' || newline !== '\n') return null;
  const prefixCount = Math.max(0, Math.min(64, Math.trunc(p.prefix_count)));
  const postfixCount = Math.max(0, Math.min(64, Math.trunc(p.postfix_count)));
  let head = beginning === '' ? '' : beginning + newline;
  if (prefix !== '') head += (prefix === newline ? newline : prefix + newline).repeat(prefixCount);
  let tail = '';
  for (let i = 0; i < postfixCount; i++) tail += newline + postfix;
  if (end !== '') tail += newline + end;
  return { head, decoration, tail };
}

/** The `comment` filter over known text. */
function comment(text: string, frame: CommentFrame): string {
  const { decoration } = frame;
  const lines = (decoration + text.replaceAll('\n', `\n${decoration}`)).replaceAll(`${decoration}\n`, `${decoration.trimEnd()}\n`);
  return frame.head + lines + frame.tail;
}

/** Ansible's `combine` (plugins/filter/core.py): later dicts win; `recursive` merges nested dicts; `list_merge` says how lists meet. */
function combine(operand: unknown, { args, kwargs }: FilterArguments): unknown {
  const dicts: unknown[] = [];
  for (const term of [operand, ...args]) {
    if (Array.isArray(term)) dicts.push(...(term as unknown[]));
    else dicts.push(term);
  }
  const recursive = truthy(kwargs.recursive ?? false);
  const listMerge = kwargs.list_merge ?? 'replace';
  if (recursive === UNKNOWN || typeof listMerge !== 'string' || !['replace', 'keep', 'append', 'prepend'].includes(listMerge)) return UNKNOWN;
  let result: Record<string, unknown> = dataRecord([]);
  for (const d of dicts) {
    if (!isPlainObject(d)) return UNKNOWN;
    result = mergeDicts(result, d, recursive, listMerge, 0);
  }
  return result;
}

function mergeDicts(a: Record<string, unknown>, b: Record<string, unknown>, recursive: boolean, listMerge: string, depth: number): Record<string, unknown> {
  const out = dataRecord(Object.entries(a));
  for (const [k, v] of Object.entries(b)) {
    const old = Object.prototype.hasOwnProperty.call(a, k) ? a[k] : undefined;
    if (recursive && depth < 32 && isPlainObject(old) && isPlainObject(v)) out[k] = mergeDicts(old, v, recursive, listMerge, depth + 1);
    else if (Array.isArray(old) && Array.isArray(v) && listMerge !== 'replace') {
      const before = old as unknown[];
      const after = v as unknown[];
      out[k] = listMerge === 'keep' ? before : listMerge === 'append' ? [...before, ...after] : [...after, ...before];
    } else out[k] = v;
  }
  return out;
}

/** Jinja2's `replace(old, new, count=None)` on a string. */
function replaceFilter(operand: unknown, { args, kwargs }: FilterArguments): unknown {
  const [old, replacement] = args;
  const count = args[2] ?? kwargs.count ?? null;
  if (typeof operand !== 'string' || typeof old !== 'string' || typeof replacement !== 'string') return UNKNOWN;
  if (count === null) return pythonReplace(operand, old, replacement, -1);
  return typeof count === 'number' ? pythonReplace(operand, old, replacement, Math.trunc(count)) : UNKNOWN;
}

/** str.replace(old, new, count): an empty `old` inserts between characters, as Python does. */
export function pythonReplace(text: string, old: string, replacement: string, count: number): string {
  if (count === 0) return text;
  if (old === '') {
    const chars = [...text];
    let out = '';
    let n = 0;
    for (let i = 0; i <= chars.length; i++) {
      if (count < 0 || n < count) {
        out += replacement;
        n++;
      }
      out += chars[i] ?? '';
    }
    return out;
  }
  if (count < 0) return text.split(old).join(replacement);
  let out = '';
  let cursor = 0;
  for (let n = 0; n < count; n++) {
    const at = text.indexOf(old, cursor);
    if (at < 0) break;
    out += text.slice(cursor, at) + replacement;
    cursor = at + old.length;
  }
  return out + text.slice(cursor);
}

/** Ansible's `items2dict(key_name='key', value_name='value')`. */
function items2dict(operand: unknown, { kwargs }: FilterArguments): unknown {
  const keyName = kwargs.key_name ?? 'key';
  const valueName = kwargs.value_name ?? 'value';
  if (!Array.isArray(operand) || typeof keyName !== 'string' || typeof valueName !== 'string') return UNKNOWN;
  const out = dataRecord([]);
  for (const item of operand) {
    if (!isPlainObject(item)) return UNKNOWN;
    const key = item[keyName];
    if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(item, valueName)) return UNKNOWN;
    out[key] = item[valueName];
  }
  return out;
}

/** Python int() and float() literals (no nested quantifiers: linear on any text). */
const INTEGER_TEXT = /^[ \t\n]*[-+]?\d+(?:_\d+)*[ \t\n]*$/;
const FLOAT_TEXT = /^[ \t\n]*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?[ \t\n]*$/;

/** Jinja2's `capitalize`: first character upper case, the rest lower case. */
function capitalize(text: string): string {
  const chars = [...text];
  return (chars[0] ?? '').toUpperCase() + chars.slice(1).join('').toLowerCase();
}

/** Jinja2's `map(attribute=...)` and `map('filter')` over a list. */
function mapFilter(operand: unknown, { args, kwargs }: FilterArguments): unknown {
  if (!Array.isArray(operand)) return UNKNOWN;
  if (typeof kwargs.attribute === 'string' && args.length === 0) {
    const attribute = kwargs.attribute;
    const fallback = Object.prototype.hasOwnProperty.call(kwargs, 'default') ? kwargs.default : UNDEFINED;
    return operand.map((item) => (isPlainObject(item) && Object.prototype.hasOwnProperty.call(item, attribute) ? item[attribute] : fallback));
  }
  const [name, ...rest] = args;
  if (typeof name !== 'string' || name === 'map') return UNKNOWN;
  return operand.map((item) => applyFilter(name, item, { args: rest, kwargs: {} }));
}

/**
 * The value of `operand | name(args)`, UNKNOWN when the filter is not one
 * relaygate evaluates or its inputs are not known.
 */
export function applyFilter(name: string, operand: unknown, parameters: FilterArguments): unknown {
  if (name === 'default' || name === 'd') return defaultFilter(operand, parameters);
  const { args, kwargs } = parameters;
  if (containsUnknown(operand) || args.some(containsUnknown) || Object.values(kwargs).some(containsUnknown)) return UNKNOWN;
  switch (name) {
    case 'join': {
      const separator = args[0] ?? kwargs.d ?? '';
      if (typeof separator !== 'string') return UNKNOWN;
      if (Array.isArray(operand)) return operand.map(pythonString).join(separator);
      if (isPlainObject(operand)) return Object.keys(operand).join(separator);
      if (typeof operand === 'string') return [...operand].join(separator);
      return UNKNOWN;
    }
    case 'lower':
      return pythonString(operand).toLowerCase();
    case 'upper':
      return pythonString(operand).toUpperCase();
    case 'capitalize':
      return capitalize(pythonString(operand));
    case 'string':
      return pythonString(operand);
    case 'trim':
      return typeof args[0] === 'string' ? UNKNOWN : pythonString(operand).trim();
    case 'bool':
      return ansibleBool(operand);
    case 'int': {
      // Jinja2's do_int: int(value), else int(float(value)) ("42.23" gives 42), else the default.
      if (typeof operand === 'number') return Math.trunc(operand);
      if (typeof operand === 'boolean') return operand ? 1 : 0;
      const fallback = args[0] ?? kwargs.default ?? 0;
      if (typeof operand !== 'string' || (args[1] ?? kwargs.base ?? 10) !== 10) return typeof operand === 'string' ? UNKNOWN : fallback;
      if (INTEGER_TEXT.test(operand)) return Number.parseInt(operand.replaceAll('_', '').trim(), 10);
      if (FLOAT_TEXT.test(operand)) return Math.trunc(Number(operand.trim()));
      return fallback;
    }
    case 'length':
    case 'count':
      if (typeof operand === 'string') return [...operand].length;
      if (Array.isArray(operand)) return operand.length;
      if (isPlainObject(operand)) return Object.keys(operand).length;
      return UNKNOWN;
    case 'list':
      if (Array.isArray(operand)) return operand;
      if (typeof operand === 'string') return [...operand];
      if (isPlainObject(operand)) return Object.keys(operand);
      return UNKNOWN;
    case 'first':
    case 'last': {
      const items = typeof operand === 'string' ? [...operand] : Array.isArray(operand) ? operand : isPlainObject(operand) ? Object.keys(operand) : null;
      if (items === null) return UNKNOWN;
      if (items.length === 0) return UNDEFINED;
      return name === 'first' ? items[0] : items[items.length - 1];
    }
    case 'replace':
      return replaceFilter(operand, parameters);
    case 'dict2items':
      if (!isPlainObject(operand)) return UNKNOWN;
      return Object.entries(operand).map(([key, value]) => dataRecord([['key', key], ['value', value]]));
    case 'items2dict':
      return items2dict(operand, parameters);
    case 'combine':
      return combine(operand, parameters);
    case 'map':
      return mapFilter(operand, parameters);
    case 'ternary': {
      const t = truthy(operand);
      if (operand === null && args.length > 2) return args[2];
      if (t === UNKNOWN || args.length < 2) return UNKNOWN;
      return t ? args[0] : args[1];
    }
    case 'mandatory':
      return operand;
    case 'comment': {
      if (typeof operand !== 'string') return UNKNOWN;
      const frame = commentFrame(args, kwargs);
      return frame === null ? UNKNOWN : comment(operand, frame);
    }
    default:
      return UNKNOWN;
  }
}
