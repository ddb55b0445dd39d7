import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandValue, scanValue } from '../../../src/mta/postfix/expand.js';
import { groupInner, itemValue, splitList } from '../../../src/mta/postfix/list.js';

const vars: Record<string, string> = { d: 'dom', e: '', loop: '$loop', nets: '127.0.0.0/8 $d' };
const lookup = (name: string): string | undefined => vars[name];

test('expansion forms', () => {
  const cases: [string, string][] = [
    ['$d ${d} $(d) $$ $$d', 'dom dom dom $ $d'],
    ['$nets', '127.0.0.0/8 dom'],
    ['${d?{a b}:{c}}|${nope?{a}:{c}}|${e?x}|${e:y}|${d:y}|${d?x:y}', 'a b|c||y||x:y'],
    ['${ d ? {x} : {y} }', 'x'],
    ['${{$d} == {dom}?{eq}:{ne}} ${{10} < {9}?{lt}:{ge}}', 'eq ge'],
    ['${{$lvl} <level {2} ? {old} : {new}}', 'old'],
    ['$nope.x', '.x'],
  ];
  for (const [raw, value] of cases) assert.equal(expandValue(raw, lookup).value, value, raw);
  assert.deepEqual(expandValue('$nope $nets', lookup).references, ['nope', 'nets', 'd']);
  assert.deepEqual(expandValue('$nope $nets', lookup).undefinedNames, ['nope']);
});

test('expansion errors, with the offset of the offending text', () => {
  const cases: [string, string, number][] = [
    ['a $', 'empty macro name: "a $"', 2],
    ['a ${d', 'truncated macro reference: "a ${d"', 2],
    ['${}', 'empty macro name: "${}"', 0],
    ['${my domain}', 'attribute name syntax error at: "...my>>> domain"', 4],
    ['${d?{x}z}', '":" expected at: "...x}>>>z"', 7],
    ['x $loop', 'unreasonable macro call nesting: "loop"', 2],
  ];
  for (const [raw, message, offset] of cases) {
    assert.deepEqual(expandValue(raw, lookup).diagnostics, [{ message, offset }], raw);
  }
  // postconf checks both branches of a conditional.
  assert.equal(expandValue('${d:{$}}', lookup).diagnostics.length, 0);
  assert.equal(scanValue('${d:{$}}').diagnostics.length, 1);
});

test('list splitting: commas and/or whitespace, { } groups one item, CR is not a separator', () => {
  assert.deepEqual(splitList(' a,b  ,\tc\n{ d e }, f{g h}i {unbalanced x'), [
    { text: 'a', offset: 1, length: 1 },
    { text: 'b', offset: 3, length: 1 },
    { text: 'c', offset: 8, length: 1 },
    { text: '{ d e }', offset: 10, length: 7 },
    { text: 'f{g h}i', offset: 19, length: 7 },
    { text: '{unbalanced x', offset: 27, length: 13 },
  ]);
  assert.deepEqual(splitList('a\r b').map((i) => i.text), ['a\r', 'b']);
  assert.equal(groupInner('{ d e }'), 'd e');
  assert.equal(groupInner('{a}b'), null);
  assert.equal(itemValue({ text: 'plain', offset: 0, length: 5 }), 'plain');
});
