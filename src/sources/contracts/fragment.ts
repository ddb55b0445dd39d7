import type { Position } from '../../model/source.js';
import type { Form } from '../../model/configuration.js';
import type { Span } from '../../model/span.js';

/**
 * Mail configuration produced by a source other than a plain file (a
 * template, later shell or YAML). `text` is what the mail server would read;
 * `map` leads every position of `text` back to the file a person edits.
 */
export interface Fragment {
  /** The template's path (POSIX, relative to the scan root). */
  file: string;
  /** The rendered mail-configuration text. */
  text: string;
  form: Form;
  map: SourceMap;
  /**
   * Rendered lines (1-based) produced inside a branch or loop whose condition
   * or data could not be resolved: they may or may not be in the real file.
   */
  maybeLines: Set<number>;
  /** Template ranges of branches that were not rendered but could apply (an unresolved `if`). */
  alternatives: Span[];
}

/** One run of rendered text on one rendered line and where it comes from. */
export interface MapSegment {
  /** Rendered line and first column (1-based); `endColumn` exclusive. */
  line: number;
  column: number;
  endColumn: number;
  /**
   * literal: template text copied as is, starting at `from`; expression: the
   * output of a `{{ ... }}` whose whole tag is `from`..`to`.
   */
  kind: 'literal' | 'expression';
  from: Position;
  /** Exclusive end of the expression tag (equal to `from` for literal text). */
  to: Position;
  /**
   * The file `from`/`to` are in, when it is not the fragment's own `file`:
   * text assembled from several files (a shell function defined in a sourced
   * file and called with arguments from the script, a COPY'd main.cf edited
   * by a Dockerfile's sed) keeps every piece on the file it comes from.
   */
  file?: string;
}

/** A position in the fragment's file (`file` undefined) or in another one. */
export interface MappedPosition {
  file: string | undefined;
  position: Position;
}

/** Rendered (line, column) -> template (line, column). */
export class SourceMap {
  private readonly byLine = new Map<number, MapSegment[]>();

  constructor(readonly segments: readonly MapSegment[]) {
    for (const segment of segments) {
      const list = this.byLine.get(segment.line);
      if (list === undefined) this.byLine.set(segment.line, [segment]);
      else list.push(segment);
    }
  }

  /**
   * Where the rendered character at (line, column) comes from. Literal text
   * keeps its own column; an expression's output maps to the start of its tag.
   */
  start(line: number, column: number): Position {
    return this.locateStart(line, column).position;
  }

  /** Exclusive end: the position just after the rendered character at column - 1. */
  end(line: number, endColumn: number): Position {
    return this.locateEnd(line, endColumn).position;
  }

  /** As start(), with the file the position is in (undefined: the fragment's own). */
  locateStart(line: number, column: number): MappedPosition {
    const segment = this.find(line, column);
    if (segment === undefined) return this.fallback(line, column);
    if (segment.kind === 'expression') return { file: segment.file, position: segment.from };
    return { file: segment.file, position: { line: segment.from.line, column: segment.from.column + (column - segment.column) } };
  }

  /** As end(), with the file the position is in. */
  locateEnd(line: number, endColumn: number): MappedPosition {
    const segment = this.find(line, endColumn - 1);
    if (segment === undefined) return this.fallback(line, endColumn);
    if (segment.kind === 'expression') return { file: segment.file, position: segment.to };
    return { file: segment.file, position: { line: segment.from.line, column: segment.from.column + (endColumn - segment.column) } };
  }

  private find(line: number, column: number): MapSegment | undefined {
    const list = this.byLine.get(line);
    if (list === undefined) return undefined;
    for (const segment of list) {
      if (column >= segment.column && column < segment.endColumn) return segment;
    }
    return undefined;
  }

  /** A position past the end of a line (a parser pointing after the last character). */
  private fallback(line: number, column: number): MappedPosition {
    const list = this.byLine.get(line);
    const last = list?.[list.length - 1];
    if (last === undefined) return { file: undefined, position: { line, column } };
    if (last.kind === 'expression') return { file: last.file, position: last.to };
    return { file: last.file, position: { line: last.from.line, column: last.from.column + (column - last.column) } };
  }
}

function isSpanLike(value: Record<string, unknown>): boolean {
  return (
    typeof value.file === 'string' &&
    typeof value.line === 'number' &&
    typeof value.column === 'number' &&
    typeof value.endLine === 'number' &&
    typeof value.endColumn === 'number'
  );
}

/** A diagnostic-shaped object ({file, line, column} without an end). */
function isPointLike(value: Record<string, unknown>): boolean {
  return (
    typeof value.file === 'string' &&
    typeof value.line === 'number' &&
    typeof value.column === 'number' &&
    value.endLine === undefined
  );
}

/**
 * Rewrites, in a copy of `value`, every Span (and every {file, line, column}
 * diagnostic position) of the fragment's file from rendered coordinates to
 * template coordinates. Parsers run unchanged on the rendered text under the
 * template's path; this walk then puts their positions back on the template.
 */
export function remapSpans<T>(value: T, fragment: Fragment, other?: RemapOther): T {
  return walk(value, fragment, new Map(), other) as T;
}

/**
 * remapSpans, and every position of `fragment.file` put on the file `as`
 * (text replayed under a name of its own, mapped to the host file that holds it).
 */
export function remapSpansAs<T>(value: T, fragment: Fragment, as: string, other?: RemapOther): T {
  return walk(value, fragment, new Map(), other, as) as T;
}

/**
 * How an object of a class (not a plain record) is remapped: a parser's own
 * position-carrying class (Exim's MappedText). Returns the remapped copy, or
 * undefined to keep the object as it is.
 */
export type RemapOther = (value: object, fragment: Fragment, as?: string) => unknown;

function walk(value: unknown, fragment: Fragment, seen: Map<object, unknown>, other?: RemapOther, as?: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(walk(item, fragment, seen, other, as));
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    seen.set(value, copy);
    for (const [k, v] of value) copy.set(k, walk(v, fragment, seen, other, as));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    seen.set(value, copy);
    for (const v of value) copy.add(walk(v, fragment, seen, other, as));
    return copy;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    const copy = other?.(value, fragment, as);
    if (copy === undefined) return value;
    seen.set(value, copy);
    return copy;
  }
  const record = value as Record<string, unknown>;
  // Same prototype as the original (a literal stays a literal, plain data
  // stays without one), and every key defined, never assigned: a key
  // `__proto__` is copied as the data it is.
  const copy = Object.create(prototype) as Record<string, unknown>;
  seen.set(value, copy);
  for (const [k, v] of Object.entries(record)) Object.defineProperty(copy, k, { value: walk(v, fragment, seen, other, as), writable: true, enumerable: true, configurable: true });
  if (record.file === fragment.file) {
    if (as !== undefined) copy.file = as;
    if (isSpanLike(record)) {
      const line = record.line as number;
      const column = record.column as number;
      const endLine = record.endLine as number;
      const endColumn = record.endColumn as number;
      const from = fragment.map.locateStart(line, column);
      const empty = endLine === line && endColumn <= column;
      let to = empty ? from : fragment.map.locateEnd(endLine, endColumn);
      // A span cannot end in another file than it starts in: it is cut to its first character.
      if (to.file !== from.file) to = { file: from.file, position: { line: from.position.line, column: from.position.column + 1 } };
      if (from.file !== undefined) copy.file = from.file;
      copy.line = from.position.line;
      copy.column = from.position.column;
      copy.endLine = to.position.line;
      copy.endColumn = to.position.column;
    } else if (isPointLike(record)) {
      const from = fragment.map.locateStart(record.line as number, record.column as number);
      if (from.file !== undefined) copy.file = from.file;
      copy.line = from.position.line;
      copy.column = from.position.column;
    }
  }
  return copy;
}
