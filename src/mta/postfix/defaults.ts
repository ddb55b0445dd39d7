import { UNKNOWN_MARK, isUnknown } from '../../model/source.js';

/**
 * Postfix built-in defaults of the parameters relaygate reads (postconf -d,
 * Postfix 3.7; reference/mta-semantics.md). A parameter not in this table has
 * no default known to relaygate and expands to empty, as an undefined name does.
 */
const FIXED_DEFAULTS: ReadonlyMap<string, string> = new Map(Object.entries({
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
  // What the relay decision reads (postconf -d, Postfix 3.7); the virtual_*
  // defaults that refer to other parameters are in REFERRING_DEFAULTS.
  virtual_maps: '',
  virtual_mailbox_maps: '',
  parent_domain_matches_subdomains:
    'debug_peer_list,fast_flush_domains,mynetworks,permit_mx_backup_networks,qmqpd_authorized_clients,relay_domains,smtpd_access_maps',
  smtpd_helo_required: 'no',
  smtpd_tls_security_level: '',
  smtpd_use_tls: 'no',
  smtpd_enforce_tls: 'no',
}));

/**
 * The other built-in defaults that refer to parameters (`postconf -d` of
 * Postfix 3.7, every default with a `$`): what a `$name` reaching them
 * expands to, and the cycles they close (`myhostname = $myorigin` loops
 * through myorigin's default `$myhostname`).
 */
const REFERRING_DEFAULTS: ReadonlyMap<string, string> = new Map([
  ['address_verify_default_transport', '$default_transport'],
  ['address_verify_local_transport', '$local_transport'],
  ['address_verify_map', 'btree:$data_directory/verify_cache'],
  ['address_verify_poll_count', '${stress?{1}:{3}}'],
  ['address_verify_relay_transport', '$relay_transport'],
  ['address_verify_relayhost', '$relayhost'],
  ['address_verify_sender', '$double_bounce_sender'],
  ['address_verify_sender_dependent_default_transport_maps', '$sender_dependent_default_transport_maps'],
  ['address_verify_sender_dependent_relayhost_maps', '$sender_dependent_relayhost_maps'],
  ['address_verify_transport_maps', '$transport_maps'],
  ['address_verify_virtual_transport', '$virtual_transport'],
  ['append_dot_mydomain', '${{$compatibility_level} <level {1} ? {yes} : {no}}'],
  ['default_rbl_reply', '$rbl_code Service unavailable; $rbl_class [$rbl_what] blocked using $rbl_domain${rbl_reason?; $rbl_reason}'],
  ['fast_flush_domains', '$relay_domains'],
  ['forward_path', '$home/.forward${recipient_delimiter}${extension}, $home/.forward'],
  ['lmtp_delivery_status_filter', '$default_delivery_status_filter'],
  ['lmtp_lhlo_name', '$myhostname'],
  ['lmtp_per_request_deadline', '${lmtp_per_record_deadline?{$lmtp_per_record_deadline}:{no}}'],
  ['lmtp_sasl_tls_security_options', '$lmtp_sasl_security_options'],
  ['lmtp_sasl_tls_verified_security_options', '$lmtp_sasl_tls_security_options'],
  ['lmtp_tls_dkey_file', '$lmtp_tls_dcert_file'],
  ['lmtp_tls_eckey_file', '$lmtp_tls_eccert_file'],
  ['lmtp_tls_fingerprint_digest', '${{$compatibility_level} <level {3.6} ? {md5} : {sha256}}'],
  ['lmtp_tls_key_file', '$lmtp_tls_cert_file'],
  ['local_delivery_status_filter', '$default_delivery_status_filter'],
  ['local_recipient_maps', 'proxy:unix:passwd.byname $alias_maps'],
  ['local_transport', 'local:$myhostname'],
  ['milter_macro_daemon_name', '$myhostname'],
  ['milter_macro_v', '$mail_name $mail_version'],
  ['mime_header_checks', '$header_checks'],
  ['myorigin', '$myhostname'],
  ['nested_header_checks', '$header_checks'],
  ['pipe_delivery_status_filter', '$default_delivery_status_filter'],
  ['postscreen_allowlist_interfaces', '${postscreen_whitelist_interfaces?{$postscreen_whitelist_interfaces}:{static:all}}'],
  ['postscreen_cache_map', 'btree:$data_directory/postscreen_cache'],
  ['postscreen_client_connection_count_limit', '$smtpd_client_connection_count_limit'],
  ['postscreen_command_time_limit', '${stress?{10}:{300}}s'],
  ['postscreen_denylist_action', '${postscreen_blacklist_action?{$postscreen_blacklist_action}:{ignore}}'],
  ['postscreen_disable_vrfy_command', '$disable_vrfy_command'],
  ['postscreen_discard_ehlo_keyword_address_maps', '$smtpd_discard_ehlo_keyword_address_maps'],
  ['postscreen_discard_ehlo_keywords', '$smtpd_discard_ehlo_keywords'],
  ['postscreen_dnsbl_allowlist_threshold', '${postscreen_dnsbl_whitelist_threshold?{$postscreen_dnsbl_whitelist_threshold}:{0}}'],
  ['postscreen_dnsbl_max_ttl', '${postscreen_dnsbl_ttl?{$postscreen_dnsbl_ttl}:{1}}h'],
  ['postscreen_enforce_tls', '$smtpd_enforce_tls'],
  ['postscreen_expansion_filter', '$smtpd_expansion_filter'],
  ['postscreen_forbidden_commands', '$smtpd_forbidden_commands'],
  ['postscreen_greet_banner', '$smtpd_banner'],
  ['postscreen_greet_wait', '${stress?{2}:{6}}s'],
  ['postscreen_helo_required', '$smtpd_helo_required'],
  ['postscreen_post_queue_limit', '$default_process_limit'],
  ['postscreen_pre_queue_limit', '$default_process_limit'],
  ['postscreen_reject_footer', '$smtpd_reject_footer'],
  ['postscreen_reject_footer_maps', '$smtpd_reject_footer_maps'],
  ['postscreen_tls_security_level', '$smtpd_tls_security_level'],
  ['postscreen_use_tls', '$smtpd_use_tls'],
  ['proxy_read_maps', '$local_recipient_maps $mydestination $virtual_alias_maps $virtual_alias_domains $virtual_mailbox_maps $virtual_mailbox_domains $relay_recipient_maps $relay_domains $canonical_maps $sender_canonical_maps $recipient_canonical_maps $relocated_maps $transport_maps $mynetworks $smtpd_sender_login_maps $sender_bcc_maps $recipient_bcc_maps $smtp_generic_maps $lmtp_generic_maps $alias_maps $smtpd_client_restrictions $smtpd_helo_restrictions $smtpd_sender_restrictions $smtpd_relay_restrictions $smtpd_recipient_restrictions $address_verify_sender_dependent_default_transport_maps $address_verify_sender_dependent_relayhost_maps $address_verify_transport_maps $fallback_transport_maps $lmtp_discard_lhlo_keyword_address_maps $lmtp_pix_workaround_maps $lmtp_sasl_password_maps $lmtp_tls_policy_maps $mailbox_command_maps $mailbox_transport_maps $postscreen_discard_ehlo_keyword_address_maps $rbl_reply_maps $sender_dependent_default_transport_maps $sender_dependent_relayhost_maps $smtp_discard_ehlo_keyword_address_maps $smtp_pix_workaround_maps $smtp_sasl_password_maps $smtp_tls_policy_maps $smtpd_discard_ehlo_keyword_address_maps $smtpd_milter_maps $virtual_gid_maps $virtual_uid_maps $local_login_sender_maps $postscreen_reject_footer_maps $smtpd_reject_footer_maps $tls_server_sni_maps $tlsproxy_client_policy_maps $default_delivery_status_filter $lmtp_delivery_status_filter $lmtp_dns_reply_filter $lmtp_reply_filter $local_delivery_status_filter $pipe_delivery_status_filter $postscreen_command_filter $smtp_delivery_status_filter $smtp_dns_reply_filter $smtp_reply_filter $smtpd_command_filter $smtpd_dns_reply_filter $virtual_delivery_status_filter $body_checks $header_checks $lmtp_body_checks $lmtp_header_checks $lmtp_mime_header_checks $lmtp_nested_header_checks $milter_header_checks $mime_header_checks $nested_header_checks $smtp_body_checks $smtp_header_checks $smtp_mime_header_checks $smtp_nested_header_checks'],
  ['proxy_write_maps', '$smtp_sasl_auth_cache_name $lmtp_sasl_auth_cache_name $address_verify_map $postscreen_cache_map'],
  ['respectful_logging', '${{$compatibility_level} <level {3.6} ? {no} : {yes}}'],
  ['smtp_delivery_status_filter', '$default_delivery_status_filter'],
  ['smtp_fallback_relay', '$fallback_relay'],
  ['smtp_helo_name', '$myhostname'],
  ['smtp_per_request_deadline', '${smtp_per_record_deadline?{$smtp_per_record_deadline}:{no}}'],
  ['smtp_sasl_tls_security_options', '$smtp_sasl_security_options'],
  ['smtp_sasl_tls_verified_security_options', '$smtp_sasl_tls_security_options'],
  ['smtp_tls_dane_insecure_mx_policy', '${{$smtp_tls_security_level} == {dane} ? {dane} : {may}}'],
  ['smtp_tls_dkey_file', '$smtp_tls_dcert_file'],
  ['smtp_tls_eckey_file', '$smtp_tls_eccert_file'],
  ['smtp_tls_fingerprint_digest', '${{$compatibility_level} <level {3.6} ? {md5} : {sha256}}'],
  ['smtp_tls_key_file', '$smtp_tls_cert_file'],
  ['smtpd_authorized_verp_clients', '$authorized_verp_clients'],
  ['smtpd_banner', '$myhostname ESMTP $mail_name'],
  ['smtpd_client_event_limit_exceptions', '${smtpd_client_connection_limit_exceptions:$mynetworks}'],
  ['smtpd_expansion_filter', '\\t\\40!"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~'],
  ['smtpd_forbid_bare_newline_exclusions', '$mynetworks'],
  ['smtpd_hard_error_limit', '${stress?{1}:{20}}'],
  ['smtpd_junk_command_limit', '${stress?{1}:{100}}'],
  ['smtpd_per_request_deadline', '${smtpd_per_record_deadline?{$smtpd_per_record_deadline}:{${stress?{yes}:{no}}}}'],
  ['smtpd_proxy_ehlo', '$myhostname'],
  ['smtpd_relay_before_recipient_restrictions', '${{$compatibility_level} <level {3.6} ? {no} : {yes}}'],
  ['smtpd_sasl_tls_security_options', '$smtpd_sasl_security_options'],
  ['smtpd_starttls_timeout', '${stress?{10}:{300}}s'],
  ['smtpd_timeout', '${stress?{10}:{300}}s'],
  ['smtpd_tls_dkey_file', '$smtpd_tls_dcert_file'],
  ['smtpd_tls_eckey_file', '$smtpd_tls_eccert_file'],
  ['smtpd_tls_fingerprint_digest', '${{$compatibility_level} <level {3.6} ? {md5} : {sha256}}'],
  ['smtpd_tls_key_file', '$smtpd_tls_cert_file'],
  ['smtputf8_enable', '${{$compatibility_level} <level {1} ? {no} : {yes}}'],
  ['syslog_name', '${multi_instance_name?{$multi_instance_name}:{postfix}}'],
  ['tls_random_exchange_name', '${data_directory}/prng_exch'],
  ['tlsproxy_client_CAfile', '$smtp_tls_CAfile'],
  ['tlsproxy_client_CApath', '$smtp_tls_CApath'],
  ['tlsproxy_client_cert_file', '$smtp_tls_cert_file'],
  ['tlsproxy_client_chain_files', '$smtp_tls_chain_files'],
  ['tlsproxy_client_dcert_file', '$smtp_tls_dcert_file'],
  ['tlsproxy_client_dkey_file', '$smtp_tls_dkey_file'],
  ['tlsproxy_client_eccert_file', '$smtp_tls_eccert_file'],
  ['tlsproxy_client_eckey_file', '$smtp_tls_eckey_file'],
  ['tlsproxy_client_enforce_tls', '$smtp_enforce_tls'],
  ['tlsproxy_client_fingerprint_digest', '$smtp_tls_fingerprint_digest'],
  ['tlsproxy_client_key_file', '$smtp_tls_key_file'],
  ['tlsproxy_client_loglevel', '$smtp_tls_loglevel'],
  ['tlsproxy_client_per_site', '$smtp_tls_per_site'],
  ['tlsproxy_client_policy_maps', '${tlsproxy_client_policy:$smtp_tls_policy_maps}'],
  ['tlsproxy_client_scert_verifydepth', '$smtp_tls_scert_verifydepth'],
  ['tlsproxy_client_security_level', '${tlsproxy_client_level:$smtp_tls_security_level}'],
  ['tlsproxy_client_use_tls', '$smtp_use_tls'],
  ['tlsproxy_enforce_tls', '$smtpd_enforce_tls'],
  ['tlsproxy_tls_CAfile', '$smtpd_tls_CAfile'],
  ['tlsproxy_tls_CApath', '$smtpd_tls_CApath'],
  ['tlsproxy_tls_always_issue_session_ids', '$smtpd_tls_always_issue_session_ids'],
  ['tlsproxy_tls_ask_ccert', '$smtpd_tls_ask_ccert'],
  ['tlsproxy_tls_ccert_verifydepth', '$smtpd_tls_ccert_verifydepth'],
  ['tlsproxy_tls_cert_file', '$smtpd_tls_cert_file'],
  ['tlsproxy_tls_chain_files', '$smtpd_tls_chain_files'],
  ['tlsproxy_tls_ciphers', '$smtpd_tls_ciphers'],
  ['tlsproxy_tls_dcert_file', '$smtpd_tls_dcert_file'],
  ['tlsproxy_tls_dh1024_param_file', '$smtpd_tls_dh1024_param_file'],
  ['tlsproxy_tls_dh512_param_file', '$smtpd_tls_dh512_param_file'],
  ['tlsproxy_tls_dkey_file', '$smtpd_tls_dkey_file'],
  ['tlsproxy_tls_eccert_file', '$smtpd_tls_eccert_file'],
  ['tlsproxy_tls_eckey_file', '$smtpd_tls_eckey_file'],
  ['tlsproxy_tls_eecdh_grade', '$smtpd_tls_eecdh_grade'],
  ['tlsproxy_tls_exclude_ciphers', '$smtpd_tls_exclude_ciphers'],
  ['tlsproxy_tls_fingerprint_digest', '$smtpd_tls_fingerprint_digest'],
  ['tlsproxy_tls_key_file', '$smtpd_tls_key_file'],
  ['tlsproxy_tls_loglevel', '$smtpd_tls_loglevel'],
  ['tlsproxy_tls_mandatory_ciphers', '$smtpd_tls_mandatory_ciphers'],
  ['tlsproxy_tls_mandatory_exclude_ciphers', '$smtpd_tls_mandatory_exclude_ciphers'],
  ['tlsproxy_tls_mandatory_protocols', '$smtpd_tls_mandatory_protocols'],
  ['tlsproxy_tls_protocols', '$smtpd_tls_protocols'],
  ['tlsproxy_tls_req_ccert', '$smtpd_tls_req_ccert'],
  ['tlsproxy_tls_security_level', '$smtpd_tls_security_level'],
  ['tlsproxy_use_tls', '$smtpd_use_tls'],
  ['unknown_address_tempfail_action', '$reject_tempfail_action'],
  ['unknown_helo_hostname_tempfail_action', '$reject_tempfail_action'],
  ['unverified_recipient_tempfail_action', '$reject_tempfail_action'],
  ['unverified_sender_tempfail_action', '$reject_tempfail_action'],
  ['virtual_alias_domains', '$virtual_alias_maps'],
  ['virtual_alias_maps', '$virtual_maps'],
  ['virtual_delivery_status_filter', '$default_delivery_status_filter'],
  ['virtual_mailbox_domains', '$virtual_mailbox_maps'],
]);

/**
 * Defaults that depend on compatibility_level. Postfix writes them as
 * `${{$compatibility_level} <level {N} ? {old} : {new}}`; relaygate evaluates
 * the comparison itself so the expander does not need the `<level` operator.
 */
const LEVEL_DEFAULTS: ReadonlyMap<string, { level: number; below: string; atOrAbove: string }> = new Map(Object.entries({
  smtpd_relay_restrictions: {
    level: 1,
    below: '',
    atOrAbove: 'permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination',
  },
  mynetworks_style: { level: 2, below: 'subnet', atOrAbove: 'host' },
  relay_domains: { level: 2, below: '$mydestination', atOrAbove: '' },
}));

/**
 * The major number of a compatibility_level value (`3.6` -> 3, `2` -> 2), or
 * null when it is not a level Postfix accepts (Postfix then refuses to start)
 * or is unknown.
 */
export function compatibilityMajor(level: string): number | null {
  const match = /^\s*(\d+)(?:\.\d+){0,2}\s*$/.exec(level);
  return match ? Number(match[1]) : null;
}

/** Does this parameter's default depend on compatibility_level? */
export function isLevelDependentDefault(name: string): boolean {
  return LEVEL_DEFAULTS.has(name);
}

/** Does relaygate know a built-in default for this parameter? */
export function hasBuiltinDefault(name: string): boolean {
  return FIXED_DEFAULTS.has(name) || REFERRING_DEFAULTS.has(name) || LEVEL_DEFAULTS.has(name);
}

/**
 * The built-in default of `name`, unexpanded, given the effective
 * compatibility_level; undefined when relaygate does not know one. When the
 * level itself is unknown, a level-dependent default is unknown too.
 */
export function builtinDefault(name: string, compatibilityLevel: string): string | undefined {
  const fixed = FIXED_DEFAULTS.get(name) ?? REFERRING_DEFAULTS.get(name);
  if (fixed !== undefined) return fixed;
  const byLevel = LEVEL_DEFAULTS.get(name);
  if (byLevel === undefined) return undefined;
  if (isUnknown(compatibilityLevel)) return UNKNOWN_MARK;
  const major = compatibilityMajor(compatibilityLevel);
  if (major === null) return UNKNOWN_MARK;
  return major < byLevel.level ? byLevel.below : byLevel.atOrAbove;
}
