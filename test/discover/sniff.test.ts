import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_ROLES, SNIFFED_ROLES } from '../../src/discover/patterns.js';
import { ROLE_WORDS, sniffRole } from '../../src/discover/sniff.js';

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

  it('every text it takes for a configuration holds one of ROLE_WORDS (the cheap pre-check before parsing)', () => {
    const texts = cases.map(([, text]) => text);
    // Every configuration the examples hold, and one line of each accepted kind on its own.
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) texts.push(readFileSync(full, 'utf8'));
      }
    };
    walk(path.join(import.meta.dirname, '..', '..', 'examples'));
    for (const name of ['biff', 'home_mailbox', 'message_size_limit', 'header_checks', 'maillog_file', 'content_filter', 'notify_classes', 'luser_relay', 'delay_warning_time', 'disable_vrfy_command', 'default_transport', 'setgid_group', 'mailq_path', 'queue_directory', 'alias_database', 'canonical_maps', 'lmtp_tls_loglevel', 'tlsproxy_enforce_tls', 'milter_protocol', 'masquerade_domains', 'sender_canonical_maps', 'smtputf8_enable', 'relayhost', 'myorigin', 'mydestination', 'compatibility_level', 'append_dot_mydomain', 'unknown_local_recipient_reject_code', 'mail_owner']) {
      texts.push(`${name} = x\n`);
    }
    texts.push('pickup unix n - y 60 1 pickup\n', 'x fifo n - n 60 1 pickup\n', 'x pass n - n - - smtpd\n', 'LOCAL_RULESETS\n', 'RELAY_DOMAIN_FILE(x)\n', "ifdef(`x', `y')\n", 'R$* $: $1\nR$+ $@ $1\n', 'V10/Berkeley\nS0\n', 'O A=b\nO C=d\n', 'Mlocal, P=/bin/sh\nMprog, P=/bin/sh\n');
    let accepted = 0;
    for (const text of texts) {
      if (sniffRole(text, ALL_ROLES) === null) continue;
      accepted++;
      assert.ok(ROLE_WORDS.some((w) => text.includes(w)), `no ROLE_WORDS in ${JSON.stringify(text.slice(0, 80))}`);
    }
    assert.ok(accepted >= 50, `only ${accepted} texts accepted`);
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
