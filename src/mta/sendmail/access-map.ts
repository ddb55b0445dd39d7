import { isUnknown, LineIndex, type SourceFile } from '../../model/source.js';
import type { Span } from '../../model/span.js';

/** One line of a sendmail access map source (the text `makemap hash access < access` reads). */
export interface AccessEntry {
  /** `Connect`, `From`, `To`, `Spam`, ...; null for an untagged key (it applies to Connect, From and To). */
  tag: string | null;
  /** The key without its tag. */
  key: string;
  /** The right-hand side (`RELAY`, `OK`, `REJECT`, `ERROR:...`). */
  value: string;
  span: Span;
  /** The entry contains text from an unresolved template expression. */
  unknown: boolean;
}

export interface AccessMap {
  file: string;
  entries: AccessEntry[];
}

/**
 * makemap(8) input: one `key value` per line, the key up to the first space
 * or tab, the value after the whitespace that follows it; lines starting
 * with `#` and empty lines are skipped. A tag is the key's part up to the
 * first `:` when it is one of the tags sendmail looks up (cf/README).
 */
const TAGS = new Set(['connect', 'from', 'to', 'spam', 'compat', 'srv_features', 'clt_features', 'try_tls', 'tls_srv', 'tls_clt', 'tls_rcpt', 'greet', 'mta', 'gmsg']);

export function parseAccessMap(file: SourceFile): AccessMap {
  const index = new LineIndex(file.text);
  const entries: AccessEntry[] = [];
  for (let n = 1; n <= index.lineCount; n++) {
    const text = index.lineText(n);
    if (text === '' || text.startsWith('#')) continue;
    const split = splitEntry(text);
    if (split === null) continue;
    const [rawKey, value] = split;
    const colon = rawKey.indexOf(':');
    const tag = colon > 0 && TAGS.has(rawKey.slice(0, colon).toLowerCase()) ? rawKey.slice(0, colon) : null;
    const key = tag === null ? rawKey : rawKey.slice(colon + 1);
    entries.push({ tag, key, value, span: { file: file.path, line: n, column: 1, endLine: n, endColumn: text.length + 1 }, unknown: isUnknown(text) });
  }
  return { file: file.path, entries };
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}

/** `key<blanks>value<blanks>` -> [key, value]; null without a value. */
function splitEntry(text: string): [string, string] | null {
  let i = 0;
  while (i < text.length && !isBlank(text.charAt(i))) i++;
  const key = text.slice(0, i);
  while (i < text.length && isBlank(text.charAt(i))) i++;
  let end = text.length;
  while (end > i && isBlank(text.charAt(end - 1))) end--;
  return key === '' || end <= i ? null : [key, text.slice(i, end)];
}

/** Does sendmail read this file as an access map source: does any entry say RELAY? */
export function looksLikeAccessMap(text: string): boolean {
  return /^[^#\s][^ \t\n]*[ \t]+RELAY[ \t]*\r?$/m.test(text);
}
