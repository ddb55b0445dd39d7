import path from 'node:path/posix';
import type { Span } from '../../model/span.js';
import { analyseCf } from '../../mta/sendmail/cf.js';
import { analyseMc } from '../../mta/sendmail/mc.js';
import type { SendmailConfiguration } from '../../mta/sendmail/model.js';
import type { Edit } from '../contracts/edits.js';
import { SourceMap, type Fragment } from '../contracts/fragment.js';
import { pieceOf, remapPiece, type Piece } from './piece.js';
import type { ResolveLink } from './postfix.js';

type FileEdit = Extract<Edit, { kind: 'write' | 'append' | 'link' }>;

export function isSendmailEdit(edit: Edit): edit is FileEdit {
  return (edit.kind === 'write' || edit.kind === 'append' || edit.kind === 'link') && (edit.target === 'sendmail.mc' || edit.target === 'sendmail.cf');
}

function lineOf(span: Span): string {
  return `${path.basename(span.file)} line ${span.line}`;
}

/**
 * `>>` onto a .mc written earlier in the same host file: one text, the
 * appended fragment's map shifted below the first one's lines. Text from two
 * different files cannot share one map: then only the later write is judged.
 */
function concatenate(first: Piece, second: Fragment): Piece | null {
  if (first.fragment === null || first.file !== second.file) return null;
  const text = first.text.endsWith('\n') || first.text === '' ? first.text : `${first.text}\n`;
  const offset = text.split('\n').length - 1;
  const segments = [...first.fragment.map.segments, ...second.map.segments.map((s) => ({ ...s, line: s.line + offset }))];
  const maybeLines = new Set([...first.fragment.maybeLines, ...[...second.maybeLines].map((l) => l + offset)]);
  const fragment: Fragment = {
    ...first.fragment,
    text: text + second.text,
    map: new SourceMap(segments),
    maybeLines,
    alternatives: [...first.fragment.alternatives, ...second.alternatives],
  };
  return pieceOf(fragment);
}

/**
 * Sendmail edits of one instance: the .mc (judged from m4 source) or, without
 * one, the .cf. `write`/`link` replace the file; `append` to a .mc adds to it.
 */
export function replaySendmail(edits: readonly Edit[], resolve: ResolveLink, notes: string[]): SendmailConfiguration | null {
  let mc: Piece | null = null;
  let cf: Piece | null = null;
  const files = new Set<string>();
  for (const edit of edits) {
    if (!isSendmailEdit(edit)) continue;
    files.add(edit.span.file);
    let piece: Piece | null = null;
    if (edit.kind === 'write') piece = pieceOf(edit.fragment);
    else if (edit.kind === 'link') {
      piece = resolve(edit.source, edit.target, edit.templateVariables);
      if (piece === null) {
        notes.push(`${lineOf(edit.span)}: ${edit.source} is copied to ${edit.target} but cannot be read; its content is not judged`);
        continue;
      }
      files.add(piece.file);
    } else if (edit.kind === 'append') {
      const current: Piece | null = edit.target === 'sendmail.mc' ? mc : cf;
      piece = current === null ? pieceOf(edit.fragment) : concatenate(current, edit.fragment);
      if (piece === null) {
        notes.push(`${lineOf(edit.span)}: text appended to ${edit.target} written in another file; only the appended text is judged`);
        piece = pieceOf(edit.fragment);
      }
    }
    if (piece === null) continue;
    if (edit.target === 'sendmail.mc') mc = piece;
    else cf = piece;
  }
  const first = edits.find(isSendmailEdit);
  if (first === undefined || (mc === null && cf === null)) return null;
  const common = { mta: 'sendmail' as const, files: [...files].sort(), form: first.form };
  if (mc !== null) {
    const analysis = remapPiece(analyseMc({ path: mc.file, text: mc.text, role: 'sendmail.mc' }), mc);
    return { ...common, mc: mc.file, cf: cf?.file ?? null, ...analysis };
  }
  const only = cf as Piece;
  const analysis = remapPiece(analyseCf({ path: only.file, text: only.text, role: 'sendmail.cf' }), only);
  return { ...common, mc: null, cf: only.file, ...analysis };
}
