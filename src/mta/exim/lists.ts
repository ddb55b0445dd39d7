import type { Span } from '../../model/span.js';
import { isEximSpace, type MappedText } from './mapped-text.js';

export interface ListItem {
  /** The item as Exim sees it: trimmed, a doubled separator made single. */
  text: string;
  span: Span;
}

function isPunct(c: string | undefined): boolean {
  if (c === undefined || c.length !== 1) return false;
  const code = c.charCodeAt(0);
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

function isCntrl(c: string | undefined): boolean {
  if (c === undefined || c.length !== 1) return false;
  const code = c.charCodeAt(0);
  return code < 32 || code === 127;
}

/**
 * string_nextinlist() (string.c): items are separated by `:` unless the
 * list starts with `<` and a punctuation character, which becomes the
 * separator (`<; ::1 ; 127.0.0.1`). A doubled separator is one literal
 * separator character in an item (`::::1` is `::1` in a colon list).
 * Leading and trailing white space of each item is removed; an empty item
 * is kept (in a host list it matches mail from local processes).
 */
export function splitEximList(value: MappedText, fallback: Span): { items: ListItem[]; separator: string } {
  const text = value.text;
  let s = 0;
  let sep = ':';
  while (s < text.length && isEximSpace(text[s] as string)) s++;
  if (text[s] === '<' && (isPunct(text[s + 1]) || isCntrl(text[s + 1]))) {
    sep = text[s + 1] as string;
    s += 2;
  }
  const special = isCntrl(sep);
  const items: ListItem[] = [];
  for (;;) {
    while (s < text.length && isEximSpace(text[s] as string) && text[s] !== sep) s++;
    if (s >= text.length) break;
    let item = '';
    const start = s;
    let end = s;
    for (; s < text.length; s++) {
      if (text[s] === sep) {
        if (text[s + 1] !== sep || special) {
          s++;
          break;
        }
        s++;
      }
      item += text[s];
      end = s + 1;
    }
    let trimmed = item.length;
    while (trimmed > 0 && isEximSpace(item[trimmed - 1] as string)) trimmed--;
    let rawEnd = end;
    while (rawEnd > start && isEximSpace(text[rawEnd - 1] as string)) rawEnd--;
    const span = rawEnd > start ? value.span(start, rawEnd, fallback) : value.span(Math.max(0, start - 1), start, fallback);
    items.push({ text: item.slice(0, trimmed), span });
  }
  return { items, separator: sep };
}
