import type { Finding, Level } from '../model/finding.js';
import { lineStartPath, visible } from './escape.js';
import { activeFindings, type JsonReport } from './json.js';

/**
 * Terminal output, one block per finding in the compiler style
 * `path:line:col: level [rule-id] message` that editors and actionlint users
 * know. Only a path (made line-start safe) or our own words ever begin a
 * line; everything derived from a scanned file goes through `visible()`, so
 * the log of a CI job cannot be steered by the repository it scans.
 */
export function renderText(report: JsonReport): string {
  const lines: string[] = [];
  const active = activeFindings(report.findings);
  const suppressed = report.findings.filter((f) => f.suppressed !== null);

  for (const f of active) {
    lines.push(header(f));
    lines.push(`    fix: ${visible(f.fix)}`);
    if (f.ids.length > 0) lines.push(`    ids: ${f.ids.map(visible).join(', ')}`);
    if (f.certainty === 'indeterminate') lines.push('    certainty: indeterminate (depends on a value relaygate could not resolve)');
    for (const r of f.related) lines.push(`    related: ${position(r.file, r.line, r.column)}: ${visible(r.message)}`);
  }

  if (suppressed.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(`suppressed (${suppressed.length}):`);
    for (const f of suppressed) {
      lines.push(`  ${header(f)}`);
      const s = f.suppressed!;
      const where = s.file !== undefined && s.line !== undefined ? ` at ${position(s.file, s.line)}` : '';
      lines.push(`      reason (${s.kind}${where}): ${visible(s.reason)}`);
    }
  }

  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(report, suppressed.length));
  return `${lines.join('\n')}\n`;
}

function header(f: Finding): string {
  return `${position(f.file, f.line, f.column)}: ${f.level} [${visible(f.ruleId)}] ${visible(f.message)}`;
}

function position(file: string, line: number, column?: number): string {
  return column === undefined ? `${lineStartPath(file)}:${line}` : `${lineStartPath(file)}:${line}:${column}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function levelCounts(byLevel: Record<Level, number>): string {
  return `${plural(byLevel.error, 'error')}, ${plural(byLevel.warning, 'warning')}, ${plural(byLevel.note, 'note')}`;
}

function summaryLine(report: JsonReport, suppressed: number): string {
  const s = report.summary;
  const scope = report.scope === undefined ? '' : ` ${scopeSentence(report.scope)}`;
  return (
    `relaygate ${visible(report.tool.version)}: ${s.result}: ${plural(s.findings, 'finding')} (${levelCounts(s.byLevel)}), ` +
    `${suppressed} suppressed; ${plural(s.filesScanned, 'file')} scanned, ${plural(s.configurations, 'configuration')} in ${s.durationMs} ms.${scope}`
  );
}

/** "Scope: 4 changed files, 2 configurations touched; 5 findings outside it not reported." */
export function scopeSentence(scope: NonNullable<JsonReport['scope']>): string {
  const what =
    scope.kind === 'new'
      ? `findings not present at the merge base (${plural(scope.changedFiles, 'changed file')}, ${plural(scope.configurationsTouched, 'configuration')} touched)`
      : `${plural(scope.changedFiles, 'changed file')}, ${plural(scope.configurationsTouched, 'configuration')} touched`;
  const hidden = scope.findingsHidden === 0 ? 'no finding outside it' : `${plural(scope.findingsHidden, 'finding')} outside it not reported`;
  return `Scope: ${what}; ${hidden}.`;
}
