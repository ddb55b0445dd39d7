import type { Level, RuleResult } from '../model/finding.js';
import type { Configuration } from '../mta/configuration.js';
import type { Profile } from './profiles.js';

/** A rule's metadata: the README rule table and the SARIF rule list are generated from it. */
export interface RuleMeta {
  id: string;
  title: string;
  /** One sentence: what the rule finds. */
  description: string;
  /** Longer help: why it matters and how to fix it (plain text; also shown as SARIF help). */
  help: string;
  defaultLevel: Level;
  /** SARIF `security-severity` (0.1-10). */
  securitySeverity: number;
  /** Is this a STIG check (its findings carry the profile's ids)? */
  stig: boolean;
}

export interface RuleContext {
  profile: Profile;
}

/** A rule is its metadata and one pure function over one configuration. */
export interface Rule {
  meta: RuleMeta;
  check(config: Configuration, context: RuleContext): RuleResult[];
}
