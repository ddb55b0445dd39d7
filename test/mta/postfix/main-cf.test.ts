import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastDefinition, parseMainCf } from '../../../src/mta/postfix/main-cf.js';

const parse = (text: string) => parseMainCf({ path: 'etc/postfix/main.cf', text });

test('continuation lines are concatenated as written, comments and blanks inside skipped', () => {
  const m = parse('mynetworks = a,\n# comment\n\n   \n  b\n\tc\nmydomain = d\n');
  assert.equal(m.parameters[0]?.value, 'a,  b\tc');
  assert.deepEqual(m.parameters[0]?.valueSpan, { file: 'etc/postfix/main.cf', line: 1, column: 14, endLine: 6, endColumn: 3 });
  assert.deepEqual(m.parameters[0]?.span, { file: 'etc/postfix/main.cf', line: 1, column: 1, endLine: 6, endColumn: 3 });
  // One piece per physical line, so an offset in the value maps back to its line.
  assert.deepEqual(m.parameters[0]?.valuePieces, [
    { offset: 0, length: 2, span: { file: 'etc/postfix/main.cf', line: 1, column: 14, endLine: 1, endColumn: 16 } },
    { offset: 2, length: 3, span: { file: 'etc/postfix/main.cf', line: 5, column: 1, endLine: 5, endColumn: 4 } },
    { offset: 5, length: 2, span: { file: 'etc/postfix/main.cf', line: 6, column: 1, endLine: 6, endColumn: 3 } },
  ]);
  assert.equal(m.parameters[1]?.name, 'mydomain');
  assert.deepEqual(m.diagnostics, []);
});

test('mid-line # is data; a=b = c; empty value; trailing backslash literal', () => {
  const m = parse('myhostname = a # b\nx=b = c\nempty =\nback = v \\\n');
  assert.deepEqual(m.parameters.map((p) => [p.name, p.value]), [['myhostname', 'a # b'], ['x', 'b = c'], ['empty', ''], ['back', 'v \\']]);
  assert.deepEqual(m.parameters[1]?.valueSpan, { file: 'etc/postfix/main.cf', line: 2, column: 3, endLine: 2, endColumn: 8 });
  assert.deepEqual(m.parameters[2]?.valueSpan, { file: 'etc/postfix/main.cf', line: 3, column: 8, endLine: 3, endColumn: 8 });
});

test('CRLF reads like LF', () => {
  const m = parse('inet_interfaces = all\r\nmydomain =x\r\n');
  assert.deepEqual(m.parameters.map((p) => [p.name, p.value]), [['inet_interfaces', 'all'], ['mydomain', 'x']]);
  assert.deepEqual(m.parameters[0]?.valueSpan, { file: 'etc/postfix/main.cf', line: 1, column: 19, endLine: 1, endColumn: 22 });
});

test('an indented first logical line is dropped with a warning', () => {
  const m = parse('  indented = 1\n  more\nmydomain = d\n');
  assert.deepEqual(m.parameters.map((p) => p.name), ['mydomain']);
  assert.deepEqual(m.diagnostics, [
    { file: 'etc/postfix/main.cf', line: 1, column: 1, fatal: false, message: 'logical line must not start with whitespace: "  indented = 1  more"' },
  ]);
});

test('missing = and empty name are fatal, at the offending character', () => {
  const m = parse('mydomain = d\nmyhostname x\n  y\n= v\n');
  assert.deepEqual(m.diagnostics, [
    { file: 'etc/postfix/main.cf', line: 2, column: 12, fatal: true, message: `missing '=' after attribute name: "myhostname x  y"` },
    { file: 'etc/postfix/main.cf', line: 4, column: 1, fatal: true, message: 'missing attribute name: "= v"' },
  ]);
  assert.equal(parse('alone\n').diagnostics[0]?.column, 6);
});

test('unresolved text in the first word may hold the = itself: a name that starts so, an unknown value, not fatal', () => {
  const U = '\uE000';
  const m = parse(`${U}\n  zen.example*3\nsmtpd_${U} x\nmy networks ${U}\n`);
  assert.deepEqual(
    m.parameters.map((p) => [p.name, p.value, p.span.line, p.valueSpan.line, p.valueSpan.column, p.valueSpan.endLine, p.valueSpan.endColumn]),
    [
      [U, `${U}  zen.example*3`, 1, 1, 1, 2, 16],
      [`smtpd_${U}`, `${U} x`, 3, 3, 7, 3, 10],
    ],
  );
  // Known text that ends the name before the unresolved part still wants `=`.
  assert.deepEqual(m.diagnostics, [{ file: 'etc/postfix/main.cf', line: 4, column: 4, fatal: true, message: `missing '=' after attribute name: "my networks ${U}"` }]);
});

test('duplicates are all kept; the last wins; postfix warns', () => {
  const m = parse('inet_interfaces = all\ninet_interfaces = loopback-only\n');
  assert.equal(m.parameters.length, 2);
  assert.equal(lastDefinition(m, 'inet_interfaces')?.value, 'loopback-only');
  assert.equal(lastDefinition(m, 'inet_interfaces')?.span.line, 2);
  assert.equal(lastDefinition(m, 'nope'), undefined);
  assert.deepEqual(m.diagnostics, [
    { file: 'etc/postfix/main.cf', line: 2, column: 1, fatal: false, message: 'overriding earlier entry: inet_interfaces=all' },
  ]);
});
