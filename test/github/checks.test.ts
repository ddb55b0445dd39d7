import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAnnotation, checkConclusion, checkRunSummary, CHECK_TEXT_MAX, fitText, publishCheckRun } from '../../src/github/checks.js';
import type { Finding } from '../../src/model/finding.js';
import { finding, report } from '../report/fixture.js';
import { fakeApi, requestError } from './fake-api.js';

const REPO = { owner: 'example', repo: 'infra' };
const HEAD = '3'.repeat(40);

function many(n: number, extra: Partial<Finding> = {}): Finding[] {
  return Array.from({ length: n }, (_, i) =>
    finding({ file: `roles/r${String(i).padStart(3, '0')}/main.cf`, line: i + 1, endLine: i + 1, fingerprint: i.toString(16).padStart(32, '0'), ...extra }),
  );
}

describe('check run annotations', () => {
  it('maps a finding to an annotation: failure/warning/notice, columns only on one line, related lines in raw_details', () => {
    assert.deepEqual(checkAnnotation(finding({ related: [{ file: 'group_vars/all.yml', line: 3, message: 'value comes from here' }] })), {
      path: 'roles/mail/main.cf',
      start_line: 12,
      end_line: 12,
      start_column: 1,
      end_column: 30,
      annotation_level: 'failure',
      message: 'smtpd_client_restrictions is empty, so any client may relay.\nFix: Set smtpd_client_restrictions = permit_mynetworks, reject.\nIDs: GEN004710, V-218553',
      title: 'relaygate stig-postfix-relay',
      raw_details: 'group_vars/all.yml:3: value comes from here',
    });
    const multi = checkAnnotation(finding({ level: 'warning', certainty: 'indeterminate', line: 4, endLine: 6, column: 3, endColumn: 9, fix: '', ids: [] }));
    assert.deepEqual(multi, {
      path: 'roles/mail/main.cf',
      start_line: 4,
      end_line: 6,
      annotation_level: 'warning',
      message: 'smtpd_client_restrictions is empty, so any client may relay.',
      title: 'relaygate stig-postfix-relay (indeterminate)',
    });
    assert.equal(checkAnnotation(finding({ level: 'note', line: 0, endLine: 0, column: 0 })).start_line, 1);
    assert.equal(checkAnnotation(finding({ level: 'note' })).annotation_level, 'notice');
  });

  it('concludes failure at fail-on, neutral when only indeterminate results remain below it, else success', () => {
    assert.equal(checkConclusion(report([finding()])), 'failure');
    const warning = finding({ level: 'warning' });
    assert.equal(checkConclusion(report([warning])), 'success');
    assert.equal(checkConclusion(report([warning, finding({ level: 'warning', certainty: 'indeterminate', fingerprint: 'f'.repeat(32) })])), 'neutral');
    assert.equal(checkConclusion(report([finding({ certainty: 'indeterminate', suppressed: { kind: 'inline', reason: 'ok' } })])), 'success');
    assert.equal(checkConclusion(report([])), 'success');
  });

  it('keeps the summary within 65,535 characters, cut at a line with a note', () => {
    const text = `${'x'.repeat(100)}\n`.repeat(1000);
    const cut = fitText(text, 1000);
    assert.ok(cut.length <= 1000);
    assert.match(cut, /\*\*Cut here: the rest is in the job summary and the JSON report\.\*\*\n$/);
    assert.ok(cut.startsWith(`${'x'.repeat(100)}\n`));
    assert.equal(fitText('short', 1000), 'short');
    const big = checkRunSummary(report(many(3000, { message: 'm'.repeat(400) })), 'https://github.com/example/infra/blob/abc');
    assert.ok(big.length <= CHECK_TEXT_MAX, String(big.length));
    assert.ok(big.length > CHECK_TEXT_MAX / 2, 'the cap is used, not wasted');
    assert.match(big, /roles\/r000\/main\.cf/);
  });
});

describe('publishCheckRun', () => {
  it('60 findings: one check run on the head sha, created with 50 annotations, completed by an update with the other 10', async () => {
    const fake = fakeApi();
    const r = report(many(60));
    const outcome = await publishCheckRun(fake.api, { repo: REPO, headSha: HEAD, report: r, summary: 'the summary', detailsUrl: 'https://run' });
    assert.deepEqual(outcome, { ok: true, annotations: 60, requests: 2, url: 'https://github.com/example/infra/runs/99' });
    assert.deepEqual(fake.calls.map((c) => c.name), ['createCheckRun', 'updateCheckRun']);
    const [create, update] = fake.calls;
    assert.ok(create?.name === 'createCheckRun' && update?.name === 'updateCheckRun');
    assert.equal(create.params.name, 'relaygate');
    assert.equal(create.params.head_sha, HEAD);
    assert.equal(create.params.status, 'in_progress');
    assert.equal(create.params.conclusion, undefined);
    assert.equal(create.params.details_url, 'https://run');
    assert.deepEqual(create.params.output.title, '60 findings: 60 errors, 0 warnings, 0 notes');
    assert.equal(create.params.output.summary, 'the summary');
    assert.equal(update.params.check_run_id, 99);
    assert.equal(update.params.status, 'completed');
    assert.equal(update.params.conclusion, 'failure');
    const sent = [...(create.params.output.annotations ?? []), ...(update.params.output.annotations ?? [])];
    assert.deepEqual([create.params.output.annotations?.length, update.params.output.annotations?.length], [50, 10]);
    assert.deepEqual(sent.map((a) => `${a.path}:${a.start_line}`).sort(), r.findings.map((f) => `${f.file}:${f.line}`).sort());
  });

  it('a clean repository still gets its check run: one request, completed, success, no annotations', async () => {
    const fake = fakeApi();
    await publishCheckRun(fake.api, { repo: REPO, headSha: HEAD, report: report([]), summary: 's' });
    assert.equal(fake.calls.length, 1);
    const c = fake.calls[0]!;
    assert.ok(c.name === 'createCheckRun');
    assert.deepEqual([c.params.status, c.params.conclusion, c.params.output.title, c.params.output.annotations], ['completed', 'success', 'No findings', []]);
  });

  it('101 findings take three requests, annotations on changed lines first', async () => {
    const fake = fakeApi();
    const findings = many(101);
    const changedLines = new Map([['roles/r100/main.cf', new Set([101])]]);
    await publishCheckRun(fake.api, { repo: REPO, headSha: HEAD, report: report(findings), summary: 's', changedLines });
    const batches = fake.calls.map((c) => (c.name === 'createCheckRun' || c.name === 'updateCheckRun' ? c.params.output.annotations ?? [] : []));
    assert.deepEqual(batches.map((b) => b.length), [50, 50, 1]);
    assert.equal(batches[0]![0]!.path, 'roles/r100/main.cf');
  });

  it('a 403 on create is reported as forbidden, with nothing sent', async () => {
    const fake = fakeApi({ fail: { createCheckRun: () => requestError(403, 'Resource not accessible by integration') } });
    const outcome = await publishCheckRun(fake.api, { repo: REPO, headSha: HEAD, report: report(many(3)), summary: 's' });
    assert.deepEqual(outcome, { ok: false, failure: '403 Resource not accessible by integration', forbidden: true, annotationsSent: 0 });
  });

  it('a failed update still completes the run, saying how many annotations were sent', async () => {
    const fake = fakeApi({ fail: { updateCheckRun: (n) => (n === 0 ? requestError(502, 'Bad Gateway') : null) } });
    const outcome = await publishCheckRun(fake.api, { repo: REPO, headSha: HEAD, report: report(many(120)), summary: 's' });
    assert.deepEqual(outcome, { ok: false, failure: '502 Bad Gateway', forbidden: false, annotationsSent: 50 });
    const last = fake.calls.at(-1)!;
    assert.ok(last.name === 'updateCheckRun');
    assert.deepEqual([last.params.status, last.params.conclusion], ['completed', 'failure']);
    assert.match(last.params.output.summary, /^\*\*Only 50 of 120 annotations could be sent \(502 Bad Gateway\); the job log has the rest\.\*\*/);
  });
});
