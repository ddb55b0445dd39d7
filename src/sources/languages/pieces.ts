import type { Form } from '../../model/configuration.js';
import { LineIndex } from '../../model/source.js';
import type { Span } from '../../model/span.js';
import { SourceMap, type Fragment, type MapSegment } from '../contracts/fragment.js';

/**
 * A run of rendered text and where it comes from (template offsets): the
 * common output of the Go template, Terraform template, envsubst and Jinja2
 * renderers, turned into a Fragment by `fragmentOf`.
 */
export type RenderedPiece =
  | { kind: 'literal'; text: string; offset: number; maybe: boolean }
  | { kind: 'expression'; text: string; start: number; end: number; maybe: boolean };

/** Template offset ranges of branches not rendered although they could apply. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** Cuts the pieces at rendered newlines into per-line map segments (a newline belongs to the line it ends). */
export function fragmentOf(path: string, template: string, form: Form, pieces: RenderedPiece[], alternatives: OffsetRange[] = []): Fragment {
  const index = new LineIndex(template);
  const segments: MapSegment[] = [];
  const maybeLines = new Set<number>();
  let line = 1;
  let column = 1;
  for (const piece of pieces) {
    let from = 0;
    while (from < piece.text.length) {
      const newline = piece.text.indexOf('\n', from);
      const to = newline === -1 ? piece.text.length : newline + 1;
      const length = to - from;
      const start = piece.kind === 'literal' ? index.position(piece.offset + from) : index.position(piece.start);
      const end = piece.kind === 'literal' ? start : index.position(piece.end);
      segments.push({ line, column, endColumn: column + length, kind: piece.kind, from: start, to: end });
      if (piece.maybe && piece.text.slice(from, to).trim() !== '') maybeLines.add(line);
      if (newline === -1) column += length;
      else {
        line++;
        column = 1;
      }
      from = to;
    }
  }
  const spans: Span[] = alternatives.map((range) => {
    const a = index.position(range.start);
    const b = index.position(range.end);
    return { file: path, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  });
  return { file: path, text: pieces.map((p) => p.text).join(''), form, map: new SourceMap(segments), maybeLines, alternatives: spans };
}

/** Rendered output with a size bound (bounded memory whatever the template does). */
export class PieceSink {
  readonly pieces: RenderedPiece[] = [];
  private size = 0;

  constructor(private readonly maxOutput: number) {}

  /** false when the output limit is reached (the caller stops rendering). */
  push(piece: RenderedPiece): boolean {
    if (piece.text === '') return true;
    this.size += piece.text.length;
    if (this.size > this.maxOutput) return false;
    this.pieces.push(piece);
    return true;
  }
}

export const MAX_OUTPUT = 1_000_000;
export const MAX_ITERATIONS = 10_000;

export interface RenderLimits {
  /** Characters of rendered text. */
  maxOutput: number;
  /** Loop iterations over the whole template. */
  maxIterations: number;
}

export const DEFAULT_LIMITS: RenderLimits = { maxOutput: 1_000_000, maxIterations: 10_000 };
