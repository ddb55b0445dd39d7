import type { RuleResult } from '../model/finding.js';
import type { Rule, RuleMeta } from './rule.js';

export const meta: RuleMeta = {
  id: 'stig-postfix-relay',
  title: 'Mail relaying must be restricted',
  description: 'Placeholder: GEN004710 check not yet implemented.',
  help: 'Placeholder.',
  defaultLevel: 'error',
  securitySeverity: 8.0,
  stig: true,
};

export const rule: Rule = {
  meta,
  check(): RuleResult[] {
    return [];
  },
};
