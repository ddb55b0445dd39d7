import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../src/config/options.js';
import { scan, type ScanResult } from '../src/scan.js';
import { temporaryTrees } from './helpers/temp-tree.js';
import { findingRows } from './helpers/finding-rows.js';

const tree = temporaryTrees('embedded-exim');

function configs(result: ScanResult): unknown[] {
  return result.configurations.map((c) => [c.mta, c.form, c.files.join(',')]);
}

const OPEN_SMTPD = 'listen on 0.0.0.0\naction "relay" relay\nmatch from any for any action "relay"\n';

describe('scan(): provisioning code that deploys, writes or answers Exim and OpenSMTPD configuration', () => {
  it('an Ansible template task deploys a template under a name discovery does not know', async () => {
    const root = tree({
      'roles/smtpd/tasks/main.yml': '- name: configure\n  template:\n    src: relay.conf.j2\n    dest: /etc/smtpd.conf\n',
      'roles/smtpd/templates/relay.conf.j2': 'listen on {{ smtpd_listen }}\naction "relay" relay\nmatch from any for any action "relay"\n',
      'roles/smtpd/defaults/main.yml': 'smtpd_listen: 0.0.0.0\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [['opensmtpd-open-relay', 'roles/smtpd/templates/relay.conf.j2', 3, 7, 'definite']]);
    assert.deepEqual(configs(result), [['opensmtpd', 'ansible', 'roles/smtpd/templates/relay.conf.j2']]);
    const inputs = result.configurations[0]?.inputs ?? [];
    assert.ok(inputs.includes('roles/smtpd/tasks/main.yml') && inputs.includes('roles/smtpd/defaults/main.yml'), inputs.join(' '));
  });

  it("an Ansible template task's vars reach a template of Debian's settings file", async () => {
    const root = tree({
      'roles/exim/tasks/main.yml': "- template:\n    src: update-exim4.conf.j2\n    dest: /etc/exim4/update-exim4.conf.conf\n  vars:\n    relay_nets: '0.0.0.0/0'\n",
      'roles/exim/templates/update-exim4.conf.j2': "dc_eximconfig_configtype='internet'\ndc_local_interfaces=''\ndc_relay_nets='{{ relay_nets }}'\n",
      'roles/exim/defaults/main.yml': "relay_nets: '10.0.0.0/8'\n",
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [['exim-open-relay', 'roles/exim/templates/update-exim4.conf.j2', 3, 16, 'definite']]);
    assert.deepEqual(configs(result), [['exim', 'ansible', 'roles/exim/templates/update-exim4.conf.j2']]);
  });

  it('a Dockerfile heredoc writes smtpd.conf; COPY deploys a repository file as exim.conf', async () => {
    const root = tree({
      'smtpd/Dockerfile': `FROM alpine:3.19\nRUN apk add opensmtpd\nCOPY <<EOF /etc/smtpd/smtpd.conf\n${OPEN_SMTPD}EOF\n`,
      'exim/Dockerfile': 'FROM alpine:3.19\nRUN apk add exim\nCOPY relay.txt /etc/exim/exim.conf\n',
      'exim/relay.txt': 'hostlist relay_from_hosts = 0.0.0.0/0\nacl_smtp_rcpt = acl_check_rcpt\nbegin acl\nacl_check_rcpt:\n  accept hosts = +relay_from_hosts\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [
      ['exim-open-relay', 'exim/relay.txt', 1, 29, 'definite'],
      ['opensmtpd-open-relay', 'smtpd/Dockerfile', 6, 7, 'definite'],
    ]);
    assert.deepEqual(configs(result), [
      ['exim', 'dockerfile', 'exim/relay.txt'],
      ['opensmtpd', 'dockerfile', 'smtpd/Dockerfile'],
    ]);
  });

  it('a shell script: cat heredoc and echo > write the files; debconf-set-selections answers exim4-config', async () => {
    const root = tree({
      'heredoc.sh': `#!/bin/sh\ncat > /etc/mail/smtpd.conf <<'EOF'\n${OPEN_SMTPD}EOF\n`,
      'echo.sh': '#!/bin/sh\necho "listen on lo" > /etc/smtpd.conf\necho \'action "relay" relay\' >> /etc/smtpd.conf\necho \'match from any for any action "relay"\' >> /etc/smtpd.conf\n',
      'preseed.sh': [
        '#!/bin/sh',
        'debconf-set-selections <<EOF',
        'exim4-config exim4/dc_eximconfig_configtype select internet site; mail is sent and received directly using SMTP',
        'exim4-config exim4/dc_relay_nets string 0.0.0.0/0',
        'EOF',
        'apt-get install -y exim4-daemon-light',
        '',
      ].join('\n'),
      'pipe.sh': '#!/bin/sh\necho "exim4-config exim4/dc_relay_nets string 10.0.0.0/8" | debconf-set-selections\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [
      ['opensmtpd-open-relay', 'heredoc.sh', 5, 7, 'definite'],
      ['exim-open-relay', 'preseed.sh', 4, 41, 'definite'],
    ]);
    assert.deepEqual(configs(result), [
      ['opensmtpd', 'shell', 'echo.sh'],
      ['opensmtpd', 'shell', 'heredoc.sh'],
      ['exim', 'shell', 'pipe.sh'],
      ['exim', 'shell', 'preseed.sh'],
    ]);
  });

  it('cloud-init write_files: an exim4.conf.template is built with the update-exim4.conf.conf written beside it', async () => {
    const userData = (interfaces: string): string =>
      [
        '#cloud-config',
        'write_files:',
        '  - path: /etc/exim4/update-exim4.conf.conf',
        '    content: |',
        "      dc_eximconfig_configtype='internet'",
        `      dc_local_interfaces='${interfaces}'`,
        "      dc_relay_nets='192.0.2.0/24'",
        '  - path: /etc/exim4/exim4.conf.template',
        '    content: |',
        '      UPEX4CmacrosUPEX4C = 1',
        '      .ifdef MAIN_LOCAL_INTERFACES',
        '      local_interfaces = MAIN_LOCAL_INTERFACES',
        '      .endif',
        '      hostlist relay_from_hosts = MAIN_RELAY_NETS : 0.0.0.0/0',
        '      acl_smtp_rcpt = acl_check_rcpt',
        '      begin acl',
        '      acl_check_rcpt:',
        '        accept hosts = +relay_from_hosts',
        '',
      ].join('\n');
    // Loopback only by the settings file's macro: no relay for anyone outside.
    const local = await scan(defaultOptions(tree({ 'cloud/user-data': userData('127.0.0.1') })));
    assert.deepEqual(findingRows(local.findings), []);
    assert.deepEqual(configs(local), [['exim', 'cloud-init', 'cloud/user-data']]);
    const open = await scan(defaultOptions(tree({ 'cloud/user-data': userData('') })));
    assert.deepEqual(findingRows(open.findings), [['exim-open-relay', 'cloud/user-data', 14, 53, 'definite']]);
  });

  it('Kubernetes ConfigMap keys named smtpd.conf and update-exim4.conf.conf', async () => {
    const root = tree({
      'k8s/smtpd.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: smtpd\ndata:\n  smtpd.conf: |\n    listen on 0.0.0.0\n    action "relay" relay\n    match from any for any action "relay"\n`,
      'k8s/exim.yaml': "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: exim\ndata:\n  update-exim4.conf.conf: |\n    dc_eximconfig_configtype='internet'\n    dc_local_interfaces=''\n    dc_relay_nets='0.0.0.0/0'\n",
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [
      ['exim-open-relay', 'k8s/exim.yaml', 9, 20, 'definite'],
      ['opensmtpd-open-relay', 'k8s/smtpd.yaml', 9, 11, 'definite'],
    ]);
  });

  it('Salt file.managed, a Chef template and a Puppet file deploy files under names of their own', async () => {
    const root = tree({
      'salt/exim/init.sls': 'exim-config:\n  file.managed:\n    - name: /etc/exim4/exim4.conf\n    - source: salt://exim/files/relay.conf\n    - template: jinja\n    - context:\n        nets: 0.0.0.0/0\n',
      'salt/exim/files/relay.conf': 'hostlist relay_from_hosts = {{ nets }}\nacl_smtp_rcpt = acl_check_rcpt\nbegin acl\nacl_check_rcpt:\n  accept hosts = +relay_from_hosts\n',
      'cookbooks/smtpd/recipes/default.rb': "template '/etc/mail/smtpd.conf' do\n  source 'relay.erb'\n  variables(listen: '0.0.0.0')\nend\n",
      'cookbooks/smtpd/templates/default/relay.erb': 'listen on <%= @listen %>\naction "relay" relay\nmatch from any for any action "relay"\n',
      'cookbooks/smtpd/metadata.rb': "name 'smtpd'\n",
      'modules/sasl/manifests/init.pp': "class sasl {\n  file { '/etc/postfix/sasl/smtpd.conf':\n    source => 'puppet:///modules/sasl/smtpd.conf',\n  }\n}\n",
      'modules/sasl/files/smtpd.conf': 'pwcheck_method: saslauthd\nmech_list: PLAIN LOGIN\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [
      ['opensmtpd-open-relay', 'cookbooks/smtpd/templates/default/relay.erb', 3, 7, 'definite'],
      ['exim-open-relay', 'salt/exim/files/relay.conf', 1, 29, 'definite'],
    ]);
    // The Cyrus SASL file under /etc/postfix/sasl/ is not OpenSMTPD's: no configuration of it.
    assert.deepEqual(configs(result), [
      ['opensmtpd', 'chef', 'cookbooks/smtpd/templates/default/relay.erb'],
      ['exim', 'salt', 'salt/exim/files/relay.conf'],
    ]);
  });

  it("a template a Salt state renders keeps the newline after a block tag (Salt's jinja_trim_blocks is off)", async () => {
    const root = tree({
      'salt/smtpd/init.sls': 'smtpd-config:\n  file.managed:\n    - name: /etc/smtpd.conf\n    - source: salt://smtpd/relay.jinja.conf\n    - template: jinja\n    - context:\n        extra: true\n',
      'salt/smtpd/relay.jinja.conf': 'listen on 0.0.0.0 port 25\n{%- if extra %}\nlisten on 0.0.0.0 port 2525\n{%- endif %}\naction "relay" relay\nmatch from any for any action "relay"\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [['opensmtpd-open-relay', 'salt/smtpd/relay.jinja.conf', 6, 7, 'definite']]);
  });
});
