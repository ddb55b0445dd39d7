import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadPuppetVariables, puppetModuleOf } from '../../../../src/sources/ecosystems/puppet/variables.js';
import { UNKNOWN } from '../../../../src/sources/contracts/values.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { plainScope } from '../../../../src/sources/contracts/variables.js';

const TEMPLATE = 'modules/postfix/templates/main.cf.epp';
const INIT = [
  'class postfix (',
  "  String $inet_interfaces = 'all',",
  "  Array[String] $restrictions = ['permit_mynetworks', 'permit'],",
  '  String $myhostname = $facts[\'networking\'][\'fqdn\'],',
  '  String $relayhost,',
  ') {',
  "  file { '/etc/postfix/main.cf':",
  "    content => epp('postfix/main.cf.epp', {",
  "      'inet_interfaces' => $inet_interfaces,",
  "      'restrictions'    => $postfix::restrictions,",
  "      'banner'          => 'ESMTP',",
  '    }),',
  '  }',
  '}',
  '',
].join('\n');

test('puppetModuleOf: the folder above templates/, named by metadata.json when present', () => {
  assert.deepEqual(puppetModuleOf(TEMPLATE, memoryRepository({})), { dir: 'modules/postfix', name: 'postfix', templateName: 'postfix/main.cf.epp' });
  const repo = memoryRepository({ 'puppet-postfix/metadata.json': '{ "name": "acme-postfix" }' });
  assert.deepEqual(puppetModuleOf('puppet-postfix/templates/sub/main.cf.epp', repo), { dir: 'puppet-postfix', name: 'postfix', templateName: 'postfix/sub/main.cf.epp' });
});

test('class parameter defaults: literal ones are known with their line, others unknown', () => {
  const vars = loadPuppetVariables(TEMPLATE, memoryRepository({ 'modules/postfix/manifests/init.pp': INIT }));
  assert.deepEqual(vars.lookup('postfix::inet_interfaces'), { value: 'all', origin: { file: 'modules/postfix/manifests/init.pp', line: 2 } });
  assert.deepEqual(vars.lookup('postfix::restrictions')?.value, ['permit_mynetworks', 'permit']);
  assert.equal(vars.lookup('postfix::myhostname')?.value, UNKNOWN);
  assert.equal(vars.lookup('postfix::relayhost')?.value, UNKNOWN);
  assert.equal(vars.lookup('postfix::nothing'), undefined);
});

test('epp() with a literal hash gives the template its short names, from the class values', () => {
  const vars = loadPuppetVariables(TEMPLATE, memoryRepository({ 'modules/postfix/manifests/init.pp': INIT }));
  assert.deepEqual(vars.lookup('inet_interfaces'), { value: 'all', origin: { file: 'modules/postfix/manifests/init.pp', line: 2 } });
  assert.deepEqual(vars.lookup('restrictions'), { value: ['permit_mynetworks', 'permit'], origin: { file: 'modules/postfix/manifests/init.pp', line: 3 } });
  assert.deepEqual(vars.lookup('banner'), { value: 'ESMTP', origin: { file: 'modules/postfix/manifests/init.pp', line: 8 } });
});

test('Hiera: module data/common.yaml over class defaults, environment data over module data; per-OS values that differ are unknown', () => {
  const repo = memoryRepository({
    'modules/postfix/manifests/init.pp': INIT,
    'modules/postfix/data/common.yaml': "---\npostfix::inet_interfaces: localhost\npostfix::restrictions:\n  - permit_mynetworks\n  - reject\n",
    'modules/postfix/data/os/Debian.yaml': "postfix::restrictions:\n  - permit\n",
    'data/common.yaml': 'postfix::inet_interfaces: loopback-only\n',
  });
  const vars = loadPuppetVariables(TEMPLATE, repo);
  assert.deepEqual(vars.lookup('postfix::inet_interfaces'), { value: 'loopback-only', origin: { file: 'data/common.yaml', line: 1 } });
  assert.deepEqual(vars.lookup('postfix::restrictions'), { value: UNKNOWN, origin: { file: 'modules/postfix/data/common.yaml', line: 3 } });
  assert.deepEqual(vars.lookup('inet_interfaces')?.value, 'loopback-only');
  const extra = loadPuppetVariables(TEMPLATE, repo, [plainScope({ 'postfix::inet_interfaces': 'all' }, 'vars.yml')]);
  assert.deepEqual(extra.lookup('postfix::inet_interfaces'), { value: 'all', origin: { file: 'vars.yml', line: 1 } });
  assert.deepEqual(vars.diagnostics, []);
});
