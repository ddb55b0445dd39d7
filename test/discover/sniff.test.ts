import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_ROLES, SNIFFED_ROLES } from '../../src/discover/patterns.js';
import { sniffRole } from '../../src/discover/sniff.js';

describe('sniffRole', () => {
  const cases: [string, string, string | null][] = [
    ['main.cf parameters', '# comment\nmyhostname = mx.example\ninet_interfaces=loopback-only\n', 'main.cf'],
    ['main.cf with CRLF', 'relayhost = [smtp.example]:587\r\n', 'main.cf'],
    ['main.cf continuation only counts its first line', 'smtpd_client_restrictions =\n    permit_mynetworks,\n    reject\n', 'main.cf'],
    ['generic key = value is not Postfix', 'hosts = db\nuser = u\npassword = p\ndbname = mail\n', null],
    ['mysql_table tls_ keys are not Postfix', 'tls_cert_file = /x.pem\n', null],
    ['master.cf service', 'submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n', 'master.cf'],
    ['master.cf needs the flag columns', 'smtp inet yes no chroot - - smtpd\n', null],
    ['master.cf needs eight fields', 'smtp inet n - y - -\n', null],
    ['.mc m4 calls', "OSTYPE(`linux')dnl\nDAEMON_OPTIONS(`Port=smtp, Addr=127.0.0.1, Name=MTA')dnl\n", 'sendmail.mc'],
    ['.mc with only a section keyword', 'LOCAL_CONFIG\n', 'sendmail.mc'],
    ['dnl inside a word is not m4', 'the handle is dnlx\n', null],
    ['sendmail.cf lines', 'V10/Berkeley\nO QueueDirectory=/var/spool/mqueue\nS0\n', 'sendmail.cf'],
    ['one ruleset-looking word is not sendmail.cf', 'Settings\nfoo bar\n', null],
    ['empty', '', null],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.equal(sniffRole(text, ALL_ROLES), expected));
  }

  it('answers only with a role it was asked about', () => {
    assert.equal(sniffRole('myhostname = a\n', ['master.cf']), null);
    assert.equal(sniffRole('smtp inet n - y - - smtpd\n', ['main.cf', 'master.cf']), 'master.cf');
  });

  it('looks at the first 64 KiB only', () => {
    assert.equal(sniffRole(`${'#\n'.repeat(40 * 1024)}myhostname = a\n`, ALL_ROLES), null);
  });

  const others: [string, string, string | null][] = [
    ['an Exim configuration', 'primary_hostname = mx.example\nacl_smtp_rcpt = acl_check_rcpt\nbegin acl\nacl_check_rcpt:\n  accept hosts = +relay_from_hosts\n', 'exim.conf'],
    ['a Debian conf.d part', '.ifndef MAIN_LOG_SELECTOR\nMAIN_LOG_SELECTOR = +tls_peerdn\n.endif\nlog_selector = MAIN_LOG_SELECTOR\n', 'exim.conf'],
    ['a router', 'dnslookup:\n  driver = dnslookup\n  domains = ! +local_domains\n', 'exim.conf'],
    ['an autoconf configure script is not Exim', '#! /bin/sh\n# Guess values for system-dependent variables\nac_default_prefix=/usr/local\nas_nl=\'\n\'\n', null],
    ['one Exim sign alone is not enough', 'begin acl\n', null],
    ['an OpenSMTPD smtpd.conf', 'listen on lo\naction "local" mbox alias <aliases>\nmatch for local action "local"\n', 'smtpd.conf'],
    ['an OpenSMTPD smtpd.conf before 6.4', 'listen on lo0\naccept from any for any relay\n', 'smtpd.conf'],
    ['Cyrus SASL smtpd.conf is not OpenSMTPD', 'pwcheck_method: saslauthd\nmech_list: PLAIN LOGIN\n', null],
  ];
  for (const [name, text, expected] of others) {
    it(name, () => assert.equal(sniffRole(text, SNIFFED_ROLES), expected));
  }

  it('Exim and OpenSMTPD signs are not Postfix or sendmail ones', () => {
    assert.equal(sniffRole('primary_hostname = mx.example\nbegin acl\n', ALL_ROLES), null);
    assert.equal(sniffRole('listen on lo\nmatch for local action "local"\n', ALL_ROLES), null);
  });
});
