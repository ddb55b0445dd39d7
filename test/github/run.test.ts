import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Options } from '../../src/config/options.js';
import { EventError, type RunContext } from '../../src/github/event.js';
import { runAction, type ActionDeps } from '../../src/github/run.js';
import type { Finding } from '../../src/model/finding.js';
import type { ScanResult } from '../../src/scan.js';
import { VERSION } from '../../src/version.js';
import { finding } from '../report/fixture.js';
import { fakeApi } from './fake-api.js';

const PUSH: RunContext = {
  eventName: 'push',
  owner: 'example',
  repo: 'infra',
  pullNumber: null,
  changedFiles: null,
  blobUrl: null,
  headSha: '2'.repeat(40),
  baseSha: '1'.repeat(40),
  runUrl: null,
};

interface Recorded {
  outputs: Record<string, string>;
  failed: string[];
  info: string[];
  warnings: string[];
  stdout: string;
  summaries: string[];
  scanned: Options[];
  secrets: string[];
  /** Every call in order, as `method: first argument`, to check what came before what. */
  order: string[];
}

function harness(
  workspace: string,
  inputs: Record<string, string>,
  findings: Finding[] | Error,
  extra: Partial<ActionDeps> = {},
): { deps: ActionDeps; rec: Recorded } {
  const rec: Recorded = { outputs: {}, failed: [], info: [], warnings: [], stdout: '', summaries: [], scanned: [], secrets: [], order: [] };
  const deps: ActionDeps = {
    core: {
      getInput: (name) => {
        rec.order.push(`getInput: ${name}`);
        return inputs[name] ?? '';
      },
      setOutput: (name, value) => {
        rec.outputs[name] = value;
      },
      setFailed: (message) => void rec.failed.push(message),
      setSecret: (secret) => {
        rec.order.push(`setSecret: ${secret}`);
        rec.secrets.push(secret);
      },
      info: (message) => void rec.info.push(message),
      warning: (message) => void rec.warnings.push(message),
      writeSummary: async (markdown) => void rec.summaries.push(markdown),
    },
    env: { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: path.join(workspace, '..', 'runner-temp') },
    stdout: (text) => {
      rec.stdout += text;
    },
    context: () => PUSH,
    github: () => {
      throw new Error('no API in this test');
    },
    scan: async (options: Options): Promise<ScanResult> => {
      rec.scanned.push(options);
      if (findings instanceof Error) throw findings;
      return { root: options.root, findings, configurations: [], filesScanned: 2, durationMs: 5, notes: ['skipped big.cf (over 1 MiB)'] };
    },
    cwd: workspace,
    ...extra,
  };
  return { deps, rec };
}

const OPEN: Finding[] = [
  finding({ file: 'infra/postfix/main.cf', line: 3, column: 1, endLine: 3, endColumn: 40 }),
  finding({ file: 'infra/postfix/master.cf', line: 14, column: 6, endLine: 14, endColumn: 50, fingerprint: 'b'.repeat(32) }),
  finding({ file: 'infra/postfix/main.cf', line: 9, endLine: 9, level: 'warning', certainty: 'indeterminate', fingerprint: 'c'.repeat(32) }),
  finding({ file: 'infra/old/main.cf', line: 2, fingerprint: 'd'.repeat(32), suppressed: { kind: 'baseline', reason: 'recorded in the baseline' } }),
];

describe('runAction', () => {
  let dir = '';
  let n = 0;
  const workspace = (files: Record<string, string> = {}): string => {
    const ws = path.join(dir, `ws${n++}`, 'repo');
    mkdirSync(path.join(ws, 'infra'), { recursive: true });
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
      writeFileSync(path.join(ws, rel), text);
    }
    return ws;
  };
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'relaygate-action-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on findings: scans the workspace with path as the one path, fills outputs, files, annotations and summary', async () => {
    const ws = workspace();
    const { deps, rec } = harness(ws, { path: 'infra', sarif: 'out/relaygate.sarif', category: 'relaygate-infra', summary: 'true', annotations: 'auto', scope: 'auto' }, OPEN);
    await runAction(deps);

    assert.equal(rec.scanned.length, 1);
    assert.deepEqual(rec.scanned[0], {
      root: ws,
      paths: ['infra'],
      profile: 'gen004710',
      failOn: 'error',
      indeterminate: 'warning',
      include: [],
      exclude: [],
      vars: [],
      baseline: null,
      changed: null,
      rules: {},
      configFile: null,
    });

    const reportFile = rec.outputs['report-file'] ?? '';
    assert.ok(reportFile.startsWith(path.join(ws, '..', 'runner-temp', 'relaygate-')), reportFile);
    assert.deepEqual(rec.outputs, {
      'report-file': reportFile,
      'sarif-file': path.join(ws, 'out/relaygate.sarif'),
      result: 'fail',
      findings: '3',
      errors: '2',
      warnings: '1',
    });
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    assert.equal(report.schemaVersion, 1);
    assert.deepEqual(report.summary.byLevel, { error: 2, warning: 1, note: 0 });
    assert.deepEqual(report.findings.map((f: Finding) => `${f.file}:${f.line}`), OPEN.map((f) => `${f.file}:${f.line}`));
    const sarif = JSON.parse(readFileSync(path.join(ws, 'out/relaygate.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'infra/postfix/main.cf');
    assert.deepEqual(sarif.runs[0].automationDetails, { id: 'relaygate-infra/' });

    // Annotations: one workflow command per active finding, paths relative to the repository root.
    const lines = rec.stdout.split('\n').filter((l) => l !== '');
    assert.deepEqual(
      lines.map((l) => l.slice(0, l.indexOf('::', 2))),
      [
        '::error file=infra/postfix/main.cf,line=3,col=1,endLine=3,endColumn=40,title=relaygate stig-postfix-relay',
        '::error file=infra/postfix/master.cf,line=14,col=6,endLine=14,endColumn=50,title=relaygate stig-postfix-relay',
        '::warning file=infra/postfix/main.cf,line=9,col=1,endLine=9,endColumn=30,title=relaygate stig-postfix-relay (indeterminate)',
      ],
    );

    assert.equal(rec.summaries.length, 1);
    assert.match(rec.summaries[0] ?? '', /infra\/postfix\/master\.cf/);
    assert.deepEqual(rec.info, [
      'relaygate: note: skipped big.cf (over 1 MiB)',
      'relaygate: annotations auto: no token (input token is empty), so no check run; annotating with workflow commands.',
      `relaygate ${VERSION}: fail: 3 findings (2 errors, 1 warning, 0 notes), 1 suppressed; 2 files scanned, 0 configurations. Full report: ${reportFile}`,
    ]);
    assert.deepEqual(rec.warnings, []);
    assert.deepEqual(rec.failed, ['relaygate: 2 findings at or above fail-on error (2 errors, 1 warning, 0 notes)']);
  });

  it('reads .relaygate.yml at the repository root; inputs left empty do not override it', async () => {
    const ws = workspace({ '.relaygate.yml': 'fail-on: never\nprofile: rhel8\nbaseline: ci/base.json\n' });
    const { deps, rec } = harness(ws, { path: '.', summary: 'false', annotations: 'commands' }, OPEN);
    await runAction(deps);
    assert.equal(rec.scanned[0]?.profile, 'rhel8');
    assert.equal(rec.scanned[0]?.failOn, 'never');
    assert.equal(rec.scanned[0]?.baseline, path.join(ws, 'ci/base.json'));
    assert.deepEqual(rec.scanned[0]?.paths, ['.']);
    assert.equal(rec.outputs.result, 'pass');
    assert.equal(rec.outputs['sarif-file'], '');
    assert.deepEqual(rec.failed, []);
    assert.deepEqual(rec.summaries, []);
    assert.equal(rec.info[0], 'relaygate: settings from .relaygate.yml');
    assert.ok(!rec.info.some((l) => l.includes('check run')), 'annotations: commands says nothing about check runs');
  });

  it('inputs override .relaygate.yml; vars and baseline inputs are relative to the repository root', async () => {
    const ws = workspace({ '.relaygate.yml': 'fail-on: never\n' });
    const { deps, rec } = harness(ws, { 'fail-on': 'warning', vars: 'a.yml, b.json', baseline: 'base.json', summary: 'false' }, []);
    await runAction(deps);
    assert.equal(rec.scanned[0]?.failOn, 'warning');
    assert.deepEqual(rec.scanned[0]?.vars, [path.join(ws, 'a.yml'), path.join(ws, 'b.json')]);
    assert.equal(rec.scanned[0]?.baseline, path.join(ws, 'base.json'));
    assert.equal(rec.outputs.result, 'pass');
  });

  it('annotations: none prints no workflow command but still fails', async () => {
    const { deps, rec } = harness(workspace(), { annotations: 'none', summary: 'false' }, OPEN);
    await runAction(deps);
    assert.equal(rec.stdout, '');
    assert.equal(rec.failed.length, 1);
  });

  it('on a pull request, reports only the changed files listed through the API, with what the base took in', async () => {
    const fake = fakeApi({ files: [{ filename: 'infra/postfix/main.cf', patch: '@@ -1 +1 @@\n-a\n+b' }] });
    const ws = workspace();
    const baseRoot = path.join(ws, '..', 'base');
    mkdirSync(path.join(baseRoot, 'infra'), { recursive: true });
    let removed = 0;
    let seen: unknown = null;
    const base = [
      { mta: 'postfix' as const, files: ['infra/Dockerfile', 'infra/postfix/main.cf'], inputs: ['.relaygate.yml', 'infra/Dockerfile', 'infra/postfix/main.cf'], form: 'dockerfile' as const },
      { mta: 'postfix' as const, files: ['infra/other/main.cf'], inputs: ['.relaygate.yml', 'infra/other/', 'infra/other/main.cf'], form: 'plain' as const },
    ];
    const { deps, rec } = harness(ws, { token: 'ghs_x', summary: 'false', annotations: 'commands' }, [], {
      context: () => ({ ...PUSH, eventName: 'pull_request', pullNumber: 7 }),
      github: (token) => {
        assert.equal(token, 'ghs_x');
        return fake.api;
      },
      checkoutBase: async () => ({ root: baseRoot, sha: '1'.repeat(40), how: "the pull request's base branch", filled: '3 entries unchanged in the workspace linked, 1 entry written by git', overlay: null, remove: async () => void removed++ }),
      scan: async (options) => {
        rec.scanned.push(options);
        // As the engine does: the base is asked for once the head's configurations are judged.
        if (typeof options.base === 'function') seen = await options.base();
        const configurations = options.root === baseRoot ? base : [];
        return { root: options.root, findings: [], configurations, filesScanned: 2, durationMs: 1, notes: [] };
      },
    });
    await runAction(deps);
    assert.deepEqual(fake.calls.map((c) => c.name), ['listPullFiles']);
    assert.deepEqual(
      rec.scanned.map((o) => ({ root: o.root, changed: o.changed, base: typeof o.base })),
      [
        { root: ws, changed: ['infra/postfix/main.cf'], base: 'function' },
        { root: baseRoot, changed: null, base: 'object' },
      ],
    );
    assert.deepEqual(seen, base);
    assert.equal(removed, 1);
    assert.ok(rec.info.includes(`relaygate: base commit ${'1'.repeat(12)} checked out: 3 entries unchanged in the workspace linked, 1 entry written by git.`), rec.info.join('\n'));
    assert.ok(rec.info.includes(`relaygate: scope auto: compared with ${'1'.repeat(12)}, the pull request's base branch: a configuration with a file that a changed path grouped there is in scope too.`), rec.info.join('\n'));
    assert.deepEqual(rec.secrets, ['ghs_x']);
  });

  it('removes the base worktree when the head scan fails before asking for the base', async () => {
    const fake = fakeApi({ files: [{ filename: 'infra/postfix/main.cf' }] });
    let removed = 0;
    const { deps, rec } = harness(workspace(), { token: 'ghs_x', summary: 'false', annotations: 'none' }, new Error('disk on fire'), {
      context: () => ({ ...PUSH, eventName: 'pull_request', pullNumber: 7 }),
      github: () => fake.api,
      checkoutBase: async () => ({ root: '/nonexistent/base', sha: '1'.repeat(40), how: 'the base', filled: '1 entry unchanged in the workspace linked, 0 entries written by git', overlay: null, remove: async () => void removed++ }),
    });
    await runAction(deps);
    assert.deepEqual(rec.failed, ['relaygate: internal error: disk on fire']);
    assert.equal(removed, 1);
  });

  it('on a pull request whose base cannot be checked out, reports every finding, with a warning', async () => {
    const fake = fakeApi({ files: [{ filename: 'infra/postfix/main.cf' }] });
    const { deps, rec } = harness(workspace(), { token: 'ghs_x', summary: 'false', annotations: 'none', scope: 'changed' }, OPEN, {
      context: () => ({ ...PUSH, eventName: 'pull_request', pullNumber: 7 }),
      github: () => fake.api,
      checkoutBase: async () => ({ failure: 'could not fetch the base commit 111111111111 from origin (exit 128)' }),
      scan: async (options) => {
        rec.scanned.push(options);
        const base = typeof options.base === 'function' ? await options.base() : options.base;
        return { root: options.root, findings: base === 'unavailable' ? OPEN : [], configurations: [], filesScanned: 2, durationMs: 1, notes: [] };
      },
    });
    await runAction(deps);
    assert.deepEqual(rec.warnings, [
      'relaygate: scope changed: the base commit shows which files the change regrouped, and could not fetch the base commit 111111111111 from origin (exit 128); reporting findings in every file instead.',
    ]);
    assert.deepEqual(rec.scanned.map((o) => o.changed), [['infra/postfix/main.cf']]);
    assert.equal(rec.outputs.findings, '3', 'the engine was told the base is unavailable');
  });

  it('refuses a bad input with one setFailed naming it, and does not scan', async () => {
    const { deps, rec } = harness(workspace(), { 'fail-on': 'sometimes' }, OPEN);
    await runAction(deps);
    assert.deepEqual(rec.failed, ['relaygate: input fail-on: "sometimes" is not one of error, warning, note, never']);
    assert.deepEqual(rec.scanned, []);
    assert.deepEqual(rec.outputs, { result: 'error' });
  });

  it('refuses a path outside the workspace, or one that does not exist', async () => {
    const a = harness(workspace(), { path: '../elsewhere' }, OPEN);
    await runAction(a.deps);
    assert.deepEqual(a.rec.failed, ['relaygate: input path: "../elsewhere" is outside the workspace (GITHUB_WORKSPACE, the repository root)']);
    const b = harness(workspace(), { path: 'nope' }, OPEN);
    await runAction(b.deps);
    assert.deepEqual(b.rec.failed, ['relaygate: input path: "nope" does not exist in the workspace']);
  });

  it('refuses a config input that names a missing file', async () => {
    const { deps, rec } = harness(workspace(), { config: 'ci/relaygate.yml' }, OPEN);
    await runAction(deps);
    assert.deepEqual(rec.failed, ['relaygate: input config: cannot read ci/relaygate.yml: no such file']);
  });

  it('reports a bad .relaygate.yml with its line', async () => {
    const { deps, rec } = harness(workspace({ '.relaygate.yml': 'profile: rhel8\nfailon: error\n' }), {}, OPEN);
    await runAction(deps);
    assert.deepEqual(rec.failed, [
      'relaygate: .relaygate.yml:2:1: unknown key "failon"; accepted keys: profile, fail-on, indeterminate, include, exclude, vars, baseline, rules',
    ]);
  });

  it('turns an internal error into one line and result=error; the stack only with RUNNER_DEBUG=1', async () => {
    const a = harness(workspace(), { summary: 'false' }, new Error('parser blew up\nsecond line'));
    await runAction(a.deps);
    assert.deepEqual(a.rec.failed, ['relaygate: internal error: parser blew up\\nsecond line']);
    assert.deepEqual(a.rec.outputs, { result: 'error' });
    assert.ok(!a.rec.info.some((l) => l.includes('stack')));

    const ws = workspace();
    const b = harness(ws, { summary: 'false' }, new Error('boom'), { env: { GITHUB_WORKSPACE: ws, RUNNER_DEBUG: '1' } });
    await runAction(b.deps);
    assert.deepEqual(b.rec.failed, ['relaygate: internal error: boom']);
    assert.match(b.rec.info.at(-1) ?? '', /^relaygate: stack: Error: boom\\n {4}at /);
  });

  it('a job summary that cannot be written is a warning, not a failure', async () => {
    const { deps, rec } = harness(workspace(), { summary: 'true' }, [], {});
    deps.core.writeSummary = async () => {
      throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
    };
    await runAction(deps);
    assert.deepEqual(rec.failed, []);
    assert.deepEqual(rec.warnings, ['relaygate: could not write the job summary: Unable to find environment variable for $GITHUB_STEP_SUMMARY.']);
    assert.equal(rec.outputs.result, 'pass');
  });

  const PR: RunContext = { ...PUSH, eventName: 'pull_request', pullNumber: 7, headSha: '3'.repeat(40), baseSha: '1'.repeat(40) };
  const manyErrors = (n: number): Finding[] =>
    Array.from({ length: n }, (_, i) => finding({ file: `infra/r${i}/main.cf`, line: 1, endLine: 1, fingerprint: i.toString(16).padStart(32, '0') }));
  const annotationLines = (stdout: string): string[] => stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));

  it('annotations auto with a token: one check run on the head commit, no workflow-command annotations', async () => {
    const fake = fakeApi();
    const { deps, rec } = harness(workspace(), { token: 'ghs_x', summary: 'false', scope: 'all' }, OPEN, { context: () => PR, github: () => fake.api });
    await runAction(deps);
    assert.deepEqual(fake.calls.map((c) => c.name), ['listPullFiles', 'createCheckRun']);
    const create = fake.calls[1]!;
    assert.ok(create.name === 'createCheckRun');
    assert.equal(create.params.head_sha, '3'.repeat(40));
    assert.equal(create.params.conclusion, 'failure');
    assert.deepEqual(create.params.output.annotations?.map((a) => `${a.path}:${a.start_line}`), ['infra/postfix/main.cf:3', 'infra/postfix/master.cf:14', 'infra/postfix/main.cf:9']);
    assert.equal(rec.stdout, '');
    assert.ok(rec.info.includes(`relaygate: check run relaygate on ${'3'.repeat(12)}: 3 annotations in 1 request: https://github.com/example/infra/runs/99`), rec.info.join('\n'));
    assert.deepEqual(rec.warnings, []);
    assert.equal(rec.failed.length, 1);
  });

  it("a 403 on the check run falls back to commands with one warning; the warning and setFailed's error take their slots", async () => {
    const fake = fakeApi({ fail: { createCheckRun: () => Object.assign(new Error('Resource not accessible by integration'), { status: 403 }) } });
    const { deps, rec } = harness(workspace(), { token: 'ghs_ro', summary: 'true', scope: 'all' }, manyErrors(12), { context: () => PR, github: () => fake.api });
    await runAction(deps);
    assert.deepEqual(rec.warnings, [
      "relaygate: annotations auto: could not create the check run: 403 Resource not accessible by integration (the token may not create check runs: give the job `permissions: checks: write`; a fork's pull request only ever gets a read-only token); annotating with workflow commands instead.",
    ]);
    const lines = annotationLines(rec.stdout);
    assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 9, 'nine, because setFailed writes the tenth');
    assert.equal(
      rec.stdout.split('\n').find((l) => l.startsWith('::notice::')),
      '::notice::relaygate found 12 findings (12 errors, 0 warnings, 0 notes); 9 annotated, 3 not annotated because GitHub shows at most 10 annotations per level in a step. See all of them in the job summary, the JSON report (output report-file).',
    );
    assert.deepEqual(rec.failed, ['relaygate: 12 findings at or above fail-on error (12 errors, 0 warnings, 0 notes)']);
  });

  it('annotations checks without a token: a warning, then commands; auto without a token says it in an info line', async () => {
    const a = harness(workspace(), { annotations: 'checks', summary: 'false' }, OPEN);
    await runAction(a.deps);
    assert.deepEqual(a.rec.warnings, ['relaygate: annotations checks: no token (input token is empty), so no check run; annotating with workflow commands.']);
    assert.equal(annotationLines(a.rec.stdout).length, 3);
  });

  it('on a pull request, commands annotate the errors on changed lines first', async () => {
    const findings = manyErrors(12);
    const fake = fakeApi({ files: [{ filename: 'infra/r11/main.cf', patch: '@@ -0,0 +1 @@\n+smtpd_client_restrictions = permit' }] });
    const { deps, rec } = harness(workspace(), { token: 'ghs_x', annotations: 'commands', summary: 'false', scope: 'all' }, findings, { context: () => PR, github: () => fake.api });
    await runAction(deps);
    assert.ok(annotationLines(rec.stdout)[0]?.startsWith('::error file=infra/r11/main.cf,line=1,'), rec.stdout);
  });

  it('review suggestions: one review on the head commit with the suggestion on the diff line', async () => {
    const ws = workspace({ 'infra/postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n' });
    const fixable = finding({
      file: 'infra/postfix/main.cf',
      line: 2,
      column: 29,
      endLine: 2,
      endColumn: 35,
      replacements: [{ file: 'infra/postfix/main.cf', line: 2, column: 29, endLine: 2, endColumn: 35, text: 'permit_mynetworks, reject' }],
    });
    const fake = fakeApi({ files: [{ filename: 'infra/postfix/main.cf', patch: '@@ -1 +1,2 @@\n inet_interfaces = all\n+smtpd_client_restrictions = permit' }] });
    const { deps, rec } = harness(ws, { token: 'ghs_x', review: 'suggestions', annotations: 'commands', summary: 'false', scope: 'all' }, [fixable], {
      context: () => PR,
      github: () => fake.api,
    });
    await runAction(deps);
    const post = fake.calls.find((c) => c.name === 'createReview');
    assert.ok(post?.name === 'createReview');
    assert.equal(post.params.commit_id, '3'.repeat(40));
    assert.deepEqual(post.params.comments.map((c) => `${c.path}:${c.line}`), ['infra/postfix/main.cf:2']);
    assert.match(post.params.comments[0]!.body, /\n```suggestion\nsmtpd_client_restrictions = permit_mynetworks, reject\n```\n/);
    assert.ok(rec.info.includes('relaygate: review posted: 1 comment on the diff (1 suggestion), 0 findings listed in its body: https://github.com/example/infra/pull/7#pullrequestreview-5'), rec.info.join('\n'));
  });

  it('review suggestions with a read-only token: skipped with one warning; on a push: one info line, no API call', async () => {
    const fake = fakeApi({ fail: { createReview: () => Object.assign(new Error('Resource not accessible by integration'), { status: 403 }) } });
    const a = harness(workspace(), { token: 'ghs_ro', review: 'suggestions', annotations: 'commands', summary: 'false', scope: 'all' }, OPEN, { context: () => PR, github: () => fake.api });
    await runAction(a.deps);
    assert.deepEqual(a.rec.warnings, [
      "relaygate: review suggestions: skipped: 403 Resource not accessible by integration (the token may not write pull-request reviews: give the job `permissions: pull-requests: write`; a fork's pull request only ever gets a read-only token).",
    ]);
    assert.equal(a.rec.failed.length, 1);
    const b = harness(workspace(), { review: 'suggestions', annotations: 'commands', summary: 'false' }, OPEN);
    await runAction(b.deps);
    assert.ok(b.rec.info.includes('relaygate: review suggestions: the "push" event is not a pull request; no review.'));
    assert.deepEqual(b.rec.warnings, []);
  });

  it('asks the API nothing when nothing needs it (scope all, annotations none, no review)', async () => {
    const fake = fakeApi();
    const { deps } = harness(workspace(), { token: 'ghs_x', annotations: 'none', scope: 'all', summary: 'false' }, OPEN, { context: () => PR, github: () => fake.api });
    await runAction(deps);
    assert.deepEqual(fake.calls, []);
  });

  it('masks the token before reading any other input', async () => {
    const { deps, rec } = harness(workspace(), { token: ' ghs_secret ', summary: 'false' }, []);
    deps.github = () => fakeApi().api;
    await runAction(deps);
    assert.deepEqual(rec.order.slice(0, 2), ['getInput: token', 'setSecret: ghs_secret']);
    assert.ok(!JSON.stringify([rec.info, rec.warnings, rec.failed, rec.stdout]).includes('ghs_secret'));
  });

  it('a malformed event payload fails with one line and result=error, before scanning', async () => {
    const { deps, rec } = harness(workspace(), {}, OPEN, {
      context: () => {
        throw new EventError('GITHUB_EVENT_PATH: the event payload /x/event.json is not valid JSON: Unexpected end of JSON input');
      },
    });
    await runAction(deps);
    assert.deepEqual(rec.failed, ['relaygate: GITHUB_EVENT_PATH: the event payload /x/event.json is not valid JSON: Unexpected end of JSON input']);
    assert.deepEqual(rec.outputs, { result: 'error' });
    assert.deepEqual(rec.scanned, []);
  });

  it('refuses a sarif path through a symlinked folder with one line', async () => {
    const ws = workspace();
    const outside = path.join(ws, '..', 'outside');
    mkdirSync(outside);
    symlinkSync(outside, path.join(ws, 'reports'));
    const { deps, rec } = harness(ws, { sarif: 'reports/relaygate.sarif', summary: 'false' }, OPEN);
    await runAction(deps);
    assert.deepEqual(rec.failed, ['relaygate: input sarif: refusing to write reports/relaygate.sarif: reports is a symbolic link']);
    assert.equal(rec.outputs.result, 'error');
    assert.deepEqual(readdirSync(outside), []);
  });

  it('scope new: scans the base with the same settings and reports only findings whose fingerprint the base lacks', async () => {
    const ws = workspace({ 'ci/vars.yml': 'a: 1\n' });
    const baseRoot = path.join(ws, '..', 'base');
    mkdirSync(path.join(baseRoot, 'infra'), { recursive: true });
    let removed = 0;
    const requests: unknown[] = [];
    const [a, b, c, d] = OPEN;
    const { deps, rec } = harness(ws, { scope: 'new', summary: 'false', annotations: 'commands', vars: 'ci/vars.yml, ci/absent.yml', path: 'infra' }, [], {
      checkoutBase: async (request) => {
        requests.push(request);
        return { root: baseRoot, sha: '1'.repeat(40), how: 'the commit before the push', filled: '3 entries unchanged in the workspace linked, 1 entry written by git', overlay: null, remove: async () => void removed++ };
      },
      scan: async (options) => {
        rec.scanned.push(options);
        // The base has a (active) and c (suppressed there, so the head's c is new), not b.
        const findings = options.root === baseRoot ? [a!, { ...c!, suppressed: { kind: 'inline' as const, reason: 'was ok' } }] : [a!, b!, c!, d!];
        return { root: options.root, findings, configurations: [], filesScanned: 2, durationMs: 1, notes: [] };
      },
    });
    await runAction(deps);
    assert.equal(rec.scanned.length, 2);
    assert.equal(rec.scanned[0]?.root, ws);
    assert.deepEqual(
      { root: rec.scanned[1]?.root, baseline: rec.scanned[1]?.baseline, changed: rec.scanned[1]?.changed, vars: rec.scanned[1]?.vars, paths: rec.scanned[1]?.paths },
      { root: baseRoot, baseline: null, changed: null, vars: [], paths: ['infra'] },
    );
    assert.deepEqual(requests, [
      { workspace: ws, scanned: path.join(ws, 'infra'), baseSha: '1'.repeat(40), pullHeadSha: null, token: '', serverUrl: 'https://github.com', tempDir: path.join(ws, '..', 'runner-temp'), overlay: false },
    ]);
    assert.equal(removed, 1);
    const report = JSON.parse(readFileSync(rec.outputs['report-file']!, 'utf8')) as { findings: Finding[] };
    assert.deepEqual(report.findings.map((f) => f.fingerprint), [b!.fingerprint, c!.fingerprint, d!.fingerprint]);
    assert.equal(rec.outputs.findings, '2');
    assert.ok(rec.info.includes(`relaygate: scope new: compared with ${'1'.repeat(12)}, the commit before the push: 1 finding present there is not reported; 2 new findings.`), rec.info.join('\n'));
  });

  it('scope new falls back to every finding, with a warning, when there is no base to compare with', async () => {
    const { deps, rec } = harness(workspace(), { scope: 'new', summary: 'false', annotations: 'none' }, OPEN, {
      context: () => ({ ...PUSH, eventName: 'schedule', baseSha: null }),
    });
    await runAction(deps);
    assert.deepEqual(rec.warnings, ['relaygate: scope new: the "schedule" event names no base commit to compare with (pull_request or push events do); reporting every finding instead.']);
    assert.equal(rec.outputs.findings, '3');
    const failing = harness(workspace(), { scope: 'new', summary: 'false', annotations: 'none' }, OPEN, {
      checkoutBase: async () => ({ failure: 'the workspace is not a git checkout (not a git repository)' }),
    });
    await runAction(failing.deps);
    assert.deepEqual(failing.rec.warnings, ['relaygate: scope new: the workspace is not a git checkout (not a git repository); reporting every finding instead.']);
    const throwing = harness(workspace(), { scope: 'new', summary: 'false', annotations: 'none' }, OPEN, {
      checkoutBase: async () => {
        throw new Error("ENOENT: no such file or directory, mkdtemp '/gone/relaygate-base-XXXXXX'");
      },
    });
    await runAction(throwing.deps);
    assert.deepEqual(throwing.rec.warnings, [
      "relaygate: scope new: could not check out the base commit (ENOENT: no such file or directory, mkdtemp '/gone/relaygate-base-XXXXXX'); reporting every finding instead.",
    ]);
    assert.equal(throwing.rec.outputs.result, 'fail');
  });
});
