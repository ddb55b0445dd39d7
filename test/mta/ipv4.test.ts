/**
 * isFourPartDecimal is ipaddr.js's IPv4.isValidFourPartDecimal with a shape
 * test in front: it must answer exactly as ipaddr.js does, for addresses,
 * near-addresses and anything else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { isFourPartDecimal } from '../../src/mta/ipv4.js';

const part = fc.oneof(fc.nat(300).map(String), fc.constantFrom('0', '00', '01', '255', '256', '999', '1000', '0x10', '', '-1', ' 1', '1 '));
const nearAddress = fc.array(part, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.'));
const anyText = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '.', 'x', ':', '/', ' ', 'a', '\n') });

describe('isFourPartDecimal', () => {
  it('answers as ipaddr.IPv4.isValidFourPartDecimal on four-part and other texts', () => {
    fc.assert(
      fc.property(fc.oneof(nearAddress, anyText), (text) => {
        assert.equal(isFourPartDecimal(text), ipaddr.IPv4.isValidFourPartDecimal(text), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('takes dotted quads of 0 to 255 without leading zeros, and nothing shorter', () => {
    for (const yes of ['0.0.0.0', '10.20.30.40', '255.255.255.255', '127.0.0.1']) assert.equal(isFourPartDecimal(yes), true, yes);
    for (const no of ['10', '10.1', '10.1.2', '256.1.1.1', '01.2.3.4', '1.2.3.4.5', '1.2.3.4\n', 'mail.example.com', '::1', '0x7f.0.0.1']) {
      assert.equal(isFourPartDecimal(no), false, no);
    }
  });
});
