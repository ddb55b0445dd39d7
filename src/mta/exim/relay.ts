/**
 * The two questions exim-open-relay asks of an Exim configuration: does the
 * daemon listen beyond loopback, and does its RCPT ACL accept a foreign
 * recipient from a client on the Internet that has not authenticated?
 */
import ipaddr from 'ipaddr.js';
import { isUnknown, UNKNOWN_MARK } from '../../model/source.js';
import { isFourPartDecimal } from '../ipv4.js';
import type { Span } from '../../model/span.js';
import { runNamedAcl, type EvalContext, type Outcome, type Stage } from './acl-eval.js';
import { splitEximList } from './lists.js';
import type { MappedText } from './mapped-text.js';
import { matchHostList, sessionVariables, type Scenario, type Tri3 } from './match.js';
import type { EximConfig, EximOption, EximUnknown } from './model.js';

export interface OptionValue {
  /** yes: set (definitely); no: not set (definitely); unknown: perhaps set. */
  set: Tri3;
  option: EximOption | null;
  /** The value (null when unset or a boolean). */
  value: MappedText | null;
  unknowns: EximUnknown[];
}

/** A main option as Exim would have it: options may be set only once, so the definite setting is the one. */
export function optionValue(config: EximConfig, name: string): OptionValue {
  const settings = config.options.filter((o) => o.name === name);
  const definite = settings.find((o) => !o.maybe);
  if (definite !== undefined) return { set: 'yes', option: definite, value: definite.value, unknowns: [] };
  const maybe = settings[0];
  const unknowns: EximUnknown[] = [];
  if (maybe !== undefined) unknowns.push({ span: maybe.span, what: `${name} (set under a conditional relaygate cannot decide)` });
  for (const span of config.mainIncludes) unknowns.push({ span, what: `${name} (may be set in an included file)` });
  if (unknowns.length > 0) return { set: 'unknown', option: maybe ?? null, value: maybe?.value ?? null, unknowns };
  return { set: 'no', option: null, value: null, unknowns };
}

export interface Listener {
  text: string;
  family: 4 | 6;
  loopback: boolean;
  span: Span;
}

export interface Exposure {
  /** yes: the daemon listens on some non-loopback address. */
  exposed: Tri3;
  /** Families of the non-loopback listeners (which clients can connect). */
  families: (4 | 6)[];
  listeners: Listener[];
  /** What to point at: the local_interfaces setting, or the configuration's first line when it is unset. */
  span: Span;
  unset: boolean;
  unknowns: EximUnknown[];
}

/** host_address_extract_port(): `[addr]:port` or a final `.port` component. */
function withoutPort(item: string): string {
  if (item.startsWith('[')) {
    const close = item.indexOf(']');
    return close < 0 ? item : item.slice(1, close);
  }
  let skip = -3;
  for (let i = 0; i < item.length; i++) {
    const c = item[i];
    if (c === ':') skip = 0;
    else if (c === '.' && skip++ >= 0) return item.slice(0, i);
  }
  return item;
}

/**
 * daemon.c: local_interfaces unset means every IPv6 and IPv4 address
 * (`<; ::0 ; 0.0.0.0`); otherwise the listed addresses, `0.0.0.0` and `::0`
 * meaning every address of their family. disable_ipv6 drops IPv6 ones.
 */
export function exposure(config: EximConfig): Exposure {
  const setting = optionValue(config, 'local_interfaces');
  const noV6 = optionValue(config, 'disable_ipv6');
  const dropV6 = noV6.set === 'yes' && noV6.option?.bool === true;
  if (setting.set === 'no') {
    const families: (4 | 6)[] = dropV6 ? [4] : [6, 4];
    return { exposed: 'yes', families, listeners: [], span: config.start, unset: true, unknowns: [] };
  }
  const span = setting.option?.span ?? config.start;
  if (setting.set === 'unknown' || setting.value === null) {
    return { exposed: 'unknown', families: [4, 6], listeners: [], span, unset: false, unknowns: setting.unknowns };
  }
  const unknowns: EximUnknown[] = [];
  const listeners: Listener[] = [];
  let uncertain = false;
  for (const item of splitEximList(setting.value, span).items) {
    if (isUnknown(item.text) || item.text.includes('$')) {
      uncertain = true;
      unknowns.push({ span: item.span, what: 'a listening address relaygate could not resolve' });
      continue;
    }
    const address = withoutPort(item.text);
    if (isFourPartDecimal(address)) {
      listeners.push({ text: item.text, family: 4, loopback: ipaddr.IPv4.parse(address).range() === 'loopback', span: item.span });
    } else if (address.includes(':') && ipaddr.IPv6.isValid(address)) {
      if (dropV6) continue;
      const parsed = ipaddr.IPv6.parse(address);
      const loopback = parsed.range() === 'loopback' || (parsed.isIPv4MappedAddress() && parsed.toIPv4Address().range() === 'loopback');
      listeners.push({ text: item.text, family: 6, loopback, span: item.span });
    } else {
      // Exim refuses to start on a malformed address; relaygate cannot say what runs instead.
      uncertain = true;
      unknowns.push({ span: item.span, what: `"${item.text}" is not an IP address (the daemon would not start)` });
    }
  }
  const open = listeners.filter((l) => !l.loopback);
  const families = [...new Set(open.map((l) => l.family))];
  const exposed: Tri3 = open.length > 0 ? 'yes' : uncertain ? 'unknown' : 'no';
  return { exposed, families: exposed === 'unknown' ? [4, 6] : families, listeners, span, unset: false, unknowns };
}

/** The ACL options Exim consults for one SMTP command, with what an unset option means. */
const STAGES: readonly { stage: Stage; option: string; unset: 'accept' | 'deny' }[] = [
  { stage: 'connect', option: 'acl_smtp_connect', unset: 'accept' },
  { stage: 'helo', option: 'acl_smtp_helo', unset: 'accept' },
  { stage: 'mail', option: 'acl_smtp_mail', unset: 'accept' },
  // smtp_in.c: without acl_smtp_rcpt every recipient is refused.
  { stage: 'rcpt', option: 'acl_smtp_rcpt', unset: 'deny' },
];

function lower(a: Outcome, b: Outcome): Outcome {
  const rank = { deny: 0, unknown: 1, accept: 2 } as const;
  if (rank[a.verdict] < rank[b.verdict]) return { ...a, unknowns: [...a.unknowns, ...(a.verdict === 'deny' ? [] : b.unknowns)] };
  if (rank[b.verdict] < rank[a.verdict]) return { ...b, unknowns: [...b.unknowns, ...(b.verdict === 'deny' ? [] : a.unknowns)] };
  return { ...b, unknowns: [...a.unknowns, ...b.unknowns] };
}

/**
 * What the client gets at RCPT: every ACL before it must let it through
 * (host_reject_connection, connect, HELO, MAIL), then the RCPT ACL decides.
 */
export function rcptOutcome(config: EximConfig, scenario: Scenario): Outcome {
  const lists = { lists: config.lists, includes: config.mainIncludes.length > 0, depth: 0, expand: sessionVariables(scenario) };
  const ctx: EvalContext = { config, scenario, lists, depth: 0, memo: new Map() };
  let result: Outcome = { verdict: 'accept', grant: null, unknowns: [] };
  const reject = optionValue(config, 'host_reject_connection');
  if (reject.value !== null && reject.set !== 'no') {
    const m = matchHostList(reject.value, reject.option?.span ?? config.start, scenario.client, lists);
    const verdict = m.error !== undefined ? 'deny' : m.can === 'yes' && reject.set === 'yes' ? 'deny' : m.can === 'no' ? 'accept' : 'unknown';
    result = lower(result, { verdict, grant: null, unknowns: [...m.unknowns, ...reject.unknowns] });
  }
  for (const { stage, option, unset } of STAGES) {
    if (result.verdict === 'deny') return result;
    const setting = optionValue(config, option);
    let stageOutcome: Outcome;
    if (setting.set === 'no' || (setting.value !== null && setting.value.text.trim() === '' && setting.set === 'yes')) {
      stageOutcome = { verdict: setting.set === 'no' ? unset : 'deny', grant: null, unknowns: [] };
    } else if (setting.set === 'unknown' || setting.value === null) {
      stageOutcome = { verdict: 'unknown', grant: null, unknowns: setting.unknowns };
    } else {
      const text = setting.value.text;
      const span = setting.option?.span ?? config.start;
      if (text.includes('$') || text.includes(UNKNOWN_MARK)) {
        stageOutcome = { verdict: 'unknown', grant: null, unknowns: [{ span, what: `${option} = ${text.replace(UNKNOWN_MARK, '…')} (expanded at run time)` }] };
      } else stageOutcome = runNamedAcl(text, setting.value, span, ctx, 'best', stage);
    }
    result = stage === 'rcpt' ? lower(result, stageOutcome) : lower(result, { ...stageOutcome, grant: null });
    if (stage === 'rcpt' && stageOutcome.grant !== null && result.verdict !== 'deny') result = { ...result, grant: stageOutcome.grant };
  }
  return result;
}

export interface EximRelayVerdict {
  exposure: Exposure;
  /** The best the client can get over every kind of Internet client that can connect. */
  relay: Outcome;
  /** Which client got it (for the message). */
  client: { family: 4 | 6; rdns: 'ok' | 'fail' } | null;
}

/**
 * Tries every kind of client the listeners admit: IPv4 and IPv6, with and
 * without a host name its address resolves to (a client decides that by its
 * own DNS). The client chooses its sender, HELO name and recipient.
 */
export function relayVerdict(config: EximConfig): EximRelayVerdict {
  const exp = exposure(config);
  const families = exp.families.length > 0 ? exp.families : ([4] as (4 | 6)[]);
  let best: Outcome | null = null;
  let client: EximRelayVerdict['client'] = null;
  const rank = { deny: 0, unknown: 1, accept: 2 } as const;
  for (const family of families) {
    for (const rdns of ['fail', 'ok'] as const) {
      const o = rcptOutcome(config, { client: { family, address: null, rdns }, recipient: null, sender: null, helo: null });
      if (best === null || rank[o.verdict] > rank[best.verdict] || (o.verdict === best.verdict && o.verdict === 'unknown' && best.grant === null && o.grant !== null)) {
        best = o;
        client = { family, rdns };
      }
    }
  }
  return { exposure: exp, relay: best ?? { verdict: 'deny', grant: null, unknowns: [] }, client };
}


