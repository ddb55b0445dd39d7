/**
 * The hostile-input table: every input that once crashed, hung or blew up a
 * scan, or silenced the gate. Each row scans the hostile file next to a
 * known open relay (relay/postfix/main.cf) with the real CLI in a child
 * process, and asserts the time and memory it took (process.resourceUsage()),
 * its exit status and its exact findings (the relay is still reported: one
 * hostile file never aborts the scan of the others), and the note or error
 * it leaves. No row may cost more than 10 s or 500 MiB.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runBundledWithBudget, type BudgetRun } from '../helpers/budget.js';
import { ROWS, type HostileRow } from './rows.js';

const SECONDS = 10;
const MIB = 500;
const RELAY: [string, string, number] = ['stig-postfix-relay', 'relay/postfix/main.cf', 2];
const STIG_RULES = new Set(['stig-postfix-relay', 'stig-sendmail-relay', 'config-unreadable']);

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tree(row: HostileRow): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'relaygate-hostile-'));
  roots.push(root);
  const files: [string, string][] = Object.entries(row.files ?? {});
  if (row.withRelay !== false) files.push(['relay/postfix/main.cf', 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n']);
  for (const [name, text] of files) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  for (const [[folder, ...rest], text] of row.byteFiles ?? []) {
    // Byte paths stay Buffers: decoding them as UTF-8 would change the name.
    const dir = Buffer.concat([Buffer.from(`${root}/`), folder ?? Buffer.alloc(0)]);
    mkdirSync(dir, { recursive: true });
    writeFileSync(Buffer.concat([dir, ...rest]), text);
  }
  for (const [link, target] of Object.entries(row.symlinks ?? {})) {
    mkdirSync(path.dirname(path.join(root, link)), { recursive: true });
    symlinkSync(target.replace('$ROOT', root), path.join(root, link));
  }
  return root;
}

interface Report {
  findings: { ruleId: string; file: string; line: number; certainty: string }[];
}

/** The measured rows, printed as one table at the end (for the record; the budgets are asserted per row). */
const measured: string[] = [];
after(() => {
  console.log(['row | seconds | MiB | outcome', '--- | --- | --- | ---', ...measured].join('\n'));
});

async function run(row: HostileRow): Promise<{ result: BudgetRun; root: string }> {
  const root = tree(row);
  const env = Object.fromEntries(Object.entries(row.env ?? {}).map(([k, v]) => [k, v.replaceAll('$ROOT', root)]));
  const result = await runBundledWithBudget({
    entry: row.entry ?? 'cli',
    argv: (row.argv ?? ['--format', 'json', '.']).map((a) => a.replaceAll('$ROOT', root)),
    cwd: root,
    seconds: row.seconds ?? SECONDS,
    env,
  });
  return { result, root };
}

describe('hostile inputs', { concurrency: 2 }, () => {
  for (const row of ROWS) {
    it(`${row.item}: ${row.name}`, async () => {
      const { result, root } = await run(row);
      const seconds = result.ms / 1000;
      measured.push(`${row.name} | ${seconds.toFixed(1)} | ${result.maxRssMiB.toFixed(0)} | ${row.outcome}`);
      assert.notEqual(result.status, null, `killed after ${row.seconds ?? SECONDS} s`);
      assert.ok(seconds < (row.seconds ?? SECONDS), `took ${seconds} s`);
      assert.ok(result.maxRssMiB < (row.mib ?? MIB), `used ${result.maxRssMiB} MiB`);
      const stderr = result.stderr.replaceAll(root, '$ROOT');
      assert.equal(result.status, row.status, stderr);
      if (row.findings !== undefined) {
        const report = JSON.parse(result.stdout) as Report;
        // The STIG verdict and config-unreadable are what each row is about; the open-relay
        // rules judge the same files on other grounds (test/relay-rules-scan.test.ts).
        report.findings = report.findings.filter((f) => STIG_RULES.has(f.ruleId));
        const expected = row.withRelay === false ? row.findings : [...row.findings, RELAY].sort((a, b) => `${a[1]}`.localeCompare(`${b[1]}`));
        assert.deepEqual(
          report.findings.map((f) => [f.ruleId, f.file, f.line]).sort((a, b) => `${a[1]}`.localeCompare(`${b[1]}`)),
          expected,
        );
      }
      for (const pattern of row.stderr ?? []) assert.match(stderr, pattern);
      if (row.stdout !== undefined) for (const pattern of row.stdout) assert.match(result.stdout.replaceAll(root, '$ROOT'), pattern);
    });
  }
});
