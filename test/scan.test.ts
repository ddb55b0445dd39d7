import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { defaultOptions } from '../src/config/options.js';
import { scan } from '../src/scan.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'relaygate-scan-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string | Buffer): void {
  const full = path.join(root, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
}

write('open/main.cf', 'myhostname = mx.example.org\ninet_interfaces = all\n');
write('broken/main.cf', 'inet_interfaces = all\nthis line has no equals sign\n');
write('binary/main.cf', Buffer.from([0x69, 0x00, 0x01]));
write('loopback/main.cf', 'inet_interfaces = loopback-only\n');
write('mail/sendmail.mc', "include(`/usr/share/sendmail/cf/m4/cf.m4')dnl\n# FEATURE(`promiscuous_relay')dnl\nMAILER(`smtp')dnl\n");

describe('scan() over a tree: one engine, exact findings', () => {
  it('reports each configuration once, and an unparseable one only as config-unreadable', async () => {
    const result = await scan(defaultOptions(root));
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.level, f.certainty]),
      [
        ['config-unreadable', 'binary/main.cf', 1, 2, 'error', 'definite'],
        // Postfix: "missing '=' after attribute name"; the column is just after the name.
        ['config-unreadable', 'broken/main.cf', 2, 6, 'error', 'definite'],
        // cf.m4 runs changecom(): after its include, `#` does not comment out the FEATURE.
        ['stig-sendmail-relay', 'mail/sendmail.mc', 2, 3, 'error', 'definite'],
        // No compatibility_level: mynetworks_style is subnet, and with both relay lists
        // empty (their default below level 1) smtpd refuses to start.
        ['postfix-broad-mynetworks', 'open/main.cf', 1, 1, 'warning', 'definite'],
        ['postfix-open-relay', 'open/main.cf', 1, 1, 'error', 'definite'],
        ['stig-postfix-relay', 'open/main.cf', 1, 1, 'error', 'definite'],
      ],
    );
    assert.deepEqual(
      result.configurations.map((c) => [c.mta, c.files.join(',')]),
      [
        ['postfix', 'broken/main.cf'],
        ['postfix', 'loopback/main.cf'],
        ['postfix', 'open/main.cf'],
        ['sendmail', 'mail/sendmail.mc'],
      ],
    );
  });

  it('applies the pull-request scope to findings', async () => {
    const result = await scan({ ...defaultOptions(root), changed: ['open/main.cf'] });
    assert.deepEqual(result.findings.map((f) => f.file), ['open/main.cf', 'open/main.cf', 'open/main.cf']);
  });
});
