import type { Certainty, Level, Related, RuleResult } from '../model/finding.js';
import type { Span } from '../model/span.js';
import type { Configuration } from '../mta/configuration.js';
import type { AccessEntry } from '../mta/sendmail/access-map.js';
import { describeListener, listenerExposure } from '../mta/sendmail/daemon-port-options.js';
import type { SendmailConfiguration } from '../mta/sendmail/model.js';
import { relayGrant } from '../mta/sendmail/relay-entries.js';
import { examples } from './examples/sendmail-relay-feature.js';
import type { Rule, RuleMeta } from './rule.js';

export const meta: RuleMeta = {
  id: 'sendmail-relay-feature',
  title: 'sendmail relays more widely than its relay domains',
  description:
    'A sendmail reachable beyond loopback enables a relay-widening feature (relay_entire_domain, relay_based_on_MX, loose_relay_check, relay_local_from, relay_mail_from), or RELAY_DOMAIN or an access-map RELAY entry grants relaying to a broad network or domain.',
  help:
    'sendmail relays for the hosts and domains in class R (RELAY_DOMAIN, RELAY_DOMAIN_FILE, /etc/mail/relay-domains) ' +
    'and the access map\'s RELAY entries (FEATURE(`access_db\')). Several features widen that: relay_entire_domain ' +
    'relays for every host of the local domain; relay_based_on_MX relays to any domain whose MX points at this host, ' +
    'which anyone can set up; loose_relay_check accepts user%host@local and relays it on; relay_local_from and ' +
    'relay_mail_from relay because of the envelope sender, which any client can forge. relay_hosts_only narrows ' +
    'class R and access entries to exact host names, and is reported as a note so the entries are checked. A class R ' +
    'or access RELAY entry for a public /8 or /16, an IPv6 /32, or a top-level domain (`com`) lets a large part of ' +
    'the Internet relay. Features are read from the .mc with m4\'s rules (a `#` after cf.m4 is included does not ' +
    'disable a FEATURE) or from the rules a built .cf contains. Fix: remove the feature and list the networks that ' +
    'may relay in the access map (`Connect:192.0.2 RELAY`), or use SMTP AUTH.',
  fix: 'Remove the feature and grant relaying to the networks you administer only (access map Connect: entries, or SMTP AUTH).',
  defaultLevel: 'warning',
  securitySeverity: 6.0,
  stig: false,
  examples,
};

interface FeatureText {
  level: Level;
  says: string;
  fix: string;
}

const FEATURES: ReadonlyMap<string, FeatureText> = new Map(Object.entries({
  relay_entire_domain: {
    level: 'warning',
    says: 'relays for every host in the local domain ($=m), not only the hosts in class R and the access map',
    fix: "Remove FEATURE(`relay_entire_domain') and list the hosts that may relay in the access map.",
  },
  relay_based_on_MX: {
    level: 'warning',
    says: 'relays to any domain whose MX record points at this host; whoever controls a domain\'s DNS can make this host relay for it',
    fix: "Remove FEATURE(`relay_based_on_MX') and list the domains this host backs up with RELAY_DOMAIN or To: entries in the access map.",
  },
  loose_relay_check: {
    level: 'warning',
    says: 'accepts user%host@localdomain and relays it on to host (the % hack), so any client can relay through a local address',
    fix: "Remove FEATURE(`loose_relay_check').",
  },
  relay_local_from: {
    level: 'warning',
    says: 'relays any message whose envelope sender is in a local domain; any client can forge that sender',
    fix: "Remove FEATURE(`relay_local_from') and use SMTP AUTH (or access map Connect: entries) for your own clients.",
  },
  relay_mail_from: {
    level: 'warning',
    says: 'relays any message whose envelope sender has a From: RELAY entry in the access map; any client can forge that sender',
    fix: "Remove FEATURE(`relay_mail_from') and the From: ... RELAY entries; use SMTP AUTH instead.",
  },
  relay_hosts_only: {
    level: 'note',
    says: 'makes class R and access RELAY entries match exact host names only, not the hosts under a domain; check that every entry still grants what it should',
    fix: "Keep FEATURE(`relay_hosts_only') only if every RELAY_DOMAIN and access RELAY entry names a host, not a domain.",
  },
} satisfies Record<string, FeatureText>));

function exposure(config: SendmailConfiguration): { exposed: boolean; unknown: boolean; where: string; loopbackOnly: boolean } {
  const listeners = config.listeners;
  const kinds = listeners.map(listenerExposure);
  const loopbackOnly = listeners.length > 0 && kinds.every((k) => k === 'loopback');
  const judgedAlone = config.mc === null && config.cf === null;
  const exposed = listeners.filter((_, i) => kinds[i] !== 'loopback');
  const where =
    judgedAlone
      ? 'a sendmail relaygate cannot see (no .mc or .cf in this directory)'
      : listeners.length === 0
        ? 'sendmail on every address (no DaemonPortOptions: port 25 on every address)'
        : `sendmail on ${exposed.map(describeListener).join('; ')}`;
  return {
    exposed: !judgedAlone && (listeners.length === 0 || kinds.includes('exposed')),
    unknown: judgedAlone || kinds.includes('unknown'),
    where,
    loopbackOnly,
  };
}

function result(level: Level, certainty: Certainty, message: string, fix: string, span: Span, related: Related[] = []): RuleResult {
  return { ruleId: meta.id, level, certainty, mta: 'sendmail', message, fix, ids: [], span, related };
}

/** Is the access map read at all: FEATURE(`access_db') in the .mc, a Kaccess map in the .cf? Unknown without either. */
function accessDb(config: SendmailConfiguration): boolean | 'unknown' {
  if (config.mc === null && config.cf === null) return 'unknown';
  return config.features.some((f) => f.name === 'access_db') ? true : config.unknowns.length > 0 ? 'unknown' : false;
}

function hasFeature(config: SendmailConfiguration, name: string): boolean | 'unknown' {
  if (config.mc === null && config.cf === null) return 'unknown';
  return config.features.some((f) => f.name === name) ? true : config.unknowns.length > 0 ? 'unknown' : false;
}

function accessFindings(config: SendmailConfiguration, certainty: Certainty, where: string): RuleResult[] {
  const used = accessDb(config);
  if (used === false) return [];
  const mailFrom = hasFeature(config, 'relay_mail_from');
  const out: RuleResult[] = [];
  const readIf = used === 'unknown' ? ' (if sendmail reads this access map: FEATURE(`access_db\'))' : '';
  for (const map of config.accessMaps ?? []) {
    for (const entry of map.entries) {
      if (!/^RELAY\b/.test(entry.value)) continue;
      const c: Certainty = used === 'unknown' || entry.unknown ? 'indeterminate' : certainty;
      const text = entryText(entry);
      const tag = entry.tag?.toLowerCase() ?? null;
      if (tag === 'from') {
        if (mailFrom === false) continue;
        const needs = mailFrom === 'unknown' ? ', read with FEATURE(`relay_mail_from\')' : '';
        out.push(
          result('warning', mailFrom === 'unknown' ? 'indeterminate' : c, `${where}: the access map entry "${text}"${needs} relays mail from any client that gives this envelope sender, which anyone can forge${readIf}.`, 'Remove the From: RELAY entry and use SMTP AUTH for your own senders.', entry.span),
        );
        continue;
      }
      if (tag !== null && tag !== 'connect' && tag !== 'to') continue;
      const grant = relayGrant(entry.key);
      if (!grant.broad) continue;
      const whom = tag === 'to' ? `relays mail from any client to ${grant.what}` : `lets every client in ${grant.what} relay mail anywhere`;
      out.push(result('warning', c, `${where}: the access map entry "${text}" ${whom}${readIf}.`, 'Narrow the entry to the networks you administer (e.g. Connect:192.0.2 RELAY).', entry.span));
    }
  }
  return out;
}

function before(a: Span, b: Span): boolean {
  return a.file === b.file && (a.line < b.line || (a.line === b.line && a.column < b.column));
}

function entryText(entry: AccessEntry): string {
  return `${entry.tag === null ? '' : `${entry.tag}:`}${entry.key} ${entry.value}`;
}

function check(config: SendmailConfiguration): RuleResult[] {
  if (config.diagnostics.some((d) => d.fatal)) return []; // config-unreadable reports it
  const reach = exposure(config);
  if (reach.loopbackOnly) return [];
  const certainty: Certainty = reach.exposed && !reach.unknown ? 'definite' : 'indeterminate';
  const out: RuleResult[] = [];
  const source = config.mc === null ? 'its rules show' : 'the .mc enables';
  for (const feature of config.features) {
    const text = FEATURES.get(feature.name);
    if (text === undefined) continue;
    // feature/relay_mail_from.m4 only prints an error unless FEATURE(`access_db') came before it.
    if (feature.name === 'relay_mail_from' && config.mc !== null && !config.features.some((f) => f.name === 'access_db' && before(f.span, feature.span))) continue;
    const how = config.mc === null ? `${source} FEATURE(\`${feature.name}')` : `FEATURE(\`${feature.name}') is in effect`;
    out.push(result(text.level, certainty, `${reach.where}: ${how} at line ${feature.span.line}, which ${text.says}.`, text.fix, feature.span));
  }
  for (const entry of config.relayDomains) {
    if (entry.kind === 'RELAY_DOMAIN_FILE') {
      out.push(
        result('warning', 'indeterminate', `${reach.where}: RELAY_DOMAIN_FILE(${entry.value}) at line ${entry.span.line} lets the hosts and domains listed in that file relay, and relaygate cannot see it.`, 'Check that the file lists only hosts and networks you administer, or list them with RELAY_DOMAIN.', entry.span),
      );
      continue;
    }
    for (const item of entry.value.split(/[ \t,]+/).filter((v) => v !== '')) {
      const grant = relayGrant(item);
      if (!grant.broad) continue;
      out.push(
        result('warning', item.includes('\uE000') ? 'indeterminate' : certainty, `${reach.where}: RELAY_DOMAIN entry ${item} at line ${entry.span.line} lets ${grant.what} relay mail anywhere.`, 'List only the hosts and networks you administer in class R (RELAY_DOMAIN).', entry.span),
      );
    }
  }
  out.push(...accessFindings(config, certainty, reach.where));
  return out;
}

export const rule: Rule = {
  meta,
  check(config: Configuration): RuleResult[] {
    return config.mta === 'sendmail' ? check(config) : [];
  },
};
