import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/model/finding.js';
import { renderWorkflowCommands } from '../../src/report/github-commands.js';
import { finding, report } from './fixture.js';

/** How the runner reads a line: leading whitespace trimmed, then `::` starts a command. */
function commandsOf(lines: string[]): string[] {
  return lines.flatMap((l) => l.split(/\r?\n/)).filter((l) => l.trimStart().startsWith('::'));
}

describe('workflow-command annotations', () => {
  it('writes one error annotation with file, position, title and the fix', () => {
    assert.deepEqual(renderWorkflowCommands(report([finding()])), [
      '::error file=roles/mail/main.cf,line=12,col=1,endLine=12,endColumn=30,title=relaygate stig-postfix-relay::' +
        'smtpd_client_restrictions is empty, so any client may relay.%0AFix: Set smtpd_client_restrictions = permit_mynetworks, reject.%0AIDs: GEN004710, V-218553',
    ]);
  });

  it('uses ::warning and ::notice for warning and note, marks indeterminate in the title', () => {
    const lines = renderWorkflowCommands(
      report([
        finding({ level: 'warning', certainty: 'indeterminate', ids: [], fix: '' }),
        finding({ level: 'note', ruleId: 'invalid-suppression', ids: [], fix: 'Add a reason.', line: 3, endLine: 3, column: 3, endColumn: 19 }),
      ]),
    );
    assert.deepEqual(lines, [
      '::warning file=roles/mail/main.cf,line=12,col=1,endLine=12,endColumn=30,title=relaygate stig-postfix-relay (indeterminate)::' +
        'smtpd_client_restrictions is empty, so any client may relay.',
      '::notice file=roles/mail/main.cf,line=3,col=3,endLine=3,endColumn=19,title=relaygate invalid-suppression::' +
        'smtpd_client_restrictions is empty, so any client may relay.%0AFix: Add a reason.',
    ]);
  });

  it('leaves columns out when the annotation spans several lines (GitHub rule)', () => {
    const [line] = renderWorkflowCommands(report([finding({ line: 4, column: 3, endLine: 6, endColumn: 2, ids: [], fix: '' })]));
    assert.equal(
      line,
      '::error file=roles/mail/main.cf,line=4,endLine=6,title=relaygate stig-postfix-relay::smtpd_client_restrictions is empty, so any client may relay.',
    );
  });

  it('annotates only active findings', () => {
    const lines = renderWorkflowCommands(report([finding({ suppressed: { kind: 'inline', reason: 'ok' } })]));
    assert.deepEqual(lines, []);
  });

  it('escapes data and properties exactly as @actions/core does', () => {
    const [line] = renderWorkflowCommands(
      report([finding({ file: 'a,b:c%d/main.cf', message: '100% open\r\nrelay', fix: '', ids: [] })]),
    );
    // Property: % -> %25, : -> %3A, , -> %2C. Data: % -> %25; CR/LF in scanned text made visible first.
    assert.equal(
      line,
      '::error file=a%2Cb%3Ac%25d/main.cf,line=12,col=1,endLine=12,endColumn=30,title=relaygate stig-postfix-relay::100%25 open\\r\\nrelay',
    );
  });

  it('cannot let a scanned value begin a line, even ::stop-commands::', () => {
    const evil: Partial<Finding> = {
      message: 'mynetworks = x\n::stop-commands::pwned\n::error::forged',
      fix: 'a\r::add-mask::b',
      ids: ['\n::set-output name=x::y'],
      file: 'x\n::warning::y/main.cf',
    };
    const lines = renderWorkflowCommands(report([finding(evil)]));
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0]!, /[\r\n]/);
    assert.deepEqual(commandsOf(lines), lines); // the only command is our own annotation line
    assert.ok(lines[0]!.startsWith('::error file=x\\n%3A%3Awarning%3A%3Ay/main.cf,line=12,'));
    assert.ok(lines[0]!.includes('::mynetworks = x\\n::stop-commands::pwned\\n::error::forged%0AFix: a\\r::add-mask::b%0AIDs: \\n::set-output name=x::y'));
  });

  it('caps each level and ends with one notice giving the total and where to see all', () => {
    const many = (level: Finding['level'], n: number): Finding[] =>
      Array.from({ length: n }, (_, i) => finding({ level, line: i + 1, endLine: i + 1, ids: [], fix: '' }));
    const lines = renderWorkflowCommands(report([...many('error', 12), ...many('warning', 3), ...many('note', 15)]), {
      reportHint: 'the job summary',
    });
    assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 10);
    assert.equal(lines.filter((l) => l.startsWith('::warning ')).length, 3);
    // Nine notes: the tenth notice slot is the summary's, or the runner would drop it.
    assert.equal(lines.filter((l) => l.startsWith('::notice ')).length, 9);
    assert.equal(
      lines.at(-1),
      '::notice::relaygate found 30 findings (12 errors, 3 warnings, 15 notes); 22 annotated, 8 not annotated because GitHub shows at most 10 annotations per level in a step. See all of them in the job summary.',
    );
    assert.equal(lines.filter((l) => l.startsWith('::notice::')).length, 1);
    // The first findings of each level are the ones annotated.
    assert.ok(lines[0]!.includes('line=1,'));
    assert.ok(lines[9]!.includes('line=10,'));
  });

  it('honours perLevelLimit and prints no notice when nothing is left out; errors come first', () => {
    const exact = Array.from({ length: 2 }, (_, i) => finding({ level: 'note', line: i + 1, endLine: i + 1 }));
    const lines = renderWorkflowCommands(report(exact), { perLevelLimit: 2 });
    assert.equal(lines.length, 2);
    assert.ok(lines.every((l) => l.startsWith('::notice file=')));
    const over = renderWorkflowCommands(report([...exact, finding({ line: 9, endLine: 9 }), finding({ line: 10, endLine: 10 }), finding({ line: 11, endLine: 11 })]), {
      perLevelLimit: 2,
    });
    assert.deepEqual(
      over.map((l) => l.slice(0, l.indexOf(' '))),
      ['::error', '::error', '::notice', '::notice::relaygate'],
    );
    assert.equal(
      over.at(-1),
      '::notice::relaygate found 5 findings (3 errors, 0 warnings, 2 notes); 3 annotated, 2 not annotated because GitHub shows at most 2 annotations per level in a step. See all of them in the job summary and the JSON or SARIF report.',
    );
  });

  it("counts the step's other annotations: setFailed's ::error and a fallback warning take a slot each", () => {
    const errors = Array.from({ length: 10 }, (_, i) => finding({ line: i + 1, endLine: i + 1, ids: [], fix: '' }));
    const warnings = Array.from({ length: 10 }, (_, i) => finding({ level: 'warning', line: 20 + i, endLine: 20 + i, ids: [], fix: '' }));
    const lines = renderWorkflowCommands(report([...errors, ...warnings]), { reserved: { error: 1, warning: 1 }, reportHint: 'the job summary' });
    // 9 + setFailed = 10 errors; 9 + the fallback warning = 10 warnings; the notice is the only notice.
    assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 9);
    assert.equal(lines.filter((l) => l.startsWith('::warning ')).length, 9);
    assert.equal(
      lines.at(-1),
      '::notice::relaygate found 20 findings (10 errors, 10 warnings, 0 notes); 18 annotated, 2 not annotated because GitHub shows at most 10 annotations per level in a step. See all of them in the job summary.',
    );
    assert.equal(lines.length, 19);
    // Exactly ten errors fit when nothing else is printed: no notice then.
    assert.equal(renderWorkflowCommands(report(errors)).length, 10);
    assert.equal(renderWorkflowCommands(report(errors), { reserved: { error: 1 } }).length, 10); // 9 + the notice
  });

  it('annotates errors on changed lines first, then definite before indeterminate, then file order', () => {
    const f = (file: string, line: number, extra: Partial<Finding> = {}): Finding =>
      finding({ file, line, endLine: line, ids: [], fix: '', ...extra });
    const findings = [
      f('a/main.cf', 1),
      f('a/main.cf', 2, { certainty: 'indeterminate' }),
      f('b/main.cf', 3),
      f('b/main.cf', 7, { certainty: 'indeterminate' }),
      f('c/main.cf', 4, { endLine: 6 }),
      f('d/main.cf', 5),
    ];
    const changedLines = new Map([
      ['b/main.cf', new Set([3, 7])],
      ['c/main.cf', new Set([6])],
    ]);
    const lines = renderWorkflowCommands(report(findings), { perLevelLimit: 4, reserved: { error: 1 }, changedLines });
    const where = (l: string): string => /file=([^,]*),line=(\d+)/.exec(l)!.slice(1).join(':');
    // Three slots: the two definite findings on changed lines (c/main.cf:4-6 touches line 6), then the indeterminate one.
    assert.deepEqual(lines.filter((l) => l.startsWith('::error ')).map(where), ['b/main.cf:3', 'c/main.cf:4', 'b/main.cf:7']);
    assert.match(lines.at(-1) ?? '', /^::notice::relaygate found 6 findings .*; 3 annotated, 3 not annotated/);
  });
});
