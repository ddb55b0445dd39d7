import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { puppetManifests } from '../../../../src/sources/ecosystems/puppet/manifest-host.js';
import { temporaryTrees } from '../../../helpers/temp-tree.js';
import { itScansShapes, type DeployShape } from '../../../helpers/scan-shapes.js';

const tree = temporaryTrees('puppet-deploy');

const INIT = 'modules/mta/manifests/init.pp';
const MAIN_ERB = 'modules/mta/templates/main.cf.erb';
const MAIN_EPP = 'modules/mta/templates/main.cf.epp';
const MASTER = 'modules/mta/files/master.cf';
const SMTP = 'smtp      inet  n       -       n       -       -       smtpd\n';

const klass = (parameters: string, body: string) => `class mta (\n${parameters}) {\n${body}}\n`;

const SHAPES: DeployShape[] = [
  {
    name: "file content => template() and source => 'puppet:///modules/...' deployed by one module are one server",
    files: {
      [INIT]: klass(
        "  String $restrictions = 'permit_mynetworks',\n",
        "  file { '/etc/postfix/main.cf':\n    content => template('mta/main.cf.erb'),\n  }\n  file { '/etc/postfix/master.cf':\n    source => 'puppet:///modules/mta/master.cf',\n  }\n",
      ),
      [MAIN_ERB]: 'inet_interfaces = all\nsmtpd_client_restrictions = <%= @restrictions %>\n',
      [MASTER]: SMTP,
    },
    findings: [['stig-postfix-relay', MAIN_ERB, 2, 29, 'definite']],
    configurations: [[INIT, MAIN_ERB, MASTER]],
  },
  {
    name: 'epp() with a literal hash: the template gets the class values it passes',
    files: {
      [INIT]: klass(
        "  Array $restrictions = ['permit_mynetworks', 'reject'],\n",
        "  file { 'main.cf':\n    path    => '/etc/postfix/main.cf',\n    content => epp('mta/main.cf.epp', { 'listen' => 'all', 'restrictions' => $restrictions }),\n  }\n",
      ),
      [MAIN_EPP]: "<%- | String $listen, Array $restrictions | -%>\ninet_interfaces = <%= $listen %>\nsmtpd_client_restrictions = <%= $restrictions.join(', ') %>\n",
    },
    findings: [],
    configurations: [[INIT, MAIN_EPP]],
  },
  {
    name: 'template($t) with a computed name: main.cf unknown, indeterminate at the resource (not silence)',
    files: {
      [INIT]: klass('', "  $t = \"mta/${facts['os']['family']}.erb\"\n  file { '/etc/postfix/main.cf':\n    content => template($t),\n  }\n"),
    },
    findings: [['stig-postfix-relay', INIT, 4, 3, 'indeterminate']],
    configurations: [[INIT]],
  },
  {
    name: 'a file declared only under an if is a maybe: its values are unknown',
    files: {
      [INIT]: klass("  Boolean $manage = false,\n", "  if $manage {\n    file { '/etc/postfix/main.cf':\n      content => template('mta/main.cf.erb'),\n    }\n  }\n"),
      [MAIN_ERB]: 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks\n',
    },
    findings: [['stig-postfix-relay', MAIN_ERB, 2, 29, 'indeterminate']],
    configurations: [[INIT, MAIN_ERB]],
  },
  {
    name: 'literal file content is the main.cf, mapped to the manifest',
    files: { [INIT]: klass('', "  file { '/etc/postfix/main.cf':\n    content => \"inet_interfaces = all\\nsmtpd_client_restrictions = permit_mynetworks\\n\",\n  }\n") },
    findings: [['stig-postfix-relay', INIT, 4, 68, 'definite']],
    configurations: [[INIT]],
  },
  {
    name: "a module's one-parameter types (postfix::config) are edits, with the value's position",
    files: {
      [INIT]: klass(
        '',
        "  postfix::config { 'inet_interfaces': value => 'all' }\n  postfix::config { 'smtpd_client_restrictions':\n    value => 'permit_mynetworks',\n  }\n",
      ),
    },
    findings: [['stig-postfix-relay', INIT, 5, 14, 'definite']],
    configurations: [[INIT]],
  },
  {
    name: 'a module that defines its own postfix::config (a path title, no value) is read through its own code, not as a parameter',
    files: {
      [INIT]: klass('', "  postfix::config { '/etc/postfix/main.cf':\n    options => $options,\n  }\n"),
      'modules/mta/manifests/config.pp': 'define postfix::config (\n  $options = undef,\n) {\n}\n',
    },
    findings: [],
    configurations: [],
  },
  {
    name: 'augeas with the Postfix_Main lens: set and rm changes are edits',
    files: {
      [INIT]: klass(
        '',
        "  augeas { 'postfix main':\n    lens    => 'Postfix_Main.lns',\n    incl    => '/etc/postfix/main.cf',\n    changes => ['set inet_interfaces all', 'set smtpd_client_restrictions permit_mynetworks'],\n  }\n",
      ),
    },
    findings: [['stig-postfix-relay', INIT, 6, 75, 'definite']],
    configurations: [[INIT]],
  },
  {
    name: 'concat fragments build one sendmail.mc, in order',
    files: {
      [INIT]: klass(
        '',
        [
          "  concat { 'sendmail.mc':",
          "    path => '/etc/mail/sendmail.mc',",
          '  }',
          "  concat::fragment { 'relay':",
          "    target  => 'sendmail.mc',",
          "    order   => '10',",
          '    content => "FEATURE(`promiscuous_relay\')dnl\\nMAILER(`smtp\')dnl\\n",',
          '  }',
          "  concat::fragment { 'head':",
          "    target  => 'sendmail.mc',",
          "    order   => '00',",
          '    content => "include(`/usr/share/sendmail/cf/m4/cf.m4\')dnl\\nOSTYPE(`linux\')dnl\\n",',
          '  }',
          '',
        ].join('\n'),
      ),
    },
    findings: [['stig-sendmail-relay', INIT, 9, 17, 'definite']],
    configurations: [[INIT]],
  },
];

describe('Puppet manifests deploy and edit mail files: one server per module, with the variables they pass', () => {
  itScansShapes(SHAPES, tree);

  it("epp() link edits carry the hash's values under the template's parameter names", () => {
    const files = {
      [INIT]: klass("  $bind = 'loopback-only',\n", "  file { '/etc/postfix/main.cf':\n    content => epp('mta/main.cf.epp', { 'listen' => $bind }),\n  }\n"),
      [MAIN_EPP]: '',
    };
    const extraction = puppetManifests.extract({ path: INIT, text: files[INIT] }, memoryRepository(files));
    const [edit] = extraction.edits;
    assert.ok(edit !== undefined && edit.kind === 'link');
    assert.deepEqual({ key: edit.key, source: edit.source, destination: edit.destination }, { key: { scope: 'modules/mta', directory: '/etc/postfix' }, source: MAIN_EPP, destination: '/etc/postfix/main.cf' });
    assert.equal(edit.templateVariables?.lookup('listen')?.value, 'loopback-only');
  });
});
