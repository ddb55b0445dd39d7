/**
 * The lines that make a mail server reachable from other hosts, as `related`
 * locations of a finding: a relay setting matters only because of them, so a
 * reviewer (and the pull-request scope) must see them beside the line that
 * sets the value.
 */
import type { Related, RuleResult } from '../model/finding.js';
import { UNKNOWN_MARK } from '../model/source.js';
import type { Configuration } from '../mta/configuration.js';
import { smtpdListeners, type SmtpdListener } from '../mta/postfix/listeners.js';
import { describeListener, listenerExposure } from '../mta/sendmail/daemon-port-options.js';
import type { DaemonPortOptions } from '../mta/sendmail/model.js';
import type { SmtpdListener as OpenSmtpdListener } from '../mta/opensmtpd/model.js';

/** At most this many reach lines per finding (a master.cf with dozens of services). */
const MAX_REACH = 5;

const shown = (text: string): string => text.split(UNKNOWN_MARK).join('<unresolved>');

/** A reach line, and whether it is a listener's own line (a master.cf service, a DaemonPortOptions) or what one binds to. */
interface ReachLine {
  related: Related;
  listener: boolean;
}

/**
 * For Postfix listeners (master(5)): the master.cf line of each service
 * that accepts connections, and, for a service on every address, the
 * inet_interfaces definition it binds to. A service of the stock master.cf
 * (no master.cf beside main.cf) and an unset inet_interfaces have no line.
 */
export function postfixReach(listeners: readonly SmtpdListener[]): Related[] {
  return postfixReachLines(listeners).map((l) => l.related);
}

function postfixReachLines(listeners: readonly SmtpdListener[]): ReachLine[] {
  const out: ReachLine[] = [];
  for (const l of listeners) {
    if (l.external === false) continue;
    const reach = l.external === true ? 'reachable from other hosts' : 'possibly reachable from other hosts';
    const via = l.smtpd === l.service ? 'smtpd' : 'postscreen (then smtpd)';
    if (!l.stock) {
      const s = l.service.span;
      const message = `master.cf service ${shown(l.service.name)} (${l.service.type}) makes ${via} ${reach}`;
      out.push({ related: { file: s.file, line: s.line, column: s.column, message }, listener: true });
    }
    const origin = l.interfaces?.origin;
    if (l.interfaces !== null && origin !== undefined && origin.kind !== 'default') {
      const s = origin.definition.span;
      const message = `inet_interfaces = ${shown(l.interfaces.raw)} is set here`;
      out.push({ related: { file: s.file, line: s.line, column: s.column, message }, listener: false });
    }
  }
  return unique(out);
}

/** For sendmail: each DaemonPortOptions (DAEMON_OPTIONS in a .mc) line beyond loopback, and the defaults cf.m4 adds. */
export function sendmailReach(listeners: readonly DaemonPortOptions[]): Related[] {
  return sendmailReachLines(listeners).map((l) => l.related);
}

function sendmailReachLines(listeners: readonly DaemonPortOptions[]): ReachLine[] {
  const out: ReachLine[] = [];
  for (const l of listeners) {
    if (listenerExposure(l) === 'loopback') continue;
    out.push({ related: { file: l.span.file, line: l.span.line, column: l.span.column, message: `listener: ${describeListener(l)}` }, listener: true });
  }
  return unique(out);
}

/** OpenSMTPD's loopback names and addresses (smtpd.conf(5) `listen on lo`, `localhost`). */
const OPENSMTPD_LOOPBACK: ReadonlySet<string> = new Set(['lo', 'lo0', 'localhost', '127.0.0.1', '::1']);

/** For OpenSMTPD: each `listen on` line beyond loopback (the local socket is not reachable from other hosts). */
function openSmtpdReachLines(listeners: readonly OpenSmtpdListener[]): ReachLine[] {
  const out: ReachLine[] = [];
  for (const l of listeners) {
    if (l.kind === 'socket' || (l.unknown !== true && OPENSMTPD_LOOPBACK.has(l.on))) continue;
    out.push({ related: { file: l.span.file, line: l.span.line, column: l.span.column, message: `listen on ${shown(l.on)} accepts mail from other hosts` }, listener: true });
  }
  return unique(out);
}

function configurationReach(config: Configuration): ReachLine[] {
  switch (config.mta) {
    case 'postfix':
      return postfixReachLines(smtpdListeners(config));
    case 'sendmail':
      return sendmailReachLines(config.listeners);
    case 'exim':
      // exim-open-relay names local_interfaces (or its Debian setting) itself.
      return [];
    case 'opensmtpd':
      return openSmtpdReachLines(config.listeners);
  }
}

/**
 * A rule's results with the configuration's reach lines in `related`, for
 * every result that names no listener line yet (a rule that knows which
 * listeners a finding is about names those itself; inet_interfaces alone is
 * not enough while master.cf has service lines). config-unreadable is about
 * reading, not reach.
 */
export function withReach(config: Configuration, results: readonly RuleResult[]): RuleResult[] {
  if (results.every((r) => r.ruleId === 'config-unreadable')) return [...results];
  const lines = configurationReach(config);
  if (lines.length === 0) return [...results];
  const decisive = lines.some((l) => l.listener) ? lines.filter((l) => l.listener) : lines;
  const keys = new Set(decisive.map((l) => key(l.related)));
  const reach = lines.map((l) => l.related);
  return results.map((r) => {
    if (r.ruleId === 'config-unreadable') return r;
    if (keys.has(key(r.span)) || r.related.some((x) => keys.has(key(x)))) return r;
    return { ...r, related: addReach(r.span, r.related, reach) };
  });
}

/** `related` plus the reach lines, neither repeating a line nor naming the finding's own line. */
export function addReach(span: { file: string; line: number }, related: readonly Related[], reach: readonly Related[]): Related[] {
  const seen = new Set([key(span), ...related.map(key)]);
  const out = [...related];
  for (const r of reach) {
    if (seen.has(key(r))) continue;
    seen.add(key(r));
    out.push(r);
  }
  return out;
}

function unique(lines: ReachLine[]): ReachLine[] {
  const seen = new Set<string>();
  return lines.filter((l) => !seen.has(key(l.related)) && seen.add(key(l.related))).slice(0, MAX_REACH);
}

function key(location: { file: string; line: number }): string {
  return `${location.file}:${location.line}`;
}
