import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainScope } from '../../src/sources/contracts/variables.js';
import { remapSpans, SourceMap } from '../../src/sources/contracts/fragment.js';
import { dataRecord } from '../../src/model/plain-data.js';
import { renderTemplate } from '../../src/sources/template-languages.js';

const FILE = 'roles/m/templates/main.cf.j2';

test('remapSpans rewrites spans and diagnostic positions of the fragment file only, in a copy', () => {
  const { fragment } = renderTemplate({ path: FILE, text: '{# c #}\n{% if true %}\nname = {{ v }}\n{% endif %}\n' }, plainScope({ v: 'value' }));
  assert.equal(fragment.text, 'name = value\n');
  const model = {
    span: { file: FILE, line: 1, column: 1, endLine: 1, endColumn: 13 },
    value: { file: FILE, line: 1, column: 8, endLine: 1, endColumn: 13 },
    empty: { file: FILE, line: 1, column: 13, endLine: 1, endColumn: 13 },
    other: { file: 'etc/postfix/main.cf', line: 1, column: 1, endLine: 1, endColumn: 2 },
    diagnostics: [{ file: FILE, line: 1, column: 6, message: 'x', fatal: false }],
    byName: new Map([['name', { file: FILE, line: 1, column: 1, endLine: 1, endColumn: 5 }]]),
  };
  const remapped = remapSpans(model, fragment);
  assert.deepEqual(remapped.span, { file: FILE, line: 3, column: 1, endLine: 3, endColumn: 15 });
  assert.deepEqual(remapped.value, { file: FILE, line: 3, column: 8, endLine: 3, endColumn: 15 });
  assert.deepEqual(remapped.empty, { file: FILE, line: 3, column: 15, endLine: 3, endColumn: 15 });
  assert.deepEqual(remapped.other, model.other);
  assert.deepEqual(remapped.diagnostics, [{ file: FILE, line: 3, column: 6, message: 'x', fatal: false }]);
  assert.deepEqual(remapped.byName.get('name'), { file: FILE, line: 3, column: 1, endLine: 3, endColumn: 5 });
  // The input is not modified.
  assert.equal(model.span.line, 1);
});

test('remapSpans puts a span on the file of its segment when the fragment is built from several files', () => {
  const segments = [
    { line: 1, column: 1, endColumn: 5, kind: 'literal' as const, from: { line: 3, column: 11 }, to: { line: 3, column: 11 }, file: 'run.sh' },
    { line: 1, column: 5, endColumn: 8, kind: 'expression' as const, from: { line: 2, column: 3 }, to: { line: 2, column: 20 } },
    { line: 1, column: 8, endColumn: 11, kind: 'literal' as const, from: { line: 3, column: 27 }, to: { line: 3, column: 27 }, file: 'run.sh' },
  ];
  const fragment = { file: 'lib.sh', text: 'name = all\n', form: 'shell' as const, map: new SourceMap(segments), maybeLines: new Set<number>(), alternatives: [] };
  const model = {
    name: { file: 'lib.sh', line: 1, column: 1, endLine: 1, endColumn: 5 },
    equals: { file: 'lib.sh', line: 1, column: 6, endLine: 1, endColumn: 7 },
    value: { file: 'lib.sh', line: 1, column: 8, endLine: 1, endColumn: 11 },
    across: { file: 'lib.sh', line: 1, column: 1, endLine: 1, endColumn: 11 },
    point: { file: 'lib.sh', line: 1, column: 9, message: 'x', fatal: false },
    cut: { file: 'lib.sh', line: 1, column: 1, endLine: 1, endColumn: 7 },
  };
  const r = remapSpans(model, fragment);
  assert.deepEqual(r.name, { file: 'run.sh', line: 3, column: 11, endLine: 3, endColumn: 15 });
  assert.deepEqual(r.equals, { file: 'lib.sh', line: 2, column: 3, endLine: 2, endColumn: 20 });
  assert.deepEqual(r.value, { file: 'run.sh', line: 3, column: 27, endLine: 3, endColumn: 30 });
  // From run.sh line 3 to run.sh line 3: one file; a span that would end in another file is cut to its first character.
  assert.deepEqual(r.across, { file: 'run.sh', line: 3, column: 11, endLine: 3, endColumn: 30 });
  assert.deepEqual(r.point, { file: 'run.sh', line: 3, column: 28, message: 'x', fatal: false });
  assert.deepEqual(r.cut, { file: 'run.sh', line: 3, column: 11, endLine: 3, endColumn: 12 });
});

test('remapSpans copies plain data as data: a __proto__ key stays a key, a map without a prototype stays one', () => {
  const { fragment } = renderTemplate({ path: FILE, text: '{# c #}\nname = {{ v }}\n' }, plainScope({ v: 'value' }));
  const data = dataRecord([
    ['__proto__', { overlay: { file: FILE, line: 1, column: 8, endLine: 1, endColumn: 13 } }],
    ['constructor', 'x'],
  ]);
  const remapped = remapSpans({ data }, fragment);
  assert.equal(Object.getPrototypeOf(remapped.data), null);
  assert.deepEqual(Object.keys(remapped.data), ['__proto__', 'constructor']);
  assert.deepEqual((Object.getOwnPropertyDescriptor(remapped.data, '__proto__')?.value as { overlay: unknown }).overlay, { file: FILE, line: 2, column: 8, endLine: 2, endColumn: 15 });
  assert.equal(remapped.data.constructor, 'x');
  assert.equal(({} as { overlay?: unknown }).overlay, undefined);
});
