import type { ConfigurationSummary } from '../model/configuration.js';
import type { Finding, Level, Mta } from '../model/finding.js';
import { RULES } from '../rules/index.js';
import { markdownCell, pathToUri } from './escape.js';
import { activeFindings, type JsonReport } from './json.js';
import { ruleDocUrl } from './links.js';
import { plural } from './text.js';

/** GitHub refuses a step summary over 1 MiB (github-platform.md, "Job summary"); stay under it. */
export const MARKDOWN_MAX_BYTES = 1_000_000;
/** Configurations listed per server inside their <details>; the rest are counted. */
export const MAX_CONFIGURATION_ROWS = 25;

export interface MarkdownOptions {
  /** Cap on the UTF-8 size of the output (default 1,000,000). */
  maxBytes?: number;
  /** Heading text (default `relaygate`). */
  title?: string;
  /**
   * Base of file links, e.g. `https://github.com/OWNER/REPO/blob/SHA`; a
   * finding's location links to `${blobUrl}/${path}#L${line}`. Without it
   * the location is plain text.
   */
  blobUrl?: string;
  /** Largest number of configurations listed per server (default 25). */
  maxConfigurationRows?: number;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Lines that are always there, then rows that may be cut to fit; `omitted(n)` is the line that says so. */
interface Block {
  before: string[];
  rows: string[];
  after: string[];
  omitted: (n: number) => string;
}

const ICON: Readonly<Record<Level, string>> = { error: '❌', warning: '⚠️', note: 'ℹ️' };
const SERVER: Readonly<Record<Mta, string>> = { postfix: 'Postfix', sendmail: 'sendmail', exim: 'Exim', opensmtpd: 'OpenSMTPD' };
const SEE_ALL = 'the JSON report (and SARIF) lists all of them';

/**
 * The job summary, for a reader in a browser: one banner line (result,
 * counts, scope and what it hid); per rule, one compact row per finding
 * (where, why, fix) with the rule's STIG ids once, folded; suppressed
 * findings and the configurations found (per server, with where each
 * listens) folded away. Under `maxBytes`, rows are cut (findings keep their
 * room first) and a line says how many were left out.
 */
export function renderMarkdown(report: JsonReport, options: MarkdownOptions = {}): string {
  const maxBytes = options.maxBytes ?? MARKDOWN_MAX_BYTES;
  const active = activeFindings(report.findings);
  const suppressed = report.findings.filter((f) => f.suppressed !== null);
  const head = [banner(report, options.title ?? 'relaygate', suppressed.length), ''];
  const blocks: Block[] = [];

  if (active.length === 0) head.push(report.summary.configurations === 0 ? 'No mail server configuration was found.' : 'No findings.', '');
  for (const [ruleId, findings] of groupBy(active, (f) => f.ruleId)) blocks.push(ruleBlock(ruleId, findings, report, options));
  if (active.some(hasEdit)) {
    const legend = `<sub>${EDIT_MARK} the finding comes with a mechanical fix: \`replacements\` in the JSON report, \`fixes\` in SARIF.</sub>`;
    blocks.push({ before: [legend, ''], rows: [], after: [], omitted: () => '' });
  }
  if (suppressed.length > 0) blocks.push(suppressedBlock(suppressed, options));
  blocks.push(...configurationBlocks(report.configurations, report.summary.filesScanned, options.maxConfigurationRows ?? MAX_CONFIGURATION_ROWS));
  return fit(head, blocks, maxBytes);
}

/** "### ❌ relaygate: fail · 3 errors, 1 warning · 2 suppressed · scope: 4 changed files touching 2 configurations · 5 findings hidden": one line. */
function banner(report: JsonReport, title: string, suppressed: number): string {
  const s = report.summary;
  const counts = (['error', 'warning', 'note'] as const).filter((l) => s.byLevel[l] > 0).map((l) => plural(s.byLevel[l], l));
  const parts = [counts.length > 0 ? counts.join(', ') : 'no findings', ...(suppressed > 0 ? [`${suppressed} suppressed`] : [])];
  const scope = report.scope;
  if (scope !== undefined) {
    const changed = plural(scope.changedFiles, 'changed file');
    const touched = `touching ${plural(scope.configurationsTouched, 'configuration')}`;
    parts.push(`scope: ${scope.kind === 'new' ? `new findings in ${changed}` : `${changed} ${touched}`}`);
    if (scope.findingsHidden > 0) parts.push(`${plural(scope.findingsHidden, 'finding')} hidden`);
  }
  return `### ${s.result === 'fail' ? '❌' : '✅'} ${markdownCell(title)}: ${s.result} · ${parts.join(' · ')}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}

function ruleLink(ruleId: string, version: string): string {
  // Rule ids are ours ([a-z0-9-]); anything else is shown escaped, not as code.
  const label = /^[a-z0-9-]+$/.test(ruleId) ? `\`${ruleId}\`` : markdownCell(ruleId);
  return `[${label}](${ruleDocUrl(ruleId, version)})`;
}

function ruleBlock(ruleId: string, findings: Finding[], report: JsonReport, options: MarkdownOptions): Block {
  const title = RULES.find((r) => r.meta.id === ruleId)?.meta.title;
  const idLists = [...new Set(findings.map((f) => f.ids.join(', ')).filter((ids) => ids.length > 0))];
  const after: string[] = [''];
  if (idLists.length > 0) {
    after.push('<details><summary>STIG ids</summary>', '', ...idLists.map((ids) => markdownCell(ids, 4000)), '', '</details>', '');
  }
  return {
    before: [
      `#### ${ruleLink(ruleId, report.tool.version)}${title ? ` ${markdownCell(title)}` : ''} · ${plural(findings.length, 'finding')}`,
      '',
      '| | where | why | fix |',
      '|---|---|---|---|',
    ],
    rows: findings.map((f) => findingRow(f, options.blobUrl)),
    after,
    omitted: (n) => `**${plural(n, 'more finding')} of this rule not shown (the summary is limited to ${options.maxBytes ?? MARKDOWN_MAX_BYTES} bytes); ${SEE_ALL}.**`,
  };
}

/**
 * Escaped cell text whose long unbroken runs (a path, `-o name=a,b,c`) may
 * break after `/`, `,` and `=`: without a break opportunity one such run
 * makes the table wider than the page. `<wbr>` (which GitHub keeps) is not
 * copied with the text, so a value pasted from the summary stays intact.
 */
function breakable(escaped: string): string {
  return escaped.replace(/\S{30,}/g, (run) => run.replace(/([/,=])(?!$)/g, '$1<wbr>'));
}

function location(f: Finding, blobUrl: string | undefined): string {
  const text = breakable(markdownCell(`${f.file}:${f.line}`));
  if (blobUrl === undefined || blobUrl.length === 0) return text;
  return `[${text}](${blobUrl.replace(/(?<!\/)\/+$/, '')}/${pathToUri(f.file)}#L${f.line})`;
}

const hasEdit = (f: Finding): boolean => f.replacements !== undefined && f.replacements.length > 0;
const EDIT_MARK = '✎';

function findingRow(f: Finding, blobUrl: string | undefined): string {
  const message = breakable(markdownCell(f.message));
  const why = f.certainty === 'indeterminate' ? `**Indeterminate:** ${message}` : message;
  const edit = hasEdit(f) ? ` ${EDIT_MARK}` : '';
  return `| ${ICON[f.level]} | ${location(f, blobUrl)} | ${why} | ${breakable(markdownCell(f.fix))}${edit} |`;
}

function suppressedBlock(suppressed: Finding[], options: MarkdownOptions): Block {
  return {
    before: [`<details><summary>${plural(suppressed.length, 'suppressed finding')}</summary>`, '', '| where | rule, and why it is suppressed |', '|---|---|'],
    rows: suppressed.map(
      (f) => `| ${location(f, options.blobUrl)} | \`${markdownCell(f.ruleId)}\` (${f.suppressed!.kind}): ${breakable(markdownCell(f.suppressed!.reason))} |`,
    ),
    after: ['', '</details>', ''],
    omitted: (n) => `**${plural(n, 'more suppressed finding')} not shown; ${SEE_ALL}.**`,
  };
}

const REACH: Readonly<Record<'loopback' | 'exposed' | 'unknown', string>> = { exposed: '🌐', loopback: '🔒', unknown: '❔' };

function listensCell(c: ConfigurationSummary): string {
  const listens = c.listens ?? [];
  if (listens.length === 0) return 'no SMTP listener';
  return listens.map((l) => `${REACH[l.reach]} ${markdownCell(l.address)}`).join('<br>');
}

const REACH_ORDER = { exposed: 0, unknown: 1, loopback: 2 } as const;

function reachOf(c: ConfigurationSummary): keyof typeof REACH_ORDER {
  const listens = c.listens ?? [];
  if (listens.some((l) => l.reach === 'exposed')) return 'exposed';
  return listens.some((l) => l.reach === 'unknown') ? 'unknown' : 'loopback';
}

/**
 * The configurations, folded: per server a table of its configurations
 * (files, form, where it listens), those other hosts can reach first, at
 * most `maxRows` each, so a repository with thousands of them gets counts
 * and a short list, not a table of thousands of rows.
 */
function configurationBlocks(configurations: readonly ConfigurationSummary[], filesScanned: number, maxRows: number): Block[] {
  if (configurations.length === 0) return [];
  const byServer = groupBy(configurations, (c) => c.mta);
  const servers = [...byServer].map(([mta, list]) => `${list.length} ${SERVER[mta as Mta] ?? markdownCell(mta)}`).join(', ');
  const reachable = configurations.filter((c) => reachOf(c) !== 'loopback').length;
  const summary =
    `${plural(configurations.length, 'mail server configuration')} (${servers}) in ${plural(filesScanned, 'file')} scanned; ` +
    `${reachable} reachable from other hosts`;
  const blocks: Block[] = [];
  const entries = [...byServer];
  entries.forEach(([mta, list], i) => {
    const ordered = [...list].sort((a, b) => REACH_ORDER[reachOf(a)] - REACH_ORDER[reachOf(b)]);
    const shown = ordered.slice(0, maxRows);
    const more = list.length - shown.length;
    const name = SERVER[mta as Mta] ?? markdownCell(mta);
    blocks.push({
      before: [
        ...(i === 0 ? [`<details><summary>${summary}</summary>`, ''] : []),
        `**${name}** (${list.length}${more > 0 ? `; the first ${shown.length}, reachable ones first` : ''})`,
        '',
        '| configuration | form | listens on |',
        '|---|---|---|',
      ],
      rows: shown.map((c) => `| ${c.files.map((file) => breakable(markdownCell(file))).join('<br>')} | ${markdownCell(c.form)} | ${listensCell(c)} |`),
      after: [
        ...(more > 0 ? ['', `${plural(more, `more ${name} configuration`)} not listed; ${SEE_ALL}.`] : []),
        '',
        ...(i === entries.length - 1 ? ['</details>', ''] : []),
      ],
      omitted: (n) => `**${plural(n, `more ${name} configuration`)} not shown; ${SEE_ALL}.**`,
    });
  });
  return blocks;
}

/**
 * Lays out the blocks within `maxBytes`: the fixed lines and a worst-case
 * "left out" line per block are reserved first, then rows are taken in
 * order (findings, suppressed, configurations) while they fit.
 */
function fit(head: string[], blocks: Block[], maxBytes: number): string {
  const fixed = [...head, ...blocks.flatMap((b) => [...b.before, '', b.omitted(b.rows.length), ...b.after])];
  let budget = maxBytes - bytes(`${fixed.join('\n')}\n`);
  if (budget < 0) return shrinkHead(head, maxBytes);
  const kept = blocks.map((b) => {
    let n = 0;
    for (const row of b.rows) {
      const size = bytes(row) + 1;
      if (size > budget) break;
      budget -= size;
      n++;
    }
    return n;
  });
  const lines = [...head];
  blocks.forEach((b, i) => {
    const n = kept[i]!;
    lines.push(...b.before, ...b.rows.slice(0, n));
    if (n < b.rows.length) lines.push('', b.omitted(b.rows.length - n));
    lines.push(...b.after);
  });
  return `${lines.join('\n').replace(/(?<!\n)\n+$/, '')}\n`;
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
