import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainScope } from '../../../../src/sources/contracts/variables.js';
import { renderTemplate } from '../../../../src/sources/template-languages.js';

const CASES: [name: string, template: string, expected: { line: number; column: number; message: string }][] = [
  ['if never closed', 'a = 1\n{% if x %}\nb = 2\n', { line: 2, column: 1, message: "'if' is never closed (missing 'endif')" }],
  ['endfor without for', 'a\n  {% endfor %}\n', { line: 2, column: 3, message: "unexpected 'endfor' (expected no open block)" }],
  ['endif closing a for', '{% for x in l %}\n{% endif %}\n', { line: 2, column: 1, message: "unexpected 'endif' (expected 'endfor' for line 1)" }],
  ['unterminated {{', 'a = 1\nx = {{ y \n', { line: 2, column: 5, message: "unterminated '{{': no matching '}}'" }],
  ['unterminated {#', '{# open\n', { line: 1, column: 1, message: "unterminated '{#': no matching '#}'" }],
  ['bad expression', 'x = {{ a + }}', { line: 1, column: 12, message: 'unexpected end of expression' }],
  ['unknown tag', 'a\n{% frobnicate %}', { line: 2, column: 1, message: "unknown tag 'frobnicate'" }],
  ['else after else', '{% if a %}{% else %}{% else %}{% endif %}', { line: 1, column: 21, message: "'else' after 'else'" }],
  ['elif outside if', '{% elif a %}', { line: 1, column: 1, message: "'elif' outside an 'if'" }],
  // Jinja2's parse_call_args: positional arguments, then keywords, one `*expr` and one `**expr` last.
  ['positional after *args', 'x = {{ f(*a, b) }}', { line: 1, column: 9, message: 'invalid syntax for function call expression' }],
  ['positional after a keyword', 'x = {{ f(k=1, b) }}', { line: 1, column: 9, message: 'invalid syntax for function call expression' }],
  ['two *args', 'x = {{ s | join(*a, *b) }}', { line: 1, column: 16, message: 'invalid syntax for function call expression' }],
  ['a keyword after **kwargs', 'x = {{ f(**d, k=1) }}', { line: 1, column: 9, message: 'invalid syntax for function call expression' }],
  ['* with nothing after it', 'x = {{ f(*) }}', { line: 1, column: 11, message: "unexpected ')'" }],
  ['raw without endraw', 'a\n{% raw %}\n{{ x }}', { line: 2, column: 1, message: "'{% raw %}' without '{% endraw %}'" }],
];

test('malformed templates give one diagnostic at the template line and no text', async (t) => {
  for (const [name, template, expected] of CASES) {
    await t.test(name, () => {
      const r = renderTemplate({ path: 'roles/m/templates/main.cf.j2', text: template }, plainScope({}));
      assert.deepEqual(r.diagnostics, [expected]);
      assert.equal(r.fragment.text, '');
    });
  }
});

test('braces inside string literals do not close a tag', () => {
  const r = renderTemplate({ path: 'main.cf.j2', text: "x = {{ '}}' ~ a }}\n" }, plainScope({ a: 'b' }));
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.fragment.text, 'x = }}b\n');
});
