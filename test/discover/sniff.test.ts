import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_ROLES } from '../../src/discover/patterns.js';
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
});
