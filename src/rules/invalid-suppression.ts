import type { RuleResult } from '../model/finding.js';
import type { Rule, RuleMeta } from './rule.js';
import { examples } from './examples/invalid-suppression.js';

/**
 * Reported by the policy stage, not by a check over a configuration: a
 * `relaygate-ignore` comment without a reason suppresses nothing (DESIGN.md
 * "Inline suppression"), and the reader is told so at the comment's line.
 */
export const meta: RuleMeta = {
  id: 'invalid-suppression',
  title: 'Suppression without a reason',
  description: 'A relaygate-ignore comment has no reason after a colon, so it does not suppress anything.',
  help:
    'Every suppression must say why the finding is acceptable, so that an auditor (or the ISSO, for RHEL 9/10 ' +
    'exceptions) can read the justification beside the configuration: write ' +
    '"relaygate-ignore <rule-id>: <reason>" in a comment on the offending line or the line above.',
  defaultLevel: 'warning',
  securitySeverity: 2.0,
  stig: false,
  examples,
};

export const rule: Rule = {
  meta,
  check(): RuleResult[] {
    return [];
  },
};
