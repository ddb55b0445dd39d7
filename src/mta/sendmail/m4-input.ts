import type { Span } from '../../model/span.js';

/**
 * m4's input: a stack of texts. The bottom one is the scanned file; every
 * macro expansion is pushed on top and rescanned (GNU m4 "rescanning"), and
 * reading crosses the end of one text into the next, as m4 does: the
 * expansion `FEAT` followed by the file's `URE` is read as the word FEATURE.
 */
export interface InputFrame {
  text: string;
  pos: number;
  /** null for the scanned file itself; for expanded text, the file call it came from. */
  origin: Span | null;
}

/** Where a token came from: an offset in the file, or the call that produced it. */
export type InputLocation = { offset: number } | { origin: Span };

export class M4Input {
  private readonly frames: InputFrame[] = [];
  /** Total characters ever pushed: bounds memory against runaway expansions. */
  pushed = 0;

  constructor(readonly fileText: string) {
    this.frames.push({ text: fileText, pos: 0, origin: null });
  }

  get fileFrame(): InputFrame {
    return this.frames[0] as InputFrame;
  }

  push(text: string, origin: Span): void {
    if (text.length === 0) return;
    this.pushed += text.length;
    // Drop finished expansions first, so tail recursion does not grow the stack.
    while (this.frames.length > 1) {
      const f = this.frames[this.frames.length - 1] as InputFrame;
      if (f.pos < f.text.length) break;
      this.frames.pop();
    }
    this.frames.push({ text, pos: 0, origin });
  }

  private top(): InputFrame | undefined {
    for (;;) {
      const f = this.frames[this.frames.length - 1];
      if (!f) return undefined;
      if (f.pos < f.text.length) return f;
      if (this.frames.length === 1) return undefined;
      this.frames.pop();
    }
  }

  /** The character `ahead` places on, across frames; '' at end of input. */
  peek(ahead = 0): string {
    let need = ahead;
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i] as InputFrame;
      const left = f.text.length - f.pos;
      if (need < left) return f.text.charAt(f.pos + need);
      need -= left;
    }
    return '';
  }

  /** Does the input continue with `s`? (multi-character quotes and comment delimiters) */
  startsWith(s: string): boolean {
    for (let i = 0; i < s.length; i++) if (this.peek(i) !== s.charAt(i)) return false;
    return s.length > 0;
  }

  location(): InputLocation {
    const f = this.top();
    if (!f) return { offset: this.fileText.length };
    return f.origin ? { origin: f.origin } : { offset: f.pos };
  }

  /** Consume one character; '' at end of input. */
  next(): string {
    const f = this.top();
    if (!f) return '';
    const ch = f.text.charAt(f.pos);
    f.pos++;
    return ch;
  }

  skip(n: number): void {
    for (let i = 0; i < n; i++) this.next();
  }

  atEnd(): boolean {
    return this.top() === undefined;
  }
}
