import ipaddr from 'ipaddr.js';
import type { EffectiveValue } from './effective.js';
import { compatibilityMajor } from './defaults.js';
import { splitList } from './list.js';
import { matchClient, matchDomain, publicSamples, readAddressList, isWorldWide, type ListMatch } from './address-lists.js';

/**
 * The relay decision smtpd(8) makes at RCPT TO for a client it does not
 * trust, sending to a domain it is not responsible for: smtpd_check.c
 * smtpd_check_rcpt(), measured against smtpd 3.7.
 *
 * - With smtpd_delay_reject = yes (the default) smtpd_client_restrictions,
 *   smtpd_helo_restrictions (only when the client sent HELO/EHLO) and
 *   smtpd_sender_restrictions are evaluated at RCPT time, then
 *   smtpd_relay_restrictions and smtpd_recipient_restrictions. With `no`
 *   they run at connect, HELO and MAIL, and a rejection there refuses the
 *   same sessions, so the verdict is the same.
 * - In each list the first restriction that decides wins: `permit` ends that
 *   list only; a reject in any list refuses the recipient. A list that ends
 *   without a decision lets the request through.
 * - `warn_if_reject` turns the next restriction's policy reject into a
 *   logged warning (every restriction of a restriction class that follows
 *   it); server errors (an unknown restriction, a table argument that is
 *   not `type:name`) still refuse.
 * - `defer_if_permit` makes a later permit a deferral: the recipient is
 *   refused either way.
 * - compatibility_level below 1 with smtpd_relay_restrictions unset
 *   evaluates a relay list that never rejects (the "backwards-compatible
 *   default setting"): the same as empty.
 *
 * The untrusted client is an attacker who picks what it can: any address
 * outside the networks the site trusts (or inside a world-wide mynetworks),
 * a valid host name (forward-confirmed), HELO or no HELO (when
 * smtpd_helo_required = no), STARTTLS when offered, a recipient in a domain
 * listed nowhere. Access maps, policy services and lookups relaygate cannot
 * read are unknown: a verdict that depends on them is unknown, never "closed".
 */

export type Decision = 'permit' | 'reject' | 'dunno';

/** One concrete untrusted client and what it sends. */
export interface Attacker {
  address: string;
  /** The client's verified host name. */
  name: string;
  /** The HELO/EHLO argument; null when the client sends none. */
  helo: string | null;
  /** Uses STARTTLS (without a client certificate). */
  tls: boolean;
  sender: string;
  recipient: string;
  /**
   * The listener reads the client's address from this proxy protocol's
   * header (smtpd_upstream_proxy_protocol): the attacker connects to it
   * directly and states `address` itself.
   */
  proxied?: string;
}

/** The lists smtpd reads, in the order it reads them at RCPT time. */
export const STAGES = [
  'smtpd_client_restrictions',
  'smtpd_helo_restrictions',
  'smtpd_sender_restrictions',
  'smtpd_relay_restrictions',
  'smtpd_recipient_restrictions',
] as const;
export type Stage = (typeof STAGES)[number];

export type StepEffect = 'permit' | 'reject' | 'warned' | 'unknown' | 'defer-if-permit' | 'authorized';

/** A restriction that mattered, for messages and locations. */
export interface Step {
  /** The list it was read from: the stage's parameter, or a restriction class. */
  list: string;
  stage: Stage;
  restriction: string;
  effect: StepEffect;
  why: string;
  /** The parameter whose value made the restriction decide so (mynetworks, relay_domains, ...). */
  because?: string;
}

export interface StageResult {
  stage: Stage;
  value: EffectiveValue;
  outcome: Decision | 'skipped';
  /** The step that decided the list (permit or reject), if any. */
  decidedBy: Step | null;
}

/** One way a session can go. */
export interface Path {
  accepted: boolean;
  stages: StageResult[];
  /** Restrictions whose effect relaygate assumed (unknown) on this path. */
  unknowns: Step[];
  /** warn_if_reject and defer_if_permit steps met. */
  notes: Step[];
  /**
   * The recipient's domain is one this server delivers itself (mydestination,
   * virtual_*_domains) rather than relays: an accepted recipient is not relaying.
   */
  finalDelivery: boolean;
}

export interface SessionVerdict {
  attacker: Attacker;
  /** Every path, deduplicated on outcome; at most MAX_PATHS. */
  paths: Path[];
  /** true: some path accepts, false: none does, 'unknown': the paths were cut at MAX_PATHS. */
  truncated: boolean;
}

export interface RelayVerdict {
  /** open: some attacker's recipient is accepted on every path; unknown: on some path only. */
  status: 'open' | 'closed' | 'unknown';
  /** The session that decides the verdict (an accepting one when there is one). */
  session: SessionVerdict | null;
  /** The accepting (or possibly accepting) path of that session. */
  path: Path | null;
  sessions: SessionVerdict[];
}

/** What the evaluator reads: effective values of one smtpd (main.cf + its -o overrides + defaults). */
export interface RelayParameters {
  get(name: string): EffectiveValue;
}

/** Upper bound on explored paths per session (unknown restrictions branch). */
const MAX_PATHS = 512;
/** Restriction classes that name each other would loop in smtpd; relaygate stops here. */
const MAX_CLASS_DEPTH = 20;

/** Restrictions that take the next list item as an argument (a table, a domain, a number, a policy server). */
const MAP_COMMANDS = new Set([
  'check_client_access', 'check_reverse_client_hostname_access', 'check_ccert_access', 'check_sasl_access',
  'check_helo_access', 'check_sender_access', 'check_recipient_access', 'check_etrn_access',
  'check_client_mx_access', 'check_reverse_client_hostname_mx_access', 'check_helo_mx_access', 'check_sender_mx_access', 'check_recipient_mx_access',
  'check_client_ns_access', 'check_reverse_client_hostname_ns_access', 'check_helo_ns_access', 'check_sender_ns_access', 'check_recipient_ns_access',
  'check_client_a_access', 'check_reverse_client_hostname_a_access', 'check_helo_a_access', 'check_sender_a_access', 'check_recipient_a_access',
]);
/** DNS-based lookups whose OK answer smtpd refuses (forbid_allowlist): they can only reject or pass. */
const NO_ALLOWLIST = /^check_(client|reverse_client_hostname|helo|sender|recipient)_(mx|ns|a)_access$/;
/** Restrictions that take a domain argument (DNS lists): the attacker is not listed. */
const DNS_LIST_COMMANDS = new Set([
  'reject_rbl_client', 'reject_rbl', 'reject_rhsbl_client', 'reject_rhsbl_reverse_client', 'reject_rhsbl_helo',
  'reject_rhsbl_sender', 'reject_rhsbl_recipient', 'permit_dnswl_client', 'permit_rhswl_client',
]);
/**
 * Restrictions an attacker passes by choosing what it sends: it has a
 * forward-confirmed host name, a resolvable sender domain, a fully qualified
 * sender and recipient, is not on any DNS list and does not pipeline early.
 */
const ATTACKER_PASSES = new Set([
  'reject_unknown_client_hostname', 'reject_unknown_client', 'reject_unknown_reverse_client_hostname',
  'reject_maps_rbl', 'reject_unauth_pipelining', 'permit_inet_interfaces', 'permit_sasl_authenticated',
  'permit_tls_clientcerts', 'permit_mx_backup',
  'reject_unknown_sender_domain', 'reject_unknown_address', 'reject_unverified_sender', 'reject_non_fqdn_sender',
  'reject_unlisted_sender', 'reject_authenticated_sender_login_mismatch', 'reject_known_sender_login_mismatch',
  'reject_unauthenticated_sender_login_mismatch', 'reject_sender_login_mismatch',
  'reject_unknown_recipient_domain', 'reject_non_fqdn_recipient', 'reject_multi_recipient_bounce',
  'reject_unverified_recipient',
]);

interface Flags {
  /** state->warn_if_reject: the recursion level that armed it, 0 when off. */
  warn: number;
  deferIfPermit: boolean;
  deferIfReject: boolean;
}

interface Run {
  decision: Decision;
  flags: Flags;
  decidedBy: Step | null;
  unknowns: Step[];
  notes: Step[];
  /** A server error: smtpd longjmps out of every list and answers 451. */
  serverError: boolean;
}

/** What one restriction may do (several entries: relaygate cannot tell which). */
interface Effect {
  decision: Decision;
  /** A reject smtpd cannot turn into a warning (server or lookup errors). */
  hard?: boolean;
  unknown?: boolean;
  deferIfPermit?: boolean;
  deferIfReject?: boolean;
  why: string;
  /** The parameter whose value decided it. */
  because?: string;
  /** A relay check passed because the recipient's domain is one the server handles: worth a note. */
  authorized?: boolean;
}

class Evaluator {
  private readonly classes: Set<string>;
  private paths = 0;
  truncated = false;
  finalDelivery = false;

  constructor(
    private readonly parameters: RelayParameters,
    private readonly attacker: Attacker,
  ) {
    this.classes = new Set(splitList(parameters.get('smtpd_restriction_classes').value).map((i) => i.text));
  }

  private value(name: string): string {
    return this.parameters.get(name).value;
  }

  private unknownValue(name: string): boolean {
    return this.parameters.get(name).unknown;
  }

  /** Runs one list from the entry flags; returns every way it can end. */
  list(stage: Stage, listName: string, value: string, entry: Flags, depth: number): Run[] {
    const items = splitList(value).map((i) => i.text);
    const recursion = depth + 1;
    let runs: Array<Run & { index: number }> = [
      { decision: 'dunno', flags: entry, decidedBy: null, unknowns: [], notes: [], serverError: false, index: 0 },
    ];
    const done: Run[] = [];
    while (runs.length > 0) {
      const next: Array<Run & { index: number }> = [];
      for (const run of runs) {
        if (run.index >= items.length) {
          done.push(this.endList(run, recursion));
          continue;
        }
        for (const out of this.step(stage, listName, items, run, recursion, depth)) {
          if (out.decision !== 'dunno' || out.serverError) done.push(this.endList(out, recursion));
          else if (out.flags.deferIfPermit && out.flags.deferIfReject) done.push(this.endList(out, recursion));
          else next.push(out);
        }
      }
      this.paths += next.length;
      if (this.paths > MAX_PATHS) {
        this.truncated = true;
        return [...done, ...next.map((r) => this.endList(r, recursion))];
      }
      runs = next;
    }
    return dedupe(done);
  }

  /** generic_checks() end: a warn_if_reject armed at this level does not outlive the list. */
  private endList(run: Run, recursion: number): Run {
    const flags = run.flags.warn >= recursion ? { ...run.flags, warn: 0 } : run.flags;
    return { decision: run.decision, flags, decidedBy: run.decidedBy, unknowns: run.unknowns, notes: run.notes, serverError: run.serverError };
  }

  /** Evaluates items[run.index] (and the arguments it consumes). */
  private step(stage: Stage, listName: string, items: string[], run: Run & { index: number }, recursion: number, depth: number): Array<Run & { index: number }> {
    let index = run.index;
    const raw = items[index] ?? '';
    let name = raw.toLowerCase();
    const take = (): string | undefined => {
      const arg = items[index + 1];
      if (arg !== undefined) index++;
      return arg;
    };
    const stepOf = (restriction: string, effect: StepEffect, why: string, because?: string): Step =>
      because === undefined ? { list: listName, stage, restriction, effect, why } : { list: listName, stage, restriction, effect, why, because };

    if (name === 'warn_if_reject') {
      const flags = run.flags.warn === 0 ? { ...run.flags, warn: recursion } : run.flags;
      return [{ ...run, flags, notes: [...run.notes, stepOf(raw, 'warned', 'turns the next restriction\'s reject into a warning')], index: index + 1 }];
    }

    let effects: Effect[];
    let text = raw;
    if (raw.includes('\uE000')) {
      effects = unknownEffects('comes from a template expression relaygate could not resolve');
      const arg = MAP_COMMANDS.has(name) || DNS_LIST_COMMANDS.has(name) ? take() : undefined;
      if (arg !== undefined) text = `${raw} ${arg}`;
    } else if (raw.includes(':') && !raw.startsWith('{')) {
      // smtpd_check.c: a bare `type:table` is the list's default access check.
      effects = unknownEffects(`is an access table lookup (${raw}) whose entries relaygate cannot see`);
    } else if (MAP_COMMANDS.has(name)) {
      const arg = take();
      text = arg === undefined ? raw : `${raw} ${arg}`;
      effects = this.mapCommand(name, arg);
    } else if (DNS_LIST_COMMANDS.has(name)) {
      const arg = take();
      text = arg === undefined ? raw : `${raw} ${arg}`;
      effects = [{ decision: 'dunno', why: arg === undefined ? 'has no domain argument and does nothing' : 'does not list the attacker' }];
    } else if (name === 'check_policy_service') {
      const arg = take();
      text = arg === undefined ? raw : `${raw} ${arg}`;
      effects =
        arg === undefined || !arg.includes(':')
          ? [{ decision: 'reject', hard: true, why: 'lacks its transport:server argument (451 Server configuration error)' }]
          : unknownEffects(`asks a policy server (${arg}) relaygate cannot query`);
    } else if (name === 'sleep') {
      const arg = take();
      text = arg === undefined ? raw : `${raw} ${arg}`;
      effects =
        arg === undefined || !/^\d+$/.test(arg)
          ? [{ decision: 'reject', hard: true, why: 'lacks its number argument (451 Server configuration error)' }]
          : [{ decision: 'dunno', why: 'only waits' }];
    } else {
      const builtin = this.builtin(name);
      if (builtin !== null) effects = builtin;
      else if (this.classes.has(raw) && depth < MAX_CLASS_DEPTH) {
        return this.restrictionClass(stage, raw, run, recursion, depth).map((r) => ({ ...r, index: index + 1 }));
      } else if (this.classes.has(raw)) {
        name = raw;
        effects = unknownEffects(`is a restriction class nested deeper than the ${MAX_CLASS_DEPTH} levels of restriction classes relaygate follows`);
      } else {
        name = raw;
        effects = unknownEffects('is not a restriction relaygate knows (smtpd 3.7 answers 451 Server configuration error to an unknown one)');
      }
    }

    const out: Array<Run & { index: number }> = [];
    for (const effect of effects) {
      let flags = run.flags;
      let decision = effect.decision;
      const unknowns = effect.unknown ? [...run.unknowns, stepOf(text, 'unknown', effect.why, effect.because)] : run.unknowns;
      const notes = [...run.notes];
      if (effect.authorized) notes.push(stepOf(text, 'authorized', effect.why, effect.because));
      let decidedBy: Step | null = run.decidedBy;
      if (effect.deferIfPermit) {
        if (flags.warn !== 0) notes.push(stepOf(text, 'warned', `${effect.why}, but warn_if_reject makes it a warning`));
        else {
          flags = { ...flags, deferIfPermit: true };
          notes.push(stepOf(text, 'defer-if-permit', effect.why));
        }
      }
      if (effect.deferIfReject) flags = { ...flags, deferIfReject: true };
      if (decision === 'reject' && !effect.hard && flags.warn !== 0) {
        notes.push(stepOf(text, 'warned', `${effect.why}, but warn_if_reject logs a warning instead`));
        decision = 'dunno';
      } else if (decision !== 'dunno') {
        decidedBy = stepOf(text, decision, effect.why, effect.because);
      }
      if (flags.warn >= recursion) flags = { ...flags, warn: 0 };
      out.push({ decision, flags, decidedBy, unknowns, notes, serverError: decision === 'reject' && effect.hard === true, index: index + 1 });
    }
    return out;
  }

  /** A restriction class runs as a nested list; its decision ends the outer list too. */
  private restrictionClass(stage: Stage, name: string, run: Run, recursion: number, depth: number): Run[] {
    const inner = this.unknownValue(name)
      ? unknownRuns(stage, name, run.flags, 'is a restriction class whose definition relaygate could not resolve')
      : this.list(stage, name, this.value(name), run.flags, depth + 1);
    return inner.map((r) => {
      const flags = r.flags.warn >= recursion ? { ...r.flags, warn: 0 } : r.flags;
      const unknowns = [...run.unknowns, ...r.unknowns];
      return {
        decision: r.decision,
        flags,
        decidedBy: r.decidedBy ?? run.decidedBy,
        unknowns,
        notes: [...run.notes, ...r.notes],
        serverError: r.serverError,
      };
    });
  }

  private mapCommand(name: string, arg: string | undefined): Effect[] {
    if (arg === undefined || !arg.includes(':')) {
      return [{ decision: 'reject', hard: true, why: `needs a type:table argument (451 Server configuration error)` }];
    }
    const helo = this.attacker.helo;
    if (name.startsWith('check_helo') && helo === null) return [{ decision: 'dunno', why: 'has no HELO name to look up' }];
    if (name === 'check_sasl_access') return [{ decision: 'dunno', why: 'applies to authenticated clients only' }];
    if (name === 'check_etrn_access') return [{ decision: 'dunno', why: 'applies to ETRN only' }];
    if (name === 'check_ccert_access') return [{ decision: 'dunno', why: 'the attacker presents no client certificate' }];
    if (NO_ALLOWLIST.test(name)) {
      return [
        { decision: 'dunno', unknown: true, why: `looks up DNS records in ${arg}, whose entries relaygate cannot see` },
        { decision: 'reject', unknown: true, why: `looks up DNS records in ${arg}, whose entries relaygate cannot see` },
      ];
    }
    return unknownEffects(`looks up the ${lookupKey(name)} in ${arg}, whose entries relaygate cannot see`);
  }

  /** Built-in restrictions; null when `name` is none of them. */
  private builtin(name: string): Effect[] | null {
    const a = this.attacker;
    switch (name) {
      case 'permit':
        return [{ decision: 'permit', why: 'permits every request' }];
      case 'reject':
        return [{ decision: 'reject', why: 'rejects every request' }];
      case 'defer':
        return [{ decision: 'reject', why: 'defers every request' }];
      case 'defer_if_permit':
        return [{ decision: 'dunno', deferIfPermit: true, why: 'defers the request when a later restriction permits it' }];
      case 'defer_if_reject':
        return [{ decision: 'dunno', deferIfReject: true, why: 'turns a later reject into a deferral' }];
      case 'reject_plaintext_session':
        return a.tls ? [{ decision: 'dunno', why: 'the attacker uses STARTTLS' }] : [{ decision: 'reject', why: 'rejects a session without TLS' }];
      case 'permit_mynetworks':
        return this.permitMynetworks();
      case 'permit_tls_all_clientcerts':
        return a.tls
          ? unknownEffects('permits any client certificate a trusted CA signed; which CAs smtpd trusts is outside relaygate\'s view')
          : [{ decision: 'dunno', why: 'the attacker presents no client certificate' }];
      case 'permit_naked_ip_address':
        return a.helo !== null && /^[0-9.:]+$/.test(a.helo) && isValidHostAddress(a.helo)
          ? [{ decision: 'permit', why: `permits a client whose HELO is an IP address (the attacker sends HELO ${a.helo})` }]
          : [{ decision: 'dunno', why: 'the HELO is not a bare IP address' }];
      case 'reject_invalid_helo_hostname':
      case 'reject_invalid_hostname':
        return [{ decision: 'dunno', why: 'the attacker\'s HELO is valid' }];
      case 'reject_non_fqdn_helo_hostname':
      case 'reject_non_fqdn_hostname':
        if (a.helo === null || a.helo.startsWith('[') || (validHostname(a.helo) && a.helo.includes('.'))) return [{ decision: 'dunno', why: 'the HELO is fully qualified' }];
        return [{ decision: 'reject', why: `rejects HELO ${a.helo} (not a fully qualified host name)` }];
      case 'reject_unknown_helo_hostname':
      case 'reject_unknown_hostname':
        if (a.helo === null || validHostname(a.helo)) return [{ decision: 'dunno', why: 'the attacker\'s HELO name resolves' }];
        return unknownEffects(`looks up HELO ${a.helo} in DNS`);
      case 'permit_auth_destination':
        return this.authorizedDestination('permit');
      case 'reject_unauth_destination':
      case 'defer_unauth_destination':
        return this.authorizedDestination('reject');
      case 'check_relay_domains': {
        // check_relay_domains() first permits a client whose name is in relay_domains.
        const relayDomains = this.parameters.get('relay_domains');
        const client = relayDomains.unknown
          ? 'unknown'
          : matchDomain(relayDomains.value, a.name, { domainList: true, parent: parentMatches(this.parameters, 'relay_domains') });
        if (client === 'match') return [{ decision: 'permit', why: `permits a client whose name (${a.name}) is in relay_domains` }];
        const rest = this.authorizedDestination('check_relay_domains');
        if (client === 'no-match') return rest;
        return [{ decision: 'permit', unknown: true, why: 'depends on relay_domains entries relaygate cannot see' }, ...rest];
      }
      case 'check_recipient_maps':
      case 'reject_unlisted_recipient':
        return this.finalOrRelayRecipient()
          ? unknownEffects('checks the recipient against lookup tables relaygate cannot see')
          : [{ decision: 'dunno', why: 'the recipient\'s domain is not one this server handles' }];
      default:
        if (ATTACKER_PASSES.has(name)) return [{ decision: 'dunno', why: 'the attacker passes it' }];
        return null;
    }
  }

  private permitMynetworks(): Effect[] {
    const mynetworks = this.parameters.get('mynetworks');
    if (mynetworks.unknown) return unknownEffects('depends on mynetworks, which relaygate could not resolve').map((e) => ({ ...e, because: 'mynetworks' }));
    if (mynetworks.origin.kind === 'default') {
      // mynetworks unset: the networks of the host's own interfaces (mynetworks_style),
      // which an attacker elsewhere on the Internet is not in.
      return [{ decision: 'dunno', why: `mynetworks (from mynetworks_style) does not contain ${this.attacker.address}` }];
    }
    const match = matchClient(readAddressList(mynetworks.value), this.attacker, parentMatches(this.parameters, 'mynetworks'));
    return fromListMatch(match, {
      match: { decision: 'permit', why: `permits ${this.attacker.address}, because mynetworks = ${mynetworks.value} contains it`, because: 'mynetworks' },
      noMatch: { decision: 'dunno', why: `mynetworks does not contain ${this.attacker.address}` },
      unknown: 'depends on mynetworks entries relaygate cannot see',
      error: 'mynetworks has an invalid entry (smtpd answers 451 Temporary lookup failure)',
    }).map((e) => ({ ...e, because: 'mynetworks' }));
  }

  /** Is the recipient's domain one this server delivers or relays to (permit_auth_destination)? */
  private destinationClass(): { kind: 'final' | 'relay' | 'none' | 'unknown' | 'error'; list: string | null } {
    const domain = this.attacker.recipient.slice(this.attacker.recipient.lastIndexOf('@') + 1).toLowerCase();
    let unknown: string | null = null;
    for (const list of ['mydestination', 'virtual_alias_domains', 'virtual_mailbox_domains']) {
      if (this.unknownValue(list)) {
        unknown ??= list;
        continue;
      }
      const m = matchDomain(this.value(list), domain, { domainList: false, parent: false });
      if (m === 'match') return { kind: 'final', list };
      if (m === 'error') return { kind: 'error', list };
      if (m === 'unknown') unknown ??= list;
    }
    if (this.unknownValue('relay_domains')) return { kind: 'unknown', list: 'relay_domains' };
    const relay = matchDomain(this.value('relay_domains'), domain, { domainList: true, parent: parentMatches(this.parameters, 'relay_domains') });
    if (relay === 'match') return unknown === null ? { kind: 'relay', list: 'relay_domains' } : { kind: 'unknown', list: unknown };
    if (relay === 'error') return { kind: 'error', list: 'relay_domains' };
    if (relay === 'unknown') return { kind: 'unknown', list: 'relay_domains' };
    // In no relay domain: if a final-destination list relaygate cannot read
    // (mydestination through a templated $myhostname, say) lists the domain
    // after all, smtpd delivers the recipient here (trivial-rewrite's local or
    // virtual class, postconf(5) mydestination) and relays nothing; if it does
    // not, the domain is foreign. Either way no mail leaves through this path.
    return { kind: 'none', list: null };
  }

  private finalOrRelayRecipient(): boolean {
    const c = this.destinationClass().kind;
    return c === 'final' || c === 'relay' || c === 'unknown';
  }

  private authorizedDestination(kind: 'permit' | 'reject' | 'check_relay_domains'): Effect[] {
    const { kind: c, list } = this.destinationClass();
    const because = list ?? undefined;
    const domain = this.attacker.recipient.slice(this.attacker.recipient.lastIndexOf('@') + 1);
    if (c === 'error') return [{ decision: 'reject', hard: true, why: `${list ?? 'a destination list'} has an invalid entry (451 Temporary lookup failure)`, because }];
    if (c === 'final') this.finalDelivery = true;
    const handled = `${domain} is in ${list ?? 'a destination list'}, a domain this server ${c === 'final' ? 'delivers' : 'relays'} to`;
    const authorized: Effect =
      kind === 'reject'
        ? { decision: 'dunno', why: `lets it through: ${handled}`, because, authorized: true }
        : { decision: 'permit', why: `permits it: ${handled}`, because };
    const foreign: Effect =
      kind === 'permit'
        ? { decision: 'dunno', why: `${domain} is not a domain this server handles` }
        : { decision: 'reject', why: `refuses ${domain} (Relay access denied)` };
    if (c === 'final' || c === 'relay') return [authorized];
    if (c === 'none') return [foreign];
    const why = `depends on ${list ?? 'destination lists'} entries relaygate cannot see`;
    return [
      { ...authorized, unknown: true, why, authorized: false },
      { ...foreign, unknown: true, why, because },
    ];
  }
}

/** A whole list relaygate cannot read (its value may be anything): every way it can end. */
function unknownRuns(stage: Stage, list: string, flags: Flags, why: string): Run[] {
  const step: Step = { list, stage, restriction: list, effect: 'unknown', why };
  return (['permit', 'reject', 'dunno'] as const).map((decision) => ({
    decision,
    flags,
    decidedBy: decision === 'dunno' ? null : { ...step, effect: decision },
    unknowns: [step],
    notes: [],
    serverError: false,
  }));
}

function unknownEffects(why: string): Effect[] {
  return [
    { decision: 'permit', unknown: true, why },
    { decision: 'reject', unknown: true, why },
    { decision: 'dunno', unknown: true, why },
  ];
}

function fromListMatch(
  match: ListMatch,
  o: { match: Effect; noMatch: Effect; unknown: string; error: string },
): Effect[] {
  if (match === 'match') return [o.match];
  if (match === 'no-match') return [o.noMatch];
  if (match === 'error') return [{ decision: 'reject', hard: true, why: o.error }];
  return [
    { ...o.match, unknown: true, why: o.unknown },
    { ...o.noMatch, unknown: true, why: o.unknown },
  ];
}

function lookupKey(name: string): string {
  if (name.startsWith('check_client') || name.startsWith('check_reverse_client')) return 'client';
  if (name.startsWith('check_helo')) return 'HELO name';
  if (name.startsWith('check_sender')) return 'sender address';
  return 'recipient address';
}

/** valid_hostname(3): letters, digits, `-` and `.` labels of at most 63, not all-numeric. */
function validHostname(name: string): boolean {
  const n = name.endsWith('.') && !name.endsWith('..') ? name.slice(0, -1) : name;
  if (n === '' || n.length > 255) return false;
  const labels = n.split('.');
  if (labels.some((l) => l === '' || l.length > 63 || !/^[A-Za-z0-9_-]+$/.test(l) || l.startsWith('-') || l.endsWith('-'))) return false;
  return !/^[0-9.]+$/.test(n);
}

function isValidHostAddress(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) && text.split('.').every((p) => Number(p) <= 255);
}

/** Is `name` listed in parent_domain_matches_subdomains (postconf(5))? */
function parentMatches(parameters: RelayParameters, name: string): boolean {
  const value = parameters.get('parent_domain_matches_subdomains');
  return splitList(value.value).some((i) => i.text === name);
}

function dedupe(runs: Run[]): Run[] {
  const seen = new Map<string, Run>();
  for (const r of runs) {
    const key = `${r.decision}|${r.serverError}|${r.flags.deferIfPermit}|${r.flags.deferIfReject}|${r.flags.warn}|${r.unknowns.length > 0}`;
    if (!seen.has(key)) seen.set(key, r);
  }
  return [...seen.values()];
}

/** Runs every stage for one attacker and returns how the session can end. */
export function evaluateSession(parameters: RelayParameters, attacker: Attacker): SessionVerdict {
  const evaluator = new Evaluator(parameters, attacker);
  interface Pending {
    flags: Flags;
    stages: StageResult[];
    unknowns: Step[];
    notes: Step[];
  }
  let partials: Pending[] = [{ flags: { warn: 0, deferIfPermit: false, deferIfReject: false }, stages: [], unknowns: [], notes: [] }];
  const finished: Path[] = [];
  for (const stage of STAGES) {
    const value = parameters.get(stage);
    const next: Pending[] = [];
    for (const p of partials) {
      if (stage === 'smtpd_helo_restrictions' && attacker.helo === null) {
        // smtpd_check_helo() returns at once when no HELO/EHLO was given.
        next.push({ ...p, stages: [...p.stages, { stage, value, outcome: 'skipped', decidedBy: null }] });
        continue;
      }
      // SMTPD_CHECK_RESET(): each stage starts without warn_if_reject or defer_if_reject.
      const entry: Flags = { warn: 0, deferIfPermit: p.flags.deferIfPermit, deferIfReject: false };
      const runs = value.unknown
        ? unknownRuns(stage, stage, entry, 'has a value relaygate could not resolve')
        : evaluator.list(stage, stage, value.value, entry, 0);
      for (const run of runs) {
        const stages = [...p.stages, { stage, value, outcome: run.decision, decidedBy: run.decidedBy }];
        const unknowns = [...p.unknowns, ...run.unknowns];
        const notes = [...p.notes, ...run.notes];
        if (run.decision === 'reject') {
          finished.push({ accepted: false, stages, unknowns, notes, finalDelivery: false });
          continue;
        }
        next.push({ flags: run.flags, stages, unknowns, notes });
      }
    }
    partials = next;
  }
  for (const p of partials) {
    // smtpd_check_rcpt(): an earlier defer_if_permit turns the permit into a deferral.
    finished.push({ accepted: !p.flags.deferIfPermit, stages: p.stages, unknowns: p.unknowns, notes: p.notes, finalDelivery: evaluator.finalDelivery });
  }
  return { attacker, paths: finished, truncated: evaluator.truncated };
}

/** Client addresses no site trusts by accident (RFC 5737 documentation ranges), tried in order. */
const GENERIC_ADDRESSES = ['203.0.113.7', '198.51.100.7', '192.0.2.7'];
/** Foreign recipient domains (RFC 2606), tried in order until one is outside every destination list. */
const FOREIGN_DOMAINS = ['foreign.example', 'elsewhere.example.org', 'victim.test'];
const ATTACKER_NAME = 'mail.attacker.example';

/** Is the recipient's domain listed nowhere? 'unknown' when a list cannot be read. */
function foreignDomain(parameters: RelayParameters): string {
  for (const domain of FOREIGN_DOMAINS) {
    let listed = false;
    for (const list of ['mydestination', 'virtual_alias_domains', 'virtual_mailbox_domains', 'relay_domains']) {
      const value = parameters.get(list);
      if (value.unknown) continue;
      const m = matchDomain(value.value, domain, { domainList: list === 'relay_domains', parent: list === 'relay_domains' && parentMatches(parameters, list) });
      if (m === 'match') listed = true;
    }
    if (!listed) return domain;
  }
  return FOREIGN_DOMAINS[0] ?? 'foreign.example';
}

/** The addresses an attacker may connect from: one no list trusts, and one inside each world-wide mynetworks entry. */
function attackerAddresses(parameters: RelayParameters): string[] {
  const mynetworks = parameters.get('mynetworks');
  const items = mynetworks.unknown || mynetworks.origin.kind === 'default' ? [] : readAddressList(mynetworks.value);
  const parent = parentMatches(parameters, 'mynetworks');
  const untrusted = GENERIC_ADDRESSES.find((a) => matchClient(items, { address: a, name: ATTACKER_NAME }, parent) !== 'match') ?? GENERIC_ADDRESSES[0];
  const out = untrusted === undefined ? [] : [untrusted];
  for (const item of items) {
    if (item.negated || item.block === undefined || !isWorldWide(item.block)) continue;
    const inside = publicSamples(item.block).find((a) => matchClient(items, { address: a, name: ATTACKER_NAME }, parent) === 'match');
    if (inside !== undefined && !out.includes(inside)) out.push(inside);
  }
  return out;
}

/** TLS is offered when smtpd_tls_security_level (or the older smtpd_use_tls / smtpd_enforce_tls) says so. */
function tlsOffered(parameters: RelayParameters): boolean | 'unknown' {
  const level = parameters.get('smtpd_tls_security_level');
  if (level.unknown) return 'unknown';
  const l = level.value.trim().toLowerCase();
  if (l !== '') return l !== 'none';
  for (const name of ['smtpd_use_tls', 'smtpd_enforce_tls']) {
    const v = parameters.get(name);
    if (v.unknown) return 'unknown';
    if (v.value.trim().toLowerCase() === 'yes') return true;
  }
  return false;
}

/**
 * Addresses a client that states its own (a proxy protocol header) claims:
 * loopback, which mynetworks holds under every mynetworks_style, and one
 * inside each network mynetworks lists.
 */
function trustedAddresses(parameters: RelayParameters): string[] {
  const mynetworks = parameters.get('mynetworks');
  const items = mynetworks.unknown || mynetworks.origin.kind === 'default' ? [] : readAddressList(mynetworks.value);
  const out = ['127.0.0.1'];
  for (const item of items) {
    if (item.negated || item.block === undefined) continue;
    const bytes = item.block.address.toByteArray();
    const full = item.block.address.kind() === 'ipv4' ? 32 : 128;
    // The network's first host: the network address itself when the block is one address.
    if (item.block.prefix < full) bytes[bytes.length - 1] = ((bytes[bytes.length - 1] ?? 0) | 1) & 0xff;
    const address = ipaddr.fromByteArray(bytes).toString();
    if (!out.includes(address)) out.push(address);
    if (out.length >= 4) break;
  }
  return out;
}

/**
 * What a client that reaches a proxy-protocol listener directly can be: any
 * address it states, among them the ones mynetworks trusts. Postfix takes
 * the header from whoever connects (it expects only the proxy to); the
 * attackers are those of `attackers()` with each claimed address.
 */
export function proxiedAttackers(parameters: RelayParameters, protocol: string): Attacker[] {
  const plain = attackers(parameters);
  const first = plain[0];
  if (first === undefined) return [];
  return trustedAddresses(parameters).flatMap((address) => plain.filter((a) => a.address === first.address).map((a) => ({ ...a, address, proxied: protocol })));
}

/**
 * The attackers worth trying: each address above, with and without HELO
 * (when smtpd_helo_required allows none), with a bare IP HELO when a list
 * uses permit_naked_ip_address, and with STARTTLS when smtpd offers it.
 */
export function attackers(parameters: RelayParameters): Attacker[] {
  const recipient = `victim@${foreignDomain(parameters)}`;
  const heloRequired = parameters.get('smtpd_helo_required');
  const mayOmitHelo = heloRequired.unknown || heloRequired.value.trim().toLowerCase() !== 'yes';
  const naked = STAGES.some((s) => /permit_naked_ip_address/i.test(parameters.get(s).value));
  const tls = tlsOffered(parameters);
  const out: Attacker[] = [];
  for (const address of attackerAddresses(parameters)) {
    const helos: Array<string | null> = [ATTACKER_NAME];
    if (mayOmitHelo) helos.push(null);
    if (naked && !address.includes(':')) helos.push(address);
    for (const helo of helos) {
      for (const useTls of tls === false ? [false] : [false, true]) {
        out.push({ address, name: ATTACKER_NAME, helo, tls: useTls, sender: 'spam@attacker.example', recipient });
      }
    }
  }
  return out;
}

function accepts(path: Path): boolean {
  return path.accepted && !path.finalDelivery;
}

/**
 * The relay verdict of one smtpd: open when some attacker's recipient is
 * accepted whatever the unknowns are, unknown when it may be, closed when
 * every session refuses it.
 */
export function relayVerdict(parameters: RelayParameters, tried: Attacker[] = attackers(parameters)): RelayVerdict {
  const sessions = tried.map((a) => evaluateSession(parameters, a));
  for (const session of sessions) {
    if (!session.truncated && session.paths.length > 0 && session.paths.every(accepts)) {
      const path = session.paths.find((p) => p.unknowns.length === 0) ?? session.paths[0] ?? null;
      return { status: 'open', session, path, sessions };
    }
  }
  for (const session of sessions) {
    const path = session.paths.find(accepts);
    if (path !== undefined || session.truncated) return { status: 'unknown', session, path: path ?? null, sessions };
  }
  return { status: 'closed', session: null, path: null, sessions };
}

/** compatibility_level's major number, or null (unknown or not a level). */
export function levelOf(parameters: RelayParameters): number | null {
  const v = parameters.get('compatibility_level');
  return v.unknown ? null : compatibilityMajor(v.value);
}
