import path from 'node:path';
import { plainData } from './model/plain-data.js';
import type { Options } from './config/options.js';
import { OptionsError } from './config/options.js';
import { MAX_BASELINE_BYTES, readSettingFile } from './config/setting-files.js';
import { discover } from './discover/index.js';
import { listening, type ListenSummary } from './mta/listening.js';
import { fixFiles } from './fixes/files.js';
import { materializeFixes } from './fixes/materialize.js';
import type { ConfigurationSummary } from './model/configuration.js';
import type { Finding, RuleResult } from './model/finding.js';
import { applyPolicy } from './policy/index.js';
import { rule as configUnreadable } from './rules/config-unreadable.js';
import { RULES } from './rules/index.js';
import { PROFILES } from './rules/profiles.js';
import { runSources } from './sources/stage.js';

/** Everything one scan found, as plain data: every report is a view of this. */
export interface ScanResult {
  root: string;
  findings: Finding[];
  configurations: ConfigurationSummary[];
  filesScanned: number;
  durationMs: number;
  /** Things skipped or assumed that a user should know about. */
  notes: string[];
  /** Where each configuration accepts SMTP connections, index by index with `configurations`. */
  listening?: ListenSummary[][];
  /** The pull-request scope that applied; null or absent when every finding is reported. */
  scope?: ScanScope | null;
}

/** What a scoped run left out, so every report can say it was scoped. */
export interface ScanScope {
  /** changed: findings of configurations with a changed input; new: findings not present at the merge base. */
  kind: 'changed' | 'new';
  /** Paths in the changed-file list. */
  changedFiles: number;
  /** Configurations with a changed input among their files. */
  configurationsTouched: number;
  /** Active (not suppressed) findings the scope left out. */
  findingsHidden: number;
}

/** The one engine behind the action, the CLI and every report. Imports nothing from @actions/*. */
export async function scan(options: Options): Promise<ScanResult> {
  const started = Date.now();
  const discovery = await discover({
    root: options.root,
    paths: options.paths,
    include: options.include,
    exclude: options.exclude,
  });

  // Plain files, rendered templates and provisioning edits become configurations.
  const sources = await runSources(discovery.candidates, { root: options.root, vars: options.vars });
  const results: RuleResult[] = [...sources.results];
  const context = { profile: PROFILES[options.profile] };
  // Fix plans are checked against the files themselves and become replacements (or nothing).
  const files = fixFiles(options.root, sources.files);
  for (const config of sources.configurations) {
    // A file the mail server itself would refuse (postfix exits, m4 stops) is
    // reported once, as config-unreadable; judging the rest of it would
    // describe a server that cannot start.
    const unreadableConfig = config.diagnostics.some((d) => d.fatal);
    for (const rule of RULES) {
      if (unreadableConfig && rule !== configUnreadable) continue;
      for (const result of rule.check(config, context)) results.push(materializeFixes(sources.annotate(result), files));
    }
  }

  const policy = {
    indeterminate: options.indeterminate,
    baseline: options.baseline ? await readBaseline(options.root, options.baseline) : new Set<string>(),
    changed: options.changed ? new Set(options.changed) : null,
    files: sources.files,
  };
  const findings = applyPolicy(results, policy);
  let scope: ScanScope | null = null;
  if (policy.changed !== null) {
    const changed = policy.changed;
    const active = (list: Finding[]): number => list.filter((f) => f.suppressed === null).length;
    scope = {
      kind: 'changed',
      changedFiles: changed.size,
      configurationsTouched: sources.configurations.filter((c) => c.files.some((f) => changed.has(f))).length,
      findingsHidden: active(applyPolicy(results, { ...policy, changed: null })) - active(findings),
    };
  }

  return {
    root: options.root,
    findings,
    configurations: sources.configurations.map((c) => ({ mta: c.mta, files: c.files, form: c.form })),
    listening: sources.configurations.map(listening),
    filesScanned: discovery.filesListed,
    durationMs: Date.now() - started,
    notes: [...discovery.notes, ...sources.notes],
    scope,
  };
}

/**
 * A baseline is an earlier JSON report: its findings' fingerprints do not
 * fail the scan. Read up to its size limit; anything but a report (JSON
 * `null`, a list, findings that are not objects) is an error naming the file.
 */
export async function readBaseline(root: string, file: string): Promise<Set<string>> {
  const full = path.resolve(root, file);
  const text = await readSettingFile({ setting: 'baseline', file: full, shown: file, limit: MAX_BASELINE_BYTES, kind: 'baseline files' });
  let parsed: unknown;
  try {
    parsed = plainData(JSON.parse(text));
  } catch (e) {
    throw new OptionsError(`baseline: cannot read ${file}: ${(e as Error).message}`);
  }
  const findings = typeof parsed === 'object' && parsed !== null ? (parsed as { findings?: unknown }).findings : undefined;
  if (!Array.isArray(findings)) {
    throw new OptionsError(`baseline: ${file} is not a relaygate JSON report (no "findings" array)`);
  }
  const set = new Set<string>();
  for (const f of findings as unknown[]) {
    const fp = typeof f === 'object' && f !== null ? (f as { fingerprint?: unknown }).fingerprint : undefined;
    if (typeof fp === 'string') set.add(fp);
  }
  return set;
}
