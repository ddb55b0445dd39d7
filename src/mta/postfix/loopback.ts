import ipaddr from 'ipaddr.js';
import { isUnknown } from '../../model/source.js';
import { isIpAddress } from '../ipv4.js';

/** true, false, or 'unknown' when the text came from an unresolved template expression. */
export type Tristate = boolean | 'unknown';

/**
 * Is one address or host name (an `inet_interfaces` item, or the host of a
 * master.cf `host:port` service) a loopback address?
 *
 * Postfix resolves names with the system resolver; relaygate cannot, so only
 * the names that are loopback everywhere count: `localhost` (and Postfix's own
 * keyword `loopback-only`). Every other host name may resolve to a routable
 * address and is NOT loopback. Addresses are 127.0.0.0/8 and ::1, with or
 * without the brackets master(5) and postconf(5) allow around IPv6 addresses;
 * `::ffff:127.0.0.1` is the IPv4 loopback seen through IPv6.
 */
export function isLoopbackHost(host: string): Tristate {
  if (isUnknown(host)) return 'unknown';
  let text = host.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const lower = text.toLowerCase();
  if (lower === 'localhost' || lower === 'loopback-only') return true;
  if (!isIpAddress(text)) return false;
  return ipaddr.process(text).range() === 'loopback';
}

/**
 * Does an `inet_interfaces` value (already split into items) name loopback
 * addresses only? `all` (case-insensitive, as Postfix compares it) listens on
 * every address; an empty value is not loopback-only either (postconf(5):
 * the list must name at least one interface, so the server would not start
 * as a loopback-only listener).
 */
export function interfacesAreLoopback(items: readonly string[]): Tristate {
  if (items.length === 0) return false;
  let unknown = false;
  for (const item of items) {
    const loopback = isLoopbackHost(item);
    if (loopback === false) return false;
    if (loopback === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : true;
}
