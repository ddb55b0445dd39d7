import type { Span } from '../../model/span.js';
import { FEATURE_MACROS } from './cf-tree.js';
import type { M4, M4Call } from './m4.js';

export { FEATURE_MACROS } from './cf-tree.js';

/**
 * What relaygate records while m4 reads a .mc with the cf tree (cf-tree.ts):
 * the feature files included, the lines of `_DPO_` (one per DAEMON_OPTIONS,
 * with the line that added it), RELAY_DOMAIN calls, and the state proto.m4
 * sees when it writes the configuration (it is m4wrap'ed: read after the
 * input ends).
 */
export interface FeatureCall {
  name: string;
  args: string[];
  span: Span;
  /** The macro the feature defines, when it matters to relaying; null otherwise. */
  macro: string | null;
}

export interface ProtoState {
  /** The definition of _PROMISCUOUS_RELAY_ when proto.m4 ran (undefined: not in effect). */
  promiscuous: { span: Span } | undefined;
  /** Features whose macro still holds the definition their file made. */
  features: FeatureCall[];
  /** proto.m4's `O DaemonPortOptions=` lines. */
  options: string[];
  /** The `_DPO_` lines with the line that added each one, as proto.m4 found them. */
  dpoLines: { text: string; span: Span }[];
  /** Where confDAEMON_OPTIONS was defined, when proto.m4 used it. */
  confDaemonOptions: Span | null;
}

export interface CfState {
  features: FeatureCall[];
  /** `_DPO_`'s lines, each with the line that added it. */
  dpoLines: { text: string; span: Span }[];
  relayDomains: { kind: 'RELAY_DOMAIN' | 'RELAY_DOMAIN_FILE'; value: string; span: Span }[];
  /** cfhead.m4 was read (the macros it defines exist). */
  loaded: boolean;
  proto: ProtoState | null;
}

export function newCfState(): CfState {
  return { features: [], dpoLines: [], relayDomains: [], loaded: false, proto: null };
}

/** The line of a feature file include: the feature it reads, with the arguments FEATURE stored for it. */
export function recordFeature(m4: M4, state: CfState, name: string, call: M4Call): void {
  const arg = m4.lookup('_ARG_');
  const args = arg !== undefined && arg.kind === 'user' && arg.body !== '' ? [arg.body] : [];
  state.features.push({ name, args, span: call.span, macro: FEATURE_MACROS.get(name) ?? null });
}

/**
 * `_DPO_` changed (DAEMON_OPTIONS appends a line; a .mc may redefine it):
 * lines that were there keep the line that added them, new ones get `span`.
 */
export function trackDpo(m4: M4, state: CfState, span: Span): void {
  const def = m4.lookup('_DPO_');
  const body = def !== undefined && def.kind === 'user' ? def.body : '';
  const lines = body === '' ? [] : body.split('\n').slice(1);
  const old = state.dpoLines;
  state.dpoLines = lines.map((text, i) => (old[i]?.text === text ? old[i] : { text, span }));
}

/** Features whose macro was not undefined (or redefined) again: the call that last defined it is in effect. */
function featuresInEffect(m4: M4, state: CfState): FeatureCall[] {
  return state.features.filter((f) => {
    if (f.macro === null) return true;
    const def = m4.lookup(f.macro);
    return def !== undefined && def.span === f.span;
  });
}

/**
 * The parts of cfhead.m4 relaygate models in TypeScript rather than m4:
 * RELAY_DOMAIN (recorded), the LOCAL_* macros that only switch diversions,
 * the class and map macros that only consume their arguments, and the two
 * hooks around proto.m4's listener lines.
 */
export function installCfHooks(m4: M4, state: CfState): void {
  m4.builtin('__relaygate_cfhead', (m, c) => {
    state.loaded = true;
    installCfMacros(m, state, c.span);
    return '';
  }, false);
  m4.builtin('__relaygate_proto_begin', (m) => {
    // proto.m4 writes its options section in diversion 0, with the default quotes.
    m.lquote = '`';
    m.rquote = "'";
    m.diversion = 0;
    const promiscuous = m.lookup('_PROMISCUOUS_RELAY_');
    const conf = m.lookup('confDAEMON_OPTIONS');
    state.proto = {
      promiscuous: promiscuous === undefined ? undefined : { span: promiscuous.span ?? m.spanAt({ offset: 0 }) },
      features: featuresInEffect(m, state),
      options: [],
      dpoLines: [],
      confDaemonOptions: conf !== undefined && !(conf.kind === 'user' && conf.body === '') ? (conf.span ?? null) : null,
    };
    m.capture = [];
    return '';
  }, false);
  m4.builtin('__relaygate_proto_end', (m) => {
    const out = (m.capture ?? []).join('');
    m.capture = null;
    if (state.proto !== null) {
      state.proto.options = out.split('\n').filter((l) => l.startsWith('O DaemonPortOptions=')).map((l) => l.slice('O DaemonPortOptions='.length));
      state.proto.dpoLines = state.dpoLines;
    }
    return '';
  }, false);
}

function installCfMacros(m4: M4, state: CfState, span: Span): void {
  for (const kind of ['RELAY_DOMAIN', 'RELAY_DOMAIN_FILE'] as const) {
    m4.builtin(kind, (_m, c) => {
      state.relayDomains.push({ kind, value: c.args[0] ?? '', span: c.span });
      return '';
    }, false, span);
  }
  // Macros that only switch diversions (their text lands in sections relaygate does not judge).
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
