import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideScope, type EventInfo, type ListFilesParams, type PullsOctokit } from '../../src/github/changed-files.js';

/**
 * A fake octokit whose paginate walks pages like octokit's: page 1, 2, ...
 * until a page comes back shorter than per_page. `failure` makes every
 * request throw (an octokit RequestError carries `status`).
 */
function fakeOctokit(files: string[], failure?: Error & { status?: number }) {
  const calls: ListFilesParams[] = [];
  const tokens: string[] = [];
  const listFiles = async (params: ListFilesParams) => {
    calls.push(params);
    if (failure) throw failure;
    const size = params.per_page ?? 30;
    const page = params.page ?? 1;
    return { data: files.slice((page - 1) * size, page * size).map((filename) => ({ filename, status: 'modified' })) };
  };
  const octokit: PullsOctokit = {
    rest: { pulls: { listFiles } },
    paginate: async (method, params) => {
      const all: { filename: string }[] = [];
      for (let page = 1; ; page++) {
        const { data } = await method({ ...params, page });
        all.push(...data);
        if (data.length < (params.per_page ?? 30)) return all;
      }
    },
  };
  const octokitFor = (token: string): PullsOctokit => {
    tokens.push(token);
    return octokit;
  };
  return { calls, tokens, octokitFor };
}

const PR: EventInfo = { eventName: 'pull_request', owner: 'example', repo: 'infra', pullNumber: 7, changedFiles: null };
const PUSH: EventInfo = { eventName: 'push', owner: 'example', repo: 'infra', pullNumber: null, changedFiles: null };

function requestError(status: number, message: string): Error & { status: number } {
  return Object.assign(new Error(message), { status });
}

describe('decideScope', () => {
  it('auto on a pull request lists every page of changed files', async () => {
    const files = Array.from({ length: 250 }, (_, i) => `roles/r${i}/main.cf`);
    const fake = fakeOctokit(files);
    const decision = await decideScope('auto', { ...PR, changedFiles: 250 }, 'ghs_token', fake.octokitFor);
    assert.deepEqual(decision.changed, files);
    assert.deepEqual(fake.tokens, ['ghs_token']);
    assert.deepEqual(
      fake.calls.map((c) => `${c.owner}/${c.repo}#${c.pull_number} page ${c.page} per ${c.per_page}`),
      ['example/infra#7 page 1 per 100', 'example/infra#7 page 2 per 100', 'example/infra#7 page 3 per 100'],
    );
    assert.deepEqual(decision.log, [
      { level: 'info', text: 'relaygate: scope auto: reporting findings in the 250 file(s) pull request #7 changes.' },
    ]);
  });

  it('changed on pull_request_target works the same way', async () => {
    const fake = fakeOctokit(['postfix/main.cf']);
    const decision = await decideScope('changed', { ...PR, eventName: 'pull_request_target' }, 't', fake.octokitFor);
    assert.deepEqual(decision.changed, ['postfix/main.cf']);
  });

  it('auto on a push reports every file and asks no API', async () => {
    const fake = fakeOctokit(['x']);
    assert.deepEqual(await decideScope('auto', PUSH, 't', fake.octokitFor), { changed: null, log: [] });
    assert.deepEqual(fake.calls, []);
  });

  it('all never asks the API, even on a pull request', async () => {
    const fake = fakeOctokit(['x']);
    assert.deepEqual(await decideScope('all', PR, 't', fake.octokitFor), { changed: null, log: [] });
    assert.deepEqual(fake.tokens, []);
  });

  it('changed on a push falls back to every file with a warning', async () => {
    const fake = fakeOctokit(['x']);
    assert.deepEqual(await decideScope('changed', PUSH, 't', fake.octokitFor), {
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
    const fake = fakeOctokit(['x']);
    assert.deepEqual(await decideScope('auto', PR, '', fake.octokitFor), {
      changed: null,
      log: [
        {
          level: 'warning',
          text: "relaygate: scope auto: no token to list the pull request's changed files (input token is empty); reporting findings in every file instead.",
        },
      ],
    });
    assert.deepEqual(fake.tokens, []);
  });

  it('a 403 (a fork\'s read-only token) falls back to every file, with the status and a hint', async () => {
    const fake = fakeOctokit([], requestError(403, 'Resource not accessible by integration'));
    assert.deepEqual(await decideScope('auto', PR, 't', fake.octokitFor), {
      changed: null,
      log: [
        {
          level: 'warning',
          text:
            "relaygate: scope auto: could not list the pull request's changed files: 403 Resource not accessible by integration " +
            "(a fork's pull request gets a read-only token; give the workflow `permissions: pull-requests: read`); reporting findings in every file instead.",
        },
      ],
    });
  });

  it('a network error falls back too, with only the first line of its message', async () => {
    const fake = fakeOctokit([], new Error('connect ECONNREFUSED 127.0.0.1:9\n    at internal'));
    const decision = await decideScope('changed', PR, 't', fake.octokitFor);
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
    const fake = fakeOctokit(files);
    const decision = await decideScope('auto', { ...PR, changedFiles: 3200 }, 't', fake.octokitFor);
    assert.equal(decision.changed, null);
    assert.deepEqual(decision.log, [
      {
        level: 'warning',
        text: 'relaygate: scope auto: the API listed 3000 of 3200 changed files (it lists at most 3000); reporting findings in every file instead.',
      },
    ]);
  });

  it('a pull request event without a number is treated as not a pull request', async () => {
    const fake = fakeOctokit(['x']);
    assert.deepEqual(await decideScope('auto', { ...PR, pullNumber: null }, 't', fake.octokitFor), { changed: null, log: [] });
  });
});
