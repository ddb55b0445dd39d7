import { UNKNOWN_MARK, isUnknown } from '../../model/source.js';

/**
 * Postfix built-in defaults of the parameters relaygate reads (postconf -d,
 * Postfix 3.7; reference/mta-semantics.md). A parameter not in this table has
 * no default known to relaygate and expands to empty, as an undefined name does.
 */
const FIXED_DEFAULTS: Readonly<Record<string, string>> = {
  compatibility_level: '0',
  inet_interfaces: 'all',
  inet_protocols: 'all',
  smtpd_client_restrictions: '',
  smtpd_helo_restrictions: '',
  smtpd_sender_restrictions: '',
  smtpd_recipient_restrictions: '',
  smtpd_data_restrictions: '',
  smtpd_end_of_data_restrictions: '',
  smtpd_etrn_restrictions: '',
  smtpd_restriction_classes: '',
  smtpd_delay_reject: 'yes',
  smtpd_service_name: 'smtpd',
  mydestination: '$myhostname, localhost.$mydomain, localhost',
  // What the relay decision reads (postconf -d, Postfix 3.7).
  virtual_alias_domains: '$virtual_alias_maps',
  virtual_alias_maps: '$virtual_maps',
  virtual_maps: '',
  virtual_mailbox_domains: '$virtual_mailbox_maps',
  virtual_mailbox_maps: '',
  parent_domain_matches_subdomains:
    'debug_peer_list,fast_flush_domains,mynetworks,permit_mx_backup_networks,qmqpd_authorized_clients,relay_domains,smtpd_access_maps',
  smtpd_helo_required: 'no',
  smtpd_tls_security_level: '',
  smtpd_use_tls: 'no',
  smtpd_enforce_tls: 'no',
};

/**
 * Defaults that depend on compatibility_level. Postfix writes them as
 * `${{$compatibility_level} <level {N} ? {old} : {new}}`; relaygate evaluates
 * the comparison itself so the expander does not need the `<level` operator.
 */
const LEVEL_DEFAULTS: Readonly<Record<string, { level: number; below: string; atOrAbove: string }>> = {
  smtpd_relay_restrictions: {
    level: 1,
    below: '',
    atOrAbove: 'permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination',
  },
  mynetworks_style: { level: 2, below: 'subnet', atOrAbove: 'host' },
  relay_domains: { level: 2, below: '$mydestination', atOrAbove: '' },
};

/**
 * The major number of a compatibility_level value (`3.6` -> 3, `2` -> 2), or
 * null when it is not a level Postfix accepts (Postfix then refuses to start)
 * or is unknown.
 */
export function compatibilityMajor(level: string): number | null {
  const match = /^\s*(\d+)(?:\.\d+){0,2}\s*$/.exec(level);
  return match ? Number(match[1]) : null;
}

/** Does relaygate know a built-in default for this parameter? */
export function hasBuiltinDefault(name: string): boolean {
  return name in FIXED_DEFAULTS || name in LEVEL_DEFAULTS;
}

/**
 * The built-in default of `name`, unexpanded, given the effective
 * compatibility_level; undefined when relaygate does not know one. When the
 * level itself is unknown, a level-dependent default is unknown too.
 */
export function builtinDefault(name: string, compatibilityLevel: string): string | undefined {
  const fixed = FIXED_DEFAULTS[name];
  if (fixed !== undefined) return fixed;
  const byLevel = LEVEL_DEFAULTS[name];
  if (byLevel === undefined) return undefined;
  if (isUnknown(compatibilityLevel)) return UNKNOWN_MARK;
  const major = compatibilityMajor(compatibilityLevel);
  if (major === null) return UNKNOWN_MARK;
  return major < byLevel.level ? byLevel.below : byLevel.atOrAbove;
}
