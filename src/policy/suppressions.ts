import type { SourceFile } from '../model/source.js';
import { LineIndex } from '../model/source.js';

/**
 * Inline suppressions: `relaygate-ignore <rule-id>: <reason>` in a comment of
 * the file's own comment syntax, on the offending line or the line above.
 *
 * Which comments count follows the file's own grammar:
 * - Postfix main.cf/master.cf: only whole-line `#` comments. A `#` after a
 *   value is data for Postfix (postconf(5)), so it cannot carry a suppression.
 * - sendmail .mc: `dnl` anywhere on the line (m4 discards through end of line),
 *   or a line that starts with `#`.
 * - Jinja2 `{# #}` and ERB `<%# %>` comments anywhere on the line.
 */
export interface InlineSuppression {
  ruleId: string;
  reason: string | null;
  line: number;
  column: number;
}

// Linear-time: each alternative is anchored on a fixed marker, quantifiers do not nest.
const MARKER = /relaygate-ignore[ \t]+([A-Za-z0-9_-]+)[ \t]*(?::([^\n]*))?/;

function commentPart(lineText: string, style: CommentStyle): string | null {
  const trimmed = lineText.trimStart();
  if (trimmed.startsWith('#')) return trimmed.slice(1);
  if (style === 'postfix') return null;
  const dnl = lineText.search(/(^|[^A-Za-z0-9_])dnl([^A-Za-z0-9_]|$)/);
  if (style === 'm4' && dnl >= 0) return lineText.slice(dnl);
  const jinja = lineText.indexOf('{#');
  if (jinja >= 0) return lineText.slice(jinja + 2);
  const erb = lineText.indexOf('<%#');
  if (erb >= 0) return lineText.slice(erb + 3);
  return null;
}

export type CommentStyle = 'postfix' | 'm4' | 'template';

export function commentStyleFor(path: string): CommentStyle {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base.endsWith('.mc') || base.endsWith('.m4')) return 'm4';
  if (/\.(j2|jinja2?|erb|epp|tmpl|tpl|gotmpl)$/.test(base)) return 'template';
  return 'postfix';
}

function parseLine(lineText: string, line: number, style: CommentStyle): InlineSuppression | null {
  const comment = commentPart(lineText, style);
  if (comment === null) return null;
  const m = MARKER.exec(comment);
  if (!m || m[1] === undefined) return null;
  let reason = (m[2] ?? '').trim();
  reason = reason.replace(/(#\}|%>)\s*$/, '').trim();
  const column = lineText.indexOf('relaygate-ignore') + 1;
  return { ruleId: m[1], reason: reason === '' ? null : reason, line, column };
}

/** The suppression that covers `line` of `file` for `ruleId`, if any (same line first, then the line above). */
export function findSuppression(
  file: SourceFile,
  index: LineIndex,
  line: number,
  ruleId: string,
): InlineSuppression | null {
  const style = commentStyleFor(file.path);
  for (const l of [line, line - 1]) {
    if (l < 1 || l > index.lineCount) continue;
    const s = parseLine(index.lineText(l), l, style);
    if (s && s.ruleId === ruleId) return s;
  }
  return null;
}

export function indexFor(file: SourceFile): LineIndex {
  return new LineIndex(file.text);
}
