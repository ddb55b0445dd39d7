import type { Scope } from './inputs.js';

/** The part of a file entry of "list pull request files" that we read. */
export interface PullFile {
  filename: string;
}

// A type alias, not an interface: octokit's parameter types need the implicit index signature.
export type ListFilesParams = {
  owner: string;
  repo: string;
  pull_number: number;
  per_page?: number;
  page?: number;
};

export type ListFiles = (params: ListFilesParams) => Promise<{ data: PullFile[] }>;

/** The slice of an @actions/github octokit this module uses; tests pass a fake. */
export interface PullsOctokit {
  rest: { pulls: { listFiles: ListFiles } };
  paginate: (method: ListFiles, params: ListFilesParams) => Promise<PullFile[]>;
}

/** What the workflow run says about the event. */
export interface EventInfo {
  eventName: string;
  owner: string;
  repo: string;
  /** The pull request's number; null when the event has none. */
  pullNumber: number | null;
  /** `pull_request.changed_files` of the payload, when present: tells a truncated list from a complete one. */
  changedFiles: number | null;
}

export interface LogLine {
  level: 'info' | 'warning';
  text: string;
}

export interface ScopeDecision {
  /** Paths relative to the repository root; null = report findings in every file. */
  changed: string[] | null;
  log: LogLine[];
}

/** The REST API lists at most 3,000 files of a pull request. */
export const MAX_LISTED_FILES = 3000;

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * Which files' findings to report. `auto` means the pull request's changed
 * files on a pull-request event and every file otherwise; `changed` asks for
 * the changed files. Whenever the list cannot be had (no token, a fork's
 * read-only token answering 403, a network error, a list cut at the API's
 * limit) the decision falls back to every file with a warning: reporting too
 * much is safe, reporting too little would let a relay through.
 */
export async function decideScope(
  scope: Scope,
  event: EventInfo,
  token: string,
  octokitFor: (token: string) => PullsOctokit,
): Promise<ScopeDecision> {
  const all = (log: LogLine[] = []): ScopeDecision => ({ changed: null, log });
  const fallback = (why: string): ScopeDecision =>
    all([{ level: 'warning', text: `relaygate: scope ${scope}: ${why}; reporting findings in every file instead.` }]);

  if (scope === 'all') return all();
  const isPullRequest = PULL_REQUEST_EVENTS.has(event.eventName) && event.pullNumber !== null;
  if (!isPullRequest) {
    if (scope === 'auto') return all();
    const why = PULL_REQUEST_EVENTS.has(event.eventName)
      ? `the ${event.eventName} event's payload has no pull request number`
      : `the "${event.eventName || 'unknown'}" event is not a pull request`;
    return fallback(`${why}, so there is no list of changed files`);
  }
  if (token === '') return fallback('no token to list the pull request\'s changed files (input token is empty)');

  let files: PullFile[];
  try {
    const octokit = octokitFor(token);
    files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: event.owner,
      repo: event.repo,
      pull_number: event.pullNumber!,
      per_page: 100,
    });
  } catch (e) {
    const status = (e as { status?: unknown }).status;
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    const hint = status === 403 || status === 404
      ? ' (a fork\'s pull request gets a read-only token; give the workflow `permissions: pull-requests: read`)'
      : '';
    return fallback(`could not list the pull request's changed files: ${typeof status === 'number' ? `${status} ` : ''}${message}${hint}`);
  }

  const expected = event.changedFiles;
  if ((expected !== null && files.length < expected) || (expected === null && files.length >= MAX_LISTED_FILES)) {
    return fallback(
      `the API listed ${files.length} of ${expected ?? 'at least ' + MAX_LISTED_FILES} changed files (it lists at most ${MAX_LISTED_FILES})`,
    );
  }
  const changed = [...new Set(files.map((f) => f.filename))];
  return {
    changed,
    log: [{ level: 'info', text: `relaygate: scope ${scope}: reporting findings in the ${changed.length} file(s) pull request #${event.pullNumber} changes.` }],
  };
}
