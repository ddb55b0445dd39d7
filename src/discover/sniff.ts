import { looksLikeAccessMap } from '../mta/sendmail/access-map.js';
import type { ConfigRole, Role } from './patterns.js';

/** Sniffing looks at the beginning of a file only: a configuration shows what it is early. */
export const SNIFF_CHARS = 64 * 1024;

/**
 * Postfix parameter names (postconf(5)) that a lookup-table definition
 * (mysql_table(5), ldap_table(5), memcache_table(5): hosts, user, query,
 * tls_cert_file, data_size_limit, ...) never uses. Anchored alternation: linear.
 */
const POSTFIX_PARAMETER =
  /^(?:smtpd?_|lmtp_|postscreen_|tlsproxy_|virtual_|relay_|milter_|mailbox_|masquerade_|sender_|recipient_|smtputf8_|my(?:hostname|domain|destination|origin|networks)|inet_(?:interfaces|protocols)|relayhost|compatibility_level|alias_(?:maps|database)|transport_maps|canonical_maps|(?:queue|command|daemon|data|meta|shlib|html|manpage|sample|readme)_directory|mail_(?:owner|spool_directory)|setgid_group|(?:sendmail|newaliases|mailq)_path|biff$|append_dot_mydomain|home_mailbox|message_size_limit|(?:header|body)_checks|maillog_file|unknown_local_recipient_reject_code|non_smtpd_milters|content_filter|notify_classes|luser_relay|delay_warning_time|disable_vrfy_command|default_transport|local_(?:transport|recipient_maps))/;

/** `name = value` at column 0 (postconf(5): a logical line starts at column 0). */
const MAIN_CF_LINE = /^([A-Za-z0-9_]+)[ \t]*=/;

/** master(5) service types. */
const SERVICE_TYPES: ReadonlySet<string> = new Set(['inet', 'unix', 'unix-dgram', 'fifo', 'pass']);
const FLAG = /^[yn-]$/;

/** A sendmail m4 macro call (cf/README) or an m4 builtin at the start of a line. */
const MC_CALL =
  /^[ \t]*(?:divert|OSTYPE|FEATURE|MAILER|DOMAIN|include|sinclude|VERSIONID|define|undefine|DAEMON_OPTIONS|CLIENT_OPTIONS|MASQUERADE_AS|MASQUERADE_DOMAIN|LOCAL_DOMAIN|EXPOSED_USER|RELAY_DOMAIN|RELAY_DOMAIN_FILE|INPUT_MAIL_FILTER|MAIL_FILTER|TRUST_AUTH_MECH|GENERICS_DOMAIN|changecom|changequote|ifdef|ifelse)\(/;
const MC_SECTION = /^(?:LOCAL_CONFIG|LOCAL_RULESETS|LOCAL_NET_CONFIG|LOCAL_RULE_[0-3])[ \t]*$/;
/** `dnl` as a word: at the start of a line, or right after a macro call's `)`. */
const MC_DNL = /(?:^[ \t]*|\))dnl(?:[ \t]|$)/;

/**
 * sendmail.cf line types (sendmail Installation and Operation Guide, section
 * 5): V version, O option, S ruleset, R rewrite rule, M mailer definition.
 */
const CF_LINES: readonly RegExp[] = [
  /^V\d+(?:\/[A-Za-z]+)?[ \t]*$/,
  /^O [A-Za-z][A-Za-z0-9.]*(?:[ \t]*=|[ \t]*$)/,
  /^S(?:\d+|[A-Za-z_][A-Za-z0-9_]*)(?:[ \t]*=[ \t]*\d+)?[ \t]*$/,
  /^R\$/,
  /^M[A-Za-z0-9_]+,[ \t]*P=/,
];
/** One stray `Settings` line looks like a named ruleset: a sendmail.cf has many of these lines. */
const CF_MIN_LINES = 2;
const EXIM_MIN_LINES = 2;

/**
 * Exim runtime configuration (exim spec, "The runtime configuration file"):
 * strong signs are what only Exim has (section starts, named lists, ACL
 * options, drivers, its conditional and include directives); weak signs are
 * ACL statements and conditions, common main options, macro definitions.
 * Each pattern is anchored with no nested quantifiers: linear.
 */
const EXIM_STRONG: readonly RegExp[] = [
  /^begin[ \t]+(?:acls?|routers?|transports?|authenticators?|retrys?|rewrites?|local_scans?)[ \t]*$/i,
  /^(?:hide[ \t]+)?(?:domainlist|hostlist|addresslist|localpartlist)(?:_cache)?[ \t]+\w+[ \t]*=/,
  /^acl_smtp_[a-z_]+[ \t]*=/,
  /^[ \t]*driver[ \t]*=[ \t]*(?:accept|dnslookup|ipliteral|manualroute|queryprogram|redirect|appendfile|autoreply|lmtp|pipe|smtp|plaintext|cram_md5|cyrus_sasl|dovecot|external|gsasl|heimdal_gssapi|spa|tls)\b/,
  /^[ \t]*\.(?:ifdef|ifndef|elifdef|elifndef|include|include_if_exists)[ \t]/,
  /^UPEX4CmacrosUPEX4C/,
];
const EXIM_WEAK: readonly RegExp[] = [
  /^[ \t]+(?:accept|deny|require|warn|drop|defer|discard)(?:[ \t]|$)/,
  /^[ \t]+!?(?:hosts|domains|local_parts|senders|verify|authenticated|message|log_message|control|condition|dnslists|endpass)[ \t]*(?:=|$)/,
  /^(?:primary_hostname|qualify_domain|local_interfaces|daemon_smtp_ports?|never_users|trusted_users|exim_user|exim_group|spool_directory|log_selector|log_file_path|tls_[a-z_]+|received_header_text|smtp_banner|host_lookup|rfc1413_hosts|ignore_bounce_errors_after|timeout_frozen_after|keep_environment|remote_max_parallel|queue_run_max|split_spool_directory|freeze_tell|system_filter|message_size_limit)[ \t]*=/,
  /^\.(?:else|endif)[ \t]*$/,
  /^[a-z][a-z0-9_]*:[ \t]*$/,
];

/** smtpd.conf(5): listeners, actions, rules (and the pre-6.4 `accept from` rules). */
const SMTPD_LINES: readonly RegExp[] = [
  /^[ \t]*listen[ \t]+on[ \t]/,
  /^[ \t]*match[ \t]+(?:!|from[ \t]|for[ \t]|tag[ \t]|helo[ \t]|tls[ \t]|auth[ \t]|mail-from[ \t]|rcpt-to[ \t]|action[ \t]|reject)/,
  /^[ \t]*action[ \t]+\S+[ \t]+(?:relay|mbox|maildir|lmtp|mda|forward-only|expand-only)\b/,
  /^[ \t]*(?:accept|reject)[ \t]+(?:from|for|tagged|sender)[ \t]/,
];

function isMasterService(line: string): boolean {
  const fields = line.trim().split(/[ \t]+/);
  return (
    fields.length >= 8 &&
    SERVICE_TYPES.has(fields[1] ?? '') &&
    FLAG.test(fields[2] ?? '') &&
    FLAG.test(fields[3] ?? '') &&
    FLAG.test(fields[4] ?? '')
  );
}

/**
 * Decides from the beginning of a file which of `roles` its content is, or
 * null when it looks like none of them (a Minecraft `.mc`, a Postfix lookup
 * table definition under `postfix/`, a SpamAssassin `.cf` under `mail/`).
 */
export function sniffRole<R extends Role>(text: string, roles: readonly R[]): R | null {
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  // An access map is what sendmail reads RELAY entries from; nothing else says RELAY.
  if ((roles as readonly Role[]).includes('sendmail.access')) return looksLikeAccessMap(head) ? ('sendmail.access' as R) : null;
  const hits: Record<ConfigRole, number> = {
    'main.cf': 0,
    'master.cf': 0,
    'sendmail.mc': 0,
    'sendmail.cf': 0,
    'exim.conf': 0,
    'update-exim4.conf.conf': 0,
    'smtpd.conf': 0,
  };
  let eximStrong = 0;
  for (const raw of head.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (MC_CALL.test(line) || MC_SECTION.test(line) || MC_DNL.test(line)) hits['sendmail.mc']++;
    if (EXIM_STRONG.some((re) => re.test(line))) {
      eximStrong++;
      hits['exim.conf']++;
    } else if (EXIM_WEAK.some((re) => re.test(line))) hits['exim.conf']++;
    if (SMTPD_LINES.some((re) => re.test(line))) hits['smtpd.conf']++;
    const first = line.charCodeAt(0);
    // Indented lines continue the previous one in main.cf, master.cf and .cf alike.
    if (line === '' || first === 32 || first === 9 || first === 35) continue;
    const main = MAIN_CF_LINE.exec(line);
    if (main && POSTFIX_PARAMETER.test(main[1] ?? '')) hits['main.cf']++;
    else if (isMasterService(line)) hits['master.cf']++;
    else if (CF_LINES.some((re) => re.test(line))) hits['sendmail.cf']++;
  }
  // An Exim file shows one of its own signs and at least one more.
  if (eximStrong === 0) hits['exim.conf'] = 0;
  let best: ConfigRole | null = null;
  for (const role of roles as readonly Role[]) {
    if (role === 'sendmail.access') continue;
    const needed = role === 'sendmail.cf' ? CF_MIN_LINES : role === 'exim.conf' ? EXIM_MIN_LINES : 1;
    if (hits[role] >= needed && (best === null || hits[role] > hits[best])) best = role;
  }
  // best is one of `roles`.
  return best as R | null;
}
