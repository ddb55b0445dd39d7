import type { Span } from '../../model/span.js';

/**
 * A run of characters that come from one place: text[start, end) is the
 * text of `file` at `line`, starting at `column`.
 */
export interface TextSegment {
  start: number;
  end: number;
  file: string;
  line: number;
  column: number;
}

export interface TextPosition {
  file: string;
  line: number;
  column: number;
}

/**
 * Text whose every character remembers where it was read. Exim builds its
 * logical lines by joining continuation lines and substituting macros
 * (exim spec, "The runtime configuration file"); a value's characters may come
 * from several lines, or from a macro definition elsewhere. A finding points
 * at the characters that decide it: the macro's definition, not the use.
 */
export class MappedText {
  constructor(
    readonly text: string,
    readonly segments: readonly TextSegment[],
  ) {}

  static of(text: string, file: string, line: number, column: number): MappedText {
    return new MappedText(text, text.length === 0 ? [] : [{ start: 0, end: text.length, file, line, column }]);
  }

  /** Text that relaygate wrote itself, every character pointing at one place (the setting it stands for). */
  static pinned(text: string, file: string, line: number, column: number): MappedText {
    const segments: TextSegment[] = [];
    for (let i = 0; i < text.length; i++) segments.push({ start: i, end: i + 1, file, line, column });
    return new MappedText(text, segments);
  }

  static empty(): MappedText {
    return new MappedText('', []);
  }

  get length(): number {
    return this.text.length;
  }

  slice(from: number, to: number = this.text.length): MappedText {
    const a = Math.max(0, Math.min(from, this.text.length));
    const b = Math.max(a, Math.min(to, this.text.length));
    const segments: TextSegment[] = [];
    for (const s of this.segments) {
      const start = Math.max(s.start, a);
      const end = Math.min(s.end, b);
      if (start >= end) continue;
      segments.push({ start: start - a, end: end - a, file: s.file, line: s.line, column: s.column + (start - s.start) });
    }
    return new MappedText(this.text.slice(a, b), segments);
  }

  concat(other: MappedText): MappedText {
    const shift = this.text.length;
    return new MappedText(this.text + other.text, [
      ...this.segments,
      ...other.segments.map((s) => ({ ...s, start: s.start + shift, end: s.end + shift })),
    ]);
  }

  /** This text with [from, to) replaced by `replacement` (which keeps its own origins). */
  replace(from: number, to: number, replacement: MappedText): MappedText {
    return this.slice(0, from).concat(replacement).concat(this.slice(to));
  }

  /** Leading and trailing characters for which `isSpace` holds, removed. */
  trim(isSpace: (c: string) => boolean = isEximSpace): MappedText {
    let a = 0;
    let b = this.text.length;
    while (a < b && isSpace(this.text[a] as string)) a++;
    while (b > a && isSpace(this.text[b - 1] as string)) b--;
    return this.slice(a, b);
  }

  /** Where the character at `offset` was read (the nearest mapped character when it has no origin). */
  position(offset: number): TextPosition | null {
    const segs = this.segments;
    if (segs.length === 0) return null;
    // Segments are in text order: find the last one starting at or before offset.
    let lo = 0;
    let hi = segs.length - 1;
    if ((segs[0] as TextSegment).start > offset) {
      const first = segs[0] as TextSegment;
      return { file: first.file, line: first.line, column: first.column };
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segs[mid] as TextSegment).start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo] as TextSegment;
    if (offset < s.end) return { file: s.file, line: s.line, column: s.column + (offset - s.start) };
    return { file: s.file, line: s.line, column: s.column + (s.end - s.start) };
  }

  /**
   * The span of characters [from, to): from the first character's place to
   * just after the last character read from the same file (a value joined
   * from continuation lines spans those lines).
   */
  span(from: number = 0, to: number = this.text.length, fallback?: Span): Span {
    const start = this.position(from);
    if (start === null) return fallback ?? { file: '', line: 1, column: 1, endLine: 1, endColumn: 2 };
    let end: TextPosition | null = null;
    for (let i = Math.max(from, to - 1); i >= from; i--) {
      const p = this.position(i);
      if (p !== null && p.file === start.file && (p.line > start.line || (p.line === start.line && p.column >= start.column))) {
        end = p;
        break;
      }
    }
    if (end === null) return { file: start.file, line: start.line, column: start.column, endLine: start.line, endColumn: start.column + 1 };
    return { file: start.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column + 1 };
  }
}

/** C isspace() in the C locale, which Exim uses to trim lines and list items. */
export function isEximSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
}

/** Builds a MappedText piece by piece in linear time. */
export class MappedTextBuilder {
  private text = '';
  private readonly segments: TextSegment[] = [];

  /** One character read at file:line:column. */
  char(c: string, file: string, line: number, column: number): void {
    const last = this.segments[this.segments.length - 1];
    const start = this.text.length;
    this.text += c;
    if (last !== undefined && last.end === start && last.file === file && last.line === line && last.column + (last.end - last.start) === column) {
      last.end += c.length;
      return;
    }
    this.segments.push({ start, end: start + c.length, file, line, column });
  }

  append(piece: MappedText): void {
    const shift = this.text.length;
    this.text += piece.text;
    for (const s of piece.segments) this.segments.push({ ...s, start: s.start + shift, end: s.end + shift });
  }

  get length(): number {
    return this.text.length;
  }

  build(): MappedText {
    return new MappedText(this.text, this.segments.map((s) => ({ ...s })));
  }
}

