import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePatch } from '../../src/github/diff.js';

describe('parsePatch', () => {
  it('numbers the head side of each hunk: context and added lines, not removed ones', () => {
    const patch = [
      '@@ -1,4 +1,5 @@ # main.cf',
      ' myhostname = mx',
      '-inet_interfaces = loopback-only',
      '+inet_interfaces = all',
      '+smtpd_client_restrictions = permit',
      ' mydestination = $myhostname',
      ' relayhost =',
      '@@ -20,2 +21,3 @@',
      ' a = 1',
      '+b = 2',
      ' c = 3',
      '\\ No newline at end of file',
    ].join('\n');
    const d = parsePatch(patch);
    assert.deepEqual([...d.added].sort((a, b) => a - b), [2, 3, 22]);
    assert.deepEqual(
      [...d.lines].map(([n, l]) => `${n}${l.added ? '+' : ' '}${l.hunk}:${l.text}`),
      [
        '1 0:myhostname = mx',
        '2+0:inet_interfaces = all',
        '3+0:smtpd_client_restrictions = permit',
        '4 0:mydestination = $myhostname',
        '5 0:relayhost =',
        '21 1:a = 1',
        '22+1:b = 2',
        '23 1:c = 3',
      ],
    );
  });

  it('reads a new file (+1 without a length is one line) and ignores text outside hunks', () => {
    assert.deepEqual([...parsePatch('garbage\n@@ -0,0 +1 @@\n+only line').lines.keys()], [1]);
    const created = parsePatch('@@ -0,0 +1,2 @@\n+a\n+b\n');
    assert.deepEqual([...created.added], [1, 2]);
    assert.equal(parsePatch('').lines.size, 0);
    assert.equal(parsePatch('@@ bogus @@\n+x').lines.size, 0);
  });
});
