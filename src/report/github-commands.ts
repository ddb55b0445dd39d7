import type { Finding, Level } from '../model/finding.js';
import { commandData, commandProperty, visible } from './escape.js';
import { activeFindings, type JsonReport } from './json.js';
import { levelCounts, plural } from './text.js';

/** Annotations of each level that other lines of the same step already use. */
export type Reserved = Readonly<Record<Level, number>>;

export interface CommandsOptions {
  /** Annotations per level; the runner shows 10 errors, 10 warnings and 10 notices per step and drops the rest silently. */
  perLevelLimit?: number;
  /**
   * Slots the step's other annotations take: the `::error` that
   * `core.setFailed` writes when the job fails, a warning that the scope or
   * the Checks API fell back. The runner counts them against the same limit.
   */
  reserved?: Partial<Reserved>;
  /** Lines each file's pull-request diff adds (right side); findings on them are annotated first. */
  changedLines?: ReadonlyMap<string, ReadonlySet<number>>;
  /** Where the reader sees every finding, e.g. 'the job summary'. */
  reportHint?: string;
}

export const DEFAULT_PER_LEVEL_LIMIT = 10;

/** SARIF/report level -> workflow command (a `note` is a `notice`). */
const COMMAND: Readonly<Record<Level, string>> = { error: 'error', warning: 'warning', note: 'notice' };

/** True when a finding's span touches a line the pull request adds. */
export function onChangedLine(f: Finding, changedLines: ReadonlyMap<string, ReadonlySet<number>> | undefined): boolean {
  const lines = changedLines?.get(f.file);
  if (!lines) return false;
  const end = Math.max(f.line, f.endLine);
  for (let line = Math.max(1, f.line); line <= end; line++) if (lines.has(line)) return true;
  return false;
}

/**
 * Active findings, most important first within each level: on a line the
 * pull request changes, then definite before indeterminate, then report
 * order (file, line). A reviewer who sees only the first few sees what this
 * change did.
 */
export function byImportance(findings: readonly Finding[], changedLines?: ReadonlyMap<string, ReadonlySet<number>>): Finding[] {
  const rank = (f: Finding): number => (onChangedLine(f, changedLines) ? 0 : 2) + (f.certainty === 'definite' ? 0 : 1);
  return findings
    .map((f, i) => ({ f, i, r: rank(f) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.f);
}

/**
 * Workflow-command annotations for active findings, at most `perLevelLimit`
 * per level minus the slots `reserved` for the step's other annotations,
 * then one `::notice::` with the total when any were left out. That notice
 * takes a notice slot itself, so notes are held to one fewer when it will be
 * printed, or the runner would drop it.
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

  const room = (level: Level): number => Math.max(0, limit - Math.max(0, options.reserved?.[level] ?? 0));
  const needsNotice = count.error > room('error') || count.warning > room('warning') || count.note > room('note');
  const cap: Record<Level, number> = {
    error: room('error'),
    warning: room('warning'),
    note: needsNotice ? Math.max(0, room('note') - 1) : room('note'),
  };

  const lines: string[] = [];
  const ordered = byImportance(active, options.changedLines);
  // Errors first, then warnings, then notes, each in importance order.
  for (const level of ['error', 'warning', 'note'] as const) {
    const ofLevel = ordered.filter((f) => f.level === level).slice(0, cap[level]);
    lines.push(...ofLevel.map(annotation));
  }
  if (needsNotice && room('note') > 0) {
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
