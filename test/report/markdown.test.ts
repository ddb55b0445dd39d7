import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MARKDOWN_MAX_BYTES, renderMarkdown } from '../../src/report/markdown.js';
import { finding, report } from './fixture.js';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

describe('Markdown job summary', () => {
  it('renders verdict, counts, every finding, suppressed ones folded, and the configurations', () => {
    const out = renderMarkdown(
      report([
        finding(),
        finding({ level: 'warning', certainty: 'indeterminate', line: 20, ids: [], fix: '' }),
        finding({ suppressed: { kind: 'inline', reason: 'ISSO ticket 42' } }),
      ]),
    );
    assert.equal(
      out,
      [
        '## ❌ relaygate: fail',
        '',
        '**2 findings**: 1 error, 1 warning, 0 notes; 1 suppressed. 3 files scanned, 1 configuration, relaygate 1.2.3.',
        '',
        '| level | rule | location | message | certainty |',
        '|---|---|---|---|---|',
        '| error | `stig-postfix-relay` | roles/mail/main.cf:12 | smtpd\\_client\\_restrictions is empty, so any client may relay.<br>**Fix:** Set smtpd\\_client\\_restrictions = permit\\_mynetworks, reject.<br><sub>GEN004710, V-218553</sub> | definite |',
        '| warning | `stig-postfix-relay` | roles/mail/main.cf:20 | smtpd\\_client\\_restrictions is empty, so any client may relay. | indeterminate |',
        '',
        '<details><summary>1 suppressed finding</summary>',
        '',
        '| level | rule | location | message | suppressed by |',
        '|---|---|---|---|---|',
        '| error | `stig-postfix-relay` | roles/mail/main.cf:12 | smtpd\\_client\\_restrictions is empty, so any client may relay.<br>**Fix:** Set smtpd\\_client\\_restrictions = permit\\_mynetworks, reject.<br><sub>GEN004710, V-218553</sub> | inline: ISSO ticket 42 |',
        '',
        '</details>',
        '',
        '### Configurations found',
        '',
        '| mta | form | files |',
        '|---|---|---|',
        '| postfix | plain | roles/mail/main.cf<br>roles/mail/master.cf |',
        '',
      ].join('\n'),
    );
  });

  it('says pass and "No findings." on a clean scan, with a custom title', () => {
    const out = renderMarkdown(report([], { configurations: [] }), { title: 'Mail relay check' });
    assert.equal(
      out,
      [
        '## ✅ Mail relay check: pass',
        '',
        '**0 findings**: 0 errors, 0 warnings, 0 notes; 0 suppressed. 3 files scanned, 1 configuration, relaygate 1.2.3.',
        '',
        'No findings.',
        '',
        '### Configurations found',
        '',
        'No mail server configuration was found.',
        '',
      ].join('\n'),
    );
  });

  it('links locations when given a blob URL', () => {
    const out = renderMarkdown(report([finding({ file: 'a b/main.cf', line: 7 })]), { blobUrl: 'https://github.com/o/r/blob/abc123/' });
    assert.ok(out.includes('| [a b/main.cf:7](https://github.com/o/r/blob/abc123/a%20b/main.cf#L7) |'));
  });

  it('escapes pipes, HTML, backticks and newlines from scanned text in cells', () => {
    const out = renderMarkdown(
      report([finding({ message: 'value `x | y`\n<img src=x onerror=alert(1)>\n## heading', fix: '', ids: [], file: 'r|o<le>/main.cf' })], {
        configurations: [{ mta: 'postfix', files: ['a|b\n|c'], form: 'plain' }],
      }),
    );
    const row = out.split('\n').find((l) => l.startsWith('| error'))!;
    assert.equal(
      row,
      '| error | `stig-postfix-relay` | r\\|o&lt;le&gt;/main.cf:12 | value \\`x \\| y\\`\\\\n&lt;img src=x onerror=alert(1)&gt;\\\\n\\#\\# heading | definite |',
    );
    assert.ok(out.includes('| postfix | plain | a\\|b\\\\n\\|c |'));
    // Every table row still has exactly its columns: no unescaped pipe got through.
    for (const line of out.split('\n').filter((l) => l.startsWith('|'))) {
      const cells = line.replace(/\\\|/g, '').split('|').length - 2;
      assert.ok(cells === 5 || cells === 3, line);
    }
    assert.doesNotMatch(out, /<img|<le>/);
  });

  it('caps the size: cuts the findings table and says how many were left out', () => {
    const findings = Array.from({ length: 2000 }, (_, i) => finding({ line: i + 1, endLine: i + 1, message: `finding ${i} ${'m'.repeat(200)}` }));
    const out = renderMarkdown(report(findings), { maxBytes: 50_000 });
    assert.ok(bytes(out) <= 50_000, `${bytes(out)} bytes`);
    const shown = out.split('\n').filter((l) => l.startsWith('| error')).length;
    assert.ok(shown > 50 && shown < 2000, `${shown} rows`);
    assert.ok(out.includes(`**${2000 - shown} more findings not shown (the summary is limited to 50000 bytes); see the JSON or SARIF report for all of them.**`));
    // The rows shown are the first ones, in order, and the sections after the table survive.
    assert.ok(out.includes('| roles/mail/main.cf:1 |'));
    assert.ok(out.includes('### Configurations found'));
    assert.ok(out.endsWith('| postfix | plain | roles/mail/main.cf<br>roles/mail/master.cf |\n'));
  });

  it('stays under the 1 MiB step-summary limit by default, suppressed rows cut first', () => {
    const findings = [
      ...Array.from({ length: 1500 }, (_, i) => finding({ line: i + 1, endLine: i + 1, message: 'é'.repeat(100) })),
      ...Array.from({ length: 3000 }, (_, i) =>
        finding({ line: i + 1, endLine: i + 1, message: 'x'.repeat(150), suppressed: { kind: 'baseline', reason: 'recorded in the baseline' } }),
      ),
    ];
    const out = renderMarkdown(report(findings));
    assert.ok(bytes(out) <= MARKDOWN_MAX_BYTES, `${bytes(out)} bytes`);
    assert.equal(MARKDOWN_MAX_BYTES, 1_000_000);
    const rows = out.split('\n').filter((l) => l.startsWith('| error'));
    const suppressedRows = rows.filter((l) => l.endsWith('| baseline: recorded in the baseline |')).length;
    assert.equal(rows.length - suppressedRows, 1500);
    assert.ok(suppressedRows > 100 && suppressedRows < 3000, `${suppressedRows} suppressed rows`);
    assert.ok(out.includes(`**${3000 - suppressedRows} more suppressed findings not shown; see the JSON or SARIF report for all of them.**`));
    assert.match(out, /\*\*\d+ more suppressed findings not shown; see the JSON or SARIF report for all of them\.\*\*/);
    assert.doesNotMatch(out, /more findings not shown/);
    assert.ok(out.includes('</details>'));
  });

  it('keeps whole lines even when the cap is smaller than the headings', () => {
    const out = renderMarkdown(report([finding()]), { maxBytes: 30 });
    assert.equal(out, '## ❌ relaygate: fail\n\n');
  });
});
