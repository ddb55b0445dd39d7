import { gunzipSync } from 'node:zlib';

/** Decoded content bigger than this is not read (a gzip bomb stays bounded). */
export const MAX_DECODED_BYTES = 4 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

/** Base64 as RFC 4648 (line breaks and spaces ignored, as cloud-init's and Kubernetes' decoders do). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

export function gunzip(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: gunzipSync(bytes, { maxOutputLength: MAX_DECODED_BYTES }).toString('utf8') };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return { ok: false, message: `gzip content larger than ${MAX_DECODED_BYTES} bytes: not read` };
    return { ok: false, message: `gzip content could not be decompressed: ${(error as Error).message}` };
  }
}

export function utf8(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_DECODED_BYTES) return { ok: false, message: `content larger than ${MAX_DECODED_BYTES} bytes: not read` };
  return { ok: true, text: Buffer.from(bytes).toString('utf8') };
}
