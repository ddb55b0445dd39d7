/**
 * Postfix list values (postconf(5): "separated by comma and/or whitespace").
 * Each consumer splits with its own separators (measured with postconf and
 * smtpd 3.7): restriction lists with mystrtokq(value, ", \t\r\n", "{}"), where
 * a separator only counts outside `{ }` (`{ a b }` is one item, an unbalanced
 * `{` swallows the rest), inet_interfaces on " \t," alone. The braces stay
 * in the item text, as postconf prints them; `groupInner` gives what a
 * consumer sees after Postfix's extpar() strips them.
 */

export interface ListItem {
  /** The item as written, braces included. */
  text: string;
  /** Offset of the first character of the item in the split value. */
  offset: number;
  length: number;
}

/** CHARS_COMMA_SP (sys_defs.h): the separators of Postfix's own lists, CR included. */
const COMMA_SP = ', \t\r\n';

/**
 * own_inet_addr.c splits inet_interfaces on " \t," only: a CR left inside a
 * CRLF main.cf's continued value is part of a host name (postconf 3.7:
 * "config variable inet_interfaces: host not found: 127.0.0.1\r").
 */
const INET_INTERFACES = ' \t,';

/**
 * mystrtokq(value, CHARS_COMMA_SP, "{}"): how smtpd_check.c reads restriction
 * lists (argv_splitq) and most other Postfix lists. A CR is a separator, so
 * `permit\r  reject` from a CRLF continuation is the two items permit and reject.
 */
export function splitList(value: string): ListItem[] {
  return split(value, COMMA_SP, true);
}

/** mystrtok(value, CHARS_COMMA_SP): a list read without `{ }` grouping (smtpd_restriction_classes). */
export function splitPlainList(value: string): ListItem[] {
  return split(value, COMMA_SP, false);
}

/** inet_interfaces as the master daemon and postconf read it (own_inet_addr.c). */
export function splitInetInterfaces(value: string): ListItem[] {
  return split(value, INET_INTERFACES, false);
}

function split(value: string, separators: string, braces: boolean): ListItem[] {
  const items: ListItem[] = [];
  let i = 0;
  const n = value.length;
  const isSeparator = (c: string): boolean => separators.includes(c);
  while (i < n) {
    while (i < n && isSeparator(value.charAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let level = 0;
    for (; i < n; i++) {
      const c = value.charAt(i);
      if (braces && c === '{') level++;
      else if (braces && level > 0 && c === '}') level--;
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
