import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';
import { renderTemplate } from '../../../../src/sources/template-languages.js';
import { DEFAULT_LIMITS } from '../../../../src/sources/languages/pieces.js';
import { plainScope } from '../../../../src/sources/contracts/variables.js';

const FILE = 'roles/mail/templates/main.cf.j2';
const render = (text: string, vars: Record<string, unknown> = {}, trimBlocks = true) =>
  renderTemplate({ path: FILE, text }, plainScope(vars), { trimBlocks, limits: DEFAULT_LIMITS });
const U = UNKNOWN_MARK;

test('literal text is copied and keeps its own line and column', () => {
  const r = render('a = b\nc = d\n');
  assert.equal(r.fragment.text, 'a = b\nc = d\n');
  assert.deepEqual(r.fragment.map.start(2, 1), { line: 2, column: 1 });
  assert.deepEqual(r.fragment.map.start(2, 5), { line: 2, column: 5 });
  assert.deepEqual(r.fragment.map.end(2, 6), { line: 2, column: 6 });
  assert.deepEqual(r.diagnostics, []);
});

test("an expression's output maps to its whole {{ }} tag; the text after it keeps its column", () => {
  const r = render('myhostname = {{ host }} # x\n', { host: 'mx.example.com' });
  assert.equal(r.fragment.text, 'myhostname = mx.example.com # x\n');
  assert.deepEqual(r.fragment.map.start(1, 14), { line: 1, column: 14 });
  assert.deepEqual(r.fragment.map.start(1, 20), { line: 1, column: 14 });
  assert.deepEqual(r.fragment.map.end(1, 28), { line: 1, column: 24 });
  // ' # x' after the tag: rendered column 28 is template column 24.
  assert.deepEqual(r.fragment.map.start(1, 29), { line: 1, column: 25 });
  assert.deepEqual(r.usedVariables, [{ name: 'host', origin: null }]);
});

test('comments are removed; trim_blocks (Ansible default) also eats the newline after #}', () => {
  const r = render('{# header #}\nx = 1 {# trailing #}\ny = 2\n');
  assert.equal(r.fragment.text, 'x = 1 y = 2\n');
  assert.deepEqual(r.fragment.map.start(1, 1), { line: 2, column: 1 });
  assert.deepEqual(r.fragment.map.start(1, 7), { line: 3, column: 1 });
});

test('whitespace control: {{- strips before, -%} strips after, the plain %} trims one newline', () => {
  assert.equal(render('a = {{- " b" }}\n').fragment.text, 'a = b\n');
  assert.deepEqual(render('a = {{- " b" }}\n').fragment.map.start(1, 4), { line: 1, column: 5 });
  const r = render('{% if true -%}\n   x = 1\n{% endif %}\ny = 2\n');
  assert.equal(r.fragment.text, 'x = 1\ny = 2\n');
  assert.deepEqual(r.fragment.map.start(1, 1), { line: 2, column: 4 });
  assert.deepEqual(r.fragment.map.start(2, 1), { line: 4, column: 1 });
});

test('trim_blocks off (plain Jinja2/Salt) keeps newlines after tags; +%} keeps one under Ansible', () => {
  assert.equal(render('{% if true %}\nx\n{% endif %}\n', {}, false).fragment.text, '\nx\n\n');
  assert.equal(render('{% if true +%}\nx\n{% endif %}\n').fragment.text, '\nx\n');
  assert.equal(render('{% raw %}{{ x }}{% endraw %}\n').fragment.text, '{{ x }}');
});

const IF_ELSE = '{% if tls %}\nsmtpd_tls = yes\n{% else %}\nsmtpd_tls = no\n{% endif %}\nend = 1\n';

test('if with a known condition renders only the taken branch, at its template lines', () => {
  const yes = render(IF_ELSE, { tls: true });
  assert.equal(yes.fragment.text, 'smtpd_tls = yes\nend = 1\n');
  assert.deepEqual(yes.fragment.map.start(1, 1), { line: 2, column: 1 });
  assert.deepEqual(yes.fragment.map.start(2, 1), { line: 6, column: 1 });
  assert.deepEqual([...yes.fragment.maybeLines], []);
  assert.deepEqual(yes.fragment.alternatives, []);
  const no = render(IF_ELSE, { tls: false });
  assert.equal(no.fragment.text, 'smtpd_tls = no\nend = 1\n');
  assert.deepEqual(no.fragment.map.start(1, 1), { line: 4, column: 1 });
});

test('if with an unknown condition renders its body as "maybe" and records the else branch', () => {
  const r = render(IF_ELSE, {});
  assert.equal(r.fragment.text, 'smtpd_tls = yes\nend = 1\n');
  assert.deepEqual([...r.fragment.maybeLines], [1]);
  assert.deepEqual(r.fragment.alternatives, [{ file: FILE, line: 3, column: 1, endLine: 5, endColumn: 1 }]);
});

test('elif: known-false branches are skipped, an unknown one is maybe', () => {
  const text = '{% if a %}\nx = 1\n{% elif b %}\nx = 2\n{% else %}\nx = 3\n{% endif %}\n';
  assert.equal(render(text, { a: false, b: true }).fragment.text, 'x = 2\n');
  assert.equal(render(text, { a: false, b: false }).fragment.text, 'x = 3\n');
  const r = render(text, { a: false });
  assert.equal(r.fragment.text, 'x = 2\n');
  assert.deepEqual([...r.fragment.maybeLines], [1]);
  assert.deepEqual(r.fragment.alternatives, [{ file: FILE, line: 5, column: 1, endLine: 7, endColumn: 1 }]);
});

test('a loop over a resolved list expands; trim_blocks eats the newline after an inline endfor', () => {
  const r = render('mynetworks ={% for n in nets %} {{ n }}{% endfor %}\nx = 1\n', { nets: ['a', 'b'] });
  assert.equal(r.fragment.text, 'mynetworks = a bx = 1\n');
  assert.deepEqual(r.fragment.map.start(1, 14), { line: 1, column: 33 });
  assert.deepEqual(r.fragment.map.start(1, 15), { line: 1, column: 32 });
  assert.deepEqual(r.fragment.map.start(1, 16), { line: 1, column: 33 });
});

test('loops over dicts: items(), dict2items, loop.index, and else on an empty list', () => {
  const body = '{% for k, v in opts.items() %}\n{{ k }} = {{ v }}\n{% endfor %}\n';
  const r = render(body, { opts: { a: '1', b: 'two' } });
  assert.equal(r.fragment.text, 'a = 1\nb = two\n');
  assert.deepEqual(r.fragment.map.start(2, 1), { line: 2, column: 1 });
  assert.deepEqual(r.fragment.map.start(2, 5), { line: 2, column: 11 });
  const d2i = render('{% for i in opts | dict2items %}\n{{ i.key }}={{ i.value }} #{{ loop.index }}\n{% endfor %}\n', { opts: { a: 1, b: 2 } });
  assert.equal(d2i.fragment.text, 'a=1 #1\nb=2 #2\n');
  assert.equal(render('{% for x in [] %}\nx\n{% else %}\nnone = 1\n{% endfor %}\n').fragment.text, 'none = 1\n');
});

test('a loop over unknown data emits each template line once with the loop parts unknown, as maybe', () => {
  const r = render('a = 1\n{% for k, v in extra.items() %}\n{{ k }} = {{ v }}\n{% endfor %}\nb = 2\n');
  assert.equal(r.fragment.text, `a = 1\n${U} = ${U}\nb = 2\n`);
  assert.deepEqual([...r.fragment.maybeLines], [2]);
  assert.deepEqual(r.fragment.map.start(2, 1), { line: 3, column: 1 });
  assert.deepEqual(r.fragment.map.start(3, 1), { line: 5, column: 1 });
});

const EXPRESSIONS: [string, string, Record<string, unknown>?][] = [
  ["x | default('all')", 'all'],
  ["x | d('all')", 'all'],
  ["'' | default('z', true)", 'z'],
  ["'' | default('z')", ''],
  ["nets | join(', ')", '127.0.0.0/8, [::1]/128', { nets: ['127.0.0.0/8', '[::1]/128'] }],
  ["'ABC' | lower ~ ('def' | upper)", 'abcDEF'],
  ["'yes' | bool", 'True'],
  ["'off' | bool", 'False'],
  ["'42' | int + 1", '43'],
  ['5 | string ~ 1', '51'],
  ["a ~ '-' ~ b", '1-x', { a: 1, b: 'x' }],
  ["'a' + 'b'", 'ab'],
  ['x is defined', 'False'],
  ['x is not defined', 'True'],
  ['n is none', 'True', { n: null }],
  ["'on' if flag else 'off'", 'on', { flag: true }],
  ["'on' if flag", '', { flag: false }],
  ['1 < 2 and not false', 'True'],
  ["'b' in ['a', 'b'] or z", 'True'],
  ['d.k.z ~ d["k"]["z"] ~ l[1] ~ l.0', 'vvba', { d: { k: { z: 'v' } }, l: ['a', 'b'] }],
  ['nets', "['a', 'b']", { nets: ['a', 'b'] }],
  ["{'a': 1, 'b': true}", "{'a': 1, 'b': True}"],
  ['y | to_nice_yaml', U, { y: 1 }],
  ["lookup('env', 'HOME')", U],
  ['undefined_var', U],
  ['x | default(y)', U],
  ["z ~ 'a'", U],
  ["'on' if unknown_flag else 'off'", U],
  ['a', 'B-x', { a: '{{ b }}-x', b: 'B' }],
  ["l | join(',')", '1,2', { l: '{{ m }}', m: [1, 2] }],
  ['a', U, { a: '{{ a }}' }],
];

test('expression subset', async (t) => {
  for (const [expression, expected, vars] of EXPRESSIONS) {
    await t.test(expression, () => {
      const r = render(`{{ ${expression} }}`, vars ?? {});
      assert.deepEqual(r.diagnostics, []);
      assert.equal(r.fragment.text, expected);
    });
  }
});

/** Star-args in calls, filters and tests: Jinja2 compiles `f(a, *b, k=1, **d)` to the same Python call. */
const SPREAD_EXPRESSIONS: [expression: string, expected: string, vars?: Record<string, unknown>][] = [
  ['"a/b".replace(*["a", "c"])', 'c/b'],
  ['"a/b".replace("a", *["c"])', 'c/b'],
  ['s.split(*["/"]) | join(",")', '10.0.0.0,8', { s: '10.0.0.0/8' }],
  ["z | default(**{'default_value': 'dflt'})", 'dflt'],
  ["'x' | replace(*pair)", 'y', { pair: ['x', 'y'] }],
  ['4 is divisibleby(*[2])', 'True'],
  // A spread relaygate does not know (an unknown list, a string, a dict's keys) passes unknown arguments.
  ['"[{}]/{}".format(*NET.split("/"))', U],
  ['"a/b".replace(*pair)', U],
  ['"a/b".replace(*"ac")', U],
  ["z | default(**opts)", U],
  // `**d` repeating a keyword is Python's "got multiple values for keyword argument" TypeError.
  ["z | default(default_value='a', **{'default_value': 'b'})", U],
];

test('star-args: a known list or dict is spread into the call; anything else makes the call unknown', async (t) => {
  for (const [expression, expected, vars] of SPREAD_EXPRESSIONS) {
    await t.test(expression, () => {
      const r = render(`{{ ${expression} }}`, vars ?? {});
      assert.deepEqual(r.diagnostics, []);
      assert.equal(r.fragment.text, expected);
    });
  }
});

test('set assigns; set inside a loop does not leak out of it', () => {
  assert.equal(render("{% set r = 'reject' %}\nx = {{ r }}\n").fragment.text, 'x = reject\n');
  assert.equal(render("{% set r = 'a' %}\n{% for i in [1] %}\n{% set r = 'b' %}\n{% endfor %}\n{{ r }}").fragment.text, 'a');
});

test('bounded: too many loop iterations is a diagnostic at the loop', () => {
  const r = renderTemplate(
    { path: FILE, text: 'x\n{% for i in big %}{{ i }}{% endfor %}' },
    plainScope({ big: Array.from({ length: 20 }, (_, i) => i) }),
    { trimBlocks: true, limits: { maxOutput: 1000, maxIterations: 10 } },
  );
  assert.deepEqual(r.diagnostics, [{ line: 2, column: 1, message: 'more than 10 loop iterations' }]);
  const big = renderTemplate({ path: FILE, text: '{% for i in big %}xxxxxxxxxx{% endfor %}' }, plainScope({ big: Array.from({ length: 20 }, (_, i) => i) }), {
    trimBlocks: true,
    limits: { maxOutput: 50, maxIterations: 100 },
  });
  assert.deepEqual(big.diagnostics, [{ line: 1, column: 19, message: 'rendered output exceeds 50 characters' }]);
});

test('include prints text relaygate does not have (one unknown line); import renders nothing; both are listed', () => {
  const r = render("a = 1\n{% include 'extra.j2' %}\n{% import 'macros.j2' as m %}\nb = 2\n");
  assert.equal(r.fragment.text, `a = 1\n${UNKNOWN_MARK}\nb = 2\n`);
  assert.deepEqual(r.skipped, [
    { line: 2, column: 1, tag: 'include' },
    { line: 3, column: 1, tag: 'import' },
  ]);
});
