import ipaddr from 'ipaddr.js';

/** Four decimal parts without leading zeros: the only IPv4 form inet_pton(3) takes. Each part is bounded by a dot: linear. */
const FOUR_PART = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;

/**
 * ipaddr.js's `IPv4.isValidFourPartDecimal`, with its own shape test first:
 * ipaddr.js parses any text as an address and throws on most of them (a
 * host name, a table), and a thrown error costs more than the whole test.
 * Rule sessions ask this of every list item, many times over.
 */
export function isFourPartDecimal(text: string): boolean {
  return FOUR_PART.test(text) && ipaddr.IPv4.isValidFourPartDecimal(text);
}
