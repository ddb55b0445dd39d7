import type { FixStep } from './fix-plan.js';
import type { Span } from './span.js';

export type Level = 'error' | 'warning' | 'note';
export type Certainty = 'definite' | 'indeterminate';
export type Mta = 'postfix' | 'sendmail' | 'exim' | 'opensmtpd';

export const LEVELS: readonly Level[] = ['error', 'warning', 'note'];

/** Higher is more severe. */
export function levelRank(level: Level): number {
  return level === 'error' ? 3 : level === 'warning' ? 2 : 1;
}

/**
 * A mechanical fix: replace the text of one span with `text`. Spans are
 * 1-based, `endColumn` exclusive, in the file a person edits. A finding has
 * replacements only when applying all of them is known to remove it.
 */
export interface Replacement {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface Related {
  file: string;
  line: number;
  column?: number;
  message: string;
}

/** What a rule returns: a finding before policy (levels, suppressions, scope). */
export interface RuleResult {
  ruleId: string;
  level: Level;
  certainty: Certainty;
  mta: Mta;
  message: string;
  fix: string;
  ids: string[];
  span: Span;
  related: Related[];
  /** A safe mechanical fix, when there is one. */
  replacements?: Replacement[];
  /** A mechanical fix stated on parsed values; scan() checks it against the file and turns it into `replacements`. */
  fixPlan?: FixStep[];
  /**
   * The inputs of the configuration it was found in, or of the file it is
   * about (src/model/inputs.ts): the pull-request scope keeps it when one of
   * them changed. Absent: unknown, and the scope always keeps it.
   */
  inputs?: string[];
  /** The files of the configuration it was found in (what a change may regroup); absent: its own file. */
  files?: readonly string[];
}

export interface Suppression {
  kind: 'inline' | 'baseline';
  reason: string;
  file?: string;
  line?: number;
}

/** A finding as the JSON report (schemaVersion 1) carries it. */
export interface Finding {
  ruleId: string;
  level: Level;
  certainty: Certainty;
  mta: Mta;
  message: string;
  fix: string;
  ids: string[];
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related: Related[];
  /** A safe mechanical fix, when there is one (absent otherwise). */
  replacements?: Replacement[];
  fingerprint: string;
  suppressed: Suppression | null;
}
