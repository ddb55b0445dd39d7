import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Options } from './config/options.js';
import { OptionsError } from './config/options.js';
import { discover } from './discover/index.js';
import type { ConfigurationSummary } from './model/configuration.js';
import type { Finding, RuleResult } from './model/finding.js';
import type { SourceFile } from './model/source.js';
import type { Configuration } from './mta/configuration.js';
import { assemblePostfix } from './mta/postfix/index.js';
import { assembleSendmail } from './mta/sendmail/index.js';
import { applyPolicy } from './policy/index.js';
import { rule as configUnreadable, unreadable } from './rules/config-unreadable.js';
import { RULES } from './rules/index.js';
import { PROFILES } from './rules/profiles.js';

/** Everything one scan found, as plain data: every report is a view of this. */
export interface ScanResult {
  root: string;
  findings: Finding[];
  configurations: ConfigurationSummary[];
  filesScanned: number;
  durationMs: number;
  /** Things skipped or assumed that a user should know about. */
  notes: string[];
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

  const results: RuleResult[] = [];
  const files = new Map<string, SourceFile>();
  const postfixFiles: SourceFile[] = [];
  const sendmailFiles: SourceFile[] = [];
  for (const candidate of discovery.candidates) {
    if (candidate.unreadable) {
      const u = candidate.unreadable;
      results.push(unreadable(candidate.kind, candidate.path, u.line, u.column, u.reason));
      continue;
    }
    if (!candidate.file) continue;
    const file: SourceFile = { ...candidate.file, role: candidate.role };
    files.set(candidate.path, file);
    (candidate.kind === 'postfix' ? postfixFiles : sendmailFiles).push(file);
  }

  const configurations: Configuration[] = [...assemblePostfix(postfixFiles), ...assembleSendmail(sendmailFiles)];
  const context = { profile: PROFILES[options.profile] };
  for (const config of configurations) {
    // A file the mail server itself would refuse (postfix exits, m4 stops) is
    // reported once, as config-unreadable; judging the rest of it would
    // describe a server that cannot start.
    const unreadableConfig = config.diagnostics.some((d) => d.fatal);
    for (const rule of RULES) {
      if (unreadableConfig && rule !== configUnreadable) continue;
      results.push(...rule.check(config, context));
    }
  }

  const findings = applyPolicy(results, {
    indeterminate: options.indeterminate,
    baseline: options.baseline ? await readBaseline(options.root, options.baseline) : new Set(),
    changed: options.changed ? new Set(options.changed) : null,
    files,
  });

  return {
    root: options.root,
    findings,
    configurations: configurations.map((c) => ({ mta: c.mta, files: c.files, form: c.form })),
    filesScanned: discovery.filesListed,
    durationMs: Date.now() - started,
    notes: discovery.notes,
  };
}

/** A baseline is an earlier JSON report: its findings' fingerprints do not fail the scan. */
export async function readBaseline(root: string, file: string): Promise<Set<string>> {
  const full = path.resolve(root, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(full, 'utf8'));
  } catch (e) {
    throw new OptionsError(`baseline: cannot read ${file}: ${(e as Error).message}`);
  }
  const findings = (parsed as { findings?: unknown }).findings;
  if (!Array.isArray(findings)) {
    throw new OptionsError(`baseline: ${file} is not a relaygate JSON report (no "findings" array)`);
  }
  const set = new Set<string>();
  for (const f of findings) {
    const fp = (f as { fingerprint?: unknown }).fingerprint;
    if (typeof fp === 'string') set.add(fp);
  }
  return set;
}
