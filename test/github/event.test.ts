import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';

// @actions/github reads the event when it is first imported, so the
// environment is set before the (only) import in this process.
it('runContext reads the pull request number, changed_files and the head commit for file links', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-event-'));
  const saved = { ...process.env };
  try {
    const event = path.join(dir, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        number: 7,
        pull_request: { number: 7, changed_files: 2, head: { sha: '3'.repeat(40) } },
        repository: { name: 'infra', owner: { login: 'example' } },
      }),
    );
    Object.assign(process.env, {
      GITHUB_EVENT_PATH: event,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: 'example/infra',
      GITHUB_SHA: '2'.repeat(40),
      GITHUB_SERVER_URL: 'https://github.example.com',
    });
    const { runContext } = await import('../../src/github/event.js');
    assert.deepEqual(runContext(), {
      eventName: 'pull_request',
      owner: 'example',
      repo: 'infra',
      pullNumber: 7,
      changedFiles: 2,
      blobUrl: `https://github.example.com/example/infra/blob/${'3'.repeat(40)}`,
    });
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(dir, { recursive: true, force: true });
  }
});
