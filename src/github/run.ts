import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadOptions, shownPath } from '../config/load.js';
import { OptionsError, type Options, type Settings } from '../config/options.js';
import { levelRank } from '../model/finding.js';
import { visible } from '../report/escape.js';
import { renderWorkflowCommands } from '../report/github-commands.js';
import { buildReport, renderJson, type JsonReport } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { levelCounts, plural } from '../report/text.js';
import type { ScanResult } from '../scan.js';
import { VERSION } from '../version.js';
import { decideScope, type PullsOctokit } from './changed-files.js';
import type { RunContext } from './event.js';
import { readInputs, type ActionInputs } from './inputs.js';

/** The @actions/core functions the action uses; tests pass a recorder. */
export interface ActionCore {
  getInput: (name: string) => string;
  setOutput: (name: string, value: string) => void;
  setFailed: (message: string) => void;
  info: (message: string) => void;
  warning: (message: string) => void;
  /** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
  writeSummary: (markdown: string) => Promise<void>;
}

export interface ActionDeps {
  core: ActionCore;
  env: Readonly<Record<string, string | undefined>>;
  /** Raw stdout: workflow-command lines, already escaped by their renderer. */
  stdout: (text: string) => void;
  context: () => RunContext;
  octokitFor: (token: string) => PullsOctokit;
  scan: (options: Options) => Promise<ScanResult>;
  /** Used when GITHUB_WORKSPACE is unset (a local run). */
  cwd: string;
}

/**
 * The action: inputs -> Options -> scan -> report files, outputs,
 * annotations, job summary, and the step's verdict. Every failure ends in
 * exactly one core.setFailed line; nothing here throws.
 *
 * The scan root is GITHUB_WORKSPACE (the repository root) and input `path` is
 * the one path scanned under it, so every reported path, annotation and SARIF
 * URI is relative to the repository root, as GitHub needs, and compares
 * directly with the pull request's changed files.
 */
export async function runAction(deps: ActionDeps): Promise<void> {
  const { core, env } = deps;
  try {
    const inputs = readInputs(core.getInput);
    const workspace = path.resolve(deps.cwd, env.GITHUB_WORKSPACE || deps.cwd);
    const target = await scanPath(workspace, inputs.path);

    const context = deps.context();
    const scope = await decideScope(inputs.scope, context, inputs.token, deps.octokitFor);
    for (const line of scope.log) (line.level === 'warning' ? core.warning : core.info)(line.text);

    const { options, configFile } = await loadOptions({
      root: workspace,
      paths: [target],
      config: inputs.config === null ? null : { file: path.resolve(workspace, inputs.config), setting: 'input config' },
      overrides: relativeTo(inputs.settings, workspace),
      changed: scope.changed,
      cwd: workspace,
    });
    if (configFile !== null) core.info(`relaygate: settings from ${visible(shownPath(workspace, configFile))}`);

    const result = await deps.scan(options);
    for (const note of result.notes) core.info(`relaygate: note: ${visible(note)}`);
    const report = buildReport(result, options.failOn);

    const reportFile = await writeReportFile(env, report);
    core.setOutput('report-file', reportFile);
    const sarifFile = inputs.sarif === null ? '' : await writeSarif(path.resolve(workspace, inputs.sarif), report, inputs.category);
    core.setOutput('sarif-file', sarifFile);
    core.setOutput('result', report.summary.result);
    core.setOutput('findings', String(report.summary.findings));
    core.setOutput('errors', String(report.summary.byLevel.error));
    core.setOutput('warnings', String(report.summary.byLevel.warning));

    annotate(deps, inputs, report, sarifFile);
    if (inputs.summary) await summarize(core, report, context.blobUrl);

    const s = report.summary;
    const suppressed = report.findings.length - s.findings;
    core.info(
      `relaygate ${VERSION}: ${s.result}: ${plural(s.findings, 'finding')} (${levelCounts(s.byLevel)}), ${suppressed} suppressed; ` +
        `${plural(s.filesScanned, 'file')} scanned, ${plural(s.configurations, 'configuration')}. Full report: ${visible(reportFile)}`,
    );
    if (s.result === 'fail') {
      const failOn = options.failOn === 'never' ? 'error' : options.failOn;
      const failing = (['error', 'warning', 'note'] as const).filter((l) => levelRank(l) >= levelRank(failOn));
      const count = failing.reduce((n, l) => n + s.byLevel[l], 0);
      core.setFailed(`relaygate: ${plural(count, 'finding')} at or above fail-on ${options.failOn} (${levelCounts(s.byLevel)})`);
    }
  } catch (e) {
    if (e instanceof OptionsError) {
      core.setFailed(`relaygate: ${visible(e.message)}`);
      return;
    }
    const message = e instanceof Error ? e.message : String(e);
    core.setFailed(`relaygate: internal error: ${visible(message)}`);
    if (env.RELAYGATE_DEBUG === '1' && e instanceof Error && e.stack) core.info(`relaygate: stack: ${visible(e.stack)}`);
  }
}

/** Input `path` as a POSIX path under the workspace; it must exist and stay inside. */
export async function scanPath(workspace: string, given: string): Promise<string> {
  const full = path.resolve(workspace, given);
  const rel = path.relative(workspace, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new OptionsError(`input path: "${given}" is outside the workspace (GITHUB_WORKSPACE, the repository root)`);
  }
  try {
    await stat(full);
  } catch {
    throw new OptionsError(`input path: "${given}" does not exist in the workspace`);
  }
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

/** vars and baseline inputs are relative to the repository root. */
function relativeTo(settings: Settings, workspace: string): Settings {
  const out: Settings = { ...settings };
  if (settings.vars) out.vars = settings.vars.map((v) => path.resolve(workspace, v));
  if (settings.baseline) out.baseline = path.resolve(workspace, settings.baseline);
  return out;
}

/** The JSON report always goes to a fresh directory under RUNNER_TEMP, so two steps of a job do not overwrite each other. */
async function writeReportFile(env: ActionDeps['env'], report: JsonReport): Promise<string> {
  const base = env.RUNNER_TEMP || os.tmpdir();
  await mkdir(base, { recursive: true });
  const dir = await mkdtemp(path.join(base, 'relaygate-'));
  const file = path.join(dir, 'report.json');
  await writeFile(file, renderJson(report));
  return file;
}

async function writeSarif(file: string, report: JsonReport, category: string): Promise<string> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, renderSarif(report, { category }));
  } catch (e) {
    throw new OptionsError(`input sarif: cannot write ${file}: ${(e as Error).message}`);
  }
  return file;
}

function annotate(deps: ActionDeps, inputs: ActionInputs, report: JsonReport, sarifFile: string): void {
  if (inputs.annotations === 'none') return;
  if (inputs.annotations !== 'commands') {
    deps.core.info(`relaygate: annotations ${inputs.annotations}: check runs are not implemented yet; using workflow commands.`);
  }
  const where = [inputs.summary ? 'the job summary' : null, 'the JSON report (output report-file)', sarifFile ? 'the SARIF file' : null]
    .filter((w) => w !== null)
    .join(', ');
  for (const line of renderWorkflowCommands(report, { reportHint: where })) deps.stdout(`${line}${os.EOL}`);
}

/** A summary that cannot be written (no GITHUB_STEP_SUMMARY, a full disk) is a warning, not a failed scan. */
async function summarize(core: ActionCore, report: JsonReport, blobUrl: string | null): Promise<void> {
  try {
    await core.writeSummary(renderMarkdown(report, blobUrl === null ? {} : { blobUrl }));
  } catch (e) {
    core.warning(`relaygate: could not write the job summary: ${visible((e as Error).message)}`);
  }
}
