/**
 * Does an OpenSMTPD configuration relay for anyone? smtpd.conf(5): for each
 * message the first `match` rule whose every option holds decides; `from`
 * and `for` default to `local`; a message no rule matches is refused. A
 * rule whose action is a `relay` action sends the mail on to its domain.
 *
 * The client relaygate worries about connects over the Internet to a
 * listener that does not demand authentication, has not authenticated, and
 * sends mail for a foreign domain. It chooses its HELO name, its sender, its
 * reverse DNS (whoever holds an address sets its PTR record) and whether it
 * starts TLS; it does not choose its address.
 */
import ipaddr from 'ipaddr.js';
import { isUnknown } from '../../model/source.js';
import { isFourPartDecimal } from '../ipv4.js';
import type { Span } from '../../model/span.js';
import type { MatchCondition, MatchRule, OpenSmtpdConfiguration, SmtpdConfig, SmtpdListener, SmtpdTable } from './model.js';

export type Tri3 = 'yes' | 'no' | 'unknown';

export interface SmtpdUnknown {
  span: Span;
  what: string;
}

interface Truth {
  can: Tri3;
  must: Tri3;
  unknowns: SmtpdUnknown[];
}

const fixed = (v: Tri3, unknowns: SmtpdUnknown[] = []): Truth => ({ can: v, must: v, unknowns });
const chosen = (can: Tri3, unknowns: SmtpdUnknown[] = []): Truth => ({ can, must: 'no', unknowns });

function not3(a: Tri3): Tri3 {
  return a === 'yes' ? 'no' : a === 'no' ? 'yes' : 'unknown';
}

function and3(a: Tri3, b: Tri3): Tri3 {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'yes' && b === 'yes' ? 'yes' : 'unknown';
}

function or3(a: Tri3, b: Tri3): Tri3 {
  if (a === 'yes' || b === 'yes') return 'yes';
  return a === 'no' && b === 'no' ? 'no' : 'unknown';
}

/** Is the listener's address loopback? Interface names `lo`, `lo0` and the name `localhost` are; other names are not. */
export function listenerLoopback(l: SmtpdListener): Tri3 {
  if (l.kind === 'socket') return 'yes';
  const on = l.on;
  if (isUnknown(on)) return 'unknown';
  if (l.unknown === true) return 'unknown';
  if (on === 'localhost' || /^lo\d*$/.test(on)) return 'yes';
  if (isFourPartDecimal(on)) return ipaddr.IPv4.parse(on).range() === 'loopback' ? 'yes' : 'no';
  if (on.includes(':') && ipaddr.IPv6.isValid(on)) return ipaddr.IPv6.parse(on).range() === 'loopback' ? 'yes' : 'no';
  // An interface (eth0, egress) or a host name that resolves to a routable address.
  return 'no';
}

function entriesOf(t: SmtpdTable): { entries: string[] | null; unknowns: SmtpdUnknown[] } {
  if (t.entries === null) return { entries: null, unknowns: [{ span: t.span, what: `table ${t.name} (${t.backend}${t.config ? `:${t.config}` : ''}, not in the repository)` }] };
  const unknowns = t.entries.filter((e) => isUnknown(e.key)).map((e) => ({ span: e.span, what: 'a table value relaygate could not resolve' }));
  return { entries: t.entries.map((e) => e.key), unknowns };
}

/** `from src TABLE`: does it hold an address range that covers the whole Internet? */
function worldInTable(t: SmtpdTable): Truth {
  const { entries, unknowns } = entriesOf(t);
  if (entries === null) return fixed('unknown', unknowns);
  for (const e of entries) {
    const slash = e.indexOf('/');
    const host = slash < 0 ? e : e.slice(0, slash);
    const bits = slash < 0 ? null : Number(e.slice(slash + 1));
    if (bits === 0 && (ipaddr.IPv4.isValidFourPartDecimal(host) || (host.includes(':') && ipaddr.IPv6.isValid(host)))) return fixed('yes');
  }
  return fixed(unknowns.length > 0 ? 'unknown' : 'no', unknowns);
}

/** A table of values the client picks from (HELO names, senders, reverse DNS names). */
function pickable(t: SmtpdTable | null, regex: boolean): Truth {
  if (t === null) return chosen('yes');
  const { entries, unknowns } = entriesOf(t);
  if (regex) return chosen('unknown', [...unknowns, { span: t.span, what: 'a regular expression' }]);
  if (entries === null) return chosen('unknown', unknowns);
  return chosen(entries.length > 0 ? 'yes' : 'no', unknowns);
}

/** `for domain TABLE`: the client's domain is not one of ours, unless the table has `*`. */
function foreignDomainIn(t: SmtpdTable, regex: boolean): Truth {
  if (regex) return fixed('unknown', [{ span: t.span, what: 'a regular expression on the recipient domain' }]);
  const { entries, unknowns } = entriesOf(t);
  // A table file lists the domains the server accepts mail for.
  if (entries === null) return fixed('no');
  if (entries.includes('*')) return fixed('yes');
  return fixed(unknowns.length > 0 ? 'unknown' : 'no', unknowns);
}

function condition(c: MatchCondition, l: SmtpdListener): Truth {
  const t = evaluate(c, l);
  return c.negated ? { can: not3(t.must), must: not3(t.can), unknowns: t.unknowns } : t;
}

function evaluate(c: MatchCondition, l: SmtpdListener): Truth {
  switch (c.kind) {
    case 'from':
      if (c.what === 'any') return fixed('yes');
      if (c.what === 'local' || c.what === 'socket') return fixed('no');
      if (c.what === 'src') return c.regex ? fixed('unknown', [{ span: c.span, what: 'a regular expression on the client address' }]) : worldInTable(c.table as SmtpdTable);
      // from rdns: the client sets its own reverse DNS.
      return pickable(c.table, c.regex);
    case 'for':
      if (c.what === 'any') return fixed('yes');
      if (c.what === 'local') return fixed('no');
      return foreignDomainIn(c.table as SmtpdTable, c.regex);
    case 'rcpt-to':
      return c.regex ? fixed('unknown', [{ span: c.span, what: 'a regular expression on the recipient' }]) : fixed('no');
    case 'mail-from':
    case 'helo':
      return pickable(c.table, c.regex);
    case 'auth':
      return fixed('no');
    case 'tls':
      return { can: l.tls === 'none' ? 'no' : 'yes', must: l.tls === 'tls-require' || l.tls === 'smtps' ? 'yes' : 'no', unknowns: [] };
    case 'tag': {
      const { entries, unknowns } = entriesOf(c.table as SmtpdTable);
      if (c.regex || entries === null) return fixed('unknown', [...unknowns, ...(c.regex ? [{ span: c.span, what: 'a regular expression on the tag' }] : [])]);
      return fixed(l.tag !== null && entries.includes(l.tag) ? 'yes' : 'no', unknowns);
    }
  }
}

export type Verdict = 'relay' | 'no-relay' | 'unknown';

export interface RelayOutcome {
  verdict: Verdict;
  /** The rule that relays (or may). */
  rule: MatchRule | null;
  unknowns: SmtpdUnknown[];
}

const RANK: Record<Verdict, number> = { 'no-relay': 0, unknown: 1, relay: 2 };

function pick(options: { outcome: RelayOutcome; avail: Tri3 }[], extra: SmtpdUnknown[]): RelayOutcome {
  const possible = options.filter((o) => o.avail !== 'no');
  const sure = options.filter((o) => o.avail === 'yes');
  const best = (list: RelayOutcome[]) => list.reduce((a, b) => (RANK[b.verdict] > RANK[a.verdict] ? b : a));
  const worst = (list: RelayOutcome[]) => list.reduce((a, b) => (RANK[b.verdict] < RANK[a.verdict] ? b : a));
  if (possible.length === 0) return options[options.length - 1]?.outcome ?? { verdict: 'no-relay', rule: null, unknowns: [] };
  const high = best(possible.map((o) => o.outcome));
  const low = sure.length > 0 ? best(sure.map((o) => o.outcome)) : worst(possible.map((o) => o.outcome));
  if (high.verdict === low.verdict && high.verdict !== 'unknown') return high;
  const seen = new Set<string>();
  const unknowns = [...extra, ...possible.flatMap((o) => o.outcome.unknowns)].filter((u) => {
    const key = `${u.span.file}:${u.span.line}:${u.span.column}:${u.what}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  // Name the rule that would relay, when there is one.
  const relaying = possible.find((o) => o.outcome.verdict === 'relay') ?? possible.find((o) => o.outcome.rule !== null && o.outcome.rule.unknown !== true);
  return { verdict: 'unknown', rule: (relaying ?? possible.find((o) => o.outcome.rule !== null))?.outcome.rule ?? null, unknowns };
}

/** First match wins, evaluated from the end (no rule: refused) backwards. */
export function rulesOutcome(config: SmtpdConfig, l: SmtpdListener): RelayOutcome {
  let next: RelayOutcome = { verdict: 'no-relay', rule: null, unknowns: [] };
  for (let i = config.rules.length - 1; i >= 0; i--) {
    const rule = config.rules[i] as MatchRule;
    if (rule.unknown === true) {
      // It may match (and do anything) or not.
      const what = config.includes.includes(rule.span) ? 'an included file relaygate cannot read' : 'a rule relaygate could not read (unresolved values)';
      const maybe: RelayOutcome = { verdict: 'unknown', rule, unknowns: [{ span: rule.span, what }] };
      next = pick([{ outcome: maybe, avail: 'unknown' }, { outcome: next, avail: 'unknown' }], maybe.unknowns);
      continue;
    }
    const truths = rule.conditions.map((c) => condition(c, l));
    // from and for default to local: never the client relaygate worries about.
    if (rule.defaultFrom || rule.defaultFor) truths.push(fixed('no'));
    const unknowns = truths.flatMap((t) => t.unknowns);
    const enter = truths.reduce<Tri3>((a, t) => and3(a, t.can), 'yes');
    const avoid = truths.reduce<Tri3>((a, t) => or3(a, not3(t.must)), 'no');
    let fired: RelayOutcome;
    if (rule.action === null) fired = { verdict: 'no-relay', rule, unknowns };
    else {
      const action = config.actions.get(rule.action);
      fired =
        action === undefined
          ? { verdict: 'unknown', rule, unknowns: [...unknowns, { span: rule.span, what: `action "${rule.action}" (not in the repository)` }] }
          : { verdict: action.kind === 'relay' ? 'relay' : 'no-relay', rule, unknowns };
    }
    next = pick([{ outcome: fired, avail: enter }, { outcome: next, avail: avoid }], unknowns);
  }
  return next;
}

export interface SmtpdRelayVerdict {
  /** Listeners an unauthenticated client on the Internet can use. */
  exposed: { listener: SmtpdListener; loopback: Tri3 }[];
  exposure: Tri3;
  relay: RelayOutcome;
  listener: SmtpdListener | null;
}

export function relayVerdict(config: OpenSmtpdConfiguration | SmtpdConfig): SmtpdRelayVerdict {
  const candidates = config.listeners
    .filter((l) => l.kind === 'interface' && l.auth !== 'required')
    .map((listener) => ({ listener, loopback: listenerLoopback(listener) }))
    .filter((x) => x.loopback !== 'yes');
  const exposure: Tri3 = candidates.some((c) => c.loopback === 'no') ? 'yes' : candidates.length > 0 || config.includes.length > 0 ? 'unknown' : 'no';
  let best: RelayOutcome = { verdict: 'no-relay', rule: null, unknowns: [] };
  let listener: SmtpdListener | null = null;
  for (const c of candidates) {
    const o = rulesOutcome(config, c.listener);
    if (listener === null || RANK[o.verdict] > RANK[best.verdict]) {
      best = o;
      listener = c.listener;
    }
  }
  return { exposed: candidates, exposure, relay: best, listener };
}
