import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listChanges } from '../../src/fixes/list-value.js';
import { applyReplacements, mergeChanges } from '../../src/fixes/text.js';
import type { ListEdit } from '../../src/model/fix-plan.js';

const layout = { separator: ', ', lead: ' ', before: ' ' };

function edit(value: string, edits: ListEdit[]): string | null {
  const changes = listChanges(value, edits, layout);
  if (changes === null) return null;
  const merged = mergeChanges(changes);
  if (merged === null) return null;
  let out = '';
  let at = 0;
  for (const c of merged) {
    out += value.slice(at, c.start) + c.text;
    at = c.end;
  }
  return out + value.slice(at);
}

describe('list value edits', () => {
  const cases: [string, string, ListEdit[], string | null][] = [
    ['replace one item', 'a, permit', [{ op: 'replace', index: 1, text: 'reject' }], 'a, reject'],
    ['remove the first item with the separator after it', 'permit, b, c', [{ op: 'remove', index: 0 }], 'b, c'],
    ['remove the last item with the separator before it', 'a,b ,  permit', [{ op: 'remove', index: 2 }], 'a,b'],
    ['remove a run in the middle', 'a, x, y, b', [{ op: 'remove', index: 1 }, { op: 'remove', index: 2 }], 'a, b'],
    ['remove two at the end, then append', 'a, x, y', [{ op: 'remove', index: 1 }, { op: 'remove', index: 2 }, { op: 'append', text: 'reject' }], 'a, reject'],
    ['remove everything, then append', 'x y', [{ op: 'remove', index: 0 }, { op: 'remove', index: 1 }, { op: 'append', text: 'reject' }], 'reject'],
    ['append copies the last separator', 'a\tb', [{ op: 'append', text: 'c' }], 'a\tb\tc'],
    ['append to one item uses the layout separator', 'a', [{ op: 'append', text: 'c' }], 'a, c'],
    ['append two to an empty value', '', [{ op: 'append', text: 'a' }, { op: 'append', text: 'b' }], 'a, b'],
    ['a { } group is one item', '{ a b }, c', [{ op: 'remove', index: 0 }], 'c'],
    ['an item that is not there', 'a', [{ op: 'remove', index: 3 }], null],
    ['the same item twice', 'a, b', [{ op: 'remove', index: 0 }, { op: 'replace', index: 0, text: 'x' }], null],
  ];
  for (const [name, value, edits, expected] of cases) {
    it(name, () => assert.equal(edit(value, edits), expected));
  }
});

describe('applying replacements', () => {
  const text = 'one\ntwo\nthree\n';
  it('applies several, in any order, to the file named', () => {
    assert.equal(
      applyReplacements(text, 'f', [
        { file: 'f', line: 3, column: 1, endLine: 3, endColumn: 6, text: '3' },
        { file: 'g', line: 1, column: 1, endLine: 1, endColumn: 2, text: 'ignored' },
        { file: 'f', line: 1, column: 1, endLine: 2, endColumn: 1, text: '' },
        { file: 'f', line: 4, column: 1, endLine: 4, endColumn: 1, text: 'four\n' },
      ]),
      'two\n3\nfour\n',
    );
  });
  it('refuses overlapping replacements and positions outside the text', () => {
    assert.throws(
      () =>
        applyReplacements(text, 'f', [
          { file: 'f', line: 1, column: 1, endLine: 1, endColumn: 3, text: 'x' },
          { file: 'f', line: 1, column: 2, endLine: 1, endColumn: 4, text: 'y' },
        ]),
      /overlap/,
    );
    assert.throws(() => applyReplacements(text, 'f', [{ file: 'f', line: 2, column: 9, endLine: 2, endColumn: 9, text: 'x' }]), /does not fit/);
    assert.throws(() => applyReplacements(text, 'f', [{ file: 'f', line: 9, column: 1, endLine: 9, endColumn: 1, text: 'x' }]), /does not fit/);
  });
  it('refuses two insertions at one point (their order would be a guess)', () => {
    assert.equal(mergeChanges([{ start: 2, end: 2, text: 'a' }, { start: 2, end: 2, text: 'b' }]), null);
    assert.deepEqual(mergeChanges([{ start: 2, end: 5, text: '' }, { start: 2, end: 2, text: 'b' }]), [{ start: 2, end: 5, text: 'b' }]);
  });
});
