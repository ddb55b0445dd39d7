import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assemblePostfix } from '../../../src/mta/postfix/index.js';
import { parseMasterCf } from '../../../src/mta/postfix/master-cf.js';

const parse = (text: string) => parseMasterCf({ path: 'master.cf', text });

test('services, host:port names, continuation and comment lines', () => {
  const m = parse(
    'smtp inet n - y - - smtpd\n  -o smtpd_client_restrictions=permit_mynetworks,reject\n#  -o x=y\n' +
      '127.0.0.1:2525 inet n - n - - smtpd\n[::1]:smtp inet n - n - - smtpd\nlocalhost:smtp inet n - n - - postscreen\n' +
      'smtpd pass - - n - - smtpd\n#submission inet n - n - - smtpd\n',
  );
  assert.deepEqual(m.services.map((s) => [s.name, s.host, s.port, s.smtpd, s.postscreen, s.pass]), [
    ['smtp', null, 'smtp', true, false, false],
    ['127.0.0.1:2525', '127.0.0.1', '2525', true, false, false],
    ['[::1]:smtp', '::1', 'smtp', true, false, false],
    ['localhost:smtp', 'localhost', 'smtp', false, true, false],
    ['smtpd', null, 'smtpd', true, false, true],
  ]);
  assert.deepEqual(m.services[0]?.overrides, [
    {
      name: 'smtpd_client_restrictions',
      value: 'permit_mynetworks,reject',
      span: { file: 'master.cf', line: 2, column: 3, endLine: 2, endColumn: 56 },
      valuePieces: [{ offset: 0, length: 24, span: { file: 'master.cf', line: 2, column: 32, endLine: 2, endColumn: 56 } }],
    },
  ]);
  assert.deepEqual(m.diagnostics, []);
});

test('-o { name = value } braced form, -oname=value, grouped flags', () => {
  const m = parse('smtp inet n - y - - smtpd -o { smtpd_relay_restrictions = permit_mynetworks, reject } -vo a=b -oc=d\n');
  assert.deepEqual(m.services[0]?.overrides.map((o) => [o.name, o.value]), [
    ['smtpd_relay_restrictions', 'permit_mynetworks, reject'],
    ['a', 'b'],
    ['c', 'd'],
  ]);
  assert.deepEqual(m.services[0]?.overrides[0]?.span, { file: 'master.cf', line: 1, column: 27, endLine: 1, endColumn: 86 });
  // The value's characters, inside the braces: where a macro error in it is reported.
  assert.deepEqual(m.services[0]?.overrides[0]?.valuePieces, [
    { offset: 0, length: 25, span: { file: 'master.cf', line: 1, column: 59, endLine: 1, endColumn: 84 } },
  ]);
});

test('-o name = value (unbraced) is fatal for smtpd, on that line', () => {
  const m = parse('smtp inet n - y - - smtpd\nsubmission inet n - n - - smtpd -o smtpd_tls_security_level = encrypt\n');
  assert.deepEqual(m.diagnostics, [
    { file: 'master.cf', line: 2, column: 36, fatal: true, message: `invalid "-o smtpd_tls_security_level" option value: missing '=' after attribute name` },
    { file: 'master.cf', line: 2, column: 61, fatal: true, message: 'unexpected command-line argument: =' },
  ]);
});

test('# after a field is an argument; smtpd refuses it', () => {
  const m = parse('smtp inet n - y - - smtpd -o a=b # comment\n');
  assert.deepEqual(m.services[0]?.args, ['-o', 'a=b', '#', 'comment']);
  assert.deepEqual(m.diagnostics, [{ file: 'master.cf', line: 1, column: 34, fatal: true, message: 'unexpected command-line argument: #' }]);
});

test('fewer than 8 fields is fatal', () => {
  const m = parse('smtp inet n - y - -\n');
  assert.deepEqual(m.services, []);
  assert.deepEqual(m.diagnostics, [{ file: 'master.cf', line: 1, column: 1, fatal: true, message: 'bad field count' }]);
});

test('assemblePostfix pairs main.cf and master.cf per directory and variants', () => {
  const f = (path: string, text = '') => ({ path, text });
  const configs = assemblePostfix([
    f('a/master.cf', 'smtp inet n - y - - smtpd\n'),
    f('a/main.cf', 'inet_interfaces = all\n'),
    f('a/main.cf.proto', 'x = 1\n'),
    f('b/master.cf', 'smtp inet n - y - - smtpd\n'),
    f('c/postfix/extra.cf', 'smtp inet n - y - - smtpd\n'),
    f('d/main.cf.dev', 'x = 1\n'),
    f('d/master.cf.dev', 'smtp inet n - y - - smtpd\n'),
  ]);
  assert.deepEqual(configs.map((c) => [c.directory, c.files, c.mainCf !== null, c.masterCf !== null, c.form]), [
    ['a', ['a/main.cf', 'a/master.cf'], true, true, 'plain'],
    ['a', ['a/main.cf.proto', 'a/master.cf'], true, true, 'plain'],
    ['b', ['b/master.cf'], false, true, 'plain'],
    ['c/postfix', ['c/postfix/extra.cf'], false, true, 'plain'],
    ['d', ['d/main.cf.dev', 'd/master.cf.dev'], true, true, 'plain'],
  ]);
});
