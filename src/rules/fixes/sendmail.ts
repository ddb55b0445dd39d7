import type { FixStep } from '../../model/fix-plan.js';
import type { SendmailConfiguration } from '../../mta/sendmail/model.js';

/**
 * The line that enables promiscuous relay, alone on its line: `FEATURE(`promiscuous_relay')`,
 * optionally quoted differently, behind a `#` (which is no comment once cf.m4 is
 * included) and followed by `dnl` and a comment.
 */
const FEATURE_LINE = /^[ \t]*(?:#[ \t]*)?FEATURE\([ \t]*`?promiscuous_relay'?[ \t]*\)[ \t]*(?:dnl(?:[ \t].*)?)?$/;
const MENTION = /promiscuous_relay|_PROMISCUOUS_RELAY_/;

/**
 * Deleting the FEATURE line turns promiscuous relay off (cf.m4 only relays
 * for class R and the local host then). Only when it is the one line that
 * mentions the feature, in the .mc itself, with nothing unresolved: a .cf
 * judged alone must be rebuilt, and a second enabling line (or an m4 macro
 * we could not resolve) would keep it on. Spread into the rule result.
 */
export function promiscuousRelayFix(config: SendmailConfiguration): { fixPlan?: FixStep[] } {
  const relay = config.promiscuousRelay;
  if (!relay.enabled || relay.span === null || config.mc === null || config.unknowns.length > 0) return {};
  if (relay.span.file !== config.mc) return {};
  return { fixPlan: [{ kind: 'delete-line', file: relay.span.file, line: relay.span.line, expect: FEATURE_LINE, unique: MENTION }] };
}
