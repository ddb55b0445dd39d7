import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PathClassifier } from '../../src/discover/classify.js';
import { sniffRole } from '../../src/discover/sniff.js';
import { parseAccessMap } from '../../src/mta/sendmail/access-map.js';

describe('sendmail access map sources', () => {
  it('access and access.txt are opened by name; content decides', () => {
    const classifier = new PathClassifier([], []);
    for (const path of ['etc/mail/access', 'roles/mail/files/access.txt', 'access']) {
      assert.deepEqual(classifier.classify(path)?.roles, ['sendmail.access'], path);
      assert.equal(classifier.classify(path)?.definite, false, path);
    }
    for (const path of ['etc/mail/access.db', 'etc/mail/accesses', 'docs/access.md']) assert.equal(classifier.classify(path), null, path);
  });

  it('is an access map when an entry says RELAY (Postfix access tables never do)', () => {
    assert.equal(sniffRole('# office\nConnect:192.168.1\tRELAY\n', ['sendmail.access']), 'sendmail.access');
    assert.equal(sniffRole('10.1 RELAY\r\n', ['sendmail.access']), 'sendmail.access');
    assert.equal(sniffRole('192.0.2.1 OK\nspammer.example REJECT\n', ['sendmail.access']), null);
    assert.equal(sniffRole('# Connect:8 RELAY\n', ['sendmail.access']), null);
  });

  it('reads tags, keys and values as makemap does, with each entry\'s line', () => {
    const map = parseAccessMap({ path: 'etc/mail/access', text: '# c\n\nConnect:8   RELAY  \nTo:com\tRELAY\nexample.com OK\nnovalue\n' });
    assert.deepEqual(
      map.entries.map((e) => [e.tag, e.key, e.value, e.span.line, e.span.endColumn]),
      [
        ['Connect', '8', 'RELAY', 3, 20],
        ['To', 'com', 'RELAY', 4, 13],
        [null, 'example.com', 'OK', 5, 15],
      ],
    );
  });
});
