import type { FailOn } from '../config/options.js';
import type { ConfigurationSummary } from '../model/configuration.js';
import type { Finding, Level } from '../model/finding.js';
import { levelRank } from '../model/finding.js';
import type { ScanResult, ScanScope } from '../scan.js';
import { VERSION } from '../version.js';

/** The JSON report, schemaVersion 1 (README, "JSON report"). */
export interface JsonReport {
  schemaVersion: 1;
  tool: { name: 'relaygate'; version: string };
  summary: {
    result: 'pass' | 'fail';
    findings: number;
    byLevel: Record<Level, number>;
    filesScanned: number;
    configurations: number;
    durationMs: number;
  };
  /** Present when a pull-request scope applied: what it covered and how many findings it hid. */
  scope?: ScanScope;
  findings: Finding[];
  configurations: ConfigurationSummary[];
}

/** Findings that count: not suppressed (inline or baseline). */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.suppressed === null);
}

export function fails(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = levelRank(failOn);
  return activeFindings(findings).some((f) => levelRank(f.level) >= threshold);
}

export function buildReport(result: ScanResult, failOn: FailOn): JsonReport {
  const active = activeFindings(result.findings);
  const byLevel: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const f of active) byLevel[f.level]++;
  return {
    schemaVersion: 1,
    tool: { name: 'relaygate', version: VERSION },
    summary: {
      result: fails(result.findings, failOn) ? 'fail' : 'pass',
      findings: active.length,
      byLevel,
      filesScanned: result.filesScanned,
      configurations: result.configurations.length,
      durationMs: result.durationMs,
    },
    ...(result.scope ? { scope: result.scope } : {}),
    findings: result.findings,
    configurations: result.configurations.map((c, i) => {
      const listens = result.listening?.[i];
      return listens === undefined ? c : { ...c, listens };
    }),
  };
}

export function renderJson(report: JsonReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
