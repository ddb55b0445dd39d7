import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchAddressItem, matchChosenList, type Tri3 } from '../../../src/mta/exim/match.js';
import { MappedText } from '../../../src/mta/exim/mapped-text.js';

const AT = { file: 'exim.conf', line: 1, column: 1, endLine: 1, endColumn: 2 };
const LISTS = { lists: [], includes: false, depth: 0 };

/** can/must of a senders list for the given sender (null: any sender the client picks), with what made it unknown. */
function senders(list: string, sender: string | null): string {
  const t = matchChosenList(MappedText.pinned(list, 'exim.conf', 1, 1), AT, 'addresslist', sender, LISTS, matchAddressItem);
  return `${t.can}/${t.must}${t.unknowns.map((u) => ` [${u.what}]`).join('')}`;
}

describe('Exim address lists whose data is in a file relaygate does not have (match.c check_address())', () => {
  const cases: [string, string, string | null, string][] = [
    ['@@lookup: the domain is looked up, its local parts are in the file', '@@lsearch;/etc/exim4/good_senders', null, 'unknown/no [a lookup (@@lsearch;/etc/exim4/good_senders) of the local parts allowed for each domain]'],
    ['@@lookup for a given sender', '@@lsearch;/etc/exim4/good_senders', 'a@example.org', 'unknown/unknown [a lookup (@@lsearch;/etc/exim4/good_senders) of the local parts allowed for each domain]'],
    ['local@lookup: the domain is looked up', '*@dbm;/etc/exim4/domains.db', null, 'unknown/no [a lookup (*@dbm;/etc/exim4/domains.db) of the domain]'],
    ['local@lookup for a sender whose local part matches', 'bozo@partial-lsearch;/etc/dodgy', 'bozo@example.org', 'unknown/unknown [a lookup (bozo@partial-lsearch;/etc/dodgy) of the domain]'],
    ['local@lookup for a sender whose local part does not: no lookup is made', 'bozo@partial-lsearch;/etc/dodgy', 'a@example.org', 'no/no'],
    ['a file of address patterns', '/etc/exim4/senders', null, 'unknown/no [a file of list items (/etc/exim4/senders) read at run time]'],
    ['a file of address patterns for a given sender', '/etc/exim4/senders', 'a@example.org', 'unknown/unknown [a file of list items (/etc/exim4/senders) read at run time]'],
    ['a file of domain patterns after local@', '*@/etc/exim4/domains', 'a@example.org', 'unknown/unknown [a file of list items (/etc/exim4/domains) read at run time]'],
    ['a literal address is still the client\'s choice', 'a@example.org', null, 'yes/no'],
  ];
  for (const [name, list, sender, expected] of cases) it(name, () => assert.equal(senders(list, sender), expected));

  it('local@@ is the local part and Exim\'s @ domain (the primary host name), not a local part ending in @', () => {
    const cases: [string, string, Tri3][] = [
      ['*@@', 'a@example.org', 'unknown'],
      ['postmaster@@[]', 'postmaster@example.org', 'unknown'],
      ['postmaster@@[]', 'a@example.org', 'no'],
    ];
    assert.deepEqual(cases.map(([item, address]) => matchAddressItem(item, address)), cases.map((c) => c[2]));
  });
});
