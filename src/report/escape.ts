/**
 * Escaping for text that may come from a scanned file (values quoted in
 * messages, paths). Every report format passes such text through here, so a
 * repository cannot inject terminal escapes, fake log lines or workflow
 * commands (README, "Safety").
 */

/**
 * Characters that change how a line is displayed or split: C0 controls
 * (CR, LF, ESC, ...), DEL, C1 controls (NEL among them), the Unicode line and
 * paragraph separators, and bidirectional overrides and isolates ("Trojan
 * source"). One character class, so the scan is linear.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Replaces control characters with a visible escape (`\n`, `\x1b`, `\u202e`): the text stays on one line. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A path made safe to print at the start of a line. The Actions runner trims
 * leading whitespace and then executes a line that begins with `::`, so a
 * path that does not begin with a plain name character gets a `./` prefix
 * (the same relative path, and a harmless line start).
 */
export function lineStartPath(path: string): string {
  const shown = visible(path);
  return /^[A-Za-z0-9_.]/.test(shown) ? shown : `./${shown}`;
}

/**
 * Workflow-command message data, escaped exactly as @actions/core's
 * `escapeData` (lib/command.js): `%` first, then CR and LF.
 */
export function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Workflow-command property value, escaped exactly as @actions/core's
 * `escapeProperty`: as data, plus `:` and `,` which delimit properties.
 */
export function commandProperty(text: string): string {
  return commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Longest cell, in characters, before it is cut: one huge scanned value must not eat the summary's budget. */
export const MAX_CELL_CHARS = 1000;

/**
 * Text for a GitHub-flavoured Markdown table cell. HTML-significant
 * characters become entities (no tag can open), `|` cannot end the cell,
 * backticks and other Markdown punctuation cannot start code, emphasis or
 * links, and control characters (newlines among them) become visible escapes
 * so the row stays one line.
 */
export function markdownCell(text: string, maxChars = MAX_CELL_CHARS): string {
  const cut = text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
  return visible(cut)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`);
}

/**
 * Plain text (rule help, messages) as Markdown that shows exactly that text:
 * m4 quotes cannot open code spans, `_PROMISCUOUS_RELAY_` is not emphasis,
 * no HTML tag can open. The same escaping as a table cell, without a cut.
 */
export function markdownText(text: string): string {
  return markdownCell(text, Number.MAX_SAFE_INTEGER);
}

/** A relative POSIX path as a URI reference: each segment percent-encoded, `/` kept. */
export function pathToUri(path: string): string {
  return path
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
