import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';
import { plainScope } from '../../../../src/sources/contracts/variables.js';
import { jinja2 } from '../../../../src/sources/template-languages.js';

const U = UNKNOWN_MARK;
const render = (path: string, text: string, vars: Record<string, unknown> = {}) => jinja2.render({ path, text }, plainScope(vars));

/** [name, template, variables, rendered text] on a main.cf template (`#` lines are comments there). */
const CASES: [string, string, Record<string, unknown>, string][] = [
  ['comment of a known string: Ansible plain style', '{{ m | comment }}\nx = 1\n', { m: 'Ansible managed' }, '#\n# Ansible managed\n#\nx = 1\n'],
  ['comment of a known two-line string', '{{ m | comment }}\n', { m: 'one\ntwo' }, '#\n# one\n# two\n#\n'],
  ['comment of an empty line keeps no trailing space', '{{ m | comment }}\n', { m: 'a\n\nb' }, '#\n# a\n#\n# b\n#\n'],
  ['comment with decoration and counts', "{{ m | comment(decoration='## ', prefix_count=2, postfix_count=0) }}\n", { m: 'x' }, '##\n##\n## x\n'],
  ['comment of an unknown string (ansible_managed): known # lines around it', '{{ ansible_managed | comment }}\nx = 1\n', {}, `#\n# ${U}\n#\nx = 1\n`],
  ['comment in c style over unknown text is not a # comment: unknown', "{{ ansible_managed | comment('c') }}\n", {}, `${U}\n`],
  ['comment in cblock style of a known string', "{{ m | comment('cblock') }}\n", { m: 'x' }, '/*\n *\n * x\n *\n */\n'],
  ['combine of literal dicts, recursive', "{{ (a | combine(b, recursive=True)).n.k }} {{ (a | combine(b)).n }}\n", { a: { n: { k: 'old', j: 1 } }, b: { n: { k: 'new' } } }, "new {'k': 'new'}\n"],
  ['combine with list_merge=append', "{{ a | combine(b, list_merge='append') }}\n", { a: { l: [1] }, b: { l: [2] } }, "{'l': [1, 2]}\n"],
  ['combine of an unknown dict is unknown', '{{ a | combine(nope) }}\n', { a: { k: 1 } }, `${U}\n`],
  ['nested dict literal (Jinja2 balances braces before }})', "{{ {'a': {'b': 1}} }} {{ {'a': {'b': 1}}.a.b }}\n", {}, "{'a': {'b': 1}} 1\n"],
  ['is string / is mapping / is sequence / is number', '{{ s is string }} {{ d is mapping }} {{ l is sequence }} {{ s is number }}\n', { s: 'all', d: {}, l: [] }, 'True True True False\n'],
  ['a type test on an unknown value is unknown', '{{ nope is string }}\n', {}, `${U}\n`],
  ['str methods: lstrip, replace, split', "{{ p.lstrip('/') }} {{ p.replace('/etc/', '') }} {{ p.split('/')[-1] }}\n", { p: '/etc/postfix/main.cf' }, 'etc/postfix/main.cf postfix/main.cf main.cf\n'],
  ['comparisons chain as in Python', "{{ 'a' in l != true }} {{ 1 < n < 3 }}\n", { l: ['a'], n: 2 }, 'True True\n'],
  ['True == 1 in Python', '{{ true == 1 }}\n', {}, 'True\n'],
  ['ternary and items2dict', "{{ f | ternary('yes', 'no') }} {{ (l | items2dict).k }}\n", { f: false, l: [{ key: 'k', value: 'v' }] }, 'no v\n'],
  ['map(attribute) over a list of dicts', "{{ s | map(attribute='name') | join(',') }}\n", { s: [{ name: 'smtp' }, { name: 'submission' }] }, 'smtp,submission\n'],
  ['a loop filter: loop.length counts the selected items', "{% for s in l if s != 'b' %}{{ loop.index }}/{{ loop.length }} {% endfor %}\n", { l: ['a', 'b', 'c'] }, '1/2 2/2 '],
];

test('Jinja2 and Ansible filters, tests and methods on plain data', async (t) => {
  for (const [name, template, vars, expected] of CASES) {
    await t.test(name, () => {
      const r = render('roles/m/templates/main.cf.j2', template, vars);
      assert.deepEqual(r.diagnostics, []);
      assert.equal(r.fragment.text, expected);
    });
  }
});

test('in an m4 .mc template a commented unknown text is unknown: cf.m4 turns m4 comments off', () => {
  const r = render('roles/m/templates/sendmail.mc.j2', '{{ ansible_managed | comment }}\n');
  assert.equal(r.fragment.text, `${U}\n`);
});

test('the comment frame maps to the whole {{ }} tag', () => {
  const r = render('roles/m/templates/master.cf.j2', 'x\n  {{ ansible_managed | comment }}\n');
  assert.equal(r.fragment.text, `x\n  #\n# ${U}\n#\n`);
  assert.deepEqual(r.fragment.map.start(3, 1), { line: 2, column: 3 });
  assert.deepEqual(r.fragment.map.end(4, 2), { line: 2, column: 34 });
});
