import { slice, type MappedText } from '../../languages/yaml/mapped-text.js';

export interface FreeFormArgument {
  name: string;
  value: MappedText;
  /** Index range of `name=value` in the free-form text. */
  from: number;
  to: number;
}

export interface FreeForm {
  arguments: FreeFormArgument[];
  /** Words without `=` (the command of `shell: postconf -e x=y` keeps everything: see splitFreeForm's caller). */
  rawWords: number;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Ansible's `module: k=v k2="v 2"` form (parse_kv / split_args): words are
 * split on white space outside quotes and outside `{{ }}` / `{% %}`, a word
 * with `=` is an argument, a quoted value loses its quotes. Linear: one pass.
 */
export function parseFreeForm(m: MappedText): FreeForm {
  const text = m.text;
  const result: FreeForm = { arguments: [], rawWords: 0 };
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    const start = i;
    let quote = 0;
    let jinja = 0;
    let equals = -1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (jinja === 0 && quote === 0 && isSpace(c)) break;
      // Like split_args, a `{{ }}` holds together even inside quotes, and quotes inside it do not count.
      if (c === 123 && (text.charCodeAt(i + 1) === 123 || text.charCodeAt(i + 1) === 37)) {
        jinja++;
        i += 2;
        continue;
      }
      if (jinja > 0 && (c === 125 || c === 37) && text.charCodeAt(i + 1) === 125) {
        jinja--;
        i += 2;
        continue;
      }
      if (jinja === 0) {
        if (quote === 0 && (c === 34 || c === 39)) quote = c;
        else if (quote !== 0 && c === quote && text.charCodeAt(i - 1) !== 92) quote = 0;
        else if (quote === 0 && c === 61 && equals === -1) equals = i;
      }
      i++;
    }
    const end = i;
    const name = equals === -1 ? '' : text.slice(start, equals);
    if (equals === -1 || !KEY.test(name)) {
      result.rawWords++;
      continue;
    }
    let valueFrom = equals + 1;
    let valueTo = end;
    const first = text.charCodeAt(valueFrom);
    if (valueTo - valueFrom >= 2 && (first === 34 || first === 39) && text.charCodeAt(valueTo - 1) === first) {
      valueFrom++;
      valueTo--;
    }
    result.arguments.push({ name, value: slice(m, valueFrom, valueTo), from: start, to: end });
  }
  return result;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
