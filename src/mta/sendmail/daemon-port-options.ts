import ipaddr from 'ipaddr.js';
import { isUnknown } from '../../model/source.js';
import { isIpAddress } from '../ipv4.js';
import type { Span } from '../../model/span.js';
import type { DaemonPortOptions } from './model.js';

/**
 * Reads a DaemonPortOptions value as sendmail does (daemon.c,
 * setsockaddroptions): comma-separated `key=value` pairs, leading whitespace
 * skipped, the key recognized by its FIRST LETTER only and case-insensitively
 * (`Addr=`, `Address=`, `a=` are all the address). No address means every interface.
 */
export function readDaemonPortOptions(text: string, origin: DaemonPortOptions['origin'], span: Span): DaemonPortOptions {
  let address: string | null = null;
  let port: string | null = null;
  let name: string | null = null;
  let family: string | null = null;
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq).trimStart();
    const value = pair.slice(eq + 1).trim();
    switch (key.charAt(0).toLowerCase()) {
      case 'a':
        address = value === '' ? null : value;
        break;
      case 'p':
        port = value;
        break;
      case 'n':
        name = value;
        break;
      case 'f':
        family = value;
        break;
      default:
        break;
    }
  }
  return { text, address, port, name, family, origin, span };
}

/** Loopback: 127.0.0.0/8, ::1 (also IPv4-mapped), or the name localhost. */
export function isLoopbackAddress(address: string): boolean {
  let a = address.trim();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  if (a.toLowerCase().startsWith('ipv6:')) a = a.slice(5);
  if (a.toLowerCase() === 'localhost' || a.toLowerCase() === 'localhost.localdomain') return true;
  if (!isIpAddress(a)) return false;
  let parsed = ipaddr.parse(a);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'loopback';
}

export type Exposure = 'loopback' | 'exposed' | 'unknown';

/** Is this listener reachable beyond loopback? */
export function listenerExposure(listener: DaemonPortOptions): Exposure {
  if (listener.address === null) return isUnknown(listener.text) ? 'unknown' : 'exposed';
  if (isUnknown(listener.address)) return 'unknown';
  return isLoopbackAddress(listener.address) ? 'loopback' : 'exposed';
}

/** "every address" or the address, with the port and name: how a message names a listener. */
export function describeListener(listener: DaemonPortOptions): string {
  const where =
    listener.address === null ? 'every address' : isUnknown(listener.address) ? 'an unresolved address' : listener.address;
  const bits: string[] = [];
  if (listener.origin === 'default MTA') bits.push('default MTA, port 25');
  else if (listener.origin === 'default MSA') bits.push("default MSA, port 587; add FEATURE(`no_default_msa')");
  else {
    bits.push(`${listener.origin} at line ${listener.span.line}`);
    if (listener.name) bits.push(`Name=${listener.name}`);
    bits.push(`port ${listener.port ?? '25'}`);
  }
  return `${where} (${bits.join(', ')})`;
}
