import type { Finding } from '../model/finding.js';
import type { ConfigurationSummary } from '../model/configuration.js';
import { markdownCell, pathToUri } from './escape.js';
import { activeFindings, type JsonReport } from './json.js';
import { levelCounts, plural } from './text.js';

/** GitHub refuses a step summary over 1 MiB (github-platform.md, "Job summary"); stay under it. */
export const MARKDOWN_MAX_BYTES = 1_000_000;

export interface MarkdownOptions {
  /** Cap on the UTF-8 size of the output (default 1,000,000). */
  maxBytes?: number;
  /** Heading text (default `relaygate`). */
  title?: string;
  /**
   * Base of file links, e.g. `https://github.com/OWNER/REPO/blob/SHA`; the
   * location cell links to `${blobUrl}/${path}#L${line}`. Without it the
   * location is plain text.
   */
  blobUrl?: string;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** A table whose rows may be cut to fit; `omitted(n)` is the line that says so. */
interface Section {
  before: string[];
  rows: string[];
  after: string[];
  omitted: (n: number) => string;
}

/**
 * The job summary: verdict, counts, every active finding, the suppressed ones
 * folded away, and each configuration found. When it would pass `maxBytes`,
 * rows are cut (active findings keep their room first) and a line says how
 * many were left out and where the full list is.
 */
export function renderMarkdown(report: JsonReport, options: MarkdownOptions = {}): string {
  const maxBytes = options.maxBytes ?? MARKDOWN_MAX_BYTES;
  const title = markdownCell(options.title ?? 'relaygate');
  const active = activeFindings(report.findings);
  const suppressed = report.findings.filter((f) => f.suppressed !== null);
  const s = report.summary;

  const head = [
    `## ${s.result === 'fail' ? '❌' : '✅'} ${title}: ${s.result}`,
    '',
    `**${plural(s.findings, 'finding')}**: ${levelCounts(s.byLevel)}; ${suppressed.length} suppressed. ` +
      `${plural(s.filesScanned, 'file')} scanned, ${plural(s.configurations, 'configuration')}, relaygate ${markdownCell(report.tool.version)}.`,
    '',
  ];

  const seeAll = 'see the JSON or SARIF report for all of them.';
  const sections: Section[] = [];
  if (active.length === 0) {
    head.push('No findings.', '');
  } else {
    sections.push({
      before: ['| level | rule | location | message | certainty |', '|---|---|---|---|---|'],
      rows: active.map((f) => `| ${f.level} | ${rule(f.ruleId)} | ${location(f, options.blobUrl)} | ${message(f)} | ${markdownCell(f.certainty)} |`),
      after: [''],
      omitted: (n) => `**${plural(n, 'more finding')} not shown (the summary is limited to ${maxBytes} bytes); ${seeAll}**`,
    });
  }
  if (suppressed.length > 0) {
    sections.push({
      before: [
        `<details><summary>${plural(suppressed.length, 'suppressed finding')}</summary>`,
        '',
        '| level | rule | location | message | suppressed by |',
        '|---|---|---|---|---|',
      ],
      rows: suppressed.map(
        (f) => `| ${f.level} | ${rule(f.ruleId)} | ${location(f, options.blobUrl)} | ${message(f)} | ${suppressedBy(f)} |`,
      ),
      after: ['', '</details>', ''],
      omitted: (n) => `**${plural(n, 'more suppressed finding')} not shown; ${seeAll}**`,
    });
  }
  const configHeading = ['### Configurations found', ''];
  if (report.configurations.length === 0) {
    sections.push({ before: [...configHeading, 'No mail server configuration was found.'], rows: [], after: [], omitted: () => '' });
  } else {
    sections.push({
      before: [...configHeading, '| mta | form | files |', '|---|---|---|'],
      rows: report.configurations.map(configurationRow),
      after: [],
      omitted: (n) => `**${plural(n, 'more configuration')} not shown; ${seeAll}**`,
    });
  }

  return fit(head, sections, maxBytes);
}

/**
 * Lays out the sections within `maxBytes`: the fixed lines and a worst-case
 * "left out" line per section are reserved first, then rows are taken in
 * order (active findings, suppressed, configurations) while they fit.
 */
function fit(head: string[], sections: Section[], maxBytes: number): string {
  const fixed = [...head, ...sections.flatMap((s) => [...s.before, '', s.omitted(s.rows.length), ...s.after])];
  let budget = maxBytes - bytes(`${fixed.join('\n')}\n`);
  if (budget < 0) return shrinkHead(head, maxBytes);
  const kept = sections.map((s) => {
    let n = 0;
    for (const row of s.rows) {
      const size = bytes(row) + 1;
      if (size > budget) break;
      budget -= size;
      n++;
    }
    return n;
  });
  const lines = [...head];
  sections.forEach((s, i) => {
    const n = kept[i]!;
    lines.push(...s.before, ...s.rows.slice(0, n));
    if (n < s.rows.length) lines.push('', s.omitted(s.rows.length - n));
    lines.push(...s.after);
  });
  return `${lines.join('\n')}\n`;
}

/** Not even the headings fit: keep what does, whole lines only. */
function shrinkHead(head: string[], maxBytes: number): string {
  let out = '';
  for (const line of head) {
    if (bytes(`${out}${line}\n`) > maxBytes) break;
    out += `${line}\n`;
  }
  return out;
}

function rule(id: string): string {
  // Rule ids are ours ([a-z0-9-]); anything else is shown escaped, not as code.
  return /^[a-z0-9-]+$/.test(id) ? `\`${id}\`` : markdownCell(id);
}

function location(f: Finding, blobUrl: string | undefined): string {
  const text = markdownCell(`${f.file}:${f.line}`);
  if (blobUrl === undefined || blobUrl.length === 0) return text;
  return `[${text}](${blobUrl.replace(/\/+$/, '')}/${pathToUri(f.file)}#L${f.line})`;
}

function message(f: Finding): string {
  const parts = [markdownCell(f.message)];
  if (f.fix.length > 0) parts.push(`**Fix:** ${markdownCell(f.fix)}`);
  if (f.ids.length > 0) parts.push(`<sub>${markdownCell(f.ids.join(', '))}</sub>`);
  return parts.join('<br>');
}

function suppressedBy(f: Finding): string {
  const s = f.suppressed!;
  return `${s.kind}: ${markdownCell(s.reason)}`;
}

function configurationRow(c: ConfigurationSummary): string {
  return `| ${markdownCell(c.mta)} | ${markdownCell(c.form)} | ${c.files.map((file) => markdownCell(file)).join('<br>')} |`;
}
