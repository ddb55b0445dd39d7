import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../src/config/options.js';
import { scan, type ScanResult } from '../src/scan.js';
import { temporaryTrees } from './helpers/temp-tree.js';
import { findingRows } from './helpers/finding-rows.js';

const tree = temporaryTrees('exim-templates');

function configs(result: ScanResult): unknown[] {
  return result.configurations.map((c) => [c.mta, c.form, c.files.join(',')]);
}

const SMTPD_J2 = [
  'listen on {{ listen_if }}',
  'action "relay" relay',
  '{% if open_relay %}',
  'match from any for any action "relay"',
  '{% endif %}',
  'match from local for any action "relay"',
  '',
].join('\n');

const EXIM_J2 = [
  'primary_hostname = mail.example',
  'local_interfaces = {{ exim_listen }}',
  'domainlist local_domains = @',
  'hostlist relay_from_hosts = {{ relay_hosts }}',
  'acl_smtp_rcpt = acl_check_rcpt',
  'begin acl',
  'acl_check_rcpt:',
  '  accept hosts = +relay_from_hosts',
  '{% if allow_all %}',
  '  accept',
  '{% endif %}',
  '  require domains = +local_domains',
  '  accept',
  '',
].join('\n');

describe('scan(): Exim and OpenSMTPD templates are rendered with their variables and judged', () => {
  it('an Ansible role smtpd.conf.j2: role defaults decide, a branch on an unknown variable is indeterminate', async () => {
    const unknown = await scan(defaultOptions(tree({ 'roles/mail/templates/smtpd.conf.j2': SMTPD_J2, 'roles/mail/defaults/main.yml': 'listen_if: 0.0.0.0\n' })));
    assert.deepEqual(findingRows(unknown.findings), [['opensmtpd-open-relay', 'roles/mail/templates/smtpd.conf.j2', 4, 1, 'indeterminate']]);
    assert.deepEqual(configs(unknown), [['opensmtpd', 'jinja2', 'roles/mail/templates/smtpd.conf.j2']]);
    assert.ok(unknown.configurations[0]?.inputs?.includes('roles/mail/defaults/main.yml'));

    const open = await scan(defaultOptions(tree({ 'roles/mail/templates/smtpd.conf.j2': SMTPD_J2, 'roles/mail/defaults/main.yml': 'listen_if: 0.0.0.0\nopen_relay: true\n' })));
    assert.deepEqual(findingRows(open.findings), [['opensmtpd-open-relay', 'roles/mail/templates/smtpd.conf.j2', 4, 7, 'definite']]);

    const closed = await scan(defaultOptions(tree({ 'roles/mail/templates/smtpd.conf.j2': SMTPD_J2, 'roles/mail/defaults/main.yml': 'listen_if: 0.0.0.0\nopen_relay: false\n' })));
    assert.deepEqual(findingRows(closed.findings), []);
    assert.equal(closed.configurations.length, 1);
  });

  it('a listener address from an unknown variable never passes', async () => {
    const result = await scan(defaultOptions(tree({ 'roles/mail/templates/smtpd.conf.j2': SMTPD_J2, 'roles/mail/defaults/main.yml': 'open_relay: true\n' })));
    assert.deepEqual(findingRows(result.findings), [['opensmtpd-open-relay', 'roles/mail/templates/smtpd.conf.j2', 4, 7, 'indeterminate']]);
  });

  it('an Exim exim.conf.j2: an ACL statement under an unknown branch makes the verdict indeterminate; known values decide', async () => {
    const defaults = 'exim_listen: 0.0.0.0\nrelay_hosts: 127.0.0.1\n';
    const unknown = await scan(defaultOptions(tree({ 'roles/exim/templates/exim.conf.j2': EXIM_J2, 'roles/exim/defaults/main.yml': defaults })));
    assert.deepEqual(findingRows(unknown.findings), [['exim-open-relay', 'roles/exim/templates/exim.conf.j2', 10, 3, 'indeterminate']]);
    assert.deepEqual(configs(unknown), [['exim', 'jinja2', 'roles/exim/templates/exim.conf.j2']]);

    const closed = await scan(defaultOptions(tree({ 'roles/exim/templates/exim.conf.j2': EXIM_J2, 'roles/exim/defaults/main.yml': `${defaults}allow_all: false\n` })));
    assert.deepEqual(findingRows(closed.findings), []);

    const open = await scan(defaultOptions(tree({ 'roles/exim/templates/exim.conf.j2': EXIM_J2, 'roles/exim/defaults/main.yml': 'exim_listen: 0.0.0.0\nrelay_hosts: 0.0.0.0/0\nallow_all: false\n' })));
    assert.deepEqual(findingRows(open.findings), [['exim-open-relay', 'roles/exim/templates/exim.conf.j2', 4, 29, 'definite']]);
  });

  it("a template of Debian's settings file (update-exim4.conf.j2) is read as update-exim4.conf.conf", async () => {
    const root = tree({
      'templates/update-exim4.conf.j2': "dc_eximconfig_configtype='internet'\ndc_local_interfaces='{{ exim4_dc_local_interfaces }}'\ndc_relay_nets='{{ exim4_dc_relay_nets }}'\n",
      'defaults/main.yml': "exim4_dc_local_interfaces: ''\nexim4_dc_relay_nets: 0.0.0.0/0\n",
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [['exim-open-relay', 'templates/update-exim4.conf.j2', 3, 16, 'definite']]);
    assert.deepEqual(configs(result), [['exim', 'jinja2', 'templates/update-exim4.conf.j2']]);
    assert.ok(result.configurations[0]?.inputs?.includes('defaults/main.yml'));
  });

  it('exim4.conf.template.j2 pairs with update-exim4.conf.conf as the template Debian builds from', async () => {
    const template = [
      'UPEX4CmacrosUPEX4C = 1',
      'domainlist local_domains = MAIN_LOCAL_DOMAINS',
      'hostlist relay_from_hosts = {{ extra_relay }} : MAIN_RELAY_NETS',
      'acl_smtp_rcpt = acl_check_rcpt',
      'begin acl',
      'acl_check_rcpt:',
      '  accept hosts = +relay_from_hosts',
      '  require domains = +local_domains',
      '  accept',
      '',
    ].join('\n');
    const root = tree({
      'etc/exim4/exim4.conf.template.j2': template,
      'etc/exim4/update-exim4.conf.conf': "dc_eximconfig_configtype='internet'\ndc_local_interfaces=''\ndc_relay_nets='10.0.0.0/8'\n",
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(configs(result), [['exim', 'jinja2', 'etc/exim4/update-exim4.conf.conf,etc/exim4/exim4.conf.template.j2']]);
    assert.deepEqual(findingRows(result.findings), [['exim-open-relay', 'etc/exim4/exim4.conf.template.j2', 3, 29, 'indeterminate']]);
  });

  it('Chef ERB and Puppet EPP templates take their cookbook attributes and class parameters', async () => {
    const chef = await scan(
      defaultOptions(
        tree({
          'cookbooks/smtpd/templates/default/smtpd.conf.erb': 'listen on <%= node["smtpd"]["listen"] %>\naction "relay" relay\nmatch from <%= node["smtpd"]["from"] %> for any action "relay"\n',
          'cookbooks/smtpd/attributes/default.rb': "default['smtpd']['listen'] = '0.0.0.0'\ndefault['smtpd']['from'] = 'any'\n",
          'cookbooks/smtpd/metadata.rb': "name 'smtpd'\n",
        }),
      ),
    );
    assert.deepEqual(findingRows(chef.findings), [['opensmtpd-open-relay', 'cookbooks/smtpd/templates/default/smtpd.conf.erb', 3, 7, 'definite']]);
    const puppet = await scan(
      defaultOptions(
        tree({
          'modules/exim/templates/exim.conf.epp': '<%- | $relay_nets | -%>\nhostlist relay_from_hosts = <%= $relay_nets %>\nacl_smtp_rcpt = acl_check_rcpt\nbegin acl\nacl_check_rcpt:\n  accept hosts = +relay_from_hosts\n',
          'modules/exim/manifests/init.pp': "class exim (\n  String $relay_nets = '0.0.0.0/0',\n) {\n  file { '/etc/exim/exim.conf':\n    content => epp('exim/exim.conf.epp', { 'relay_nets' => $relay_nets }),\n  }\n}\n",
        }),
      ),
    );
    assert.deepEqual(findingRows(puppet.findings), [['exim-open-relay', 'modules/exim/templates/exim.conf.epp', 2, 29, 'definite']]);
  });

  it("a Salt formula's plain-named smtpd.conf and smtpd.jinja.conf are rendered; a pillar value is the minion's, unknown", async () => {
    const text = 'listen on {{ salt["pillar.get"]("smtpd:listen", "0.0.0.0") }}\naction "relay" relay\nmatch from any for any action "relay"\n';
    const root = tree({
      'opensmtpd/files/smtpd.conf': text,
      'opensmtpd/defaults.yaml': 'opensmtpd: {}\n',
      'srv/salt/smtpd/smtpd.jinja.conf': 'listen on {{ "0.0.0.0" }}\naction "relay" relay\nmatch from any for any action "relay"\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [
      ['opensmtpd-open-relay', 'opensmtpd/files/smtpd.conf', 3, 7, 'indeterminate'],
      ['opensmtpd-open-relay', 'srv/salt/smtpd/smtpd.jinja.conf', 3, 7, 'definite'],
    ]);
    assert.deepEqual(configs(result), [
      ['opensmtpd', 'jinja2', 'opensmtpd/files/smtpd.conf'],
      ['opensmtpd', 'jinja2', 'srv/salt/smtpd/smtpd.jinja.conf'],
    ]);
  });

  it("Go templates (smtpd.conf.tmpl) render; a Cyrus SASL smtpd.conf.j2 is not OpenSMTPD's; Exim's own {{ }} is not Jinja", async () => {
    const root = tree({
      'docker/smtpd.conf.tmpl': 'listen on {{ .Listen }}\naction "relay" relay\nmatch from any for any action "relay"\n',
      'roles/postfix/templates/smtpd.conf.j2': 'pwcheck_method: {{ sasl_method }}\nmech_list: PLAIN LOGIN\n',
      'debian/exim4.conf.template': 'hostlist relay_from_hosts = 0.0.0.0/0\nacl_smtp_rcpt = acl_check_rcpt\nbegin acl\nacl_check_rcpt:\n  accept hosts = +relay_from_hosts\n    condition = ${if eq{{$sender_host_address}}{}{yes}{no}}\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [
      ['exim-open-relay', 'debian/exim4.conf.template', 1, 29, 'indeterminate'],
      ['opensmtpd-open-relay', 'docker/smtpd.conf.tmpl', 3, 7, 'indeterminate'],
    ]);
    assert.deepEqual(configs(result), [
      ['exim', 'plain', 'debian/exim4.conf.template'],
      ['opensmtpd', 'go-template', 'docker/smtpd.conf.tmpl'],
    ]);
  });
});
