/**
 * One evaluation budget per file in every template language: a value that
 * doubles forty times ends in unknown values and one note, never in an
 * "Invalid string length", a hang or gigabytes of memory.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNKNOWN_MARK } from '../../../src/model/source.js';
import { DEFAULT_BUDGET, EvaluationBudget } from '../../../src/sources/contracts/budget.js';
import { memoryRepository } from '../../../src/sources/contracts/repository.js';
import { plainScope } from '../../../src/sources/contracts/variables.js';
import { loadTerraformVariables } from '../../../src/sources/ecosystems/terraform/variables.js';
import { renderGoTemplate } from '../../../src/sources/languages/go-template/index.js';
import { renderEpp } from '../../../src/sources/languages/puppet-epp/index.js';
import { renderErb } from '../../../src/sources/languages/ruby-erb/index.js';
import { terraform } from '../../../src/sources/template-languages.js';

const U = UNKNOWN_MARK;
const CHARS = 'evaluation budget exceeded (more than 4000000 characters built)';
const ELEMENTS = 'evaluation budget exceeded (more than 400000 list and map elements built)';

describe('EvaluationBudget', () => {
  it('counts characters, elements and steps separately and stays spent', () => {
    const budget = new EvaluationBudget({ characters: 10, elements: 3, steps: 100, depth: 4 });
    assert.equal(budget.text(10), true);
    assert.equal(budget.list(3), true);
    assert.equal(budget.exhausted, false);
    assert.equal(budget.text(1), false);
    assert.equal(budget.exceeded, 'evaluation budget exceeded (more than 10 characters built)');
    assert.equal(budget.step(), false);
    assert.equal(budget.list(0), false);
  });

  it('measures a shared part once, counts it at every use, and stops past the cap', () => {
    const budget = new EvaluationBudget();
    let x: unknown[] = ['ab'];
    for (let i = 0; i < 10; i++) x = [x, x];
    // A list is 1 plus 1 per element plus the element: s(0) = 1 + 1 + 2 = 4, s(k) = 3 + 2 s(k-1) = 7 * 2^k - 3.
    assert.equal(budget.sizeOf(x), 7 * 2 ** 10 - 3);
    for (let i = 0; i < 20; i++) x = [x, x];
    assert.equal(budget.sizeOf(x), Number.POSITIVE_INFINITY);
  });

  it('depth: nothing is entered past the limit, and the budget is spent', () => {
    const budget = new EvaluationBudget({ ...DEFAULT_BUDGET, depth: 2 });
    assert.equal(budget.enter(), true);
    assert.equal(budget.enter(), true);
    assert.equal(budget.enter(), false);
    assert.equal(budget.exceeded, 'evaluation nested more than 2 deep');
  });
});

describe('ERB and EPP', () => {
  it('ERB: x = x + x forty times', () => {
    const text = `<% x = "ab" %>${'<% x = x + x %>'.repeat(40)}\nmyhostname = <%= x %>\nrelay = <%= "known" %>\n`;
    const r = renderErb('cookbooks/c/templates/default/main.cf.erb', text, plainScope({}));
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.fragment.text, `\nmyhostname = ${U}\nrelay = ${U}\n`);
    assert.deepEqual(r.notes, [{ line: 1, column: 1, message: CHARS }]);
  });

  it('ERB: array doubling and interpolation doubling', () => {
    const arrays = renderErb('t.erb', `<% x = ["a"] %>${'<% x = x + x %>'.repeat(40)}n = <%= x.length %>\n`, plainScope({}));
    assert.deepEqual([arrays.fragment.text, arrays.notes?.[0]?.message], [`n = ${U}\n`, ELEMENTS]);
    const strings = renderErb('t.erb', `<% x = "ab" %>${'<% x = "#{x}#{x}" %>'.repeat(40)}n = <%= x %>\n`, plainScope({}));
    assert.deepEqual([strings.fragment.text, strings.notes?.[0]?.message], [`n = ${U}\n`, CHARS]);
  });

  it('EPP: $x = $x + $x forty times (arrays concatenate)', () => {
    const text = `<% $x = ['ab'] -%>${'<% $x = $x + $x -%>'.repeat(40)}myhostname = <%= $x %>\n`;
    const r = renderEpp('modules/p/templates/main.cf.epp', text, plainScope({}));
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.fragment.text, `myhostname = ${U}\n`);
    assert.deepEqual(r.notes, [{ line: 1, column: 1, message: ELEMENTS }]);
  });

  it('under the budget: exact values and no note', () => {
    const erb = renderErb('t.erb', `<% x = "ab" %>${'<% x = x + x %>'.repeat(8)}n = <%= x.length %>\n`, plainScope({}));
    assert.deepEqual([erb.fragment.text, erb.notes], ['n = 512\n', []]);
    const epp = renderEpp('t.epp', `<% $x = ['a'] -%>${'<% $x = $x + $x -%>'.repeat(8)}n = <%= $x.length %>\n`, plainScope({}));
    assert.deepEqual([epp.fragment.text, epp.notes], ['n = 256\n', []]);
  });
});

describe('Go templates', () => {
  const render = (text: string) => renderGoTemplate({ path: 'chart/templates/main.cf.tpl', text }, plainScope({ Values: { a: 'ab', n: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } }));

  it('replace growing the string four-fold per call', () => {
    const r = render(`{{ $x := .Values.a }}${'{{ $x = replace "a" "aaaa" $x }}'.repeat(40)}\nmyhostname = {{ $x }}\n`);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.fragment.text, `\nmyhostname = ${U}\n`);
    assert.equal(r.notes?.[0]?.message, CHARS);
  });

  it('replace with an empty pattern is refused before it is built', () => {
    const r = render(`{{ $x := printf "%s%s%s%s" .Values.a .Values.a .Values.a .Values.a }}${'{{ $x = printf "%s%s" $x $x }}'.repeat(16)}{{ $y := replace "" $x $x }}n = {{ len $y }}\n`);
    assert.equal(r.fragment.text, `n = ${U}\n`);
    assert.equal(r.notes?.[0]?.message, CHARS);
  });

  it('printf doubling, list doubling, and range chains', () => {
    const printf = render(`{{ $x := .Values.a }}${'{{ $x = printf "%s%s" $x $x }}'.repeat(40)}n = {{ $x }}\n`);
    assert.deepEqual([printf.fragment.text, printf.notes?.[0]?.message], [`n = ${U}\n`, CHARS]);
    const list = render(`{{ $x := list 1 }}${'{{ $x = list $x $x }}'.repeat(40)}n = {{ len $x }}\n`);
    assert.deepEqual([list.fragment.text, list.notes?.[0]?.message], [`n = ${U}\n`, ELEMENTS]);
    const range = render(`{{ $x := .Values.a }}${'{{ range $.Values.n }}'.repeat(4)}{{ $x = printf "%s%s" $x $x }}${'{{ end }}'.repeat(4)}n = {{ $x }}\n`);
    assert.deepEqual([range.fragment.text, range.notes?.[0]?.message], [`n = ${U}\n`, CHARS]);
  });

  it('under the budget: exact values and no note', () => {
    const r = render(`{{ $x := .Values.a }}${'{{ $x = replace "a" "aa" $x }}'.repeat(10)}n = {{ len $x }}\n`);
    assert.deepEqual([r.fragment.text, r.notes], ['n = 1025\n', []]);
  });
});

describe('Terraform', () => {
  const locals = (n: number) => {
    const lines = ['locals {', '  s0 = "ab"', '  l0 = ["a"]'];
    for (let i = 1; i <= n; i++) lines.push(`  s${i} = "\${local.s${i - 1}}\${local.s${i - 1}}"`, `  l${i} = concat(local.l${i - 1}, local.l${i - 1})`);
    lines.push('}', 'resource "x" "y" {', `  user_data = templatefile("\${path.module}/main.cf.tftpl", { h = local.s${n}, l = local.l${n} })`, '}', '');
    return lines.join('\n');
  };

  it('locals doubling strings and lists: unknown values and a note on the call, no throw', () => {
    const repo = memoryRepository({ 'tf/main.tf': locals(40), 'tf/main.cf.tftpl': '' });
    const vars = loadTerraformVariables('tf/main.cf.tftpl', repo);
    assert.equal(vars.lookup('h')?.value !== undefined && typeof vars.lookup('h')?.value, 'symbol');
    assert.equal(typeof vars.lookup('l')?.value, 'symbol');
    assert.deepEqual(vars.diagnostics, [{ file: 'tf/main.tf', line: 86, column: 1, message: ELEMENTS }]);
  });

  it('a string over the output limit in a .tf file is an unknown value, not a LimitReached escaping the loader', () => {
    const tf = [
      'locals {',
      `  items = split(",", "${'a,'.repeat(20_000)}a")`,
      '  text = "%{ for x in local.items }${x}%{ endfor }"',
      '}',
      'resource "x" "y" {',
      '  user_data = templatefile("${path.module}/main.cf.tftpl", { h = local.text, k = "kept" })',
      '}',
      '',
    ].join('\n');
    const vars = loadTerraformVariables('tf/main.cf.tftpl', memoryRepository({ 'tf/main.tf': tf, 'tf/main.cf.tftpl': '' }));
    assert.equal(typeof vars.lookup('h')?.value, 'symbol');
    assert.equal(vars.lookup('k')?.value, 'kept');
  });

  it('under the budget: exact values and no diagnostic', () => {
    const repo = memoryRepository({ 'tf/main.tf': locals(8), 'tf/main.cf.tftpl': '' });
    const vars = loadTerraformVariables('tf/main.cf.tftpl', repo);
    assert.equal(vars.lookup('h')?.value, 'ab'.repeat(256));
    assert.equal((vars.lookup('l')?.value as unknown[]).length, 256);
    assert.deepEqual(vars.diagnostics, []);
  });

  it('nested for loops printing a big value: the output limit holds (a diagnostic), nothing blows up', () => {
    const text = `%{ for a in l }%{ for b in l }%{ for c in l }${'${s}'.repeat(4)}%{ endfor }%{ endfor }%{ endfor }\n`;
    const r = terraform.render({ path: 'main.cf.tftpl', text }, plainScope({ l: Array.from({ length: 20 }, () => 1), s: 'x'.repeat(100_000) }));
    // 8000 iterations of 400 000 characters each: stopped at the first million.
    assert.equal(r.diagnostics[0]?.message, 'rendered output exceeds 1000000 characters');
  });
});
