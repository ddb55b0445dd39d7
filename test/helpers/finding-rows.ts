import type { ScanResult } from '../../src/scan.js';

/** A finding as the scan tables write it: rule, file, line, column, certainty. */
export type FindingRow = [rule: string, file: string, line: number, column: number, certainty: string];

/** The findings as rows, in the scan's order. */
export function findingRows(findings: ScanResult['findings']): FindingRow[] {
  return findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.certainty]);
}
