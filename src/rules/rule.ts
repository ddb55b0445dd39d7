import type { Level, RuleResult } from '../model/finding.js';
import type { Configuration } from '../mta/configuration.js';
import type { Profile, ProfileId } from './profiles.js';

/** A rule's metadata: the README rule table and the SARIF rule list are generated from it. */
export interface RuleMeta {
  id: string;
  title: string;
  /** One sentence: what the rule finds. */
  description: string;
  /**
   * Longer help: why it matters and how to fix it. Plain text, not Markdown:
   * reports that write Markdown escape it, so m4 quotes and `_NAMES_` show as written.
   */
  help: string;
  /** The usual fix, in one sentence (a finding's own `fix` says it for its case). */
  fix?: string;
  defaultLevel: Level;
  /** SARIF `security-severity` (0.1-10). */
  securitySeverity: number;
  /** Is this a STIG check (its findings carry the profile's ids)? */
  stig: boolean;
  /**
   * A failing and a passing example. docs/rules/<id>.md is generated from
   * them, and a test scans both: the failing one must give a finding of this
   * rule, the passing one none. Every rule must have them (a test fails
   * without); the type leaves them optional only so a rule can be written
   * before its examples are.
   */
  examples?: RuleExamples;
}

/** A small repository that shows a rule: its files, scanned as they are. */
export interface RuleExample {
  /** One sentence: what the example shows. */
  title: string;
  /** POSIX path (relative to the scan root) -> file text. */
  files: Readonly<Record<string, string>>;
  /** The profile it is judged under (default gen004710). */
  profile?: ProfileId;
}

export interface RuleExamples {
  failing: RuleExample;
  passing: RuleExample;
}

export interface RuleContext {
  profile: Profile;
}

/** A rule is its metadata and one pure function over one configuration. */
export interface Rule {
  meta: RuleMeta;
  check(config: Configuration, context: RuleContext): RuleResult[];
}
