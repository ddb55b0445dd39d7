import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../src/model/source.js';
import { ExpandBudget, MacroExpander, compatLevel, expandValue, scanValue } from '../../../src/mta/postfix/expand.js';
import { groupInner, itemValue, splitInetInterfaces, splitList } from '../../../src/mta/postfix/list.js';

const vars: Record<string, string> = { d: 'dom', e: '', loop: '$loop', nets: '127.0.0.0/8 $d', lvl: '3.6', u: UNKNOWN_MARK };
const lookup = (name: string): string | undefined => (Object.hasOwn(vars, name) ? vars[name] : undefined);

test('expansion forms', () => {
  const cases: [string, string][] = [
    ['$d ${d} $(d) $$ $$d', 'dom dom dom $ $d'],
    ['$nets', '127.0.0.0/8 dom'],
    ['${d?{a b}:{c}}|${nope?{a}:{c}}|${e?x}|${e:y}|${d:y}|${d?x:y}', 'a b|c||y||x:y'],
    ['${ d ? {x} : {y} }', 'x'],
    ['$nope.x', '.x'],
  ];
  for (const [raw, value] of cases) assert.equal(expandValue(raw, lookup).value, value, raw);
  assert.deepEqual(expandValue('$nope $nets', lookup).references, ['nope', 'nets', 'd']);
  assert.deepEqual(expandValue('$nope $nets', lookup).undefinedNames, ['nope']);
});

test('relational expressions: numeric when both sides are digits, else strcmp; level operators compare levels', () => {
  const cases: [string, string][] = [
    ['${{$d} == {dom}?{eq}:{ne}} ${{10} < {9}?{lt}:{ge}} ${{10} < {9x}?{lt}:{ge}}', 'eq ge lt'],
    ['${{010} == {10}?{eq}:{ne}} ${{ 1} == {1}?{eq}:{ne}} ${{} == {}?{eq}:{ne}}', 'eq ne eq'],
    ['${{a} == {a}}/${{a} == {b}}/${{a}=={b}:{no}}', 'true//no'],
    ['${{$d} != {dom} ? {permit} : {reject}}', 'reject'],
    ['${{$lvl} <level {2} ? {old} : {new}} ${{3.6} <=level {3.10}?{y}:{n}} ${{3.6.1} >level {3.6}?{y}:{n}}', 'new y y'],
    ['${{ 3} <level {+2}?{a}:{b}} ${{3. 6} ==level {3.6}?{a}:{b}} ${{1} !=level {1}?{a}:{b}}', 'b a b'],
    ['${{9223372036854775807} > {2}?{big}:{small}}', 'big'],
  ];
  for (const [raw, value] of cases) assert.equal(expandValue(raw, lookup).value, value, raw);
  assert.equal(compatLevel('3.10') !== null && compatLevel('3.9') !== null && (compatLevel('3.10') as bigint) > (compatLevel('3.9') as bigint), true);
  assert.equal(compatLevel('3.1024'), null);
  assert.equal(compatLevel('-1'), null);
});

test('an unresolved operand or looked-up value makes the choice unknown, not a guess', () => {
  assert.equal(expandValue('${{$u} == {x}?{permit}:{reject}}', lookup).value, UNKNOWN_MARK);
  assert.equal(expandValue('${u?{permit}:{reject}}', lookup).value, UNKNOWN_MARK);
  assert.equal(expandValue(`\${d?{${UNKNOWN_MARK}}:{reject}}`, lookup).value, UNKNOWN_MARK);
  assert.equal(expandValue(`$${UNKNOWN_MARK} x`, lookup).value, `${UNKNOWN_MARK} x`);
  assert.deepEqual(expandValue('${{$u} == {x}?{permit}:{reject}}', lookup).diagnostics, []);
});

test('expansion errors, as Postfix words them, at the offending text', () => {
  const cases: [string, string, number][] = [
    ['a $', 'empty macro name: "a $"', 2],
    ['a ${d', 'truncated macro reference: "a ${d"', 2],
    ['${}', 'empty macro name: "${}"', 0],
    ['$(d}', 'truncated macro reference: "$(d}"', 0],
    ['${my domain}', 'attribute name syntax error at: "...my>>> domain"', 4],
    ['${d?{x}z}', '":" expected at: "...x}>>>z"', 7],
    ['${d?{x}:{y}z}', 'unexpected input at: "...y}>>>z"', 11],
    ['${{a} ===  {b}?{x}:{y}}', '"==" or "!="" or "<"" or "<="" or ">="" or ">" expected at: "...a}>>>===  {b}?{x}:{y}"', 6],
    ['${{a} < x}', '"{expression}" expected at: "...{a} <>>> x"', 7],
    ['${{a} <foo {b}}', 'bad operator suffix at: "...<>>>foo"', 7],
    ['${{a}=={a}x}', '"?" or ":" expected at: "...}>>>x"', 10],
    ['${{$nope} <level {2}?{a}:{b}}', 'malformed compatibility level syntax: ""', 3],
    ['${{99999999999999999999} < {2}?{a}:{b}}', 'mac_exp_eval: bad conversion: 99999999999999999999', 3],
    ['x $loop', 'unreasonable macro call nesting: "loop"', 2],
  ];
  for (const [raw, message, offset] of cases) {
    const diagnostics = expandValue(raw, lookup).diagnostics;
    assert.deepEqual(diagnostics.map((d) => [d.message, d.offset, d.fatal]), [[message, offset, true]], raw);
  }
  // Only the branch taken is expanded; postconf's scan checks both.
  assert.equal(expandValue('${d:{$}}', lookup).diagnostics.length, 0);
  assert.deepEqual(scanValue('${d:{$}}').diagnostics.map((d) => d.message), ['empty macro name: "$"']);
  assert.deepEqual(scanValue('$a ${b?{$c}:{$d}} ${{$e} == {x}}').references, ['a', 'b', 'c', 'd', 'e']);
});

test('an error inside a looked-up value is reported in that value, reached from the reference', () => {
  const values: Record<string, string> = { outer: 'x $inner', inner: 'ok ${broken' };
  const e = new MacroExpander((n) => values[n]);
  const [d] = e.expandParameter('outer').diagnostics;
  assert.deepEqual(d && [d.message, d.at, d.offset], ['truncated macro reference: "ok ${broken"', { param: 'inner', offset: 3 }, 2]);
});

/** A chain smtpd_client_restrictions = $n0, n0 = $n1 SUFFIX, ..., n<k> = reject. */
function chain(k: number, suffix: string): Record<string, string> {
  const values: Record<string, string> = { top: '$n0', [`n${k}`]: 'reject' };
  for (let i = 0; i < k; i++) values[`n${i}`] = `$n${i + 1}${suffix}`;
  return values;
}

test('nesting: every piece mac_parse hands over is a level, literal text too; level 101 is refused', () => {
  // Measured with postconf 3.7: k = 99 expands, k = 100 fails on the literal "reject" at level 101.
  for (const suffix of ['', ' x']) {
    const ok = new MacroExpander((n) => chain(99, suffix)[n]).expandParameter('top');
    assert.equal(ok.diagnostics.length, 0, suffix);
    assert.equal(ok.value.split(' ')[0], 'reject');
    const deep = new MacroExpander((n) => chain(100, suffix)[n]).expandParameter('top');
    assert.deepEqual(deep.diagnostics.map((d) => [d.message, d.at.param]), [['unreasonable macro call nesting: "reject"', 'n100']]);
    const deeper = new MacroExpander((n) => chain(101, suffix)[n]).expandParameter('top');
    assert.deepEqual(deeper.diagnostics.map((d) => d.message), ['unreasonable macro call nesting: "n101"']);
  }
});

test('a memoised expansion reused deeper still fails at the absolute limit', () => {
  // n50 is expanded first at level 1 (fine), then again at level 60 through the long chain.
  const values: Record<string, string> = { top: '$n50 $n0', ...chain(100, '') };
  const r = new MacroExpander((n) => values[n]).expandParameter('top');
  assert.deepEqual(r.diagnostics.map((d) => d.message), ['unreasonable macro call nesting: "reject"']);
});

test('a cycle through a relational operand never reaches the limit: Postfix crashes', () => {
  const values: Record<string, string> = { a: '${{$b} == {x}?{y}:{z}}', b: '$a' };
  const [d] = new MacroExpander((n) => values[n]).expandParameter('a').diagnostics;
  // Found where the state repeats: b again at level 1 of a new operand.
  assert.deepEqual(d && [d.kind, d.fatal, d.message], ['crash', true, 'unbounded macro recursion through a relational expression: "b"']);
});

test('fan-out is linear work and bounded output: the value becomes unknown, not a crash', () => {
  // a0 = $a1 $a1, a1 = $a2 $a2, ... 40 levels: 2^40 copies for Postfix.
  const values: Record<string, string> = { a40: 'reject' };
  for (let i = 0; i < 40; i++) values[`a${i}`] = `$a${i + 1} $a${i + 1}`;
  const budget = new ExpandBudget();
  const r = new MacroExpander((n) => values[n], { budget }).expandParameter('a0');
  assert.equal(r.value.includes(UNKNOWN_MARK), true);
  assert.deepEqual(r.diagnostics.map((d) => [d.kind, d.fatal]), [['limit', false]]);
  // Each of the 41 values is expanded once (a step per piece: 41 values x at most 3 pieces).
  assert.ok(budget.steps < 200, `steps: ${budget.steps}`);
});

test('the budget stops everything, shared by all values of a configuration', () => {
  const values: Record<string, string> = { x: 'a b c d e f' };
  const budget = new ExpandBudget(10, 1000);
  const e = new MacroExpander((n) => values[n] ?? '$x $x $x', { budget });
  for (let i = 0; i < 20; i++) e.expandText(`$x ${'$x '.repeat(i)}`);
  assert.equal(budget.exceeded, true);
  assert.equal(e.expandText('$x').value, `${UNKNOWN_MARK}`);
});

test('list splitting: commas and/or whitespace, CR included; { } groups one item', () => {
  assert.deepEqual(splitList(' a,b  ,\tc\n{ d e }, f{g h}i {unbalanced x'), [
    { text: 'a', offset: 1, length: 1 },
    { text: 'b', offset: 3, length: 1 },
    { text: 'c', offset: 8, length: 1 },
    { text: '{ d e }', offset: 10, length: 7 },
    { text: 'f{g h}i', offset: 19, length: 7 },
    { text: '{unbalanced x', offset: 27, length: 13 },
  ]);
  // smtpd_check.c splits restriction lists on CHARS_COMMA_SP (", \t\r\n").
  assert.deepEqual(splitList('permit\r  reject').map((i) => i.text), ['permit', 'reject']);
  assert.equal(groupInner('{ d e }'), 'd e');
  assert.equal(groupInner('{a}b'), null);
  assert.equal(itemValue({ text: 'plain', offset: 0, length: 5 }), 'plain');
});

test('inet_interfaces splits on " \\t," only: a CR stays in a host name, braces are not groups', () => {
  assert.deepEqual(splitInetInterfaces('127.0.0.1,\r  [::1]').map((i) => i.text), ['127.0.0.1', '\r', '[::1]']);
  assert.deepEqual(splitInetInterfaces('127.0.0.1\r  [::1]').map((i) => i.text), ['127.0.0.1\r', '[::1]']);
  assert.deepEqual(splitInetInterfaces('{ a b }').map((i) => i.text), ['{', 'a', 'b', '}']);
});
