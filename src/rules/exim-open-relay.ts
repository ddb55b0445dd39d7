import type { Related, RuleResult } from '../model/finding.js';
import type { Span } from '../model/span.js';
import type { Configuration } from '../mta/configuration.js';
import type { Evidence } from '../mta/exim/match.js';
import type { EximConfiguration } from '../mta/exim/model.js';
import { relayVerdict, type Exposure } from '../mta/exim/relay.js';
import { examples } from './examples/exim-open-relay.js';
import { position, relatedAt, unresolvedList } from './phrases.js';
import { addReach } from './reach.js';
import type { Rule, RuleMeta } from './rule.js';

export const meta: RuleMeta = {
  id: 'exim-open-relay',
  title: 'Exim relays mail for any host',
  description:
    'An Exim that listens beyond loopback and whose RCPT ACL accepts a foreign recipient from any host on the Internet (relay_from_hosts of 0.0.0.0/0 or *, an unconditional accept, dc_relay_nets or dc_relay_domains that match everything).',
  help:
    'Exim decides relaying in the ACL named by acl_smtp_rcpt: a recipient in a domain that is not local is accepted only ' +
    'when a statement accepts it, typically `accept hosts = +relay_from_hosts` or `accept authenticated = *`. ' +
    'relaygate runs the connect, HELO, MAIL and RCPT ACLs as Exim does (statements in order, the first that decides ' +
    'wins, the end is an implicit deny) for an unauthenticated client on the Internet that chooses its own sender, ' +
    'HELO name and recipient, and reports when one of them accepts: a relay_from_hosts list of `*`, `0.0.0.0/0` or ' +
    '`<; ::0/0`, a list that ends in a negated item (it matches every other host), an `accept` without conditions, ' +
    'a relay_to_domains of `*`. Exim lists are read as Exim reads them (`:` separators, `<;` changes the separator, ' +
    '`::` is a literal colon), and macros, `.ifdef` and `.include` are applied first. Debian\'s update-exim4.conf.conf ' +
    'is judged as update-exim4.conf builds the configuration from it (dc_relay_nets, dc_relay_domains, ' +
    'dc_local_interfaces). The daemon listens on every address unless local_interfaces lists only loopback ' +
    'addresses. Lookups whose keys may cover every address, expansions and values relaygate cannot read make the ' +
    'finding indeterminate. Fix: list only your own networks in relay_from_hosts (dc_relay_nets), only the domains ' +
    'you relay for in relay_to_domains (dc_relay_domains), give every accept a condition, or bind local_interfaces to ' +
    '127.0.0.1 and ::1.',
  defaultLevel: 'error',
  securitySeverity: 9.0,
  stig: false,
  examples,
};

function describeExposure(e: Exposure, debian: boolean): string {
  if (e.unset) return debian ? 'listens on every address (dc_local_interfaces is empty)' : 'listens on every address (local_interfaces is not set)';
  if (e.exposed === 'unknown') return 'may listen beyond loopback (local_interfaces cannot be read)';
  const open = e.listeners.filter((l) => !l.loopback).map((l) => l.text);
  return `listens on ${open.join(', ')}`;
}

function describeEvidence(ev: Evidence): string {
  switch (ev.kind) {
    case 'list-item':
      return `"${ev.text}" matches every ${ev.of === 'domain' ? 'domain' : 'host'} (${position(ev.span)})`;
    case 'negated-end': {
      const what = ev.of === 'domain' ? 'domain' : 'host';
      return ev.text.includes(' = ')
        ? `"${ev.text}" holds for every ${what} outside it (${position(ev.span)})`
        : `the list ends with the negated item "${ev.text}", so it matches every other ${what} (${position(ev.span)})`;
    }
    case 'chosen':
      return `the client may choose "${ev.text}" (${position(ev.span)})`;
    case 'condition':
      return `"${ev.text}" holds for a client that chooses so (${position(ev.span)})`;
  }
}

function check(config: EximConfiguration): RuleResult[] {
  if (config.diagnostics.some((d) => d.fatal)) return []; // config-unreadable reports it
  const verdict = relayVerdict(config);
  const exposure = verdict.exposure;
  if (exposure.exposed === 'no' || verdict.relay.verdict === 'deny') return [];
  const relay = verdict.relay;
  const grant = relay.grant;
  const certainty = exposure.exposed === 'yes' && relay.verdict === 'accept' ? 'definite' : 'indeterminate';
  const broad = grant?.evidence.find((e) => e.kind === 'list-item' || e.kind === 'negated-end');
  const unknown = relay.unknowns[0] ?? exposure.unknowns[0];
  // Point at what makes the client's way in: a list item that matches
  // everything, else what relaygate could not read, else the accept.
  const span = broad?.span ?? (relay.verdict === 'unknown' ? unknown?.span : undefined) ?? grant?.statement.span ?? unknown?.span ?? exposure.span;
  const debian = config.debconf !== null;

  const where = `Exim ${describeExposure(exposure, debian)}`;
  let why: string;
  if (grant !== null) {
    const st = grant.statement;
    const conditions = st.conditions.filter((c) => !c.modifier || c.name === 'endpass');
    const statement = conditions.length === 0 ? 'an accept without conditions' : `"accept ${conditions.map((c) => (c.arg === null ? c.name : `${c.negated ? '!' : ''}${c.name} = ${c.arg.text.trim()}`)).join(', ')}"`;
    const reasons = grant.evidence.filter((e) => e.kind !== 'chosen').map(describeEvidence);
    const at = config.layout === 'debian-packaged' ? "in Debian's packaged configuration (relay_from_hosts is dc_relay_nets, relay_to_domains is dc_relay_domains)" : `at ${position(st.span)}`;
    why =
      `${relay.verdict === 'accept' ? 'accepts' : 'may accept'} mail for any domain from any host: the RCPT ACL ${grant.acl} reaches ${statement} ${at}` +
      (reasons.length > 0 ? `, where ${reasons.join('; ')}` : '') +
      (relay.verdict === 'unknown' && relay.unknowns.length > 0
        ? `; that depends on what relaygate could not read (${unresolvedList(relay.unknowns)})`
        : '');
  } else {
    why = `may accept mail for any domain from any host: whether the RCPT ACL accepts depends on what relaygate could not read (${unresolvedList(relay.unknowns)})`;
  }
  if (certainty === 'indeterminate' && relay.verdict === 'accept' && exposure.exposed === 'unknown') why += '; whether it listens beyond loopback is unknown';

  // What the finding rests on, each line once and not the finding's own (addReach drops those).
  const lines: Related[] = [];
  const add = (s: Span, message: string): void => {
    lines.push(relatedAt(s, message));
  };
  if (grant !== null && config.layout !== 'debian-packaged') add(grant.statement.span, `the accept statement (ACL ${grant.acl})`);
  for (const e of grant?.evidence ?? []) if (e.kind !== 'chosen') add(e.span, e.text);
  if (!exposure.unset) add(exposure.span, 'local_interfaces');
  for (const u of [...relay.unknowns, ...exposure.unknowns].slice(0, 10)) add(u.span, `unresolved: ${u.what}`);

  let fix: string;
  if (debian && broad !== undefined && broad.span.file === config.debconf) {
    fix = `In ${config.debconf}, list only your own networks in dc_relay_nets and only the domains you relay for in dc_relay_domains (never * or 0.0.0.0/0), then run update-exim4.conf; or set dc_local_interfaces='127.0.0.1 ; ::1'.`;
  } else if (broad !== undefined && broad.kind === 'negated-end') {
    fix = `Do not accept every ${broad.of === 'domain' ? 'domain' : 'host'} outside a list ("${broad.text}", ${position(broad.span)}): name the ${broad.of === 'domain' ? 'domains' : 'networks'} that may relay instead, or bind local_interfaces to 127.0.0.1 and ::1.`;
  } else if (broad !== undefined) {
    fix = `Replace "${broad.text}" (${position(broad.span)}) with the ${broad.of === 'domain' ? 'domains' : 'networks'} you relay for, or bind local_interfaces to 127.0.0.1 and ::1.`;
  } else if (grant !== null && grant.statement.conditions.every((c) => c.modifier)) {
    fix = `Give the accept at ${position(grant.statement.span)} conditions (hosts = +relay_from_hosts, authenticated = *), or put "require domains = +local_domains : +relay_to_domains" before it.`;
  } else {
    fix = 'Make sure the RCPT ACL accepts foreign domains only from your own networks or authenticated clients, or bind local_interfaces to 127.0.0.1 and ::1.';
  }
  return [
    {
      ruleId: meta.id,
      level: meta.defaultLevel,
      certainty,
      mta: 'exim',
      message: `${where}, and ${why}.`,
      fix,
      ids: [],
      span,
      related: addReach(span, [], lines),
    },
  ];
}

export const rule: Rule = {
  meta,
  check(config: Configuration): RuleResult[] {
    return config.mta === 'exim' ? check(config) : [];
  },
};
