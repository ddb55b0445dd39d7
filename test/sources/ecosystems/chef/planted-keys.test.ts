import assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { defaultOptions } from '../../../../src/config/options.js';
import { scan } from '../../../../src/scan.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { loadChefVariables } from '../../../../src/sources/ecosystems/chef/variables.js';
import { loadPuppetVariables } from '../../../../src/sources/ecosystems/puppet/variables.js';
import { renderErb } from '../../../../src/sources/languages/ruby-erb/index.js';
import { renderEpp } from '../../../../src/sources/languages/puppet-epp/index.js';
import { temporaryTrees } from '../../../helpers/temp-tree.js';
import { withoutRelayRules } from '../../../helpers/relay-rules-off.js';
import { findingRows } from '../../../helpers/finding-rows.js';

const tree = temporaryTrees('planted');
const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples');

const PLANTED = ['__proto__', 'constructor', 'prototype'];

/** Chef and Puppet variables files that plant every dangerous key, at every depth. */
const CHEF_FILES: Record<string, string> = {
  'cookbooks/mx/metadata.rb': "name 'mx'\n",
  'cookbooks/mx/attributes/default.rb': PLANTED.map((k) => `default['${k}']['overlay']['touched'] = []\ndefault['mx']['${k}']['overlay'] = 'data'\n`).join(''),
  'cookbooks/mx/recipes/default.rb': "node.default['__proto__']['overlay'] = 'recipe'\ntemplate '/etc/postfix/main.cf' do\n  source 'main.cf.erb'\nend\n",
  'cookbooks/mx/templates/default/main.cf.erb': "myhostname = <%= node['mx']['__proto__']['overlay'] %>\ninet_interfaces = loopback-only\n",
  'roles/mail.json': '{ "default_attributes": { "__proto__": { "overlay": { "touched": [] } }, "constructor": { "prototype": { "overlay": 1 } } } }\n',
  'roles/relay.rb': "override_attributes('__proto__' => { 'overlay' => { 'touched' => [] } }, 'prototype' => { 'x' => 1 })\n",
  'environments/prod.json': '{ "override_attributes": { "__proto__": { "polluted": true } } }\n',
};

const PUPPET_FILES: Record<string, string> = {
  'modules/mta/manifests/init.pp': "class mta (\n  Hash $settings = { '__proto__' => { 'overlay' => 'x' }, 'constructor' => 'c' },\n) {\n  file { '/etc/postfix/main.cf':\n    content => epp('mta/main.cf.epp', { '__proto__' => { 'overlay' => 'y' }, 'prototype' => 'p' }),\n  }\n}\n",
  'modules/mta/data/common.yaml': "mta::settings:\n  __proto__:\n    overlay: z\n",
  'modules/mta/templates/main.cf.epp': "myhostname = <%= $mta::settings['__proto__']['overlay'] %>\ninet_interfaces = loopback-only\n",
};

function assertPrototypeClean(): void {
  const probe: Record<string, unknown> = {};
  for (const key of ['overlay', 'touched', 'polluted', 'x']) assert.equal(probe[key], undefined, `Object.prototype.${key} was set`);
  assert.equal(Object.getPrototypeOf(probe), Object.prototype);
}

async function findings(root: string): Promise<unknown[]> {
  return findingRows((await scan(withoutRelayRules(defaultOptions(root)))).findings);
}

describe('planted __proto__, constructor and prototype keys are plain data', () => {
  it('Chef attributes files, recipes, roles (JSON and Ruby DSL) and environments', () => {
    const repo = memoryRepository(CHEF_FILES);
    const vars = loadChefVariables('cookbooks/mx/templates/default/main.cf.erb', repo, []);
    assertPrototypeClean();
    const rendered = renderErb('cookbooks/mx/templates/default/main.cf.erb', CHEF_FILES['cookbooks/mx/templates/default/main.cf.erb'] as string, vars);
    assert.equal(rendered.fragment.text, 'myhostname = data\ninet_interfaces = loopback-only\n');
    const node = vars.lookup('node')?.value as Record<string, unknown>;
    assert.deepEqual(Object.keys(node).sort(), ['__proto__', 'constructor', 'mx', 'prototype']);
    assertPrototypeClean();
  });

  it('Puppet class defaults, Hiera data and epp() hashes', () => {
    const repo = memoryRepository(PUPPET_FILES);
    const vars = loadPuppetVariables('modules/mta/templates/main.cf.epp', repo, []);
    const rendered = renderEpp('modules/mta/templates/main.cf.epp', PUPPET_FILES['modules/mta/templates/main.cf.epp'] as string, vars);
    assert.equal(rendered.fragment.text, 'myhostname = z\ninet_interfaces = loopback-only\n');
    assertPrototypeClean();
  });

  it("the examples' verdicts are unchanged beside a planted cookbook and module", async () => {
    const clean = tree({});
    cpSync(EXAMPLES, clean, { recursive: true });
    const expected = await findings(clean);
    assert.equal(expected.length, 8);
    const planted = tree({});
    cpSync(EXAMPLES, planted, { recursive: true });
    for (const [rel, text] of Object.entries({ ...CHEF_FILES, ...PUPPET_FILES })) {
      const full = path.join(planted, 'planted', rel);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    assert.deepEqual(await findings(planted), expected);
    assertPrototypeClean();
  });
});
