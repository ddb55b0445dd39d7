import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PullFile } from '../../src/github/api.js';
import { planReview, postReview, type ReviewRequest } from '../../src/github/review.js';
import type { Finding } from '../../src/model/finding.js';
import { finding, report } from '../report/fixture.js';
import { fakeApi, requestError } from './fake-api.js';

const MAIN = 'postfix/main.cf';
const TEXT: Record<string, string[]> = {
  [MAIN]: ['myhostname = mx', 'inet_interfaces = all', 'smtpd_client_restrictions = permit_mynetworks, permit', 'relayhost ='],
  'old/main.cf': ['smtpd_client_restrictions = permit'],
};
const FILES: PullFile[] = [
  {
    filename: MAIN,
    status: 'modified',
    patch: '@@ -1,3 +1,4 @@\n myhostname = mx\n+inet_interfaces = all\n-smtpd_client_restrictions = permit_mynetworks, reject\n+smtpd_client_restrictions = permit_mynetworks, permit\n relayhost =',
  },
  { filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' },
];

/** The open main.cf line with its mechanical fix (`permit` -> `reject`), the same rule elsewhere without a diff. */
const FIXABLE: Finding = finding({
  file: MAIN,
  line: 3,
  column: 48,
  endLine: 3,
  endColumn: 54,
  message: 'smtpd_client_restrictions has a bare permit before reject, so any client may relay; ping @admins',
  replacements: [{ file: MAIN, line: 3, column: 48, endLine: 3, endColumn: 54, text: 'reject' }],
  fingerprint: 'a'.repeat(32),
});
const NO_FIX_IN_DIFF: Finding = finding({ file: MAIN, line: 2, column: 19, endLine: 2, endColumn: 22, level: 'warning', certainty: 'indeterminate', fix: '', ids: [], fingerprint: 'b'.repeat(32) });
const OUTSIDE: Finding = finding({
  file: 'old/main.cf',
  line: 1,
  replacements: [{ file: 'old/main.cf', line: 1, column: 29, endLine: 1, endColumn: 35, text: 'reject' }],
  fingerprint: 'c'.repeat(32),
});

function request(findings: Finding[]): ReviewRequest {
  return {
    repo: { owner: 'example', repo: 'infra' },
    pullNumber: 7,
    headSha: '3'.repeat(40),
    report: report(findings),
    files: FILES,
    scannedLine: (file, line) => TEXT[file]?.[line - 1] ?? null,
    blobUrl: 'https://github.com/example/infra/blob/3333',
  };
}

describe('planReview', () => {
  it('comments with a suggestion on the diff line, comments without one where there is no fix, lists the rest in the body', () => {
    const plan = planReview(request([FIXABLE, NO_FIX_IN_DIFF, OUTSIDE]), { comments: [], reviews: [] });
    assert.ok(plan);
    assert.deepEqual(
      plan.comments.map((c) => [c.path, c.start_line, c.line, c.side]),
      [
        [MAIN, undefined, 3, 'RIGHT'],
        [MAIN, undefined, 2, 'RIGHT'],
      ],
    );
    assert.equal(
      plan.comments[0]!.body,
      [
        '**relaygate** `stig-postfix-relay` · error',
        '',
        'smtpd\\_client\\_restrictions has a bare permit before reject, so any client may relay; ping @&#8203;admins',
        '',
        '```suggestion',
        'smtpd_client_restrictions = permit_mynetworks, reject',
        '```',
        '',
        '**Fix:** Set smtpd\\_client\\_restrictions = permit\\_mynetworks, reject.',
        '',
        '<sub>GEN004710, V-218553</sub>',
        `<!-- relaygate:finding ${'a'.repeat(32)} -->`,
      ].join('\n'),
    );
    assert.doesNotMatch(plan.comments[1]!.body, /```suggestion/);
    assert.match(plan.comments[1]!.body, /^\*\*relaygate\*\* `stig-postfix-relay` · warning · indeterminate\n/);
    assert.deepEqual([plan.commented, plan.suggestions, plan.listed], [2, 1, 1]);
    assert.equal(
      plan.body.split('\n').find((l) => l.startsWith('- ')),
      '- [old/main.cf:1](https://github.com/example/infra/blob/3333/old/main.cf#L1) `stig-postfix-relay` (error): smtpd\\_client\\_restrictions is empty, so any client may relay. **Fix:** Set smtpd\\_client\\_restrictions = permit\\_mynetworks, reject.',
    );
    assert.match(plan.body, /^### relaygate: 3 findings \(2 errors, 1 warning, 0 notes\)\n\n2 on lines of this diff, 1 with a suggested fix; 1 elsewhere\./);
    assert.match(plan.body, /<!-- relaygate:review [0-9a-f]{32} -->$/);
  });

  it('a multi-line finding without a fix is commented on its range when one hunk holds it', () => {
    const plan = planReview(request([finding({ file: MAIN, line: 2, endLine: 3, column: 1, endColumn: 5 })]), { comments: [], reviews: [] });
    assert.deepEqual(plan?.comments.map((c) => [c.start_line, c.start_side, c.line]), [[2, 'RIGHT', 3]]);
  });

  it('does not repeat what an earlier run said: same finding on the same line, or the same findings as the last review', () => {
    const first = planReview(request([FIXABLE, OUTSIDE]), { comments: [], reviews: [] })!;
    const again = planReview(request([FIXABLE, OUTSIDE]), { comments: first.comments.map((c) => ({ path: c.path, line: c.line, body: c.body })), reviews: [{ body: first.body }] });
    assert.equal(again, null);
    // An outdated comment (line null) does not count: the finding is commented again.
    const outdated = planReview(request([FIXABLE]), { comments: [{ path: MAIN, line: null, body: first.comments[0]!.body }], reviews: [] });
    assert.equal(outdated?.comments.length, 1);
    // A new finding makes a new review, with only the new comment.
    const more = planReview(request([FIXABLE, NO_FIX_IN_DIFF, OUTSIDE]), { comments: first.comments.map((c) => ({ path: c.path, line: c.line, body: c.body })), reviews: [{ body: first.body }] });
    assert.deepEqual(more?.comments.map((c) => c.line), [2]);
    assert.match(more?.body ?? '', /2 on lines of this diff \(1 already commented by an earlier run\)/);
  });

  it('no findings, no review', () => {
    assert.equal(planReview(request([]), { comments: [], reviews: [] }), null);
    assert.equal(planReview(request([{ ...FIXABLE, suppressed: { kind: 'inline', reason: 'lab' } }]), { comments: [], reviews: [] }), null);
  });
});

describe('postReview', () => {
  it('posts one COMMENT review on the head commit', async () => {
    const fake = fakeApi();
    const outcome = await postReview(fake.api, request([FIXABLE, OUTSIDE]));
    assert.ok('posted' in outcome && outcome.posted);
    assert.deepEqual(fake.calls.map((c) => c.name), ['listReviewComments', 'listReviews', 'createReview']);
    const post = fake.calls[2]!;
    assert.ok(post.name === 'createReview');
    assert.deepEqual([post.params.pull_number, post.params.commit_id, post.params.event, post.params.comments.length], [7, '3'.repeat(40), 'COMMENT', 1]);
  });

  it('a 403 (read-only token) is a failure marked forbidden; a 422 (a position GitHub refuses) posts everything in the body', async () => {
    const forbidden = fakeApi({ fail: { createReview: () => requestError(403, 'Resource not accessible by integration') } });
    assert.deepEqual(await postReview(forbidden.api, request([FIXABLE])), { failed: '403 Resource not accessible by integration', forbidden: true });
    const refused = fakeApi({ fail: { createReview: (n) => (n === 0 ? requestError(422, 'Unprocessable Entity: pull_request_review_thread.line') : null) } });
    const outcome = await postReview(refused.api, request([FIXABLE, OUTSIDE]));
    assert.ok('posted' in outcome && outcome.posted);
    const retry = refused.calls.at(-1)!;
    assert.ok(retry.name === 'createReview');
    assert.deepEqual(retry.params.comments, []);
    assert.equal(retry.params.body.split('\n').filter((l) => l.startsWith('- ')).length, 2);
  });
});
