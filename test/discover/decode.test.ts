import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binaryReason, decodeUtf8, firstInvalidUtf8 } from '../../src/discover/decode.js';

const b = (...bytes: number[]): Uint8Array => Uint8Array.from(bytes);

describe('firstInvalidUtf8 (Unicode table 3-7)', () => {
  const cases: [string, Uint8Array, number][] = [
    ['ASCII', b(0x61, 0x62), -1],
    ['two-byte é', b(0x61, 0xc3, 0xa9), -1],
    ['four-byte emoji', b(0xf0, 0x9f, 0x98, 0x80), -1],
    ['lone continuation byte', b(0x61, 0x80), 1],
    ['overlong two-byte C0 80', b(0xc0, 0x80), 0],
    ['overlong three-byte E0 80 80', b(0xe0, 0x80, 0x80), 0],
    ['UTF-16 surrogate ED A0 80', b(0xed, 0xa0, 0x80), 0],
    ['above U+10FFFF (F4 90)', b(0xf4, 0x90, 0x80, 0x80), 0],
    ['F5 lead byte', b(0x61, 0x62, 0xf5), 2],
    ['cut off at end of file', b(0x61, 0xe2, 0x82), 1],
    ['bad second byte', b(0xe2, 0x28, 0xa1), 0],
    ['Latin-1 é', b(0x63, 0x61, 0x66, 0xe9, 0x0a), 3],
  ];
  for (const [name, bytes, expected] of cases) {
    it(name, () => {
      assert.equal(firstInvalidUtf8(bytes), expected);
      // agrees with the platform's strict decoder on validity
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      assert.equal(valid, expected === -1);
    });
  }
});

describe('decodeUtf8', () => {
  it('counts the column in UTF-16 code units of the text before the bad byte', () => {
    // "😀" is two UTF-16 code units: the bad byte is at column 4
    const bytes = Buffer.concat([Buffer.from('x\n😀a'), b(0xff)]);
    assert.deepEqual(decodeUtf8(bytes), { ok: false, reason: 'not valid UTF-8 (byte 0xFF at line 2, column 4)', line: 2, column: 4 });
  });

  it('keeps a CRLF file as it is (parsers own line endings)', () => {
    assert.deepEqual(decodeUtf8(Buffer.from('a = b\r\n')), { ok: true, text: 'a = b\r\n' });
  });

  it('strips only the first byte order mark', () => {
    assert.deepEqual(decodeUtf8(Buffer.from('\ufeff\ufeffa')), { ok: true, text: '\ufeffa' });
  });
});

describe('binaryReason', () => {
  it('finds a NUL byte within the first 8 KiB only', () => {
    const late = Buffer.concat([Buffer.alloc(8192, 0x61), b(0)]);
    assert.equal(binaryReason(late), null);
    assert.deepEqual(binaryReason(b(0x61, 0x0a, 0x00)), { reason: 'binary content (a NUL byte at line 2, column 1)', line: 2, column: 1 });
  });

  it('names a big-endian UTF-16 byte order mark', () => {
    assert.equal(binaryReason(b(0xfe, 0xff, 0, 0x61))?.reason, 'the file is UTF-16 (byte order mark 0xFE 0xFF), not UTF-8 text');
  });
});
