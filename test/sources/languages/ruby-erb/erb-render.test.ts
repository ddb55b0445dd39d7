import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';
import { renderErb } from '../../../../src/sources/languages/ruby-erb/index.js';
import { plainScope } from '../../../../src/sources/contracts/variables.js';

const FILE = 'cookbooks/postfix/templates/default/main.cf.erb';
const U = UNKNOWN_MARK;
const render = (text: string, vars: Record<string, unknown> = {}) => renderErb(FILE, text, plainScope(vars));
const node = (main: Record<string, unknown>) => ({ node: { postfix: { main } } });

test('literal text keeps its columns; an output maps to its whole <%= %> tag', () => {
  const r = render("myhostname = <%= node['postfix']['main']['myhostname'] %> # x\n", node({ myhostname: 'mx' }));
  assert.equal(r.fragment.text, 'myhostname = mx # x\n');
  assert.deepEqual(r.fragment.map.start(1, 14), { line: 1, column: 14 });
  assert.deepEqual(r.fragment.map.end(1, 16), { line: 1, column: 58 });
  assert.deepEqual(r.fragment.map.start(1, 17), { line: 1, column: 59 });
  assert.deepEqual(r.usedVariables, [{ name: "node['postfix']['main']['myhostname']", origin: null }]);
  assert.deepEqual(r.diagnostics, []);
});

test('Erubis trimming: a <% %> alone on its line takes its line; <%= %> keeps the newline unless -%>', () => {
  const r = render("<% if true %>\n  a = 1\n  <% end %>\nb = <%= 'x' -%>\nc = 2\n");
  assert.equal(r.fragment.text, '  a = 1\nb = xc = 2\n');
  assert.deepEqual(r.fragment.map.start(2, 1), { line: 4, column: 1 });
  assert.deepEqual(r.fragment.map.start(2, 6), { line: 5, column: 1 });
});

test('comments vanish, <%% is a literal <%, a tag inside a line keeps the line', () => {
  const r = render("<%# managed by Chef %>\na = 1 <% x = 2 %>b\n<%% not a tag\n");
  assert.equal(r.fragment.text, 'a = 1 b\n<% not a tag\n');
  assert.deepEqual(r.fragment.map.start(1, 7), { line: 2, column: 18 });
  assert.deepEqual(r.fragment.map.start(2, 3), { line: 3, column: 4 });
});

const BRANCHES = [
  "<% if node['postfix']['main']['relay'] -%>",
  'smtpd_client_restrictions = permit',
  "<% elsif @strict %>",
  'smtpd_client_restrictions = reject',
  '<% else -%>',
  'smtpd_client_restrictions = permit_mynetworks, reject',
  '<% end -%>',
  'end = 1',
  '',
].join('\n');

test('if/elsif/else: a known condition picks one branch; Ruby truthiness ("" is true, nil is false)', () => {
  assert.equal(render(BRANCHES, node({ relay: '' })).fragment.text, 'smtpd_client_restrictions = permit\nend = 1\n');
  const r = render(BRANCHES, { node: { postfix: { main: { relay: null } } }, '@strict': false });
  assert.equal(r.fragment.text, 'smtpd_client_restrictions = permit_mynetworks, reject\nend = 1\n');
  assert.deepEqual(r.fragment.map.start(1, 1), { line: 6, column: 1 });
  assert.deepEqual([...r.fragment.maybeLines], []);
});

test('an unknown condition (@strict not passed) renders its branch as maybe and records the else as an alternative', () => {
  const r = render(BRANCHES, node({ relay: false }));
  assert.equal(r.fragment.text, 'smtpd_client_restrictions = reject\nend = 1\n');
  assert.deepEqual([...r.fragment.maybeLines], [1]);
  assert.deepEqual(r.fragment.alternatives, [{ file: FILE, line: 5, column: 1, endLine: 7, endColumn: 1 }]);
});

test('unless, ternary, || default, nil?, empty?, upcase/downcase, to_s, string interpolation', () => {
  const text = [
    "<% unless node['postfix']['main']['x'].nil? %>x = <%= node['postfix']['main']['x'].upcase %><% end %>",
    "y = <%= node['postfix']['main']['list'].empty? ? 'none' : 'some' %>",
    "z = <%= node['postfix']['main']['missing'] || 'fallback' %>",
    'w = <%= "#{node[:postfix][:main][:x].downcase}-#{3.to_s}" %>',
    "v = <%= node.postfix.main.x %>",
    '',
  ].join('\n');
  const r = render(text, node({ x: 'Ab', list: [] }));
  assert.equal(r.fragment.text, 'x = AB\ny = none\nz = fallback\nw = ab-3\nv = Ab\n');
});

test('each over a hash with |k, v| and over an array; unknown data gives one maybe line with unknown name and value', () => {
  const text = "<% node['postfix']['main']['extra'].each do |k, v| -%>\n<%= k %> = <%= v %>\n<% end -%>\n";
  const r = render(text, node({ extra: { mynetworks: '127.0.0.0/8', smtpd_banner: 'hi' } }));
  assert.equal(r.fragment.text, 'mynetworks = 127.0.0.0/8\nsmtpd_banner = hi\n');
  assert.deepEqual(r.fragment.map.start(2, 1), { line: 2, column: 1 });
  assert.deepEqual(r.fragment.map.start(2, 13), { line: 2, column: 9 });
  const arrays = render("<% @items.each { |i| %>item = <%= i %>\n<% } %>\n", { '@items': ['a', 'b'] });
  assert.equal(arrays.fragment.text, 'item = a\nitem = b\n');
  const unknown = render(text, {});
  assert.equal(unknown.fragment.text, `${U} = ${U}\n`);
  assert.deepEqual([...unknown.fragment.maybeLines], [1]);
});

test('unknown Ruby (method calls we do not evaluate, ohai data) prints UNKNOWN_MARK', () => {
  const r = render("a = <%= node['fqdn'] %>\nb = <%= File.read('/x') %>\nc = <%= node['postfix']['main']['r'].map(&:to_s).join(' ') %>\n", node({ r: ['x'] }));
  assert.equal(r.fragment.text, `a = ${U}\nb = ${U}\nc = ${U}\n`);
});

test('malformed templates: unclosed tag, stray end, unclosed if -> diagnostics at the tag', () => {
  assert.deepEqual(render('a = 1\nb = <%= x \nc = 2\n').diagnostics, [{ line: 2, column: 5, message: "'<%' tag is never closed with '%>'" }]);
  assert.deepEqual(render('a = <% if x %>\nb <%= y\n%> <% end %> <% end %>\n').diagnostics, [{ line: 3, column: 14, message: "'end' without an open block" }]);
  assert.deepEqual(render('x\n  <% if true %>\na\n').diagnostics, [{ line: 2, column: 3, message: 'block is never closed' }]);
  assert.deepEqual(render('<% else %>\n').diagnostics, [{ line: 1, column: 1, message: "'else' without an open 'if'" }]);
  assert.equal(render('a <%= x \n').fragment.text, '');
});

test('loops are bounded', () => {
  const r = renderErb(FILE, '<% @a.each do |x| %><% @a.each do |y| %>z<% end %><% end %>', plainScope({ '@a': Array.from({ length: 200 }, (_, i) => i) }));
  assert.deepEqual(r.diagnostics, [{ line: 1, column: 21, message: 'more than 10000 loop iterations' }]);
});

test('hostile input stays bounded: deep prefix operators, nested parentheses, long lines of tags', () => {
  const deep = `a = <%= ${'!'.repeat(100_000)}true %>\nb = <%= ${'('.repeat(5000)}1${')'.repeat(5000)} %>\n`;
  assert.equal(render(deep).fragment.text, `a = ${U}\nb = ${U}\n`);
  const many = '<% x = 1 %>'.repeat(50_000);
  const started = Date.now();
  assert.equal(render(`${many}\n`).fragment.text, '\n');
  assert.ok(Date.now() - started < 2000);
});

const SETTINGS = [
  '<% @settings.sort.map do |key, value| -%>',
  '<%  next if value.nil? -%>',
  '<%  if value.kind_of? Array -%>',
  '<%=   "#{key} = #{value.join(\', \')}"%>',
  '<%  else -%>',
  '<%=   "#{key} = #{value}"%>',
  '<%  end -%>',
  '<% end -%>',
  '',
].join('\n');

test('a settings hash printed by sort.map with next if / kind_of? Array (the common cookbook shape)', () => {
  const r = render(SETTINGS, { '@settings': { smtpd_client_restrictions: ['permit_mynetworks', 'reject'], relayhost: null, inet_interfaces: 'all' } });
  assert.equal(r.fragment.text, 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\n');
  assert.deepEqual(r.fragment.map.start(2, 1), { line: 4, column: 1 });
  assert.deepEqual([...r.fragment.maybeLines], []);
  const unknown = render(SETTINGS);
  assert.equal(unknown.fragment.text, `${U}\n`);
  assert.deepEqual([...unknown.fragment.maybeLines], [1]);
  const partly = render(SETTINGS, { '@settings': { a: '@x' } });
  assert.equal(partly.fragment.text, 'a = @x\n');
});

test('next unless with an unknown condition makes the rest of the iteration maybe', () => {
  const r = render('<% [1, 2].each do |i| -%>\n<% next unless @keep -%>\nn = <%= i %>\n<% end -%>\n');
  assert.equal(r.fragment.text, 'n = 1\nn = 2\n');
  assert.deepEqual([...r.fragment.maybeLines], [1, 2]);
});
