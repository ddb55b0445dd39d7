/**
 * The pull-request scope through the CLI (`--changed FILE`) and the action
 * (the pull request's files API), with the real scan: a change to master.cf
 * alone that opens the relay configured in main.cf fails the gate, and both
 * say the scope.
 */
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/run.js';
import { loadOptions } from '../../src/config/load.js';
import type { RunContext } from '../../src/github/event.js';
import { runAction, type ActionDeps } from '../../src/github/run.js';
import type { Finding } from '../../src/model/finding.js';
import { NO_BASE_NOTE, scan } from '../../src/scan.js';
import { fakeApi } from '../github/fake-api.js';
import { checkoutAt, pullRequestRepo } from '../helpers/git-repo.js';
import { LOOPBACK_IMAGE, SETUP_ALONE } from '../helpers/regrouped-image.js';
import { temporaryTrees } from '../helpers/temp-tree.js';
import { findingRows } from '../helpers/finding-rows.js';

const tree = temporaryTrees('scope-cli');
const EXAMPLE = path.join(import.meta.dirname, '../../examples/loopback-service/postfix');
const OTHER = { 'other/postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit\ncompatibility_level = 3.6\n' };

/** The loopback-service example with its smtpd moved off loopback, beside an unrelated open relay. */
function openedLoopback(): string {
  const root = tree(OTHER);
  cpSync(EXAMPLE, path.join(root, 'postfix'), { recursive: true });
  const master = path.join(root, 'postfix/master.cf');
  writeFileSync(master, readFileSync(master, 'utf8').replace('127.0.0.1:smtp inet', 'smtp      inet'));
  return root;
}

async function cli(argv: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { cwd, env: {}, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}

describe('relaygate --changed', () => {
  it('master.cf alone changed: exit 1, the finding at main.cf:1, the scope in the JSON report', async () => {
    const root = openedLoopback();
    writeFileSync(path.join(root, 'changed.txt'), 'postfix/master.cf\n');
    const r = await cli(['--format', 'json', '--changed', 'changed.txt', '.'], root);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { findings: Finding[]; scope: unknown };
    assert.deepEqual(findingRows(report.findings), [['stig-postfix-relay', 'postfix/main.cf', 1, 1, 'definite']]);
    assert.deepEqual(report.scope, { kind: 'changed', changedFiles: 1, configurationsTouched: 1, findingsHidden: 1 });
  });

  it('the text report says the scope; a change that touches nothing passes and says what it hid', async () => {
    const root = openedLoopback();
    writeFileSync(path.join(root, 'changed.txt'), 'postfix/master.cf\n');
    writeFileSync(path.join(root, 'docs.txt'), 'README.md\n');
    const touched = await cli(['--changed', 'changed.txt', '.'], root);
    assert.equal(touched.status, 1);
    assert.match(touched.stdout, /Scope: 1 changed file, 1 configuration touched; 1 finding outside it not reported\.\n/);
    const untouched = await cli(['--changed', 'docs.txt', '.'], root);
    assert.equal(untouched.status, 0, untouched.stdout);
    assert.match(untouched.stdout, /Scope: 1 changed file, 0 configurations touched; 2 findings outside it not reported\.\n/);
  });

  it('a deleted path counts: the vars file removed from the role is listed, and the weak default fails', async () => {
    const root = tree({
      'roles/mail/templates/main.cf.j2': 'inet_interfaces = all\nsmtpd_client_restrictions = {{ restrictions }}\ncompatibility_level = 3.6\n',
      'roles/mail/defaults/main.yml': 'restrictions: permit_mynetworks, permit\n',
      'roles/mail/tasks/main.yml': '- template:\n    src: main.cf.j2\n    dest: /etc/postfix/main.cf\n',
      'changed.txt': 'roles/mail/vars/main.yml\n',
    });
    const r = await cli(['--format', 'json', '--changed', 'changed.txt', '.'], root);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(findingRows((JSON.parse(r.stdout) as { findings: Finding[] }).findings), [['stig-postfix-relay', 'roles/mail/templates/main.cf.j2', 2, 29, 'definite']]);
  });

  it('paths in the list are relative to the current directory, as git diff prints them', async () => {
    const root = openedLoopback();
    writeFileSync(path.join(root, 'changed.txt'), 'postfix/master.cf\n');
    // Scanning the folder `postfix` from its parent: the report's paths are relative to that folder.
    const r = await cli(['--format', 'json', '--changed', 'changed.txt', 'postfix'], root);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(findingRows((JSON.parse(r.stdout) as { findings: Finding[] }).findings), [['stig-postfix-relay', 'main.cf', 1, 1, 'definite']]);
  });
});

/** The example's files, by path under `postfix/`, beside the unrelated open relay. */
function loopbackFiles(): Record<string, string> {
  const files: Record<string, string> = { ...OTHER };
  for (const name of readdirSync(EXAMPLE)) files[`postfix/${name}`] = readFileSync(path.join(EXAMPLE, name), 'utf8');
  return files;
}

describe('relaygate --changed --base', () => {
  /** The image at the base in `base/`, the change applied in `head/`, and the changed paths in `changed.txt`. */
  function baseAndHead(change: (head: string) => string[]): string {
    const dir = tree({ ...Object.fromEntries(Object.entries(LOOPBACK_IMAGE).map(([f, t]) => [`base/${f}`, t])) });
    cpSync(path.join(dir, 'base'), path.join(dir, 'head'), { recursive: true });
    writeFileSync(path.join(dir, 'changed.txt'), change(path.join(dir, 'head')).join('\n') + '\n');
    return dir;
  }

  it('a deleted Dockerfile leaves its script judged alone: in scope with the base, and a note without it', async () => {
    const dir = baseAndHead((head) => (rmSync(path.join(head, 'img/Dockerfile')), ['img/Dockerfile']));
    const withBase = await cli(['--format', 'json', '--indeterminate', 'error', '--changed', '../changed.txt', '--base', '../base', '.'], path.join(dir, 'head'));
    assert.equal(withBase.status, 1, withBase.stderr);
    const report = JSON.parse(withBase.stdout) as { findings: Finding[]; scope: unknown };
    assert.deepEqual(findingRows(report.findings), SETUP_ALONE);
    assert.deepEqual(report.scope, { kind: 'changed', changedFiles: 1, configurationsTouched: 1, findingsHidden: 0 });
    assert.doesNotMatch(withBase.stderr, /without the base commit/);

    const without = await cli(['--format', 'json', '--indeterminate', 'error', '--changed', '../changed.txt', '.'], path.join(dir, 'head'));
    assert.equal(without.status, 0, without.stderr);
    assert.deepEqual((JSON.parse(without.stdout) as { findings: Finding[] }).findings, []);
    assert.ok(without.stderr.includes(`relaygate: note: ${NO_BASE_NOTE}\n`), without.stderr);
  });

  it('a Dockerfile edited so that it no longer runs the script: the same', async () => {
    const dir = baseAndHead((head) => {
      writeFileSync(path.join(head, 'img/Dockerfile'), 'FROM debian:12\nRUN apt-get install -y postfix && postconf -e inet_interfaces=loopback-only\n');
      return ['img/Dockerfile'];
    });
    const r = await cli(['--format', 'json', '--indeterminate', 'error', '--changed', '../changed.txt', '--base', '../base', '.'], path.join(dir, 'head'));
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(findingRows((JSON.parse(r.stdout) as { findings: Finding[] }).findings), SETUP_ALONE);
  });

  it('a base that could not be had: no scope, every finding, and no note about a missing --base', async () => {
    const dir = baseAndHead((head) => (rmSync(path.join(head, 'img/Dockerfile')), ['img/Dockerfile']));
    const root = path.join(dir, 'head');
    const { options } = await loadOptions({ root, paths: ['.'], config: null, overrides: {}, changed: ['README.md', '.relaygate.yml'], cwd: root });
    const full = await scan({ ...options, changed: null });
    const result = await scan({ ...options, base: async () => 'unavailable' as const });
    assert.deepEqual(findingRows(result.findings), findingRows(full.findings));
    assert.equal(findingRows(result.findings).length, 3);
    assert.equal(result.scope, null);
    assert.ok(!result.notes.includes(NO_BASE_NOTE));
    assert.ok(result.notes.some((n) => n.startsWith('.relaygate.yml is changed here, and this scan runs with the changed version')), 'the settings note still says the settings changed');
    const scoped = await scan({ ...options, changed: ['README.md'], base: async () => [] });
    assert.deepEqual(scoped.findings, [], 'a base with nothing in it leaves the scope as the changed paths make it');
  });

  it('says what is wrong with --base', async () => {
    const dir = baseAndHead(() => ['README.md']);
    const head = path.join(dir, 'head');
    assert.deepEqual(await cli(['--base', '../base', '.'], head), {
      status: 2,
      stdout: '',
      stderr: 'relaygate: --base needs --changed: it tells what a change regrouped (see relaygate --help)\n',
    });
    assert.deepEqual(await cli(['--changed', '../changed.txt', '--base', '../nowhere', '.'], head), { status: 2, stdout: '', stderr: 'relaygate: --base: path "../nowhere" does not exist\n' });
    assert.deepEqual(await cli(['--changed', '../changed.txt', '--base', '../changed.txt', '.'], head), {
      status: 2,
      stdout: '',
      stderr: 'relaygate: --base: ../changed.txt is not a directory (give the scan root as it was at the base commit, e.g. a git worktree of it)\n',
    });
  });
});

describe('the action on a pull request, with the base commit checked out to see what the change regrouped', () => {
  /** The pull request's test-merge commit, checked out shallow as actions/checkout does, and its event. */
  function pullRequest(start: Record<string, string>, change: Record<string, string | null>, changedFiles: { filename: string; status: string }[]) {
    const dir = tree({});
    const repo = pullRequestRepo(path.join(dir, 'origin'), start, change);
    const root = path.join(dir, 'ws');
    checkoutAt(repo.origin, root, repo.merge, 1);
    const context: RunContext = {
      eventName: 'pull_request',
      owner: 'example',
      repo: 'infra',
      pullNumber: 7,
      changedFiles: changedFiles.length,
      blobUrl: null,
      headSha: repo.head,
      baseSha: repo.base,
      runUrl: null,
    };
    return { root, context, temp: tree({}), fake: fakeApi({ files: changedFiles }) };
  }

  function action(pr: ReturnType<typeof pullRequest>, extra: Record<string, string> = {}) {
    const info: string[] = [];
    const failed: string[] = [];
    const summaries: string[] = [];
    const outputs: Record<string, string> = {};
    const inputs: Record<string, string> = { path: '.', token: 'ghs_x', scope: 'auto', annotations: 'commands', summary: 'true', 'fail-on': 'error', ...extra };
    const deps: ActionDeps = {
      core: {
        getInput: (name) => inputs[name] ?? '',
        setOutput: (name, value) => void (outputs[name] = value),
        setFailed: (m) => void failed.push(m),
        setSecret: () => undefined,
        info: (m) => void info.push(m),
        warning: (m) => void info.push(`warning: ${m}`),
        writeSummary: async (markdown) => void summaries.push(markdown),
      },
      env: { GITHUB_WORKSPACE: pr.root, RUNNER_TEMP: pr.temp },
      stdout: () => undefined,
      context: () => pr.context,
      github: () => pr.fake.api,
      scan,
      cwd: pr.root,
    };
    const report = (): { findings: Finding[] } => JSON.parse(readFileSync(outputs['report-file'] ?? '', 'utf8')) as { findings: Finding[] };
    return { deps, info, failed, summaries, outputs, report };
  }

  it('master.cf alone changed: fails the step with the finding at main.cf:1; the log and the job summary say the scope', async () => {
    const start = loopbackFiles();
    const master = start['postfix/master.cf']!;
    const pr = pullRequest(start, { 'postfix/master.cf': master.replace('127.0.0.1:smtp inet', 'smtp      inet') }, [{ filename: 'postfix/master.cf', status: 'modified' }]);
    const run = action(pr);
    await runAction(run.deps);
    assert.deepEqual(run.failed, ['relaygate: 1 finding at or above fail-on error (1 error, 0 warnings, 0 notes)']);
    assert.equal(run.outputs.findings, '1');
    assert.deepEqual(findingRows(run.report().findings), [['stig-postfix-relay', 'postfix/main.cf', 1, 1, 'definite']]);
    assert.ok(
      run.info.some((l) => l.includes('Scope: 1 changed file, 1 configuration touched; 1 finding outside it not reported.')),
      run.info.join('\n'),
    );
    assert.match(run.summaries[0] ?? '', /^### ❌ relaygate: fail · 1 error · scope: 1 changed file touching 1 configuration · 1 finding hidden\n/);
  });

  it('a deleted Dockerfile: the script it ran is judged alone and its findings are in scope', async () => {
    const pr = pullRequest({ ...LOOPBACK_IMAGE }, { 'img/Dockerfile': null }, [{ filename: 'img/Dockerfile', status: 'removed' }]);
    const run = action(pr, { indeterminate: 'error' });
    await runAction(run.deps);
    assert.deepEqual(run.failed, ['relaygate: 3 findings at or above fail-on error (3 errors, 0 warnings, 0 notes)']);
    assert.deepEqual(findingRows(run.report().findings), SETUP_ALONE);
    assert.ok(run.info.some((l) => /^relaygate: scope auto: compared with [0-9a-f]{12}, the first parent of the test-merge commit/.test(l)), run.info.join('\n'));
    assert.ok(!run.info.some((l) => l.includes(NO_BASE_NOTE)), run.info.join('\n'));
  });
});
