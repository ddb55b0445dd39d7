import type { Random } from './random.js';

/**
 * Random Postfix relay configurations for the differential test against
 * smtpd: the five restriction lists, restriction classes, mynetworks, the
 * destination lists and the switches the relay decision reads, plus `-o`
 * overrides of the smtpd service. Only restrictions smtpd can decide without
 * DNS, a policy server or the verify service are used (the oracle has none).
 */

const RESTRICTIONS = [
  'permit', 'reject', 'defer', 'defer_if_permit', 'defer_if_reject', 'warn_if_reject', 'warn_if_reject',
  'permit_mynetworks', 'permit_mynetworks', 'permit_sasl_authenticated', 'reject_unauth_destination', 'reject_unauth_destination',
  'defer_unauth_destination', 'permit_auth_destination', 'check_relay_domains', 'reject_unknown_client_hostname',
  'reject_unknown_reverse_client_hostname', 'reject_invalid_helo_hostname', 'reject_non_fqdn_helo_hostname',
  'reject_non_fqdn_sender', 'reject_non_fqdn_recipient', 'reject_unlisted_recipient', 'reject_unauth_pipelining',
  'permit_naked_ip_address', 'permit_inet_interfaces', 'permit_tls_clientcerts', 'reject_multi_recipient_bounce',
  'REJECT_UNAUTH_DESTINATION', 'Permit', 'sleep 0', 'check_client_access reject', 'reject_unauth_destinaton',
  'check_client_access inline:{203.0.113.7=OK}', 'check_sender_access inline:{attacker.example=REJECT}',
  'check_recipient_access static:OK', 'check_helo_access inline:{mail.attacker.example=DUNNO}', '{reject}',
  'reject_rbl_client', 'cls1', 'cls2', '$rc',
];

const MYNETWORKS = [
  null, null, '127.0.0.0/8', '127.0.0.0/8 [::1]/128', '0.0.0.0/0', '0.0.0.0/1, 128.0.0.0/1', '!203.0.113.7, 0.0.0.0/0',
  '203.0.113.0/24', 'example', '1.2.3.4/8', 'inline:{203.0.113.7=x}', '192.0.2.0/25 0.0.0.0/2',
];
const RELAY_DOMAINS = [null, null, 'example', 'foreign.example', 'static:all', '$mydestination', 'elsewhere.example.org', '.example', '!foreign.example, example'];
const MYDESTINATION = [null, 'localhost', 'localhost, example.net'];
const LEVELS = [null, '0', '1', '2', '3.6'];

export interface GeneratedRelayConfig {
  main: string;
  /** `name=value` overrides of the smtpd service (master.cf -o). */
  overrides: string[];
}

function list(r: Random, max: number, self = ''): string {
  const n = r.int(max + 1);
  // A list that refers to itself is a macro error ("unreasonable macro call nesting").
  const items = Array.from({ length: n }, () => r.pick(RESTRICTIONS)).filter((i) => i !== self);
  return items.join(r.pick([', ', ' ', ',', ',\n    ']));
}

/** A list that usually has the relay check somewhere, so smtpd starts more often than not. */
function relayList(r: Random): string {
  const items = list(r, 4);
  if (!r.chance(0.6)) return items;
  const check = r.pick(['reject_unauth_destination', 'defer_unauth_destination', 'reject']);
  return items === '' ? check : r.chance(0.5) ? `${items}, ${check}` : `${check}, ${items}`;
}

export function generateRelayConfig(r: Random): GeneratedRelayConfig {
  const lines: string[] = [];
  const level = r.pick(LEVELS);
  if (level !== null) lines.push(`compatibility_level = ${level}`);
  if (r.chance(0.25)) lines.push(`smtpd_client_restrictions = ${list(r, 3)}`);
  if (r.chance(0.2)) lines.push(`smtpd_helo_restrictions = ${list(r, 3)}`);
  if (r.chance(0.2)) lines.push(`smtpd_sender_restrictions = ${list(r, 3)}`);
  if (r.chance(0.7)) lines.push(`smtpd_relay_restrictions = ${relayList(r)}`);
  if (r.chance(0.6)) lines.push(`smtpd_recipient_restrictions = ${relayList(r)}`);
  if (r.chance(0.3)) {
    lines.push('smtpd_restriction_classes = cls1, cls2');
    lines.push(`cls1 = ${list(r, 3) || 'permit'}`);
    lines.push(`cls2 = ${list(r, 2) || 'reject'}`);
  }
  lines.push(`rc = ${list(r, 2, '$rc')}`);
  const mynetworks = r.pick(MYNETWORKS);
  if (mynetworks !== null) lines.push(`mynetworks = ${mynetworks}`);
  const relayDomains = r.pick(RELAY_DOMAINS);
  if (relayDomains !== null) lines.push(`relay_domains = ${relayDomains}`);
  const mydestination = r.pick(MYDESTINATION);
  if (mydestination !== null) lines.push(`mydestination = ${mydestination}`);
  if (r.chance(0.15)) lines.push(`smtpd_helo_required = ${r.pick(['yes', 'no'])}`);
  if (r.chance(0.1)) lines.push('smtpd_delay_reject = no');
  if (r.chance(0.05)) lines.push('parent_domain_matches_subdomains =');
  const overrides: string[] = [];
  if (r.chance(0.3)) {
    const name = r.pick(['smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'smtpd_client_restrictions', 'mynetworks']);
    const value = name === 'mynetworks' ? (r.pick(MYNETWORKS) ?? '127.0.0.0/8') : name === 'smtpd_client_restrictions' ? list(r, 3) : relayList(r);
    overrides.push(`${name}=${value.replace(/\s+/g, ' ')}`);
  }
  return { main: `${lines.join('\n')}\n`, overrides };
}
