import { LineIndex, type Position } from '../../model/source.js';
import type { Diagnostic, Span } from '../../model/span.js';
import type { ValuePiece } from './model.js';

/**
 * Logical lines of main.cf and master.cf, as Postfix's readllines() builds
 * them (postconf(5), master(5)), measured against postconf 3.7:
 *
 * - A line whose first non-whitespace character is `#`, and a blank or
 *   whitespace-only line, is skipped wherever it is, even in the middle of a
 *   continued line (so a `#` line at column 0 does NOT end a logical line).
 * - A line that starts with whitespace continues the logical line. The pieces
 *   are concatenated as they are: the newline goes, the continuation's
 *   leading whitespace and the previous line's trailing whitespace stay
 *   (`a = b` + `  c` is `a = b  c`; postconf prints whitespace runs as one space).
 * - A logical line that starts with whitespace (only possible before the
 *   first definition) is dropped with the warning "logical line must not
 *   start with whitespace".
 * - CR is ordinary whitespace (C isspace), so CRLF files read the same.
 */

/** A physical line's contribution to a logical line. */
export interface LogicalPiece {
  /** Offset of the piece in the logical line's text. */
  textOffset: number;
  /** Offset of the piece in the file. */
  fileOffset: number;
  length: number;
}

export interface LogicalLine {
  text: string;
  pieces: LogicalPiece[];
  /** 1-based first and last physical line. */
  line: number;
  endLine: number;
}

export interface DroppedLine {
  line: number;
  message: string;
}

export interface LogicalLines {
  lines: LogicalLine[];
  dropped: DroppedLine[];
  index: LineIndex;
}

/** The dropped lines as the (non-fatal) diagnostics main.cf and master.cf parsing starts from. */
export function droppedLineDiagnostics(path: string, lines: LogicalLines): Diagnostic[] {
  return lines.dropped.map((d) => ({
    file: path,
    line: d.line,
    column: 1,
    message: d.message,
    fatal: false,
  }));
}

/** C isspace(): space, \t, \n, \v, \f, \r. */
export function isPostfixSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isPostfixSpace(text.charCodeAt(i))) i++;
  return i;
}

export function readLogicalLines(text: string): LogicalLines {
  const index = new LineIndex(text);
  const lines: LogicalLine[] = [];
  const dropped: DroppedLine[] = [];
  let current: LogicalLine | null = null;

  const finish = (): void => {
    if (current === null) return;
    if (isPostfixSpace(current.text.charCodeAt(0))) {
      const shown = current.text.length > 30 ? `${current.text.slice(0, 30)}...` : current.text;
      dropped.push({ line: current.line, message: `logical line must not start with whitespace: "${shown}"` });
    } else {
      lines.push(current);
    }
    current = null;
  };

  let start = 0;
  let lineNo = 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const body = firstNonSpace(text, start, end);
    const skip = body === end || text.charCodeAt(body) === 35; // blank, or `#` comment
    if (!skip) {
      const piece = text.slice(start, end);
      const continues = isPostfixSpace(text.charCodeAt(start));
      if (current !== null && continues) {
        const cur: LogicalLine = current;
        cur.pieces.push({ textOffset: cur.text.length, fileOffset: start, length: piece.length });
        cur.text += piece;
        cur.endLine = lineNo;
      } else {
        finish();
        current = {
          text: piece,
          pieces: [{ textOffset: 0, fileOffset: start, length: piece.length }],
          line: lineNo,
          endLine: lineNo,
        };
      }
    }
    start = end + 1;
    lineNo++;
  }
  finish();
  return { lines, dropped, index };
}

/** File offset of a logical-line text offset (an offset just past the end maps past the last piece). */
export function fileOffsetOf(line: LogicalLine, textOffset: number): number {
  let piece = line.pieces[0] ?? { textOffset: 0, fileOffset: 0, length: 0 };
  for (const p of line.pieces) {
    if (p.textOffset <= textOffset) piece = p;
    else break;
  }
  return piece.fileOffset + (textOffset - piece.textOffset);
}

/** 1-based position of a logical-line text offset. */
export function positionOf(lines: LogicalLines, line: LogicalLine, textOffset: number): Position {
  return lines.index.position(fileOffsetOf(line, textOffset));
}

/** Position just after the character at `textOffset` (for exclusive span ends). */
export function endPositionOf(lines: LogicalLines, line: LogicalLine, lastCharOffset: number): Position {
  const p = positionOf(lines, line, lastCharOffset);
  return { line: p.line, column: p.column + 1 };
}

/** The runs of logical-line text `start`..`end` on each physical line, with their spans (value offsets from `start`). */
export function valuePieces(path: string, lines: LogicalLines, line: LogicalLine, start: number, end: number): ValuePiece[] {
  const out: ValuePiece[] = [];
  for (const p of line.pieces) {
    const from = Math.max(start, p.textOffset);
    const to = Math.min(end, p.textOffset + p.length);
    if (to <= from) continue;
    const a = lines.index.position(p.fileOffset + (from - p.textOffset));
    const span: Span = { file: path, line: a.line, column: a.column, endLine: a.line, endColumn: a.column + (to - from) };
    out.push({ offset: from - start, length: to - from, span });
  }
  return out;
}

/** The file position of value offset `offset`, from its pieces (the last piece's end when past them). */
export function valuePosition(pieces: readonly ValuePiece[], offset: number): { line: number; column: number } | null {
  let best: ValuePiece | undefined;
  for (const p of pieces) {
    if (p.offset <= offset) best = p;
    else break;
  }
  if (best === undefined) return null;
  // A template's rendering may map a piece to a span of another width: stay inside it.
  const s = best.span;
  if (s.endLine !== s.line) return { line: s.line, column: s.column };
  return { line: s.line, column: Math.min(s.column + (offset - best.offset), Math.max(s.column, s.endColumn - 1)) };
}
