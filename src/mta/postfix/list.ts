/**
 * Postfix list values (postconf(5): "separated by comma and/or whitespace").
 * Postfix splits them with mystrtokq(value, ", \t\r\n", "{}"): a separator
 * only counts outside `{ }`, so `{ a b }` is one item, and an unbalanced `{`
 * swallows the rest of the value. The braces stay in the item text, as
 * postconf prints them; `groupInner` gives what a consumer sees after
 * Postfix's extpar() strips them.
 */

export interface ListItem {
  /** The item as written, braces included. */
  text: string;
  /** Offset of the first character of the item in the split value. */
  offset: number;
  length: number;
}

/**
 * ',' ' ' '\t' '\n' — NOT '\r': measured with postconf 3.7, a CRLF main.cf
 * whose list value continues on the next line keeps the CR inside the
 * value, and Postfix sees it as part of an item (inet_interfaces fails with
 * "host not found: 127.0.0.1\r").
 */
function isSeparator(code: number): boolean {
  return code === 44 || code === 32 || code === 9 || code === 10;
}

export function splitList(value: string): ListItem[] {
  const items: ListItem[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && isSeparator(value.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let level = 0;
    for (; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c === 123) level++;
      else if (level > 0 && c === 125) level--;
      else if (level === 0 && isSeparator(c)) break;
    }
    items.push({ text: value.slice(start, i), offset: start, length: i - start });
  }
  return items;
}

const SPACE = /^[ \t\r\n\v\f]*/;

function trimPostfixSpace(text: string): string {
  let end = text.length;
  while (end > 0 && /[ \t\r\n\v\f]/.test(text.charAt(end - 1))) end--;
  return text.slice(0, end).replace(SPACE, '');
}

/**
 * The text inside a `{ ... }` list item, without the braces and the
 * whitespace next to them (Postfix extpar() with EXTPAR_FLAG_STRIP).
 * null when the item is not a group, or when its closing `}` is missing or
 * not last (Postfix reports "syntax error" there).
 */
export function groupInner(text: string): string | null {
  if (!text.startsWith('{')) return null;
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) level++;
    else if (c === 125) {
      level--;
      if (level === 0) return i === text.length - 1 ? trimPostfixSpace(text.slice(1, i)) : null;
    }
  }
  return null;
}

/** The item's text as a consumer uses it: the inner text of a `{ }` group, else the text. */
export function itemValue(item: ListItem): string {
  return groupInner(item.text) ?? item.text;
}
