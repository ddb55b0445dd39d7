/**
 * Postfix address and domain lists as smtpd reads them (postconf(5)
 * mynetworks, relay_domains): item kinds, first match decides, and a list
 * read once is the same answer for every later question.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchClient, matchDomain, readAddressList } from '../../../src/mta/postfix/address-lists.js';

describe('readAddressList', () => {
  it('reads each item as smtpd does, and answers the same value with the same frozen list', () => {
    const value = '127.0.0.0/8, [::1]/128 !192.0.2.1 hash:/etc/postfix/network_table, 2001:db8::/32, 10.0.0.1/8';
    const items = readAddressList(value);
    assert.deepEqual(
      items.map((i) => [i.text, i.kind, i.negated]),
      [
        ['127.0.0.0/8', 'network', false],
        ['[::1]/128', 'network', false],
        ['192.0.2.1', 'address', true],
        ['hash:/etc/postfix/network_table', 'keyed-table', false],
        ['2001:db8::/32', 'invalid', false],
        ['10.0.0.1/8', 'invalid', false],
      ],
    );
    assert.equal(readAddressList(value), items);
    assert.equal(Object.isFrozen(items) && items.every((i) => Object.isFrozen(i)), true);
    assert.throws(() => {
      (items[0] as { kind: string }).kind = 'static';
    }, TypeError);
    assert.equal(matchClient(readAddressList(value), { address: '127.0.0.2', name: 'x.example' }), 'match');
    // Past the table (no key matches), the bare IPv6 network is reached: smtpd's lookup error.
    assert.equal(matchClient(readAddressList(value), { address: '198.51.100.7', name: 'x.example' }), 'error');
    assert.equal(matchClient(readAddressList('10.0.0.0/8 hash:/etc/x'), { address: '198.51.100.7', name: 'x.example' }), 'no-match');
  });

  it('a domain list: the first item that decides wins, before a later invalid or unknown one', () => {
    const how = { domainList: true, parent: true };
    assert.equal(matchDomain('example.com, 10.0.0.1/8', 'mail.example.com', how), 'match');
    assert.equal(matchDomain('example.com, 10.0.0.1/8', 'other.example', how), 'error');
    assert.equal(matchDomain('!mail.example.com, example.com, hash:/etc/x', 'mail.example.com', how), 'no-match');
    assert.equal(matchDomain('example.com /etc/postfix/relay_domains', 'other.example', how), 'unknown');
    assert.equal(matchDomain('example.com hash:/etc/x', 'other.example', how), 'no-match');
    assert.equal(matchDomain('example.com', 'mail.example.com', { domainList: false, parent: false }), 'no-match');
    assert.equal(matchDomain('static:all', 'anything.example', how), 'match');
  });
});
