import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainScope } from '../../../../src/sources/contracts/variables.js';
import { renderTemplate } from '../../../../src/sources/template-languages.js';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';

const PATH = 'roles/m/templates/main.cf.j2';
const render = (text: string, vars: Record<string, unknown> = {}) => renderTemplate({ path: PATH, text }, plainScope(vars));

describe('Jinja2: deep expressions are diagnostics, never a stack overflow', () => {
  const cases: [string, string, string][] = [
    ['deep parentheses', `{{ ${'('.repeat(20_000)}1${')'.repeat(20_000)} }}`, 'expression nested more than 64 deep'],
    ['not not not ...', `{{ ${'not '.repeat(20_000)}x }}`, 'expression nested more than 64 deep'],
    ['nested list literals', `{{ ${'['.repeat(20_000)}${']'.repeat(20_000)} }}`, 'expression nested more than 64 deep'],
    ['nested inline if', `{{ ${'1 if x else '.repeat(20_000)}2 }}`, 'expression nested more than 64 deep'],
    ['unary minus chain', `{{ ${'-'.repeat(20_000)}1 }}`, 'expression nested more than 64 deep'],
    ['long filter chain', `{{ x${' | lower'.repeat(50_000)} }}`, 'expression nested more than 128 deep'],
    ['long attribute chain', `{{ x${'.b'.repeat(50_000)} }}`, 'expression nested more than 128 deep'],
    ['long + chain', `{{ ${'1 + '.repeat(50_000)}1 }}`, 'expression nested more than 128 deep'],
    ['deep tag in an if', `{% if ${'('.repeat(20_000)}1${')'.repeat(20_000)} %}{% endif %}`, 'expression nested more than 64 deep'],
    ['nested blocks', `${'{% if x %}'.repeat(5_000)}${'{% endif %}'.repeat(5_000)}`, 'blocks nested more than 100 deep'],
  ];
  for (const [name, text, message] of cases) {
    it(name, () => {
      const r = render(`a = 1\nb = ${text}\n`, { x: 'X' });
      assert.equal(r.diagnostics.length, 1, JSON.stringify(r.diagnostics));
      assert.equal(r.diagnostics[0]?.message, message);
      assert.equal(r.diagnostics[0]?.line, 2);
      assert.equal(r.fragment.text, '');
    });
  }

  it('a long ~ chain is flat, as in Jinja2 (one Concat node), and evaluates', () => {
    const r = render(`b = {{ ${'x ~ '.repeat(50_000)}'!' }}\n`, { x: 'a' });
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.fragment.text, `b = ${'a'.repeat(50_000)}!\n`);
  });

  it('nesting under the limits renders', () => {
    const r = render(`b = {{ ${'('.repeat(40)}x${')'.repeat(40)} ~ [${'['.repeat(20)}1${']'.repeat(20)}] | length }}\n`, { x: 'a' });
    assert.deepEqual([r.diagnostics, r.fragment.text], [[], 'b = a1\n']);
  });
});

describe('Jinja2: one evaluation budget per file', () => {
  it('{% set x = x + x %} forty times: the values after the budget are unknown, with a note', () => {
    const text = `{% set x = "ab" %}${'{% set x = x + x %}\n'.repeat(40)}myhostname = {{ x }}\nrelay = {{ y }}\n`;
    const r = render(text, { y: 'kept?' });
    assert.deepEqual(r.diagnostics, []);
    // trim_blocks (Ansible's default) removes each tag's newline.
    assert.equal(r.fragment.text, `myhostname = ${UNKNOWN_MARK}\nrelay = ${UNKNOWN_MARK}\n`);
    // The note points at the `set` that ran out: the 20th doubling (2^21 characters, 2^22 built in all).
    assert.deepEqual(r.notes, [{ line: 20, column: 1, message: 'evaluation budget exceeded (more than 4000000 characters built)' }]);
  });

  it('~ doubling and list doubling are charged the same way', () => {
    const strings = render(`{% set x = "ab" %}${'{% set x = x ~ x %}'.repeat(40)}v = {{ x }}\n`);
    assert.equal(strings.fragment.text, `v = ${UNKNOWN_MARK}\n`);
    assert.equal(strings.notes?.[0]?.message, 'evaluation budget exceeded (more than 4000000 characters built)');
    const lists = render(`{% set x = [1] %}${'{% set x = [x, x] %}'.repeat(60)}v = {{ x | length }}\n`);
    assert.equal(lists.fragment.text, `v = ${UNKNOWN_MARK}\n`);
    assert.equal(lists.notes?.[0]?.message, 'evaluation budget exceeded (more than 400000 list and map elements built)');
  });

  it('a template under the budget has no note', () => {
    const r = render(`{% set x = "ab" %}${'{% set x = x + x %}'.repeat(10)}v = {{ x | length }}\n`);
    assert.deepEqual([r.fragment.text, r.notes], ['v = 2048\n', []]);
  });

  it('lazy variables are resolved once each: fifteen levels of four references each stay exact', () => {
    const vars: Record<string, unknown> = { v15: 'ab' };
    for (let i = 0; i < 15; i++) vars[`v${i}`] = `{{ (v${i + 1} ~ v${i + 1} ~ v${i + 1} ~ v${i + 1}) | length }}`;
    const r = render('v = {{ v0 }}\n', vars);
    // Each level is the length of four copies of the next one's text: v14 = "8", v13 = "4", ..., v0 = "4".
    assert.deepEqual([r.fragment.text, r.notes], ['v = 4\n', []]);
  });

  it('lazy variables whose value grows: the budget ends it with a note', () => {
    const vars: Record<string, unknown> = { v15: 'ab' };
    for (let i = 0; i < 15; i++) vars[`v${i}`] = `{{ v${i + 1} ~ v${i + 1} ~ v${i + 1} ~ v${i + 1} }}`;
    const r = render('a = 1\nv = {{ v0 }}\n', vars);
    assert.equal(r.fragment.text, `a = 1\nv = ${UNKNOWN_MARK}\n`);
    assert.deepEqual(r.notes, [{ line: 2, column: 5, message: 'evaluation budget exceeded (more than 4000000 characters built)' }]);
  });
});

describe('Jinja2: a call that multiplies its inputs is charged before it is built', () => {
  // x: 2^20 characters "b" (2^21 charged), y: 2^15. Each call below would build 2^35 to 2^40
  // characters ("Invalid string length" long before, and gigabytes on the way) if it ran.
  const grow = `{% set x = "b" %}${'{% set x = x ~ x %}'.repeat(20)}{% set y = "b" %}${'{% set y = y ~ y %}'.repeat(15)}`;
  const cases: [string, string][] = [
    ['the replace filter', 'x | replace("b", x)'],
    ['str.replace', 'x.replace("b", x)'],
    ['the join filter over a string', 'x | join(x)'],
    ['str.join', 'x.join(y | list)'],
    ['map of replace', '[y, y] | map("replace", "b", x) | first'],
    ['the comment filter', 'x | replace("b", "\\n") | comment(decoration=x)'],
  ];
  for (const [name, expression] of cases) {
    it(name, () => {
      const r = render(`${grow}a = 1\nv = {{ ${expression} }}\nw = {{ "after" }}\n`);
      assert.deepEqual(r.diagnostics, []);
      assert.equal(r.fragment.text, `a = 1\nv = ${UNKNOWN_MARK}\nw = ${UNKNOWN_MARK}\n`);
      assert.equal(r.notes?.length, 1);
      assert.match(r.notes?.[0]?.message ?? '', /^evaluation budget exceeded \(more than \d+ (characters built|list and map elements built)\)$/);
    });
  }

  it('the same calls on small inputs are exact', () => {
    const r = render('v = {{ "abab" | replace("b", "xy") }} {{ "ab".replace("a", "c") }} {{ "ab" | join("-") }} {{ "-".join(["a", "b"]) }} {{ ["ab"] | map("replace", "a", "z") | first }}\n');
    assert.deepEqual([r.diagnostics, r.notes, r.fragment.text], [[], [], 'v = axyaxy cb a-b a-b zb\n']);
  });
});
