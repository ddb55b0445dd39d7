import type { RuleExamples } from '../rule.js';

const acl = (relayFrom: string): string =>
  [
    'primary_hostname = mx.example.org',
    'domainlist local_domains = @ : example.org',
    'domainlist relay_to_domains =',
    `hostlist   relay_from_hosts = ${relayFrom}`,
    '',
    'acl_smtp_rcpt = acl_check_rcpt',
    '',
    'begin acl',
    '',
    'acl_check_rcpt:',
    '  accept  hosts = :',
    '  accept  hosts = +relay_from_hosts',
    '  accept  authenticated = *',
    '  require message = relay not permitted',
    '          domains = +local_domains : +relay_to_domains',
    '  accept',
    '',
    'begin routers',
    '',
    'dnslookup:',
    '  driver = dnslookup',
    '  domains = ! +local_domains',
    '  transport = remote_smtp',
    '  no_more',
    '',
    'begin transports',
    '',
    'remote_smtp:',
    '  driver = smtp',
    '',
  ].join('\n');

export const examples: RuleExamples = {
  failing: {
    title: 'Exim listens on every address (local_interfaces is not set) and relay_from_hosts holds 0.0.0.0/0: the RCPT ACL accepts a foreign recipient from any host.',
    files: { 'exim/exim.conf': acl('<; 127.0.0.1 ; ::1 ; 0.0.0.0/0') },
  },
  passing: {
    title: 'The same Exim relaying only for its own network.',
    files: { 'exim/exim.conf': acl('<; 127.0.0.1 ; ::1 ; 192.0.2.0/24') },
  },
};
