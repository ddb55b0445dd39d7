import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import { markdownCell, pathToUri } from '../report/escape.js';
import { byImportance } from '../report/github-commands.js';
import { activeFindings, type JsonReport } from '../report/json.js';
import { levelCounts, plural } from '../report/text.js';
import { describeFailure, httpStatus, isForbidden, type ExistingComment, type ExistingReview, type GitHubApi, type PullFile, type Repo, type ReviewComment } from './api.js';
import { parsePatch, type FileDiff } from './diff.js';
import { suggestedChanges, suggestionBlock, type ScannedLine, type SuggestedChange } from './suggestion.js';

/** Line comments per review; the rest are listed in the body. */
export const MAX_REVIEW_COMMENTS = 50;
/** A review body or comment holds at most 65,536 characters; keep a margin. */
const BODY_MAX = 60_000;

const REVIEW_MARKER = '<!-- relaygate:review';
const FINDING_MARKER = '<!-- relaygate:finding';

export interface ReviewRequest {
  repo: Repo;
  pullNumber: number;
  /** The pull request's head commit: comments are placed on its lines. */
  headSha: string;
  report: JsonReport;
  /** The pull request's files with their patches (list pull request files). */
  files: readonly PullFile[];
  scannedLine: ScannedLine;
  blobUrl: string | null;
}

export interface ReviewPlan {
  body: string;
  comments: ReviewComment[];
  /** Findings commented on a line of the diff / listed in the body. */
  commented: number;
  listed: number;
  suggestions: number;
  /** Identifies the set of findings, so an unchanged pull request is not reviewed twice. */
  key: string;
}

export type ReviewOutcome =
  | { posted: true; plan: ReviewPlan; url: string | null }
  | { posted: false; why: string }
  | { failed: string; forbidden: boolean };

/** Text from a finding, safe in Markdown: no HTML, no Markdown syntax, and no @mention that would notify someone. */
function md(text: string, max?: number): string {
  return markdownCell(text, max).replace(/@/g, '@&#8203;');
}

function marker(kind: string, value: string): string {
  return /^[0-9a-f]{1,64}$/.test(value) ? `${kind} ${value} -->` : '';
}

export function diffsOf(files: readonly PullFile[]): Map<string, FileDiff> {
  const diffs = new Map<string, FileDiff>();
  for (const f of files) if (typeof f.patch === 'string') diffs.set(f.filename, parsePatch(f.patch));
  return diffs;
}

/** Lines the pull request adds, per file: what "on a changed line" means for annotation order. */
export function addedLines(files: readonly PullFile[]): Map<string, ReadonlySet<number>> {
  return new Map([...diffsOf(files)].map(([file, d]) => [file, d.added]));
}

/** Where a finding without a usable suggestion can be commented: its own lines, when the diff shows them. */
function findingRange(f: Finding, diff: FileDiff | undefined): { start: number; end: number } | null {
  if (!diff) return null;
  const end = Math.max(f.line, f.endLine);
  const first = diff.lines.get(f.line);
  if (!first) return diff.lines.has(end) ? { start: end, end } : null;
  for (let n = f.line + 1; n <= end; n++) if (diff.lines.get(n)?.hunk !== first.hunk) return { start: f.line, end: f.line };
  return { start: f.line, end };
}

function heading(f: Finding): string {
  const certainty = f.certainty === 'indeterminate' ? ' · indeterminate' : '';
  return `**relaygate** \`${f.ruleId.replace(/[^a-z0-9-]/g, '')}\` · ${f.level}${certainty}`;
}

function commentBody(f: Finding, change: SuggestedChange | null, part: string): string {
  const lines = [heading(f), '', md(f.message)];
  if (change) lines.push('', suggestionBlock(change.lines));
  if (part) lines.push('', part);
  if (f.fix) lines.push('', `**Fix:** ${md(f.fix)}`);
  if (f.ids.length > 0) lines.push('', `<sub>${md(f.ids.join(', '))}</sub>`);
  lines.push(marker(FINDING_MARKER, f.fingerprint));
  return lines.join('\n').slice(0, BODY_MAX);
}

function comment(path: string, start: number, end: number, body: string): ReviewComment {
  return start < end ? { path, start_line: start, start_side: 'RIGHT', line: end, side: 'RIGHT', body } : { path, line: end, side: 'RIGHT', body };
}

/** An earlier relaygate comment of the same finding still on the same line. */
function alreadyCommented(existing: readonly ExistingComment[], c: ReviewComment, fingerprint: string): boolean {
  const m = marker(FINDING_MARKER, fingerprint);
  return m !== '' && existing.some((e) => e.path === c.path && e.line === c.line && e.body.includes(m));
}

/**
 * Plans the one review: a comment on the lines of each finding that the
 * diff shows, carrying a ```suggestion block when the finding's
 * replacements apply there (several blocks when they touch separate
 * places, to be committed together); every other finding is listed in the
 * body. Comments already made by an earlier run for the same finding on
 * the same line are not repeated; null when there is nothing to say
 * (no findings, or the same findings as the last relaygate review).
 */
export function planReview(
  request: Omit<ReviewRequest, 'repo' | 'pullNumber' | 'headSha'>,
  existing: { comments: readonly ExistingComment[]; reviews: readonly ExistingReview[] },
): ReviewPlan | null {
  const active = byImportance(activeFindings(request.report.findings));
  if (active.length === 0) return null;
  const key = createHash('sha256')
    .update(active.map((f) => f.fingerprint).sort().join('\n'))
    .digest('hex')
    .slice(0, 32);
  const diffs = diffsOf(request.files);

  const comments: ReviewComment[] = [];
  const listed: Finding[] = [];
  let commented = 0;
  let suggestions = 0;
  let repeated = 0;
  for (const f of active) {
    const planned: { c: ReviewComment; suggestion: boolean }[] = [];
    const changes = f.replacements ? suggestedChanges(f.replacements, diffs, request.scannedLine) : null;
    if (Array.isArray(changes) && changes.length > 0) {
      changes.forEach((change, i) => {
        const part = changes.length > 1 ? `Part ${i + 1} of ${changes.length} of this fix: commit all of them together ("Add suggestion to batch").` : '';
        planned.push({ c: comment(change.path, change.startLine, change.endLine, commentBody(f, change, part)), suggestion: true });
      });
    } else {
      const range = findingRange(f, diffs.get(f.file));
      if (range) planned.push({ c: comment(f.file, range.start, range.end, commentBody(f, null, '')), suggestion: false });
    }
    if (planned.length === 0 || comments.length + planned.length > MAX_REVIEW_COMMENTS) {
      listed.push(f);
      continue;
    }
    commented++;
    for (const p of planned) {
      if (alreadyCommented(existing.comments, p.c, f.fingerprint)) {
        repeated++;
        continue;
      }
      comments.push(p.c);
      if (p.suggestion) suggestions++;
    }
  }
  const reviewMarker = marker(REVIEW_MARKER, key);
  const sameAsLast = existing.reviews.some((r) => typeof r.body === 'string' && r.body.includes(reviewMarker));
  if (comments.length === 0 && sameAsLast) return null;

  const s = request.report.summary;
  const head = [
    `### relaygate: ${plural(s.findings, 'finding')} (${levelCounts(s.byLevel)})`,
    '',
    `${commented} on lines of this diff${repeated > 0 ? ` (${repeated} already commented by an earlier run)` : ''}, ${suggestions} with a suggested fix; ${listed.length} elsewhere.`,
  ];
  const rows = listed.map((f) => `- ${location(f, request.blobUrl)} \`${f.ruleId.replace(/[^a-z0-9-]/g, '')}\` (${f.level}${f.certainty === 'indeterminate' ? ', indeterminate' : ''}): ${md(f.message, 500)}${f.fix ? ` **Fix:** ${md(f.fix, 300)}` : ''}`);
  const body = [...head, ...(rows.length > 0 ? ['', 'Not on a line of this diff:', ''] : []), ...fitRows(rows), '', reviewMarker].join('\n');
  return { body, comments, commented, listed: listed.length, suggestions, key };
}

function fitRows(rows: string[]): string[] {
  const out: string[] = [];
  let size = 0;
  for (const [i, row] of rows.entries()) {
    if (size + row.length + 1 > BODY_MAX - 2_000) {
      out.push(`- … and ${plural(rows.length - i, 'more finding')}: see the check run or the job summary.`);
      break;
    }
    out.push(row);
    size += row.length + 1;
  }
  return out;
}

function location(f: Finding, blobUrl: string | null): string {
  const text = md(`${f.file}:${f.line}`);
  return blobUrl ? `[${text}](${blobUrl}/${pathToUri(f.file)}#L${f.line})` : text;
}

/**
 * Posts the review (event COMMENT: the gate is the job's result, not a
 * request for changes). A 422 means GitHub refused a comment's position:
 * the review is posted again with every finding in the body, so nothing
 * is lost.
 */
export async function postReview(api: GitHubApi, request: ReviewRequest): Promise<ReviewOutcome> {
  const pr = { ...request.repo, pull_number: request.pullNumber };
  let existing: { comments: ExistingComment[]; reviews: ExistingReview[] };
  try {
    existing = { comments: await api.listReviewComments(pr), reviews: await api.listReviews(pr) };
  } catch (e) {
    return { failed: describeFailure(e), forbidden: isForbidden(e) };
  }
  const plan = planReview(request, existing);
  if (plan === null) {
    return { posted: false, why: activeFindings(request.report.findings).length === 0 ? 'no findings' : 'the same findings as the last relaygate review' };
  }
  const post = async (p: ReviewPlan): Promise<{ url: string | null }> => {
    const r = await api.createReview({ ...pr, commit_id: request.headSha, event: 'COMMENT', body: p.body, comments: p.comments });
    return { url: r.html_url ?? null };
  };
  try {
    return { posted: true, plan, ...(await post(plan)) };
  } catch (e) {
    if (httpStatus(e) !== 422 || plan.comments.length === 0) return { failed: describeFailure(e), forbidden: isForbidden(e) };
    const bodyOnly = planReview({ ...request, files: [] }, { comments: [], reviews: [] })!;
    try {
      return { posted: true, plan: bodyOnly, ...(await post(bodyOnly)) };
    } catch (e2) {
      return { failed: describeFailure(e2), forbidden: isForbidden(e2) };
    }
  }
}
