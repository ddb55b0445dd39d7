/**
 * One line of a mail file being replayed, every character with the place it
 * comes from (a file's own line, a template line, a postconf argument, a
 * sed replacement): edits cut and join lines, and the result still leads
 * back to the text a person edits.
 */
import type { Position } from '../../model/source.js';
import type { Span } from '../../model/span.js';
import type { Fragment, MapSegment } from '../contracts/fragment.js';

/** Characters [start, end) of the line and where they come from (MapSegment semantics, with an explicit file). */
export interface LineSegment {
  start: number;
  end: number;
  kind: 'literal' | 'expression';
  from: Position;
  to: Position;
  file: string;
}

export class MappedLine {
  constructor(
    readonly text: string,
    readonly segments: readonly LineSegment[],
  ) {}

  static readonly EMPTY = new MappedLine('', []);

  /** Line `line` (1-based) of a plain file, column for column. */
  static plain(file: string, line: number, text: string): MappedLine {
    if (text === '') return MappedLine.EMPTY;
    return new MappedLine(text, [{ start: 0, end: text.length, kind: 'literal', from: { line, column: 1 }, to: { line, column: 1 }, file }]);
  }

  /** Line `line` of a rendered fragment, through its source map; characters the map leaves out stand for `fallback`. */
  static ofFragment(fragment: Fragment, line: number, text: string, fallback: Span): MappedLine {
    const segments: LineSegment[] = [];
    for (const s of fragment.map.segments) {
      if (s.line !== line) continue;
      segments.push({ start: s.column - 1, end: s.endColumn - 1, kind: s.kind, from: s.from, to: s.to, file: s.file ?? fragment.file });
    }
    segments.sort((a, b) => a.start - b.start);
    return new MappedLine(text, fill(segments, text.length, fallback));
  }

  /**
   * Lines 1..n of a fragment at once (what ofFragment gives for each): its
   * map's segments sorted into their lines in one pass, not one pass a line.
   */
  static ofFragmentLines(fragment: Fragment, texts: readonly string[], fallback: Span): MappedLine[] {
    const byLine = new Map<number, LineSegment[]>();
    for (const s of fragment.map.segments) {
      if (s.line < 1 || s.line > texts.length) continue;
      const list = byLine.get(s.line) ?? [];
      list.push({ start: s.column - 1, end: s.endColumn - 1, kind: s.kind, from: s.from, to: s.to, file: s.file ?? fragment.file });
      byLine.set(s.line, list);
    }
    return texts.map((text, i) => {
      const segments = byLine.get(i + 1) ?? [];
      segments.sort((a, b) => a.start - b.start);
      return new MappedLine(text, fill(segments, text.length, fallback));
    });
  }

  /** Text with no place of its own: it stands for `span` (the edit that wrote it). */
  static generated(text: string, span: Span): MappedLine {
    if (text === '') return MappedLine.EMPTY;
    return new MappedLine(text, [spanSegment(0, text.length, span)]);
  }

  slice(start: number, end = this.text.length): MappedLine {
    const a = Math.max(0, Math.min(start, this.text.length));
    const b = Math.max(a, Math.min(end, this.text.length));
    const segments: LineSegment[] = [];
    for (const s of this.segments) {
      const from = Math.max(a, s.start);
      const to = Math.min(b, s.end);
      if (from >= to) continue;
      const shift = s.kind === 'literal' ? from - s.start : 0;
      segments.push({ ...s, start: from - a, end: to - a, from: { line: s.from.line, column: s.from.column + shift }, to: s.kind === 'literal' ? { line: s.from.line, column: s.from.column + shift } : s.to });
    }
    return new MappedLine(this.text.slice(a, b), segments);
  }

  concat(...others: MappedLine[]): MappedLine {
    let text = this.text;
    const segments = [...this.segments];
    for (const other of others) {
      const at = text.length;
      text += other.text;
      for (const s of other.segments) segments.push({ ...s, start: s.start + at, end: s.end + at });
    }
    return new MappedLine(text, segments);
  }

  /** The segments as a source map's, on rendered line `line`. */
  mapSegments(line: number): MapSegment[] {
    return this.segments.map((s) => ({ line, column: s.start + 1, endColumn: s.end + 1, kind: s.kind, from: s.from, to: s.to, file: s.file }));
  }

  /** Where the line starts, as a span (for notes and generated text on it). */
  firstSpan(): Span | null {
    const s = this.segments[0];
    if (s === undefined) return null;
    return { file: s.file, line: s.from.line, column: s.from.column, endLine: s.to.line, endColumn: s.kind === 'literal' ? s.from.column + (s.end - s.start) : s.to.column };
  }
}

function spanSegment(start: number, end: number, span: Span): LineSegment {
  return { start, end, kind: 'expression', from: { line: span.line, column: span.column }, to: { line: span.endLine, column: span.endColumn }, file: span.file };
}

/** Every column covered: gaps (generated separators) stand for `fallback`. */
function fill(segments: LineSegment[], length: number, fallback: Span): LineSegment[] {
  const out: LineSegment[] = [];
  let at = 0;
  for (const s of segments) {
    if (s.start > at) out.push(spanSegment(at, s.start, fallback));
    out.push(s);
    at = Math.max(at, s.end);
  }
  if (at < length) out.push(spanSegment(at, length, fallback));
  return out;
}
