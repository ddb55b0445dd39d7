import type { Position } from '../../../model/source.js';
import type { Form } from '../../../model/configuration.js';
import type { Span } from '../../../model/span.js';
import { SourceMap, type Fragment, type MapSegment } from '../../contracts/fragment.js';

/**
 * Text taken out of a YAML host file, piece by piece, with where each piece
 * is in the host file (UTF-16 offsets). A literal piece is the host's own
 * characters; an expression piece is text the host does not hold verbatim
 * (an escaped quoted scalar, decoded base64, a Jinja2 value) and maps to the
 * whole host range that produced it.
 */
export type Piece =
  | { kind: 'literal'; text: string; offset: number }
  | { kind: 'expression'; text: string; start: number; end: number };

export interface MappedText {
  text: string;
  pieces: Piece[];
}

/** Host offset -> 1-based position in the host file. */
export type HostPosition = (offset: number) => Position;

/** Pieces joined; neighbours that continue each other (same expression range, adjacent literal text) become one. */
export function mappedText(pieces: Piece[]): MappedText {
  const kept: Piece[] = [];
  for (const piece of pieces) {
    if (piece.text.length === 0) continue;
    const last = kept[kept.length - 1];
    if (last?.kind === 'expression' && piece.kind === 'expression' && last.start === piece.start && last.end === piece.end) {
      kept[kept.length - 1] = { ...last, text: last.text + piece.text };
    } else if (last?.kind === 'literal' && piece.kind === 'literal' && last.offset + last.text.length === piece.offset) {
      kept[kept.length - 1] = { ...last, text: last.text + piece.text };
    } else kept.push(piece);
  }
  return { text: kept.map((p) => p.text).join(''), pieces: kept };
}

export function literal(text: string, offset: number): MappedText {
  return mappedText([{ kind: 'literal', text, offset }]);
}

export function expression(text: string, start: number, end: number): MappedText {
  return mappedText([{ kind: 'expression', text, start, end }]);
}

export function concat(parts: MappedText[]): MappedText {
  return mappedText(parts.flatMap((p) => p.pieces));
}

/** The characters `from`..`to` (exclusive) of `m`, keeping their origins. */
export function slice(m: MappedText, from: number, to: number): MappedText {
  const out: Piece[] = [];
  let at = 0;
  for (const piece of m.pieces) {
    const start = at;
    const end = at + piece.text.length;
    at = end;
    if (end <= from || start >= to) continue;
    const a = Math.max(from, start) - start;
    const b = Math.min(to, end) - start;
    if (piece.kind === 'literal') out.push({ kind: 'literal', text: piece.text.slice(a, b), offset: piece.offset + a });
    else out.push({ ...piece, text: piece.text.slice(a, b) });
  }
  return mappedText(out);
}

/** Host range of the character at `index` (past the end: the end of the last piece). */
export function hostRange(m: MappedText, index: number): { start: number; end: number } {
  let at = 0;
  for (const piece of m.pieces) {
    if (index < at + piece.text.length) {
      if (piece.kind === 'expression') return { start: piece.start, end: piece.end };
      const offset = piece.offset + (index - at);
      return { start: offset, end: offset + 1 };
    }
    at += piece.text.length;
  }
  const last = m.pieces[m.pieces.length - 1];
  if (last === undefined) return { start: 0, end: 0 };
  const end = last.kind === 'literal' ? last.offset + last.text.length : last.end;
  return { start: end, end };
}

/** Offset in `m` -> host position (for extractors that take a position function, like the shell one). */
export function positionFunction(m: MappedText, at: HostPosition): HostPosition {
  return (index) => at(hostRange(m, index).start);
}

/** The host span of the characters `from`..`to` of `m`. */
export function spanOf(m: MappedText, from: number, to: number, file: string, at: HostPosition): Span {
  const start = at(hostRange(m, from).start);
  const end = to > from ? at(hostRange(m, to - 1).end) : start;
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export function spanOfRange(start: number, end: number, file: string, at: HostPosition): Span {
  const a = at(start);
  const b = at(end);
  return { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/**
 * The fragment a mail parser reads: `m`'s text, cut into one map segment per
 * rendered line run. Literal runs are split wherever the host positions stop
 * being contiguous on one line (a rendered Helm template's position function).
 */
export function toFragment(m: MappedText, file: string, form: Form, at: HostPosition): Fragment {
  const segments: MapSegment[] = [];
  let line = 1;
  let column = 1;
  const push = (length: number, kind: 'literal' | 'expression', from: Position, to: Position, endsLine: boolean): void => {
    segments.push({ line, column, endColumn: column + length, kind, from, to });
    if (endsLine) {
      line++;
      column = 1;
    } else column += length;
  };
  for (const piece of m.pieces) {
    let from = 0;
    while (from < piece.text.length) {
      const newline = piece.text.indexOf('\n', from);
      const to = newline === -1 ? piece.text.length : newline + 1;
      if (piece.kind === 'expression') {
        push(to - from, 'expression', at(piece.start), at(piece.end), newline !== -1);
      } else {
        literalRuns(piece.offset + from, to - from, at, (runOffset, runLength, last) => {
          const p = at(runOffset);
          push(runLength, 'literal', p, p, last && newline !== -1);
        });
      }
      from = to;
    }
  }
  return { file, text: m.text, form, map: new SourceMap(segments), maybeLines: new Set(), alternatives: [] };
}

/** Calls `emit` for each run of host characters that sit side by side on one host line. */
function literalRuns(offset: number, length: number, at: HostPosition, emit: (offset: number, length: number, last: boolean) => void): void {
  const first = at(offset);
  const lastChar = at(offset + length - 1);
  if (lastChar.line === first.line && lastChar.column === first.column + length - 1) {
    emit(offset, length, true);
    return;
  }
  let runStart = 0;
  let previous = first;
  for (let k = 1; k <= length; k++) {
    const current = k < length ? at(offset + k) : null;
    if (current === null || current.line !== previous.line || current.column !== previous.column + 1) {
      emit(offset + runStart, k - runStart, k === length);
      runStart = k;
    }
    if (current !== null) previous = current;
  }
}
