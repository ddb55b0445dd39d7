/**
 * The content check of provisioning files: does a mail marker (a word
 * without which a file cannot edit mail configuration) occur anywhere in the
 * file? A playbook names Postfix wherever its mail task happens to be, so the
 * whole file is searched, never only its head.
 *
 * Each search is a native `Buffer.indexOf` of a short literal: linear in the
 * file's size, with no regular expression on the file's bytes. Files are
 * searched as bytes, before any decoding, so that a chunk boundary or an
 * invalid byte cannot hide a marker.
 */
export class MarkerSearch {
  /** Each marker list as bytes, made once: a scan asks about the same list for every file. */
  private static readonly compiled = new WeakMap<readonly string[], readonly Buffer[]>();
  private readonly markers: readonly Buffer[];
  /** Bytes kept from the end of one chunk so that a marker cut by the boundary is still found. */
  private readonly overlap: number;
  private tail: Buffer = Buffer.alloc(0);
  private seen = false;

  constructor(markers: readonly string[]) {
    this.markers = MarkerSearch.bytesOf(markers);
    this.overlap = Math.max(0, ...this.markers.map((m) => m.length - 1));
  }

  private static bytesOf(markers: readonly string[]): readonly Buffer[] {
    let bytes = MarkerSearch.compiled.get(markers);
    if (bytes === undefined) {
      bytes = markers.map((m) => Buffer.from(m, 'utf8'));
      MarkerSearch.compiled.set(markers, bytes);
    }
    return bytes;
  }

  /** Whether a marker occurs in these bytes, taken alone. */
  static in(bytes: Uint8Array, markers: readonly string[]): boolean {
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    for (const marker of MarkerSearch.bytesOf(markers)) if (buffer.indexOf(marker) !== -1) return true;
    return false;
  }

  /** Feeds the next chunk of the file. */
  push(chunk: Uint8Array): void {
    if (this.seen || chunk.length === 0) return;
    const bytes = this.tail.length === 0 ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length) : Buffer.concat([this.tail, chunk]);
    for (const marker of this.markers) {
      if (bytes.indexOf(marker) !== -1) {
        this.seen = true;
        return;
      }
    }
    this.tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - this.overlap)));
  }

  get found(): boolean {
    return this.seen;
  }
}
