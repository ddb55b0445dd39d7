import assert from 'node:assert/strict';
import { test } from 'node:test';
import { envsubst, goTemplate as gotemplate, terraform } from '../../../src/sources/template-languages.js';
import type { TemplateLanguage } from '../../../src/sources/contracts/template-language.js';
import { plainScope } from '../../../src/sources/contracts/variables.js';
import { Random } from '../../helpers/random.js';

const PIECES: Record<string, string[]> = {
  'go-template': ['{{', '}}', '{{- ', ' -}}', '{{/*', '*/}}', ' if ', ' else ', ' end ', ' range ', '.Values.a', '$x := ', '$x', '|', ' default "d" ', '"', '`', '(', ')', '\n', 'a = ', ' ', 'join ", "', '.', ',', 'break', 'with'],
  terraform: ['${', '%{', '}', '~}', '${~', ' if ', ' else ', ' endif ', ' for x in ', ' endfor ', 'a', '"', '[', ']', '{', '$${', '%%{', '\n', ' = ', '(', ')', ',', '?', ':', 'join'],
  envsubst: ['$', '{', '}', 'A', '_', '1', '$$', '\n', ' = ', '\\'],
};

function fuzz(language: TemplateLanguage, seed: number) {
  const random = new Random(seed);
  const pieces = PIECES[language.form] as string[];
  for (let n = 0; n < 300; n++) {
    let text = '';
    const length = random.int(30);
    for (let i = 0; i < length; i++) text += random.pick(pieces);
    const result = language.render({ path: 't/main.cf.x', text }, plainScope({ a: ['x', 'y'], A: 'v', Values: { a: [1, 2] } }));
    const lines = text.split('\n').length;
    for (const segment of result.fragment.map.segments) {
      assert.ok(segment.from.line >= 1 && segment.from.line <= lines, `${JSON.stringify(text)}: segment outside the template`);
    }
    for (const d of result.diagnostics) assert.ok(d.line >= 1 && d.line <= lines && d.column >= 1, JSON.stringify(text));
  }
}

test('random templates never throw and map inside the template', () => {
  fuzz(gotemplate, 1);
  fuzz(terraform, 2);
  fuzz(envsubst, 3);
});

test('deep nesting is a diagnostic, not a stack overflow', () => {
  const go = gotemplate.render({ path: 't', text: '{{ if 1 }}'.repeat(5000) + '{{ end }}'.repeat(5000) }, plainScope({}));
  assert.deepEqual(go.diagnostics, [{ line: 1, column: 1001, message: 'control structures nested more than 100 deep' }]);
  const parens = gotemplate.render({ path: 't', text: `{{ ${'('.repeat(5000)}1${')'.repeat(5000)} }}` }, plainScope({}));
  assert.equal(parens.diagnostics[0]?.message, 'parentheses nested too deeply');
  const tf = terraform.render({ path: 't', text: '%{ if true }'.repeat(5000) + '%{ endif }'.repeat(5000) }, plainScope({}));
  assert.equal(tf.diagnostics[0]?.message, 'directives nested more than 100 deep');
  const brackets = terraform.render({ path: 't', text: `\${${'['.repeat(5000)}${']'.repeat(5000)}}` }, plainScope({}));
  assert.equal(brackets.diagnostics[0]?.message, 'expression nested too deeply');
  const strings = terraform.render({ path: 't', text: `\${${'"${'.repeat(5000)}` }, plainScope({}));
  assert.equal(strings.diagnostics.length, 1);
});
