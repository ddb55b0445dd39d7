/**
 * The shapes of the two most used Puppet Postfix modules (camptocamp's and
 * voxpupuli's), reconstructed small: a module repository whose main.cf seed
 * is `source => "puppet:///modules/${module_name}/main.cf"` written with
 * `replace => false`, and master.cf templates kept one per system
 * (`master.cf.debian.erb`, `master.cf.default.erb`) chosen by template().
 * Every rule runs: exact rule, file, line, column, certainty, and the files
 * of each configuration.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { temporaryTrees } from '../helpers/temp-tree.js';
import { itScansShapes, type DeployShape } from '../helpers/scan-shapes.js';

const tree = temporaryTrees('puppet-module');

const METADATA = { 'metadata.json': '{"name":"acme-postfix","version":"1.0.0"}\n' };
const INIT = 'manifests/init.pp';
const SEED = 'files/main.cf';
const DEBIAN = 'templates/master.cf.debian.erb';
const MAIN_OPEN = 'compatibility_level = 3.6\ninet_interfaces = all\nsmtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\nsmtpd_client_restrictions = permit_mynetworks\n';

/** class postfix: master.cf from `master`, main.cf from `source` (with `replace`, when given). */
function init(parameters: string, master: string, source: string, replace = ''): string {
  return (
    `class postfix (\n${parameters}) {\n` +
    `  file { '/etc/postfix/master.cf':\n    ensure  => file,\n    content => template('${master}'),\n  }\n` +
    `  file { '/etc/postfix/main.cf':\n    ensure  => file,\n${replace}    source  => ${source},\n  }\n}\n`
  );
}

const FILES = 'manifests/files.pp';
const DATA_FREEBSD = 'data/os/FreeBSD.yaml';

/**
 * class postfix::files as both modules write it: class-local copies of
 * class postfix's parameters (`assignments`), then main.cf deployed from the
 * copy into `${postfix::confdir}` with `replace => false`.
 */
function files(assignments: string, source = '$maincf_source', replace = '    replace => false,\n'): string {
  return (
    `class postfix::files {\n  assert_private()\n\n${assignments}\n` +
    `  file { "\${postfix::confdir}/main.cf":\n    ensure  => 'file',\n    mode    => '0644',\n${replace}    source  => ${source},\n  }\n}\n`
  );
}

/** class postfix: the parameters files.pp copies, and master.cf from the per-system template. */
const MODULE_INIT =
  "class postfix (\n  String $confdir = '/etc/postfix',\n  String $smtp_listen = '127.0.0.1',\n  String $maincf_source = \"puppet:///modules/${module_name}/main.cf\",\n) {\n" +
  "  contain postfix::files\n  file { \"${confdir}/master.cf\":\n    ensure  => file,\n    content => template('postfix/master.cf.debian.erb'),\n  }\n}\n";
const LISTEN_MASTER = '<%= @smtp_listen %>:smtp      inet  n       -       n       -       -       smtpd\npickup    unix  n       -       n       60      1       pickup\n';
const OPEN_MASTER = 'smtp      inet  n       -       n       -       -       smtpd\n';

const SHAPES: DeployShape[] = [
  {
    name: '${module_name} in a class parameter default is the module metadata.json names (acme-postfix -> postfix): the seed is deployed',
    files: {
      ...METADATA,
      [INIT]: init("  String $maincf_source = \"puppet:///modules/${module_name}/main.cf\",\n", 'postfix/master.cf.debian.erb', '$maincf_source'),
      [SEED]: MAIN_OPEN,
      [DEBIAN]: 'smtp      inet  n       -       n       -       -       smtpd\n',
    },
    findings: [['stig-postfix-relay', SEED, 4, 29, 'definite']],
    configurations: [[SEED, INIT, DEBIAN]],
  },
  {
    name: '$module_name in a source string is the module folder under modules/ (no metadata.json)',
    files: {
      'modules/postfix/manifests/init.pp': init('', 'postfix/master.cf.debian.erb', '"puppet:///modules/$module_name/main.cf"'),
      'modules/postfix/files/main.cf': MAIN_OPEN,
      'modules/postfix/templates/master.cf.debian.erb': 'smtp      inet  n       -       n       -       -       smtpd\n',
    },
    findings: [['stig-postfix-relay', 'modules/postfix/files/main.cf', 4, 29, 'definite']],
    configurations: [['modules/postfix/files/main.cf', 'modules/postfix/manifests/init.pp', 'modules/postfix/templates/master.cf.debian.erb']],
  },
  {
    name: 'replace => false seeds a comment-only main.cf and master.cf listens on 127.0.0.1 (the modules\' default): no finding',
    files: {
      ...METADATA,
      [INIT]: init("  String $smtp_listen = '127.0.0.1',\n  String $maincf_source = \"puppet:///modules/${module_name}/main.cf\",\n", 'postfix/master.cf.debian.erb', '$maincf_source', '    replace => false,\n'),
      [SEED]: '# file managed by puppet\n',
      [DEBIAN]: '<%= @smtp_listen %>:smtp      inet  n       -       n       -       -       smtpd\npickup    unix  n       -       n       60      1       pickup\n',
    },
    findings: [],
    configurations: [[SEED, INIT, DEBIAN]],
  },
  {
    name: 'replace => false over an smtpd on every address: the seed may not be what runs, so nothing definite comes from it',
    files: {
      ...METADATA,
      [INIT]: init('', 'postfix/master.cf.debian.erb', "'puppet:///modules/postfix/main.cf'", '    replace => false,\n'),
      [SEED]: '# file managed by puppet\n',
      [DEBIAN]: 'smtp      inet  n       -       n       -       -       smtpd\n',
    },
    findings: [
      ['postfix-open-relay', INIT, 1, 1, 'indeterminate'],
      ['stig-postfix-relay', INIT, 1, 1, 'indeterminate'],
    ],
    configurations: [[SEED, INIT, DEBIAN]],
  },
  {
    name: 'template() of master.cf.debian.erb is rendered as ERB: <% if %> lines are tags, not services',
    files: {
      ...METADATA,
      [INIT]: init("  Boolean $x = true,\n", 'postfix/master.cf.debian.erb', "'puppet:///modules/postfix/main.cf'"),
      [SEED]: MAIN_OPEN,
      [DEBIAN]: '<% if @x -%>\nsmtp      inet  n       -       n       -       -       smtpd\n<% end -%>\n',
    },
    findings: [['stig-postfix-relay', SEED, 4, 29, 'definite']],
    configurations: [[SEED, INIT, DEBIAN]],
  },
  {
    name: 'an ERB -o value in master.cf.debian.erb comes from the class parameter',
    files: {
      ...METADATA,
      [INIT]: init("  String $r = 'permit',\n", 'postfix/master.cf.debian.erb', "'puppet:///modules/postfix/main.cf'"),
      [SEED]: MAIN_OPEN,
      [DEBIAN]: 'smtp      inet  n       -       n       -       -       smtpd\n  -o smtpd_client_restrictions=<%= @r %>\n',
    },
    findings: [['stig-postfix-relay', DEBIAN, 2, 3, 'definite']],
    configurations: [[SEED, INIT, DEBIAN]],
  },
  {
    name: 'a template() name that renders no mail file by its own name (postfix_master.erb) is ERB all the same',
    files: {
      ...METADATA,
      [INIT]: init("  Boolean $x = true,\n", 'postfix/postfix_master.erb', "'puppet:///modules/postfix/main.cf'"),
      [SEED]: MAIN_OPEN,
      'templates/postfix_master.erb': '<% if @x -%>\nsmtp      inet  n       -       n       -       -       smtpd\n<% end -%>\n',
    },
    findings: [['stig-postfix-relay', SEED, 4, 29, 'definite']],
    configurations: [[SEED, INIT, 'templates/postfix_master.erb']],
  },
  {
    name: "master.cf.default.erb in templates/ is the module's template, not Postfix's list of defaults: deployed and rendered",
    files: {
      ...METADATA,
      [INIT]: init("  String $smtp_listen = '0.0.0.0',\n", 'postfix/master.cf.default.erb', "'puppet:///modules/postfix/main.cf'"),
      [SEED]: MAIN_OPEN,
      'templates/master.cf.default.erb': '<%= @smtp_listen %>:smtp      inet  n       -       n       -       -       smtpd\n',
    },
    findings: [['stig-postfix-relay', SEED, 4, 29, 'definite']],
    configurations: [[SEED, INIT, 'templates/master.cf.default.erb']],
  },
  {
    name: 'master.cf.<os>.erb templates nothing deploys are judged alone (over an unknown main.cf), never skipped in silence',
    files: {
      ...METADATA,
      [DEBIAN]: 'smtp      inet  n       -       n       -       -       smtpd\n  -o smtpd_client_restrictions=permit\n',
      'templates/master.cf.default.erb': 'smtp      inet  n       -       n       -       -       smtpd\n  -o smtpd_client_restrictions=permit\n',
    },
    findings: [
      ['postfix-open-relay', DEBIAN, 1, 1, 'indeterminate'],
      ['stig-postfix-relay', DEBIAN, 2, 3, 'indeterminate'],
      ['postfix-open-relay', 'templates/master.cf.default.erb', 1, 1, 'indeterminate'],
      ['stig-postfix-relay', 'templates/master.cf.default.erb', 2, 3, 'indeterminate'],
    ],
    configurations: [[DEBIAN], ['templates/master.cf.default.erb']],
  },
  {
    name: "class-local copies (`$maincf_source = $postfix::maincf_source`) feed the deploy's source; confdir set per system in Hiera: the comment-only seed is linked, nothing is found",
    files: {
      ...METADATA,
      [INIT]: MODULE_INIT,
      [FILES]: files(
        '  $inet_interfaces  = $postfix::inet_interfaces\n  $maincf_source    = $postfix::maincf_source\n  $smtp_listen      = $postfix::smtp_listen\n  $jail = $chroot ? {\n    true    => \'y\',\n    default => \'n\',\n  }\n',
      ),
      [DATA_FREEBSD]: "---\npostfix::confdir: '/usr/local/etc/postfix'\n",
      [SEED]: '# file managed by puppet\n',
      [DEBIAN]: LISTEN_MASTER,
    },
    findings: [],
    configurations: [[SEED, FILES, INIT, DEBIAN]],
  },
  {
    name: "a top-scope qualified reference (`$::postfix::maincf_source`) to another class's parameter, replace left true: the open seed is what runs",
    files: {
      ...METADATA,
      [INIT]: MODULE_INIT,
      [FILES]: files('  $src = $::postfix::maincf_source\n', '$src', ''),
      [SEED]: MAIN_OPEN,
      [DEBIAN]: OPEN_MASTER,
    },
    findings: [['stig-postfix-relay', SEED, 4, 29, 'definite']],
    configurations: [[SEED, FILES, INIT, DEBIAN]],
  },
  {
    name: "a reference to another class's own variable (`$postfix::params::src`, assigned in its body) is that variable's value",
    files: {
      ...METADATA,
      [INIT]: MODULE_INIT,
      'manifests/params.pp': 'class postfix::params {\n  $dir = "puppet:///modules/${module_name}"\n  $src = "${dir}/main.cf"\n}\n',
      [FILES]: files('  $src = $postfix::params::src\n', '$src', ''),
      [SEED]: MAIN_OPEN,
      [DEBIAN]: OPEN_MASTER,
    },
    findings: [['stig-postfix-relay', SEED, 4, 29, 'definite']],
    configurations: [[SEED, FILES, INIT, DEBIAN]],
  },
  {
    name: 'an assignment inside an if on a fact relaygate does not have leaves the variable unknown: the source is unknown, the seed is not taken as the deployed main.cf',
    files: {
      ...METADATA,
      [INIT]: MODULE_INIT,
      [FILES]: files("  if $facts['os']['family'] == 'Debian' {\n    $src = $postfix::maincf_source\n  }\n", '$src', ''),
      [SEED]: MAIN_OPEN,
      [DEBIAN]: OPEN_MASTER,
    },
    findings: [
      ['stig-postfix-relay', SEED, 4, 29, 'definite'],
      ['postfix-broad-mynetworks', FILES, 8, 3, 'indeterminate'],
      ['postfix-open-relay', FILES, 8, 3, 'indeterminate'],
      ['stig-postfix-relay', FILES, 8, 3, 'indeterminate'],
    ],
    configurations: [[SEED], [FILES, INIT, DEBIAN]],
  },
  {
    name: 'a variable assigned after the resource is not set yet where the resource is declared (Puppet evaluates a body in order)',
    files: {
      ...METADATA,
      [INIT]: MODULE_INIT,
      [FILES]: files('', '$src', '').replace('\n}\n', "\n  $src = $postfix::maincf_source\n}\n"),
      [SEED]: MAIN_OPEN,
      [DEBIAN]: OPEN_MASTER,
    },
    findings: [
      ['stig-postfix-relay', SEED, 4, 29, 'definite'],
      ['postfix-broad-mynetworks', FILES, 5, 3, 'indeterminate'],
      ['postfix-open-relay', FILES, 5, 3, 'indeterminate'],
      ['stig-postfix-relay', FILES, 5, 3, 'indeterminate'],
    ],
    configurations: [[SEED], [FILES, INIT, DEBIAN]],
  },
];

describe('Puppet Postfix modules: $module_name sources, replace => false seeds, per-system master.cf templates', () => {
  itScansShapes(SHAPES, tree, {
    allRules: true,
    also: (result) => assert.deepEqual(result.notes.filter((n) => n.includes('not judged')), []),
  });
});
