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
 * erubis: Erubis' default trim (Chef's Chef::Mixin::Template uses
 * Erubis::Eruby): a `<% %>` or `<%# %>` tag alone on its line takes its
 * indentation and newline with it; `<%= %>` keeps both unless it ends in
 * `-%>`. epp: Puppet's rules: `<%-` trims the spaces and tabs before the
 * tag, `-%>` the spaces, tabs and one line break after it; nothing else is trimmed.
 */
export type TrimRules = 'erubis' | 'epp';

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
    const close = findClose(text, codeStart, kind === 'comment');
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
    // Alone on its line: only spaces and tabs back to the line start, none of them already consumed.
    let back = open - 1;
    while (back >= pos && SPACE.test(text[back] ?? '')) back--;
    const lineStart = back + 1;
    const aloneBefore = back >= pos - 1 && (back < 0 || text[back] === '\n');
    const after = /^[ \t]*\r?\n/.exec(text.slice(end, end + 256));
    if (rules === 'erubis') {
      if (kind !== 'output' && aloneBefore && after !== null) {
        textEnd = lineStart;
        end += after[0].length;
      } else if (kind === 'output' && rightTrim && after !== null) {
        end += after[0].length;
      }
    } else {
      if (leftTrim) while (textEnd > pos && SPACE.test(text[textEnd - 1] ?? '')) textEnd--;
      if (rightTrim && after !== null) end += after[0].length;
    }
    pushText(pos, textEnd);
    if (kind !== 'comment') tokens.push({ type: kind, code: text.slice(codeStart, codeEnd), codeOffset: codeStart, start: open, end: close + 2 });
    pos = end;
  }
  return { tokens, diagnostics };
}

/** The `%>` closing a tag; a comment ends at the first `%>`, code skips `%>` inside quotes. */
function findClose(text: string, from: number, comment: boolean): number {
  if (comment) return text.indexOf('%>', from);
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
