import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMap, parseDocument, type Pair } from 'yaml';
import { LineIndex } from '../../../../src/model/source.js';
import { argvText } from '../../../../src/sources/languages/yaml/argv.js';
import { parseFreeForm } from '../../../../src/sources/ecosystems/ansible/free-form.js';
import { parameterOfLine, parameterOfRegexp } from '../../../../src/sources/ecosystems/ansible/parameter-names.js';
import { positionFunction, type MappedText } from '../../../../src/sources/languages/yaml/mapped-text.js';
import { scalarText } from '../../../../src/sources/languages/yaml/scalar-text.js';

/** Each top-level value's text and the host `line:column` of every character start, compactly. */
function scalars(source: string): Record<string, { text: string; at: string[] }> {
  const index = new LineIndex(source);
  const document = parseDocument(source);
  const result: Record<string, { text: string; at: string[] }> = {};
  if (!isMap(document.contents)) return result;
  for (const pair of document.contents.items as Pair[]) {
    const m = scalarText(pair.value, source);
    if (m === null) continue;
    const position = positionFunction(m, (o) => index.position(o));
    const at = [...m.text].map((_, i) => position(i)).map((p) => `${p.line}:${p.column}`);
    result[String((pair.key as { value: unknown }).value)] = { text: m.text, at: [...new Set(at)] };
  }
  return result;
}

test('block literal: each content line at its column, more-indented text kept, blank lines and CRLF', () => {
  const got = scalars('k: |\r\n  a = 1\r\n    b\r\n\r\n  c\r\n');
  assert.equal(got.k!.text, 'a = 1\n  b\n\nc\n');
  assert.deepEqual(got.k!.at, ['2:3', '2:4', '2:5', '2:6', '2:7', '2:8', '3:3', '3:4', '3:5', '3:6', '4:1', '5:3', '5:4']);
});

test('folded and multi-line plain scalars map to the whole scalar; a one-line plain scalar is literal', () => {
  const got = scalars('f: >\n  a\n  b\np: one\n  two\nq: "x\\ty"\nn: 42\n');
  assert.equal(got.f!.text, 'a b\n');
  assert.deepEqual(got.f!.at, ['1:4']);
  assert.equal(got.p!.text, 'one two');
  assert.deepEqual(got.p!.at, ['4:4']);
  assert.equal(got.q!.text, 'x\ty');
  assert.deepEqual(got.q!.at, ['6:4']);
  assert.deepEqual(got.n, { text: '42', at: ['7:4', '7:5'] });
});

function literalOf(text: string, offset = 0): MappedText {
  return { text, pieces: [{ kind: 'literal', text, offset }] };
}

test('free-form k=v: quotes removed, jinja kept whole, words without = counted', () => {
  const form = parseFreeForm(literalOf('path=/etc/postfix/main.cf line="a = {{ x | default("y z") }}" raw backrefs=yes'));
  assert.deepEqual(
    form.arguments.map((a) => [a.name, a.value.text, a.value.pieces[0]!.kind === 'literal' ? a.value.pieces[0]!.offset : -1]),
    [
      ['path', '/etc/postfix/main.cf', 5],
      ['line', 'a = {{ x | default("y z") }}', 32],
      ['backrefs', 'yes', 75],
    ],
  );
  assert.equal(form.rawWords, 1);
});

test('argv lists become one shell line; quoted words keep their characters positions', () => {
  const line = argvText([literalOf('postconf', 10), literalOf('-e', 30), literalOf("a = b's", 50)]);
  assert.equal(line.text, "postconf -e 'a = b'\\''s'");
  const index = new LineIndex('x'.repeat(100));
  const position = positionFunction(line, (o) => index.position(o));
  assert.equal(position(0).column, 11);
  assert.equal(position(9).column, 31);
  assert.equal(position(13).column, 51);
});

test('parameter names in lineinfile regexps and lines', () => {
  const name = (r: string) => {
    const found = parameterOfRegexp(r);
    return found === null ? null : r.slice(found.from, found.to);
  };
  assert.equal(name('^inet_interfaces'), 'inet_interfaces');
  assert.equal(name('^#?\\s*inet_interfaces\\s*='), 'inet_interfaces');
  assert.equal(name('^(#)?mynetworks ='), 'mynetworks');
  assert.equal(name('^smtpd_client_restrictions.*'), 'smtpd_client_restrictions');
  assert.equal(name('^mail'), 'mail');
  assert.equal(name('mynetworks_style|mynetworks'), null);
  assert.equal(name('^[a-z]+'), null);
  assert.deepEqual(parameterOfLine('#relayhost = x'), { from: 1, to: 10, commented: true });
  assert.deepEqual(parameterOfLine('relayhost=x'), { from: 0, to: 9, commented: false });
  assert.equal(parameterOfLine('  relayhost = x'), null);
  assert.equal(parameterOfLine("DAEMON_OPTIONS(`Port=smtp')"), null);
});
