import { firstInvalidUtf8 } from './decode.js';

/**
 * A listed file: its path as the file system has it (bytes, `/`-separated,
 * relative to the scan root) and as reports show it. Linux file names are
 * bytes, not text: a name that is not UTF-8 must still be opened by its own
 * bytes, and judged, never mangled into a name that does not exist.
 */
export interface ListedPath {
  /**
   * The name's bytes when they are not UTF-8; absent for a text name, whose
   * bytes are `shown`'s UTF-8 (pathBytes): a listing of a large repository
   * then costs one string per file and no buffer.
   */
  raw?: Buffer;
  /** The UTF-8 text of the path, or for a name that is not UTF-8, that text with each invalid byte escaped. */
  shown: string;
  /** False when `shown` is escaped (the name is not UTF-8). */
  text: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * How a path that is not UTF-8 is shown: its valid parts as text, each byte
 * that starts no valid sequence as `\xNN`, and `\` itself as `\\` (so that
 * one escaped name never reads as another). A valid UTF-8 path is shown as is.
 */
export function showPathBytes(bytes: Uint8Array): { shown: string; text: boolean } {
  let at = firstInvalidUtf8(bytes);
  if (at === -1) return { shown: utf8.decode(bytes), text: true };
  let shown = '';
  let rest = bytes;
  while (at !== -1) {
    shown += utf8.decode(rest.subarray(0, at)).replace(/\\/g, '\\\\');
    shown += `\\x${(rest[at] ?? 0).toString(16).padStart(2, '0')}`;
    rest = rest.subarray(at + 1);
    at = firstInvalidUtf8(rest);
  }
  return { shown: shown + utf8.decode(rest).replace(/\\/g, '\\\\'), text: false };
}

export function listedPath(bytes: Buffer): ListedPath {
  const shown = showPathBytes(bytes);
  return shown.text ? shown : { raw: bytes, ...shown };
}

/** A path that came as text (a command-line argument, a folder the caller named, a listing that was all UTF-8). */
export function textPath(path: string): ListedPath {
  return { shown: path, text: true };
}

/** The bytes the file system knows the path by. */
export function pathBytes(file: ListedPath): Buffer {
  return file.raw ?? Buffer.from(file.shown, 'utf8');
}

/**
 * A key that tells apart every distinct byte path: a text name is its own
 * key (UTF-8 maps distinct byte strings to distinct texts), any other name
 * its bytes as latin1 (one character per byte) after a NUL, which no text
 * name holds.
 */
export function pathKey(file: ListedPath): string {
  return file.raw === undefined ? file.shown : `\u0000${file.raw.toString('latin1')}`;
}
