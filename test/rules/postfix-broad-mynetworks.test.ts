import { describe, it } from 'node:test';
import { UNKNOWN_MARK } from '../../src/model/source.js';
import { rule } from '../../src/rules/postfix-broad-mynetworks.js';
import { assertCase, MAIN, MASTER, SMTP, type Case } from './postfix-instance.js';

const C36 = 'compatibility_level = 3.6\n';
/** A finding on main.cf line 2's mynetworks value of `length` characters. */
const onValue = (length: number, level: 'error' | 'warning', certainty: 'definite' | 'indeterminate' = 'definite'): Case['expect'][number] => [
  MAIN, 2, 14, 2, 14 + length, level, certainty,
];

const CASES: Case[] = [
  // Networks, measured with CIDR arithmetic.
  { name: 'loopback only (Debian\'s packaged value)', main: `${C36}mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128\n`, expect: [] },
  { name: 'private networks are not public', main: `${C36}mynetworks = 10.0.0.0/8, 172.16.0.0/12 192.168.0.0/16 [fd00::]/8\n`, expect: [] },
  { name: '0.0.0.0/0 is the world', main: `${C36}mynetworks = 0.0.0.0/0\n`, expect: [onValue(9, 'error')], says: ['every IPv4 address'] },
  { name: '[::]/0 is the world', main: `${C36}mynetworks = [::]/0\n`, expect: [onValue(6, 'error')], says: ['every IPv6 address'] },
  { name: 'a /4 is a very short prefix', main: `${C36}mynetworks = 16.0.0.0/4\n`, expect: [onValue(10, 'error')] },
  { name: 'IPv6 2000::/3 (all global unicast) is the world', main: `${C36}mynetworks = [2000::]/3\n`, expect: [onValue(10, 'error')] },
  { name: 'a short prefix inside private space is not the world: 10.0.0.0/7 holds the public 11/8', main: `${C36}mynetworks = 10.0.0.0/7\n`, expect: [onValue(10, 'error')] },
  { name: 'fc00::/7 is private, however short', main: `${C36}mynetworks = [fc00::]/7\n`, expect: [] },
  { name: 'a public /16 is a warning', main: `${C36}mynetworks = 127.0.0.0/8 8.8.0.0/16\n`, expect: [onValue(22, 'warning')], says: ['8.8.0.0/16 (65,536 addresses'] },
  { name: 'a public /24 or a single host is fine', main: `${C36}mynetworks = 127.0.0.0/8 8.8.8.0/24 9.9.9.9\n`, expect: [] },
  { name: 'a public IPv6 /32 is a warning', main: `${C36}mynetworks = [2a00:1450::]/32\n`, expect: [onValue(16, 'warning')] },
  { name: 'unbracketed [::1] is no network (smtpd stops: postfix-open-relay says so)', main: `${C36}mynetworks = ::1/128\n`, expect: [] },
  { name: 'host bits set: a lookup error, not a wider network', main: `${C36}mynetworks = 1.2.3.4/1\n`, expect: [] },
  { name: 'a negated world is trusted nowhere', main: `${C36}mynetworks = !0.0.0.0/0, 0.0.0.0/1\n`, expect: [] },
  { name: 'a negation inside the world leaves the world', main: `${C36}mynetworks = !8.8.8.8, 0.0.0.0/0\n`, expect: [onValue(19, 'error')] },
  { name: 'static: matches every client', main: `${C36}mynetworks = static:all\n`, expect: [onValue(10, 'error')] },

  // Entries relaygate cannot read.
  { name: 'a /file is read at run time: indeterminate', main: `${C36}mynetworks = /etc/postfix/mynetworks\n`, expect: [onValue(23, 'warning', 'indeterminate')] },
  { name: 'a cidr: table is unknown', main: `${C36}mynetworks = cidr:/etc/postfix/networks\n`, expect: [onValue(26, 'warning', 'indeterminate')] },
  { name: 'a hash: table lists single addresses: not broad', main: `${C36}mynetworks = hash:/etc/postfix/networks\n`, expect: [] },
  { name: 'a template value: indeterminate', main: `${C36}mynetworks = 127.0.0.0/8 ${UNKNOWN_MARK}\n`, expect: [onValue(13, 'warning', 'indeterminate')] },

  // mynetworks_style when mynetworks is unset.
  { name: 'compatibility_level 3.6: style host', main: C36, expect: [] },
  { name: 'no compatibility_level: style subnet (finding on line 1)', main: 'myhostname = mx.example.org\n', expect: [[MAIN, 1, 1, 1, 28, 'warning', 'definite']], says: ['subnet'] },
  { name: 'compatibility_level = 1: style subnet, on that line', main: 'compatibility_level = 1\n', expect: [[MAIN, 1, 23, 1, 24, 'warning', 'definite']] },
  { name: 'mynetworks_style = class', main: `${C36}mynetworks_style = class\n`, expect: [[MAIN, 2, 20, 2, 25, 'warning', 'definite']], says: ['class A, B or C'] },
  { name: 'mynetworks set: the style does not matter', main: `${C36}mynetworks_style = class\nmynetworks = 127.0.0.0/8\n`, expect: [] },

  // Listeners.
  { name: 'loopback-only: not exposed', main: `${C36}inet_interfaces = loopback-only\nmynetworks = 0.0.0.0/0\n`, expect: [] },
  {
    name: 'a -o mynetworks on submission: finding on the override',
    main: `${C36}mynetworks = 127.0.0.0/8\n`,
    master: `${SMTP}submission inet n - y - - smtpd\n  -o mynetworks=0.0.0.0/0\n`,
    expect: [[MASTER, 3, 3, 3, 26, 'error', 'definite']],
    says: ['(master.cf -o on submission)'],
  },
  { name: 'master.cf alone without a mynetworks override: nothing to judge', main: null, master: SMTP, expect: [] },
];

describe('postfix-broad-mynetworks', () => {
  for (const c of CASES) it(c.name, () => assertCase(rule, c));
});
