import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { chefRecipes } from '../../../../src/sources/ecosystems/chef/recipe-host.js';
import { temporaryTrees } from '../../../helpers/temp-tree.js';
import { itScansShapes, type DeployShape } from '../../../helpers/scan-shapes.js';

const tree = temporaryTrees('chef-deploy');

const META = { 'cookbooks/mx/metadata.rb': "name 'mx'\n" };
const RECIPE = 'cookbooks/mx/recipes/default.rb';
const MAIN = 'cookbooks/mx/templates/default/main.cf.erb';
const MASTER_FILE = 'cookbooks/mx/files/default/master.cf';
const SMTP = 'smtp      inet  n       -       n       -       -       smtpd\n';

const SHAPES: DeployShape[] = [
  {
    name: 'a cookbook_file master.cf and a template main.cf are one server; submission passes on its own -o override',
    files: {
      ...META,
      [RECIPE]: "package 'postfix'\ncookbook_file '/etc/postfix/master.cf' do\n  source 'master.cf'\nend\ntemplate '/etc/postfix/main.cf' do\n  source 'main.cf.erb'\nend\n",
      [MASTER_FILE]: `${SMTP}submission inet n       -       n       -       -       smtpd\n  -o smtpd_client_restrictions=permit_sasl_authenticated,reject\n`,
      [MAIN]: 'myhostname = mx.example.test\ninet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, permit_sasl_authenticated\n',
    },
    findings: [['stig-postfix-relay', MAIN, 3, 29, 'definite']],
    configurations: [[MASTER_FILE, RECIPE, MAIN]],
  },
  {
    name: 'the name attribute is the destination and the source defaults to its name + .erb; variables(...) is @name',
    files: {
      ...META,
      [RECIPE]: "template '/etc/postfix/main.cf' do\n  variables(\n    :listen => 'all',\n    'restrictions' => 'permit_mynetworks',\n  )\nend\n",
      [MAIN]: 'inet_interfaces = <%= @listen %>\nsmtpd_client_restrictions = <%= @restrictions %>\n',
    },
    findings: [['stig-postfix-relay', MAIN, 2, 29, 'definite']],
    configurations: [[RECIPE, MAIN]],
  },
  {
    name: 'variables from node attributes, and a path property with a node attribute',
    files: {
      ...META,
      'cookbooks/mx/attributes/default.rb': "default['mx']['dir'] = '/etc/postfix'\ndefault['mx']['restrictions'] = %w(permit_mynetworks reject)\n",
      [RECIPE]: "template 'postfix main' do\n  path \"#{node['mx']['dir']}/main.cf\"\n  source 'main.cf.erb'\n  variables(restrictions: node['mx']['restrictions'])\nend\n",
      [MAIN]: "inet_interfaces = all\nsmtpd_client_restrictions = <%= @restrictions.join(', ') %>\n",
    },
    findings: [],
    configurations: [[RECIPE, MAIN]],
  },
  {
    name: 'a template nothing deploys is not paired with the deployed main.cf (which runs with the stock master.cf)',
    files: {
      ...META,
      [RECIPE]: "template '/etc/postfix/main.cf' do\n  source 'main.cf.erb'\nend\n",
      [MAIN]: 'inet_interfaces = all\n',
      'cookbooks/mx/templates/default/master.cf.erb': '',
    },
    findings: [['stig-postfix-relay', MAIN, 1, 1, 'definite']],
    configurations: [['cookbooks/mx/templates/default/master.cf.erb'], [RECIPE, MAIN]],
  },
  {
    name: 'a guard (only_if) makes the deployed file a maybe: its values are unknown',
    files: {
      ...META,
      [RECIPE]: "template '/etc/postfix/main.cf' do\n  source 'main.cf.erb'\n  only_if { node['mx']['manage'] }\nend\n",
      [MAIN]: 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks\n',
    },
    findings: [['stig-postfix-relay', MAIN, 2, 29, 'indeterminate']],
    configurations: [[RECIPE, MAIN]],
  },
  {
    name: "a template of another cookbook that is not in the repository: main.cf unknown, indeterminate at the resource",
    files: { ...META, [RECIPE]: "template '/etc/postfix/main.cf' do\n  source 'main.cf.erb'\n  cookbook 'postfix'\nend\n" },
    findings: [['stig-postfix-relay', RECIPE, 1, 1, 'indeterminate']],
    configurations: [[RECIPE]],
  },
];

describe('Chef recipes deploy templates and files: one server per cookbook, with the variables they pass', () => {
  itScansShapes(SHAPES, tree);

  it('link edits name the destination, the cookbook as the server, and carry the variables', () => {
    const files = { ...META, [RECIPE]: "template '/etc/postfix/main.cf' do\n  source 'main.cf.erb'\n  variables(a: 'x')\n  action :nothing\nend\n", [MAIN]: '' };
    const extraction = chefRecipes.extract({ path: RECIPE, text: files[RECIPE] }, memoryRepository(files));
    const [edit] = extraction.edits;
    assert.ok(edit !== undefined && edit.kind === 'link');
    assert.deepEqual(
      { key: edit.key, target: edit.target, source: edit.source, destination: edit.destination, maybe: edit.maybe, line: edit.span.line },
      { key: { scope: 'cookbooks/mx', directory: '/etc/postfix' }, target: 'main.cf', source: MAIN, destination: '/etc/postfix/main.cf', maybe: true, line: 1 },
    );
    assert.deepEqual(edit.templateVariables?.lookup('@a'), { value: 'x', origin: { file: RECIPE, line: 3 } });
  });
});
