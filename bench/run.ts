/**
 * `npm run bench [-- files=100000 runs=5 seed=12 cli=PATH]`: the shipped CLI
 * (dist/cli/index.js, so run `npm run build` first to measure the work tree)
 * on a synthetic monorepo (./monorepo.ts), side by side with ripgrep
 * searching the same tree for the same settings, `git ls-files` and bare
 * node. Repetitions alternate between the commands so that a noisy machine
 * slows them all alike; the table shows medians.
 *
 * The benchmark fails (exit 1) when a planted configuration's findings are
 * not exactly the expected ones: a scan that is fast because it misses
 * things is worth nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discover } from '../src/discover/index.js';
import { type ExpectedFinding, type Planted } from './planted.js';
import { ensurePullRequest, ensureTree, type Tree } from './trees.js';

/** The settings that make a file a mail configuration, as someone would grep for them. */
const RG_PATTERN =
  'inet_interfaces|smtpd_[a-z]+_restrictions|mynetworks|DaemonPortOptions|DAEMON_OPTIONS|promiscuous_relay|relay_from_hosts|local_interfaces|postconf';

const args = new Map(process.argv.slice(2).map((a) => a.split('=', 2) as [string, string]));
const files = Number(args.get('files') ?? 10000);
const runs = Number(args.get('runs') ?? 5);
const seed = Number(args.get('seed') ?? 12);
/** The bundle measured: the work tree's build, or another one (`cli=PATH`, an older release to compare with). */
const CLI = path.resolve(args.get('cli') ?? path.join(import.meta.dirname, '..', 'dist', 'cli', 'index.js'));
/** The action's bundle measured on a pull request (`action=PATH` for another build's). */
const ACTION = path.resolve(args.get('action') ?? path.join(import.meta.dirname, '..', 'dist', 'index.js'));
const log = (line: string): void => void process.stderr.write(`${line}\n`);

interface Sample {
  wall: number;
  cpu: number | null;
  rss: number | null;
}

/** GNU time reports CPU and peak RSS of a child; without it only wall time is measured. */
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((t) => existsSync(t) && spawnSync(t, ['-f', '%M', 'true']).status === 0) ?? null;

function measure(command: string[], cwd: string, env?: NodeJS.ProcessEnv): { sample: Sample; stdout: string; status: number | null } {
  const started = process.hrtime.bigint();
  const argv = GNU_TIME === null ? command : [GNU_TIME, '-f', '@@bench %e %U %S %M', ...command];
  const run = spawnSync(argv[0] as string, argv.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.error) throw run.error;
  const line = /@@bench (\S+) (\S+) (\S+) (\d+)/.exec(run.stderr);
  const sample: Sample = line
    ? { wall, cpu: (Number(line[2]) + Number(line[3])) * 1000, rss: Number(line[4]) / 1024 }
    : { wall, cpu: null, rss: null };
  return { sample, stdout: run.stdout, status: run.status };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  certainty: string;
  suppressed: unknown;
}

interface JsonReport {
  findings: JsonFinding[];
  configurations: { files: string[] }[];
}

const key = (f: readonly (string | number)[]): string => f.join(' ');

/** Differences between a report and the planted configurations' expected findings (empty: all found, nothing else). */
function check(report: JsonReport, planted: readonly Planted[], changed: ReadonlySet<string> | null): string[] {
  const problems: string[] = [];
  // --changed reports the findings in a changed file or pointing at one (the variables file a value came from).
  const inScope = (p: Planted, e: ExpectedFinding): boolean => changed === null || changed.has(e[1]) || (p.variables !== undefined && changed.has(p.variables));
  const expected = new Set(planted.flatMap((p) => p.expected.filter((e) => inScope(p, e)).map((e) => key(e))));
  const got = new Set(report.findings.map((f) => key([f.ruleId, f.file, f.line, f.column, f.certainty])));
  for (const e of expected) if (!got.has(e)) problems.push(`missing finding: ${e}`);
  // A scoped run may also report configurations that a changed path feeds by
  // a folder or lookup input; it may report nothing that a full scan would not.
  const all = new Set(planted.flatMap((p) => p.expected.map((e) => key(e))));
  for (const g of got) if (!(changed === null ? expected : all).has(g)) problems.push(`unexpected finding: ${g}`);
  if (changed !== null) return problems;
  // Every planted configuration is found as one configuration, and filler makes none.
  for (const p of planted) {
    const mine = report.configurations.filter((c) => c.files.some((f) => f.startsWith(`${p.root}/`)));
    if (mine.length === 0) problems.push(`planted ${p.kind} in ${p.root} was not found as a configuration`);
  }
  for (const c of report.configurations) {
    if (!planted.some((p) => c.files.some((f) => f.startsWith(`${p.root}/`)))) problems.push(`a configuration outside the planted ones: ${c.files.join(', ')}`);
  }
  return problems;
}

/** Twenty changed paths of a typical pull request: a few planted configurations' files among filler. */
function changedPaths(tree: Tree): { twenty: string[]; defaults: string[] } {
  // The file holding the finding of open configurations, any file of safe ones.
  const planted = tree.planted.map((p) => p.expected[0]?.[1] ?? (Object.keys(p.files)[0] as string));
  const some = planted.filter((_, i) => i % Math.max(1, Math.floor(planted.length / 6)) === 0).slice(0, 6);
  const filler = tree.tracked.filter((p) => !tree.planted.some((x) => p.startsWith(`${x.root}/`)));
  const twenty = [...some];
  for (let i = 0; twenty.length < 20; i++) twenty.push(filler[Math.floor((i * 7919) % filler.length)] as string);
  const defaults = tree.planted.find((p) => p.open && p.variables !== undefined && p.expected.length > 0)?.variables;
  return { twenty, defaults: defaults === undefined ? [] : [defaults] };
}

interface Command {
  name: string;
  argv: string[];
  /** The working directory and environment, when not the tree's and this process's. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Untimed preparation before each run, and waiting after it for what it left running. */
  before?: () => void;
  after?: () => void;
  checkChanged?: ReadonlySet<string> | null;
}

/**
 * The action's bundle as the runner starts it on a pull request that
 * changes `paths` (./trees.ts ensurePullRequest), with `scope: new`: it
 * checks the base commit out beside the workspace and scans both, which is
 * what every pull-request run of the action pays (`scope: auto` asks the
 * files API as well). Untimed: git's index is refreshed before each run,
 * as on a fresh checkout, and the base tree's deletion, which runs
 * detached, is waited for after it. Its runs follow the other commands'
 * alternating runs (see main).
 */
function actionOnPullRequest(tree: Tree, paths: readonly string[], scratch: string): { command: Command & { cwd: string }; check: (stdout: string, status: number | null) => string[] } {
  const pr = ensurePullRequest(tree, paths, log);
  const runnerTemp = path.join(scratch, 'runner-temp');
  mkdirSync(runnerTemp);
  const eventPath = path.join(scratch, 'event.json');
  const outputPath = path.join(scratch, 'github-output');
  const repository = { name: 'monorepo', full_name: 'bench/monorepo', owner: { login: 'bench' } };
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, head: { sha: pr.head, ref: 'change', repo: repository }, base: { sha: pr.base, ref: 'main', repo: repository } },
      repository,
    }),
  );
  // action.yml's defaults where the runner would pass them, and what a benchmark run needs: no API, no summary.
  const inputs: Record<string, string> = { path: '.', scope: 'new', 'fail-on': 'never', annotations: 'none', review: 'none', summary: 'false', sarif: '', token: '' };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: pr.root,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: path.join(scratch, 'step-summary.md'),
    GITHUB_REPOSITORY: repository.full_name,
    GITHUB_SHA: pr.head,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    RUNNER_TEMP: runnerTemp,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  };
  // The base tree's deletion runs detached after the action exits: waited for, so that the next run starts alone.
  const after = (): void => {
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const deleting = (): boolean => readdirSync(runnerTemp).some((name) => name.startsWith('relaygate-base-'));
    for (const started = Date.now(); deleting() && Date.now() - started < 120_000; ) Atomics.wait(pause, 0, 0, 50);
  };
  const before = (): void => {
    writeFileSync(outputPath, '');
    spawnSync('git', ['update-index', '-q', '--refresh'], { cwd: pr.root });
  };
  const total = tree.planted.reduce((n, p) => n + p.expected.length, 0);
  const check = (stdout: string, status: number | null): string[] => {
    const problems: string[] = [];
    if (status !== 0) problems.push(`exited with ${status}`);
    // The pull request adds blank lines only: every finding is the base's.
    const findings = /^findings<<(\S+)\n([^\n]*)\n\1$/m.exec(readFileSync(outputPath, 'utf8'))?.[2];
    if (findings !== '0') problems.push(`output findings is ${findings}, not 0`);
    if (!stdout.includes(`: ${total} findings present there are not reported; 0 new findings.`)) {
      problems.push(`the log does not say the base had all ${total} findings: ${stdout.split('\n').find((l) => l.includes('scope new')) ?? '(no scope line)'}`);
    }
    return problems;
  };
  return { command: { name: `action on a pull request (scope new, ${paths.length} paths)`, argv: [process.execPath, ACTION], cwd: pr.root, env, before, after }, check };
}

/** One run of a command with its own directory, environment and untimed preparation. */
function measureAlone(c: Command & { cwd: string }): ReturnType<typeof measure> {
  c.before?.();
  const run = measure(c.argv, c.cwd, c.env);
  c.after?.();
  return run;
}

const fmtMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

async function main(): Promise<number> {
  if (!existsSync(CLI)) {
    log(`bench: ${CLI} does not exist; run npm run build first`);
    return 2;
  }
  const tree = ensureTree({ files, seed }, log);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'relaygate-bench-'));
  try {
    const { twenty, defaults } = changedPaths(tree);
    const twentyFile = path.join(scratch, 'changed-20.txt');
    const defaultsFile = path.join(scratch, 'changed-defaults.txt');
    writeFileSync(twentyFile, `${twenty.join('\n')}\n`);
    writeFileSync(defaultsFile, `${defaults.join('\n')}\n`);

    const rg = spawnSync('rg', ['--version']).status === 0;
    if (!rg) log('bench: ripgrep (rg) is not installed: the rg row is left out (apt-get install ripgrep, or see https://github.com/BurntSushi/ripgrep)');
    if (GNU_TIME === null) log('bench: GNU time is not installed: CPU time and peak RSS are not measured (apt-get install time)');

    const node = process.execPath;
    const cli = [node, CLI, '--format', 'json'];
    const pull = existsSync(ACTION) ? actionOnPullRequest(tree, twenty, scratch) : null;
    if (pull === null) log(`bench: ${ACTION} does not exist: the action row is left out`);
    const commands: Command[] = [
      { name: 'relaygate full scan', argv: [...cli, '.'], checkChanged: null },
      { name: `relaygate --changed (${twenty.length} paths)`, argv: [...cli, '--changed', twentyFile, '.'], checkChanged: new Set(twenty) },
      { name: 'relaygate --changed (1 role-defaults file)', argv: [...cli, '--changed', defaultsFile, '.'], checkChanged: new Set(defaults) },
      { name: 'relaygate --version', argv: [node, CLI, '--version'] },
      ...(rg ? [{ name: 'rg -l -e PATTERN', argv: ['rg', '-l', '-e', RG_PATTERN, '.'] }] : []),
      { name: 'git ls-files', argv: ['git', 'ls-files', '-z'] },
      { name: 'node -e 0', argv: [node, '-e', '0'] },
    ];

    // The correctness check first, once per scanning command.
    const problems: string[] = [];
    if (pull !== null) {
      const { stdout, status } = measureAlone(pull.command);
      for (const p of pull.check(stdout, status)) problems.push(`${pull.command.name}: ${p}`);
    }
    for (const c of commands) {
      if (c.checkChanged === undefined) continue;
      const { stdout, status } = measure(c.argv, tree.root);
      if (status !== 0 && status !== 1) {
        problems.push(`${c.name} exited with ${status}`);
        continue;
      }
      for (const p of check(JSON.parse(stdout) as JsonReport, tree.planted, c.checkChanged)) problems.push(`${c.name}: ${p}`);
    }

    const samples = new Map<string, Sample[]>(commands.map((c) => [c.name, []]));
    for (let r = 0; r < runs; r++) {
      // Alternating order: no command always runs right after the same one.
      const order = r % 2 === 0 ? commands : [...commands].reverse();
      for (const c of order) samples.get(c.name)?.push(measure(c.argv, tree.root).sample);
      log(`bench: run ${r + 1}/${runs} done`);
    }
    // The action's runs come after the others': a run reads and links a second 88k-file tree, and rg
    // right after one took 2.4 to 4.2 s instead of 0.6 s (its files had left the page cache).
    if (pull !== null) {
      const c = pull.command;
      samples.set(c.name, []);
      for (let r = 0; r < runs; r++) samples.get(c.name)?.push(measureAlone(c).sample);
      commands.splice(commands.findIndex((x) => x.name === 'relaygate --version') + 1, 0, c);
      log(`bench: ${runs} runs of the action done`);
    }

    const wall = (name: string): number => median((samples.get(name) ?? []).map((s) => s.wall));
    const full = wall('relaygate full scan');
    const nodeWall = wall('node -e 0');
    const rgWall = rg ? wall('rg -l -e PATTERN') : null;

    // The work discovery does, counted in-process (same code as the bundle).
    const discovery = await discover({ root: tree.root, paths: [], include: [], exclude: [] });
    const parsed = discovery.candidates.filter((c) => c.file !== undefined);

    const out: string[] = [];
    const plantedKinds = new Set(tree.planted.map((p) => p.kind)).size;
    out.push(
      `### ${tree.tracked.length} tracked files (${files} in the work tree), ${tree.planted.length} planted configurations of ${plantedKinds} kinds`,
      '',
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, ${os.platform()}; median of ${runs} alternating runs.`,
      '',
      '| command | wall | CPU | peak RSS | × rg | × node -e 0 |',
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const c of commands) {
      const s = samples.get(c.name) ?? [];
      const w = wall(c.name);
      const cpu = s.every((x) => x.cpu !== null) ? fmtMs(median(s.map((x) => x.cpu as number))) : 'n/a';
      const rss = s.every((x) => x.rss !== null) ? `${median(s.map((x) => x.rss as number)).toFixed(0)} MB` : 'n/a';
      out.push(`| ${c.name} | ${fmtMs(w)} | ${cpu} | ${rss} | ${rgWall === null ? 'n/a' : (w / rgWall).toFixed(2)} | ${(w / nodeWall).toFixed(2)} |`);
    }
    out.push(
      '',
      `Full scan: ${discovery.filesListed} files listed, ${discovery.filesRead} opened, ${(discovery.bytesRead / 2 ** 20).toFixed(1)} MiB read, ` +
        `${parsed.length} parsed (${parsed.filter((c) => c.kind === 'embedded').length} provisioning files, ${parsed.filter((c) => c.kind !== 'embedded').length} mail configuration files).`,
      `--changed with ${twenty.length} paths: ${(wall(commands[1]?.name ?? '') / full).toFixed(2)} of a full scan.`,
      '',
      problems.length === 0
        ? `Every planted configuration was found with exactly its expected findings (${tree.planted.reduce((n, p) => n + p.expected.length, 0)} findings).`
        : `FAILED: ${problems.length} problems with the planted configurations:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
    process.stdout.write(`${out.join('\n')}\n`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();

