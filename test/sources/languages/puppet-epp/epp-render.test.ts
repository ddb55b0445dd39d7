import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';
import { renderEpp } from '../../../../src/sources/languages/puppet-epp/index.js';
import { plainScope } from '../../../../src/sources/contracts/variables.js';

const FILE = 'modules/postfix/templates/main.cf.epp';
const U = UNKNOWN_MARK;
const render = (text: string, vars: Record<string, unknown> = {}) => renderEpp(FILE, text, plainScope(vars, 'vars.yml'));

const HEADER = [
  "<%- | String $inet_interfaces = 'all',",
  "      Array[String] $restrictions = ['permit_mynetworks', 'permit'],",
  '      Optional[String] $banner,',
  '| -%>',
  'inet_interfaces = <%= $inet_interfaces %>',
  "smtpd_client_restrictions = <%= $restrictions.join(', ') %>",
  'smtpd_banner = <%= $banner %>',
  '',
].join('\n');

test('the parameter header: defaults are variables whose origin is the header line; no default is unknown', () => {
  const r = render(HEADER);
  assert.equal(r.fragment.text, `inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, permit\nsmtpd_banner = ${U}\n`);
  assert.deepEqual(r.fragment.map.start(1, 1), { line: 5, column: 1 });
  assert.deepEqual(r.fragment.map.start(2, 29), { line: 6, column: 29 });
  assert.deepEqual(r.fragment.map.end(2, 54), { line: 6, column: 60 });
  assert.deepEqual(r.usedVariables, [
    { name: '$banner', origin: { file: FILE, line: 3 } },
    { name: '$inet_interfaces', origin: { file: FILE, line: 1 } },
    { name: '$restrictions', origin: { file: FILE, line: 2 } },
  ]);
  assert.deepEqual(r.diagnostics, []);
});

test('a value the caller passes (bound in the scope) wins over the header default', () => {
  const r = render(HEADER, { inet_interfaces: 'loopback-only' });
  assert.equal(r.fragment.text.split('\n')[0], 'inet_interfaces = loopback-only');
  assert.deepEqual(r.usedVariables[1], { name: '$inet_interfaces', origin: { file: 'vars.yml', line: 1 } });
});

test('trimming: <%- eats the indentation before, -%> the line break after; plain tags trim nothing', () => {
  const r = render('a = 1\n  <%- if true { -%>\nb = 2\n<% } %>\nc = <%= "x" -%>\nd\n');
  assert.equal(r.fragment.text, 'a = 1\nb = 2\n\nc = xd\n');
  assert.deepEqual(r.fragment.map.start(2, 1), { line: 3, column: 1 });
  assert.deepEqual(r.fragment.map.start(4, 6), { line: 6, column: 1 });
});

test('comments vanish, <%% is literal, string interpolation and function calls', () => {
  const r = render('<%# managed by Puppet %>\n<%% x\na = <%= "${postfix::host}:$port" %> <%= upcase(join([$port, 2], \'-\')) %>\n', { 'postfix::host': 'mx', port: 'p' });
  assert.equal(r.fragment.text, '\n<% x\na = mx:p P-2\n');
});

const BRANCHES = [
  '<% if $postfix::relay { -%>',
  'smtpd_client_restrictions = permit',
  '<% } elsif $facts[\'os\'][\'family\'] == \'RedHat\' { -%>',
  'smtpd_client_restrictions = reject',
  '<% } else { -%>',
  'smtpd_client_restrictions = permit_mynetworks, reject',
  '<% } -%>',
  '<% unless $postfix::relay { -%>',
  'x = 1',
  '<% } -%>',
  '',
].join('\n');

test('if/elsif/else/unless: Puppet truthiness; a fact-dependent condition gives maybe lines and an alternative', () => {
  assert.equal(render(BRANCHES, { 'postfix::relay': '' }).fragment.text, 'smtpd_client_restrictions = permit\n');
  const r = render(BRANCHES, { 'postfix::relay': false });
  assert.equal(r.fragment.text, 'smtpd_client_restrictions = reject\nx = 1\n');
  assert.deepEqual([...r.fragment.maybeLines], [1]);
  assert.deepEqual(r.fragment.alternatives, [{ file: FILE, line: 5, column: 1, endLine: 7, endColumn: 1 }]);
});

test('each over a hash (|$k, $v|), over an array with each($a), and over unknown data', () => {
  const text = "<% $postfix::extra.each |$k, $v| { -%>\n<%= $k %> = <%= $v %>\n<% } -%>\n<% each($postfix::list) |$i| { -%>\nitem = <%= $i %>\n<% } -%>\n";
  const r = render(text, { 'postfix::extra': { mynetworks: '127.0.0.0/8', smtpd_banner: 'hi' }, 'postfix::list': ['a', 'b'] });
  assert.equal(r.fragment.text, 'mynetworks = 127.0.0.0/8\nsmtpd_banner = hi\nitem = a\nitem = b\n');
  assert.deepEqual(r.fragment.map.start(4, 8), { line: 5, column: 8 });
  const unknown = render(text, { 'postfix::list': [] });
  assert.equal(unknown.fragment.text, `${U} = ${U}\n`);
  assert.deepEqual([...unknown.fragment.maybeLines], [1]);
});

test('malformed EPP: unclosed tag, stray }, unclosed block, unclosed header', () => {
  assert.deepEqual(render('a = <%= $x\n').diagnostics, [{ line: 1, column: 5, message: "'<%' tag is never closed with '%>'" }]);
  assert.deepEqual(render('a\n<% } %>\n').diagnostics, [{ line: 2, column: 1, message: "'end' without an open block" }]);
  assert.deepEqual(render('<% if $x { %>\na\n').diagnostics, [{ line: 1, column: 1, message: 'block is never closed' }]);
  assert.deepEqual(render('<%- | String $a = 1 -%>\n').diagnostics, [{ line: 1, column: 1, message: "parameter header '|' is not closed" }]);
});

test('hostile input stays bounded: deep prefix operators', () => {
  assert.equal(render(`a = <%= ${'!'.repeat(100_000)}true %>\n`).fragment.text, `a = ${U}\n`);
});
