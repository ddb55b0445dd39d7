/**
 * The committed action bundle, run as the Actions runner runs a `node24`
 * action: `node dist/index.js` in the workspace, inputs as INPUT_* variables,
 * outputs and summary through the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
 * These tests catch what unit tests cannot: a bundle that throws at load
 * time (ncc + CommonJS), wrong input names, outputs in the wrong format,
 * annotations on the wrong path, and log injection from scanned files.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it, type TestContext } from 'node:test';
import {
  type ActionRun,
  copyExamples,
  EXAMPLE_FINDINGS,
  expectedKeys,
  fakeGitHub,
  findingKey,
  type NodeRuntime,
  pullRequestCheckout,
  pullRequestEvent,
  pushEvent,
  type RecordedRequest,
  removeDir,
  requireNode24,
  runAction,
  runActionAsync,
  secondNode,
  tempDir,
  workflowCommands,
  writeTree,
} from '../helpers/e2e.js';

const cleanup: string[] = [];
after(() => cleanup.forEach(removeDir));

function workspace(prefix: string): string {
  const dir = tempDir(prefix);
  cleanup.push(dir);
  return dir;
}

function run(options: Parameters<typeof runAction>[0]): ActionRun {
  const r = runAction(options);
  cleanup.push(r.runnerTemp);
  return r;
}

/** Makes a failed assertion show what the action printed. */
function explain(r: ActionRun): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}\n--- GITHUB_OUTPUT\n${r.outputFile}`;
}

const BASE_INPUTS = {
  path: '.',
  profile: 'gen004710',
  'fail-on': 'error',
  annotations: 'commands',
  summary: 'true',
  sarif: 'relaygate.sarif',
  scope: 'all',
  token: '',
};

const ACTIVE_ERRORS = EXAMPLE_FINDINGS.filter((f) => !f.suppressed && f.level === 'error');

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    results: {
      ruleId: string;
      suppressions?: unknown[];
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } } }[];
    }[];
  }[];
}

/** The whole contract of one run on the examples repository, checked under one Node. */
function assertOpenExamplesRun(r: ActionRun, ws: string, prefix: string): void {
  assert.equal(r.status, 1, explain(r));

  // Annotations: exactly one ::error per active finding, on the right file, line and column.
  const errors = workflowCommands(r.stdout).filter((c) => c.command === 'error' && c.properties.file !== undefined);
  assert.deepEqual(
    errors.map((c) => `${c.properties.file}:${c.properties.line}:${c.properties.col}`).sort(),
    ACTIVE_ERRORS.map((f) => `${prefix}${f.file}:${f.line}:${f.column}`).sort(),
    explain(r),
  );
  for (const c of errors) {
    assert.match(c.properties.title ?? '', /^relaygate (stig-postfix-relay|stig-sendmail-relay|postfix-open-relay|postfix-broad-mynetworks|sendmail-relay-feature|exim-open-relay|opensmtpd-open-relay)$/);
    assert.ok(c.message.length > 0);
  }
  const openMainCf = errors.find((c) => c.properties.file === `${prefix}open-relay/postfix/main.cf`);
  assert.ok(openMainCf);
  assert.ok(
    openMainCf.raw.startsWith(`::error file=${prefix}open-relay/postfix/main.cf,line=29,col=29,`),
    `annotation line: ${openMainCf.raw}`,
  );
  assert.match(openMainCf.message, /permit/);

  // Outputs, in the heredoc format @actions/core 3 writes.
  assert.match(r.outputFile, /^result<<ghadelimiter_[0-9a-f-]+$/m);
  assert.equal(r.outputs.result, 'fail');
  assert.equal(r.outputs.findings, String(ACTIVE_ERRORS.length));
  assert.equal(r.outputs.errors, String(ACTIVE_ERRORS.length));
  assert.equal(r.outputs.warnings, '0');

  // The JSON report, where report-file says.
  const reportFile = r.outputs['report-file'] ?? '';
  assert.ok(reportFile.length > 0, explain(r));
  const reportPath = path.resolve(ws, reportFile);
  assert.ok(existsSync(reportPath), `report-file ${reportFile} does not exist`);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    schemaVersion: number;
    summary: { result: string; findings: number; byLevel: Record<string, number> };
    findings: { ruleId: string; level: string; certainty: string; file: string; line: number; column: number; suppressed: unknown }[];
  };
  assert.equal(report.schemaVersion, 1);
  assert.equal(report.summary.result, 'fail');
  assert.equal(report.summary.findings, ACTIVE_ERRORS.length);
  assert.deepEqual(report.findings.map(findingKey).sort(), expectedKeys(prefix));

  // SARIF, where sarif-file says.
  const sarifFile = r.outputs['sarif-file'] ?? '';
  assert.ok(sarifFile.length > 0, explain(r));
  const sarifPath = path.resolve(ws, sarifFile);
  assert.equal(sarifPath, path.join(ws, 'relaygate.sarif'));
  const sarif = JSON.parse(readFileSync(sarifPath, 'utf8')) as SarifLog;
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  assert.ok(run0);
  assert.equal(run0.tool.driver.name, 'relaygate');
  const ruleIds = run0.tool.driver.rules.map((x) => x.id);
  assert.ok(ruleIds.includes('stig-postfix-relay') && ruleIds.includes('stig-sendmail-relay'));
  const results = run0.results.map((x) => {
    const loc = x.locations[0]?.physicalLocation;
    return `${loc?.artifactLocation.uri}:${loc?.region.startLine} ${x.ruleId}${x.suppressions?.length ? ' suppressed' : ''}`;
  });
  assert.deepEqual(
    results.sort(),
    EXAMPLE_FINDINGS.map((f) => `${prefix}${f.file}:${f.line} ${f.ruleId}${f.suppressed ? ' suppressed' : ''}`).sort(),
  );

  // Job summary: the verdict and a table row for the open main.cf.
  assert.match(r.summary, /relaygate: fail/);
  // (<wbr> lets long paths break in the table; it is not part of the path.)
  const row = r.summary.split('\n').find((l) => l.replace(/<wbr>/g, '').includes(`${prefix}open-relay/postfix/main.cf:29`));
  assert.ok(row, `no summary row for the open main.cf:\n${r.summary}`);
  assert.ok(row.startsWith('| ❌ | '), row);
  const section = r.summary.slice(0, r.summary.indexOf(row));
  assert.ok(section.lastIndexOf('#### [`stig-postfix-relay`]') > section.lastIndexOf('#### ['.concat('`stig-sendmail-relay`')), 'the row sits under its rule');
}

function actionSuite(runtime: (t: TestContext) => NodeRuntime | null, label: string): void {
  describe(`dist/index.js under ${label}`, () => {
    it('fails on the open examples: exit 1, annotations, outputs, report, SARIF, summary (push event)', (t: TestContext) => {
      const node = runtime(t);
      if (!node) return;
      t.diagnostic(`node: ${node.binary} ${node.version}`);
      const ws = workspace('ws-push');
      copyExamples(ws);
      const r = run({ node: node.binary, workspace: ws, inputs: BASE_INPUTS, eventName: 'push', event: pushEvent() });
      assertOpenExamplesRun(r, ws, '');
    });

    it('reports paths relative to the repository root when `path` is a subfolder', (t: TestContext) => {
      const node = runtime(t);
      if (!node) return;
      const ws = workspace('ws-sub');
      copyExamples(ws, 'examples');
      const r = run({
        node: node.binary,
        workspace: ws,
        inputs: { ...BASE_INPUTS, path: 'examples' },
        eventName: 'push',
        event: pushEvent(),
      });
      assertOpenExamplesRun(r, ws, 'examples/');
    });

    it("with only action.yml's defaults (no `with:`): fails, annotates, no SARIF", (t: TestContext) => {
      const node = runtime(t);
      if (!node) return;
      const ws = workspace('ws-defaults');
      copyExamples(ws);
      const r = run({ node: node.binary, workspace: ws, inputs: {}, eventName: 'push', event: pushEvent() });
      assert.equal(r.status, 1, explain(r));
      assert.equal(r.outputs.result, 'fail');
      assert.equal(r.outputs.findings, String(ACTIVE_ERRORS.length));
      assert.equal(r.outputs['sarif-file'], '');
      assert.equal(workflowCommands(r.stdout).filter((c) => c.command === 'error' && c.properties.file).length, ACTIVE_ERRORS.length);
      assert.match(r.summary, /relaygate: fail/);
    });

    it('passes (exit 0, result=pass) with fail-on: never, still annotating', (t: TestContext) => {
      const node = runtime(t);
      if (!node) return;
      const ws = workspace('ws-never');
      copyExamples(ws);
      const r = run({
        node: node.binary,
        workspace: ws,
        inputs: { ...BASE_INPUTS, 'fail-on': 'never' },
        eventName: 'push',
        event: pushEvent(),
      });
      assert.equal(r.status, 0, explain(r));
      assert.equal(r.outputs.result, 'pass');
      assert.equal(r.outputs.findings, String(ACTIVE_ERRORS.length));
      assert.equal(workflowCommands(r.stdout).filter((c) => c.command === 'error' && c.properties.file).length, ACTIVE_ERRORS.length);
    });

    it('passes on a repository with only safe configurations: exit 0, no annotations, result=pass', (t: TestContext) => {
      const node = runtime(t);
      if (!node) return;
      const ws = workspace('ws-safe');
      copyExamples(ws);
      for (const open of ['open-relay', 'submission-override', 'suppressed', 'sendmail/open', 'ansible', 'docker', 'exim/open', 'opensmtpd/open']) removeDir(path.join(ws, open));
      const r = run({ node: node.binary, workspace: ws, inputs: BASE_INPUTS, eventName: 'push', event: pushEvent() });
      assert.equal(r.status, 0, explain(r));
      assert.equal(r.outputs.result, 'pass');
      assert.equal(r.outputs.findings, '0');
      assert.equal(r.outputs.errors, '0');
      assert.equal(r.outputs.warnings, '0');
      assert.deepEqual(
        workflowCommands(r.stdout).filter((c) => ['error', 'warning'].includes(c.command)),
        [],
        explain(r),
      );
      assert.match(r.summary, /relaygate: pass/);
    });

    it('annotations: none prints no annotation but still fails the job', (t: TestContext) => {
      const node = runtime(t);
      if (!node) return;
      const ws = workspace('ws-none');
      writeTree(ws, { 'postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n' });
      const r = run({
        node: node.binary,
        workspace: ws,
        inputs: { ...BASE_INPUTS, annotations: 'none', sarif: '' },
        eventName: 'push',
        event: pushEvent(),
      });
      assert.equal(r.status, 1, explain(r));
      assert.equal(r.outputs.result, 'fail');
      assert.equal(r.outputs['sarif-file'] ?? '', '');
      assert.deepEqual(workflowCommands(r.stdout).filter((c) => c.properties.file !== undefined), [], explain(r));
    });

    it('runs on a pull_request event without a token (fork-like): same verdict, no crash', (t: TestContext) => {
      const node = runtime(t);
      if (!node) return;
      const ws = workspace('ws-pr');
      writeTree(ws, { 'postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, permit\n' });
      const r = run({
        node: node.binary,
        workspace: ws,
        inputs: { ...BASE_INPUTS, scope: 'auto', sarif: '' },
        eventName: 'pull_request',
        event: pullRequestEvent(),
      });
      assert.equal(r.status, 1, explain(r));
      assert.equal(r.outputs.result, 'fail');
      const errors = workflowCommands(r.stdout).filter((c) => c.command === 'error' && c.properties.file);
      // Line 1: without compatibility_level and relay restrictions smtpd refuses to start (postfix-open-relay).
      assert.deepEqual(errors.map((c) => `${c.properties.file}:${c.properties.line}:${c.properties.col}`), ['postfix/main.cf:1:1', 'postfix/main.cf:2:29']);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });

    it('rejects a bad input with one clear error naming the input (exit 1, no stack trace)', (t: TestContext) => {
      const node = runtime(t);
      if (!node) return;
      const ws = workspace('ws-bad');
      writeTree(ws, { 'postfix/main.cf': 'inet_interfaces = loopback-only\n' });
      const r = run({
        node: node.binary,
        workspace: ws,
        inputs: { ...BASE_INPUTS, 'fail-on': 'sometimes' },
        eventName: 'push',
        event: pushEvent(),
      });
      assert.equal(r.status, 1, explain(r));
      const errors = workflowCommands(r.stdout).filter((c) => c.command === 'error');
      assert.equal(errors.length, 1, explain(r));
      assert.match(errors[0]?.message ?? '', /fail-on/);
      assert.match(errors[0]?.message ?? '', /sometimes/);
      assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /, 'no stack trace');
    });

    it('never lets scanned text start a log line (no workflow-command injection)', (t: TestContext) => {
      const node = runtime(t);
      if (!node) return;
      const ws = workspace('ws-inject');
      writeTree(ws, {
        // Continuation lines are part of the value: the finding's message quotes it.
        'postfix/main.cf':
          'inet_interfaces = all\n' +
          'smtpd_client_restrictions = permit_mynetworks, permit\n' +
          '  ::stop-commands::pwned\n' +
          '  ::error::x\n' +
          'myhostname = ::add-mask::secret\n',
        // A folder name is scanned text too: it ends up in file= and in messages.
        '::error::y/postfix/main.cf': 'smtpd_client_restrictions = permit\n',
      });
      const r = run({
        node: node.binary,
        workspace: ws,
        inputs: { ...BASE_INPUTS, sarif: '' },
        eventName: 'push',
        event: pushEvent(),
      });
      assert.equal(r.status, 1, explain(r));
      for (const stream of [r.stdout, r.stderr]) {
        for (const line of stream.split(/\r?\n/)) {
          const start = line.trimStart(); // the runner trims before it looks for `::`
          assert.ok(!start.startsWith('::stop-commands::'), `injected: ${line}`);
          assert.ok(!start.startsWith('::error::x') && !start.startsWith('::error::y'), `injected: ${line}`);
          assert.ok(!start.startsWith('::add-mask::'), `injected: ${line}`);
          // Every workflow command is one the action itself issues, with escaped properties.
          if (start.startsWith('::')) {
            assert.match(start, /^::(error|warning|notice|debug|group|endgroup)[ :]/, `unexpected command: ${line}`);
            const head = start.slice(2, start.indexOf('::', 2));
            assert.doesNotMatch(head.slice(head.indexOf(' ') + 1), /::/, `unescaped property: ${line}`);
          }
        }
      }
      const files = workflowCommands(r.stdout)
        .filter((c) => c.command === 'error' && c.properties.file)
        .map((c) => `${c.properties.file}:${c.properties.line}`)
        .sort();
      // Each file has a stig-postfix-relay finding and, at line 1, postfix-open-relay's "refuses to start".
      assert.deepEqual(files, ['::error::y/postfix/main.cf:1', '::error::y/postfix/main.cf:1', 'postfix/main.cf:1', 'postfix/main.cf:2']);
    });
  });
}

describe('dist/index.js pull-request scope against a fake GitHub API (Node 24)', () => {
  const filesOf7 = (files: string[]) => (req: RecordedRequest) =>
    req.url.startsWith('/repos/example/infra/pulls/7/files')
      ? { status: 200, body: files.map((filename) => ({ filename, status: 'modified' })) }
      : { status: 404, body: { message: 'Not Found' } };

  it('scope auto on a pull request reports only the changed files', async (t) => {
    const node = requireNode24(t);
    if (!node) return;
    const api = await fakeGitHub(filesOf7(['open-relay/postfix/main.cf', 'README.md']));
    try {
      const ws = workspace('ws-pr-scope');
      copyExamples(ws);
      const r = await runActionAsync({
        node: node.binary,
        workspace: ws,
        inputs: { ...BASE_INPUTS, scope: 'auto', sarif: '', token: 'ghs_relaygate_test' },
        eventName: 'pull_request',
        event: pullRequestCheckout(ws),
        apiUrl: api.url,
      });
      cleanup.push(r.runnerTemp);
      assert.equal(r.status, 1, explain(r));
      assert.equal(r.outputs.findings, '1');
      const errors = workflowCommands(r.stdout).filter((c) => c.command === 'error' && c.properties.file);
      assert.deepEqual(errors.map((c) => `${c.properties.file}:${c.properties.line}:${c.properties.col}`), ['open-relay/postfix/main.cf:29:29']);
      assert.ok(api.requests.length >= 1, 'the action never asked for the changed files');
      assert.ok(api.requests.every((q) => q.method === 'GET' && q.url.startsWith('/repos/example/infra/pulls/7/files')), JSON.stringify(api.requests));
      assert.match(api.requests[0]?.authorization ?? '', /ghs_relaygate_test$/);
    } finally {
      await api.close();
    }
  });

  it('a pull request that changes only safe files passes', async (t) => {
    const node = requireNode24(t);
    if (!node) return;
    const api = await fakeGitHub(filesOf7(['safe/postfix/main.cf']));
    try {
      const ws = workspace('ws-pr-safe');
      copyExamples(ws);
      const r = await runActionAsync({
        node: node.binary,
        workspace: ws,
        inputs: { ...BASE_INPUTS, scope: 'auto', sarif: '', token: 'ghs_relaygate_test' },
        eventName: 'pull_request',
        event: pullRequestCheckout(ws),
        apiUrl: api.url,
      });
      cleanup.push(r.runnerTemp);
      assert.equal(r.status, 0, explain(r));
      assert.equal(r.outputs.result, 'pass');
      assert.equal(r.outputs.findings, '0');
    } finally {
      await api.close();
    }
  });

  it("a fork's read-only token (403) falls back to every file, with a warning", async (t) => {
    const node = requireNode24(t);
    if (!node) return;
    const api = await fakeGitHub(() => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
    try {
      const ws = workspace('ws-pr-fork');
      copyExamples(ws);
      const r = await runActionAsync({
        node: node.binary,
        workspace: ws,
        inputs: { ...BASE_INPUTS, scope: 'auto', sarif: '', token: 'ghs_read_only' },
        eventName: 'pull_request',
        event: pullRequestEvent(),
        apiUrl: api.url,
      });
      cleanup.push(r.runnerTemp);
      assert.equal(r.status, 1, explain(r));
      assert.equal(r.outputs.findings, String(ACTIVE_ERRORS.length));
      const warnings = workflowCommands(r.stdout).filter((c) => c.command === 'warning');
      assert.equal(warnings.length, 1, explain(r));
      assert.match(warnings[0]?.message ?? '', /every file/);
      assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      await api.close();
    }
  });
});

// The runner's Node major first; then, when the tests themselves run on
// another Node (a system Node 20 outside `npm test`), that one too.
actionSuite(requireNode24, 'Node 24 (the runner’s node24)');
const other = secondNode();
if (other) actionSuite(() => other, other.name);
