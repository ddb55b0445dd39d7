import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GitHubApi, PullFile } from '../../src/github/api.js';
import { decideScope, pullListing, type EventInfo } from '../../src/github/changed-files.js';

/** A fake API whose listPullFiles answers `files` (or throws `failure`, as an octokit RequestError carries `status`). */
function fakeApi(files: (string | PullFile)[], failure?: Error & { status?: number }) {
  const calls: string[] = [];
  const api = {
    listPullFiles: async (p: { owner: string; repo: string; pull_number: number }): Promise<PullFile[]> => {
      calls.push(`${p.owner}/${p.repo}#${p.pull_number}`);
      if (failure) throw failure;
      return files.map((f) => (typeof f === 'string' ? { filename: f, status: 'modified' } : f));
    },
  } as unknown as GitHubApi;
  return { calls, api };
}

function decide(scope: Parameters<typeof decideScope>[0], event: EventInfo, token: string, fake: ReturnType<typeof fakeApi>) {
  return decideScope(scope, event, token, pullListing(event, token === '' ? null : fake.api));
}

const PR: EventInfo = { eventName: 'pull_request', owner: 'example', repo: 'infra', pullNumber: 7, changedFiles: null };
const PUSH: EventInfo = { eventName: 'push', owner: 'example', repo: 'infra', pullNumber: null, changedFiles: null };

function requestError(status: number, message: string): Error & { status: number } {
  return Object.assign(new Error(message), { status });
}

describe('decideScope', () => {
  it('auto on a pull request lists the changed files once', async () => {
    const files = Array.from({ length: 250 }, (_, i) => `roles/r${i}/main.cf`);
    const fake = fakeApi(files);
    const listing = pullListing({ ...PR, changedFiles: 250 }, fake.api);
    const decision = await decideScope('auto', { ...PR, changedFiles: 250 }, 'ghs_token', listing);
    assert.deepEqual(decision.changed, files);
    await listing(); // shared with the review and the annotation order: asked once
    assert.deepEqual(fake.calls, ['example/infra#7']);
    assert.deepEqual(decision.log, [
      { level: 'info', text: 'relaygate: scope auto: reporting findings of the configurations whose inputs the 250 file(s) pull request #7 changes touch.' },
    ]);
  });

  it('changed on pull_request_target works the same way', async () => {
    const fake = fakeApi(['postfix/main.cf']);
    const decision = await decide('changed', { ...PR, eventName: 'pull_request_target' }, 't', fake);
    assert.deepEqual(decision.changed, ['postfix/main.cf']);
  });

  it('auto on a push reports every file and asks no API', async () => {
    const fake = fakeApi(['x']);
    assert.deepEqual(await decide('auto', PUSH, 't', fake), { changed: null, log: [] });
    assert.deepEqual(fake.calls, []);
  });

  it('all never asks the API, even on a pull request', async () => {
    const fake = fakeApi(['x']);
    assert.deepEqual(await decide('all', PR, 't', fake), { changed: null, log: [] });
    assert.deepEqual(fake.calls, []);
  });

  it('changed on a push falls back to every file with a warning', async () => {
    const fake = fakeApi(['x']);
    assert.deepEqual(await decide('changed', PUSH, 't', fake), {
      changed: null,
      log: [
        {
          level: 'warning',
          text: 'relaygate: scope changed: the "push" event is not a pull request, so there is no list of changed files; reporting findings in every file instead.',
        },
      ],
    });
    assert.deepEqual(fake.calls, []);
  });

  it('without a token falls back to every file with a warning', async () => {
    const fake = fakeApi(['x']);
    assert.deepEqual(await decide('auto', PR, '', fake), {
      changed: null,
      log: [
        {
          level: 'warning',
          text: "relaygate: scope auto: no token to list the pull request's changed files (input token is empty); reporting findings in every file instead.",
        },
      ],
    });
    assert.deepEqual(fake.calls, []);
  });

  it('a 403 (a fork\'s read-only token) falls back to every file, with the status and a hint', async () => {
    const fake = fakeApi([], requestError(403, 'Resource not accessible by integration'));
    assert.deepEqual(await decide('auto', PR, 't', fake), {
      changed: null,
      log: [
        {
          level: 'warning',
          text:
            "relaygate: scope auto: could not list the pull request's changed files: 403 Resource not accessible by integration " +
            "(the token lacks read access to pull requests; add `pull-requests: read` to the workflow's `permissions:`); reporting findings in every file instead.",
        },
      ],
    });
  });

  it('a network error falls back too, with only the first line of its message', async () => {
    const fake = fakeApi([], new Error('connect ECONNREFUSED 127.0.0.1:9\n    at internal'));
    const decision = await decide('changed', PR, 't', fake);
    assert.equal(decision.changed, null);
    assert.deepEqual(decision.log, [
      {
        level: 'warning',
        text: "relaygate: scope changed: could not list the pull request's changed files: connect ECONNREFUSED 127.0.0.1:9; reporting findings in every file instead.",
      },
    ]);
  });

  it('a list shorter than the payload\'s changed_files (the API stops at 3,000) falls back to every file', async () => {
    const files = Array.from({ length: 3000 }, (_, i) => `f${i}`);
    const fake = fakeApi(files);
    const decision = await decide('auto', { ...PR, changedFiles: 3200 }, 't', fake);
    assert.equal(decision.changed, null);
    assert.deepEqual(decision.log, [
      {
        level: 'warning',
        text: 'relaygate: scope auto: the API listed 3000 of 3200 changed files (it lists at most 3000); reporting findings in every file instead.',
      },
    ]);
  });

  it('a pull request event without a number is treated as not a pull request', async () => {
    const fake = fakeApi(['x']);
    assert.deepEqual(await decide('auto', { ...PR, pullNumber: null }, 't', fake), { changed: null, log: [] });
  });

  it('a renamed file counts under both names', async () => {
    const fake = fakeApi([{ filename: 'mail/main.cf', previous_filename: 'postfix/main.cf', status: 'renamed' }, 'README.md']);
    const decision = await decide('changed', PR, 't', fake);
    assert.deepEqual(decision.changed, ['mail/main.cf', 'postfix/main.cf', 'README.md']);
    assert.deepEqual(decision.log, [{ level: 'info', text: 'relaygate: scope changed: reporting findings of the configurations whose inputs the 2 file(s) pull request #7 changes touch.' }]);
  });

  it('new never asks the API: it compares with the base commit instead', async () => {
    const fake = fakeApi(['x']);
    assert.deepEqual(await decide('new', PR, 't', fake), { changed: null, log: [] });
    assert.deepEqual(fake.calls, []);
  });
});
