/**
 * The pull-request scope through the CLI (`--changed FILE`) and the action
 * (the pull request's files API), with the real scan: a change to master.cf
 * alone that opens the relay configured in main.cf fails the gate, and both
 * say the scope.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/run.js';
import type { RunContext } from '../../src/github/event.js';
import { runAction, type ActionDeps } from '../../src/github/run.js';
import type { Finding } from '../../src/model/finding.js';
import { scan } from '../../src/scan.js';
import { fakeApi } from '../github/fake-api.js';
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

describe('the action on a pull request that changes master.cf only', () => {
  const PR: RunContext = {
    eventName: 'pull_request',
    owner: 'example',
    repo: 'infra',
    pullNumber: 7,
    changedFiles: 1,
    blobUrl: null,
    headSha: '3'.repeat(40),
    baseSha: '1'.repeat(40),
    runUrl: null,
  };

  it('fails the step with the finding at main.cf:1; the log and the job summary say the scope', async () => {
    const root = openedLoopback();
    const temp = tree({});
    const fake = fakeApi({ files: [{ filename: 'postfix/master.cf', status: 'modified' }] });
    const info: string[] = [];
    const failed: string[] = [];
    const summaries: string[] = [];
    const outputs: Record<string, string> = {};
    const inputs: Record<string, string> = { path: '.', token: 'ghs_x', scope: 'auto', annotations: 'commands', summary: 'true', 'fail-on': 'error' };
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
      env: { GITHUB_WORKSPACE: root, RUNNER_TEMP: temp },
      stdout: () => undefined,
      context: () => PR,
      github: () => fake.api,
      scan,
      cwd: root,
    };
    await runAction(deps);
    assert.deepEqual(failed, ['relaygate: 1 finding at or above fail-on error (1 error, 0 warnings, 0 notes)']);
    assert.equal(outputs.findings, '1');
    const report = JSON.parse(readFileSync(outputs['report-file'] ?? '', 'utf8')) as { findings: Finding[] };
    assert.deepEqual(findingRows(report.findings), [['stig-postfix-relay', 'postfix/main.cf', 1, 1, 'definite']]);
    assert.ok(
      info.some((l) => l.includes('Scope: 1 changed file, 1 configuration touched; 1 finding outside it not reported.')),
      info.join('\n'),
    );
    assert.match(summaries[0] ?? '', /^### ❌ relaygate: fail · 1 error · scope: 1 changed file touching 1 configuration · 1 finding hidden\n/);
  });
});
