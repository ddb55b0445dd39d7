import path from 'node:path/posix';

/**
 * The sendmail cf tree (`/usr/share/sendmail/cf`, sendmail-cf 8.17) as m4
 * finds it: which files exist, and for each one relaygate's own model of
 * what it does to the things that decide relaying (the macros proto.m4
 * tests, DAEMON_OPTIONS, the FEATUREs it calls). Every model file starts as
 * the real ones do, writing its VERSIONID banner line into diversion 0.
 *
 * An include() of the tree by any path that resolves into it (`../`
 * included: HACK(`../feature/promiscuous_relay') reads
 * feature/promiscuous_relay.m4) reads the model; a name the tree does not
 * have fails as m4 does ("cannot open `...': No such file or directory").
 */

const TREE: Readonly<Record<string, string>> = {
  feature:
    'accept_unqualified_senders accept_unresolvable_domains access_db allmasquerade always_add_domain authinfo badmx bcc ' +
    'bestmx_is_local bitdomain blacklist_recipients block_bad_helo blocklist_recipients check_cert_altnames check_other ' +
    'compat_check conncontrol delay_checks dnsbl domainmap domaintable drac enhdnsbl generics_entire_domain genericstable ' +
    'greet_pause ldap_routing limited_masquerade local_lmtp local_no_masquerade local_procmail lookupdotdomain ' +
    'loose_relay_check mailertable masquerade_entire_domain masquerade_envelope msp mtamark no_default_msa nocanonify ' +
    'nopercenthack notsticky nouucp nullclient prefixmod preserve_local_plus_detail preserve_luser_host promiscuous_relay ' +
    'queuegroup ratecontrol redirect relay_based_on_MX relay_entire_domain relay_hosts_only relay_local_from ' +
    'relay_mail_from require_rdns rhsbl smrsh stickyhost sts tls_failures tls_session_features use_client_ptr ' +
    'use_ct_file use_cw_file uucpdomain virtuser_entire_domain virtusertable vnet',
  hack: 'cssubdomain debian_auth dnsblaccess msp_nullclient nodns spamtrap virthost_by_ip xconnect',
  ostype:
    'a-ux aix3 aix4 aix5 altos amdahl-uts bsd4.3 bsd4.4 bsdi bsdi1.0 bsdi2.0 darwin debian dgux domainos dragonfly ' +
    'dynix3.2 freebsd4 freebsd5 freebsd6 gnu hpux10 hpux11 hpux9 irix4 irix5 irix6 isc4.1 linux maxion mklinux mpeix ' +
    'nextstep openbsd osf1 powerux ptx2 qnx riscos4.5 sco-uw-2.1 sco3.2 sinix solaris11 solaris2 solaris2.ml ' +
    'solaris2.pre5 solaris8 sunos3.5 sunos4.1 svr4 ultrix4 unicos unicosmk unicosmp unixware7 unknown uxpds',
  domain: 'Berkeley.EDU CS.Berkeley.EDU EECS.Berkeley.EDU S2K.Berkeley.EDU berkeley-only debian-msp debian-mta generic',
  mailer: 'cyrus cyrusv2 fax local mail11 phquery pop procmail qpage smtp ssh usenet uucp xagent',
  siteconfig: 'uucp.cogsci uucp.old.arpa uucp.ucbarpa uucp.ucbvax',
  m4: 'cf cfhead proto version',
};

/** Roots where distributions install the tree (Debian, RHEL): a path there is the tree before cf.m4 says where it is. */
export const CF_TREE_ROOTS: readonly string[] = ['/usr/share/sendmail/cf/', '/usr/share/sendmail-cf/'];

const FILES: ReadonlySet<string> = new Set(
  Object.entries(TREE).flatMap(([dir, names]) => names.split(' ').map((name) => `${dir}/${name}.m4`)),
);

/** The macro each relay-relevant feature file defines (cf/feature/<name>.m4). */
export const FEATURE_MACROS: ReadonlyMap<string, string> = new Map([
  ['promiscuous_relay', '_PROMISCUOUS_RELAY_'],
  ['no_default_msa', '_NO_MSA_'],
  ['relay_entire_domain', '_RELAY_ENTIRE_DOMAIN_'],
  ['relay_based_on_MX', '_RELAY_MX_SERVED_'],
  ['loose_relay_check', '_LOOSE_RELAY_CHECK_'],
  ['relay_local_from', '_RELAY_LOCAL_FROM_'],
  ['relay_mail_from', '_RELAY_DB_FROM_'],
  ['relay_hosts_only', '_RELAY_HOSTS_ONLY_'],
  ['access_db', '_ACCESS_TABLE_'],
]);

/** What the model files do beyond their banner (only what bears on relaying and listeners). */
const BODIES: ReadonlyMap<string, string> = new Map([
  // feature/relay_mail_from.m4 only prints an error without access_db.
  [
    'feature/relay_mail_from.m4',
    "ifdef(`_ACCESS_TABLE_', `define(`_RELAY_DB_FROM_', 1)', `errprint(`*** ERROR: FEATURE(`relay_mail_from') requires FEATURE(`access_db')\n')')",
  ],
  ['feature/access_db.m4', "define(`_ACCESS_TABLE_', `')"],
  // feature/msp.m4 and hack/msp_nullclient.m4: no MSA; without DAEMON_OPTIONS, one loopback listener.
  ['feature/msp.m4', "FEATURE(`no_default_msa')ifelse(defn(`_DPO_'), `', `DAEMON_OPTIONS(`Name=NoMTA, Addr=127.0.0.1, M=E')')MAILER(`local')MAILER(`smtp')"],
  ['hack/msp_nullclient.m4', "FEATURE(`no_default_msa')ifelse(defn(`_DPO_'), `', `DAEMON_OPTIONS(`Name=NoMTA, Addr=127.0.0.1, M=E')')"],
  ['feature/nullclient.m4', "FEATURE(`allmasquerade')FEATURE(`masquerade_envelope')MAILER(`local')MAILER(`smtp')"],
  // ostype/solaris8.m4 and solaris11.m4 make the default MTA two listeners (inet and inet6).
  ['ostype/solaris8.m4', "define(`_NETINET6_')FEATURE(`local_lmtp')"],
  ['ostype/solaris11.m4', "define(`_NETINET6_')FEATURE(`local_lmtp')"],
  ['ostype/linux.m4', 'FEATURE(`local_procmail\')'],
  // domain/debian-msp.m4 turns the MSA off (for sendmail 8.10 and later).
  ['domain/debian-msp.m4', "FEATURE(`no_default_msa')"],
]);

/** The text of a relay-relevant feature file (or a banner-only one). */
function featureBody(name: string): string {
  const macro = FEATURE_MACROS.get(name);
  return macro === undefined ? '' : `define(\`${macro}', 1)`;
}

/** Model text of a tree file (relative path like `feature/x.m4`), or null when the tree has no such file. */
export function cfTreeText(relative: string): string | null {
  if (!FILES.has(relative)) return null;
  if (relative.startsWith('m4/')) return MODEL_M4.get(relative) ?? '';
  const dir = relative.slice(0, relative.indexOf('/'));
  const name = relative.slice(dir.length + 1, -3);
  const body = BODIES.get(relative) ?? (dir === 'feature' ? featureBody(name) : '');
  return `divert(0)dnl\nVERSIONID(\`relaygate model of ${relative}')\ndivert(-1)\n${body}\n`;
}

/**
 * Where `file` (an include() argument) is in the tree whose root is `cfDir`
 * (cf.m4's `_CF_DIR_`, or null before cf.m4 is read): a relative path such as
 * `feature/x.m4`, or null when the file is outside the tree.
 */
export function cfTreePath(file: string, cfDir: string | null): string | null {
  const full = path.normalize(file);
  for (const root of cfDir === null ? CF_TREE_ROOTS : [cfDir, ...CF_TREE_ROOTS]) {
    let rest: string;
    if (root === '' || path.normalize(root) === './') rest = full;
    else {
      const base = path.normalize(root.endsWith('/') ? root : `${root}/`);
      if (!full.startsWith(base)) continue;
      rest = full.slice(base.length);
    }
    // Only the tree's own directories: anything else is another file m4 would look for.
    const top = rest.slice(0, Math.max(0, rest.indexOf('/')));
    if (top in TREE) return rest;
  }
  return null;
}

/**
 * _CF_DIR_ as cf.m4 computes it from its own path: the path without its
 * last 8 characters (`m4/cf.m4`), `substr(__file__, 0, eval(len(__file__) - 8))`.
 */
export function cfDirOf(cfM4Path: string): string {
  return cfM4Path.length >= 8 ? cfM4Path.slice(0, cfM4Path.length - 8) : '';
}

/**
 * relaygate's model of cf.m4, cfhead.m4 and proto.m4: the macros a .mc calls,
 * written as m4 so that indir, builtin, defn and `../` reach them as they
 * reach the real ones. `__relaygate_cfhead` installs the macros modelled in
 * TypeScript (class and map macros that only consume their arguments,
 * RELAY_DOMAIN); `__relaygate_proto_begin`/`_end` bracket proto.m4's
 * listener lines, read after the input ends (cfhead m4wraps proto.m4).
 */
const MODEL_M4: ReadonlyMap<string, string> = new Map([
  [
    'm4/cf.m4',
    'divert(0)dnl\n' +
      "ifdef(`OSTYPE', `dnl', `include(_CF_DIR_`'m4/cfhead.m4)dnl\nVERSIONID(`relaygate model of m4/cf.m4')')\n",
  ],
  [
    'm4/cfhead.m4',
    'divert(-1)\n' +
      'changecom()\n' +
      "define(`PUSHDIVERT', `pushdef(`__D__', divnum)divert($1)')\n" +
      "define(`POPDIVERT', `divert(__D__)popdef(`__D__')')\n" +
      "define(`VERSIONID', ``#####  $1  #####'')\n" +
      "define(`OSTYPE', `PUSHDIVERT(-1)define(`__OSTYPE__', `$1')define(`_ARG_', `$2')include(_CF_DIR_`'ostype/$1.m4)POPDIVERT`'')\n" +
      "define(`DOMAIN', `PUSHDIVERT(-1)define(`_ARG_', `$2')include(_CF_DIR_`'domain/$1.m4)POPDIVERT`'')\n" +
      "define(`FEATURE', `PUSHDIVERT(-1)define(`_ARG_', `$2')define(`_ARGS_', `shift($@)')include(_CF_DIR_`'feature/$1.m4)POPDIVERT`'')\n" +
      "define(`HACK', `PUSHDIVERT(-1)define(`_ARG_', `$2')define(`_ARGS_', `shift($@)')include(_CF_DIR_`'hack/$1.m4)POPDIVERT`'')\n" +
      "define(`MAILER', `ifdef(`_MAILER_DEFINED_', `', `define(`_MAILER_DEFINED_', `1')')define(`_ARG_', `$2')PUSHDIVERT(7)include(_CF_DIR_`'mailer/$1.m4)POPDIVERT`'')\n" +
      "define(`_DPO_', `')\n" +
      "define(`DAEMON_OPTIONS', `define(`_DPO_', defn(`_DPO_')\nO DaemonPortOptions=`$1')')\n" +
      '__relaygate_cfhead()\n' +
      "m4wrap(`include(_CF_DIR_`m4/proto.m4')')\n" +
      'divert(0)dnl\n',
  ],
  [
    'm4/proto.m4',
    '__relaygate_proto_begin()dnl\n' +
      "ifelse(defn(`confDAEMON_OPTIONS'), `', `dnl', `DAEMON_OPTIONS(`confDAEMON_OPTIONS')')\n" +
      "ifelse(defn(`_DPO_'), `',\n`ifdef(`_NETINET6_', `O DaemonPortOptions=Name=MTA-v4, Family=inet\nO DaemonPortOptions=Name=MTA-v6, Family=inet6',`O DaemonPortOptions=Name=MTA')', `_DPO_')\n" +
      "ifdef(`_NO_MSA_', `dnl', `O DaemonPortOptions=Port=587, Name=MSA, M=E')\n" +
      '__relaygate_proto_end()dnl\n',
  ],
  ['m4/version.m4', ''],
]);
