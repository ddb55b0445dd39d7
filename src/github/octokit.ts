import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { GitHubApi } from './api.js';

/** One API call (all pages of a listing, its retries included) may take this long before the action gives up on it. */
export const API_TIMEOUT_MS = 60_000;

/** Waits longer than this (a primary rate limit resetting in an hour) are not worth a CI job's time. */
const MAX_RETRY_AFTER_S = 60;

/** Secondary-rate-limit retries of one request. 5xx retries are @octokit/plugin-retry's default (3, after 1, 4 and 9 s). */
const RATE_LIMIT_RETRIES = 2;

/**
 * A real client (GITHUB_API_URL, so GHES works too; the runner's proxy
 * settings through @actions/github) behind the narrow GitHubApi interface.
 * 5xx answers are retried by @octokit/plugin-retry; rate limits, primary
 * and secondary, by @octokit/plugin-throttling, which also spaces write
 * requests a second apart as GitHub asks of integrations. `log` receives
 * one line per wait.
 */
export function githubApi(token: string, log: (line: string) => void): GitHubApi {
  const octokit = getOctokit(
    token,
    {
      throttle: {
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          const retrying = retryCount < 1 && retryAfter <= MAX_RETRY_AFTER_S;
          log(`relaygate: GitHub API rate limit reached on ${options.method} ${options.url}; ${retrying ? `retrying in ${retryAfter} s` : 'giving up'}.`);
          return retrying;
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          const retrying = retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RETRY_AFTER_S;
          log(`relaygate: GitHub API secondary rate limit on ${options.method} ${options.url}; ${retrying ? `retrying in ${retryAfter} s` : 'giving up'}.`);
          return retrying;
        },
      },
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    },
    retry,
    throttling,
  );
  const request = (): { signal: AbortSignal } => ({ signal: AbortSignal.timeout(API_TIMEOUT_MS) });
  return {
    listPullFiles: async (p) => octokit.paginate(octokit.rest.pulls.listFiles, { ...p, per_page: 100, request: request() }),
    createCheckRun: async (p) => (await octokit.rest.checks.create({ ...p, request: request() })).data,
    updateCheckRun: async (p) => {
      await octokit.rest.checks.update({ ...p, request: request() });
    },
    listReviewComments: async (p) => octokit.paginate(octokit.rest.pulls.listReviewComments, { ...p, per_page: 100, request: request() }),
    listReviews: async (p) => octokit.paginate(octokit.rest.pulls.listReviews, { ...p, per_page: 100, request: request() }),
    createReview: async (p) => (await octokit.rest.pulls.createReview({ ...p, request: request() })).data,
  };
}
