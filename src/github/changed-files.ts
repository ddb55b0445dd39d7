import { describeFailure, httpStatus, type GitHubApi, type PullFile } from './api.js';
import type { Scope } from './inputs.js';

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

/** The pull request's files, or why they could not be listed. */
export type PullListing = { files: PullFile[] } | { failure: string; status: number | null };

/** The REST API lists at most 3,000 files of a pull request. */
export const MAX_LISTED_FILES = 3000;

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

export function isPullRequest(event: EventInfo): boolean {
  return PULL_REQUEST_EVENTS.has(event.eventName) && event.pullNumber !== null;
}

/**
 * Lists the pull request's files once, for every part of the action that
 * needs them (scope, annotation order, review comments). null when the
 * event is not a pull request or there is no token.
 */
export function pullListing(event: EventInfo, api: GitHubApi | null): () => Promise<PullListing | null> {
  let listing: Promise<PullListing | null> | null = null;
  return () => {
    listing ??= (async (): Promise<PullListing | null> => {
      if (!isPullRequest(event) || api === null) return null;
      try {
        return { files: await api.listPullFiles({ owner: event.owner, repo: event.repo, pull_number: event.pullNumber! }) };
      } catch (e) {
        return { failure: describeFailure(e), status: httpStatus(e) };
      }
    })();
    return listing;
  };
}

/**
 * Which changed paths scope the findings (a finding is kept when one of
 * them is an input of its configuration). `auto` means the pull request's changed
 * files on a pull-request event and every file otherwise; `changed` asks for
 * the changed files; `all` and `new` (compared with the base elsewhere)
 * every file. Whenever the list cannot be had (no token, a token without
 * `pull-requests: read`, a network error, a list cut at the API's limit)
 * the decision falls back to every file with a warning: reporting too much
 * is safe, reporting too little would let a relay through. A renamed file
 * counts under both names.
 */
export async function decideScope(
  scope: Scope,
  event: EventInfo,
  token: string,
  listing: () => Promise<PullListing | null>,
): Promise<ScopeDecision> {
  const all = (log: LogLine[] = []): ScopeDecision => ({ changed: null, log });
  const fallback = (why: string): ScopeDecision =>
    all([{ level: 'warning', text: `relaygate: scope ${scope}: ${why}; reporting findings in every file instead.` }]);

  if (scope === 'all' || scope === 'new') return all();
  if (!isPullRequest(event)) {
    if (scope === 'auto') return all();
    const why = PULL_REQUEST_EVENTS.has(event.eventName)
      ? `the ${event.eventName} event's payload has no pull request number`
      : `the "${event.eventName || 'unknown'}" event is not a pull request`;
    return fallback(`${why}, so there is no list of changed files`);
  }
  if (token === '') return fallback('no token to list the pull request\'s changed files (input token is empty)');

  const listed = await listing();
  if (listed === null) return fallback('no token to list the pull request\'s changed files');
  if ('failure' in listed) {
    // Listing files needs only read access, which a fork's token has too: a 403/404 means the workflow's
    // `permissions:` leave pull-requests out (any key given sets the others to none).
    const hint = listed.status === 403 || listed.status === 404
      ? ' (the token lacks read access to pull requests; add `pull-requests: read` to the workflow\'s `permissions:`)'
      : '';
    return fallback(`could not list the pull request's changed files: ${listed.failure}${hint}`);
  }
  const files = listed.files;
  const expected = event.changedFiles;
  if ((expected !== null && files.length < expected) || (expected === null && files.length >= MAX_LISTED_FILES)) {
    return fallback(
      `the API listed ${files.length} of ${expected ?? 'at least ' + MAX_LISTED_FILES} changed files (it lists at most ${MAX_LISTED_FILES})`,
    );
  }
  const changed = [...new Set(files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename])))];
  return {
    changed,
    log: [
      {
        level: 'info',
        text: `relaygate: scope ${scope}: reporting findings of the configurations whose inputs the ${files.length} file(s) pull request #${event.pullNumber} changes touch.`,
      },
    ],
  };
}
