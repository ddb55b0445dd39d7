/**
 * A line of Ruby as the Chef readers see it: its text without the indentation
 * and trailing spaces, and the offset in the file where that text starts.
 */
export interface RubyLine {
  text: string;
  start: number;
}

/**
 * A line that opens a block an `end` closes: a compound statement keyword at
 * its start, or a trailing `do` with optional `|params|` (Ruby's block syntax).
 */
export const OPENS = /^(?:if|unless|case|while|until|begin|for)\b|\bdo(?:\s*\|[^|]*\|)?\s*$/;

/**
 * Walks Ruby source a line at a time without parsing it: blank and comment
 * lines are skipped, and each `end` closes one block (depth down by one). The
 * reader raises `depth` for the lines it sees opening a block, and may move
 * `pos` past a value that runs over several lines.
 */
export class RubyLines {
  /** Where reading goes on: the start of the line after the last one read. */
  pos: number;
  /** How many blocks are open around the next line. */
  depth: number;

  private constructor(
    private readonly text: string,
    from: number,
    /** A block's body: the walk ends at the `end` that closes it. */
    private readonly block: boolean,
  ) {
    this.pos = from;
    this.depth = block ? 1 : 0;
  }

  /** The whole file; an `end` with no block open (one this walk did not count) is passed over. */
  static of(text: string): RubyLines {
    return new RubyLines(text, 0, false);
  }

  /** The body of the block opened on the line before `from`, up to its `end`. */
  static blockBody(text: string, from: number): RubyLines {
    return new RubyLines(text, from, true);
  }

  /** The next line that is not blank, a comment or an `end`; null at the end of the text or of the block. */
  next(): RubyLine | null {
    const text = this.text;
    while (this.pos < text.length && !(this.block && this.depth === 0)) {
      const newline = text.indexOf('\n', this.pos);
      const lineEnd = newline < 0 ? text.length : newline;
      const raw = text.slice(this.pos, lineEnd);
      const line = raw.trim();
      const start = this.pos + raw.indexOf(line);
      this.pos = lineEnd + 1;
      if (line === '' || line.startsWith('#')) continue;
      if (/^end\b/.test(line)) {
        this.depth = Math.max(0, this.depth - 1);
        continue;
      }
      return { text: line, start };
    }
    return null;
  }
}
