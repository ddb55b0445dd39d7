import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Options } from '../../src/config/options.js';
import type { PullsOctokit } from '../../src/github/changed-files.js';
import type { RunContext } from '../../src/github/event.js';
import { runAction, type ActionDeps } from '../../src/github/run.js';
import type { Finding } from '../../src/model/finding.js';
import type { ScanResult } from '../../src/scan.js';
import { VERSION } from '../../src/version.js';
import { finding } from '../report/fixture.js';

const PUSH: RunContext = { eventName: 'push', owner: 'example', repo: 'infra', pullNumber: null, changedFiles: null, blobUrl: null };

interface Recorded {
  outputs: Record<string, string>;
  failed: string[];
  info: string[];
  warnings: string[];
  stdout: string;
  summaries: string[];
  scanned: Options[];
}

function harness(
  workspace: string,
  inputs: Record<string, string>,
  findings: Finding[] | Error,
  extra: Partial<ActionDeps> = {},
): { deps: ActionDeps; rec: Recorded } {
  const rec: Recorded = { outputs: {}, failed: [], info: [], warnings: [], stdout: '', summaries: [], scanned: [] };
  const deps: ActionDeps = {
    core: {
      getInput: (name) => inputs[name] ?? '',
      setOutput: (name, value) => {
        rec.outputs[name] = value;
      },
      setFailed: (message) => void rec.failed.push(message),
      info: (message) => void rec.info.push(message),
      warning: (message) => void rec.warnings.push(message),
      writeSummary: async (markdown) => void rec.summaries.push(markdown),
    },
    env: { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: path.join(workspace, '..', 'runner-temp') },
    stdout: (text) => {
      rec.stdout += text;
    },
    context: () => PUSH,
    octokitFor: () => {
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
      'relaygate: annotations auto: check runs are not implemented yet; using workflow commands.',
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
    assert.ok(!rec.info.some((l) => l.includes('check runs')), 'annotations: commands says nothing about check runs');
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

  it('on a pull request, reports only the changed files listed through the API', async () => {
    const calls: string[] = [];
    const octokit: PullsOctokit = {
      rest: { pulls: { listFiles: async () => ({ data: [] }) } },
      paginate: async (_m, p) => {
        calls.push(`${p.owner}/${p.repo}#${p.pull_number}`);
        return [{ filename: 'infra/postfix/main.cf' }];
      },
    };
    const { deps, rec } = harness(workspace(), { token: 'ghs_x', summary: 'false' }, [], {
      context: () => ({ ...PUSH, eventName: 'pull_request', pullNumber: 7 }),
      octokitFor: (token) => {
        assert.equal(token, 'ghs_x');
        return octokit;
      },
    });
    await runAction(deps);
    assert.deepEqual(calls, ['example/infra#7']);
    assert.deepEqual(rec.scanned[0]?.changed, ['infra/postfix/main.cf']);
  });

  it('refuses a bad input with one setFailed naming it, and does not scan', async () => {
    const { deps, rec } = harness(workspace(), { 'fail-on': 'sometimes' }, OPEN);
    await runAction(deps);
    assert.deepEqual(rec.failed, ['relaygate: input fail-on: "sometimes" is not one of error, warning, note, never']);
    assert.deepEqual(rec.scanned, []);
    assert.deepEqual(rec.outputs, {});
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
      'relaygate: .relaygate.yml:2:1: unknown key "failon"; accepted keys: profile, fail-on, indeterminate, include, exclude, vars, baseline',
    ]);
  });

  it('turns an internal error into one line; the stack only with RELAYGATE_DEBUG=1', async () => {
    const a = harness(workspace(), { summary: 'false' }, new Error('parser blew up\nsecond line'));
    await runAction(a.deps);
    assert.deepEqual(a.rec.failed, ['relaygate: internal error: parser blew up\\nsecond line']);
    assert.ok(!a.rec.info.some((l) => l.includes('stack')));

    const ws = workspace();
    const b = harness(ws, { summary: 'false' }, new Error('boom'), { env: { GITHUB_WORKSPACE: ws, RELAYGATE_DEBUG: '1' } });
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
});
