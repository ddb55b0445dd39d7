import { context } from '@actions/github';
import type { EventInfo } from './changed-files.js';

export interface RunContext extends EventInfo {
  /** `${server}/${owner}/${repo}/blob/${sha}`: base of file links in the job summary; null when unknown. */
  blobUrl: string | null;
}

/**
 * What the action needs from the workflow run, read from @actions/github's
 * context (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, ...).
 * Missing pieces become empty values, never an exception: a push without a
 * repository name still scans.
 */
export function runContext(): RunContext {
  let owner = '';
  let repo = '';
  try {
    ({ owner, repo } = context.repo);
  } catch {
    // context.repo throws without GITHUB_REPOSITORY and a payload repository.
  }
  const pr = context.payload.pull_request as { number?: unknown; changed_files?: unknown; head?: { sha?: unknown } } | undefined;
  const pullNumber = typeof pr?.number === 'number' ? pr.number : null;
  // On a pull request GITHUB_SHA is the test-merge commit; the reader wants the head's lines.
  const sha = typeof pr?.head?.sha === 'string' ? pr.head.sha : context.sha;
  const blobUrl = owner && repo && sha && context.serverUrl ? `${context.serverUrl}/${owner}/${repo}/blob/${sha}` : null;
  return {
    eventName: context.eventName ?? '',
    owner,
    repo,
    pullNumber,
    changedFiles: typeof pr?.changed_files === 'number' ? pr.changed_files : null,
    blobUrl,
  };
}
