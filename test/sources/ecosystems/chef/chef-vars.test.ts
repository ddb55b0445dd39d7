import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readChefAttributes } from '../../../../src/sources/ecosystems/chef/attributes.js';
import { cookbookOf, loadChefVariables } from '../../../../src/sources/ecosystems/chef/variables.js';
import { readRubyLiteral } from '../../../../src/sources/languages/ruby-erb/ruby-literal.js';
import { UNKNOWN } from '../../../../src/sources/contracts/values.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { plainScope } from '../../../../src/sources/contracts/variables.js';

/** Repository data is built without prototypes: compare it as plain objects. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

test('the Ruby literal reader reads strings, numbers, symbols, %w, arrays and hashes; not calls or interpolation', () => {
  assert.deepEqual(readRubyLiteral("x = ['a', :b, 1, true, nil]", 4), { value: ['a', 'b', 1, true, null], end: 27 });
  assert.deepEqual(plain(readRubyLiteral("{ 'k' => %w(a b), s: { :t => 'u' } }", 0)?.value), { k: ['a', 'b'], s: { t: 'u' } });
  assert.deepEqual(readRubyLiteral('"a\\tb"', 0)?.value, 'a\tb');
  assert.equal(readRubyLiteral('"#{node[:x]}"', 0), null);
  assert.equal(readRubyLiteral("node['x']", 0), null);
  assert.equal(readRubyLiteral('[1, 2', 0), null);
});

test('attributes files: literal assignments with their line; conditional or computed ones are unknown', () => {
  const text = [
    "default['postfix']['main']['inet_interfaces'] = 'all'",
    'default[:postfix][:main][:mynetworks] = %w(127.0.0.0/8 [::1]/128)',
    "override['postfix']['main']['smtpd_client_restrictions'] = [",
    "  'permit_mynetworks', # trusted",
    "  'reject',",
    ']',
    "node.normal['postfix']['main']['myhostname'] = node['fqdn']",
    "case node['platform']",
    "when 'smartos'",
    "  default['postfix']['main']['x'] = 'a'",
    'end',
    "default['postfix']['main']['y'] = 'b' if node['z']",
    "default['postfix']['main']['ok'] = 'yes' # comment",
  ].join('\n');
  assert.deepEqual(readChefAttributes(text), [
    { precedence: 'default', path: ['postfix', 'main', 'inet_interfaces'], value: 'all', line: 1 },
    { precedence: 'default', path: ['postfix', 'main', 'mynetworks'], value: ['127.0.0.0/8', '[::1]/128'], line: 2 },
    { precedence: 'override', path: ['postfix', 'main', 'smtpd_client_restrictions'], value: ['permit_mynetworks', 'reject'], line: 3 },
    { precedence: 'normal', path: ['postfix', 'main', 'myhostname'], value: UNKNOWN, line: 7 },
    { precedence: 'default', path: ['postfix', 'main', 'x'], value: UNKNOWN, line: 10 },
    { precedence: 'default', path: ['postfix', 'main', 'y'], value: UNKNOWN, line: 12 },
    { precedence: 'default', path: ['postfix', 'main', 'ok'], value: 'yes', line: 13 },
  ]);
});

const TEMPLATE = 'cookbooks/postfix/templates/default/main.cf.erb';

test('cookbookOf: the folder with metadata.rb, else the folder above templates/', () => {
  const repo = memoryRepository({ 'cookbooks/postfix/metadata.rb': "name 'postfix'\n", [TEMPLATE]: '' });
  assert.equal(cookbookOf(TEMPLATE, repo), 'cookbooks/postfix');
  assert.equal(cookbookOf('site/templates/main.cf.erb', memoryRepository({})), 'site');
});

test('precedence: attribute default < environment default < role default < override; roles that disagree are unknown', () => {
  const repo = memoryRepository({
    'cookbooks/postfix/metadata.rb': "name 'postfix'\n",
    'cookbooks/postfix/attributes/default.rb': "default['postfix']['main']['inet_interfaces'] = 'all'\ndefault['postfix']['main']['a'] = 'cookbook'\ndefault['postfix']['main']['b'] = 'cookbook'\n",
    'cookbooks/postfix/attributes/server.rb': "override['postfix']['main']['b'] = 'override'\n",
    'roles/mail.json': '{\n  "name": "mail",\n  "default_attributes": {\n    "postfix": { "main": {\n      "inet_interfaces": "loopback-only",\n      "c": "mail" } }\n  }\n}\n',
    'roles/relay.json': '{ "default_attributes": { "postfix": { "main": { "c": "relay" } } } }\n',
    'environments/prod.json': '{ "override_attributes": { "postfix": { "main": { "a": "prod" } } } }\n',
  });
  const vars = loadChefVariables(TEMPLATE, repo);
  assert.deepEqual(plain(vars.lookup('node')?.value), { postfix: { main: { inet_interfaces: 'loopback-only', a: 'prod', b: 'override', c: UNKNOWN } } });
  assert.deepEqual(vars.lookupOrigin?.("node['postfix']['main']['inet_interfaces']"), { file: 'roles/mail.json', line: 5 });
  assert.deepEqual(vars.lookupOrigin?.("node['postfix']['main']['a']"), { file: 'environments/prod.json', line: 1 });
  assert.deepEqual(vars.lookupOrigin?.("node['postfix']['main']['b']"), { file: 'cookbooks/postfix/attributes/server.rb', line: 1 });
  assert.deepEqual(vars.diagnostics, []);
});

test('--vars: a node object merges over the repository; @name variables come from it too; bad JSON is a diagnostic', () => {
  const repo = memoryRepository({
    'cookbooks/postfix/attributes/default.rb': "default['postfix']['main']['a'] = '1'\ndefault['postfix']['main']['b'] = '2'\n",
    'roles/bad.json': '{ "default_attributes": [\n',
  });
  const vars = loadChefVariables(TEMPLATE, repo, [plainScope({ node: { postfix: { main: { b: '3' } } }, '@x': 'y' }, 'vars.yml')]);
  assert.deepEqual(plain(vars.lookup('node')?.value), { postfix: { main: { a: '1', b: '3' } } });
  assert.deepEqual(vars.lookup('@x'), { value: 'y', origin: { file: 'vars.yml', line: 1 } });
  assert.equal(vars.diagnostics.length > 0, true);
  assert.equal(vars.diagnostics[0]?.file, 'roles/bad.json');
});

test('attributes a recipe sets are unknown (recipes run with data we do not have)', () => {
  const repo = memoryRepository({
    'cookbooks/postfix/attributes/default.rb': "default['postfix']['main']['a'] = '1'\n",
    'cookbooks/postfix/recipes/_attributes.rb': "if node['x']\n  node.default['postfix']['main']['smtpd_client_restrictions'] = 'reject'\nend\nnode.override['postfix']['main']['a'] = '2'\n",
  });
  const vars = loadChefVariables(TEMPLATE, repo);
  assert.deepEqual(plain(vars.lookup('node')?.value), { postfix: { main: { a: UNKNOWN, smtpd_client_restrictions: UNKNOWN } } });
  assert.deepEqual(vars.lookupOrigin?.("node['postfix']['main']['a']"), { file: 'cookbooks/postfix/recipes/_attributes.rb', line: 4 });
});

test('roles and environments in the Ruby DSL: literal hash arguments, braces optional, origin at the call', () => {
  const repo = memoryRepository({
    'cookbooks/postfix/metadata.rb': "name 'postfix'\n",
    'cookbooks/postfix/attributes/default.rb': "default['postfix']['main']['inet_interfaces'] = 'loopback-only'\n",
    'roles/relay.rb': [
      "name 'relay'",
      "run_list 'recipe[postfix]'",
      'override_attributes(',
      "  'postfix' => { 'main' => { 'inet_interfaces' => 'all', # listen everywhere",
      "    'mynetworks' => %w(10.0.0.0/8) } }",
      ')',
      "default_attributes({ 'postfix' => { 'main' => { 'x' => node_name } } })",
      '',
    ].join('\n'),
  });
  const vars = loadChefVariables(TEMPLATE, repo);
  assert.deepEqual(plain(vars.lookup('node')?.value), { postfix: { main: { inet_interfaces: 'all', mynetworks: ['10.0.0.0/8'] } } });
  assert.deepEqual(vars.lookupOrigin?.("node['postfix']['main']['inet_interfaces']"), { file: 'roles/relay.rb', line: 3 });
});

test('precedence (docs.chef.io/attribute_precedence): force_default beats role default, force_override beats environment override', () => {
  const repo = memoryRepository({
    'cookbooks/postfix/metadata.rb': "name 'postfix'\n",
    'cookbooks/postfix/attributes/default.rb': [
      "force_default['postfix']['main']['a'] = 'force_default'",
      "normal['postfix']['main']['a'] = 'normal'",
      "force_default['postfix']['main']['b'] = 'force_default'",
      "force_override['postfix']['main']['c'] = 'force_override'",
      "node.set['postfix']['main']['d'] = 'set is normal'",
      "override['postfix']['main']['d'] = 'override'",
      '',
    ].join('\n'),
    'roles/mail.json': '{ "default_attributes": { "postfix": { "main": { "a": "role", "b": "role" } } } }\n',
    'environments/prod.json': '{ "override_attributes": { "postfix": { "main": { "c": "environment" } } } }\n',
  });
  const main = (loadChefVariables(TEMPLATE, repo).lookup('node')?.value as { postfix: { main: Record<string, unknown> } }).postfix.main;
  assert.deepEqual({ ...main }, { a: 'normal', b: 'force_default', c: 'force_override', d: 'override' });
});
