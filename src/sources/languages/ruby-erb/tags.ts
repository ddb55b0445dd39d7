import type { TemplateDiagnostic } from '../../contracts/template-language.js';

/**
 * The `<% %>` tag family shared by ERB (Chef renders with Erubis) and EPP
 * (Puppet). Literal text is kept as template offsets so every rendered
 * character can be led back to its column.
 */
export type TagToken =
  | { type: 'text'; text: string; offset: number }
  | { type: 'output' | 'code'; code: string; codeOffset: number; start: number; end: number };

/**
 * How each engine trims around tags:
 * - erubis (Chef's template resource renders with Erubis::Eruby, trim on):
 *   a `<% %>` or `<%# %>` tag with only spaces and tabs around it on its line
 *   takes that indentation and the line break with it; `<%= %>` keeps both
 *   unless it ends in `-%>`, which drops the spaces and the line break after
 *   it; `<%-` is an ordinary `<%`;
 * - erb-dash (Puppet's template() renders with Ruby's `ERB.new(text, trim_mode: '-')`):
 *   `<%-` drops the spaces and tabs before it when they reach back to the
 *   line start or to the end of the previous tag; `-%>` drops a line break
 *   that follows it at once; nothing else is trimmed;
 * - epp (Puppet's EPP): `<%-` trims the spaces and tabs before the tag,
 *   `-%>` the spaces, tabs and one line break after it; nothing else.
 * In both ERB engines a tag ends at the first `%>`, quotes or not (the
 * scanners match `<%(.*?)%>`); EPP code is read by Puppet's lexer, so a `%>`
 * inside a string does not end it.
 */
export type TrimRules = 'erubis' | 'erb-dash' | 'epp';

export interface ScannedTags {
  tokens: TagToken[];
  diagnostics: TemplateDiagnostic[];
}

const SPACE = /[ \t]/;

export function scanTags(text: string, rules: TrimRules, at: (offset: number) => { line: number; column: number }): ScannedTags {
  const tokens: TagToken[] = [];
  const diagnostics: TemplateDiagnostic[] = [];
  let pos = 0;
  // The text up to `upTo`, split at `<%%` / `%%>` escapes (rendered as `<%` / `%>`).
  const pushText = (from: number, upTo: number) => {
    if (upTo > from) tokens.push({ type: 'text', text: text.slice(from, upTo), offset: from });
  };
  while (pos < text.length) {
    const open = text.indexOf('<%', pos);
    if (open < 0) {
      pushText(pos, text.length);
      break;
    }
    if (text[open + 2] === '%') {
      // `<%%` is a literal `<%` in both languages.
      pushText(pos, open);
      tokens.push({ type: 'text', text: '<%', offset: open });
      pos = open + 3;
      continue;
    }
    let codeStart = open + 2;
    let leftTrim = false;
    let kind: 'output' | 'code' | 'comment' = 'code';
    if (text[codeStart] === '-') {
      leftTrim = true;
      codeStart++;
    }
    if (text[codeStart] === '=') {
      kind = 'output';
      codeStart++;
      while (text[codeStart] === '=') codeStart++;
    } else if (text[codeStart] === '#') {
      kind = 'comment';
    }
    const close = findClose(text, codeStart, kind === 'comment' || rules !== 'epp');
    const nested = kind === 'comment' ? -1 : text.indexOf('<%', codeStart);
    if (close < 0 || (nested >= 0 && nested < close)) {
      const where = at(open);
      diagnostics.push({ line: where.line, column: where.column, message: close < 0 ? "'<%' tag is never closed with '%>'" : "'<%' tag is not closed before the next '<%'" });
      return { tokens, diagnostics };
    }
    const rightTrim = text[close - 1] === '-' && close - 1 >= codeStart;
    const codeEnd = rightTrim ? close - 1 : close;
    let end = close + 2;
    let textEnd = open;
    // Only spaces and tabs back to the line start, none of them already consumed.
    let back = open - 1;
    while (back >= pos && SPACE.test(text[back] ?? '')) back--;
    const lineStart = back + 1;
    const aloneBefore = back >= pos - 1 && (back < 0 || text[back] === '\n');
    if (rules === 'erubis') {
      const after = /^[ \t]*\r?\n/.exec(text.slice(end, end + 256));
      if (kind !== 'output' && aloneBefore && after !== null) {
        textEnd = lineStart;
        end += after[0].length;
      } else if (kind === 'output' && rightTrim && after !== null) {
        end += after[0].length;
      }
    } else if (rules === 'erb-dash') {
      // ERB's scanner (StringScanner) reads `^[ \t]*<%-` from where the last tag ended too.
      if (leftTrim && (back < pos || text[back] === '\n')) textEnd = lineStart;
      const cr = /^\r?\n/.exec(text.slice(end, end + 2));
      if (rightTrim && cr !== null) end += cr[0].length;
    } else {
      const after = /^[ \t]*\r?\n/.exec(text.slice(end, end + 256));
      if (leftTrim) while (textEnd > pos && SPACE.test(text[textEnd - 1] ?? '')) textEnd--;
      if (rightTrim && after !== null) end += after[0].length;
    }
    pushText(pos, textEnd);
    if (kind !== 'comment') tokens.push({ type: kind, code: text.slice(codeStart, codeEnd), codeOffset: codeStart, start: open, end: close + 2 });
    pos = end;
  }
  return { tokens, diagnostics };
}

/** The `%>` closing a tag: the first one (ERB, comments), or the first outside quotes (EPP code). */
function findClose(text: string, from: number, first: boolean): number {
  if (first) return text.indexOf('%>', from);
  let quote = '';
  for (let i = from; i < text.length - 1; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      else if (c === '\n') quote = '';
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '%' && text[i + 1] === '>') return i;
  }
  return -1;
}
