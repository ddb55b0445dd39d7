/**
 * Turning a file's bytes into text the parsers can trust: Postfix and
 * sendmail read bytes, but every position we report is in characters of
 * UTF-8 text, so a file that is not UTF-8 cannot be judged line by line.
 */

/** Binary detection looks at this many bytes, as git and grep do. */
export const BINARY_PROBE_BYTES = 8 * 1024;

export interface Unreadable {
  reason: string;
  line: number;
  column: number;
}

export type Decoded = { ok: true; text: string } | ({ ok: false } & Unreadable);

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * 1-based line and column of a byte offset; the column counts UTF-16 code
 * units of the line's text before it (as every span does), after the BOM.
 */
export function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = hasBom(bytes) ? 3 : 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = lineStart < offset ? lenient.decode(bytes.subarray(lineStart, offset)) : '';
  return { line, column: before.length + 1 };
}

/** Offset of the first byte that starts an ill-formed UTF-8 sequence (Unicode 15, table 3-7), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) {
      need = 2;
      lo = 0xa0;
    }
    else if (b >= 0xe1 && b <= 0xec) need = 2;
    else if (b === 0xed) {
      need = 2;
      hi = 0x9f;
    }
    else if (b >= 0xee && b <= 0xef) need = 2;
    else if (b === 0xf0) {
      need = 3;
      lo = 0x90;
    }
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) {
      need = 3;
      hi = 0x8f;
    }
    else return i;
    // A sequence cut off by the end of the file.
    if (i + need >= n) return i;
    const second = bytes[i + 1] ?? 0;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k] ?? 0;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** A NUL byte near the start means binary (the rule git and grep use). */
export function binaryReason(bytes: Uint8Array): Unreadable | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { reason: `the file is UTF-16 (byte order mark ${hex(bytes[0])} ${hex(bytes[1])}), not UTF-8 text`, line: 1, column: 1 };
  }
  const probe = bytes.subarray(0, BINARY_PROBE_BYTES);
  const nul = probe.indexOf(0);
  if (nul === -1) return null;
  const { line, column } = positionOfByte(bytes, nul);
  return { reason: `binary content (a NUL byte at line ${line}, column ${column})`, line, column };
}

/** Text of a file that is strictly UTF-8, without its optional byte order mark. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const body = hasBom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: strict.decode(body) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const at = offset === -1 ? 0 : offset;
    const { line, column } = positionOfByte(bytes, at);
    const what = offset === -1 ? 'a byte' : `byte ${hex(bytes[at] ?? 0)}`;
    return { ok: false, reason: `not valid UTF-8 (${what} at line ${line}, column ${column})`, line, column };
  }
}

/** Best-effort text for sniffing only: a cut multi-byte character at the end is harmless there. */
export function decodeForSniffing(bytes: Uint8Array): string {
  return lenient.decode(hasBom(bytes) ? bytes.subarray(3) : bytes);
}
