import ipaddr from 'ipaddr.js';
import { isUnknown } from '../../model/source.js';
import { isFourPartDecimal } from '../ipv4.js';
import { splitList } from './list.js';

/**
 * Postfix pattern lists that decide relaying: `mynetworks` (a host/address
 * list, namadr_list(3)), `relay_domains` (a domain list) and `mydestination`,
 * `virtual_alias_domains`, `virtual_mailbox_domains` (string lists), read as
 * match_list(3) and match_ops.c read them:
 *
 * - items are separated by commas and/or whitespace; the first item that
 *   matches decides, and `!pattern` makes that decision "no match";
 * - an item with a `:` that does not start with `[` is a lookup table
 *   (MATCH_DICTIONARY): `::1/128` unbracketed is a table of type "" and smtpd
 *   refuses to start ("expecting type:name form");
 * - `/file/name` items read patterns from a file;
 * - a network is `a.b.c.d/n` or `[ipv6]/n`; a CIDR with host bits set
 *   (`1.2.3.4/8`) or a bad mask (`0/0`) is a lookup error when the item is
 *   reached (smtpd answers 451 "Temporary lookup failure");
 * - anything else is a host or domain name: equal to the name, or (when the
 *   parameter is in parent_domain_matches_subdomains) a parent domain of it.
 */

export type AddressItemKind =
  | 'network'
  | 'address'
  | 'name'
  | 'file'
  | 'table'
  | 'keyed-table'
  | 'static'
  | 'inline'
  | 'invalid'
  | 'unresolved';

export interface AddressItem {
  /** The item as written (without a leading `!`). */
  text: string;
  negated: boolean;
  kind: AddressItemKind;
  /** network/address: the address block (an address is a /32 or /128). */
  block?: { address: ipaddr.IPv4 | ipaddr.IPv6; prefix: number };
  /** inline: the table's keys, lowercased. */
  keys?: string[];
  /** An IPv6 address or network without brackets: smtpd reads it as a table and refuses to start. */
  bareIpv6?: boolean;
}

/** Lookup tables with a fixed answer for every key. */
const MATCH_ALL_TABLES = new Set(['static', 'randmap']);
/**
 * Tables looked up by exact key (hash, lmdb, a database query by key): they
 * hold finitely many addresses or domains, so an attacker uses one that is
 * not in them. Pattern tables (cidr, regexp, pcre) and services that answer
 * as they like (tcp, socketmap) may match anything: those are unknown.
 */
const KEYED_TABLES = new Set([
  'hash', 'btree', 'lmdb', 'cdb', 'dbm', 'sdbm', 'texthash', 'nis', 'nisplus', 'netinfo', 'ldap', 'mysql', 'pgsql', 'sqlite',
  'memcache', 'environ', 'internal', 'fail',
]);

/** `proxy:hash:/x` is the table behind the proxy. */
function tableType(text: string): string {
  let rest = text;
  for (;;) {
    const colon = rest.indexOf(':');
    const type = (colon < 0 ? rest : rest.slice(0, colon)).toLowerCase();
    if (type !== 'proxy' || colon < 0) return type;
    rest = rest.slice(colon + 1);
  }
}

/** IPv4 as inet_pton(3) reads it: four decimal parts, nothing shorter. */
function parseIpv4(text: string): ipaddr.IPv4 | null {
  return isFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
}

function parseIpv6(text: string): ipaddr.IPv6 | null {
  if (text.includes('%') || !ipaddr.IPv6.isValid(text)) return null;
  return ipaddr.IPv6.parse(text);
}

/** `inline:{ key=value, { key = value } }` (postconf(5) inline_table): the keys. */
function inlineKeys(body: string): string[] | null {
  const inner = body.startsWith('{') && body.endsWith('}') ? body.slice(1, -1) : null;
  if (inner === null) return null;
  const keys: string[] = [];
  for (const item of splitList(inner)) {
    let text = item.text;
    if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim();
    const eq = text.indexOf('=');
    keys.push((eq < 0 ? text : text.slice(0, eq)).trim().toLowerCase());
  }
  return keys;
}

/** One list item: what kind of pattern it is. */
export function readAddressItem(raw: string): AddressItem {
  let text = raw;
  let negated = false;
  while (text.startsWith('!')) {
    negated = !negated;
    text = text.slice(1);
  }
  const item = (kind: AddressItemKind, extra: Partial<AddressItem> = {}): AddressItem => ({ text, negated, kind, ...extra });
  if (isUnknown(text)) return item('unresolved');
  if (text.startsWith('/')) return item('file');
  if (!text.startsWith('[') && text.includes(':')) {
    if (parseIpv6(text.replace(/\/\d+$/, '')) !== null) return item('invalid', { bareIpv6: true });
    const type = tableType(text);
    if (MATCH_ALL_TABLES.has(type)) return item('static');
    if (type === 'inline') {
      const keys = inlineKeys(text.slice(text.indexOf(':') + 1));
      if (keys !== null) return item('inline', { keys });
    }
    if (KEYED_TABLES.has(type)) return item('keyed-table');
    return item(type === '' ? 'invalid' : 'table');
  }
  const slash = text.indexOf('/');
  const host = slash < 0 ? text : text.slice(0, slash);
  const bracketed = host.startsWith('[') && host.endsWith(']');
  const bare = bracketed ? host.slice(1, -1) : host;
  const address = parseIpv4(bare) ?? parseIpv6(bare);
  if (slash < 0) {
    if (address !== null && (bracketed || address.kind() === 'ipv4')) {
      return item('address', { block: { address, prefix: address.kind() === 'ipv4' ? 32 : 128 } });
    }
    return bracketed ? item('invalid') : item('name');
  }
  const mask = text.slice(slash + 1);
  const max = address?.kind() === 'ipv6' ? 128 : 32;
  if (address === null || !/^\d{1,3}$/.test(mask) || Number(mask) > max) return item('invalid');
  const prefix = Number(mask);
  const network = ipaddr.parse(networkAddress(address, prefix));
  // cidr_match_parse(): "non-null host address bits" is a lookup error, not a wider network.
  if (network.toNormalizedString() !== address.toNormalizedString()) return item('invalid');
  return item('network', { block: { address, prefix } });
}

function networkAddress(address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): string {
  const bytes = address.toByteArray();
  for (let bit = prefix; bit < bytes.length * 8; bit++) {
    const i = bit >> 3;
    bytes[i] = (bytes[i] ?? 0) & ~(0x80 >> (bit & 7));
  }
  return ipaddr.fromByteArray(bytes).toString();
}

/**
 * Lists already read, by value: one configuration's relay decision reads
 * mynetworks and every destination list once per attacker and per stage,
 * and a repository's configurations share most values. The items are
 * frozen (nobody may change a shared answer); long values and a full memo
 * are not kept, so a hostile repository cannot make it hold much.
 */
const READ_LISTS = new Map<string, readonly AddressItem[]>();
const MEMO_ENTRIES = 4096;
const MEMO_VALUE_CHARS = 4096;

export function readAddressList(value: string): readonly AddressItem[] {
  const known = READ_LISTS.get(value);
  if (known !== undefined) return known;
  const items = Object.freeze(splitList(value).map((item) => Object.freeze(readAddressItem(item.text))));
  if (value.length <= MEMO_VALUE_CHARS) {
    if (READ_LISTS.size >= MEMO_ENTRIES) READ_LISTS.clear();
    READ_LISTS.set(value, items);
  }
  return items;
}

/** The result of matching one client against a list: `error` is smtpd's "Temporary lookup failure". */
export type ListMatch = 'match' | 'no-match' | 'unknown' | 'error';

export interface ClientIdentity {
  /** The client IP address, as text. */
  address: string;
  /** Its verified host name (lowercase), or `unknown`. */
  name: string;
}

function blockContains(block: { address: ipaddr.IPv4 | ipaddr.IPv6; prefix: number }, address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (block.address.kind() !== address.kind()) return false;
  return address.match(block.address, block.prefix);
}

function nameMatches(name: string, pattern: string, parent: boolean): boolean {
  const p = pattern.toLowerCase();
  if (name === p) return true;
  if (parent) return name.length > p.length && name.endsWith(`.${p}`);
  return p.startsWith('.') && name.length > p.length && name.endsWith(p);
}

/**
 * namadr_list_match(): does the client (name, address) match the list?
 * Items are tried in order and the first match decides.
 * @param parent the parameter is in parent_domain_matches_subdomains
 */
export function matchClient(items: readonly AddressItem[], client: ClientIdentity, parent = true): ListMatch {
  const address = parseIpv4(client.address) ?? parseIpv6(client.address);
  for (const item of items) {
    let hit: ListMatch;
    switch (item.kind) {
      case 'network':
      case 'address':
        hit = address !== null && item.block !== undefined && blockContains(item.block, address) ? 'match' : 'no-match';
        break;
      case 'name':
        hit = nameMatches(client.name, item.text, parent) ? 'match' : 'no-match';
        break;
      case 'static':
        hit = 'match';
        break;
      case 'keyed-table':
        hit = 'no-match';
        break;
      case 'inline':
        hit = (item.keys ?? []).includes(client.address.toLowerCase()) || (item.keys ?? []).includes(client.name) ? 'match' : 'no-match';
        break;
      case 'invalid':
        return 'error';
      case 'file':
      case 'table':
      case 'unresolved':
      default:
        return 'unknown';
    }
    if (hit === 'match') return item.negated ? 'no-match' : 'match';
  }
  return 'no-match';
}

/**
 * Does a domain list match `domain`? `domainList` is relay_domains'
 * match_hostname() (parent domains when `parent`, `.domain` for subdomains
 * otherwise, tables looked up with the name and, with `parent`, its parent
 * domains); a string list (mydestination, virtual_*_domains) compares the
 * whole name and looks it up whole.
 */
export function matchDomain(value: string, domain: string, how: { domainList: boolean; parent: boolean }): ListMatch {
  const name = domain.toLowerCase();
  for (const item of readAddressList(value)) {
    let hit: boolean;
    switch (item.kind) {
      case 'static':
        hit = true;
        break;
      case 'keyed-table':
        hit = false;
        break;
      case 'inline': {
        const keys = item.keys ?? [];
        const candidates = [name];
        if (how.domainList) for (let i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) candidates.push(how.parent ? name.slice(i + 1) : name.slice(i));
        hit = candidates.some((c) => keys.includes(c));
        break;
      }
      case 'unresolved':
      case 'file':
      case 'table':
        return 'unknown';
      case 'invalid':
        return 'error';
      case 'address':
      case 'name':
      case 'network':
      default:
        hit = how.domainList ? nameMatches(name, item.text, how.parent) : name === item.text.toLowerCase();
    }
    if (hit) return item.negated ? 'no-match' : 'match';
  }
  return 'no-match';
}

/**
 * Address space that is not public: special-purpose blocks (RFC 6890) a
 * host on the Internet cannot connect from. `::ffff:0:0/96` is judged by the
 * IPv4 address inside it.
 */
const NOT_PUBLIC_V4 = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
  '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
].map((c) => ipaddr.parseCIDR(c));
const NOT_PUBLIC_V6 = ['::/128', '::1/128', '100::/64', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8'].map((c) =>
  ipaddr.parseCIDR(c),
);
const V4_MAPPED = ipaddr.parseCIDR('::ffff:0:0/96');

/** Does the block hold any public address (is it not inside one special-purpose block)? */
export function containsPublic(block: { address: ipaddr.IPv4 | ipaddr.IPv6; prefix: number }): boolean {
  const { address, prefix } = block;
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    if (prefix >= 96 && v6.match(V4_MAPPED)) {
      return containsPublic({ address: v6.toIPv4Address(), prefix: prefix - 96 });
    }
    return !NOT_PUBLIC_V6.some(([range, bits]) => prefix >= bits && v6.match(range, bits));
  }
  const v4 = address as ipaddr.IPv4;
  return !NOT_PUBLIC_V4.some(([range, bits]) => prefix >= bits && v4.match(range, bits));
}

/**
 * Networks so wide that they are "the world": shorter than an IPv4 /8 (more
 * than any single organisation holds) or an IPv6 /16 (more than a regional
 * registry's allocations), and holding public space.
 */
export function isWorldWide(block: { address: ipaddr.IPv4 | ipaddr.IPv6; prefix: number }): boolean {
  const limit = block.address.kind() === 'ipv4' ? 8 : 16;
  return block.prefix < limit && containsPublic(block);
}

/**
 * Public addresses inside `block`, one per /8 (IPv4) or /16 (IPv6) of it,
 * for an attacker who may connect from anywhere in it. Bounded: at most
 * `limit` samples.
 */
export function publicSamples(block: { address: ipaddr.IPv4 | ipaddr.IPv6; prefix: number }, limit = 64): string[] {
  const out: string[] = [];
  const v4 = block.address.kind() === 'ipv4';
  const unit = v4 ? 8 : 16;
  const span = 2 ** Math.max(0, unit - block.prefix);
  const base = block.address.toByteArray();
  const first = v4 ? (base[0] ?? 0) : ((base[0] ?? 0) << 8) | (base[1] ?? 0);
  // IPv6 global unicast starts at 2000::/3: begin there when the block spans it.
  const begin = !v4 && first <= 0x2000 && 0x2000 < first + span ? 0x2000 : first;
  for (let top = begin, tried = 0; top < first + span && tried < 4096 && out.length < limit; top++, tried++) {
    const sample = v4 ? `${top}.0.113.7` : `${top.toString(16)}:4860::7`;
    const address = ipaddr.parse(sample);
    if (!blockContains(block, address)) continue;
    if (containsPublic({ address, prefix: v4 ? 32 : 128 })) out.push(sample);
  }
  return out;
}
