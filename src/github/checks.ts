import type { Finding } from '../model/finding.js';
import { markdownCell, visible } from '../report/escape.js';
import { byImportance } from '../report/github-commands.js';
import { activeFindings, type JsonReport } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { levelCounts, plural } from '../report/text.js';
import { describeFailure, isForbidden, type CheckAnnotation, type CheckConclusion, type CheckOutput, type GitHubApi, type Repo } from './api.js';

/** The Checks API takes at most 50 annotations per request; more go in later "update a check run" calls. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** `output.summary` and `output.text` hold at most 65,535 characters each. */
export const CHECK_TEXT_MAX = 65_535;
/** An annotation's title holds at most 255 characters; its message 64 KB (we keep far below). */
const TITLE_MAX = 255;
const MESSAGE_MAX = 8_000;

export const CHECK_RUN_NAME = 'relaygate';

export interface CheckRunRequest {
  repo: Repo;
  /** The pull request's head commit on a pull request, else GITHUB_SHA. */
  headSha: string;
  report: JsonReport;
  /** Markdown for `output.summary`, already within CHECK_TEXT_MAX (checkRunSummary). */
  summary: string;
  /** Lines the pull request adds, per file: their annotations go first. */
  changedLines?: ReadonlyMap<string, ReadonlySet<number>>;
  detailsUrl?: string | null;
}

export type CheckRunOutcome =
  | { ok: true; annotations: number; requests: number; url: string | null }
  | { ok: false; failure: string; forbidden: boolean; annotationsSent: number };

/**
 * `failure` when a finding reaches fail-on (the job fails too); `neutral`
 * when none does but indeterminate results remain, because relaygate could
 * not tell whether they are relays; else `success`.
 */
export function checkConclusion(report: JsonReport): CheckConclusion {
  if (report.summary.result === 'fail') return 'failure';
  return activeFindings(report.findings).some((f) => f.certainty === 'indeterminate') ? 'neutral' : 'success';
}

export function checkTitle(report: JsonReport): string {
  const s = report.summary;
  if (s.findings === 0) return 'No findings';
  const indeterminate = activeFindings(report.findings).filter((f) => f.certainty === 'indeterminate').length;
  return `${plural(s.findings, 'finding')}: ${levelCounts(s.byLevel)}${indeterminate > 0 ? `, ${indeterminate} indeterminate` : ''}`;
}

/**
 * The check run's Markdown summary: the job summary's renderer, held under
 * the Checks API's cap (its byte limit is below the character limit, and a
 * final cut at a line boundary guards against a renderer that overshoots).
 */
export function checkRunSummary(report: JsonReport, blobUrl: string | null): string {
  const markdown = renderMarkdown(report, { maxBytes: CHECK_TEXT_MAX - 1_000, ...(blobUrl === null ? {} : { blobUrl }) });
  return fitText(markdown, CHECK_TEXT_MAX);
}

/** Cuts `text` at a line boundary to at most `max` characters, with a last line saying so. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = '\n\n**Cut here: the rest is in the job summary and the JSON report.**\n';
  const cut = text.lastIndexOf('\n', max - note.length);
  return `${text.slice(0, cut < 0 ? max - note.length : cut)}${note}`;
}

const LEVEL: Readonly<Record<Finding['level'], CheckAnnotation['annotation_level']>> = { error: 'failure', warning: 'warning', note: 'notice' };

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function checkAnnotation(f: Finding): CheckAnnotation {
  const start = Number.isInteger(f.line) && f.line >= 1 ? f.line : 1;
  const end = Number.isInteger(f.endLine) && f.endLine >= start ? f.endLine : start;
  const a: CheckAnnotation = {
    path: f.file,
    start_line: start,
    end_line: end,
    annotation_level: LEVEL[f.level],
    message: clip([visible(f.message), f.fix ? `Fix: ${visible(f.fix)}` : '', f.ids.length ? `IDs: ${f.ids.map(visible).join(', ')}` : '']
      .filter((p) => p !== '')
      .join('\n'), MESSAGE_MAX),
    title: clip(`relaygate ${visible(f.ruleId)}${f.certainty === 'indeterminate' ? ' (indeterminate)' : ''}`, TITLE_MAX),
  };
  // Columns only on a single-line annotation (the API refuses them otherwise).
  if (start === end && f.column >= 1 && f.line === start) {
    a.start_column = f.column;
    if (f.endColumn > f.column) a.end_column = f.endColumn;
  }
  if (f.related.length > 0) {
    a.raw_details = clip(f.related.map((r) => `${visible(r.file)}:${r.line}: ${visible(r.message)}`).join('\n'), MESSAGE_MAX);
  }
  return a;
}

/**
 * One check run named `relaygate` on `headSha` carrying every active
 * finding: created with the first 50 annotations, then updated with each
 * further 50, the last request completing it with its conclusion. When an
 * update fails after the run was created, the run is still completed (so
 * it does not stay "in progress") and the failure is returned, so the
 * caller can annotate by workflow commands instead.
 */
export async function publishCheckRun(api: GitHubApi, request: CheckRunRequest): Promise<CheckRunOutcome> {
  const { report, repo } = request;
  const annotations = byImportance(activeFindings(report.findings), request.changedLines).map(checkAnnotation);
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  if (batches.length === 0) batches.push([]);
  const conclusion = checkConclusion(report);
  const output = (batch: CheckAnnotation[]): CheckOutput => ({ title: checkTitle(report), summary: request.summary, annotations: batch });

  let id: number;
  let url: string | null = null;
  try {
    const created = await api.createCheckRun({
      ...repo,
      name: CHECK_RUN_NAME,
      head_sha: request.headSha,
      ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
      ...(batches.length === 1 ? { status: 'completed' as const, conclusion } : { status: 'in_progress' as const }),
      output: output(batches[0]!),
    });
    id = created.id;
    url = created.html_url ?? null;
  } catch (e) {
    return { ok: false, failure: describeFailure(e), forbidden: isForbidden(e), annotationsSent: 0 };
  }
  let sent = batches[0]!.length;
  for (let i = 1; i < batches.length; i++) {
    const last = i === batches.length - 1;
    try {
      await api.updateCheckRun({ ...repo, check_run_id: id, ...(last ? { status: 'completed' as const, conclusion } : {}), output: output(batches[i]!) });
      sent += batches[i]!.length;
    } catch (e) {
      const failure = describeFailure(e);
      try {
        await api.updateCheckRun({
          ...repo,
          check_run_id: id,
          status: 'completed',
          conclusion,
          output: { title: checkTitle(report), summary: fitText(`**Only ${sent} of ${annotations.length} annotations could be sent (${markdownCell(failure)}); the job log has the rest.**\n\n${request.summary}`, CHECK_TEXT_MAX) },
        });
      } catch {
        // The run stays in progress; the job's own result still tells the truth.
      }
      return { ok: false, failure, forbidden: isForbidden(e), annotationsSent: sent };
    }
  }
  return { ok: true, annotations: annotations.length, requests: batches.length, url };
}
