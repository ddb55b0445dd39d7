import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import { levelRank, type Finding, type Related } from '../model/finding.js';
import type { RuleMeta } from '../rules/rule.js';
import { RULES } from '../rules/index.js';
import { pathToUri } from './escape.js';
import type { JsonReport } from './json.js';

/** GitHub code scanning rejects a run with more results than this (github-platform.md, "SARIF"). */
export const SARIF_MAX_RESULTS = 25_000;
/** ...and a result with more locations than this. */
export const SARIF_MAX_RELATED_LOCATIONS = 1_000;

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/relaygate/relaygate';
const SRCROOT = '%SRCROOT%';

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

function helpMarkdown(meta: RuleMeta): string {
  const stig = meta.stig
    ? '\n\nThis is a DISA STIG check (GEN004710, "Mail relaying must be restricted", and its successors); each result lists the STIG, vulnerability, rule and CCI ids of the profile it was judged under.'
    : '';
  return `**${meta.title}**\n\n${meta.description}\n\n${meta.help}${stig}`;
}

export function ruleDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const tags = meta.stig ? ['security', 'stig', 'mail-relay'] : ['security', 'mail-relay'];
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: meta.help, markdown: helpMarkdown(meta) },
    helpUri: `${INFORMATION_URI}#rules`,
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

function artifact(file: string): Sarif.ArtifactLocation {
  const uri = pathToUri(file);
  return { uri: uri.length > 0 ? uri : '.', uriBaseId: SRCROOT };
}

function relatedLocation(related: Related, id: number): Sarif.Location {
  const r: Sarif.Region = { startLine: positive(related.line) ? related.line : 1 };
  if (related.column !== undefined && positive(related.column)) r.startColumn = related.column;
  const location: Sarif.Location = { id, physicalLocation: { artifactLocation: artifact(related.file), region: r } };
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
function lineHash(f: Finding): string {
  if (f.fingerprint.trim().length > 0) return f.fingerprint;
  return createHash('sha256').update(`${f.ruleId}\0${f.file}\0${f.line}\0${f.message}`).digest('hex').slice(0, 32);
}

function suppressions(f: Finding): Sarif.Suppression[] | undefined {
  if (f.suppressed === null) return undefined;
  const s: Sarif.Suppression = {
    kind: f.suppressed.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
  };
  if (f.suppressed.reason.trim().length > 0) s.justification = f.suppressed.reason;
  if (f.suppressed.file !== undefined && f.suppressed.file.length > 0 && f.suppressed.line !== undefined) {
    s.location = { physicalLocation: { artifactLocation: artifact(f.suppressed.file), region: { startLine: f.suppressed.line } } };
  }
  return [s];
}

function result(f: Finding, ruleIndex: number): Sarif.Result {
  const r: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: f.level,
    message: { text: messageText(f) },
    locations: [{ physicalLocation: { artifactLocation: artifact(f.file), region: region(f) } }],
    partialFingerprints: { primaryLocationLineHash: lineHash(f) },
  };
  const properties: Sarif.PropertyBag = { certainty: f.certainty, mta: f.mta };
  const ids = f.ids.filter((id) => id.trim().length > 0);
  if (ids.length > 0) properties['stigIds'] = ids;
  if (f.fix.trim().length > 0) properties['fix'] = f.fix;
  if (f.related.length > 0) {
    // One location is the primary one; the rest of GitHub's 1,000 may be related.
    const kept = f.related.slice(0, SARIF_MAX_RELATED_LOCATIONS - 1);
    r.relatedLocations = kept.map((rel, i) => relatedLocation(rel, i + 1));
    if (kept.length < f.related.length) properties['relatedLocationsOmitted'] = f.related.length - kept.length;
  }
  r.properties = properties;
  const s = suppressions(f);
  if (s) r.suppressions = s;
  return r;
}

/**
 * The indexes of the findings to keep when there are more than the limit:
 * active before suppressed, then by level, then by the rule's
 * security-severity, then definite before indeterminate; the report's own
 * order breaks ties and is kept in the output.
 */
function keepMostSevere(findings: readonly Finding[], severity: (ruleId: string) => number, limit: number): Set<number> {
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
  return new Set(order.slice(0, limit));
}

export function buildSarif(report: JsonReport): Sarif.Log {
  const metas: RuleMeta[] = RULES.map((r) => r.meta);
  for (const f of report.findings) {
    if (!metas.some((m) => m.id === f.ruleId)) metas.push(unknownRuleMeta(f.ruleId));
  }
  const indexOf = new Map(metas.map((m, i) => [m.id, i]));
  const severityOf = new Map(metas.map((m) => [m.id, m.securitySeverity]));

  const total = report.findings.length;
  let findings: readonly Finding[] = report.findings;
  if (total > SARIF_MAX_RESULTS) {
    const kept = keepMostSevere(report.findings, (id) => severityOf.get(id) ?? 0, SARIF_MAX_RESULTS);
    findings = report.findings.filter((_, i) => kept.has(i));
  }
  const omitted = total - findings.length;

  const invocation: Sarif.Invocation = { executionSuccessful: true };
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'relaygate',
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: INFORMATION_URI,
        rules: metas.map(ruleDescriptor),
      },
    },
    invocations: [invocation],
    columnKind: 'utf16CodeUnits',
    results: findings.map((f) => result(f, indexOf.get(f.ruleId)!)),
  };
  if (omitted > 0) {
    const text = `${omitted} of ${total} results were left out: GitHub code scanning accepts at most ${SARIF_MAX_RESULTS} per run, so the most severe were kept. The JSON report lists every finding.`;
    invocation.toolExecutionNotifications = [
      { level: 'warning', descriptor: { id: 'results-truncated' }, message: { text } },
    ];
    run.properties = { truncated: true, totalResults: total, omittedResults: omitted };
  }
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

export function renderSarif(report: JsonReport): string {
  return `${JSON.stringify(buildSarif(report), null, 2)}\n`;
}
