/**
 * Exim's list matching (match.c match_check_list(), verify.c
 * verify_check_this_host()) for the client relaygate worries about: an
 * untrusted host on the Internet, sending mail for a foreign domain.
 *
 * Two modes share this code. A concrete client and recipient (an address,
 * `user@example.net`) reproduce what `exim -bh ADDRESS` does in a machine
 * without DNS; the differential tests compare them with Exim. An abstract
 * client stands for "any host on the Internet": it matches only items that
 * match every address (`*`, `0.0.0.0/0`, `<; ::0/0`), never a specific
 * network; an abstract recipient domain is "any domain that is not ours",
 * and senders, local parts and recipients are whatever the client chooses.
 *
 * Every answer is three-valued: what relaygate cannot evaluate (a lookup
 * whose keys may include the whole Internet, an expansion, a regular
 * expression, a value from an unresolved template) is unknown.
 */
import ipaddr from 'ipaddr.js';
import { RE2JS } from 're2js';
import { isUnknown } from '../../model/source.js';
import { isFourPartDecimal } from '../ipv4.js';
import type { Span } from '../../model/span.js';
import { splitEximList } from './lists.js';
import { MappedText } from './mapped-text.js';
import { expandString, type ExpandContext } from './expand.js';
import type { EximUnknown, NamedList, NamedListKind } from './model.js';

export type Tri3 = 'yes' | 'no' | 'unknown';

export function not3(a: Tri3): Tri3 {
  return a === 'yes' ? 'no' : a === 'no' ? 'yes' : 'unknown';
}

export function and3(a: Tri3, b: Tri3): Tri3 {
  if (a === 'no' || b === 'no') return 'no';
  if (a === 'yes' && b === 'yes') return 'yes';
  return 'unknown';
}

export function or3(a: Tri3, b: Tri3): Tri3 {
  if (a === 'yes' || b === 'yes') return 'yes';
  if (a === 'no' && b === 'no') return 'no';
  return 'unknown';
}

/**
 * The answer for a subject the client chooses: `can` the client make it
 * match, `must` it match whatever the client does. For a subject the client
 * does not choose (its address), can and must are the same. `error`: Exim
 * fails the test (an undefined named list): the ACL statement defers.
 */
/**
 * What makes a test hold: a list item that matches every client or domain
 * (`0.0.0.0/0`, `*`), a list that ends with a negated item (it matches
 * everything else), a condition the client can satisfy.
 */
export interface Evidence {
  span: Span;
  text: string;
  kind: 'list-item' | 'negated-end' | 'chosen' | 'condition';
  /** What the list item matches: client hosts or recipient domains. */
  of?: 'host' | 'domain';
}

export interface Truth {
  can: Tri3;
  must: Tri3;
  evidence: Evidence[];
  unknowns: EximUnknown[];
  error?: string;
}

export function fixed(value: Tri3, evidence: Evidence[] = [], unknowns: EximUnknown[] = []): Truth {
  return { can: value, must: value, evidence, unknowns };
}

export interface Client {
  family: 4 | 6;
  /** null: any address on the Internet. */
  address: string | null;
  /** Does the client's address have a host name (rDNS confirmed by a forward lookup)? */
  rdns: 'ok' | 'fail';
}

export interface Scenario {
  client: Client;
  /** null: any address at a foreign domain, chosen by the client. */
  recipient: { local: string; domain: string } | null;
  /** null: any sender the client chooses. */
  sender: string | null;
  /** The HELO name (concrete mode only; null: the client chooses). */
  helo: string | null;
  /**
   * Files an expansion tests with `exists` (`${if exists{/etc/exim4/x}...}`):
   * 'absent' where the answer is known to be no (the test machine), else unknown.
   */
  files?: 'absent' | 'unknown';
}

/** The expansion variables one SMTP session fixes at its first RCPT (undefined: the client chooses, or unknown). */
export function sessionVariables(s: Scenario, choice: Partial<Record<string, string>> = {}): ExpandContext {
  return {
    variable(name) {
      if (name in choice) return choice[name];
      switch (name) {
        case 'rcpt_count':
          return '1';
        case 'recipients_count':
          return '0';
        case 'sender_host_address':
          return s.client.address ?? undefined;
        case 'sender_helo_name':
          return s.helo ?? undefined;
        case 'sender_address':
          return s.sender ?? undefined;
        case 'sender_address_domain':
          return s.sender === null ? undefined : (s.sender.split('@')[1] ?? '');
        case 'local_part':
          return s.recipient?.local;
        case 'domain':
          return s.recipient?.domain;
        default:
          return undefined;
      }
    },
    exists: () => (s.files === 'absent' ? false : undefined),
  };
}

/**
 * A list that holds an expansion is expanded before it is split; when
 * relaygate can expand it, the result is matched (pinned to the list's
 * place), else the list is matched item by item and is unknown from the
 * first item with a `$`.
 */
function expandList(value: MappedText, fallback: Span, expand: ExpandContext | undefined): MappedText {
  if (expand === undefined || !value.text.includes('$')) return value;
  const r = expandString(value.text, expand);
  if (!r.known) return value;
  const at = value.span(0, value.length, fallback);
  return MappedText.pinned(r.text, at.file, at.line, at.column);
}

export interface ListContext {
  lists: readonly NamedList[];
  /** Unreadable includes may define named lists. */
  includes: boolean;
  depth: number;
  /** Expands lists with `$` in them (absent: they stay unknown). */
  expand?: ExpandContext;
}

const MAX_LIST_DEPTH = 10;

/**
 * Lookup types whose keys are matched exactly: an arbitrary domain or host
 * name is not in such a file. The others (wildlsearch, nwildlsearch, partial
 * matches, `*` defaults, query-style lookups, net-masked and iplsearch keys)
 * may match anything.
 */
const EXACT_KEY_LOOKUPS: ReadonlySet<string> = new Set(['lsearch', 'cdb', 'dbm', 'dbmnz', 'dbmjz', 'dsearch', 'nis', 'nis0', 'testdb']);

/** `type;data` or `net24-type;data`, `partial2-lsearch*@;data`, `lsearch,ret=key;data`. */
const LOOKUP_ITEM = /^(net\d*-)?(partial\d*-)?([a-z][a-z0-9_]*)(\*@?)?(,[^;]*)?;/;

function lookupOf(item: string): { exact: boolean; net: boolean; type: string } | null {
  const m = LOOKUP_ITEM.exec(item);
  if (m === null) return null;
  const type = m[3] as string;
  const exact = EXACT_KEY_LOOKUPS.has(type) && m[2] === undefined && m[4] === undefined;
  return { exact, net: m[1] !== undefined || type === 'iplsearch', type };
}

/** Every kind of list: an item that starts with `/` names a file whose lines Exim matches as items (match.c match_check_list()). */
function fileOfItems(item: string): string {
  return `a file of list items (${item}) read at run time`;
}

/**
 * An item whose answer is in data relaygate does not have, and what to call
 * it: a file of items, a lookup, and in an address list `@@type;file`,
 * which looks the address's domain up and matches its local part against
 * the list of local parts found there (match.c check_address()). An empty
 * file matches nobody and a full one may hold any address: unknown.
 */
function unseenItem(kind: NamedListKind, item: string): string | null {
  if (item.startsWith('/')) return fileOfItems(item);
  if (lookupOf(item) !== null) return `a lookup (${item})`;
  if (kind === 'addresslist' && item.startsWith('@@')) return `a lookup (${item}) of the local parts allowed for each domain`;
  return null;
}

/**
 * An address-list item `local@type;file` or `local@/file`: once the local
 * part matches, Exim matches the domain as a one-item domain list, here a
 * lookup or a file of domain patterns relaygate cannot read.
 */
function unseenDomainPart(item: string): string | null {
  const at = item.lastIndexOf('@');
  if (at < 0) return null;
  const domain = item.slice(at + 1);
  if (domain.startsWith('/')) return fileOfItems(domain);
  return lookupOf(domain) === null ? null : `a lookup (${item}) of the domain`;
}

function unknownItem(span: Span, what: string): EximUnknown {
  return { span, what };
}

const compiled = new Map<string, RE2JS | null>();

/**
 * Exim's regular expressions are PCRE; the repository's patterns run on
 * re2js (linear time). A pattern RE2 cannot read (back references,
 * look-around) is unknown.
 */
export function regexTest(pattern: string, subject: string): Tri3 {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
    if (compiled.size < 10_000) compiled.set(pattern, re);
  }
  if (re === null) return 'unknown';
  return re.matcher(subject).find() ? 'yes' : 'no';
}

/** Foreign domains a client would send to, for a regular expression in a domain list. */
const FOREIGN_DOMAINS = ['foreign.example', 'gmail.com'];

/** A trivially universal regular expression (`^`, `^.*`, `.*`, `^.*$`). */
function universalRegex(pattern: string): boolean {
  return pattern === '^' || pattern === '^.*' || pattern === '.*' || pattern === '^.*$' || pattern === '^(.*)$';
}

export function parseIpItem(item: string): { address: ipaddr.IPv4 | ipaddr.IPv6; bits: number } | null {
  const slash = item.indexOf('/');
  const host = slash < 0 ? item : item.slice(0, slash);
  const maskText = slash < 0 ? null : item.slice(slash + 1);
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  if (isFourPartDecimal(host)) address = ipaddr.IPv4.parse(host);
  else if (host.includes(':') && ipaddr.IPv6.isValid(host) && !host.includes('%')) address = ipaddr.IPv6.parse(host);
  else return null;
  const max = address.kind() === 'ipv4' ? 32 : 128;
  if (maskText === null) return { address, bits: max };
  if (!/^\d{1,3}$/.test(maskText)) return null;
  const bits = Number(maskText);
  if (bits > max) return null;
  return { address, bits };
}

function clientMatchesIp(client: Client, ip: { address: ipaddr.IPv4 | ipaddr.IPv6; bits: number }): boolean {
  const family = ip.address.kind() === 'ipv4' ? 4 : 6;
  if (family !== client.family) return false;
  if (client.address === null) return ip.bits === 0;
  const parsed = ipaddr.parse(client.address);
  if (parsed.kind() !== ip.address.kind()) return false;
  return (parsed as ipaddr.IPv4).match(ip.address, ip.bits);
}

type ItemResult = 'match' | 'nomatch' | 'stop' | 'unknown' | 'error';

interface ListWalk {
  kind: NamedListKind;
  /** Decides one (non-negated, non-named) item. */
  item(text: string, span: Span): { result: ItemResult; what?: string };
}

/**
 * match_check_list(): the first item that matches decides (a `!` item makes
 * it a non-match); when none matches, the list matches if its last item was
 * negative. Named lists (`+name`) are matched as a whole at their place.
 */
function walkList(value: MappedText, fallback: Span, walk: ListWalk, context: ListContext): Truth {
  if (context.depth > MAX_LIST_DEPTH) return { ...fixed('no'), error: 'named lists nested too deep' };
  const { items } = splitEximList(expandList(value, fallback, context.expand), fallback);
  let lastNegative = false;
  let lastItem: { span: Span; text: string } | null = null;
  let includeUnknown = false;
  const unknowns: EximUnknown[] = [];
  let uncertain = false;
  for (const entry of items) {
    let text = entry.text;
    let negated = false;
    if (text.startsWith('!')) {
      negated = true;
      text = text.slice(1).trimStart();
    }
    if (isUnknown(text) || text.includes('$')) {
      // Exim expands the list before it splits it: from here on, nothing is known.
      unknowns.push(unknownItem(entry.span, isUnknown(text) ? 'a value relaygate could not resolve' : `an expansion (${text})`));
      return { can: uncertainOr('unknown', uncertain), must: 'unknown', evidence: [], unknowns };
    }
    if (walk.kind === 'hostlist' && (text === '+include_unknown' || text === '+ignore_unknown' || text === '+include_defer' || text === '+ignore_defer')) {
      if (text === '+include_unknown') includeUnknown = true;
      if (text === '+ignore_unknown') includeUnknown = false;
      continue;
    }
    lastNegative = negated;
    lastItem = entry;
    let result: ItemResult;
    const of = walk.kind === 'hostlist' ? 'host' : walk.kind === 'domainlist' ? 'domain' : undefined;
    let evidence: Evidence[] = [{ span: entry.span, text: entry.text, kind: 'list-item', of }];
    if (text.startsWith('+')) {
      const name = text.slice(1);
      const named = context.lists.filter((l) => l.kind === walk.kind && l.name === name);
      const definite = named.find((l) => !l.maybe);
      const list = definite ?? named[0];
      if (list === undefined) {
        if (context.includes) {
          unknowns.push(unknownItem(entry.span, `named list +${name} (may be defined in an included file)`));
          result = 'unknown';
        } else {
          return { ...fixed('no', [], unknowns), error: `unknown named ${walk.kind.replace('list', ' list')} "+${name}"` };
        }
      } else {
        const sub = walkList(list.value, list.span, walk, { ...context, depth: context.depth + 1 });
        if (sub.error !== undefined) return sub;
        unknowns.push(...sub.unknowns);
        if (definite === undefined) unknowns.push(unknownItem(list.span, `named list +${name} (defined under a conditional relaygate cannot decide)`));
        const value = definite === undefined && sub.can === 'no' ? 'unknown' : sub.can;
        result = value === 'yes' ? 'match' : value === 'no' ? 'nomatch' : 'unknown';
        evidence = sub.evidence.length > 0 ? sub.evidence : [{ span: entry.span, text: entry.text, kind: 'list-item', of }];
      }
    } else if (text.startsWith('/')) {
      unknowns.push(unknownItem(entry.span, fileOfItems(text)));
      result = 'unknown';
    } else {
      const decided = walk.item(text, entry.span);
      result = decided.result;
      if (result === 'unknown') unknowns.push(unknownItem(entry.span, decided.what ?? text));
      if (result === 'stop' && includeUnknown) result = 'match';
    }
    if (result === 'error') return { ...fixed('no', [], unknowns), error: `cannot match "${text}"` };
    if (result === 'stop') return { can: uncertainOr('no', uncertain), must: uncertainOr('no', uncertain), evidence: [], unknowns };
    if (result === 'match') {
      const verdict: Tri3 = negated ? 'no' : 'yes';
      return { can: uncertainOr(verdict, uncertain), must: uncertainOr(verdict, uncertain), evidence: negated ? [] : evidence, unknowns };
    }
    if (result === 'unknown') uncertain = true;
  }
  const end: Tri3 = lastNegative ? 'yes' : 'no';
  const evidence: Evidence[] =
    lastNegative && lastItem !== null ? [{ span: lastItem.span, text: lastItem.text, kind: 'negated-end', of: walk.kind === 'hostlist' ? 'host' : 'domain' }] : [];
  return { can: uncertainOr(end, uncertain), must: uncertainOr(end, uncertain), evidence, unknowns };
}

function uncertainOr(value: Tri3, uncertain: boolean): Tri3 {
  return uncertain ? 'unknown' : value;
}

/** Does a host list match the client? */
export function matchHostList(value: MappedText, fallback: Span, client: Client, context: ListContext): Truth {
  return walkList(
    value,
    fallback,
    {
      kind: 'hostlist',
      item(text) {
        if (text === '*') return { result: 'match' };
        // An empty item matches mail that comes from no host (local processes).
        if (text === '') return { result: 'nomatch' };
        if (text === '@[]') return { result: 'nomatch' };
        const lookup = lookupOf(text);
        if (lookup !== null) {
          if (lookup.net) return { result: 'unknown', what: `a lookup (${text}) whose keys may cover any address` };
          if (client.rdns === 'fail') return { result: 'stop' };
          return lookup.exact ? { result: 'nomatch' } : { result: 'unknown', what: `a lookup (${text})` };
        }
        if (text.startsWith('^')) {
          if (client.rdns === 'fail') return { result: 'stop' };
          return universalRegex(text) ? { result: 'match' } : { result: 'unknown', what: `a regular expression (${text}) on the client's host name` };
        }
        const ip = parseIpItem(text);
        if (ip !== null) return { result: clientMatchesIp(client, ip) ? 'match' : 'nomatch' };
        // A host name or pattern (`@` is the primary host name): it needs the
        // client's host name. Without one, Exim stops, the list fails to match.
        if (client.rdns === 'fail') return { result: 'stop' };
        if (client.address !== null) return { result: 'nomatch' };
        const rest = text.startsWith('*') ? text.slice(1).replace(/^\./, '') : null;
        if (rest !== null && !rest.includes('.')) return { result: 'unknown', what: `a host name pattern (${text}) any client with its own domain may match` };
        return { result: 'nomatch' };
      },
    },
    context,
  );
}

/** Does a domain list match the recipient's domain? */
export function matchDomainList(value: MappedText, fallback: Span, scenario: Scenario, context: ListContext): Truth {
  const domain = scenario.recipient?.domain.toLowerCase() ?? null;
  const truth = walkList(
    value,
    fallback,
    {
      kind: 'domainlist',
      item(text) {
        const lower = text.toLowerCase();
        if (text === '*') return { result: 'match' };
        // `@` is the primary host name, `@[]` a literal of a local address: never a foreign domain.
        if (text === '@' || text === '@[]' || lower === 'localhost' || text === '') return { result: 'nomatch' };
        if (text.startsWith('@mx_')) return { result: domain === null ? 'nomatch' : 'unknown', what: `${text} (a DNS lookup)` };
        const lookup = lookupOf(text);
        if (lookup !== null) {
          if (domain === null && lookup.exact) return { result: 'nomatch' };
          return { result: 'unknown', what: `a lookup (${text})` };
        }
        if (text.startsWith('^')) {
          if (universalRegex(text)) return { result: 'match' };
          const subjects = domain === null ? FOREIGN_DOMAINS : [domain];
          const results = subjects.map((d) => regexTest(text, d));
          if (results.every((r) => r === 'yes')) return { result: 'match' };
          if (results.every((r) => r === 'no')) return { result: 'nomatch' };
          return { result: 'unknown', what: `a regular expression (${text})` };
        }
        if (text.startsWith('*')) {
          const suffix = text.slice(1).toLowerCase();
          if (domain === null) return suffix.replace(/^\./, '').includes('.') ? { result: 'nomatch' } : { result: 'unknown', what: `a domain pattern (${text}) that covers a whole top-level domain` };
          return { result: domain.endsWith(suffix) ? 'match' : 'nomatch' };
        }
        if (domain === null) return { result: 'nomatch' };
        return { result: domain === lower ? 'match' : 'nomatch' };
      },
    },
    context,
  );
  // A regular expression may match some foreign domains but not every one.
  if (domain === null && truth.can === 'unknown' && truth.must === 'unknown' && truth.error === undefined) return { ...truth, must: 'unknown' };
  return truth;
}

/**
 * A list of values the client chooses (senders, local parts, recipients,
 * sender domains). Concretely it is matched against the given value; in the
 * abstract, the client can make it match when it has any item a value can
 * match, and must match it only when its first item matches everything.
 */
export function matchChosenList(
  value: MappedText,
  fallback: Span,
  kind: NamedListKind,
  subject: string | null,
  context: ListContext,
  matchItem: (item: string, subject: string) => Tri3,
): Truth {
  if (subject !== null) {
    return walkList(
      value,
      fallback,
      {
        kind,
        item(text) {
          if (text === '*') return { result: 'match' };
          const unseen = unseenItem(kind, text);
          if (unseen !== null) return { result: 'unknown', what: unseen };
          if (text.startsWith('^')) {
            const r = universalRegex(text) ? 'yes' : regexTest(text, subject);
            return { result: r === 'yes' ? 'match' : r === 'no' ? 'nomatch' : 'unknown', what: `a regular expression (${text})` };
          }
          const r = matchItem(text, subject);
          return { result: r === 'yes' ? 'match' : r === 'no' ? 'nomatch' : 'unknown', what: (kind === 'addresslist' ? unseenDomainPart(text) : null) ?? text };
        },
      },
      context,
    );
  }
  const { items } = splitEximList(expandList(value, fallback, context.expand), fallback);
  const unknowns: EximUnknown[] = [];
  let can: Tri3 = 'no';
  let must: Tri3 = 'no';
  let first = true;
  const evidence: Evidence[] = [];
  for (const entry of items) {
    let text = entry.text;
    const negated = text.startsWith('!');
    if (negated) text = text.slice(1).trimStart();
    if (isUnknown(text) || text.includes('$')) {
      unknowns.push(unknownItem(entry.span, isUnknown(text) ? 'a value relaygate could not resolve' : `an expansion (${text})`));
      if (can !== 'yes') can = 'unknown';
      // A list of senders or local parts read at run time names some values;
      // the client can pick one it does not name.
      break;
    }
    if (text.startsWith('+')) {
      const named = context.lists.find((l) => l.kind === kind && l.name === text.slice(1));
      if (named === undefined || context.depth > MAX_LIST_DEPTH) {
        if (!context.includes) return { ...fixed('no', [], unknowns), error: `unknown named list "${text}"` };
        unknowns.push(unknownItem(entry.span, `named list ${text}`));
        if (can !== 'yes') can = 'unknown';
        first = false;
        continue;
      }
      const sub = matchChosenList(named.value, named.span, kind, null, { ...context, depth: context.depth + 1 }, matchItem);
      if (sub.error !== undefined) return sub;
      unknowns.push(...sub.unknowns);
      if (!negated) {
        can = or3(can, sub.can);
        if (first) must = sub.must;
        if (sub.can === 'yes' && evidence.length === 0) evidence.push(...(sub.evidence.length > 0 ? sub.evidence : [{ span: entry.span, text: entry.text, kind: 'chosen' as const }]));
      }
      first = false;
      continue;
    }
    first = false;
    if (negated) continue;
    if (text === '*') {
      if (items[0] === entry) must = 'yes';
      can = 'yes';
      evidence.push({ span: entry.span, text: entry.text, kind: 'chosen' });
      continue;
    }
    const unseen = unseenItem(kind, text) ?? (kind === 'addresslist' ? unseenDomainPart(text) : null);
    if (unseen !== null || (text.startsWith('^') && !universalRegex(text))) {
      unknowns.push(unknownItem(entry.span, unseen ?? `a regular expression (${text})`));
      if (can !== 'yes') can = 'unknown';
      continue;
    }
    can = 'yes';
    if (evidence.length === 0) evidence.push({ span: entry.span, text: entry.text, kind: 'chosen' });
  }
  const last = items[items.length - 1];
  if (last !== undefined && last.text.startsWith('!')) can = 'yes';
  return { can, must, evidence, unknowns };
}

/** An address-list item against `local@domain` (match.c check_address()). */
export function matchAddressItem(item: string, address: string): Tri3 {
  const at = address.lastIndexOf('@');
  const local = at < 0 ? address : address.slice(0, at);
  const domain = at < 0 ? '' : address.slice(at + 1).toLowerCase();
  // An empty item matches the empty (bounce) sender only.
  if (item === '') return address === '' ? 'yes' : 'no';
  let itemAt = item.lastIndexOf('@');
  if (itemAt < 0) return domainItem(item, domain);
  // `local@@`, `local@@[]`, `local@@mx_any`: the domain is Exim's special `@` item.
  if (itemAt > 0 && item[itemAt - 1] === '@' && AT_SPECIAL_DOMAINS.has(item.slice(itemAt + 1))) itemAt--;
  const itemLocal = item.slice(0, itemAt);
  const itemDomain = item.slice(itemAt + 1);
  if (itemLocal !== '' && itemLocal !== '*' && itemLocal !== local) {
    if (itemLocal.startsWith('*')) {
      if (!local.endsWith(itemLocal.slice(1))) return 'no';
    } else return 'no';
  }
  if (itemDomain === '') return 'yes';
  return domainItem(itemDomain, domain);
}

const AT_SPECIAL_DOMAINS: ReadonlySet<string> = new Set(['', '[]', 'mx_any', 'mx_primary', 'mx_secondary']);

function domainItem(item: string, domain: string): Tri3 {
  if (item.startsWith('/') || lookupOf(item) !== null) return 'unknown';
  const lower = item.toLowerCase();
  if (lower === '*') return 'yes';
  if (lower.startsWith('*')) return domain.endsWith(lower.slice(1)) ? 'yes' : 'no';
  if (lower.startsWith('@') || lower.startsWith('^')) return 'unknown';
  return lower === domain ? 'yes' : 'no';
}
