import path from 'node:path';
import { plainData } from './model/plain-data.js';
import type { Options } from './config/options.js';
import { OptionsError } from './config/options.js';
import { MAX_BASELINE_BYTES, readSettingFile } from './config/setting-files.js';
import { CONFIG_FILE_NAME } from './config/file.js';
import { discover } from './discover/index.js';
import { listening, type ListenSummary } from './mta/listening.js';
import { fixFiles } from './fixes/files.js';
import { materializeFixes } from './fixes/materialize.js';
import type { ConfigurationSummary } from './model/configuration.js';
import type { Finding, RuleResult } from './model/finding.js';
import { type BaseConfiguration, ChangedPaths, mergeIdentical, mergeInputs, regroupedFiles } from './model/inputs.js';
import type { Configuration } from './mta/configuration.js';
import { applyPolicy } from './policy/index.js';
import { rule as configUnreadable, unreadableAfterException } from './rules/config-unreadable.js';
import { RULES } from './rules/index.js';
import { withReach } from './rules/reach.js';
import type { RuleContext } from './rules/rule.js';
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
  /** Configurations with a changed path among their inputs. */
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
    overlay: options.overlay ?? null,
  });

  // Plain files, rendered templates and provisioning edits become configurations.
  const sources = await runSources(discovery.candidates, { root: options.root, vars: options.vars, setAside: discovery.setAside, overlay: options.overlay ?? null });
  // What every configuration depends on besides its own inputs: the settings file, the --vars files,
  // and the paths that decided its files are live (discovery's liveBy).
  const shared = sharedInputs(options);
  const liveBy = new Map<string, readonly string[]>();
  for (const c of discovery.candidates) if (c.liveBy !== undefined) liveBy.set(c.path, c.liveBy);
  const allInputs = (inputs: readonly string[]): string[] => mergeInputs(inputs, shared, ...inputs.map((i) => liveBy.get(i)));
  const withShared = (inputs: readonly string[] | undefined): string[] | undefined => (inputs === undefined ? undefined : allInputs(inputs));
  const results: RuleResult[] = sources.results.map((r) => ({ ...r, inputs: withShared(r.inputs) }));
  const context = { profile: PROFILES[options.profile] };
  // Fix plans are checked against the files themselves and become replacements (or nothing).
  const files = fixFiles(options.root, sources.files, options.overlay ?? null);
  for (const config of sources.configurations) {
    const inputs = withShared(config.inputs);
    for (const result of judge(config, context, options.rules)) results.push({ ...materializeFixes(sources.annotate(result), files), inputs, files: config.files });
  }

  const changedPaths = options.changed ? new ChangedPaths(options.changed) : null;
  const base = typeof options.base === 'function' ? (changedPaths ? await options.base() : null) : (options.base ?? null);
  const changed = scopeOf(changedPaths, base);
  const settingNotes = changedPaths === null ? [] : [...changedSettingFiles(options, changedPaths), ...(base === null ? [NO_BASE_NOTE] : [])];
  const policy = {
    indeterminate: options.indeterminate,
    baseline: options.baseline ? await readBaseline(options.root, options.baseline) : new Set<string>(),
    changed,
    files: sources.files,
  };
  // Two configurations that share a file (a template two roles deploy) may say the same thing there: once.
  const judged = withRuleSettings(mergeIdentical(results), options.rules);
  const findings = applyPolicy(judged, policy);
  let scope: ScanScope | null = null;
  if (changed !== null) {
    const active = (list: Finding[]): number => list.filter((f) => f.suppressed === null).length;
    scope = {
      kind: 'changed',
      changedFiles: changed.size,
      configurationsTouched: sources.configurations.filter((c) => {
        const inputs = withShared(c.inputs);
        return inputs === undefined || changed.touchesAny(inputs) || changed.regroups(c.files);
      }).length,
      findingsHidden: active(applyPolicy(judged, { ...policy, changed: null })) - active(findings),
    };
  }

  return {
    root: options.root,
    findings,
    configurations: sources.configurations.map((c) => ({ mta: c.mta, files: c.files, inputs: allInputs(c.inputs ?? c.files), form: c.form })),
    listening: sources.configurations.map(listening),
    filesScanned: discovery.filesListed,
    durationMs: Date.now() - started,
    notes: [...settingNotes, ...discovery.notes, ...sources.notes],
    scope,
  };
}

/** `.relaygate.yml` `rules:`: a rule turned off reports nothing; a level given replaces the rule's own. */
function withRuleSettings(results: RuleResult[], settings: Options['rules']): RuleResult[] {
  return results.flatMap((r) => {
    const setting = settings[r.ruleId];
    if (setting === 'off') return [];
    return setting === undefined || setting === 'on' ? [r] : [{ ...r, level: setting }];
  });
}

/**
 * Every rule on one configuration. A file the mail server itself would
 * refuse (postfix exits, m4 stops) is reported once, as config-unreadable;
 * judging the rest of it would describe a server that cannot start. A rule
 * that throws leaves the configuration unjudged: config-unreadable on its
 * first file, and the scan goes on with the others.
 */
function judge(config: Configuration, context: RuleContext, settings: Options['rules']): RuleResult[] {
  const unreadableConfig = config.diagnostics.some((d) => d.fatal);
  const out: RuleResult[] = [];
  for (const rule of RULES) {
    if (unreadableConfig && rule !== configUnreadable) continue;
    if (settings[rule.meta.id] === 'off') continue;
    try {
      // Every finding names the lines that make the server reachable (master.cf services, inet_interfaces, DaemonPortOptions).
      out.push(...withReach(config, rule.check(config, context)));
    } catch (e) {
      out.push(unreadableAfterException(config.mta, config.files[0] ?? '.', `rule ${rule.meta.id}`, e));
    }
  }
  return out;
}

/**
 * The changed paths, with the files the change regrouped when the base was
 * scanned (regroupedFiles: a file a changed Dockerfile no longer takes in is
 * judged on its own now, with inputs the change did not touch). null, every
 * finding, when a base was wanted and could not be had: fail closed.
 */
function scopeOf(changed: ChangedPaths | null, base: readonly BaseConfiguration[] | 'unavailable' | null): ChangedPaths | null {
  if (changed === null || base === 'unavailable') return null;
  return base === null ? changed : changed.withRegrouped(regroupedFiles(base, changed));
}

export const NO_BASE_NOTE =
  'the scope was decided without the base commit (--base), so a file that a changed provisioning file no longer takes in ' +
  '(a Dockerfile deleted, a task removed) is judged on its own and its findings may be left outside the scope';

/**
 * The settings file (`.relaygate.yml` at the root when none was read: adding
 * one changes the scan) and the --vars files, as paths relative to the scan
 * root; files outside it are no input (no changed-file list can name them).
 */
function sharedInputs(options: Options): string[] {
  return mergeInputs([settingsPath(options), ...options.vars.map((v) => insideRoot(options.root, v))].filter((p): p is string => p !== null));
}

/** The settings file as an input: the one read, else `.relaygate.yml` at the root (adding one changes the scan). */
function settingsPath(options: Options): string | null {
  return options.configFile == null ? CONFIG_FILE_NAME : insideRoot(options.root, options.configFile);
}

/** A path as relative to the scan root, POSIX; null when it is outside the root (no changed-file list can name it). */
function insideRoot(root: string, file: string): string | null {
  const rel = path.relative(root, path.resolve(root, file));
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep).join('/');
}

/**
 * The files that decide how the scan judges (the settings file, the
 * baseline, the --vars files) belong to the repository, so a change can
 * edit them: the scan then runs with the changed version, and a reviewer
 * should know (a rule turned off, a finding added to the baseline).
 */
function changedSettingFiles(options: Options, changed: ChangedPaths): string[] {
  const inside = (file: string): string | null => insideRoot(options.root, file);
  const files: [string | null, string][] = [
    [settingsPath(options), 'it sets the rules, the levels and the include and exclude globs'],
    [options.baseline === null ? null : inside(options.baseline), 'the findings it lists are not reported'],
    ...options.vars.map((v): [string | null, string] => [inside(v), 'its variables render the templates']),
  ];
  return files
    .filter((f): f is [string, string] => f[0] !== null && changed.touches(f[0]))
    .map(([file, what]) => `${file} is changed here, and this scan runs with the changed version: ${what}; review it as part of the change`);
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
