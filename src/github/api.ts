/**
 * The few REST calls the action makes, as plain async functions. The real
 * implementation (octokit.ts) wraps @actions/github's octokit; tests pass a
 * fake. Shapes follow the REST API's own field names.
 */

export interface Repo {
  owner: string;
  repo: string;
}

/** One entry of "list pull request files". `patch` is absent for binary and very large diffs. */
export interface PullFile {
  filename: string;
  status?: string;
  previous_filename?: string;
  patch?: string;
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
  annotations?: CheckAnnotation[];
}

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface CreateCheckRun extends Repo {
  name: string;
  head_sha: string;
  status: 'in_progress' | 'completed';
  conclusion?: CheckConclusion;
  details_url?: string;
  output: CheckOutput;
}

export interface UpdateCheckRun extends Repo {
  check_run_id: number;
  status?: 'completed';
  conclusion?: CheckConclusion;
  output: CheckOutput;
}

export interface ReviewComment {
  path: string;
  /** The last line of the comment, on the head side. */
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

export interface CreateReview extends Repo {
  pull_number: number;
  commit_id: string;
  event: 'COMMENT';
  body: string;
  comments: ReviewComment[];
}

/** An existing review comment, as "list review comments on a pull request" returns it. `line` is null once outdated. */
export interface ExistingComment {
  path: string;
  line?: number | null;
  body: string;
}

export interface ExistingReview {
  body?: string | null;
}

export interface GitHubApi {
  listPullFiles(params: Repo & { pull_number: number }): Promise<PullFile[]>;
  createCheckRun(params: CreateCheckRun): Promise<{ id: number; html_url?: string | null }>;
  updateCheckRun(params: UpdateCheckRun): Promise<void>;
  listReviewComments(params: Repo & { pull_number: number }): Promise<ExistingComment[]>;
  listReviews(params: Repo & { pull_number: number }): Promise<ExistingReview[]>;
  createReview(params: CreateReview): Promise<{ id: number; html_url?: string | null }>;
}

/** The HTTP status of an octokit RequestError, or null (a network error, a timeout). */
export function httpStatus(e: unknown): number | null {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** `403 Resource not accessible by integration`: the status and the first line of the message. */
export function describeFailure(e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  const status = httpStatus(e);
  return status === null ? message : `${status} ${message}`;
}

/** 403 and 404: the token may not do this (a fork's read-only token, missing `permissions:`). */
export function isForbidden(e: unknown): boolean {
  const status = httpStatus(e);
  return status === 403 || status === 404;
}
