import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { EventError, runContext } from '../../src/github/event.js';

const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-event-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function payload(text: string): string {
  const file = path.join(dir, `event${n++}.json`);
  writeFileSync(file, text);
  return file;
}

const HEAD = '3'.repeat(40);
const BASE = '1'.repeat(40);
const MERGE = '2'.repeat(40);

describe('runContext', () => {
  it('reads the pull request number, changed_files, head and base commits, file links and the run page', () => {
    const file = payload(
      JSON.stringify({
        number: 7,
        pull_request: { number: 7, changed_files: 2, head: { sha: HEAD }, base: { sha: BASE } },
        repository: { name: 'infra', owner: { login: 'example' } },
      }),
    );
    const env = {
      GITHUB_EVENT_PATH: file,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: 'example/infra',
      GITHUB_SHA: MERGE,
      GITHUB_SERVER_URL: 'https://github.example.com',
      GITHUB_RUN_ID: '42',
    };
    assert.deepEqual(runContext(env), {
      eventName: 'pull_request',
      owner: 'example',
      repo: 'infra',
      pullNumber: 7,
      changedFiles: 2,
      blobUrl: `https://github.example.com/example/infra/blob/${HEAD}`,
      headSha: HEAD,
      baseSha: BASE,
      runUrl: 'https://github.example.com/example/infra/actions/runs/42',
    });
  });

  it("on a push: GITHUB_SHA is the head, the payload's `before` the base; the repository from the payload", () => {
    const file = payload(JSON.stringify({ before: BASE, after: MERGE, repository: { name: 'infra', owner: { login: 'example' } } }));
    const c = runContext({ GITHUB_EVENT_PATH: file, GITHUB_EVENT_NAME: 'push', GITHUB_SHA: MERGE });
    assert.deepEqual(
      { owner: c.owner, repo: c.repo, head: c.headSha, base: c.baseSha, pull: c.pullNumber, blob: c.blobUrl, run: c.runUrl },
      { owner: 'example', repo: 'infra', head: MERGE, base: BASE, pull: null, blob: `https://github.com/example/infra/blob/${MERGE}`, run: null },
    );
    // A new branch's push has before = 000…0: there is no previous commit.
    assert.equal(runContext({ GITHUB_EVENT_PATH: payload(JSON.stringify({ before: '0'.repeat(40) })), GITHUB_EVENT_NAME: 'push' }).baseSha, null);
  });

  it('treats fields of the wrong type as absent, and a missing payload file as an empty event', () => {
    const file = payload(JSON.stringify({ pull_request: { number: '7', head: { sha: 'not-a-sha' }, base: null }, repository: 'x' }));
    const c = runContext({ GITHUB_EVENT_PATH: file, GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: MERGE });
    assert.deepEqual([c.pullNumber, c.headSha, c.baseSha, c.owner, c.repo], [null, MERGE, null, '', '']);
    const none = runContext({ GITHUB_EVENT_PATH: path.join(dir, 'missing.json'), GITHUB_EVENT_NAME: 'push' });
    assert.deepEqual([none.pullNumber, none.baseSha, none.headSha], [null, null, '']);
  });

  it('a payload that is not JSON, or not an object, is an EventError with one line naming GITHUB_EVENT_PATH', () => {
    const bad = payload('{"pull_request": {"number": 7,');
    assert.throws(
      () => runContext({ GITHUB_EVENT_PATH: bad, GITHUB_EVENT_NAME: 'pull_request' }),
      (e: unknown) => e instanceof EventError && /^GITHUB_EVENT_PATH: the event payload .*event\d+\.json is not valid JSON: [^\n]+$/.test(e.message),
    );
    for (const text of ['null', '[]', '"x"']) {
      assert.throws(
        () => runContext({ GITHUB_EVENT_PATH: payload(text), GITHUB_EVENT_NAME: 'push' }),
        (e: unknown) => e instanceof EventError && /is not a JSON object$/.test(e.message),
        text,
      );
    }
    assert.throws(() => runContext({ GITHUB_EVENT_PATH: dir, GITHUB_EVENT_NAME: 'push' }), /cannot read the event payload .*EISDIR/);
  });
});
