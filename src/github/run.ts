import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { optionsForBase } from '../config/base-options.js';
import { loadOptions, shownPath } from '../config/load.js';
import { OptionsError, type Options, type Settings } from '../config/options.js';
import { levelRank } from '../model/finding.js';
import type { BaseConfiguration } from '../model/inputs.js';
import { visible } from '../report/escape.js';
import { renderWorkflowCommands } from '../report/github-commands.js';
import { buildReport, renderJson, type JsonReport } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { levelCounts, plural, scopeSentence } from '../report/text.js';
import type { ScanResult } from '../scan.js';
import { VERSION } from '../version.js';
import type { GitHubApi } from './api.js';
import { checkoutBase, type BaseRequest, type BaseTree } from './base-tree.js';
import { decideScope, isPullRequest, pullListing, type PullListing } from './changed-files.js';
import { checkRunSummary, publishCheckRun } from './checks.js';
import type { RunContext } from './event.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { addedLines, postReview } from './review.js';
import { writeInside } from './safe-write.js';

/** The @actions/core functions the action uses; tests pass a recorder. */
export interface ActionCore {
  getInput: (name: string) => string;
  setOutput: (name: string, value: string) => void;
  setFailed: (message: string) => void;
  /** Masks a value in every later line of the log. */
  setSecret: (secret: string) => void;
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
  /** Reads the event (it may throw EventError); called inside the guarded run. */
  context: () => RunContext;
  /** A GitHub REST client for `token`; `log` gets one line per rate-limit wait. */
  github: (token: string, log: (line: string) => void) => GitHubApi;
  scan: (options: Options) => Promise<ScanResult>;
  /** Checks out the commit `scope: new` compares with. */
  checkoutBase?: (request: BaseRequest) => Promise<BaseTree | { failure: string }>;
  /** Used when GITHUB_WORKSPACE is unset (a local run). */
  cwd: string;
}

/** core.warning, counted: each warning is an annotation that takes one of the step's ten warning slots. */
interface StepLog {
  info: (message: string) => void;
  warning: (message: string) => void;
  warnings: () => number;
}

function stepLog(core: ActionCore): StepLog {
  let warnings = 0;
  return {
    info: (m) => core.info(m),
    warning: (m) => {
      warnings++;
      core.warning(m);
    },
    warnings: () => warnings,
  };
}

/**
 * The action: inputs -> Options -> scan -> report files, outputs, review,
 * annotations, job summary, and the step's verdict. Every failure ends in
 * exactly one core.setFailed line and output `result=error`; nothing here
 * throws.
 *
 * The scan root is GITHUB_WORKSPACE (the repository root) and input `path` is
 * the one path scanned under it, so every reported path, annotation and SARIF
 * URI is relative to the repository root, as GitHub needs, and compares
 * directly with the pull request's changed files.
 */
export async function runAction(deps: ActionDeps): Promise<void> {
  const { core, env } = deps;
  let base: BaseScanner | null = null;
  try {
    // Masked before anything could print it.
    const rawToken = core.getInput('token').trim();
    if (rawToken !== '') core.setSecret(rawToken);
    const inputs = readInputs(core.getInput);
    const log = stepLog(core);
    const workspace = path.resolve(deps.cwd, env.GITHUB_WORKSPACE || deps.cwd);
    const target = await scanPath(workspace, inputs.path);

    const context = deps.context();
    const api = inputs.token === '' ? null : deps.github(inputs.token, log.info);
    const listing = pullListing(context, api);
    const scope = await decideScope(inputs.scope, context, inputs.token, listing);
    for (const line of scope.log) (line.level === 'warning' ? log.warning : log.info)(line.text);

    const { options, configFile } = await loadOptions({
      root: workspace,
      paths: [target],
      config: inputs.config === null ? null : { file: path.resolve(workspace, inputs.config), setting: 'input config' },
      overrides: relativeTo(inputs.settings, workspace),
      changed: scope.changed,
      cwd: workspace,
    });
    if (configFile !== null) log.info(`relaygate: settings from ${visible(shownPath(workspace, configFile))}`);

    // `new` compares with the base's findings; a changed-file scope needs the base's configurations
    // to see what the change regrouped (src/model/inputs.ts regroupedFiles). No base scan: every finding.
    const scanner = inputs.scope === 'new' || options.changed !== null ? baseScanner(deps, log, inputs, context, options, target, workspace) : null;
    base = scanner;
    const head: Options =
      options.changed === null || scanner === null
        ? options
        : {
            ...options,
            base: async (): Promise<BaseConfiguration[] | 'unavailable'> => {
              const outcome = await scanner.result();
              return 'failure' in outcome ? 'unavailable' : outcome.configurations;
            },
          };
    let result = await deps.scan(head);
    for (const note of result.notes) log.info(`relaygate: note: ${visible(note)}`);
    if (base !== null) {
      const outcome = await base.result();
      if (inputs.scope === 'new') result = keepNew(log, result, outcome);
      else if ('failure' in outcome) {
        log.warning(`relaygate: scope ${inputs.scope}: the base commit shows which files the change regrouped, and ${outcome.failure}; reporting findings in every file instead.`);
      } else {
        log.info(`relaygate: scope ${inputs.scope}: compared with ${outcome.sha.slice(0, 12)}, ${outcome.how}: a configuration with a file that a changed path grouped there is in scope too.`);
      }
    }
    const report = buildReport(result, options.failOn);

    const reportFile = await writeReportFile(env, report);
    core.setOutput('report-file', reportFile);
    const sarifFile =
      inputs.sarif === null
        ? ''
        : await writeInside('input sarif', [workspace, ...(env.RUNNER_TEMP ? [env.RUNNER_TEMP] : [])], workspace, inputs.sarif, renderSarif(report, { category: inputs.category }));
    core.setOutput('sarif-file', sarifFile);
    core.setOutput('result', report.summary.result);
    core.setOutput('findings', String(report.summary.findings));
    core.setOutput('errors', String(report.summary.byLevel.error));
    core.setOutput('warnings', String(report.summary.byLevel.warning));

    if (inputs.summary) await summarize(core, log, report, context.blobUrl);
    // The diff orders annotations and places review comments; without either it is not worth a request.
    const pull = inputs.annotations !== 'none' || inputs.review !== 'none' ? await listing() : null;
    const changedLines = pull !== null && 'files' in pull ? addedLines(pull.files) : undefined;
    if (inputs.review === 'suggestions') await review(log, api, context, pull, report, workspace);
    await annotate(deps, log, inputs, context, api, report, changedLines, sarifFile);

    const s = report.summary;
    const suppressed = report.findings.length - s.findings;
    // A scoped run says what it left out: the changed files, the configurations they touch, the findings not shown.
    const scoped = report.scope === undefined ? '' : ` ${scopeSentence(report.scope)}`;
    log.info(
      `relaygate ${VERSION}: ${s.result}: ${plural(s.findings, 'finding')} (${levelCounts(s.byLevel)}), ${suppressed} suppressed; ` +
        `${plural(s.filesScanned, 'file')} scanned, ${plural(s.configurations, 'configuration')}.${scoped} Full report: ${visible(reportFile)}`,
    );
    if (s.result === 'fail') core.setFailed(failLine(report, options));
  } catch (e) {
    core.setOutput('result', 'error');
    if (e instanceof OptionsError) {
      core.setFailed(`relaygate: ${visible(e.message)}`);
      return;
    }
    const message = e instanceof Error ? e.message : String(e);
    core.setFailed(`relaygate: internal error: ${visible(message)}`);
    if (env.RUNNER_DEBUG === '1' && e instanceof Error && e.stack) core.info(`relaygate: stack: ${visible(e.stack)}`);
  } finally {
    await base?.removed();
  }
}

function failLine(report: JsonReport, options: Options): string {
  const s = report.summary;
  const failOn = options.failOn === 'never' ? 'error' : options.failOn;
  const failing = (['error', 'warning', 'note'] as const).filter((l) => levelRank(l) >= levelRank(failOn));
  const count = failing.reduce((n, l) => n + s.byLevel[l], 0);
  return `relaygate: ${plural(count, 'finding')} at or above fail-on ${options.failOn} (${levelCounts(s.byLevel)})`;
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

/** The base commit's scan: what `scope: new` compares with and what a changed-file scope learns regrouping from. */
interface BaseScan {
  sha: string;
  /** How the commit was chosen, for the log. */
  how: string;
  findings: ScanResult['findings'];
  configurations: ScanResult['configurations'];
}

type BaseOutcome = BaseScan | { failure: string };

/** The base commit, being checked out; `result` scans it once, `removed` waits until its worktree is gone. */
interface BaseScanner {
  result: () => Promise<BaseOutcome>;
  removed: () => Promise<void>;
}

/**
 * Starts checking the base commit out at once, so that git writes the base
 * tree while the head is scanned, and scans it with the same settings
 * (src/config/base-options.ts) on the first call to `result`: the head
 * scan asks once every configuration is judged, so the two scans never
 * hold their files at the same time. `result` says why there is no base
 * scan: no base commit named by the event, a checkout or fetch that failed,
 * a scan that threw. The worktree is removed in the background.
 */
function baseScanner(deps: ActionDeps, log: StepLog, inputs: ActionInputs, context: RunContext, options: Options, target: string, workspace: string): BaseScanner {
  const checkout: Promise<BaseTree | { failure: string }> =
    context.baseSha === null
      ? Promise.resolve({ failure: `the "${context.eventName || 'unknown'}" event names no base commit to compare with (pull_request or push events do)` })
      : (deps.checkoutBase ?? checkoutBase)({
          workspace,
          scanned: path.resolve(workspace, target),
          baseSha: context.baseSha,
          pullHeadSha: isPullRequest(context) && context.headSha !== '' ? context.headSha : null,
          token: inputs.token,
          serverUrl: deps.env.GITHUB_SERVER_URL || 'https://github.com',
          tempDir: deps.env.RUNNER_TEMP || os.tmpdir(),
          // A --vars file inside the workspace is read by its path at the base: one the workspace has unchanged needs its link.
          overlay: options.vars.every((file) => !isInside(workspace, file)),
        }).catch((e: unknown) => ({ failure: `could not check out the base commit (${visible(firstLine(e))})` }));
  let scanned: Promise<BaseOutcome> | null = null;
  let removal: Promise<void> | null = null;
  const remove = (base: BaseTree): Promise<void> =>
    (removal ??= base.remove().catch((e: unknown) => log.info(`relaygate: could not remove the base worktree ${visible(base.root)} (${visible(firstLine(e))})`)));
  const result = (): Promise<BaseOutcome> =>
    (scanned ??= (async (): Promise<BaseOutcome> => {
      const base = await checkout;
      if ('failure' in base) return base;
      log.info(`relaygate: base commit ${base.sha.slice(0, 12)} checked out: ${visible(base.filled)}.`);
      try {
        const baseOptions = optionsForBase(options, base.root, base.overlay);
        // A path the base does not have yet: nothing there was present before.
        const found = baseOptions === null ? null : await deps.scan(baseOptions);
        return { sha: base.sha, how: base.how, findings: found?.findings ?? [], configurations: found?.configurations ?? [] };
      } catch (e) {
        return { failure: `the base commit ${base.sha.slice(0, 12)} could not be scanned (${visible(firstLine(e))})` };
      } finally {
        void remove(base);
      }
    })());
  const removed = async (): Promise<void> => {
    const base = await checkout;
    if (!('failure' in base)) await remove(base);
  };
  return { result, removed };
}

/**
 * `scope: new`: drops every finding whose fingerprint an active finding of
 * the base has (fingerprints hold the rule, the file and the line's text,
 * not its number). Anything that prevented the base scan reports every
 * finding, with a warning.
 */
function keepNew(log: StepLog, result: ScanResult, base: BaseOutcome): ScanResult {
  if ('failure' in base) {
    log.warning(`relaygate: scope new: ${base.failure}; reporting every finding instead.`);
    return result;
  }
  const present = new Set(base.findings.filter((f) => f.suppressed === null).map((f) => f.fingerprint));
  const findings = result.findings.filter((f) => f.suppressed !== null || !present.has(f.fingerprint));
  const dropped = result.findings.length - findings.length;
  log.info(
    `relaygate: scope new: compared with ${base.sha.slice(0, 12)}, ${base.how}: ${plural(dropped, 'finding')} present there ${dropped === 1 ? 'is' : 'are'} not reported; ` +
      `${plural(findings.filter((f) => f.suppressed === null).length, 'new finding')}.`,
  );
  return { ...result, findings };
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
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

const CHECKS_HINT = ' (the token may not create check runs: give the job `permissions: checks: write`; a fork\'s pull request only ever gets a read-only token)';

/**
 * `checks` and `auto` try the Checks API first and fall back to workflow
 * commands, with one line saying why, whenever it cannot be used: no
 * token, or a 403/404 from a read-only token. Workflow commands count the
 * step's other annotations (setFailed's error, earlier warnings) against
 * GitHub's ten per level.
 */
async function annotate(
  deps: ActionDeps,
  log: StepLog,
  inputs: ActionInputs,
  context: RunContext,
  api: GitHubApi | null,
  report: JsonReport,
  changedLines: ReadonlyMap<string, ReadonlySet<number>> | undefined,
  sarifFile: string,
): Promise<void> {
  const mode = inputs.annotations;
  if (mode === 'none') return;
  if (mode !== 'commands') {
    const say = mode === 'checks' ? log.warning : log.info;
    if (api === null) {
      say(`relaygate: annotations ${mode}: no token (input token is empty), so no check run; annotating with workflow commands.`);
    } else if (context.headSha === '' || context.owner === '' || context.repo === '') {
      say(`relaygate: annotations ${mode}: the run names no repository or commit (GITHUB_REPOSITORY, GITHUB_SHA), so no check run; annotating with workflow commands.`);
    } else {
      const outcome = await publishCheckRun(api, {
        repo: { owner: context.owner, repo: context.repo },
        headSha: context.headSha,
        report,
        summary: checkRunSummary(report, context.blobUrl),
        ...(changedLines ? { changedLines } : {}),
        detailsUrl: context.runUrl,
      });
      if (outcome.ok) {
        log.info(
          `relaygate: check run relaygate on ${context.headSha.slice(0, 12)}: ${plural(outcome.annotations, 'annotation')} in ${plural(outcome.requests, 'request')}` +
            `${outcome.url ? `: ${visible(outcome.url)}` : ''}`,
        );
        return;
      }
      log.warning(
        `relaygate: annotations ${mode}: could not create the check run: ${visible(outcome.failure)}${outcome.forbidden ? CHECKS_HINT : ''}; annotating with workflow commands instead.`,
      );
    }
  }
  const where = [inputs.summary ? 'the job summary' : null, 'the JSON report (output report-file)', sarifFile ? 'the SARIF file' : null]
    .filter((w) => w !== null)
    .join(', ');
  const lines = renderWorkflowCommands(report, {
    reportHint: where,
    reserved: { error: report.summary.result === 'fail' ? 1 : 0, warning: log.warnings() },
    ...(changedLines ? { changedLines } : {}),
  });
  for (const line of lines) deps.stdout(`${line}${os.EOL}`);
}

const REVIEW_HINT = ' (the token may not write pull-request reviews: give the job `permissions: pull-requests: write`; a fork\'s pull request only ever gets a read-only token)';

/** `review: suggestions`: one review on the pull request, or one line saying why there is none. */
async function review(log: StepLog, api: GitHubApi | null, context: RunContext, pull: PullListing | null, report: JsonReport, workspace: string): Promise<void> {
  const skip = (why: string): void => log.warning(`relaygate: review suggestions: skipped: ${why}.`);
  if (!isPullRequest(context)) {
    log.info(`relaygate: review suggestions: the "${context.eventName || 'unknown'}" event is not a pull request; no review.`);
    return;
  }
  if (api === null || pull === null) return skip('no token (input token is empty)');
  if ('failure' in pull) return skip(`could not list the pull request's files: ${visible(pull.failure)}`);
  if (context.headSha === '') return skip("the event names no head commit");
  const outcome = await postReview(api, {
    repo: { owner: context.owner, repo: context.repo },
    pullNumber: context.pullNumber!,
    headSha: context.headSha,
    report,
    files: pull.files,
    scannedLine: scannedLines(workspace),
    blobUrl: context.blobUrl,
  });
  if ('failed' in outcome) return skip(`${visible(outcome.failed)}${outcome.forbidden ? REVIEW_HINT : ''}`);
  if (!outcome.posted) {
    log.info(`relaygate: review suggestions: no review posted (${outcome.why}).`);
    return;
  }
  const p = outcome.plan;
  log.info(
    `relaygate: review posted: ${plural(p.comments.length, 'comment')} on the diff (${plural(p.suggestions, 'suggestion')}), ` +
      `${plural(p.listed, 'finding')} listed in its body${outcome.url ? `: ${visible(outcome.url)}` : ''}`,
  );
}

/** Line `n` of a scanned file as the scan read it (LF-split, CR kept), or null. */
function scannedLines(workspace: string): (file: string, line: number) => string | null {
  const cache = new Map<string, string[] | null>();
  return (file, line) => {
    if (!cache.has(file)) {
      const full = path.resolve(workspace, file);
      const rel = path.relative(workspace, full);
      let lines: string[] | null = null;
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) {
        try {
          lines = readFileSync(full, 'utf8').split('\n');
        } catch {
          lines = null;
        }
      }
      cache.set(file, lines);
    }
    return cache.get(file)?.[line - 1] ?? null;
  };
}

/** A summary that cannot be written (no GITHUB_STEP_SUMMARY, a full disk) is a warning, not a failed scan. */
async function summarize(core: ActionCore, log: StepLog, report: JsonReport, blobUrl: string | null): Promise<void> {
  try {
    await core.writeSummary(renderMarkdown(report, blobUrl === null ? {} : { blobUrl }));
  } catch (e) {
    log.warning(`relaygate: could not write the job summary: ${visible((e as Error).message)}`);
  }
}

/** Whether `file` is `dir` or under it, by their absolute paths. */
function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}
