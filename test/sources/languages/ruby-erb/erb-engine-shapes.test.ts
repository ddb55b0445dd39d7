import { describe } from 'node:test';
import { temporaryTrees } from '../../../helpers/temp-tree.js';
import type { FindingRow as Row } from '../../../helpers/finding-rows.js';
import { itScansShapes } from '../../../helpers/scan-shapes.js';

const tree = temporaryTrees('erb-shapes');

interface Shape {
  name: string;
  files: Record<string, string>;
  findings: Row[];
}

const CHEF = 'cookbooks/mx/templates/default/main.cf.erb';
const CHEF_META = { 'cookbooks/mx/metadata.rb': "name 'mx'\n" };
const PUPPET_ERB = 'modules/mta/templates/main.cf.erb';
const PUPPET_EPP = 'modules/mta/templates/main.cf.epp';

const chefCase = (mode: string | null): Record<string, string> => ({
  ...CHEF_META,
  ...(mode === null ? {} : { 'cookbooks/mx/attributes/default.rb': `default['mx']['mode'] = '${mode}'\n` }),
  [CHEF]: [
    "<% case node['mx']['mode'] -%>",
    "<% when 'relay', 'hub' -%>",
    'inet_interfaces = all',
    'smtpd_client_restrictions = permit_mynetworks, permit',
    "<% when 'local' -%>",
    'inet_interfaces = loopback-only',
    '<% else -%>',
    'inet_interfaces = localhost',
    '<% end -%>',
    '',
  ].join('\n'),
});

const eppModule = (mode: string, template: string): Record<string, string> => ({
  'modules/mta/manifests/init.pp': `class mta (\n  String $mode = '${mode}',\n) {\n  file { '/etc/postfix/main.cf':\n    content => epp('mta/main.cf.epp', { 'mode' => $mode }),\n  }\n}\n`,
  [PUPPET_EPP]: template,
});

const EPP_CASE = [
  '<%- | String $mode | -%>',
  '<% case $mode { -%>',
  "<% 'relay', 'Hub': { -%>",
  'inet_interfaces = all',
  'smtpd_client_restrictions = permit_mynetworks',
  '<% } default: { -%>',
  'inet_interfaces = loopback-only',
  '<% } } -%>',
  '',
].join('\n');

const EPP_SELECTOR = [
  '<%- | String $mode | -%>',
  "inet_interfaces = <%= $mode ? { 'relay' => 'all', default => 'loopback-only' } %>",
  'smtpd_client_restrictions = permit_mynetworks',
  '',
].join('\n');

/**
 * config-unreadable only where Ruby's ERB (Puppet), Erubis (Chef) or
 * Puppet itself would refuse the template; what relaygate does not
 * evaluate is unknown; case/when and selectors are evaluated when the
 * control value is known.
 */
const SHAPES: Shape[] = [
  {
    name: 'a Puppet ERB loop over a class parameter whose default is [] renders nothing, which is valid',
    files: {
      'modules/mta/manifests/init.pp': "class mta (\n  Array $extra_lines = [],\n) {\n  file { '/etc/postfix/main.cf':\n    content => template('mta/main.cf.erb'),\n  }\n}\n",
      [PUPPET_ERB]: 'inet_interfaces = all\n<% @extra_lines.each do |line| -%>\n<%= line %>\n<% end -%>\nsmtpd_client_restrictions = permit_mynetworks\n',
    },
    findings: [['stig-postfix-relay', PUPPET_ERB, 5, 29, 'definite']],
  },
  {
    name: '`<% if(@myhostname) -%>` (no space before the parenthesis) is valid Ruby',
    files: {
      ...CHEF_META,
      [CHEF]: '<% if(@myhostname) -%>\nmyhostname = <%= @myhostname %>\n<% end -%>\ninet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks\n',
    },
    findings: [['stig-postfix-relay', CHEF, 5, 29, 'definite']],
  },
  { name: 'Ruby case/when on a known attribute: the matching branch (relay)', files: chefCase('hub'), findings: [['stig-postfix-relay', CHEF, 4, 29, 'definite']] },
  { name: 'Ruby case/when on a known attribute: the matching branch (local)', files: chefCase('local'), findings: [] },
  { name: 'Ruby case/when with no matching option: the else branch', files: chefCase('other'), findings: [] },
  { name: 'Ruby case/when on an attribute nobody sets: every branch may apply', files: chefCase(null), findings: [['stig-postfix-relay', CHEF, 4, 29, 'indeterminate']] },
  { name: 'Puppet case in EPP on a known parameter (case-insensitive)', files: eppModule('hub', EPP_CASE), findings: [['stig-postfix-relay', PUPPET_EPP, 5, 29, 'definite']] },
  { name: 'Puppet case in EPP: default', files: eppModule('local', EPP_CASE), findings: [] },
  { name: 'Puppet selector on a known parameter', files: eppModule('relay', EPP_SELECTOR), findings: [['stig-postfix-relay', PUPPET_EPP, 3, 29, 'definite']] },
  { name: 'Puppet selector: default', files: eppModule('local', EPP_SELECTOR), findings: [] },
  {
    name: 'an `end` without an opener: Ruby refuses it, config-unreadable at the tag',
    files: { ...CHEF_META, [CHEF]: 'inet_interfaces = loopback-only\n<% end %>\n' },
    findings: [['config-unreadable', CHEF, 2, 1, 'definite']],
  },
  {
    name: 'text between case and when: ERB (Puppet) refuses the line break `%>` leaves',
    files: {
      'modules/mta/manifests/init.pp': "class mta (\n  $mode = 'a',\n) {\n}\n",
      [PUPPET_ERB]: "inet_interfaces = loopback-only\n<% case @mode %>\n<% when 'a' %>\nmyhostname = a\n<% end %>\n",
    },
    findings: [['config-unreadable', PUPPET_ERB, 2, 1, 'definite']],
  },
  {
    name: 'the same tags in Chef: Erubis trims the tag lines, so it renders',
    files: { ...CHEF_META, [CHEF]: "inet_interfaces = loopback-only\n<% case @mode %>\n<% when 'a' %>\nmyhostname = a\n<% end %>\n" },
    findings: [],
  },
  {
    name: 'a block relaygate does not evaluate (while) is unknown, not unreadable',
    files: { ...CHEF_META, [CHEF]: 'inet_interfaces = all\n<% while @more -%>\nsmtpd_client_restrictions = reject\n<% end -%>\n' },
    findings: [['stig-postfix-relay', CHEF, 3, 29, 'indeterminate']],
  },
];

describe('ERB and EPP as their engines read them', () => {
  itScansShapes(SHAPES, tree);
});
