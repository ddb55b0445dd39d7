import type { Finding } from '../../src/model/finding.js';

/** A finding as the scan tables write it: rule, file, line, column, certainty. */
export type FindingRow = [rule: string, file: string, line: number, column: number, certainty: string];

/** The fields a row reads; a parsed JSON report's findings (certainty a plain string) have them too. */
type RowFields = Pick<Finding, 'ruleId' | 'file' | 'line' | 'column'> & { certainty: string };

/** The findings as rows, in the scan's order. */
export function findingRows(findings: readonly RowFields[]): FindingRow[] {
  return findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.certainty]);
}
