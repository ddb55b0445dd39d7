/**
 * Shell values that remember where every character comes from. A word's
 * value after quote removal and parameter expansion is a list of chunks:
 * characters copied from a source text (a literal), the output of an
 * expansion (mapped to the whole `${...}`), or generated text. Variables keep
 * the value of the line that assigned them, so `postconf -e "$1 = $2"` in a
 * function, called from another file, still points at the caller's argument,
 * and a Dockerfile `ENV` value read by an entrypoint points at the ENV line.
 */
import { UNKNOWN_MARK, type Position } from '../../../model/source.js';

/** A text the shell reads: a script, a Dockerfile's RUN line, a sourced file. */
export interface ShellSource {
  /** The repository path findings point at. */
  file: string;
  text: string;
  /** Host position of a 0-based offset into `text`. */
  position(offset: number): Position;
}

export type Chunk =
  /** `text` is `source.text` from `offset` on, character for character. */
  | { kind: 'literal'; text: string; source: ShellSource; offset: number }
  /** `text` stands for `source.text[start, end)` as a whole (an expansion, an escape, a quote). */
  | { kind: 'expression'; text: string; source: ShellSource; start: number; end: number }
  /** Text with no place in any file (a separator relaygate inserts). */
  | { kind: 'generated'; text: string };

/** Values longer than this become unknown (a loop appending to a variable stays bounded). */
const MAX_VALUE = 64 * 1024;

export class ShellValue {
  readonly text: string;

  constructor(readonly chunks: readonly Chunk[]) {
    this.text = chunks.map((c) => c.text).join('');
  }

  static readonly EMPTY = new ShellValue([]);

  static literal(text: string, source: ShellSource, offset: number): ShellValue {
    return text === '' ? ShellValue.EMPTY : new ShellValue([{ kind: 'literal', text, source, offset }]);
  }

  static expression(text: string, source: ShellSource, start: number, end: number): ShellValue {
    return text === '' ? ShellValue.EMPTY : new ShellValue([{ kind: 'expression', text, source, start, end }]);
  }

  static generated(text: string): ShellValue {
    return text === '' ? ShellValue.EMPTY : new ShellValue([{ kind: 'generated', text }]);
  }

  /** The value of an expansion relaygate cannot compute, standing for `source.text[start, end)`. */
  static unknown(source: ShellSource, start: number, end: number): ShellValue {
    return ShellValue.expression(UNKNOWN_MARK, source, start, end);
  }

  get unknown(): boolean {
    return this.text.includes(UNKNOWN_MARK);
  }

  concat(...others: ShellValue[]): ShellValue {
    const chunks = [...this.chunks];
    for (const other of others) chunks.push(...other.chunks);
    const out = new ShellValue(chunks);
    return out.text.length > MAX_VALUE ? ShellValue.generated(UNKNOWN_MARK) : out;
  }

  /** Characters [start, end) of the text, each keeping its origin. */
  slice(start: number, end = this.text.length): ShellValue {
    const from = Math.max(0, Math.min(start, this.text.length));
    const to = Math.max(from, Math.min(end, this.text.length));
    const chunks: Chunk[] = [];
    let at = 0;
    for (const chunk of this.chunks) {
      const chunkEnd = at + chunk.text.length;
      const a = Math.max(from, at);
      const b = Math.min(to, chunkEnd);
      if (a < b) {
        const text = chunk.text.slice(a - at, b - at);
        if (chunk.kind === 'literal') chunks.push({ ...chunk, text, offset: chunk.offset + (a - at) });
        else chunks.push({ ...chunk, text });
      }
      at = chunkEnd;
      if (at >= to) break;
    }
    return new ShellValue(chunks);
  }

  /** The same origins with other text of the same length (case conversion). */
  withText(text: string): ShellValue {
    if (text.length !== this.text.length) return ShellValue.generated(text);
    const chunks: Chunk[] = [];
    let at = 0;
    for (const chunk of this.chunks) {
      chunks.push({ ...chunk, text: text.slice(at, at + chunk.text.length) });
      at += chunk.text.length;
    }
    return new ShellValue(chunks);
  }

  /** Leading and trailing characters of `set` removed. */
  trim(set = ' \t\r\n'): ShellValue {
    let start = 0;
    let end = this.text.length;
    while (start < end && set.includes(this.text[start] as string)) start++;
    while (end > start && set.includes(this.text[end - 1] as string)) end--;
    return this.slice(start, end);
  }

  /** The whole value as one expression chunk of `source` (used when characters cannot be mapped one by one). */
  asExpression(source: ShellSource, start: number, end: number): ShellValue {
    return ShellValue.expression(this.text, source, start, end);
  }

  /**
   * Other text standing for the whole value: its own origins when the text
   * is unchanged, else one expression over the range the value came from
   * (an escape processed, a sed replacement built from a script).
   */
  spanning(text: string): ShellValue {
    if (text === this.text) return this;
    const range = this.range();
    return range === null ? ShellValue.generated(text) : ShellValue.expression(text, range.source, range.start, range.end);
  }

  /** The range of one source the value comes from, first character to last; null when it is not one source. */
  range(): { source: ShellSource; start: number; end: number } | null {
    const first = this.firstOrigin();
    const last = [...this.chunks].reverse().find((c) => c.kind !== 'generated');
    if (first === null || last === undefined || last.source !== first.source) return null;
    const end = last.kind === 'literal' ? last.offset + last.text.length : last.end;
    return { source: first.source, start: first.offset, end };
  }

  /** Where the value starts in its first source (for notes), or null. */
  firstOrigin(): { source: ShellSource; offset: number } | null {
    for (const chunk of this.chunks) {
      if (chunk.kind === 'literal') return { source: chunk.source, offset: chunk.offset };
      if (chunk.kind === 'expression') return { source: chunk.source, offset: chunk.start };
    }
    return null;
  }
}

/** Splits a value at every occurrence of `separator` (a literal string), keeping origins. */
export function splitValue(value: ShellValue, separator: string): ShellValue[] {
  const out: ShellValue[] = [];
  let at = 0;
  for (;;) {
    const next = value.text.indexOf(separator, at);
    if (next < 0) break;
    out.push(value.slice(at, next));
    at = next + separator.length;
  }
  out.push(value.slice(at));
  return out;
}
