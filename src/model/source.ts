/**
 * A scanned file's text with a line index. Offsets are UTF-16 indexes into
 * `text`; positions are 1-based lines and columns (columns count UTF-16 code
 * units, as GitHub and SARIF do for plain text).
 */
export interface SourceFile {
  /** POSIX path relative to the scan root. */
  path: string;
  text: string;
  /** What discovery decided the file is, by name or by content (absent: decide by name). */
  role?: 'main.cf' | 'master.cf' | 'sendmail.mc' | 'sendmail.cf' | 'sendmail.access' | 'exim.conf' | 'update-exim4.conf.conf' | 'smtpd.conf';
  /**
   * The file name the mail server reads the text under, when `path` does not
   * end in it: a template's rendering (`exim4.conf.template.j2` renders
   * exim4.conf.template), a repository file deployed under another name.
   * Absent: the path's own name.
   */
  name?: string;
}

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based position of a 0-based offset. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  /** Text of a 1-based line without its line terminator (CR kept out too). */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
}

/**
 * Marks text produced by a template expression that could not be resolved.
 * A private-use character: parsers treat it as ordinary text, rules test for
 * it to decide that a value is unknown (certainty "indeterminate").
 */
export const UNKNOWN_MARK = '\uE000';

export function isUnknown(value: string): boolean {
  return value.includes(UNKNOWN_MARK);
}
