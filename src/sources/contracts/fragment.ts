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
    const segment = this.find(line, column);
    if (segment === undefined) return this.fallback(line, column);
    if (segment.kind === 'expression') return segment.from;
    return { line: segment.from.line, column: segment.from.column + (column - segment.column) };
  }

  /** Exclusive end: the position just after the rendered character at column - 1. */
  end(line: number, endColumn: number): Position {
    const segment = this.find(line, endColumn - 1);
    if (segment === undefined) return this.fallback(line, endColumn);
    if (segment.kind === 'expression') return segment.to;
    return { line: segment.from.line, column: segment.from.column + (endColumn - segment.column) };
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
  private fallback(line: number, column: number): Position {
    const list = this.byLine.get(line);
    const last = list?.[list.length - 1];
    if (last === undefined) return { line, column };
    if (last.kind === 'expression') return last.to;
    return { line: last.from.line, column: last.from.column + (column - last.column) };
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
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [k, v] of Object.entries(record)) copy[k] = walk(v, fragment, seen, other, as);
  if (record.file === fragment.file) {
    if (as !== undefined) copy.file = as;
    if (isSpanLike(record)) {
      const line = record.line as number;
      const column = record.column as number;
      const endLine = record.endLine as number;
      const endColumn = record.endColumn as number;
      const from = fragment.map.start(line, column);
      const empty = endLine === line && endColumn <= column;
      const to = empty ? from : fragment.map.end(endLine, endColumn);
      copy.line = from.line;
      copy.column = from.column;
      copy.endLine = to.line;
      copy.endColumn = to.column;
    } else if (isPointLike(record)) {
      const from = fragment.map.start(record.line as number, record.column as number);
      copy.line = from.line;
      copy.column = from.column;
    }
  }
  return copy;
}
