import type { TemplateDiagnostic } from '../../contracts/template-language.js';

/**
 * A Jinja2 template cut into literal text and tags, with whitespace control
 * already applied to the text ranges (so rendering copies ranges as they are).
 *
 * Whitespace rules (Jinja2 "Whitespace Control", Ansible `template` module):
 * - `{%-`, `{{-`, `{#-` strip all whitespace (newlines too) before the tag;
 *   `-%}`, `-}}`, `-#}` strip all whitespace after it.
 * - trim_blocks: the first newline after a block tag `%}` or a comment `#}`
 *   is removed (never after `}}`). Jinja2 defaults trim_blocks to False, but
 *   Ansible's template module defaults it to True, and that is how role
 *   templates are rendered. `+%}` turns it off for one tag.
 * - lstrip_blocks is False in both (Ansible's default), so `{%+` changes nothing.
 * - Comments `{# #}` produce nothing.
 * - `{% raw %}...{% endraw %}` is literal text.
 * Ansible keeps the file's trailing newline, so the text is not trimmed at the end.
 */
export type TemplateToken =
  | { kind: 'text'; start: number; end: number }
  /** `{{ expr }}`: the tag is start..end, the expression bodyStart..bodyEnd. */
  | { kind: 'output'; start: number; end: number; bodyStart: number; bodyEnd: number }
  /** `{% body %}`. */
  | { kind: 'statement'; start: number; end: number; bodyStart: number; bodyEnd: number };

export interface TrimOptions {
  trimBlocks: boolean;
}

export interface LexResult {
  tokens: TemplateToken[];
  diagnostics: TemplateDiagnostic[];
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12;
}

/**
 * Index of `close` outside string literals and outside open brackets, from
 * `from`; -1 when absent. Jinja2's lexer matches a tag's end only while its
 * bracket stack is empty (lexer.py, "balancing_stack"), so the `}}` inside
 * `{{ {'a': {'b': 1}} }}` closes two dict literals, not the tag.
 */
function findClose(text: string, from: number, close: string): number {
  let quote = 0;
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 39 || c === 34) quote = c;
    else if (depth === 0 && text.startsWith(close, i)) return i;
    else if (c === 123 || c === 40 || c === 91) depth++;
    else if ((c === 125 || c === 41 || c === 93) && depth > 0) depth--;
  }
  return -1;
}

const RAW_OPEN = /^\s*raw\s*$/;
/** `{% endraw %}` with optional whitespace control; linear (no nested quantifiers). */
const RAW_CLOSE = /\{%[-+]?\s*endraw\s*-?%\}/g;

export function lexTemplate(text: string, options: TrimOptions, at: (offset: number) => { line: number; column: number }): LexResult {
  const tokens: TemplateToken[] = [];
  const diagnostics: TemplateDiagnostic[] = [];
  let pos = 0;
  /** Whitespace after the previous tag must be stripped (`-}}`) or one newline removed (trim_blocks). */
  let stripNext: 'none' | 'all' | 'newline' = 'none';

  const pushText = (start: number, end: number, stripEnd: boolean): void => {
    let s = start;
    if (stripNext === 'all') while (s < end && isSpace(text.charCodeAt(s))) s++;
    else if (stripNext === 'newline') {
      if (text.charCodeAt(s) === 10) s++;
      else if (text.charCodeAt(s) === 13 && text.charCodeAt(s + 1) === 10) s += 2;
    }
    let e = end;
    if (stripEnd) while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) tokens.push({ kind: 'text', start: s, end: e });
    stripNext = 'none';
  };

  while (pos < text.length) {
    let open = text.indexOf('{', pos);
    while (open !== -1) {
      const next = text.charCodeAt(open + 1);
      if (next === 123 || next === 37 || next === 35) break;
      open = text.indexOf('{', open + 1);
    }
    if (open === -1) {
      pushText(pos, text.length, false);
      break;
    }
    const kind = text.charCodeAt(open + 1);
    const dash = text.charCodeAt(open + 2) === 45;
    pushText(pos, open, dash);
    const close = kind === 123 ? '}}' : kind === 37 ? '%}' : '#}';
    const innerStart = open + 2 + (dash || text.charCodeAt(open + 2) === 43 ? 1 : 0);
    const closeAt = kind === 35 ? text.indexOf(close, innerStart) : findClose(text, innerStart, close);
    if (closeAt === -1) {
      const where = at(open);
      const what = kind === 123 ? "'{{'" : kind === 37 ? "'{%'" : "'{#'";
      diagnostics.push({ line: where.line, column: where.column, message: `unterminated ${what}: no matching '${close}'` });
      return { tokens, diagnostics };
    }
    const closeDash = closeAt > innerStart && text.charCodeAt(closeAt - 1) === 45;
    const closePlus = kind !== 123 && closeAt > innerStart && text.charCodeAt(closeAt - 1) === 43;
    const bodyEnd = closeDash || closePlus ? closeAt - 1 : closeAt;
    const end = closeAt + 2;
    if (closeDash) stripNext = 'all';
    else if (kind !== 123 && !closePlus && options.trimBlocks) stripNext = 'newline';
    else stripNext = 'none';
    if (kind === 123) tokens.push({ kind: 'output', start: open, end, bodyStart: innerStart, bodyEnd });
    else if (kind === 37) {
      if (RAW_OPEN.test(text.slice(innerStart, bodyEnd))) {
        RAW_CLOSE.lastIndex = end;
        const m = RAW_CLOSE.exec(text);
        if (m === null) {
          const where = at(open);
          diagnostics.push({ line: where.line, column: where.column, message: "'{% raw %}' without '{% endraw %}'" });
          return { tokens, diagnostics };
        }
        const rawEnd = m.index + m[0].length;
        const endDash = m[0].startsWith('{%-');
        pushText(end, m.index, endDash);
        const trailingDash = m[0].endsWith('-%}');
        stripNext = trailingDash ? 'all' : m[0].endsWith('+%}') || !options.trimBlocks ? 'none' : 'newline';
        pos = rawEnd;
        continue;
      }
      tokens.push({ kind: 'statement', start: open, end, bodyStart: innerStart, bodyEnd });
    }
    pos = end;
  }
  return { tokens, diagnostics };
}
