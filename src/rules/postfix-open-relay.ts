import type { Certainty, RuleResult } from '../model/finding.js';
import { isUnknown } from '../model/source.js';
import type { Span } from '../model/span.js';
import type { Configuration } from '../mta/configuration.js';
import { mainCfPartlyKnown, PostfixParameters, type EffectiveValue } from '../mta/postfix/effective.js';
import { smtpdListeners, type SmtpdListener } from '../mta/postfix/listeners.js';
import type { PostfixConfiguration } from '../mta/postfix/model.js';
import { attackers, proxiedAttackers, relayVerdict, STAGES, levelOf, type Path, type RelayParameters, type RelayVerdict, type Step } from '../mta/postfix/relay-decision.js';
import { smtpdWouldRefuseToStart } from '../mta/postfix/smtpd-startup.js';
import { startupProblems } from '../mta/postfix/startup-problems.js';
import { splitList } from '../mta/postfix/list.js';
import { describeListeners, describeValue, locateValue, RelatedList, show } from './postfix-locate.js';
import { examples } from './examples/postfix-open-relay.js';
import type { Rule, RuleMeta } from './rule.js';

export const meta: RuleMeta = {
  id: 'postfix-open-relay',
  title: 'Postfix relays mail for untrusted clients',
  description:
    'An smtpd other hosts can reach accepts mail from an untrusted client to a domain it does not serve (smtpd_relay_restrictions and smtpd_recipient_restrictions evaluated as smtpd does), or smtpd would refuse to start.',
  help:
    'relaygate replays the decision smtpd makes at RCPT TO for a client it does not trust, per externally reachable ' +
    'smtpd service (main.cf plus that service\'s master.cf -o overrides): smtpd_client_restrictions, ' +
    'smtpd_helo_restrictions and smtpd_sender_restrictions (checked at RCPT time with smtpd_delay_reject = yes), ' +
    'then smtpd_relay_restrictions and smtpd_recipient_restrictions. In each list the first restriction that decides ' +
    'wins; permit ends only its own list; any reject refuses the recipient. Defaults follow compatibility_level ' +
    '(smtpd_relay_restrictions is empty below level 1). The client is an attacker who chooses what it can: an address ' +
    'outside mynetworks (or inside a world-wide one), HELO or none, a recipient in a domain the server does not serve. ' +
    'A permit before reject_unauth_destination, a mynetworks of 0.0.0.0/0, a warn_if_reject before the relay check, ' +
    'or a relay_domains that matches every domain opens the relay. Access maps and policy services relaygate cannot ' +
    'read make the verdict indeterminate. smtpd also refuses to start when neither list has reject_unauth_destination, ' +
    'defer_unauth_destination, reject, defer, defer_if_permit or check_relay_domains before a permit; that is ' +
    'reported here too. Fix: smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, ' +
    'reject_unauth_destination (Postfix\'s own default since compatibility_level 1, with defer_ instead of reject_).',
  fix: 'Put reject_unauth_destination in smtpd_relay_restrictions before any permit, e.g. smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination.',
  defaultLevel: 'error',
  securitySeverity: 9.0,
  stig: false,
  examples,
};

/** Parameters the relay decision reads: edits over an unknown base, or a lone master.cf, are judged only when they change one. */
const RELAY_PARAMETERS = new Set<string>([
  ...STAGES,
  'smtpd_restriction_classes', 'compatibility_level', 'mynetworks', 'mynetworks_style', 'relay_domains', 'mydestination',
  'virtual_alias_domains', 'virtual_alias_maps', 'virtual_mailbox_domains', 'virtual_mailbox_maps', 'smtpd_helo_required',
  'parent_domain_matches_subdomains', 'smtpd_tls_security_level', 'inet_interfaces',
]);

const FIX_RELAY =
  'Put reject_unauth_destination in smtpd_relay_restrictions before any permit (Postfix\'s default since compatibility_level 1 is permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination).';

/**
 * A main.cf that is not in the repository (a master.cf alone, or edits over a
 * base relaygate does not know in full): every value the repository does not
 * set itself is unknown.
 */
class UnknownBase implements RelayParameters {
  constructor(private readonly inner: PostfixParameters) {}

  get(name: string): EffectiveValue {
    const value = this.inner.get(name);
    const fromBase = value.origin.kind === 'default' || value.sources.some((s) => s.origin.kind === 'default');
    return fromBase ? { ...value, unknown: true } : value;
  }
}

interface Group {
  listeners: SmtpdListener[];
  parameters: RelayParameters;
  smtpd: SmtpdListener['smtpd'];
}

function spanKey(s: Span): string {
  return `${s.file}:${s.line}:${s.column}`;
}

/** Listeners whose smtpd reads the same relay settings from the same lines share one finding. */
function groups(config: PostfixConfiguration, listeners: SmtpdListener[]): Group[] {
  const out = new Map<string, Group>();
  for (const listener of listeners) {
    const parameters: RelayParameters = mainCfPartlyKnown(config) ? new UnknownBase(listener.parameters) : listener.parameters;
    const classes = splitList(parameters.get('smtpd_restriction_classes').value).map((i) => i.text);
    const key = [...RELAY_PARAMETERS, ...classes]
      .map((name) => {
        const v = parameters.get(name);
        return `${name}=${v.value}@${v.origin.kind === 'default' ? '-' : spanKey(v.origin.definition.span)}`;
      })
      .concat(`proxy=${proxyProtocol(listener) ?? ''}`)
      .join('\n');
    const group = out.get(key);
    if (group === undefined) out.set(key, { listeners: [listener], parameters, smtpd: listener.smtpd });
    else group.listeners.push(listener);
  }
  return [...out.values()];
}

/**
 * Edits over a main.cf relaygate does not know are judged on the relay
 * policy they change: exposing a server (inet_interfaces, a new service)
 * leaves the unknown base's relay policy alone, and judging it would only
 * repeat that the base is unknown. Over a recognised distribution the whole
 * resulting configuration is judged (DESIGN.md "Base").
 */
function touchesRelay(names: readonly string[]): boolean {
  return names.some((n) => {
    // An edit whose parameter name could not be resolved may set any of them.
    if (isUnknown(n)) return true;
    const name = n.includes('/') ? n.slice(n.lastIndexOf('/') + 1) : n;
    return RELAY_PARAMETERS.has(name) && name !== 'inet_interfaces';
  });
}

function reach(listeners: readonly SmtpdListener[]): { phrase: string; definite: boolean } {
  const definite = listeners.some((l) => l.external === true);
  return { phrase: definite ? 'accepts connections from any host' : 'may accept connections from other hosts', definite };
}

function result(certainty: Certainty, message: string, fix: string, span: Span, related: RelatedList): RuleResult {
  return { ruleId: meta.id, level: meta.defaultLevel, certainty, mta: 'postfix', message, fix, ids: [], span, related: related.items };
}

/** The definition of the list a step was read from (a stage's parameter or a restriction class). */
function listValue(parameters: RelayParameters, step: Step): EffectiveValue {
  return parameters.get(step.list);
}

function stepText(step: Step): string {
  const where = step.list === step.stage ? step.list : `restriction class ${step.list} (used by ${step.stage})`;
  return `\`${show(step.restriction)}\` in ${where} ${step.why}`;
}

/** The value a person edits for a step: the parameter that made it decide (mynetworks), else its list. */
function valueOf(parameters: RelayParameters, step: Step): EffectiveValue {
  return parameters.get(step.because ?? step.list);
}

/** Why the accepting path accepts, in words, and the value a person edits. */
function explainOpen(parameters: RelayParameters, path: Path): { why: string; value: EffectiveValue; related: EffectiveValue[] } {
  const relay = parameters.get('smtpd_relay_restrictions');
  const recipient = parameters.get('smtpd_recipient_restrictions');
  const relayStages = path.stages.filter((s) => s.stage === 'smtpd_relay_restrictions' || s.stage === 'smtpd_recipient_restrictions');
  const permitted = relayStages.find((s) => s.outcome === 'permit' && s.decidedBy !== null)?.decidedBy ?? null;
  const warned = path.notes.filter((n) => n.effect === 'warned');
  const authorized = path.notes.find((n) => n.effect === 'authorized' && n.because !== undefined);
  const parts: string[] = [];
  const related: EffectiveValue[] = [relay, recipient];
  let value: EffectiveValue;
  if (permitted !== null) {
    value = valueOf(parameters, permitted);
    parts.push(`${stepText(permitted)} (no relay check comes before it)`);
    if (permitted.because !== undefined) related.unshift(listValue(parameters, permitted));
  } else if (authorized !== undefined) {
    value = valueOf(parameters, authorized);
    parts.push(stepText(authorized));
  } else if (warned.length > 0) {
    const first = warned[0] as Step;
    value = listValue(parameters, first);
    for (const w of warned) parts.push(stepText(w));
  } else {
    const level = levelOf(parameters);
    const relayText =
      relay.origin.kind === 'default' && relay.value === ''
        ? `smtpd_relay_restrictions is unset, which is empty below compatibility_level 1 (${level === null ? 'the level is unknown' : `the level here is ${level}`})`
        : `${describeValue(relay)} rejects nothing here`;
    parts.push(`${relayText}, and ${describeValue(recipient)} does not reject a recipient in a foreign domain`);
    value = relay.origin.kind !== 'default' ? relay : recipient.origin.kind !== 'default' ? recipient : relay;
  }
  if (permitted !== null || authorized !== undefined) for (const w of warned) parts.push(stepText(w));
  return { why: parts.join('; '), value, related };
}

function attackerText(verdict: RelayVerdict): string {
  const a = verdict.session?.attacker;
  if (a === undefined) return '';
  const helo = a.helo === null ? 'without HELO' : `with HELO ${a.helo}`;
  const client = a.proxied === undefined ? `a client at ${a.address}` : `a client that connects directly and states ${a.address} in its ${a.proxied} proxy header`;
  return `${client} ${helo}${a.tls ? ' over STARTTLS' : ''} sending to ${a.recipient}`;
}

/**
 * The proxy protocol a listener takes the client's address from, when the
 * repository sets one: smtpd (or postscreen) then believes whoever connects
 * (postconf(5) smtpd_upstream_proxy_protocol: the proxy is expected to be
 * the only peer). A value from an unknown base is not assumed to set one.
 */
function proxyProtocol(listener: SmtpdListener): string | null {
  const p = listener.proxy;
  if (p.unknown || p.origin.kind === 'default') return null;
  const value = p.value.trim();
  return value === '' ? null : value;
}

function checkGroup(config: PostfixConfiguration, group: Group): RuleResult[] {
  const { parameters, listeners } = group;
  const exposure = reach(listeners);
  const where = describeListeners(listeners);

  // smtpd's own startup checks first: a server that does not start relays nothing.
  // Whether smtpd starts may depend on an unresolved value: then the relay verdict (indeterminate) says more.
  const required = relayListsKnown(parameters) ? smtpdWouldRefuseToStart(config, group.smtpd) : false;
  const problems = startupProblems(parameters);
  const relay = parameters.get('smtpd_relay_restrictions');
  const recipient = parameters.get('smtpd_recipient_restrictions');
  if (required === true) {
    const span = locateValue(relay.origin.kind !== 'default' ? relay : recipient.origin.kind !== 'default' ? recipient : relay, config, ['smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'compatibility_level']);
    const related = new RelatedList(span);
    related.addValue(relay, 'smtpd_relay_restrictions is set here');
    related.addValue(recipient, 'smtpd_recipient_restrictions is set here');
    related.add(parameters.get('compatibility_level').origin, 'compatibility_level is set here');
    return [
      result(
        exposure.definite ? 'definite' : 'indeterminate',
        `${where}: smtpd refuses to start, because neither ${describeValue(relay)} nor ${describeValue(recipient)} has reject_unauth_destination, defer_unauth_destination, reject, defer, defer_if_permit or check_relay_domains before a permit ("specify at least one working instance of ...").`,
        FIX_RELAY,
        span,
        related,
      ),
    ];
  }
  if (problems.length > 0) {
    return problems.map((p) => {
      const value = parameters.get(p.parameter);
      const span = locateValue(value, config);
      return result(p.unknown || !exposure.definite ? 'indeterminate' : 'definite', `${where}: smtpd refuses to start: ${p.message}.`, p.fix, span, new RelatedList(span));
    });
  }

  const first = listeners[0];
  const protocol = first === undefined ? null : proxyProtocol(first);
  const verdict = relayVerdict(parameters, protocol === null ? undefined : [...attackers(parameters), ...proxiedAttackers(parameters, protocol)]);
  if (verdict.status === 'closed') return [];
  const path = verdict.path;
  // Through a proxy header: whether a client other than the proxy reaches the port is the network's, not the configuration's.
  const proxied = verdict.session?.attacker.proxied !== undefined && first !== undefined ? first.proxy : null;
  if (verdict.status === 'open' && path !== null) {
    const { why, value, related: values } = explainOpen(parameters, path);
    const span = locateValue(proxied ?? value, config, ['smtpd_relay_restrictions', 'compatibility_level']);
    const related = new RelatedList(span);
    for (const v of values) related.addValue(v, `${v.name} is set here`);
    if (proxied !== null) related.addValue(value, `${value.name} is set here`);
    const fix =
      value.name === 'mynetworks'
        ? 'Set mynetworks to the networks you administer (for example 127.0.0.0/8 [::1]/128), not the whole Internet.'
        : value.name === 'relay_domains' || value.name === 'mydestination' || value.name.startsWith('virtual_')
          ? `List only the domains this server is responsible for in ${value.name}.`
          : FIX_RELAY;
    if (proxied !== null) {
      return [
        result(
          'indeterminate',
          `${where} ${exposure.phrase} and takes each client's address from a proxy header (${proxied.name} = ${show(proxied.value)}): a client that reaches it without the proxy relays mail to any domain: ${why} (${attackerText(verdict)} is accepted). Whether only the proxy can reach it is not in the configuration.`,
          'Let only the proxy reach this port (bind the service to the proxy-facing address, or firewall it), or trust nothing by address: permit_sasl_authenticated before reject_unauth_destination, and mynetworks for no address a client may claim.',
          span,
          related,
        ),
      ];
    }
    return [
      result(
        exposure.definite ? 'definite' : 'indeterminate',
        `${where} ${exposure.phrase} and relays mail for any client to any domain: ${why} (${attackerText(verdict)} is accepted).`,
        fix,
        span,
        related,
      ),
    ];
  }
  // Unknown: some path accepts, depending on what relaygate cannot read.
  const unknowns = uniqueSteps(path?.unknowns ?? verdict.session?.paths.flatMap((p) => p.unknowns) ?? []);
  // Point at the first unknown a person can edit; an unknown main.cf has no line to point at.
  const editable = unknowns.map((u) => valueOf(parameters, u)).find((v) => v.origin.kind !== 'default');
  const value = editable ?? (relay.origin.kind !== 'default' ? relay : recipient);
  const span = locateValue(value, config, ['smtpd_relay_restrictions']);
  const related = new RelatedList(span);
  for (const u of unknowns.slice(1)) related.addValue(listValue(parameters, u), `${show(u.restriction)} in ${u.list}: ${u.why}`);
  const fromBase = unknowns.filter((u) => mainCfPartlyKnown(config) && valueOf(parameters, u).origin.kind === 'default');
  const known = unknowns.filter((u) => !fromBase.includes(u));
  const base = config.mainCf === null ? 'main.cf is not part of this configuration' : `the rest of main.cf comes from ${config.overlay?.assumed ?? 'a base relaygate does not know'}`;
  const reasons = [
    ...(fromBase.length > 0 ? [`${base}, so ${fromBase.map((u) => u.because ?? u.list).join(', ')} are unknown`] : []),
    ...known.slice(0, 3).map(stepText),
  ].join('; ');
  return [
    result(
      'indeterminate',
      `${where} ${exposure.phrase} and may relay mail for any client: whether ${attackerText(verdict)} is refused depends on what relaygate cannot read (${reasons || 'a value relaygate could not resolve'}).`,
      'Make sure a relay check (reject_unauth_destination) is reached before anything that may permit an untrusted client, or supply the values with --vars.',
      span,
      related,
    ),
  ];
}

/** Over an unknown base, smtpd's startup check can only be judged when the repository sets both lists. */
function relayListsKnown(parameters: RelayParameters): boolean {
  return !parameters.get('smtpd_relay_restrictions').unknown && !parameters.get('smtpd_recipient_restrictions').unknown;
}

function uniqueSteps(steps: readonly Step[]): Step[] {
  const seen = new Set<string>();
  return steps.filter((s) => {
    const key = `${s.list}\u0000${s.restriction}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function check(config: PostfixConfiguration): RuleResult[] {
  const overlay = config.overlay;
  if (overlay !== undefined && config.mainCf?.unknownRest !== undefined && !touchesRelay(overlay.touched)) return [];
  let listeners = smtpdListeners(config).filter((l) => l.external !== false);
  if (config.mainCf === null && overlay === undefined) {
    // A master.cf alone: only a service that sets relay parameters itself says anything about relaying.
    listeners = listeners.filter((l) => l.smtpd.overrides.some((o) => RELAY_PARAMETERS.has(o.name)));
  }
  const out = groups(config, listeners).flatMap((g) => checkGroup(config, g));
  if (overlay === undefined) return out;
  return out.map((r) => ({ ...r, message: `${r.message} (Judged over ${overlay.assumed}.)` }));
}

export const rule: Rule = {
  meta,
  check(config: Configuration): RuleResult[] {
    return config.mta === 'postfix' ? check(config) : [];
  },
};
