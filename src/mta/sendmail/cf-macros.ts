import type { Span } from '../../model/span.js';
import type { M4, M4Call } from './m4.js';

/**
 * What cf.m4 (cfhead.m4) gives a .mc, modelled directly instead of reading
 * /usr/share/sendmail/cf: FEATURE, DAEMON_OPTIONS, RELAY_DOMAIN, ... and the
 * m4 macros the features define. proto.m4 tests those macros when the input
 * ends (it is m4wrap'ed), so what counts is the state at the end of the .mc.
 */

/** The macro each relay-relevant feature file defines (cf/feature/<name>.m4). */
export const FEATURE_MACROS: Readonly<Record<string, string>> = {
  promiscuous_relay: '_PROMISCUOUS_RELAY_',
  no_default_msa: '_NO_MSA_',
  relay_entire_domain: '_RELAY_ENTIRE_DOMAIN_',
  relay_based_on_MX: '_RELAY_MX_SERVED_',
  loose_relay_check: '_LOOSE_RELAY_CHECK_',
  relay_local_from: '_RELAY_LOCAL_FROM_',
  relay_mail_from: '_RELAY_DB_FROM_',
  relay_hosts_only: '_RELAY_HOSTS_ONLY_',
  access_db: '_ACCESS_TABLE_',
  msp: '_NO_MSA_',
};

export interface FeatureCall {
  name: string;
  args: string[];
  span: Span;
  /** The macro the feature defines, when it matters to relaying; null otherwise. */
  macro: string | null;
}

export interface CfState {
  features: FeatureCall[];
  /** DAEMON_OPTIONS calls still part of `_DPO_` (reset when a .mc redefines `_DPO_` itself). */
  daemonOptions: { text: string; span: Span }[];
  relayDomains: { kind: 'RELAY_DOMAIN' | 'RELAY_DOMAIN_FILE'; value: string; span: Span }[];
  /** True while DAEMON_OPTIONS itself updates `_DPO_`. */
  updatingDpo: boolean;
}

export function newCfState(): CfState {
  return { features: [], daemonOptions: [], relayDomains: [], updatingDpo: false };
}

function defineFlag(m4: M4, name: string, span: Span, body = '1'): void {
  m4.define(name, { kind: 'user', body, span });
}

/** cfhead.m4: `changecom()`, the sendmail macros, and diversion 0 at the end of cf.m4. */
export function loadCfM4(m4: M4, state: CfState, span: Span): void {
  m4.bcomm = '';
  m4.ecomm = '\n';
  m4.diversion = 0;
  defineFlag(m4, '_DPO_', span, '');

  m4.builtin('FEATURE', (m, c) => feature(m, state, c), false, span);
  m4.builtin('DAEMON_OPTIONS', (m, c) => daemonOptions(m, state, c), false, span);
  m4.builtin('OSTYPE', (m, c) => {
    m.breakLine(0);
    const name = c.args[0] ?? '';
    defineFlag(m, '__OSTYPE__', c.span, name);
    // ostype/solaris8.m4 and solaris11.m4 turn the default MTA into two listeners (inet and inet6).
    if (name === 'solaris8' || name === 'solaris11') defineFlag(m, '_NETINET6_', c.span, '');
    return '';
  }, false, span);
  m4.builtin('DOMAIN', (m, c) => {
    m.breakLine(0);
    // domain/debian-msp.m4 calls FEATURE(`no_default_msa').
    if ((c.args[0] ?? '') === 'debian-msp') defineFlag(m, '_NO_MSA_', c.span);
    return '';
  }, false, span);
  m4.builtin('MAILER', (m, c) => {
    m.breakLine(0);
    defineFlag(m, '_MAILER_DEFINED_', c.span);
    return '';
  }, false, span);
  m4.builtin('VERSIONID', (_m, c) => `#####  ${c.args[0] ?? ''}  #####`, false, span);
  for (const kind of ['RELAY_DOMAIN', 'RELAY_DOMAIN_FILE'] as const) {
    m4.builtin(kind, (_m, c) => {
      state.relayDomains.push({ kind, value: c.args[0] ?? '', span: c.span });
      return '';
    }, false, span);
  }
  // Macros that only switch diversions (their text lands in sections we do not judge).
  const diverting: Record<string, number> = {
    LOCAL_RULE_0: 3, LOCAL_UUCP: 4, LOCAL_RULE_1: 9, LOCAL_RULE_2: 9, LOCAL_RULESETS: 9,
    LOCAL_RULE_3: 2, LOCAL_CONFIG: 6, MAILER_DEFINITIONS: 7, LOCAL_DNSBL: 8, LOCAL_NET_CONFIG: 1,
  };
  for (const [name, n] of Object.entries(diverting)) {
    m4.builtin(name, (m) => {
      m.diversion = n;
      return '';
    }, false, span);
  }
  m4.builtin('HACK', (m) => {
    m.breakLine(0);
    return '';
  }, false, span);
  // Macros that take arguments and write only class/map lines: consume them, output nothing.
  for (const name of [
    'SITECONFIG', 'EXPOSED_USER', 'EXPOSED_USER_FILE', 'LOCAL_USER', 'LOCAL_USER_FILE',
    'MASQUERADE_AS', 'MASQUERADE_DOMAIN', 'MASQUERADE_EXCEPTION', 'MASQUERADE_DOMAIN_FILE',
    'MASQUERADE_EXCEPTION_FILE', 'LOCAL_DOMAIN', 'CANONIFY_DOMAIN', 'CANONIFY_DOMAIN_FILE',
    'GENERICS_DOMAIN', 'GENERICS_DOMAIN_FILE', 'VIRTUSER_DOMAIN', 'VIRTUSER_DOMAIN_FILE',
    'TRUST_AUTH_MECH', 'CLIENT_OPTIONS', 'MAIL_FILTER', 'INPUT_MAIL_FILTER', 'QUEUE_GROUP',
    'MODIFY_MAILER_FLAGS', 'LDAPROUTE_DOMAIN', 'LDAPROUTE_DOMAIN_FILE', 'LDAPROUTE_EQUIVALENT',
    'LDAPROUTE_EQUIVALENT_FILE',
  ]) {
    m4.builtin(name, () => '', false, span);
  }
}

function feature(m4: M4, state: CfState, c: M4Call): string {
  const name = c.args[0] ?? '';
  // Every feature file writes its VERSIONID banner line into diversion 0.
  m4.breakLine(0);
  if (name.includes('\uE000')) {
    m4.unknown(c.span, 'FEATURE with an unresolved name');
    return '';
  }
  let macro: string | null = FEATURE_MACROS[name] ?? null;
  if (name === 'relay_mail_from' && !m4.isDefined('_ACCESS_TABLE_')) {
    // feature/relay_mail_from.m4 only prints "*** ERROR: ... requires FEATURE(`access_db')".
    m4.note(c.span, "FEATURE(`relay_mail_from') requires FEATURE(`access_db') before it; m4 ignores it");
    macro = null;
  }
  state.features.push({ name, args: c.args.slice(1), span: c.span, macro });
  if (macro) defineFlag(m4, macro, c.span);
  if (name === 'msp' && (lookupDpo(m4) === '')) {
    // feature/msp.m4: without DAEMON_OPTIONS, one loopback listener "NoMTA".
    daemonOptions(m4, state, { ...c, args: ['Name=NoMTA, Addr=127.0.0.1, M=E'] });
  }
  return '';
}

function lookupDpo(m4: M4): string {
  const def = m4.lookup('_DPO_');
  return def && def.kind === 'user' ? def.body : '';
}

/** cfhead.m4: define(`_DPO_', defn(`_DPO_')<newline>O DaemonPortOptions=`$1'). */
function daemonOptions(m4: M4, state: CfState, c: M4Call): string {
  const text = c.args[0] ?? '';
  state.updatingDpo = true;
  m4.define('_DPO_', { kind: 'user', body: `${lookupDpo(m4)}\nO DaemonPortOptions=${text}`, span: c.span });
  state.updatingDpo = false;
  state.daemonOptions.push({ text, span: c.span });
  return '';
}
