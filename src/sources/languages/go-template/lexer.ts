import type { TemplateDiagnostic } from '../../contracts/template-language.js';

/**
 * Go text/template's outer layer: literal text and `{{ ... }}` actions
 * (text/template/parse/lex.go). `{{- ` (a dash then a space, tab, CR or
 * newline) trims every space, tab, CR and newline before the action; ` -}}`
 * trims them after it. `{{/* ... *\/}}` is a comment: it must close right
 * before the delimiter (optionally ` -}}`). Inside an action, quoted strings
 * ("...", `...`, '.') may hold `}}`.
 */
export type Chunk =
  | { type: 'text'; start: number; end: number }
  /** An action: the whole tag is start..end; its content (trim markers removed) is bodyStart..bodyEnd. */
  | { type: 'action'; start: number; end: number; bodyStart: number; bodyEnd: number };

export interface LexResult {
  chunks: Chunk[];
  diagnostics: TemplateDiagnostic[];
}

const TRIM_SPACE = new Set([' ', '\t', '\r', '\n']);

export function lexTemplate(text: string, at: (offset: number) => { line: number; column: number }): LexResult {
  const chunks: Chunk[] = [];
  const diagnostics: TemplateDiagnostic[] = [];
  const fail = (offset: number, message: string): LexResult => {
    const where = at(offset);
    diagnostics.push({ line: where.line, column: where.column, message });
    return { chunks, diagnostics };
  };
  let textStart = 0;
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (open < 0) break;
    let bodyStart = open + 2;
    const trimLeft = text[bodyStart] === '-' && TRIM_SPACE.has(text[bodyStart + 1] ?? '');
    if (trimLeft) bodyStart += 2;
    let textEnd = open;
    if (trimLeft) while (textEnd > textStart && TRIM_SPACE.has(text[textEnd - 1] ?? '')) textEnd--;
    if (textEnd > textStart) chunks.push({ type: 'text', start: textStart, end: textEnd });
    const close = findClose(text, bodyStart);
    if (close === null) return fail(open, 'unclosed action: no matching "}}"');
    if (close.error !== undefined) return fail(close.at, close.error);
    const trimRight = close.bodyEnd < close.end - 2;
    const isComment = text.startsWith('/*', bodyStart);
    if (isComment) {
      const commentEnd = text.indexOf('*/', bodyStart + 2);
      if (commentEnd < 0 || commentEnd + 2 !== close.bodyEnd) return fail(open, 'comment ends before closing delimiter');
    } else {
      chunks.push({ type: 'action', start: open, end: close.end, bodyStart, bodyEnd: close.bodyEnd });
    }
    i = close.end;
    if (trimRight) while (i < text.length && TRIM_SPACE.has(text[i] ?? '')) i++;
    textStart = i;
  }
  if (textStart < text.length) chunks.push({ type: 'text', start: textStart, end: text.length });
  return { chunks, diagnostics };
}

/** The `}}` ending the action whose content starts at `from`, skipping quoted text and comments. */
function findClose(text: string, from: number): { end: number; bodyEnd: number; at: number; error?: string } | null {
  let i = from;
  if (text.startsWith('/*', i)) {
    const end = text.indexOf('*/', i + 2);
    if (end < 0) return { end: text.length, bodyEnd: text.length, at: from, error: 'unclosed comment' };
    i = end + 2;
  }
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') j++;
        else if (text[j] === '\n') return { end: j, bodyEnd: j, at: i, error: 'unterminated quoted string' };
        j++;
      }
      if (j >= text.length) return { end: j, bodyEnd: j, at: i, error: 'unterminated quoted string' };
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) return { end: text.length, bodyEnd: text.length, at: i, error: 'unterminated raw quoted string' };
      i = j + 1;
      continue;
    }
    if (c === '}' && text[i + 1] === '}') {
      const trim = i >= 2 && text[i - 1] === '-' && TRIM_SPACE.has(text[i - 2] ?? '');
      return { end: i + 2, bodyEnd: trim ? i - 2 : i, at: i };
    }
    if (c === '{' && text[i + 1] === '{') return { end: i, bodyEnd: i, at: i, error: 'unexpected "{{" inside an action' };
    i++;
  }
  return null;
}
