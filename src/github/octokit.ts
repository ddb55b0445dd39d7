import { getOctokit } from '@actions/github';
import type { PullFile, PullsOctokit } from './changed-files.js';

/** The whole pull-request file listing may take this long before the action gives up and scans everything. */
export const API_TIMEOUT_MS = 30_000;

/**
 * A real octokit (GITHUB_API_URL, so GHES works too) seen through the narrow
 * PullsOctokit interface that changed-files.ts is written and tested against.
 */
export function pullsOctokit(token: string): PullsOctokit {
  const octokit = getOctokit(token, { request: { signal: AbortSignal.timeout(API_TIMEOUT_MS) } });
  return {
    rest: { pulls: { listFiles: (params) => octokit.rest.pulls.listFiles(params) } },
    paginate: async (_method, params): Promise<PullFile[]> => octokit.paginate(octokit.rest.pulls.listFiles, params),
  };
}
