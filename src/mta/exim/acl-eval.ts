/**
 * How Exim runs an ACL (acl.c acl_check_internal()): statements in order; a
 * statement's conditions are tested in order until one is false; `accept`
 * whose conditions hold accepts, `deny`/`drop`/`defer` whose conditions hold
 * refuse, `require` whose conditions do not all hold refuses, `warn` never
 * decides, and the end of an ACL is an implicit deny. After `endpass`, a
 * false condition of an `accept` refuses instead of passing on. A condition
 * Exim cannot test (an undefined named list, an unknown ACL) defers.
 *
 * The client may choose what it sends (sender, recipient local part, HELO):
 * relaygate looks for the best it can get ("best") and, for a nested
 * `acl =` condition that must hold against it, the worst ("worst").
 */
import { UNKNOWN_MARK } from '../../model/source.js';
import type { Span } from '../../model/span.js';
import { parseAclText } from './config.js';
import type { MappedText } from './mapped-text.js';
import { conditionTruth, expandString } from './expand.js';
import {
  and3,
  fixed,
  matchAddressItem,
  matchChosenList,
  matchDomainList,
  matchHostList,
  not3,
  or3,
  sessionVariables,
  type ListContext,
  type Scenario,
  type Evidence,
  type Tri3,
  type Truth,
} from './match.js';
import type { Acl, AclCondition, AclStatement, EximConfig, EximUnknown } from './model.js';

export type Verdict = 'accept' | 'deny' | 'unknown';

export interface Grant {
  acl: string;
  statement: AclStatement;
  /** The list items and conditions that let the client through. */
  evidence: Evidence[];
}

export interface Outcome {
  verdict: Verdict;
  grant: Grant | null;
  unknowns: EximUnknown[];
  /**
   * A deny that is Exim's DEFER or ERROR (a `defer` verb, a test Exim
   * cannot make): in a nested `acl =` it does not make the condition
   * false, it ends the outer ACL too.
   */
  deferred?: boolean;
}

type Mode = 'best' | 'worst';

const RANK: Record<Verdict, number> = { deny: 0, unknown: 1, accept: 2 };

/** Exim gives up on ACLs nested deeper than this (acl.c "ACL nested too deep"). */
const MAX_ACL_DEPTH = 20;

export interface EvalContext {
  config: EximConfig;
  scenario: Scenario;
  lists: ListContext;
  depth: number;
  /** Outcomes of named ACLs already run (a nested `acl =` is run once per mode and stage). */
  memo?: Map<string, Outcome | 'running'>;
}

function outcome(verdict: Verdict, grant: Grant | null = null, unknowns: EximUnknown[] = []): Outcome {
  return { verdict, grant, unknowns };
}

function merge(a: EximUnknown[], b: EximUnknown[]): EximUnknown[] {
  const seen = new Set(a.map((u) => `${u.span.file}:${u.span.line}:${u.span.column}:${u.what}`));
  const out = [...a];
  for (const u of b) {
    const key = `${u.span.file}:${u.span.line}:${u.span.column}:${u.what}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(u);
    }
  }
  return out;
}

/**
 * The client picks among the outcomes available to it (`avail` yes: it can
 * get that one; unknown: perhaps). In every case at least one is available.
 * The answer is definite when every possible world gives the same verdict.
 */
function choose(options: { outcome: Outcome; avail: Tri3 }[], mode: Mode, extra: EximUnknown[] = []): Outcome {
  const possible = options.filter((o) => o.avail !== 'no');
  const sure = options.filter((o) => o.avail === 'yes');
  if (possible.length === 0) return options[options.length - 1]?.outcome ?? outcome('deny');
  const better = (a: Outcome, b: Outcome): Outcome =>
    mode === 'best' ? (RANK[b.verdict] > RANK[a.verdict] ? b : a) : RANK[b.verdict] < RANK[a.verdict] ? b : a;
  const worse = (a: Outcome, b: Outcome): Outcome => (better(a, b) === a ? b : a);
  const high = possible.map((o) => o.outcome).reduce(better);
  const low = sure.length > 0 ? sure.map((o) => o.outcome).reduce(better) : possible.map((o) => o.outcome).reduce(worse);
  const unknowns = merge(
    extra,
    possible.flatMap((o) => o.outcome.unknowns),
  );
  // Every world agrees: report the outcome the client is sure to get (its grant is certain).
  if (high.verdict === low.verdict && high.verdict !== 'unknown') return low;
  const accepting = possible.map((o) => o.outcome).find((o) => o.verdict === 'accept') ?? possible.find((o) => o.outcome.grant !== null)?.outcome;
  return outcome('unknown', accepting?.grant ?? null, unknowns);
}

function negate(t: Truth): Truth {
  return { ...t, can: not3(t.must), must: not3(t.can), evidence: [] };
}

function truthUnknown(span: Span, what: string): Truth {
  return fixed('unknown', [], [{ span, what }]);
}

/** The first word of an argument, with its `$` and unknown checks. */
function argText(c: AclCondition): string {
  return (c.arg?.text ?? '').trim();
}

function condition(c: AclCondition, ctx: EvalContext, where: Stage): Truth {
  const t = evaluate(c, ctx, where);
  if (!c.negated) return t;
  const n = negate(t);
  // `!hosts = 10.0.0.0/8` holds for every host outside the list.
  if (n.can === 'yes' && !c.modifier) n.evidence = [{ span: c.span, text: `!${c.name} = ${argText(c)}`, kind: 'negated-end' }];
  return n;
}

function chosen(c: AclCondition, ctx: EvalContext, kind: 'addresslist' | 'localpartlist' | 'domainlist', subject: string | null, item: (i: string, s: string) => Tri3): Truth {
  return matchChosenList(c.arg as MappedText, c.span, kind, subject, ctx.lists, item);
}

function evaluate(c: AclCondition, ctx: EvalContext, where: Stage): Truth {
  if (c.modifier) return fixed('yes');
  const arg = argText(c);
  const abstract = ctx.scenario.client.address === null;
  const s = ctx.scenario;
  switch (c.name) {
    case 'hosts':
      return matchHostList(c.arg as MappedText, c.span, s.client, ctx.lists);
    case 'domains':
      if (where !== 'rcpt') return { ...fixed('no'), error: '"domains" is not allowed before RCPT' };
      return matchDomainList(c.arg as MappedText, c.span, s, ctx.lists);
    case 'local_parts':
      if (where !== 'rcpt') return { ...fixed('no'), error: '"local_parts" is not allowed before RCPT' };
      return chosen(c, ctx, 'localpartlist', s.recipient?.local ?? null, (item, local) => (item.toLowerCase() === local.toLowerCase() ? 'yes' : item.startsWith('*') && local.endsWith(item.slice(1)) ? 'yes' : 'no'));
    case 'recipients':
      if (where !== 'rcpt') return { ...fixed('no'), error: '"recipients" is not allowed before RCPT' };
      return chosen(c, ctx, 'addresslist', s.recipient === null ? null : `${s.recipient.local}@${s.recipient.domain}`, matchAddressItem);
    case 'senders':
      if (where === 'connect' || where === 'helo') return { ...fixed('no'), error: '"senders" is not allowed before MAIL' };
      return chosen(c, ctx, 'addresslist', s.sender, matchAddressItem);
    case 'sender_domains':
      if (where === 'connect' || where === 'helo') return { ...fixed('no'), error: '"sender_domains" is not allowed before MAIL' };
      return chosen(c, ctx, 'domainlist', s.sender === null ? null : (s.sender.split('@')[1] ?? ''), (item, domain) => (item === '*' ? 'yes' : item.toLowerCase() === domain.toLowerCase() ? 'yes' : 'no'));
    case 'authenticated':
      // The client relaygate worries about has no credentials.
      if (where === 'connect' || where === 'helo') return { ...fixed('no'), error: '"authenticated" is not allowed before MAIL' };
      return fixed('no');
    case 'encrypted':
      return abstract ? { can: 'unknown', must: 'no', evidence: [], unknowns: [{ span: c.span, what: 'encrypted = (the client may start TLS)' }] } : fixed('no');
    case 'condition':
      return expandedCondition(c, arg, s);
    case 'acl':
      return nestedAcl(c, ctx, where);
    case 'verify': {
      const what = arg.split('/')[0]?.trim() ?? '';
      if (!abstract || what === 'certificate') return truthUnknown(c.span, `verify = ${arg}`);
      // Recipient and sender verification route the address: the client can
      // pass them with a deliverable address when a router takes other domains.
      if (what === 'recipient' || what === 'sender') {
        const routes = routesForeign(ctx);
        if (routes === 'no') return { can: 'no', must: 'no', evidence: [], unknowns: [] };
        if (routes === 'unknown') return { can: 'unknown', must: 'no', evidence: [], unknowns: [{ span: c.span, what: `verify = ${arg} (no router relaygate can read takes foreign domains)` }] };
      }
      return { can: 'yes', must: 'no', evidence: [{ span: c.span, text: `${c.negated ? '!' : ''}${c.name} = ${arg}`, kind: 'condition' }], unknowns: [] };
    }
    case 'dnslists':
    case 'ratelimit':
    case 'seen':
    case 'spf':
    case 'spf_guess':
      return abstract ? { can: 'yes', must: 'no', evidence: [{ span: c.span, text: `${c.negated ? '!' : ''}${c.name} = ${arg}`, kind: 'condition' }], unknowns: [] } : truthUnknown(c.span, `${c.name} = ${arg}`);
    default:
      return truthUnknown(c.span, `${c.name} = ${arg}`);
  }
}

/** Values a client may choose for the session variables it controls. */
const CHOICES: Record<string, string[]> = {
  sender_helo_name: ['client.example.org', ''],
  sender_address: ['client@example.org', ''],
  sender_address_domain: ['example.org', ''],
  local_part: ['user', 'postmaster'],
  domain: ['foreign.example'],
};

/**
 * `condition = STRING`: true when the expansion is a non-zero number, yes or
 * true; false when empty, 0, no or false. Expanded for each choice of the
 * variables the client controls: it can make the condition hold when one
 * choice does, and must when all do.
 */
function expandedCondition(c: AclCondition, arg: string, s: Scenario): Truth {
  if (arg.includes(UNKNOWN_MARK)) return truthUnknown(c.span, 'a value relaygate could not resolve');
  const base = sessionVariables(s);
  const free = Object.keys(CHOICES).filter((v) => arg.includes(v) && base.variable(v) === undefined);
  let combos: Record<string, string>[] = [{}];
  for (const v of free) combos = combos.flatMap((combo) => (CHOICES[v] as string[]).map((value) => ({ ...combo, [v]: value })));
  const values: boolean[] = [];
  for (const combo of combos) {
    const r = expandString(arg, sessionVariables(s, combo));
    const truth = r.known ? conditionTruth(r.text) : null;
    if (truth === null) return truthUnknown(c.span, `condition = ${arg}`);
    values.push(truth);
  }
  const can: Tri3 = values.some(Boolean) ? 'yes' : 'no';
  const must: Tri3 = values.every(Boolean) ? 'yes' : 'no';
  return { can, must, evidence: can === 'yes' ? [{ span: c.span, text: `condition = ${arg}`, kind: 'condition' }] : [], unknowns: [] };
}

/** Does some router take a foreign domain (so that its addresses verify)? */
function routesForeign(ctx: EvalContext): Tri3 {
  let result: Tri3 = 'no';
  for (const r of ctx.config.routers) {
    const driver = r.driver;
    if (driver === null || driver.includes('$') || driver.includes(UNKNOWN_MARK) || driver === 'redirect' || driver === 'queryprogram') {
      result = or3(result, 'unknown');
      continue;
    }
    if (driver !== 'dnslookup' && driver !== 'manualroute' && driver !== 'accept') continue;
    const foreign: Tri3 = r.domains === null ? 'yes' : matchDomainList(r.domains, r.span, { ...ctx.scenario, recipient: null }, ctx.lists).can;
    result = or3(result, r.maybe && foreign === 'yes' ? 'unknown' : foreign);
  }
  if (ctx.config.routerIncludes && result !== 'yes') return 'unknown';
  return result;
}

function nestedAcl(c: AclCondition, ctx: EvalContext, where: Stage): Truth {
  const arg = argText(c);
  if (arg.includes('$') || arg.includes(UNKNOWN_MARK)) return truthUnknown(c.span, `acl = ${arg}`);
  const name = arg.split(/\s+/)[0] ?? '';
  if (ctx.depth >= MAX_ACL_DEPTH) return { ...fixed('no'), error: 'ACL nested too deep: possible loop' };
  const inner = { ...ctx, depth: ctx.depth + 1, memo: (ctx.memo ??= new Map()) };
  const best = runNamedAcl(name, c.arg as MappedText, c.span, inner, 'best', where);
  const worst = runNamedAcl(name, c.arg as MappedText, c.span, inner, 'worst', where);
  if (best.verdict === 'deny' && best.deferred === true) return { ...fixed('no'), error: `ACL ${name} defers` };
  const can: Tri3 = best.verdict === 'accept' ? 'yes' : best.verdict === 'deny' ? 'no' : 'unknown';
  const must: Tri3 = worst.verdict === 'accept' ? 'yes' : worst.verdict === 'deny' ? 'no' : 'unknown';
  return { can, must, evidence: best.grant?.evidence ?? [], unknowns: merge(best.unknowns, worst.unknowns) };
}

function statementOutcome(st: AclStatement, acl: string, next: Outcome, ctx: EvalContext, mode: Mode, where: Stage): Outcome {
  if (st.verb === null) return outcome('unknown', null, merge([{ span: st.span, what: 'an included file relaygate cannot read' }], next.unknowns));
  if (st.verb === 'warn') return next;
  const truths: { t: Truth; endpass: boolean }[] = [];
  let endpass = false;
  for (const c of st.conditions) {
    if (c.name === 'endpass') {
      endpass = true;
      continue;
    }
    if (c.modifier) continue;
    truths.push({ t: condition(c, ctx, where), endpass });
  }
  const unknowns = truths.flatMap((x) => x.t.unknowns);
  const errorAt = truths.findIndex((x) => x.t.error !== undefined);
  const considered = errorAt < 0 ? truths : truths.slice(0, errorAt);
  const pre = considered.filter((x) => !x.endpass).map((x) => x.t);
  const post = considered.filter((x) => x.endpass).map((x) => x.t);
  const allCan = (ts: Truth[]): Tri3 => ts.reduce<Tri3>((a, t) => and3(a, t.can), 'yes');
  const someFalse = (ts: Truth[]): Tri3 => ts.reduce<Tri3>((a, t) => or3(a, not3(t.must)), 'no');
  const evidence = considered.flatMap((x) => x.t.evidence);
  const deny = outcome('deny');
  if (errorAt >= 0) {
    // Exim defers the statement when it reaches the test it cannot make.
    const reach = and3(allCan(pre), allCan(post));
    return choose([{ outcome: { ...deny, unknowns, deferred: true }, avail: reach }, { outcome: next, avail: or3(someFalse(pre), someFalse(post)) }], mode, unknowns);
  }
  const enterPre = allCan(pre);
  const avoidPre = someFalse(pre);
  switch (st.verb) {
    case 'accept': {
      const grant: Grant = { acl, statement: st, evidence };
      return choose(
        [
          { outcome: outcome('accept', grant, unknowns), avail: and3(enterPre, allCan(post)) },
          { outcome: { ...deny, unknowns }, avail: and3(enterPre, someFalse(post)) },
          { outcome: next, avail: avoidPre },
        ],
        mode,
        unknowns,
      );
    }
    case 'discard':
      // The message is accepted and thrown away: nothing is relayed.
      return choose([{ outcome: { ...deny, unknowns }, avail: enterPre }, { outcome: next, avail: avoidPre }], mode, unknowns);
    case 'deny':
    case 'drop':
    case 'defer':
      return choose([{ outcome: { ...deny, unknowns, deferred: st.verb === 'defer' }, avail: enterPre }, { outcome: next, avail: avoidPre }], mode, unknowns);
    case 'require':
      return choose([{ outcome: next, avail: enterPre }, { outcome: { ...deny, unknowns }, avail: avoidPre }], mode, unknowns);
  }
}

/** One ACL, evaluated from its implicit deny backwards: linear in its statements. */
export function runAcl(acl: { name: string; statements: readonly AclStatement[] }, ctx: EvalContext, mode: Mode, where: Stage): Outcome {
  let next = outcome('deny');
  for (let i = acl.statements.length - 1; i >= 0; i--) {
    const st = acl.statements[i] as AclStatement;
    const result = statementOutcome(st, acl.name, next, ctx, mode, where);
    if (st.maybe) {
      // The statement may not be there at all.
      next = choose(
        [
          { outcome: result, avail: 'unknown' },
          { outcome: next, avail: 'unknown' },
        ],
        mode,
        [{ span: st.span, what: 'a statement under a conditional relaygate cannot decide' }],
      );
    } else next = result;
  }
  return next;
}

export type Stage = 'connect' | 'helo' | 'mail' | 'rcpt';

/**
 * acl_check_internal(): a value without spaces names an ACL of the acl
 * section; one starting with `/` is a file; anything else is the text of
 * an ACL. An unknown name is read as ACL text too, which fails: Exim defers.
 */
export function runNamedAcl(name: string, value: MappedText, span: Span, ctx: EvalContext, mode: Mode, where: Stage): Outcome {
  const trimmed = name.trim();
  if (!trimmed.includes(' ')) {
    const found = ctx.config.acls.filter((a) => a.name === trimmed);
    const definite = found.find((a) => !a.maybe);
    const acl: Acl | undefined = definite ?? found[0];
    if (acl !== undefined) {
      const memo = (ctx.memo ??= new Map<string, Outcome | 'running'>());
      const key = `${trimmed}\u0000${mode}\u0000${where}`;
      const seen = memo.get(key);
      // An ACL that reaches itself again nests until Exim gives up: it defers.
      if (seen === 'running') return { ...outcome('deny'), deferred: true };
      if (seen !== undefined && definite !== undefined) return seen;
      memo.set(key, 'running');
      const result = runAcl(acl, ctx, mode, where);
      memo.set(key, result);
      if (definite !== undefined) return result;
      return choose([{ outcome: result, avail: 'unknown' }, { outcome: outcome('deny'), avail: 'unknown' }], mode, [{ span: acl.span, what: `ACL ${trimmed} (defined under a conditional relaygate cannot decide)` }]);
    }
    if (ctx.config.aclIncludes.length > 0) return outcome('unknown', null, [{ span, what: `ACL ${trimmed} (may be defined in an included file)` }]);
    if (trimmed.startsWith('/')) return outcome('unknown', null, [{ span, what: `an ACL read from ${trimmed} at run time` }]);
  }
  const inline = parseAclText(value);
  if (inline.error !== null) return { ...outcome('deny'), deferred: true };
  return runAcl({ name: 'inline ACL', statements: inline.statements }, ctx, mode, where);
}

