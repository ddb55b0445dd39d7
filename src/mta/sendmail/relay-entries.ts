import ipaddr from 'ipaddr.js';
import { containsPublic } from '../postfix/address-lists.js';

/**
 * How wide one relay grant of sendmail is: a class R entry (RELAY_DOMAIN,
 * `C{R}`) or the key of an access-map `RELAY` entry. sendmail matches an IPv4
 * key on whole octets (`10.1` is 10.1.0.0/16), an `IPv6:` key on whole
 * groups, and a host or domain name as that domain and every host under it
 * (cf/README "Access Database", "RELAY_DOMAIN").
 */
export interface RelayGrant {
  /** Grants relaying to the whole public Internet or a large part of it. */
  broad: boolean;
  /** In words, for a message: "the public network 1.0.0.0/8", "every host under .com". */
  what: string;
}

const LOCAL_NAMES = new Set(['localhost', 'localhost.localdomain', 'localdomain', 'local']);

export function relayGrant(key: string): RelayGrant {
  const text = key.trim();
  if (/^\d{1,3}(\.\d{1,3}){0,3}$/.test(text) && text.split('.').every((o) => Number(o) <= 255)) {
    const octets = text.split('.');
    const prefix = octets.length * 8;
    const address = ipaddr.parse([...octets, '0', '0', '0'].slice(0, 4).join('.'));
    const cidr = `${address.toString()}/${prefix}`;
    // A public /8 or /16 is thousands of networks that belong to others.
    const broad = prefix <= 16 && containsPublic({ address, prefix });
    return { broad, what: broad ? `the public network ${cidr} (${text})` : `the network ${cidr}` };
  }
  const v6 = /^ipv6:(.*)$/i.exec(text);
  if (v6) {
    const groups = (v6[1] ?? '').split(':').filter((g) => g !== '');
    if (groups.length > 0 && groups.length < 8 && groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) {
      const prefix = groups.length * 16;
      const address = ipaddr.parse(`${groups.join(':')}::`);
      const broad = prefix <= 32 && containsPublic({ address, prefix });
      return { broad, what: `${broad ? 'the public network' : 'the network'} ${address.toString()}/${prefix}` };
    }
    return { broad: false, what: text };
  }
  const name = text.replace(/^\.+/, '').toLowerCase();
  if (name === '') return { broad: true, what: 'every host (an empty domain)' };
  if (!name.includes('.') && !LOCAL_NAMES.has(name)) return { broad: true, what: `every host and domain under .${name}` };
  return { broad: false, what: name };
}
