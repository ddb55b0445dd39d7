import { gzipSync } from 'node:zlib';
import type * as Sarif from 'sarif';
import { levelRank, type Finding, type Related, type Replacement } from '../model/finding.js';
import type { RuleMeta } from '../rules/rule.js';
import { RULES } from '../rules/index.js';
import { markdownText, pathToUri } from './escape.js';
import type { JsonReport } from './json.js';
import { REPOSITORY_URL, ruleDocUrl } from './links.js';

/** GitHub code scanning rejects a run with more results than this (github-platform.md, "SARIF"). */
export const SARIF_MAX_RESULTS = 25_000;
/** ...and a result with more locations than this. */
export const SARIF_MAX_RELATED_LOCATIONS = 1_000;
/** ...and a file larger than this once gzip-compressed (10 MB). */
export const SARIF_MAX_GZIP_BYTES = 10_000_000;

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = REPOSITORY_URL;
/**
 * relaygate's own fingerprint key. upload-sarif computes
 * `primaryLocationLineHash` itself from the file and warns about an
 * "inconsistent fingerprint value" when a tool writes one; a tool-specific
 * key is kept alongside it and keeps matching across runs.
 */
export const FINGERPRINT_KEY = 'relaygate/v1';
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /**
   * Where the scan root is in the repository: its POSIX path relative to the
   * repository's top level ('' or absent when it is the top level). Code
   * scanning places results by repository-relative paths, whatever
   * directory was scanned.
   */
  root?: string;
  /** Code scanning category: written as runAutomationDetails.id (`category/`), as upload-sarif's `category` input does. */
  category?: string;
  /** Cap on the gzip-compressed size (default 10 MB). */
  maxGzipBytes?: number;
}

/**
 * Metadata for a rule id that RULES does not know (a report written by
 * another version, say): code scanning needs a descriptor for every result,
 * and a result without one would be rejected with the whole file.
 */
function unknownRuleMeta(id: string): RuleMeta {
  return {
    id,
    title: `relaygate rule ${id}`,
    description: `Findings of the relaygate rule ${id}.`,
    help: `See the relaygate documentation for the rule ${id}.`,
    defaultLevel: 'warning',
    securitySeverity: 5.0,
    stig: false,
  };
}

/** `stig-postfix-relay` -> `StigPostfixRelay`: SARIF's `name` is an identifier-like label. */
function ruleName(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  return name.length > 0 ? name : 'Rule';
}

function helpMarkdown(meta: RuleMeta, url: string): string {
  const stig = meta.stig
    ? '\n\nThis is a DISA STIG check (GEN004710, "Mail relaying must be restricted", and its successors); each result lists the STIG, vulnerability, rule and CCI ids of the profile it was judged under.'
    : '';
  // The metadata is plain text: escaped, so m4 quotes and _NAMES_ show as written.
  return `**${markdownText(meta.title)}**\n\n${markdownText(meta.description)}\n\n${markdownText(meta.help)}${stig}\n\n[Rule documentation](${url})`;
}

export function ruleDescriptor(meta: RuleMeta, version: string): Sarif.ReportingDescriptor {
  const tags = meta.stig ? ['security', 'stig', 'mail-relay'] : ['security', 'mail-relay'];
  const url = ruleDocUrl(meta.id, version);
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: meta.help, markdown: helpMarkdown(meta, url) },
    helpUri: url,
    defaultConfiguration: { level: meta.defaultLevel },
    properties: {
      tags,
      // Code scanning reads it as a string: >= 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
      'security-severity': meta.securitySeverity.toFixed(1),
      precision: 'very-high',
      'problem.severity': meta.defaultLevel === 'note' ? 'recommendation' : meta.defaultLevel,
    },
  };
}

function positive(n: number): boolean {
  return Number.isInteger(n) && n >= 1;
}

/** A region code scanning accepts: columns only when they make a non-empty, ordered range. */
function region(f: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): Sarif.Region {
  const startLine = positive(f.line) ? f.line : 1;
  const endLine = positive(f.endLine) && f.endLine >= startLine ? f.endLine : startLine;
  const r: Sarif.Region = { startLine, endLine };
  if (positive(f.column)) {
    r.startColumn = f.column;
    if (positive(f.endColumn) && (endLine > startLine || f.endColumn > f.column)) r.endColumn = f.endColumn;
  }
  return r;
}

/** Paths in the report are relative to the scan root; SARIF's to the repository's top level. */
type Uri = (file: string) => Sarif.ArtifactLocation;

function artifacts(root: string | undefined): Uri {
  const prefix = (root ?? '').replace(/^(\.\/)+/, '').replace(/^\.$/, '').replace(/(?<!\/)\/+$/, '');
  return (file) => {
    const relative = file.replace(/^(\.\/)+/, '');
    const joined = prefix === '' ? relative : relative === '.' || relative === '' ? prefix : `${prefix}/${relative}`;
    const uri = pathToUri(joined);
    return { uri: uri.length > 0 ? uri : '.', uriBaseId: SRCROOT };
  };
}

function relatedLocation(related: Related, id: number, uri: Uri): Sarif.Location {
  const r: Sarif.Region = { startLine: positive(related.line) ? related.line : 1 };
  if (related.column !== undefined && positive(related.column)) r.startColumn = related.column;
  const location: Sarif.Location = { id, physicalLocation: { artifactLocation: uri(related.file), region: r } };
  if (related.message.trim().length > 0) location.message = { text: related.message };
  return location;
}

function nonEmpty(text: string, fallback: string): string {
  return text.trim().length > 0 ? text : fallback;
}

function messageText(f: Finding): string {
  const message = nonEmpty(f.message, `${f.ruleId} finding.`);
  return f.fix.trim().length > 0 ? `${message} Fix: ${f.fix}` : message;
}

/** The finding's fingerprint, or a stable stand-in: an empty string would reject the file. */
function fingerprintOf(f: Finding): string {
  if (f.fingerprint.trim().length > 0) return f.fingerprint;
  return `${f.ruleId}:${pathToUri(f.file)}:${f.line}`;
}

/** An inline suppression is a decision written beside the configuration; a baseline match is known debt, not accepted risk. */
function suppressions(f: Finding, uri: Uri): Sarif.Suppression[] | undefined {
  if (f.suppressed === null || f.suppressed.kind !== 'inline') return undefined;
  const s: Sarif.Suppression = { kind: 'inSource', status: 'accepted' };
  if (f.suppressed.reason.trim().length > 0) s.justification = f.suppressed.reason;
  if (f.suppressed.file !== undefined && f.suppressed.file.length > 0 && f.suppressed.line !== undefined) {
    s.location = { physicalLocation: { artifactLocation: uri(f.suppressed.file), region: { startLine: f.suppressed.line } } };
  }
  return [s];
}

/**
 * The replaced span as a SARIF region. Unlike a result's region it keeps an
 * empty range (startColumn = endColumn): that is an insertion point.
 */
function deletedRegion(r: Replacement): Sarif.Region {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

/** A finding's replacements as one SARIF fix: one artifactChange per file, in order. */
function fixes(f: Finding, uri: Uri): Sarif.Fix[] | undefined {
  const replacements = (f.replacements ?? []).filter((r) => positive(r.line) && positive(r.column) && positive(r.endLine) && positive(r.endColumn));
  if (replacements.length === 0) return undefined;
  const byFile = new Map<string, Sarif.Replacement[]>();
  for (const r of replacements) {
    const replacement: Sarif.Replacement = { deletedRegion: deletedRegion(r) };
    // No insertedContent means a deletion; an empty string would be rejected.
    if (r.text.length > 0) replacement.insertedContent = { text: r.text };
    byFile.set(r.file, [...(byFile.get(r.file) ?? []), replacement]);
  }
  const fix: Sarif.Fix = {
    artifactChanges: [...byFile].map(([file, list]) => ({ artifactLocation: uri(file), replacements: list })),
  };
  if (f.fix.trim().length > 0) fix.description = { text: f.fix };
  return [fix];
}

function result(f: Finding, ruleIndex: number, uri: Uri, baseline: boolean): Sarif.Result {
  const r: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: f.level,
    message: { text: messageText(f) },
    locations: [{ physicalLocation: { artifactLocation: uri(f.file), region: region(f) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(f) },
  };
  if (baseline) r.baselineState = f.suppressed?.kind === 'baseline' ? 'unchanged' : 'new';
  const properties: Sarif.PropertyBag = { certainty: f.certainty, mta: f.mta };
  const ids = f.ids.filter((id) => id.trim().length > 0);
  if (ids.length > 0) properties['stigIds'] = ids;
  if (f.fix.trim().length > 0) properties['fix'] = f.fix;
  if (f.related.length > 0) {
    // One location is the primary one; the rest of GitHub's 1,000 may be related.
    const kept = f.related.slice(0, SARIF_MAX_RELATED_LOCATIONS - 1);
    r.relatedLocations = kept.map((rel, i) => relatedLocation(rel, i + 1, uri));
    if (kept.length < f.related.length) properties['relatedLocationsOmitted'] = f.related.length - kept.length;
  }
  r.properties = properties;
  const s = suppressions(f, uri);
  if (s) r.suppressions = s;
  const fx = fixes(f, uri);
  if (fx) r.fixes = fx;
  return r;
}

/**
 * The findings in the order they are given up when some must go: active
 * before suppressed, then by level, then by the rule's security-severity,
 * then definite before indeterminate; the report's own order breaks ties.
 */
function bySeverity(findings: readonly Finding[], severity: (ruleId: string) => number): number[] {
  const order = findings.map((_, i) => i);
  const key = (f: Finding): number[] => [
    f.suppressed === null ? 1 : 0,
    levelRank(f.level),
    severity(f.ruleId),
    f.certainty === 'definite' ? 1 : 0,
  ];
  const keys = findings.map(key);
  order.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    for (let k = 0; k < ka.length; k++) if (ka[k] !== kb[k]) return kb[k]! - ka[k]!;
    return a - b;
  });
  return order;
}

const gzipSize = (log: Sarif.Log): number => gzipSync(JSON.stringify(log, null, 2)).length;

export function buildSarif(report: JsonReport, options: SarifOptions = {}): Sarif.Log {
  const version = report.tool.version;
  const metas: RuleMeta[] = RULES.map((r) => r.meta);
  for (const f of report.findings) {
    if (!metas.some((m) => m.id === f.ruleId)) metas.push(unknownRuleMeta(f.ruleId));
  }
  const indexOf = new Map(metas.map((m, i) => [m.id, i]));
  const severityOf = new Map(metas.map((m) => [m.id, m.securitySeverity]));
  const uri = artifacts(options.root);
  // baselineState on every result of the run or on none: only when the report shows a baseline was matched.
  const baseline = report.findings.some((f) => f.suppressed?.kind === 'baseline');
  const all = report.findings.map((f) => result(f, indexOf.get(f.ruleId)!, uri, baseline));
  const order = bySeverity(report.findings, (id) => severityOf.get(id) ?? 0);

  const make = (kept: number, why: string | null): Sarif.Log => {
    const keep = new Set(order.slice(0, kept));
    const invocation: Sarif.Invocation = { executionSuccessful: true };
    const run: Sarif.Run = {
      tool: {
        driver: {
          name: 'relaygate',
          version,
          semanticVersion: version,
          informationUri: INFORMATION_URI,
          rules: metas.map((m) => ruleDescriptor(m, version)),
        },
      },
      invocations: [invocation],
      columnKind: 'utf16CodeUnits',
      results: all.filter((_, i) => keep.has(i)),
    };
    const category = options.category?.trim();
    if (category) run.automationDetails = { id: category.endsWith('/') ? category : `${category}/` };
    const total = all.length;
    if (why !== null && kept < total) {
      const text = `${total - kept} of ${total} results were left out: ${why}, so the most severe were kept. The JSON report lists every finding.`;
      invocation.toolExecutionNotifications = [{ level: 'warning', descriptor: { id: 'results-truncated' }, message: { text } }];
      run.properties = { truncated: true, totalResults: total, omittedResults: total - kept };
    }
    return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  };

  let kept = Math.min(all.length, SARIF_MAX_RESULTS);
  let why: string | null = kept < all.length ? `GitHub code scanning accepts at most ${SARIF_MAX_RESULTS} per run` : null;
  let log = make(kept, why);
  const maxGzip = options.maxGzipBytes ?? SARIF_MAX_GZIP_BYTES;
  // Code scanning rejects a file over 10 MB gzip-compressed as a whole: shrink until it fits.
  for (let size = gzipSize(log); size > maxGzip && kept > 0; size = gzipSize(log)) {
    kept = Math.max(0, Math.min(kept - 1, Math.floor((kept * maxGzip * 0.95) / size)));
    why = `GitHub code scanning accepts at most ${maxGzip} bytes of gzip-compressed SARIF`;
    log = make(kept, why);
  }
  return log;
}

export function renderSarif(report: JsonReport, options: SarifOptions = {}): string {
  return `${JSON.stringify(buildSarif(report, options), null, 2)}\n`;
}
