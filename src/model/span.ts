/**
 * Positions in scanned files. Every value a parser reads keeps one of these
 * from the moment it is read, so a finding never re-searches a file.
 *
 * Lines and columns are 1-based. `endColumn` is exclusive (the column just
 * after the last character), as in SARIF regions.
 */
export interface Span {
  /** POSIX path relative to the scan root. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Located<T> {
  value: T;
  span: Span;
}

/** A problem a parser met, reported as the real program would. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
  /** true when the real program refuses the file (postfix exits, m4 fails). */
  fatal: boolean;
}

export function spanOf(file: string, line: number, column: number, endLine: number, endColumn: number): Span {
  return { file, line, column, endLine, endColumn };
}

/** The whole first line of a file: where a finding about a missing setting points. */
export function firstLineSpan(file: string, firstLineLength: number): Span {
  return { file, line: 1, column: 1, endLine: 1, endColumn: Math.max(2, firstLineLength + 1) };
}
