import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../src/config/options.js';
import { scan } from '../src/scan.js';
import { temporaryTrees } from './helpers/temp-tree.js';
import { findingRows } from './helpers/finding-rows.js';

const tree = temporaryTrees('scan-exim');

describe('scan(): Exim and OpenSMTPD files are found, assembled and judged', () => {
  it('finds each kind by name and content, and reports exact findings', async () => {
    const root = tree({
      'exim/exim.conf': 'hostlist relay_from_hosts = 0.0.0.0/0\nacl_smtp_rcpt = acl_check_rcpt\nbegin acl\nacl_check_rcpt:\n  accept hosts = +relay_from_hosts\n',
      'usr/exim/configure': 'local_interfaces = 127.0.0.1\nacl_smtp_rcpt = accept\nbegin acl\n',
      'debian/etc/exim4/update-exim4.conf.conf': "dc_eximconfig_configtype='internet'\ndc_local_interfaces=''\ndc_relay_domains='*'\n",
      'debian/etc/exim4/conf.d/main/01_unused': 'qualify_domain = example.org\n',
      'broken/exim4.conf': 'acl_smtp_rcpt = accept\nrelay_everything = yes\n',
      'autoconf/configure': '#! /bin/sh\nac_default_prefix=/usr/local\n',
      'opensmtpd/smtpd.conf': 'listen on 0.0.0.0\naction "relay" relay\nmatch from any for any action "relay"\n',
      'old/smtpd.conf': 'listen on 0.0.0.0\naccept from any for any relay\n',
      'postfix/sasl/smtpd.conf': 'pwcheck_method: saslauthd\nmech_list: PLAIN LOGIN\n',
      'salt/files/smtpd.conf': 'listen on {{ interface }}\naction "local" mbox\nmatch from any for local action "local"\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(
      findingRows(result.findings),
      [
        ['config-unreadable', 'broken/exim4.conf', 2, 1, 'definite'],
        ['exim-open-relay', 'debian/etc/exim4/update-exim4.conf.conf', 3, 19, 'definite'],
        ['exim-open-relay', 'exim/exim.conf', 1, 29, 'definite'],
        ['config-unreadable', 'old/smtpd.conf', 2, 1, 'definite'],
        ['opensmtpd-open-relay', 'opensmtpd/smtpd.conf', 3, 7, 'definite'],
      ],
    );
    assert.deepEqual(
      result.configurations.map((c) => [c.mta, c.files.join(',')]),
      [
        ['exim', 'broken/exim4.conf'],
        ['exim', 'exim/exim.conf'],
        ['exim', 'usr/exim/configure'],
        // dc_use_split_config is not true: the packaged configuration, not the conf.d part.
        ['exim', 'debian/etc/exim4/update-exim4.conf.conf'],
        ['opensmtpd', 'old/smtpd.conf'],
        ['opensmtpd', 'opensmtpd/smtpd.conf'],
        // A plain name with Jinja tags is a Salt template: rendered, its unknown listener does not matter without a relay rule.
        ['opensmtpd', 'salt/files/smtpd.conf'],
      ],
    );
  });

  it("reads an old Debian template's DEBCONF…DEBCONF strings as update-exim4.conf wrote them from update-exim4.conf.conf", async () => {
    const template = [
      '.ifndef DC_minimaldns',
      'DEBCONFminimaldnsDEBCONF',
      '.endif',
      '.ifndef MAIN_RELAY_NETS',
      'MAIN_RELAY_NETS = DEBCONFrelay_netsDEBCONF',
      '.endif',
      'hostlist relay_from_hosts = 127.0.0.1 : ::::1 : MAIN_RELAY_NETS',
      '.ifdef MAIN_LOCAL_INTERFACES',
      'local_interfaces = MAIN_LOCAL_INTERFACES',
      '.else',
      'DEBCONFlistenonpublicDEBCONF',
      '.endif',
      'acl_smtp_rcpt = acl_check_rcpt',
      'begin acl',
      'acl_check_rcpt:',
      '  accept hosts = +relay_from_hosts',
      '  deny',
      '',
    ].join('\n');
    const conf = (nets: string, interfaces = '', minimaldns = "'false'") =>
      `dc_eximconfig_configtype='internet'\ndc_local_interfaces='${interfaces}'\ndc_relay_nets='${nets}'\ndc_minimaldns=${minimaldns}\ndc_use_split_config='false'\n`;
    const root = tree({
      'closed/exim4.conf.template': template,
      'closed/update-exim4.conf.conf': conf(''),
      'open/exim4.conf.template': template,
      'open/update-exim4.conf.conf': conf('0.0.0.0/0'),
      'loopback/exim4.conf.template': template,
      'loopback/update-exim4.conf.conf': conf('0.0.0.0/0', '127.0.0.1'),
      'shell/exim4.conf.template': template,
      'shell/update-exim4.conf.conf': conf('0.0.0.0/0', '', '"$MINIMAL"'),
      'alone/etc/exim4/exim4.conf.template': template,
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [
      ['exim-open-relay', 'alone/etc/exim4/exim4.conf.template', 2, 1, 'indeterminate'],
      ['exim-open-relay', 'open/update-exim4.conf.conf', 3, 16, 'definite'],
      ['exim-open-relay', 'shell/update-exim4.conf.conf', 3, 16, 'indeterminate'],
    ]);
  });
});
