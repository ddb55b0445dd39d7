import type { Certainty, Level, Related, RuleResult } from '../model/finding.js';
import { isUnknown, UNKNOWN_MARK } from '../model/source.js';
import type { Span } from '../model/span.js';
import type { Configuration } from '../mta/configuration.js';
import { fitsUnknownName, PostfixParameters, type EffectiveValue, type ValueOrigin } from '../mta/postfix/effective.js';
import { smtpdListeners, type SmtpdListener } from '../mta/postfix/listeners.js';
import type { PostfixConfiguration } from '../mta/postfix/model.js';
import { splitPlainList } from '../mta/postfix/list.js';
import { isAction, readRestrictions, readRestrictionsThroughClasses, restrictionText } from '../mta/postfix/restrictions.js';
import type { Tristate } from '../mta/postfix/loopback.js';
import type { Profile } from './profiles.js';
import type { Rule, RuleContext, RuleMeta } from './rule.js';
import type { FixStep } from '../model/fix-plan.js';
import { inetInterfacesFix, restrictionsFix } from './fixes/postfix.js';
import { examples } from './examples/stig-postfix-relay.js';
import { addReach, postfixReach } from './reach.js';
import { describeListeners, listenerLabel, show, where } from './postfix-locate.js';

export const meta: RuleMeta = {
  id: 'stig-postfix-relay',
  title: 'Mail relaying must be restricted (Postfix)',
  description:
    'Postfix receives mail from other hosts while smtpd_client_restrictions lacks a bare reject, has a bare permit before it, or (RHEL 6) inet_interfaces is not loopback.',
  help:
    'DISA STIG GEN004710 and its successors (RHEL-06-000249, RHEL-07-040680, RHEL-08-040290, RHEL-09-252050, ' +
    'RHEL-10-200692) require Postfix to restrict which clients may use it. relaygate reads the configuration as ' +
    'Postfix does: the last definition of a parameter wins, $name references are expanded, continuation lines are ' +
    'joined, master.cf -o overrides apply to their service, and built-in defaults fill what is unset ' +
    '(inet_interfaces = all, smtpd_client_restrictions empty). Edits on a distribution image are judged over its packaged ' +
    'main.cf (Debian and Alpine listen on every address, the RHEL family on localhost); over an image relaygate does not ' +
    'recognise, what the edits leave alone is unknown. Restrictions are read as tokens: permit_mynetworks ' +
    'is not permit, and dont_reject or reject_rbl_client are not reject. Under the GEN004710 profile a host whose ' +
    'smtpd listens on loopback only passes. Fix: set smtpd_client_restrictions = permit_mynetworks, reject in ' +
    'main.cf, or inet_interfaces = loopback-only if the host does not receive mail from the network.',
  defaultLevel: 'error',
  securitySeverity: 8.0,
  stig: true,
  examples,
};

const PARAMETER = 'smtpd_client_restrictions';

/** pass / fail / unknown, with the reason when it is not a pass. */
interface Verdict {
  status: 'pass' | 'fail' | 'unknown';
  level: Level;
  why: string;
  otherEntries: boolean;
}

const PASS: Verdict = { status: 'pass', level: 'error', why: '', otherEntries: false };

/** The restriction classes (smtpd_restriction_classes) `value` uses, as the same smtpd sees them. */
function classesUsed(value: EffectiveValue, parameters: PostfixParameters): { names: string[]; restrictions: ReturnType<typeof readRestrictions> } {
  const classes = new Set(splitPlainList(parameters.get('smtpd_restriction_classes').value).map((item) => item.text));
  const names: string[] = [];
  const restrictions = readRestrictionsThroughClasses(value.value, { classes, valueOf: (n) => parameters.get(n).value }, names);
  return { names, restrictions };
}
const UNRESOLVED = 'depends on a template expression that could not be resolved';
const TOO_LARGE = "expands to more than relaygate evaluates (Postfix's macros nest, and this value doubles at every level), so it is unknown";
const CLASSES_TOO_LARGE = 'reads through more restriction classes than relaygate follows, so it is unknown';
const SHADOWED = 'may be redefined by a line whose parameter name relaygate could not resolve';

/**
 * GEN004710 read on tokens: a bare `reject` must be present and no bare
 * `permit` may come before it. Three-valued: an unresolved template item
 * before the first decisive one could be either, so the verdict is unknown.
 */
function judgeGen004710(value: EffectiveValue, parameters: PostfixParameters): Verdict {
  if (value.diagnostics.some((d) => d.kind === 'limit')) return { status: 'unknown', level: 'error', why: TOO_LARGE, otherEntries: false };
  // A later template line whose parameter NAME is unresolved (a loop over
  // unknown data) may redefine this value: whatever it reads now, it is unknown.
  if (value.unknown && !value.value.includes(UNKNOWN_MARK) && !value.raw.includes(UNKNOWN_MARK)) {
    return { status: 'unknown', level: 'error', why: SHADOWED, otherEntries: false };
  }
  if (value.origin.kind === 'default' && value.origin.unknown !== undefined) {
    return { status: 'unknown', level: 'error', why: `is not set here and ${value.origin.unknown}`, otherEntries: false };
  }
  const restrictions = classesUsed(value, parameters).restrictions;
  if (restrictions.length === 0) {
    const why =
      value.origin.kind === 'default'
        ? 'is missing (Postfix\'s default is empty), so no client is rejected'
        : 'is empty, so no client is rejected';
    return { status: 'fail', level: 'error', why, otherEntries: false };
  }
  for (const restriction of restrictions) {
    if (restriction.unknown) return { status: 'unknown', level: 'error', why: restriction.limited ? CLASSES_TOO_LARGE : UNRESOLVED, otherEntries: false };
    if (isAction(restriction, 'permit')) {
      return { status: 'fail', level: 'error', why: 'has permit before reject', otherEntries: false };
    }
    if (isAction(restriction, 'reject')) return PASS;
  }
  // smtpd_check.c: after warn_if_reject, a reject is only logged and the next restriction decides.
  const warned = restrictions.some((r) => r.warnOnly && !r.unknown && r.name.toLowerCase() === 'reject');
  const why = warned ? 'has no reject that takes effect (warn_if_reject before reject only logs a warning)' : 'has no reject';
  return { status: 'fail', level: 'error', why, otherEntries: false };
}

const ALLOWED = new Set(['permit_mynetworks', 'reject']);

/** RHEL 7 and later: only permit_mynetworks and reject, reject present (and never a bare permit before it). */
function judgeOnlyPermitMynetworksReject(value: EffectiveValue, parameters: PostfixParameters, profile: Profile): Verdict {
  const base = judgeGen004710(value, parameters);
  if (base.status === 'fail') return base;
  const restrictions = readRestrictions(value.value);
  const others = restrictions.filter((r) => !r.unknown && !(r.args.length === 0 && ALLOWED.has(r.name.toLowerCase())));
  const level = profile.postfix.otherEntriesLevel;
  if (others.length > 0) {
    const listed = others.map(restrictionText).join(', ');
    const documented = level === 'warning' ? ' that are acceptable only when documented with the ISSO' : '';
    return { status: 'fail', level, why: `has entries other than permit_mynetworks and reject (${listed})${documented}`, otherEntries: true };
  }
  if (base.status === 'unknown') return base;
  if (restrictions.some((r) => r.unknown)) return { status: 'unknown', level, why: UNRESOLVED, otherEntries: true };
  return PASS;
}

/** Text for a message: unresolved template text shown as such, a CR (kept from a CRLF continuation) as \r. */
/**
 * Where a finding about a missing setting points: the first line of main.cf
 * (or of master.cf when there is no main.cf, the only file there is to edit).
 */
function firstLine(config: PostfixConfiguration): Span {
  if (config.overlay !== undefined) {
    // Edits on a file the repository does not hold: point at the edit that
    // matters, else at the line the base was recognised from (what makes
    // the packaged values apply), else at the first edit.
    const edited = config.mainCf?.parameters.filter((p) => p.assumed === undefined) ?? [];
    const decisive = [...edited].reverse().find((p) => decides(p.name));
    const at = decisive?.span ?? config.overlay.span ?? edited[0]?.span;
    if (at !== undefined) return at;
  }
  if (config.mainCf?.writtenAt !== undefined) return config.mainCf.writtenAt;
  const file = config.mainCf?.file ?? config.masterCf?.file ?? config.files[0] ?? config.directory;
  const spans = config.mainCf?.parameters.map((p) => p.span) ?? config.masterCf?.services.map((s) => s.span) ?? [];
  const onLineOne = spans.find((s) => s.line === 1 && s.endLine === 1);
  return { file, line: 1, column: 1, endLine: 1, endColumn: onLineOne?.endColumn ?? 2 };
}

/** The text a person edits to change `value`: its definition's value, or the first line when it is unset. */
function locate(value: EffectiveValue, config: PostfixConfiguration): Span {
  const origin = value.origin;
  if (origin.kind === 'override') return origin.definition.span;
  if (origin.kind === 'main.cf') {
    const valueSpan = origin.definition.valueSpan;
    const empty = valueSpan.line === valueSpan.endLine && valueSpan.endColumn <= valueSpan.column;
    return empty ? origin.definition.span : valueSpan;
  }
  return firstLine(config);
}

function spanKey(span: Span): string {
  return `${span.file}:${span.line}:${span.column}:${span.endLine}:${span.endColumn}`;
}

function describeValue(value: EffectiveValue): string {
  if (value.origin.kind === 'default') return PARAMETER;
  const expanded = value.raw === value.value ? '' : ` (expands to "${show(value.value)}")`;
  const override = value.origin.kind === 'override' ? ` (master.cf -o on ${value.origin.service.name})` : '';
  return `${PARAMETER} = "${show(value.raw)}"${expanded}${override}`;
}

function reachPhrase(listeners: SmtpdListener[]): string {
  return listeners.some((l) => l.external === true) ? 'accepts mail from any host' : 'may accept mail from other hosts';
}

function relatedFor(values: EffectiveValue[], span: Span, parameters?: PostfixParameters): Related[] {
  const related: Related[] = [];
  const seen = new Set([`${span.file}:${span.line}`]);
  const add = (origin: ValueOrigin, message: string): void => {
    if (origin.kind === 'default') return;
    const s = origin.definition.span;
    const key = `${s.file}:${s.line}`;
    if (seen.has(key)) return;
    seen.add(key);
    related.push({ file: s.file, line: s.line, column: s.column, message });
  };
  for (const value of values) {
    if (value.name === 'inet_interfaces') add(value.origin, `inet_interfaces = ${show(value.raw)} is set here`);
    for (const source of value.sources) add(source.origin, `$${source.name} used by ${value.name} comes from here`);
    if (parameters === undefined || value.name !== PARAMETER) continue;
    for (const name of classesUsed(value, parameters).names) {
      const definition = parameters.get(name);
      add(definition.origin, `restriction class ${name} used by ${value.name} is defined here`);
      for (const source of definition.sources) add(source.origin, `$${source.name} used by ${name} comes from here`);
    }
  }
  return related;
}

function fixFor(value: EffectiveValue, verdict: Verdict, profile: Profile, listeners: SmtpdListener[]): string {
  const origin = value.origin;
  if (origin.kind === 'override') {
    const port = origin.service.port;
    if (profile.postfix.check === 'gen004710') {
      return `Change the override to end in reject with no bare permit before it (for example -o ${PARAMETER}=permit_sasl_authenticated,reject), or bind the service to 127.0.0.1:${port} if other hosts must not reach it.`;
    }
    if (verdict.otherEntries && verdict.level === 'warning') {
      return `Change the override to -o ${PARAMETER}=permit_mynetworks,reject, or document the extra entries with the ISSO and suppress this finding with "relaygate-ignore stig-postfix-relay: <ISSO reference>".`;
    }
    return `Change the override to -o ${PARAMETER}=permit_mynetworks,reject (or remove it so main.cf applies).`;
  }
  const set = `Set ${PARAMETER} = permit_mynetworks, reject in main.cf`;
  if (profile.postfix.check === 'gen004710') {
    const wildcard = listeners.some((l) => l.interfaces !== null);
    return wildcard ? `${set}, or inet_interfaces = loopback-only if this host does not receive mail.` : `${set}, or bind the listening services to 127.0.0.1 if this host does not receive mail.`;
  }
  if (verdict.otherEntries && verdict.level === 'warning') {
    return `${set}, or document the extra entries with the ISSO and suppress this finding with "relaygate-ignore stig-postfix-relay: <ISSO reference>".`;
  }
  return `${set}.`;
}

function certaintyOf(verdict: Verdict, reach: Tristate[]): Certainty {
  if (verdict.status === 'unknown') return 'indeterminate';
  return reach.length === 0 || reach.includes(true) ? 'definite' : 'indeterminate';
}

interface Group {
  value: EffectiveValue;
  /** The parameters of the smtpd reading it (its class definitions and `$name`s). */
  parameters: PostfixParameters;
  span: Span;
  listeners: SmtpdListener[];
}

/** Groups listeners by the definition of smtpd_client_restrictions they use: one finding per line to edit. */
function groupByDefinition(
  config: PostfixConfiguration,
  listeners: SmtpdListener[],
  seed: Array<{ value: EffectiveValue; parameters: PostfixParameters }> = [],
): Group[] {
  const groups = new Map<string, Group>();
  const add = (value: EffectiveValue, parameters: PostfixParameters, listener: SmtpdListener | undefined): void => {
    const span = locate(value, config);
    // The same definition may be shadowed for one service (an unknown -o name) and not for another.
    const key = `${spanKey(span)}\u0000${value.value}\u0000${value.unknown}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { value, parameters, span, listeners: [] };
      groups.set(key, group);
    }
    if (listener !== undefined) group.listeners.push(listener);
  };
  for (const s of seed) add(s.value, s.parameters, undefined);
  for (const listener of listeners) add(listener.parameters.get(PARAMETER), listener.parameters, listener);
  return [...groups.values()];
}

function result(level: Level, certainty: Certainty, message: string, fix: string, span: Span, related: Related[], profile: Profile, fixPlan?: FixStep[]): RuleResult {
  return { ruleId: meta.id, level, certainty, mta: 'postfix', message, fix, ids: [...profile.ids], span, related, ...(fixPlan ? { fixPlan } : {}) };
}

/** GEN004710: judged only where smtpd is reachable beyond loopback. */
function checkGen004710(config: PostfixConfiguration, listeners: SmtpdListener[], profile: Profile): RuleResult[] {
  const exposed = listeners.filter((l) => l.external !== false);
  const out: RuleResult[] = [];
  for (const group of groupByDefinition(config, exposed)) {
    const verdict = judgeGen004710(group.value, group.parameters);
    if (verdict.status === 'pass') continue;
    const interfaces = group.listeners.flatMap((l) => (l.interfaces ? [l.interfaces] : []));
    const message = `${describeListeners(group.listeners)} ${reachPhrase(group.listeners)} and ${describeValue(group.value)} ${verdict.why}.`;
    out.push(
      result(
        verdict.level,
        certaintyOf(verdict, group.listeners.map((l) => l.external)),
        message,
        fixFor(group.value, verdict, profile, group.listeners),
        group.span,
        addReach(group.span, relatedFor([...interfaces.slice(0, 1), group.value], group.span, group.parameters), postfixReach(group.listeners)),
        profile,
        restrictionsFix(group.value, group.parameters, config, 'gen004710'),
      ),
    );
  }
  return out;
}

/**
 * RHEL 6: mail may be received on loopback only. A bare-port listener points
 * at inet_interfaces; a `host:port` service bound to another address points
 * at its own name.
 */
function checkLocalhost(config: PostfixConfiguration, listeners: SmtpdListener[], profile: Profile): RuleResult[] {
  const out: RuleResult[] = [];
  const wildcard = listeners.filter((l) => l.interfaces !== null && l.external !== false);
  const interfaces = wildcard[0]?.interfaces;
  if (interfaces) {
    const span = locate(interfaces, config);
    const setting =
      interfaces.origin.kind === 'default'
        ? interfaces.origin.unknown === undefined
          ? 'inet_interfaces is missing (Postfix\'s default is all)'
          : `inet_interfaces is ${where(interfaces.origin)}`
        : `inet_interfaces = ${show(interfaces.raw)}${interfaces.raw === interfaces.value ? '' : ` (expands to "${show(interfaces.value)}")`}`;
    const labels = [...new Set(wildcard.map(listenerLabel))].join(', ');
    out.push(
      result(
        'error',
        wildcard.some((l) => l.external === true) ? 'definite' : 'indeterminate',
        `smtpd on ${labels} ${reachPhrase(wildcard)} because ${setting}, and the RHEL 6 STIG requires inet_interfaces = localhost.`,
        'Set inet_interfaces = localhost in main.cf.',
        span,
        addReach(span, relatedFor([interfaces], span), postfixReach(wildcard)),
        profile,
        inetInterfacesFix(interfaces, config),
      ),
    );
  }
  for (const listener of listeners) {
    if (listener.interfaces !== null || listener.external === false) continue;
    out.push(
      result(
        'error',
        listener.external === true ? 'definite' : 'indeterminate',
        `smtpd on ${listenerLabel(listener)} (master.cf line ${listener.service.span.line}) ${reachPhrase([listener])}, and the RHEL 6 STIG requires mail to be received on localhost only.`,
        `Bind the service to 127.0.0.1:${listener.service.port}, or remove it.`,
        listener.service.nameSpan,
        [],
        profile,
      ),
    );
  }
  return out;
}

/**
 * RHEL 7 and later: no loopback shortcut for main.cf's value (the STIG reads
 * `postconf -n smtpd_client_restrictions`); a `-o` override matters on a
 * service other hosts can reach.
 */
function checkOnlyPermitMynetworksReject(config: PostfixConfiguration, listeners: SmtpdListener[], profile: Profile): RuleResult[] {
  const exposed = listeners.filter((l) => l.external !== false);
  const globalParameters = new PostfixParameters(config.mainCf);
  const global = globalParameters.get(PARAMETER);
  const out: RuleResult[] = [];
  for (const group of groupByDefinition(config, exposed, [{ value: global, parameters: globalParameters }])) {
    const verdict = judgeOnlyPermitMynetworksReject(group.value, group.parameters, profile);
    if (verdict.status === 'pass') continue;
    const used = group.listeners.length > 0 ? `, used by ${describeListeners(group.listeners)}` : '';
    const rule = `the ${profile.title} STIG allows only permit_mynetworks and reject, with reject present`;
    const message = `${describeValue(group.value)} ${verdict.why}; ${rule}${used}.`;
    const isGlobal = group.value === global;
    const reach = isGlobal ? [] : group.listeners.map((l) => l.external);
    out.push(
      result(
        verdict.level,
        certaintyOf(verdict, reach),
        message,
        fixFor(group.value, verdict, profile, group.listeners),
        group.span,
        addReach(group.span, relatedFor([group.value], group.span, group.parameters), postfixReach(group.listeners)),
        profile,
        restrictionsFix(group.value, group.parameters, config, 'only-permit-mynetworks-reject'),
      ),
    );
  }
  return out;
}

function checkProfile(config: PostfixConfiguration, profile: Profile): RuleResult[] {
  const listeners = smtpdListeners(config);
  switch (profile.postfix.check) {
    case 'gen004710':
      return checkGen004710(config, listeners, profile);
    case 'localhost':
      return checkLocalhost(config, listeners, profile);
    case 'only-permit-mynetworks-reject':
      return checkOnlyPermitMynetworksReject(config, listeners, profile);
  }
}

/** A name the overlay sets that decides where smtpd listens or whom it accepts (an unknown name may be either). */
function decides(name: string): boolean {
  if (isUnknown(name)) return fitsUnknownName(name, 'inet_interfaces') || fitsUnknownName(name, PARAMETER);
  return name === 'inet_interfaces' || name === PARAMETER;
}

/**
 * Edits on a main.cf the repository does not hold are judged as the whole
 * configuration they produce: over a recognised distribution's packaged
 * main.cf (a `FROM debian:12` image that sets only myhostname listens on
 * every address with no client restrictions), or over an unknown main.cf
 * whose unset parameters are unknown. The message names the base and the
 * line it was recognised from.
 */
function check(config: PostfixConfiguration, profile: Profile): RuleResult[] {
  const overlay = config.overlay;
  const results = checkProfile(config, profile);
  if (overlay === undefined) return results;
  return results.map((r) => ({ ...r, message: `${r.message} (Judged over ${overlay.assumed}.)` }));
}

export const rule: Rule = {
  meta,
  check(config: Configuration, context: RuleContext): RuleResult[] {
    if (config.mta !== 'postfix') return [];
    return check(config, context.profile);
  },
};
