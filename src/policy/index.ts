import type { Finding, RuleResult } from '../model/finding.js';
import { isEscapedPath, type ChangedPaths } from '../model/inputs.js';
import type { LineIndex, SourceFile } from '../model/source.js';
import type { IndeterminateLevel } from '../config/options.js';
import { fingerprint } from './fingerprint.js';
import { findSuppression, indexFor } from './suppressions.js';

export interface PolicyInput {
  indeterminate: IndeterminateLevel;
  /** Fingerprints recorded in the baseline. */
  baseline: ReadonlySet<string>;
  /** Pull-request scope: report only findings of configurations with a changed input (inScope); null = every finding. */
  changed: ChangedPaths | null;
  /** The scanned files, to read suppression comments and line text. */
  files: ReadonlyMap<string, SourceFile>;
}

export const INVALID_SUPPRESSION = 'invalid-suppression';

/**
 * Turns rule results into findings: indeterminate level, fingerprints,
 * inline suppressions, baseline and pull-request scope. Order is stable:
 * by file, line, column, rule.
 */
export function applyPolicy(results: RuleResult[], input: PolicyInput): Finding[] {
  const indexes = new Map<string, LineIndex>();
  const indexOf = (path: string): LineIndex | null => {
    const file = input.files.get(path);
    if (!file) return null;
    let index = indexes.get(path);
    if (!index) {
      index = indexFor(file);
      indexes.set(path, index);
    }
    return index;
  };

  const sorted = [...results].sort(
    (a, b) =>
      a.span.file.localeCompare(b.span.file) ||
      a.span.line - b.span.line ||
      a.span.column - b.span.column ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  );

  const seen = new Map<string, number>();
  const findings: Finding[] = [];
  const invalid: RuleResult[] = [];
  for (const r of sorted) {
    if (r.certainty === 'indeterminate' && input.indeterminate === 'ignore') continue;
    const level = r.certainty === 'indeterminate' ? (input.indeterminate as Finding['level']) : r.level;
    const index = indexOf(r.span.file);
    const lineText = index ? index.lineText(r.span.line) : '';
    const key = `${r.ruleId}\0${r.span.file}\0${lineText.trim()}`;
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    const fp = fingerprint(r.ruleId, r.span.file, lineText, ordinal);
    // After the fingerprint: a finding's ordinal is the same in a scoped and a full scan.
    if (input.changed !== null && !inScope(r, input.changed)) continue;

    let suppressed: Finding['suppressed'] = null;
    const file = input.files.get(r.span.file);
    if (file && index) {
      const s = findSuppression(file, index, r.span.line, r.ruleId);
      if (s && s.reason !== null) {
        suppressed = { kind: 'inline', reason: s.reason, file: r.span.file, line: s.line };
      } else if (s) {
        invalid.push({
          ruleId: INVALID_SUPPRESSION,
          level: 'warning',
          certainty: 'definite',
          mta: r.mta,
          message: `The suppression of ${r.ruleId} on line ${s.line} has no reason, so it does not suppress; write "relaygate-ignore ${r.ruleId}: <why this is acceptable>".`,
          fix: `Add the reason after a colon: relaygate-ignore ${r.ruleId}: <reason>.`,
          ids: [],
          span: { file: r.span.file, line: s.line, column: s.column, endLine: s.line, endColumn: s.column + 'relaygate-ignore'.length },
          related: [],
          ...(r.inputs === undefined ? {} : { inputs: r.inputs }),
          ...(r.files === undefined ? {} : { files: r.files }),
        });
      }
    }
    if (!suppressed && input.baseline.has(fp)) {
      suppressed = { kind: 'baseline', reason: 'recorded in the baseline' };
    }

    findings.push({
      ruleId: r.ruleId,
      level,
      certainty: r.certainty,
      mta: r.mta,
      message: r.message,
      fix: r.fix,
      ids: r.ids,
      file: r.span.file,
      line: r.span.line,
      column: r.span.column,
      endLine: r.span.endLine,
      endColumn: r.span.endColumn,
      related: r.related,
      ...(r.replacements === undefined ? {} : { replacements: r.replacements }),
      fingerprint: fp,
      suppressed,
    });
  }
  if (invalid.length > 0) {
    const unique = new Map(invalid.map((r) => [`${r.span.file}:${r.span.line}:${r.message}`, r]));
    findings.push(...applyPolicy([...unique.values()], { ...input, files: new Map() }));
    findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  }
  return findings;
}

/**
 * The pull-request scope (README, "What a pull request touches"): a finding is in
 * scope when any input of its configuration changed (src/model/inputs.ts).
 * Its own file and related files are inputs too. Unknown inputs, and a file
 * shown escaped (its name is not UTF-8, so no changed-file list can name
 * it), keep the finding: the scope may report too much, never too little.
 */
export function inScope(result: RuleResult, changed: ChangedPaths): boolean {
  if (result.inputs === undefined || isEscapedPath(result.span.file)) return true;
  if (changed.touches(result.span.file) || result.related.some((r) => changed.touches(r.file))) return true;
  return changed.touchesAny(result.inputs) || changed.regroups(result.files ?? [result.span.file]);
}
