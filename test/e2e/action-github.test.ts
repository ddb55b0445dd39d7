/**
 * The committed action bundle against a fake GitHub REST API on loopback
 * (GITHUB_API_URL), run as the runner runs it. Every request the action
 * makes is recorded, so these tests see exactly what GitHub would see:
 * check runs and their annotation batches, retries, the files API's
 * pages, the review and its suggestions. The last tests use a real local
 * git repository for `scope: new`.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it, type TestContext } from 'node:test';
import {
  type ActionRun,
  type ActionRunOptions,
  copyExamples,
  type FakeAnswer,
  fakeGitHub,
  type FakeGitHub,
  pagedFiles,
  pullRequestCheckout,
  pullRequestEvent,
  pushEvent,
  type RecordedRequest,
  removeDir,
  requireNode24,
  runActionAsync,
  tempDir,
  workflowCommands,
  writeTree,
} from '../helpers/e2e.js';
import { checkoutAt, git, pullRequestRepo } from '../helpers/git-repo.js';
import { LOOPBACK_IMAGE } from '../helpers/regrouped-image.js';

const cleanup: string[] = [];
after(() => cleanup.forEach(removeDir));

function workspace(prefix: string): string {
  const dir = tempDir(prefix);
  cleanup.push(dir);
  return dir;
}

function explain(r: ActionRun, api?: FakeGitHub): string {
  const requests = api ? api.requests.map((q) => `${q.method} ${q.url}`).join('\n') : '';
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}\n--- GITHUB_OUTPUT\n${r.outputFile}\n--- requests\n${requests}`;
}

const HEAD = '3333333333333333333333333333333333333333';
const TOKEN = 'ghs_relaygate_e2e_token';
const INPUTS = { path: '.', 'fail-on': 'error', summary: 'true', sarif: '', scope: 'all', annotations: 'auto', token: TOKEN };

type Route = (req: RecordedRequest, self: string) => FakeAnswer | null;
const NOT_FOUND: FakeAnswer = { status: 404, body: { message: 'Not Found' } };

/** Answers the first route that does, else 404; counts calls per route key. */
function router(...routes: Route[]): (req: RecordedRequest, self: string) => FakeAnswer {
  return (req, self) => {
    for (const r of routes) {
      const a = r(req, self);
      if (a) return a;
    }
    return NOT_FOUND;
  };
}

const createdCheckRun: Route = (req) =>
  req.method === 'POST' && req.path === '/repos/example/infra/check-runs'
    ? { status: 201, body: { id: 99, html_url: 'https://github.com/example/infra/runs/99' } }
    : null;
const updatedCheckRun: Route = (req) =>
  req.method === 'PATCH' && req.path === '/repos/example/infra/check-runs/99' ? { status: 200, body: { id: 99 } } : null;
const filesOf7 = (files: object[]): Route => (req, self) =>
  req.method === 'GET' && req.path === '/repos/example/infra/pulls/7/files' ? pagedFiles(files, req, self) : null;

/**
 * `n` folders, each with a main.cf that opens a relay on line 2, column 29
 * (for the STIG rule; a Postfix 3 that starts, so the open-relay rules say nothing).
 */
function openRelays(ws: string, n: number): string[] {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`site${String(i).padStart(2, '0')}/postfix/main.cf`] = 'inet_interfaces = all\nsmtpd_client_restrictions = permit\ncompatibility_level = 3.6\n';
  writeTree(ws, files);
  return Object.keys(files).sort();
}

async function run(t: TestContext, api: FakeGitHub, options: Omit<ActionRunOptions, 'node'>): Promise<ActionRun | null> {
  const node = requireNode24(t);
  if (!node) return null;
  const r = await runActionAsync({ ...options, node: node.binary, apiUrl: api.url });
  cleanup.push(r.runnerTemp);
  return r;
}

interface CheckRunBody {
  name: string;
  head_sha: string;
  status?: string;
  conclusion?: string;
  output: { title: string; summary: string; annotations?: { path: string; start_line: number; start_column?: number; annotation_level: string }[] };
}

function noStackTrace(r: ActionRun): void {
  assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at [^\n]*:\d+:\d+/, 'no stack trace');
}

describe('dist/index.js against a fake GitHub API (Node 24)', () => {
  it('60 findings: one check run on the head sha, every annotation in batches of at most 50, conclusion failure', async (t) => {
    const api = await fakeGitHub(router(filesOf7([]), createdCheckRun, updatedCheckRun));
    try {
      const ws = workspace('gh-checks');
      const files = openRelays(ws, 60);
      const r = await run(t, api, { workspace: ws, inputs: INPUTS, eventName: 'pull_request', event: pullRequestEvent() });
      if (!r) return;
      assert.equal(r.status, 1, explain(r, api));
      assert.equal(r.outputs.result, 'fail');
      assert.equal(r.outputs.findings, '60');
      const writes = api.requests.filter((q) => q.method !== 'GET');
      assert.deepEqual(
        writes.map((q) => `${q.method} ${q.path}`),
        ['POST /repos/example/infra/check-runs', 'PATCH /repos/example/infra/check-runs/99'],
        explain(r, api),
      );
      const [create, update] = writes.map((q) => q.body as CheckRunBody);
      assert.equal(create!.name, 'relaygate');
      assert.equal(create!.head_sha, HEAD, 'the pull request head, not the merge commit GITHUB_SHA');
      assert.equal(create!.status, 'in_progress');
      assert.equal(update!.status, 'completed');
      assert.equal(update!.conclusion, 'failure');
      assert.equal(update!.output.title, '60 findings: 60 errors, 0 warnings, 0 notes');
      assert.match(update!.output.summary, /site00\/postfix\/main\.cf/);
      assert.ok(update!.output.summary.length <= 65_535);
      const batches = [create!.output.annotations ?? [], update!.output.annotations ?? []];
      assert.deepEqual(batches.map((b) => b.length), [50, 10]);
      assert.deepEqual(
        batches.flat().map((a) => `${a.path}:${a.start_line}:${a.start_column} ${a.annotation_level}`).sort(),
        files.map((f) => `${f}:2:29 failure`),
      );
      assert.ok(writes.every((q) => q.authorization === `token ${TOKEN}`));
      // No workflow-command annotation besides setFailed's line; the token is masked, never printed.
      const commands = workflowCommands(r.stdout);
      assert.deepEqual(commands.filter((c) => c.command === 'error').map((c) => c.message), ['relaygate: 60 findings at or above fail-on error (60 errors, 0 warnings, 0 notes)']);
      assert.deepEqual(commands.filter((c) => c.command === 'add-mask').map((c) => c.message), [TOKEN]);
      assert.equal((r.stdout + r.stderr).split(TOKEN).length - 1, 1, 'the token appears only in its add-mask line');
    } finally {
      await api.close();
    }
  });

  it('the changed file on page 2 of the files API: both pages read, scoped to it', async (t) => {
    const listed = [
      ...Array.from({ length: 100 }, (_, i) => ({ filename: `docs/page${i}.md`, status: 'modified' })),
      { filename: 'open-relay/postfix/main.cf', status: 'modified', patch: '@@ -28,2 +28,2 @@\n # x\n-smtpd_client_restrictions = reject\n+smtpd_client_restrictions = permit_mynetworks, permit' },
    ];
    const api = await fakeGitHub(router(filesOf7(listed)));
    try {
      const ws = workspace('gh-page2');
      copyExamples(ws);
      const event = pullRequestCheckout(ws);
      const r = await run(t, api, {
        workspace: ws,
        inputs: { ...INPUTS, scope: 'auto', annotations: 'commands' },
        eventName: 'pull_request',
        event: { ...event, pull_request: { ...event.pull_request, changed_files: 101 } },
      });
      if (!r) return;
      assert.equal(r.status, 1, explain(r, api));
      assert.deepEqual(
        api.requests.map((q) => `${q.method} ${q.path} page=${q.query.get('page') ?? '1'} per_page=${q.query.get('per_page')}`),
        ['GET /repos/example/infra/pulls/7/files page=1 per_page=100', 'GET /repos/example/infra/pulls/7/files page=2 per_page=100'],
      );
      assert.equal(r.outputs.findings, '1');
      const errors = workflowCommands(r.stdout).filter((c) => c.command === 'error' && c.properties.file);
      assert.deepEqual(errors.map((c) => `${c.properties.file}:${c.properties.line}:${c.properties.col}`), ['open-relay/postfix/main.cf:29:29']);
      assert.match(r.stdout, /scope auto: reporting findings of the configurations whose inputs the 101 file\(s\) pull request #7 changes touch/);
    } finally {
      await api.close();
    }
  });

  it('a pull request that changes only master.cf (smtpd off loopback): the relay main.cf opens is reported, the scope said', async (t) => {
    const listed = [{ filename: 'loopback-service/postfix/master.cf', status: 'modified', patch: '@@ -6 +6 @@\n-127.0.0.1:smtp inet n - y - - smtpd\n+smtp      inet n - y - - smtpd' }];
    const api = await fakeGitHub(router(filesOf7(listed)));
    try {
      const ws = workspace('gh-master-only');
      copyExamples(ws);
      const master = path.join(ws, 'loopback-service/postfix/master.cf');
      const event = pullRequestCheckout(ws, { 'loopback-service/postfix/master.cf': readFileSync(master, 'utf8').replace('127.0.0.1:smtp inet', 'smtp      inet') });
      const r = await run(t, api, {
        workspace: ws,
        inputs: { ...INPUTS, scope: 'auto', annotations: 'commands' },
        eventName: 'pull_request',
        event: { ...event, pull_request: { ...event.pull_request, changed_files: 1 } },
      });
      if (!r) return;
      assert.equal(r.status, 1, explain(r, api));
      assert.equal(r.outputs.result, 'fail');
      assert.equal(r.outputs.findings, '1');
      const errors = workflowCommands(r.stdout).filter((c) => c.command === 'error' && c.properties.file);
      assert.deepEqual(errors.map((c) => `${c.properties.file}:${c.properties.line}:${c.properties.col}`), ['loopback-service/postfix/main.cf:1:1']);
      assert.match(r.stdout, /Scope: 1 changed file, 1 configuration touched; \d+ findings outside it not reported\./);
      assert.match(r.summary, /scope: 1 changed file touching 1 configuration · \d+ findings hidden/);
    } finally {
      await api.close();
    }
  });

  it('a pull request that deletes a Dockerfile: the script it ran, judged alone now, is reported; the base commit said', async (t) => {
    const listed = [{ filename: 'img/Dockerfile', status: 'removed' }];
    const api = await fakeGitHub(router(filesOf7(listed)));
    try {
      const ws = workspace('gh-dockerfile-gone');
      writeTree(ws, { ...LOOPBACK_IMAGE });
      const event = pullRequestCheckout(ws);
      rmSync(path.join(ws, 'img/Dockerfile'));
      git(ws, 'commit', '-q', '-am', 'image: no Dockerfile');
      const r = await run(t, api, {
        workspace: ws,
        inputs: { ...INPUTS, scope: 'auto', annotations: 'commands', indeterminate: 'error' },
        eventName: 'pull_request',
        event: { ...event, pull_request: { ...event.pull_request, changed_files: 1 } },
      });
      if (!r) return;
      assert.equal(r.status, 1, explain(r, api));
      assert.equal(r.outputs.findings, '3');
      const errors = workflowCommands(r.stdout).filter((c) => c.command === 'error' && c.properties.file);
      assert.deepEqual(errors.map((c) => `${c.properties.file}:${c.properties.line}:${c.properties.col}`), ['img/setup.sh:2:13', 'img/setup.sh:2:24', 'img/setup.sh:2:59']);
      assert.match(r.stdout, /relaygate: scope auto: compared with [0-9a-f]{12}, the merge base of HEAD and the pull request's base: a configuration with a file that a changed path grouped there is in scope too\./);
      assert.match(r.stdout, /Scope: 1 changed file, 1 configuration touched; no finding outside it\./);
    } finally {
      await api.close();
    }
  });

  it('403 on check runs: workflow commands instead, the total said, the job failed, no stack trace', async (t) => {
    const forbidden: Route = (req) =>
      req.path.endsWith('/check-runs') ? { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } } : null;
    const api = await fakeGitHub(router(filesOf7([]), forbidden));
    try {
      const ws = workspace('gh-403');
      openRelays(ws, 12);
      const r = await run(t, api, { workspace: ws, inputs: INPUTS, eventName: 'pull_request', event: pullRequestEvent() });
      if (!r) return;
      assert.equal(r.status, 1, explain(r, api));
      assert.equal(api.requests.filter((q) => q.path.endsWith('/check-runs')).length, 1, 'a 403 is not retried');
      const commands = workflowCommands(r.stdout);
      const warnings = commands.filter((c) => c.command === 'warning');
      assert.equal(warnings.length, 1, explain(r, api));
      assert.match(warnings[0]!.message, /^relaygate: annotations auto: could not create the check run: 403 Resource not accessible by integration.*`permissions: checks: write`.*; annotating with workflow commands instead\.$/);
      const errors = commands.filter((c) => c.command === 'error');
      // Nine annotations plus setFailed's line: the runner shows ten errors per step and drops the rest.
      assert.equal(errors.filter((c) => c.properties.file).length, 9);
      assert.equal(errors.length, 10);
      assert.equal(errors.at(-1)!.message, 'relaygate: 12 findings at or above fail-on error (12 errors, 0 warnings, 0 notes)');
      const notices = commands.filter((c) => c.command === 'notice');
      assert.equal(notices.length, 1);
      assert.match(notices[0]!.message, /^relaygate found 12 findings \(12 errors, 0 warnings, 0 notes\); 9 annotated, 3 not annotated .* See all of them in the job summary, the JSON report \(output report-file\)\.$/);
      noStackTrace(r);
    } finally {
      await api.close();
    }
  });

  it('a 500 on creating the check run is retried, then succeeds', async (t) => {
    let failures = 0;
    const flaky: Route = (req) =>
      req.method === 'POST' && req.path.endsWith('/check-runs') && failures++ === 0 ? { status: 500, body: { message: 'Server Error' } } : null;
    const api = await fakeGitHub(router(flaky, createdCheckRun));
    try {
      const ws = workspace('gh-500');
      openRelays(ws, 2);
      const r = await run(t, api, { workspace: ws, inputs: INPUTS, eventName: 'push', event: pushEvent() });
      if (!r) return;
      assert.equal(r.status, 1, explain(r, api));
      assert.deepEqual(api.requests.map((q) => `${q.method} ${q.path}`), ['POST /repos/example/infra/check-runs', 'POST /repos/example/infra/check-runs']);
      const body = api.requests[1]!.body as CheckRunBody;
      assert.equal(body.head_sha, '2222222222222222222222222222222222222222', 'GITHUB_SHA on a push');
      assert.deepEqual([body.status, body.conclusion, body.output.annotations?.length], ['completed', 'failure', 2]);
      assert.deepEqual(workflowCommands(r.stdout).filter((c) => c.command === 'warning'), []);
      assert.equal(workflowCommands(r.stdout).filter((c) => c.command === 'error' && c.properties.file).length, 0);
    } finally {
      await api.close();
    }
  });

  it('a secondary rate limit (403 with retry-after) is waited out and retried', async (t) => {
    let limited = 0;
    const slowDown: Route = (req) =>
      req.method === 'POST' && req.path.endsWith('/check-runs') && limited++ === 0
        ? { status: 403, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, headers: { 'retry-after': '1' } }
        : null;
    const api = await fakeGitHub(router(slowDown, createdCheckRun));
    try {
      const ws = workspace('gh-secondary');
      openRelays(ws, 1);
      const r = await run(t, api, { workspace: ws, inputs: INPUTS, eventName: 'push', event: pushEvent() });
      if (!r) return;
      assert.equal(r.status, 1, explain(r, api));
      assert.equal(api.requests.filter((q) => q.method === 'POST').length, 2, explain(r, api));
      assert.match(r.stdout, /relaygate: GitHub API secondary rate limit on POST \/repos\/\{owner\}\/\{repo\}\/check-runs; retrying in 1 s\./);
      assert.deepEqual(workflowCommands(r.stdout).filter((c) => c.command === 'warning'), []);
    } finally {
      await api.close();
    }
  });

  it('no token: workflow commands, and not a single API request', async (t) => {
    const api = await fakeGitHub(() => NOT_FOUND);
    try {
      const ws = workspace('gh-notoken');
      const files = openRelays(ws, 3);
      const r = await run(t, api, { workspace: ws, inputs: { ...INPUTS, token: '' }, eventName: 'pull_request', event: pullRequestEvent() });
      if (!r) return;
      assert.equal(r.status, 1, explain(r, api));
      assert.deepEqual(api.requests, []);
      const errors = workflowCommands(r.stdout).filter((c) => c.command === 'error' && c.properties.file);
      assert.deepEqual(errors.map((c) => c.properties.file).sort(), files);
      assert.match(r.stdout, /relaygate: annotations auto: no token \(input token is empty\), so no check run; annotating with workflow commands\./);
    } finally {
      await api.close();
    }
  });

  it('review: suggestions posts one review, commenting only on lines of the diff', async (t) => {
    const diffed = 'site00/postfix/main.cf';
    const files = [{ filename: diffed, status: 'added', patch: '@@ -0,0 +1,2 @@\n+inet_interfaces = all\n+smtpd_client_restrictions = permit' }];
    const review: Route = (req) =>
      req.path === '/repos/example/infra/pulls/7/reviews' && req.method === 'POST'
        ? { status: 200, body: { id: 5, html_url: 'https://github.com/example/infra/pull/7#pullrequestreview-5' } }
        : req.path === '/repos/example/infra/pulls/7/reviews' || req.path === '/repos/example/infra/pulls/7/comments'
          ? { status: 200, body: [] }
          : null;
    const api = await fakeGitHub(router(filesOf7(files), review));
    try {
      const ws = workspace('gh-review');
      openRelays(ws, 2);
      const r = await run(t, api, {
        workspace: ws,
        inputs: { ...INPUTS, annotations: 'commands', review: 'suggestions' },
        eventName: 'pull_request',
        event: pullRequestEvent(),
      });
      if (!r) return;
      assert.equal(r.status, 1, explain(r, api));
      const posts = api.requests.filter((q) => q.method === 'POST');
      assert.equal(posts.length, 1, explain(r, api));
      const body = posts[0]!.body as { commit_id: string; event: string; body: string; comments: { path: string; line: number; side: string; body: string }[] };
      assert.deepEqual([body.commit_id, body.event], [HEAD, 'COMMENT']);
      assert.deepEqual(body.comments.map((c) => `${c.path}:${c.line}:${c.side}`), [`${diffed}:2:RIGHT`]);
      assert.match(body.body, /- \[site01\/postfix\/main\.cf:2\]\(https:\/\/github\.com\/example\/infra\/blob\/3{40}\/site01\/postfix\/main\.cf#L2\) `stig-postfix-relay` \(error\)/);
      assert.doesNotMatch(body.body, /site00/);
      // A suggestion block exactly when the finding carries a mechanical fix; its text is the line with the fix applied.
      const report = JSON.parse(readFileSync(r.outputs['report-file']!, 'utf8')) as {
        findings: { file: string; replacements?: { line: number; column: number; endColumn: number; text: string }[] }[];
      };
      const reps = report.findings.find((f) => f.file === diffed)?.replacements;
      const block = /\n```suggestion\n([^\n]*)\n```\n/.exec(body.comments[0]!.body);
      if (reps && reps.length > 0) {
        let line = 'smtpd_client_restrictions = permit';
        for (const rep of [...reps].sort((a, b) => b.column - a.column)) line = line.slice(0, rep.column - 1) + rep.text + line.slice(rep.endColumn - 1);
        assert.equal(block?.[1], line, body.comments[0]!.body);
      } else {
        t.diagnostic('the rules gave this finding no replacements: the comment carries no suggestion block');
        assert.equal(block, null, body.comments[0]!.body);
      }
      assert.match(r.stdout, /relaygate: review posted: 1 comment on the diff \(\d suggestions?\), 1 finding listed in its body/);
    } finally {
      await api.close();
    }
  });

  it('a malformed event payload: one ::error line, result=error, no stack trace', async (t) => {
    const api = await fakeGitHub(() => NOT_FOUND);
    try {
      const ws = workspace('gh-event');
      openRelays(ws, 1);
      const r = await run(t, api, { workspace: ws, inputs: INPUTS, eventName: 'pull_request', event: {}, eventText: '{"pull_request": {"number": 7,' });
      if (!r) return;
      assert.equal(r.status, 1, explain(r));
      const errors = workflowCommands(r.stdout).filter((c) => c.command === 'error');
      assert.equal(errors.length, 1, explain(r));
      assert.match(errors[0]!.message, /^relaygate: GITHUB_EVENT_PATH: the event payload .*event\.json is not valid JSON: /);
      assert.equal(r.outputs.result, 'error');
      assert.deepEqual(api.requests, []);
      assert.equal(r.stderr, '');
      noStackTrace(r);
    } finally {
      await api.close();
    }
  });

  it('a sarif path through a symlinked folder is refused with one line and nothing written outside', async (t) => {
    const api = await fakeGitHub(() => NOT_FOUND);
    try {
      const ws = workspace('gh-sarif');
      const outside = workspace('gh-sarif-outside');
      openRelays(ws, 1);
      symlinkSync(outside, path.join(ws, 'reports'));
      const r = await run(t, api, { workspace: ws, inputs: { ...INPUTS, token: '', sarif: 'reports/relaygate.sarif' }, eventName: 'push', event: pushEvent() });
      if (!r) return;
      assert.equal(r.status, 1, explain(r));
      const errors = workflowCommands(r.stdout).filter((c) => c.command === 'error');
      assert.deepEqual(errors.map((c) => c.message), ['relaygate: input sarif: refusing to write reports/relaygate.sarif: reports is a symbolic link']);
      assert.equal(r.outputs.result, 'error');
      assert.deepEqual(readdirSync(outside), []);
    } finally {
      await api.close();
    }
  });
});

describe('dist/index.js scope: new against a local git repository (Node 24)', () => {
  const OPEN = 'inet_interfaces = all\nsmtpd_client_restrictions = permit\ncompatibility_level = 3.6\n';
  const SAFE = 'inet_interfaces = loopback-only\n';

  it('on the shallow test-merge checkout: reports only the relay the pull request adds', async (t) => {
    const dir = workspace('gh-new');
    // The base already has an open relay (known debt) and a safe one; the pull request opens the safe one.
    const repo = pullRequestRepo(
      path.join(dir, 'origin'),
      { 'legacy/postfix/main.cf': OPEN, 'edge/postfix/main.cf': SAFE },
      { 'edge/postfix/main.cf': OPEN },
      { 'README.md': 'base moved on\n' },
    );
    const ws = path.join(dir, 'ws');
    checkoutAt(repo.origin, ws, repo.merge, 1);
    const event = {
      ...pullRequestEvent(),
      pull_request: { number: 7, head: { sha: repo.head }, base: { sha: repo.base } },
    };
    const api = await fakeGitHub(() => NOT_FOUND);
    try {
      const r = await run(t, api, {
        workspace: ws,
        inputs: { ...INPUTS, scope: 'new', annotations: 'commands', token: '' },
        eventName: 'pull_request',
        event,
        env: { GITHUB_SHA: repo.merge },
      });
      if (!r) return;
      assert.equal(r.status, 1, explain(r));
      assert.equal(r.outputs.findings, '1');
      const errors = workflowCommands(r.stdout).filter((c) => c.command === 'error' && c.properties.file);
      assert.deepEqual(errors.map((c) => `${c.properties.file}:${c.properties.line}`), ['edge/postfix/main.cf:2']);
      assert.match(
        r.stdout,
        new RegExp(`relaygate: scope new: compared with ${repo.base.slice(0, 12)}, the first parent of the test-merge commit .*: 1 finding present there is not reported; 1 new finding\\.`),
      );
      const report = JSON.parse(readFileSync(r.outputs['report-file']!, 'utf8')) as { findings: { file: string }[] };
      assert.deepEqual(report.findings.map((f) => f.file), ['edge/postfix/main.cf']);
      // Unregistered before the action exits; its files are deleted by a process of their own, soon after.
      assert.equal(git(ws, 'worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length, 1, 'the base worktree is unregistered');
      const left = (): string[] => readdirSync(r.runnerTemp).filter((n) => n.startsWith('relaygate-base-'));
      for (let waited = 0; left().length > 0 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(left(), [], 'the base worktree is removed');
    } finally {
      await api.close();
    }
  });

  it('a pull request that only keeps the known debt passes', async (t) => {
    const dir = workspace('gh-new-pass');
    const repo = pullRequestRepo(path.join(dir, 'origin'), { 'legacy/postfix/main.cf': OPEN }, { 'README.md': 'docs\n' });
    const ws = path.join(dir, 'ws');
    checkoutAt(repo.origin, ws, repo.merge, 1);
    const api = await fakeGitHub(() => NOT_FOUND);
    try {
      const r = await run(t, api, {
        workspace: ws,
        inputs: { ...INPUTS, scope: 'new', annotations: 'commands', token: '' },
        eventName: 'pull_request',
        event: { ...pullRequestEvent(), pull_request: { number: 7, head: { sha: repo.head }, base: { sha: repo.base } } },
        env: { GITHUB_SHA: repo.merge },
      });
      if (!r) return;
      assert.equal(r.status, 0, explain(r));
      assert.deepEqual([r.outputs.result, r.outputs.findings], ['pass', '0']);
    } finally {
      await api.close();
    }
  });
});
