import type { Related, RuleResult } from '../model/finding.js';
import type { Configuration } from '../mta/configuration.js';
import { describeListener, listenerExposure } from '../mta/sendmail/daemon-port-options.js';
import type { SendmailConfiguration } from '../mta/sendmail/model.js';
import { SENDMAIL_IDS } from './profiles.js';
import type { Rule, RuleMeta } from './rule.js';
import { promiscuousRelayFix } from './fixes/sendmail.js';
import { examples } from './examples/stig-sendmail-relay.js';
import { addReach, sendmailReach } from './reach.js';

export const meta: RuleMeta = {
  id: 'stig-sendmail-relay',
  title: 'Mail relaying must be restricted (sendmail)',
  description:
    'GEN004710 for sendmail: a sendmail that listens beyond loopback must not have FEATURE(`promiscuous_relay\') in effect.',
  help:
    'GEN004710: sendmail is not a finding when every DaemonPortOptions (DAEMON_OPTIONS in the .mc) binds a loopback ' +
    'address; otherwise it is a finding when promiscuous_relay is enabled, which lets any client relay mail through ' +
    'the host. relaygate reads the .mc as m4 and cf.m4 do: after cf.m4 is included, # does not start a comment, so ' +
    "the line # FEATURE(`promiscuous_relay') is in effect; a line that starts with dnl is not; undefine(`_PROMISCUOUS_RELAY_') turns it " +
    "off again. cf.m4 also adds an MSA listener on port 587 on every address unless FEATURE(`no_default_msa') is " +
    'present, so binding only the MTA to 127.0.0.1 does not make sendmail loopback-only. A .cf without its .mc ' +
    'is judged from its rulesets (the Relay_ok ruleset and the "550 Relaying denied" rule are missing).',
  defaultLevel: 'error',
  securitySeverity: 8.0,
  stig: true,
  examples,
};

function check(config: SendmailConfiguration): RuleResult[] {
  if (config.diagnostics.some((d) => d.fatal)) return []; // config-unreadable reports it
  const listeners = config.listeners;
  const exposures = listeners.map(listenerExposure);
  if (listeners.length > 0 && exposures.every((e) => e === 'loopback')) return [];

  const relay = config.promiscuousRelay;
  const unknowns = config.unknowns;
  if (!relay.enabled && unknowns.length === 0) return [];

  const exposedDefinite = listeners.length === 0 || exposures.includes('exposed');
  const certainty = relay.enabled && exposedDefinite && unknowns.length === 0 ? 'definite' : 'indeterminate';

  const exposed = listeners.filter((_, i) => exposures[i] !== 'loopback');
  const where =
    listeners.length === 0
      ? 'every address (no DaemonPortOptions: sendmail listens on port 25 on every address)'
      : exposed.length === 1
        ? (exposed.map(describeListener)[0] ?? '')
        : `${exposed.map(describeListener).join('; ')}`;
  const exposure =
    exposed.length > 1 ? `sendmail has ${exposed.length} listeners beyond loopback (${where})` : `sendmail listens on ${where}`;
  const fromCf = config.mc === null;
  const span = relay.span ?? unknowns[0]?.span ?? listeners[0]?.span;
  if (!span) return [];

  let relayText: string;
  let fix: string;
  if (relay.enabled && fromCf) {
    relayText =
      `its rulesets relay for any client (the Relay_ok ruleset is missing and Basic_check_rcpt does not end with ` +
      `"550 Relaying denied", line ${span.line}: built with FEATURE(\`promiscuous_relay'))`;
    fix =
      `Rebuild ${config.cf ?? 'the .cf'} from a .mc without FEATURE(\`promiscuous_relay'), or bind every ` +
      'DAEMON_OPTIONS to 127.0.0.1 and add FEATURE(`no_default_msa\') before rebuilding.';
  } else if (relay.enabled) {
    relayText = `FEATURE(\`promiscuous_relay') is in effect at line ${span.line}`;
    fix =
      `Remove FEATURE(\`promiscuous_relay') (line ${span.line}; a \`#' in front does not disable it once cf.m4 is ` +
      "included: delete the line or start it with `dnl'), or bind every DAEMON_OPTIONS to 127.0.0.1 and add " +
      "FEATURE(`no_default_msa'); then rebuild the .cf.";
  } else {
    const what = unknowns.map((u) => `${u.what} at line ${u.span.line}`).join('; ');
    relayText = `whether promiscuous relay is in effect depends on values relaygate could not resolve (${what})`;
    fix = "Make sure FEATURE(`promiscuous_relay') cannot be enabled for this host, or bind every DAEMON_OPTIONS to 127.0.0.1.";
  }

  const related: Related[] = addReach(span, [], sendmailReach(exposed));
  for (const u of unknowns) {
    if (u.span !== span) related.push({ file: u.span.file, line: u.span.line, column: u.span.column, message: `unresolved: ${u.what}` });
  }

  return [
    {
      ruleId: meta.id,
      level: meta.defaultLevel,
      certainty,
      mta: 'sendmail',
      message: `${exposure}, and ${relayText}.`,
      fix,
      ids: [...SENDMAIL_IDS],
      span,
      related,
      ...promiscuousRelayFix(config),
    },
  ];
}

export const rule: Rule = {
  meta,
  check(config: Configuration): RuleResult[] {
    return config.mta === 'sendmail' ? check(config) : [];
  },
};
