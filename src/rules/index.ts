import type { Rule } from './rule.js';
import { rule as configUnreadable } from './config-unreadable.js';
import { rule as eximOpenRelay } from './exim-open-relay.js';
import { rule as invalidSuppression } from './invalid-suppression.js';
import { rule as postfixBroadMynetworks } from './postfix-broad-mynetworks.js';
import { rule as postfixOpenRelay } from './postfix-open-relay.js';
import { rule as sendmailRelayFeature } from './sendmail-relay-feature.js';
import { rule as opensmtpdOpenRelay } from './opensmtpd-open-relay.js';
import { rule as stigPostfixRelay } from './stig-postfix-relay.js';
import { rule as stigSendmailRelay } from './stig-sendmail-relay.js';

/** Every rule, in the order the README and SARIF list them. */
export const RULES: readonly Rule[] = [
  stigPostfixRelay,
  stigSendmailRelay,
  postfixOpenRelay,
  postfixBroadMynetworks,
  sendmailRelayFeature,
  eximOpenRelay,
  opensmtpdOpenRelay,
  configUnreadable,
  invalidSuppression,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
