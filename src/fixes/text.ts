import type { Replacement } from '../model/finding.js';

/**
 * 1-based line/column positions of a text and back, in UTF-16 code units
 * as findings count them. The position just after a final newline is
 * (last line + 1, column 1): where a line appended to the file starts.
 */
export class TextPositions {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** Offset of (line, column); null when the position is not in the text. */
  offset(line: number, column: number): number | null {
    const start = this.starts[line - 1];
    if (start === undefined || !Number.isInteger(column) || column < 1) return null;
    const next = this.starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    const offset = start + column - 1;
    return offset <= end ? offset : null;
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  /** Offsets of line `line`'s first character and of its end (before `\n`, and before a `\r` there). */
  lineRange(line: number): { start: number; end: number; next: number | null } | null {
    const start = this.starts[line - 1];
    if (start === undefined) return null;
    const nextStart = this.starts[line];
    let end = nextStart === undefined ? this.text.length : nextStart - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return { start, end, next: nextStart ?? null };
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** The text of the files a fix may touch, as relaygate read them; undefined when a file cannot be read. */
export interface FixFiles {
  read(file: string): string | undefined;
}

/** Where a file of this text ends its lines. */
export function lineEnding(text: string): string {
  return /\r\n/.test(text.slice(0, 4096)) ? '\r\n' : '\n';
}

/** A change by offsets into one file's text. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/**
 * Changes sorted and merged where one ends exactly where the next starts
 * (a removed item and the item appended in its place are one edit to a
 * reader); null when two overlap or two insert at the same point, whose
 * order would be a guess.
 */
export function mergeChanges(changes: readonly TextChange[]): TextChange[] | null {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextChange[] = [];
  for (const change of sorted) {
    const last = out.at(-1);
    if (last !== undefined && change.start < last.end) return null;
    if (last !== undefined && change.start === last.start && change.end === last.start && last.end === last.start) return null;
    if (last !== undefined && change.start === last.end) {
      out[out.length - 1] = { start: last.start, end: change.end, text: last.text + change.text };
    } else out.push({ ...change });
  }
  return out;
}

/** Changes to one file. */
export interface FileChanges {
  file: string;
  positions: TextPositions;
  changes: TextChange[];
}

export function toReplacement(file: string, positions: TextPositions, change: TextChange): Replacement {
  const from = positions.position(change.start);
  const to = positions.position(change.end);
  return { file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, text: change.text };
}

/**
 * Applies replacements to one file's text (those of other files are
 * ignored). Throws when one does not fit the text or two overlap: a
 * replacement computed for another version of the file must not be
 * applied half.
 */
export function applyReplacements(text: string, file: string, replacements: readonly Replacement[]): string {
  const positions = new TextPositions(text);
  const changes: TextChange[] = [];
  for (const r of replacements) {
    if (r.file !== file) continue;
    const start = positions.offset(r.line, r.column);
    const end = positions.offset(r.endLine, r.endColumn);
    if (start === null || end === null || end < start) {
      throw new Error(`replacement ${r.line}:${r.column}-${r.endLine}:${r.endColumn} does not fit ${file}`);
    }
    changes.push({ start, end, text: r.text });
  }
  const merged = mergeChanges(changes);
  if (merged === null) throw new Error(`replacements for ${file} overlap`);
  let out = '';
  let at = 0;
  for (const c of merged) {
    out += text.slice(at, c.start) + c.text;
    at = c.end;
  }
  return out + text.slice(at);
}
