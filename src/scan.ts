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
import { parseDocument } from 'yaml';
import type { Candidate } from './discover/index.js';
import { UNKNOWN_MARK } from './model/source.js';
import type { Related } from './model/finding.js';
import {
  fileSystemRepository,
  loadAnsibleVariables,
  plainScope,
  remapSpans,
  renderTemplate,
  SourceMap,
  type Fragment,
  type MapSegment,
  type RenderedTemplate,
  type VariableScope,
} from './sources/index.js';

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
  const notes = [...discovery.notes];
  const files = new Map<string, SourceFile>();
  const postfixFiles: SourceFile[] = [];
  const sendmailFiles: SourceFile[] = [];
  const templates = new Map<string, RenderedTemplate>();
  const extraVars = discovery.candidates.some((c) => c.template !== undefined) ? await readExtraVars(options) : [];
  for (const candidate of discovery.candidates) {
    if (candidate.unreadable) {
      const u = candidate.unreadable;
      results.push(unreadable(candidate.kind, candidate.path, u.line, u.column, u.reason));
      continue;
    }
    if (!candidate.file) continue;
    const file: SourceFile = { ...candidate.file, role: candidate.role };
    // Suppressions and fingerprints read the lines a person edits: the template's.
    files.set(candidate.path, file);
    let judged = file;
    if (candidate.template !== undefined) {
      const rendered = renderCandidate(candidate, file, options.root, extraVars, notes, results);
      if (rendered === null) continue;
      templates.set(candidate.path, rendered);
      judged = { path: file.path, text: rendered.fragment.text, role: candidate.role };
    }
    (candidate.kind === 'postfix' ? postfixFiles : sendmailFiles).push(judged);
  }

  const assembled: Configuration[] = [...assemblePostfix(postfixFiles), ...assembleSendmail(sendmailFiles)];
  const configurations = assembled.map((config) => backToTemplates(config, templates));
  const context = { profile: PROFILES[options.profile] };
  for (const config of configurations) {
    // A file the mail server itself would refuse (postfix exits, m4 stops) is
    // reported once, as config-unreadable; judging the rest of it would
    // describe a server that cannot start.
    const unreadableConfig = config.diagnostics.some((d) => d.fatal);
    for (const rule of RULES) {
      if (unreadableConfig && rule !== configUnreadable) continue;
      for (const result of rule.check(config, context)) results.push(withVariableOrigins(result, templates, files));
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
    notes,
  };
}

/**
 * `--vars` files: Ansible extra vars, the highest precedence. A file that
 * cannot be read as a YAML mapping is a usage error, never a silent pass.
 */
async function readExtraVars(options: Options): Promise<VariableScope[]> {
  const scopes: VariableScope[] = [];
  for (const file of options.vars) {
    const full = path.resolve(options.root, file);
    const relative = path.relative(options.root, full);
    const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
    let text: string;
    try {
      text = await readFile(full, 'utf8');
    } catch (e) {
      throw new OptionsError(`vars: cannot read ${file}: ${(e as Error).message}`);
    }
    // Ansible reads YAML 1.1 (PyYAML): yes/no are booleans there.
    const document = parseDocument(text, { version: '1.1', prettyErrors: false });
    const error = document.errors[0];
    if (error !== undefined) throw new OptionsError(`vars: ${file} is not valid YAML: ${error.message.split('\n')[0] ?? ''}`);
    let data: unknown;
    try {
      data = document.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (e) {
      throw new OptionsError(`vars: ${file} cannot be read: ${(e as Error).message}`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new OptionsError(`vars: ${file} is not a YAML mapping of variable names to values`);
    }
    scopes.push(plainScope(data as Record<string, unknown>, shown));
  }
  return scopes;
}

/**
 * Renders a template candidate with its role's variables. A template the
 * renderer cannot read is config-unreadable at its line (null: not judged).
 */
function renderCandidate(
  candidate: Candidate,
  file: SourceFile,
  root: string,
  extraVars: VariableScope[],
  notes: string[],
  results: RuleResult[],
): RenderedTemplate | null {
  const vars = loadAnsibleVariables(candidate.path, fileSystemRepository(root), extraVars);
  for (const d of vars.diagnostics) {
    notes.push(`${d.file}:${d.line}: variables file could not be read (${d.message}); the variables it declares are unknown`);
  }
  const rendered = renderTemplate({ path: file.path, text: file.text }, vars);
  if (rendered.diagnostics.length > 0) {
    for (const d of rendered.diagnostics) results.push(unreadable(candidate.kind, candidate.path, d.line, d.column, d.message));
    return null;
  }
  if (candidate.role !== 'main.cf') return rendered;
  return { ...rendered, fragment: markMaybeParameters(rendered.fragment) };
}

/** A main.cf `name = value` line start: the name, then `=` with its spaces (no nested quantifiers). */
const PARAMETER_START = /^[A-Za-z0-9_.-]+[ \t]*=[ \t]*/;

/**
 * A definition rendered inside an `if` or loop the renderer could not decide
 * may or may not be in the real main.cf: its value becomes unknown
 * (UNKNOWN_MARK right after `=`), so rules answer "indeterminate" instead of
 * passing on a definition that may not exist. The source map is shifted so
 * spans after the mark still land on the template's columns.
 */
function markMaybeParameters(fragment: Fragment): Fragment {
  if (fragment.maybeLines.size === 0) return fragment;
  const lines = fragment.text.split('\n');
  const inserts = new Map<number, number>();
  for (const line of fragment.maybeLines) {
    const text = lines[line - 1];
    if (text === undefined) continue;
    const start = PARAMETER_START.exec(text);
    if (start === null) continue;
    const column = start[0].length + 1;
    lines[line - 1] = text.slice(0, column - 1) + UNKNOWN_MARK + text.slice(column - 1);
    inserts.set(line, column);
  }
  if (inserts.size === 0) return fragment;
  const segments: MapSegment[] = [];
  for (const segment of fragment.map.segments) {
    const column = inserts.get(segment.line);
    if (column === undefined || segment.endColumn <= column) segments.push(segment);
    else segments.push(...shifted(segment, column));
  }
  return { ...fragment, text: lines.join('\n'), map: new SourceMap(segments) };
}

/** A segment with one character inserted at `column`: the mark maps to where the value starts. */
function shifted(segment: MapSegment, column: number): MapSegment[] {
  if (segment.column >= column) {
    const moved = { ...segment, column: segment.column + 1, endColumn: segment.endColumn + 1 };
    return segment.column === column ? [{ ...segment, endColumn: column + 1 }, moved] : [moved];
  }
  const at =
    segment.kind === 'literal' ? { line: segment.from.line, column: segment.from.column + (column - segment.column) } : segment.from;
  return [
    { ...segment, endColumn: column },
    { ...segment, column, endColumn: column + 1, from: at },
    { ...segment, column: column + 1, endColumn: segment.endColumn + 1, from: at },
  ];
}

/** Spans of rendered templates back on the template lines, and the configuration's form. */
function backToTemplates(config: Configuration, templates: ReadonlyMap<string, RenderedTemplate>): Configuration {
  let out = config;
  let templated = false;
  for (const file of config.files) {
    const rendered = templates.get(file);
    if (rendered === undefined) continue;
    out = remapSpans(out, rendered.fragment);
    templated = true;
  }
  return templated ? { ...out, form: 'jinja2' } : out;
}

/** At most this many "value comes from" locations per finding. */
const MAX_VARIABLE_ORIGINS = 5;

/**
 * A finding on a template points to where its variables are defined. The
 * variables named on the finding's own template lines come first; when the
 * lines name none, every variable the template read (with a known origin).
 */
function withVariableOrigins(
  result: RuleResult,
  templates: ReadonlyMap<string, RenderedTemplate>,
  files: ReadonlyMap<string, SourceFile>,
): RuleResult {
  const rendered = templates.get(result.span.file);
  if (rendered === undefined) return result;
  const known = rendered.usedVariables.filter((v) => v.origin !== null);
  const lines = (files.get(result.span.file)?.text ?? '').split('\n').slice(result.span.line - 1, result.span.endLine).join('\n');
  const named = known.filter((v) => new RegExp(`\\b${v.name.replace(/[^A-Za-z0-9_]/g, '')}\\b`).test(lines));
  const related: Related[] = (named.length > 0 ? named : known).slice(0, MAX_VARIABLE_ORIGINS).map((v) => ({
    file: v.origin?.file ?? '',
    line: v.origin?.line ?? 1,
    message: `value comes from ${v.name} here`,
  }));
  return related.length === 0 ? result : { ...result, related: [...result.related, ...related] };
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
