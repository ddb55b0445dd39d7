import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { position, relatedAt, unresolvedList } from '../../src/rules/phrases.js';

const at = (line: number) => ({ file: 'etc/exim4/exim4.conf', line, column: 3, endLine: line, endColumn: 9 });

describe('rules/phrases', () => {
  it('a place is file:line', () => {
    assert.equal(position(at(7)), 'etc/exim4/exim4.conf:7');
  });

  it('lists the first three unresolved values with their places, the rest left to related', () => {
    const unknowns = [1, 2, 3, 4].map((line) => ({ span: at(line), what: `value ${line}` }));
    assert.equal(unresolvedList(unknowns), 'value 1 at etc/exim4/exim4.conf:1; value 2 at etc/exim4/exim4.conf:2; value 3 at etc/exim4/exim4.conf:3');
    assert.equal(unresolvedList(unknowns.slice(0, 1)), 'value 1 at etc/exim4/exim4.conf:1');
    assert.equal(unresolvedList([]), '');
  });

  it('a related location keeps the start of the span', () => {
    assert.deepEqual(relatedAt(at(5), 'the listener'), { file: 'etc/exim4/exim4.conf', line: 5, column: 3, message: 'the listener' });
  });
});
