import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { marked } from 'marked';
import type { ConfigurationSummary } from '../../src/model/configuration.js';
import { MARKDOWN_MAX_BYTES, renderMarkdown } from '../../src/report/markdown.js';
import { finding, report } from './fixture.js';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const DOC = 'https://github.com/relaygate/relaygate/blob/v1.2.3/docs/rules/stig-postfix-relay.md';
const rows = (out: string): string[] => out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| |') && !l.startsWith('| where') && !l.startsWith('| configuration'));

describe('Markdown job summary', () => {
  it('renders the banner, one row per finding under its rule, ids once, suppressed and configurations folded', () => {
    const out = renderMarkdown(
      report(
        [
          finding(),
          finding({
            level: 'warning',
            certainty: 'indeterminate',
            line: 20,
            replacements: [{ file: 'roles/mail/main.cf', line: 20, column: 29, endLine: 20, endColumn: 35, text: 'reject' }],
          }),
          finding({ suppressed: { kind: 'inline', reason: 'ISSO ticket 42' } }),
        ],
        {
          configurations: [
            { mta: 'postfix', files: ['roles/mail/main.cf'], inputs: ['roles/mail/main.cf'], form: 'plain', listens: [{ address: '*:smtp (inet_interfaces = all)', reach: 'exposed' }] },
            { mta: 'sendmail', files: ['mail/sendmail.mc'], inputs: ['mail/sendmail.mc'], form: 'plain', listens: [{ address: '127.0.0.1:smtp', reach: 'loopback' }] },
          ],
        },
      ),
    );
    assert.equal(
      out,
      [
        '### ❌ relaygate: fail · 1 error, 1 warning · 1 suppressed',
        '',
        `#### [\`stig-postfix-relay\`](${DOC}) Mail relaying must be restricted (Postfix) · 2 findings`,
        '',
        '| | where | why | fix |',
        '|---|---|---|---|',
        '| ❌ | roles/mail/main.cf:12 | smtpd\\_client\\_restrictions is empty, so any client may relay. | Set smtpd\\_client\\_restrictions = permit\\_mynetworks, reject. |',
        '| ⚠️ | roles/mail/main.cf:20 | **Indeterminate:** smtpd\\_client\\_restrictions is empty, so any client may relay. | Set smtpd\\_client\\_restrictions = permit\\_mynetworks, reject. ✎ |',
        '',
        '<details><summary>STIG ids</summary>',
        '',
        'GEN004710, V-218553',
        '',
        '</details>',
        '',
        '<sub>✎ the finding comes with a mechanical fix: `replacements` in the JSON report, `fixes` in SARIF.</sub>',
        '',
        '<details><summary>1 suppressed finding</summary>',
        '',
        '| where | rule, and why it is suppressed |',
        '|---|---|',
        '| roles/mail/main.cf:12 | `stig-postfix-relay` (inline): ISSO ticket 42 |',
        '',
        '</details>',
        '',
        '<details><summary>2 mail server configurations (1 Postfix, 1 sendmail) in 3 files scanned; 1 reachable from other hosts</summary>',
        '',
        '**Postfix** (1)',
        '',
        '| configuration | form | listens on |',
        '|---|---|---|',
        '| roles/mail/main.cf | plain | 🌐 \\*:smtp (inet\\_interfaces = all) |',
        '',
        '**sendmail** (1)',
        '',
        '| configuration | form | listens on |',
        '|---|---|---|',
        '| mail/sendmail.mc | plain | 🔒 127.0.0.1:smtp |',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('says pass and "No findings." on a clean scan, with a custom title; nothing found says so', () => {
    assert.ok(renderMarkdown(report([])).startsWith('### ✅ relaygate: pass · no findings\n\nNo findings.\n'));
    const none = report([], { configurations: [], summary: { ...report([]).summary, configurations: 0 } });
    assert.equal(renderMarkdown(none, { title: 'Mail relay check' }), '### ✅ Mail relay check: pass · no findings\n\nNo mail server configuration was found.\n');
  });

  it('says the scope and what it hid in the banner', () => {
    const scoped = report([finding()], { scope: { kind: 'changed', changedFiles: 4, configurationsTouched: 2, findingsHidden: 5 } });
    assert.equal(renderMarkdown(scoped).split('\n')[0], '### ❌ relaygate: fail · 1 error · scope: 4 changed files touching 2 configurations · 5 findings hidden');
    const nothingHidden = report([], { scope: { kind: 'changed', changedFiles: 1, configurationsTouched: 0, findingsHidden: 0 } });
    assert.equal(renderMarkdown(nothingHidden).split('\n')[0], '### ✅ relaygate: pass · no findings · scope: 1 changed file touching 0 configurations');
  });

  it('links locations to the blob at the commit, and long paths may break after a slash', () => {
    const out = renderMarkdown(report([finding({ file: 'a b/main.cf', line: 7 }), finding({ file: 'roles/mail/templates/main.cf.j2', line: 3 })]), {
      blobUrl: 'https://github.com/o/r/blob/abc123/',
    });
    assert.ok(out.includes('| [a b/main.cf:7](https://github.com/o/r/blob/abc123/a%20b/main.cf#L7) |'), out);
    assert.ok(out.includes('| [roles/<wbr>mail/<wbr>templates/<wbr>main.cf.j2:3](https://github.com/o/r/blob/abc123/roles/mail/templates/main.cf.j2#L3) |'), out);
  });

  it('escapes pipes, HTML, backticks and newlines from scanned text in cells', () => {
    const out = renderMarkdown(
      report([finding({ message: 'value `x | y`\n<img src=x onerror=alert(1)>\n## heading', fix: '', ids: [], file: 'r|o<le>/main.cf' })], {
        configurations: [{ mta: 'postfix', files: ['a|b\n|c'], inputs: ['a|b\n|c'], form: 'plain' }],
      }),
    );
    const row = out.split('\n').find((l) => l.startsWith('| ❌'))!;
    assert.equal(row, '| ❌ | r\\|o&lt;le&gt;/main.cf:12 | value \\`x \\| y\\`\\\\n&lt;img src=x onerror=alert(1)&gt;\\\\n\\#\\# heading |  |');
    assert.ok(out.includes('| a\\|b\\\\n\\|c | plain | no SMTP listener |'));
    const html = marked.parse(out, { async: false, gfm: true });
    assert.doesNotMatch(html, /<img|<le>|<h2>/);
    // Every table row still has exactly its columns: no unescaped pipe got through.
    for (const line of out.split('\n').filter((l) => l.startsWith('|'))) {
      const cells = line.replace(/\\\|/g, '').split('|').length - 2;
      assert.ok(cells === 4 || cells === 3 || cells === 2, line);
    }
  });

  it('a passing repository with 3,000 configurations gets counts and 25 rows per server, reachable ones first', () => {
    const configurations: ConfigurationSummary[] = Array.from({ length: 3000 }, (_, i) => ({
      mta: i < 2900 ? 'postfix' : 'sendmail',
      files: [`hosts/h${i}/main.cf`],
      inputs: [`hosts/h${i}/main.cf`],
      form: 'plain',
      listens: [i % 100 === 7 ? { address: '*:smtp', reach: 'exposed' } : { address: '127.0.0.1:smtp', reach: 'loopback' }],
    }));
    const out = renderMarkdown(report([], { configurations, summary: { ...report([]).summary, configurations: 3000, filesScanned: 4000 } }));
    assert.equal(rows(out).length, 50);
    assert.ok(out.includes('<details><summary>3000 mail server configurations (2900 Postfix, 100 sendmail) in 4000 files scanned; 30 reachable from other hosts</summary>'));
    assert.ok(out.includes('**Postfix** (2900; the first 25, reachable ones first)'));
    assert.ok(out.includes('2875 more Postfix configurations not listed; the JSON report (and SARIF) lists all of them.'));
    assert.deepEqual(rows(out).slice(0, 2), ['| hosts/h7/main.cf | plain | 🌐 \\*:smtp |', '| hosts/h107/main.cf | plain | 🌐 \\*:smtp |']);
    assert.ok(bytes(out) < 10_000, `${bytes(out)} bytes`);
  });

  it('caps the size: cuts finding rows and says how many were left out', () => {
    const findings = Array.from({ length: 2000 }, (_, i) => finding({ line: i + 1, endLine: i + 1, message: `finding ${i} ${'m'.repeat(200)}` }));
    const out = renderMarkdown(report(findings), { maxBytes: 50_000 });
    assert.ok(bytes(out) <= 50_000, `${bytes(out)} bytes`);
    const shown = out.split('\n').filter((l) => l.startsWith('| ❌')).length;
    assert.ok(shown > 50 && shown < 2000, `${shown} rows`);
    assert.ok(out.includes(`**${2000 - shown} more findings of this rule not shown (the summary is limited to 50000 bytes); the JSON report (and SARIF) lists all of them.**`));
    assert.ok(out.includes('| ❌ | roles/mail/main.cf:1 |'));
    assert.ok(out.includes('<details><summary>1 mail server configuration'));
    assert.ok(out.endsWith('</details>\n'));
  });

  it('stays under the 1 MiB step-summary limit by default, suppressed rows cut first', () => {
    const findings = [
      ...Array.from({ length: 1500 }, (_, i) => finding({ line: i + 1, endLine: i + 1, message: 'é'.repeat(100) })),
      ...Array.from({ length: 3000 }, (_, i) =>
        finding({ line: i + 1, endLine: i + 1, message: 'x'.repeat(150), suppressed: { kind: 'baseline', reason: 'recorded in the baseline '.repeat(10) } }),
      ),
    ];
    const out = renderMarkdown(report(findings));
    assert.ok(bytes(out) <= MARKDOWN_MAX_BYTES, `${bytes(out)} bytes`);
    assert.equal(MARKDOWN_MAX_BYTES, 1_000_000);
    assert.equal(out.split('\n').filter((l) => l.startsWith('| ❌')).length, 1500);
    const suppressedRows = out.split('\n').filter((l) => l.includes('(baseline): recorded')).length;
    assert.ok(suppressedRows > 100 && suppressedRows < 3000, `${suppressedRows} suppressed rows`);
    assert.ok(out.includes(`**${3000 - suppressedRows} more suppressed findings not shown; the JSON report (and SARIF) lists all of them.**`));
    assert.doesNotMatch(out, /more findings of this rule not shown/);
  });

  it('keeps whole lines even when the cap is smaller than the headings', () => {
    assert.equal(renderMarkdown(report([finding()]), { maxBytes: 60 }), '### ❌ relaygate: fail · 1 error\n\n');
  });
});
