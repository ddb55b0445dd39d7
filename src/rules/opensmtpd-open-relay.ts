import { UNKNOWN_MARK } from '../model/source.js';
import type { Related, RuleResult } from '../model/finding.js';
import type { Span } from '../model/span.js';
import type { Configuration } from '../mta/configuration.js';
import type { MatchCondition, OpenSmtpdConfiguration } from '../mta/opensmtpd/model.js';
import { relayVerdict } from '../mta/opensmtpd/relay.js';
import { examples } from './examples/opensmtpd-open-relay.js';
import { position, relatedAt, unresolvedList } from './phrases.js';
import { addReach } from './reach.js';
import type { Rule, RuleMeta } from './rule.js';

/** A value relaygate could not resolve, shown as such (postfix-locate.ts does the same). */
const shown = (text: string): string => text.split(UNKNOWN_MARK).join('<unresolved>');

export const meta: RuleMeta = {
  id: 'opensmtpd-open-relay',
  title: 'OpenSMTPD relays mail for any host',
  description:
    'An OpenSMTPD that listens beyond loopback and whose first matching rule sends mail for any domain from any client to a relay action (from any, from src 0.0.0.0/0, !from local, from rdns, from mail-from).',
  help:
    'OpenSMTPD (6.4 and later) takes the first `match` rule whose options all hold; `from` and `for` default to ' +
    '`local`; a rule whose action relays sends the mail on to the recipient\'s domain. relaygate looks at each ' +
    'listener an unauthenticated client on the Internet can use (a `listen on` address that is not loopback, ' +
    'without `auth`) and reports when such a client reaches a relay action for a foreign domain: `from any`, ' +
    '`from src 0.0.0.0/0`, `!from local`, and also `from rdns` and `from mail-from`, which the client satisfies ' +
    'itself (it sets the reverse DNS of its own address and writes any sender it likes), with `for any` or ' +
    '`!for local`. Macros and tables are expanded as smtpd does; table files relaygate cannot read make the ' +
    'finding indeterminate. Fix: relay only `from local` or `from auth` (with `listen on ... tls auth`), or list ' +
    'your own networks with `from src <table>`; relay `for any` only for those.',
  defaultLevel: 'error',
  securitySeverity: 9.0,
  stig: false,
  examples,
};

function describe(c: MatchCondition): string {
  const neg = c.negated ? '!' : '';
  const table = c.table === null ? '' : c.table.name.startsWith('<dynamic:') ? ` ${(c.table.entries ?? []).map((e) => e.key).join(', ')}` : ` <${c.table.name}>`;
  if (c.kind === 'from' || c.kind === 'for') return `${neg}${c.kind} ${c.what}${c.regex ? ' regex' : ''}${table}`;
  if (c.what.startsWith('from ') || c.what.startsWith('for ')) return `${neg}${c.what}${table}`;
  return `${neg}${c.kind}${table}`;
}

function check(config: OpenSmtpdConfiguration): RuleResult[] {
  if (config.diagnostics.some((d) => d.fatal)) return []; // config-unreadable reports it
  const verdict = relayVerdict(config);
  if (verdict.exposure === 'no' || verdict.relay.verdict === 'no-relay') return [];
  const { relay, listener } = verdict;
  const rule = relay.rule;
  const loopback = verdict.exposed.find((e) => e.listener === listener)?.loopback;
  const certainty = relay.verdict === 'relay' && loopback === 'no' ? 'definite' : 'indeterminate';
  const unknown = relay.unknowns[0];
  // The option that lets the client in (from any, from src 0.0.0.0/0...), else the rule.
  const written = rule?.conditions.filter((c) => c.implied !== true) ?? [];
  const opening = written.find((c) => c.kind === 'from' || c.kind === 'mail-from') ?? written[0];
  const span = opening?.span ?? rule?.span ?? unknown?.span ?? listener?.span ?? config.listeners[0]?.span;
  if (span === undefined) return [];

  const where = listener === null ? 'OpenSMTPD may listen beyond loopback' : listener.unknown === true ? `OpenSMTPD may listen beyond loopback (${position(listener.span)})` : `OpenSMTPD listens on ${shown(listener.on)}${listener.port !== null ? ` port ${listener.port}` : ''} (${position(listener.span)})`;
  let why: string;
  if (rule !== null && rule.unknown !== true) {
    const action = rule.action ?? 'reject';
    const options = written.map(describe).join(' ');
    const actionText = rule.action === null ? 'reject' : `action "${action}"`;
    why = `${relay.verdict === 'relay' ? 'relays' : 'may relay'} mail for any domain from any client: the first rule that matches it is \`match ${options} ${actionText}\` (${position(rule.span)}), and action "${action}" relays`;
    const spoofed = written.find((c) => (c.kind === 'from' && c.what === 'rdns') || c.kind === 'mail-from');
    if (spoofed !== undefined) why += ` (${spoofed.kind === 'mail-from' ? 'the client writes the sender it likes' : 'the client sets the reverse DNS of its own address'})`;
    if (relay.verdict === 'unknown' && relay.unknowns.length > 0) {
      why += `; that depends on what relaygate could not read (${unresolvedList(relay.unknowns)})`;
    }
  } else {
    why = `may relay mail for any domain from any client: it depends on what relaygate could not read (${unresolvedList(relay.unknowns)})`;
  }
  // What the finding rests on, each line once and not the finding's own (addReach drops those).
  const lines: Related[] = [];
  const add = (s: Span, message: string): void => {
    lines.push(relatedAt(s, message));
  };
  if (rule !== null) add(rule.span, 'the matching rule');
  if (rule?.action != null) {
    const action = config.actions.get(rule.action);
    if (action !== undefined) add(action.span, `action "${action.name}" relays`);
  }
  if (listener !== null) add(listener.span, 'the listener');
  for (const u of relay.unknowns.slice(0, 10)) add(u.span, `unresolved: ${u.what}`);
  return [
    {
      ruleId: meta.id,
      level: meta.defaultLevel,
      certainty,
      mta: 'opensmtpd',
      message: `${where}, and ${why}.`,
      fix:
        'Relay only for your own clients: "match from local for any action ..." or "match from auth for any action ..." ' +
        '(with "listen on ... tls auth"), or "from src <your-networks>"; accept mail from anyone only "for domain <your-domains>" to a local action.',
      ids: [],
      span,
      related: addReach(span, [], lines),
    },
  ];
}

export const rule: Rule = {
  meta,
  check(config: Configuration): RuleResult[] {
    return config.mta === 'opensmtpd' ? check(config) : [];
  },
};
