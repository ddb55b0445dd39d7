import type { Finding, Level } from '../model/finding.js';
import { commandData, commandProperty, visible } from './escape.js';
import { activeFindings, type JsonReport } from './json.js';
import { levelCounts, plural } from './text.js';

export interface CommandsOptions {
  /** Annotations per level; the runner shows 10 errors, 10 warnings and 10 notices per step and drops the rest silently. */
  perLevelLimit?: number;
  /** Where the reader sees every finding, e.g. 'the job summary'. */
  reportHint?: string;
}

export const DEFAULT_PER_LEVEL_LIMIT = 10;

/** SARIF/report level -> workflow command (a `note` is a `notice`). */
const COMMAND: Readonly<Record<Level, string>> = { error: 'error', warning: 'warning', note: 'notice' };

/**
 * Workflow-command annotations for active findings, at most `perLevelLimit`
 * per level, then one `::notice::` with the total when any were left out.
 * That notice takes one of the notice slots itself, so notes are held to one
 * fewer when it will be printed, or the runner would drop it.
 *
 * Every property and message is escaped as @actions/core escapes them;
 * text from scanned files also has its control characters made visible, so
 * nothing a repository contains can begin a line of the log.
 */
export function renderWorkflowCommands(report: JsonReport, options: CommandsOptions = {}): string[] {
  const limit = Math.max(1, options.perLevelLimit ?? DEFAULT_PER_LEVEL_LIMIT);
  const active = activeFindings(report.findings);
  const count: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const f of active) count[f.level]++;

  const needsNotice = count.error > limit || count.warning > limit || count.note > limit;
  const cap: Record<Level, number> = { error: limit, warning: limit, note: needsNotice ? limit - 1 : limit };

  const lines: string[] = [];
  const used: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const f of active) {
    if (used[f.level] >= cap[f.level]) continue;
    used[f.level]++;
    lines.push(annotation(f));
  }
  if (needsNotice) {
    const annotated = lines.length;
    const hint = options.reportHint ?? 'the job summary and the JSON or SARIF report';
    const byLevel = levelCounts(count);
    lines.push(
      `::notice::${commandData(
        `relaygate found ${plural(active.length, 'finding')} (${byLevel}); ${annotated} annotated, ${active.length - annotated} not annotated ` +
          `because GitHub shows at most ${limit} annotations per level in a step. See all of them in ${visible(hint)}.`,
      )}`,
    );
  }
  return lines;
}

function positive(n: number): boolean {
  return Number.isInteger(n) && n >= 1;
}

function annotation(f: Finding): string {
  const props: [string, string][] = [['file', f.file]];
  if (positive(f.line)) {
    props.push(['line', String(f.line)]);
    const singleLine = !positive(f.endLine) || f.endLine === f.line;
    // GitHub accepts columns only when the annotation covers one line.
    if (singleLine && positive(f.column)) {
      props.push(['col', String(f.column)]);
    }
    if (positive(f.endLine) && f.endLine >= f.line) props.push(['endLine', String(f.endLine)]);
    if (singleLine && positive(f.column) && positive(f.endColumn) && f.endColumn > f.column) {
      props.push(['endColumn', String(f.endColumn)]);
    }
  }
  const title = f.certainty === 'indeterminate' ? `relaygate ${f.ruleId} (indeterminate)` : `relaygate ${f.ruleId}`;
  props.push(['title', title]);

  const body = [visible(f.message)];
  if (f.fix.length > 0) body.push(`Fix: ${visible(f.fix)}`);
  if (f.ids.length > 0) body.push(`IDs: ${f.ids.map(visible).join(', ')}`);
  const properties = props
    .filter(([, value]) => value.length > 0)
    .map(([key, value]) => `${key}=${commandProperty(key === 'file' || key === 'title' ? visible(value) : value)}`)
    .join(',');
  return `::${COMMAND[f.level]} ${properties}::${commandData(body.join('\n'))}`;
}
