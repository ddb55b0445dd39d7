import type { Position } from '../../../model/source.js';

/**
 * Text assembled from pieces of a host file (Dockerfile lines without their
 * comment lines, a Terraform heredoc with interpolations replaced, Packer
 * strings joined). `origin[i]` is the host offset of character i; one more
 * entry holds the end. A piece that stands for a longer host range (one
 * UNKNOWN_MARK for `${var}`) starts at the range's start, and the next piece
 * starts after it.
 */
export class MappedSource {
  text = '';
  private readonly origin: number[] = [];

  /** Host characters copied as they are. */
  copy(host: string, start: number, end: number): void {
    for (let i = start; i < end; i++) {
      this.text += host[i];
      this.origin.push(i);
    }
  }

  /** Generated text standing for host[start, end). */
  replace(text: string, start: number, end: number): void {
    for (let i = 0; i < text.length; i++) {
      this.text += text[i];
      this.origin.push(i === 0 ? start : end);
    }
    this.pendingEnd = end;
  }

  private pendingEnd = 0;

  /** Host offset of text offset `i` (the end maps past the last piece). */
  hostOffset(i: number): number {
    const o = this.origin[i];
    if (o !== undefined) return o;
    const last = this.origin[this.origin.length - 1];
    return last === undefined ? this.pendingEnd : Math.max(last + 1, this.pendingEnd);
  }

  position(hostPosition: (offset: number) => Position): (offset: number) => Position {
    return (i) => {
      // The character after a replaced range maps to the range's end.
      const o = this.origin[i];
      const before = i > 0 ? this.origin[i - 1] : undefined;
      if (o !== undefined) return hostPosition(o);
      return hostPosition(before === undefined ? this.hostOffset(i) : Math.max(before + 1, this.pendingEnd));
    };
  }
}
