import type { Finding } from '../../src/model/finding.js';
import type { JsonReport } from '../../src/report/json.js';

/** A finding with plain defaults; tests override what they are about. */
export function finding(extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'stig-postfix-relay',
    level: 'error',
    certainty: 'definite',
    mta: 'postfix',
    message: 'smtpd_client_restrictions is empty, so any client may relay.',
    fix: 'Set smtpd_client_restrictions = permit_mynetworks, reject.',
    ids: ['GEN004710', 'V-218553'],
    file: 'roles/mail/main.cf',
    line: 12,
    column: 1,
    endLine: 12,
    endColumn: 30,
    related: [],
    fingerprint: '0123456789abcdef0123456789abcdef',
    suppressed: null,
    ...extra,
  };
}

/** A report whose summary agrees with its findings (as buildReport would make it). */
export function report(findings: Finding[], extra: Partial<JsonReport> = {}): JsonReport {
  const active = findings.filter((f) => f.suppressed === null);
  const byLevel = { error: 0, warning: 0, note: 0 };
  for (const f of active) byLevel[f.level]++;
  return {
    schemaVersion: 1,
    tool: { name: 'relaygate', version: '1.2.3' },
    summary: {
      result: byLevel.error > 0 ? 'fail' : 'pass',
      findings: active.length,
      byLevel,
      filesScanned: 3,
      configurations: 1,
      durationMs: 7,
    },
    findings,
    configurations: [{ mta: 'postfix', files: ['roles/mail/main.cf', 'roles/mail/master.cf'], inputs: ['.relaygate.yml', 'roles/mail/', 'roles/mail/main.cf', 'roles/mail/master.cf'], form: 'plain' }],
    ...extra,
  };
}
