/**
 * isFourPartDecimal is ipaddr.js's IPv4.isValidFourPartDecimal with a shape
 * test in front, and isIpAddress is ipaddr.isValid with one: each must answer
 * exactly as ipaddr.js does, for addresses, near-addresses and anything else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { isFourPartDecimal, isIpAddress } from '../../src/mta/ipv4.js';

const part = fc.oneof(fc.nat(300).map(String), fc.constantFrom('0', '00', '01', '255', '256', '999', '1000', '0x10', '', '-1', ' 1', '1 '));
const nearAddress = fc.array(part, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.'));
const anyText = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '.', 'x', 'X', ':', '/', ' ', 'a', 'F', 'g', '%', '\n') });
const hexPart = fc.nat(0x1ff).map((n) => `0x${n.toString(16)}`);
const anyForm = fc.array(fc.oneof(part, hexPart, fc.nat(0o777).map((n) => `0${n.toString(8)}`)), { minLength: 1, maxLength: 5 }).map((p) => p.join('.'));
const ipv6 = fc.oneof(fc.ipV6(), fc.ipV6().map((a) => `${a}%eth0`), fc.constantFrom('::1', '::ffff:127.0.0.1', 'fe80::1%lo', ':::', '1::2::3'));

describe('isFourPartDecimal', () => {
  it('answers as ipaddr.IPv4.isValidFourPartDecimal on four-part and other texts', () => {
    fc.assert(
      fc.property(fc.oneof(nearAddress, anyText), (text) => {
        assert.equal(isFourPartDecimal(text), ipaddr.IPv4.isValidFourPartDecimal(text), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('isIpAddress answers as ipaddr.isValid on IPv4 in every form, IPv6 and other texts', () => {
    fc.assert(
      fc.property(fc.oneof(nearAddress, anyForm, anyText, ipv6, fc.domain()), (text) => {
        assert.equal(isIpAddress(text), ipaddr.isValid(text), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
    for (const yes of ['127.1', '0x7f.0.0.1', '0X7F000001', '2130706433', '::1']) assert.equal(isIpAddress(yes), true, yes);
    for (const no of ['localhost', 'mail.example.com', '127.0.0.1 ', '']) assert.equal(isIpAddress(no), false, no);
  });

  it('takes dotted quads of 0 to 255 without leading zeros, and nothing shorter', () => {
    for (const yes of ['0.0.0.0', '10.20.30.40', '255.255.255.255', '127.0.0.1']) assert.equal(isFourPartDecimal(yes), true, yes);
    for (const no of ['10', '10.1', '10.1.2', '256.1.1.1', '01.2.3.4', '1.2.3.4.5', '1.2.3.4\n', 'mail.example.com', '::1', '0x7f.0.0.1']) {
      assert.equal(isFourPartDecimal(no), false, no);
    }
  });
});
