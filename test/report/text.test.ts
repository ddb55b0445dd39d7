import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderText } from '../../src/report/text.js';
import { finding, report } from './fixture.js';

describe('text report', () => {
  it('prints one block per finding, suppressed ones apart, and a summary line', () => {
    const out = renderText(
      report([
        finding({ related: [{ file: 'group_vars/all.yml', line: 3, column: 5, message: 'value comes from here' }] }),
        finding({
          ruleId: 'stig-sendmail-relay',
          mta: 'sendmail',
          level: 'warning',
          certainty: 'indeterminate',
          file: 'sendmail.mc',
          line: 4,
          column: 1,
          message: 'promiscuous_relay depends on {{ relay }}.',
          fix: 'Remove FEATURE(`promiscuous_relay\').',
          ids: [],
        }),
        finding({ line: 30, column: 2, suppressed: { kind: 'inline', reason: 'ISSO ticket 42', file: 'roles/mail/main.cf', line: 29 } }),
        finding({ line: 40, column: 1, suppressed: { kind: 'baseline', reason: 'recorded in the baseline' } }),
      ]),
    );
    assert.equal(
      out,
      [
        'roles/mail/main.cf:12:1: error [stig-postfix-relay] smtpd_client_restrictions is empty, so any client may relay.',
        '    fix: Set smtpd_client_restrictions = permit_mynetworks, reject.',
        '    ids: GEN004710, V-218553',
        '    related: group_vars/all.yml:3:5: value comes from here',
        'sendmail.mc:4:1: warning [stig-sendmail-relay] promiscuous_relay depends on {{ relay }}.',
        "    fix: Remove FEATURE(`promiscuous_relay').",
        '    certainty: indeterminate (depends on a value relaygate could not resolve)',
        '',
        'suppressed (2):',
        '  roles/mail/main.cf:30:2: error [stig-postfix-relay] smtpd_client_restrictions is empty, so any client may relay.',
        '      reason (inline at roles/mail/main.cf:29): ISSO ticket 42',
        '  roles/mail/main.cf:40:1: error [stig-postfix-relay] smtpd_client_restrictions is empty, so any client may relay.',
        '      reason (baseline): recorded in the baseline',
        '',
        'relaygate 1.2.3: fail: 2 findings (1 error, 1 warning, 0 notes), 2 suppressed; 3 files scanned, 1 configuration in 7 ms.',
        '',
      ].join('\n'),
    );
  });

  it('prints only the summary when there is nothing to report', () => {
    assert.equal(
      renderText(report([], { configurations: [] })),
      'relaygate 1.2.3: pass: 0 findings (0 errors, 0 warnings, 0 notes), 0 suppressed; 3 files scanned, 1 configuration in 7 ms.\n',
    );
  });

  it('makes control characters from scanned files visible, so no line can be forged', () => {
    const out = renderText(
      report([
        finding({
          message: 'value "a\r\n::stop-commands::x\u001b[31m" is open',
          fix: 'line\nbreak\u2028sep\u202eevil',
          ids: ['GEN\u0000004710'],
          related: [{ file: 'v.yml', line: 1, message: 'from\n::error::here' }],
          suppressed: null,
        }),
        finding({ suppressed: { kind: 'inline', reason: 'ok\n::warning::gotcha' } }),
      ]),
    );
    assert.equal(
      out,
      [
        'roles/mail/main.cf:12:1: error [stig-postfix-relay] value "a\\r\\n::stop-commands::x\\x1b[31m" is open',
        '    fix: line\\nbreak\\u2028sep\\u202eevil',
        '    ids: GEN\\x00004710',
        '    related: v.yml:1: from\\n::error::here',
        '',
        'suppressed (1):',
        '  roles/mail/main.cf:12:1: error [stig-postfix-relay] smtpd_client_restrictions is empty, so any client may relay.',
        '      reason (inline): ok\\n::warning::gotcha',
        '',
        'relaygate 1.2.3: fail: 1 finding (1 error, 0 warnings, 0 notes), 1 suppressed; 3 files scanned, 1 configuration in 7 ms.',
        '',
      ].join('\n'),
    );
    for (const line of out.split('\n')) assert.doesNotMatch(line.trimStart(), /^::/);
    // eslint-disable-next-line no-control-regex -- the control characters are what must not appear
    assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f\u2028\u202e]/);
  });

  it('never begins a line with a path that starts like a workflow command', () => {
    const out = renderText(report([finding({ file: '::error::x/main.cf' }), finding({ file: ' ::set-output/main.cf' })]));
    const lines = out.split('\n');
    assert.equal(lines[0], './::error::x/main.cf:12:1: error [stig-postfix-relay] smtpd_client_restrictions is empty, so any client may relay.');
    assert.equal(lines[3], './ ::set-output/main.cf:12:1: error [stig-postfix-relay] smtpd_client_restrictions is empty, so any client may relay.');
    for (const line of lines) assert.doesNotMatch(line.trimStart(), /^::/);
  });

  it('says the scope and what it hid', () => {
    const scoped = report([finding()], { scope: { kind: 'changed', changedFiles: 4, configurationsTouched: 2, findingsHidden: 5 } });
    assert.equal(
      renderText(scoped).split('\n').at(-2),
      'relaygate 1.2.3: fail: 1 finding (1 error, 0 warnings, 0 notes), 0 suppressed; 3 files scanned, 1 configuration in 7 ms. Scope: 4 changed files, 2 configurations touched; 5 findings outside it not reported.',
    );
    const none = report([], { scope: { kind: 'changed', changedFiles: 1, configurationsTouched: 0, findingsHidden: 0 } });
    assert.match(renderText(none), /Scope: 1 changed file, 0 configurations touched; no finding outside it\.\n$/);
  });
});
