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

/** What an IPv4 address in any form ipaddr.js reads (decimal, octal or hexadecimal parts, one to four) is made of. */
const IPV4_ANY_FORM = /^[0-9a-fx.]+$/i;

/**
 * ipaddr.js's `isValid` (IPv6, or IPv4 in any of its forms), with the same
 * shape test first: a text without a colon and with a character no IPv4 form
 * holds (a host name) is no address, and ipaddr.js would throw to say so.
 */
export function isIpAddress(text: string): boolean {
  return text.includes(':') ? ipaddr.IPv6.isValid(text) : IPV4_ANY_FORM.test(text) && ipaddr.IPv4.isValid(text);
}
