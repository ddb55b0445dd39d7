// Hostile mail configurations: each one is scanned in a child process with a
// bounded heap; it must finish within its CPU-time and memory bounds and give
// the expected findings (never a crash, never a hang).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

const root = mkdtempSync(path.join(tmpdir(), 'relaygate-hostile-'));
after(() => rmSync(root, { recursive: true, force: true }));

interface Row {
  name: string;
  files: Record<string, string>;
  /** [ruleId, file, line, certainty] of every finding, and a piece of its message. */
  expect: [string, string, number, string, string][];
}

/**
 * Appended to each main.cf: a Postfix 3 level, so smtpd starts and mynetworks
 * is the host alone; the open-relay rules then walk the same hostile values.
 */
const WORKING = 'compatibility_level = 3.6\n';

const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

const ROWS: Row[] = [
  {
    // a0 = $a1 $a1, a1 = $a2 $a2, ... : 2^40 copies for Postfix, which runs out of memory.
    name: 'Postfix $name fan-out over 40 levels',
    files: { 'main.cf': `smtpd_client_restrictions = $a0\n${lines(40, (i) => `a${i} = $a${i + 1} $a${i + 1}`)}a40 = reject\n${WORKING}` },
    expect: [['stig-postfix-relay', 'main.cf', 1, 'indeterminate', 'expands to more than relaygate evaluates']],
  },
  {
    // Every service overrides something unrelated: each must reuse main.cf's expansions.
    name: '20k main.cf parameters and 20k master.cf services',
    files: {
      'main.cf': `${lines(20_000, (i) => `p${i} = $p${i + 1}, value${i}`)}smtpd_client_restrictions = permit_mynetworks, $p19950, reject\n${WORKING}`,
      'master.cf': lines(20_000, (i) => `${2000 + i} inet n - y - - smtpd -o syslog_name=postfix/s${i}`),
    },
    expect: [],
  },
  {
    // c0 = c1, c1; c1 = c2, c2; ... : smtpd walks the classes at run time; relaygate stops.
    name: 'restriction classes that double at every level',
    files: {
      'main.cf':
        lines(40, (i) => `c${i} = c${i + 1}, c${i + 1}`) +
        `c40 = permit_mynetworks\nsmtpd_restriction_classes = ${Array.from({ length: 41 }, (_, i) => `c${i}`).join(' ')}\n` +
        `smtpd_client_restrictions = c0\nsmtpd_relay_restrictions = c0, reject_unauth_destination\n${WORKING}`,
    },
    expect: [
      // The relay lists read through the same classes: past the bound a class may permit anything.
      ['postfix-open-relay', 'main.cf', 20, 'indeterminate', 'is a restriction class nested deeper than the 20 levels'],
      ['stig-postfix-relay', 'main.cf', 43, 'indeterminate', 'restriction classes'],
    ],
  },
  {
    // define(`X', `$1$1...') 300 times, called on a 2 MB argument: 600 MB before m4's limit applied.
    name: 'm4 $1 repeated 300 times over a 2 MB argument',
    files: { 'sendmail.mc': `define(\`X', \`${'$1'.repeat(300)}')dnl\nX(\`${'x'.repeat(2_000_000)}')\n` },
    expect: [['config-unreadable', 'sendmail.mc', 2, 'definite', 'm4 expansion limit']],
  },
];

describe('hostile mail configurations finish within bounds', () => {
  ROWS.forEach((row, i) => {
    it(row.name, (t) => {
      const dir = path.join(root, `row${i}`);
      for (const [name, text] of Object.entries(row.files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      const child = path.join(import.meta.dirname, 'hostile', 'child.ts');
      const run = spawnSync(process.execPath, ['--max-old-space-size=600', '--import', 'tsx', child, dir], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(run.status, 0, `exit ${run.status} ${run.signal ?? ''}: ${run.stderr.slice(0, 2000)}`);
      const out = JSON.parse(run.stdout) as { findings: [string, string, number, string, string][]; maxRssMb: number; cpuSeconds: number };
      t.diagnostic(`${out.cpuSeconds.toFixed(2)} s CPU, ${out.maxRssMb} MB`);
      assert.ok(out.maxRssMb < 500, `${out.maxRssMb} MB`);
      assert.ok(out.cpuSeconds < 10, `${out.cpuSeconds} s of CPU`);
      assert.deepEqual(
        out.findings.map((f) => [f[0], f[1], f[2], f[3]]),
        row.expect.map((e) => [e[0], e[1], e[2], e[3]]),
      );
      row.expect.forEach((e, k) => assert.ok((out.findings[k]?.[4] ?? '').includes(e[4]), out.findings[k]?.[4]));
    });
  });
});
