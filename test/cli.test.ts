import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli, type CliIo } from '../src/cli/run.js';
import type { Options } from '../src/config/options.js';
import type { Finding } from '../src/model/finding.js';
import type { ScanResult } from '../src/scan.js';
import { VERSION } from '../src/version.js';
import { finding } from './report/fixture.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let dir = '';
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'relaygate-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A fresh directory with these files (relative POSIX path -> text). */
function tree(files: Record<string, string> = {}): string {
  const root = path.join(dir, `t${n++}`);
  mkdirSync(root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** Runs the CLI in-process with a stubbed scan that returns `findings` (or throws). */
async function cli(argv: string[], cwd: string, findings: Finding[] | Error = [], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const scanned: Options[] = [];
  const io: CliIo = { cwd, env, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const status = await runCli(argv, io, async (options): Promise<ScanResult> => {
    scanned.push(options);
    if (findings instanceof Error) throw findings;
    return { root: options.root, findings, configurations: [], filesScanned: 1, durationMs: 3, notes: [] };
  });
  return { status, stdout, stderr, scanned };
}

const ERROR = finding({ file: 'postfix/main.cf', line: 2, column: 1, endLine: 2, endColumn: 30 });
const WARNING = finding({ file: 'postfix/main.cf', line: 5, endLine: 5, level: 'warning', fingerprint: 'f'.repeat(32) });

describe('relaygate CLI (in-process, stubbed scan)', () => {
  it('exits 1 when a finding reaches --fail-on, 0 otherwise', async () => {
    const root = tree();
    assert.equal((await cli([], root, [ERROR])).status, 1);
    assert.equal((await cli([], root, [WARNING])).status, 0);
    assert.equal((await cli(['--fail-on', 'warning'], root, [WARNING])).status, 1);
    assert.equal((await cli(['--fail-on', 'never'], root, [ERROR])).status, 0);
    assert.equal((await cli([], root, [])).status, 0);
  });

  it('relaygate DIR makes DIR the scan root; no path scans the current directory', async () => {
    const cwd = tree({ 'infra/postfix/main.cf': '' });
    assert.deepEqual((await cli(['infra'], cwd)).scanned.map((o) => [o.root, o.paths]), [[path.join(cwd, 'infra'), ['.']]]);
    assert.deepEqual((await cli([], cwd)).scanned.map((o) => [o.root, o.paths]), [[cwd, ['.']]]);
  });

  it('a file or several paths are scanned under the current directory as root', async () => {
    const cwd = tree({ 'a/main.cf': '', 'b/sendmail.mc': '' });
    assert.deepEqual((await cli(['a/main.cf'], cwd)).scanned.map((o) => [o.root, o.paths]), [[cwd, ['a/main.cf']]]);
    assert.deepEqual((await cli(['a', './b/'], cwd)).scanned.map((o) => [o.root, o.paths]), [[cwd, ['a', 'b']]]);
  });

  it('passes flags to the scan; FILE flags are relative to the current directory, .relaygate.yml paths to the file', async () => {
    const cwd = tree({ 'infra/.relaygate.yml': 'profile: rhel9\nexclude: [vendor/**]\nvars: [vars/all.yml]\nfail-on: never\n', 'changed.txt': 'infra/postfix/main.cf\r\n\ninfra/postfix/master.cf\n' });
    const r = await cli(
      ['--fail-on', 'warning', '--indeterminate', 'note', '--include', 'x/*.cf', '--vars', 'extra.yml', '--baseline', 'base.json', '--changed', 'changed.txt', 'infra'],
      cwd,
    );
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.scanned[0], {
      root: path.join(cwd, 'infra'),
      paths: ['.'],
      profile: 'rhel9',
      failOn: 'warning',
      indeterminate: 'note',
      include: ['x/*.cf'],
      exclude: ['vendor/**'],
      vars: [path.join(cwd, 'extra.yml')],
      baseline: path.join(cwd, 'base.json'),
      changed: ['postfix/main.cf', 'postfix/master.cf'],
      rules: {},
      configFile: path.join(cwd, 'infra', '.relaygate.yml'),
    });
  });

  it('--config names another settings file', async () => {
    const cwd = tree({ 'ci/relaygate.yml': 'profile: rhel6\n' });
    const r = await cli(['--config', 'ci/relaygate.yml'], cwd);
    assert.equal(r.scanned[0]?.profile, 'rhel6');
  });

  it('prints the chosen format to stdout', async () => {
    const root = tree();
    const json = JSON.parse((await cli(['--format', 'json'], root, [ERROR])).stdout);
    assert.equal(json.schemaVersion, 1);
    assert.equal(json.summary.result, 'fail');
    const github = (await cli(['--format', 'github'], root, [ERROR])).stdout;
    assert.match(github, /^::error file=postfix\/main\.cf,line=2,col=1,endLine=2,endColumn=30,title=relaygate stig-postfix-relay::/);
    const text = (await cli([], root, [ERROR])).stdout;
    assert.match(text, /^postfix\/main\.cf:2:1: error \[stig-postfix-relay\] /);
  });

  it('--output writes the report to the file and one summary line to stderr', async () => {
    const root = tree();
    const r = await cli(['--format', 'sarif', '--output', 'out/r.sarif'], root, [ERROR]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'relaygate: fail: 1 finding (1 error, 0 warnings, 0 notes); sarif report written to out/r.sarif\n');
    assert.equal(JSON.parse(readFileSync(path.join(root, 'out/r.sarif'), 'utf8')).version, '2.1.0');
  });

  it('--help and --version exit 0 without scanning', async () => {
    const root = tree();
    const help = await cli(['--help'], root);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: relaygate \[options\] \[path\.\.\.\]\n/);
    assert.deepEqual(help.scanned, []);
    const version = await cli(['--version'], root);
    assert.deepEqual([version.status, version.stdout], [0, `relaygate ${VERSION}\n`]);
  });

  const usage: [string, string[], Record<string, string>, string][] = [
    ['a bad flag value', ['--format', 'xml'], {}, 'relaygate: --format: "xml" is not one of text, json, sarif, markdown, github (see relaygate --help)\n'],
    ['an unknown flag', ['--no-such-flag'], {}, 'relaygate: unknown option --no-such-flag (see relaygate --help)\n'],
    ['a missing path', ['no/such/dir'], {}, 'relaygate: path "no/such/dir" does not exist\n'],
    [
      'a path outside the root',
      ['../elsewhere', '.'],
      {},
      'relaygate: path "../elsewhere" is outside the current directory, which is the scan root when a file or several paths are given; run relaygate from a directory that contains it\n',
    ],
    ['a missing --config', ['--config', 'nope.yml'], {}, 'relaygate: --config: cannot read nope.yml: no such file\n'],
    ['a missing --changed', ['--changed', 'nope.txt'], {}, 'relaygate: --changed: cannot read nope.txt: no such file\n'],
    [
      'a bad .relaygate.yml, with its line',
      [],
      { '.relaygate.yml': 'profile: rhel8\n\nindeterminate: maybe\n' },
      'relaygate: .relaygate.yml:3:16: indeterminate: "maybe" is not one of error, warning, note, ignore\n',
    ],
  ];
  for (const [name, argv, files, message] of usage) {
    it(`exits 2 on ${name}, with one line on stderr`, async () => {
      const cwd = tree({ ...files, elsewhere: '' });
      const root = path.join(cwd, 'sub');
      mkdirSync(root);
      for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(root, rel), text);
      const r = await cli(argv, root, [ERROR]);
      assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', message]);
      assert.deepEqual(r.scanned, []);
    });
  }

  it('exits 2 with one line on an internal error; the stack only with --debug or RUNNER_DEBUG=1', async () => {
    const root = tree();
    const plain = await cli([], root, new Error('sendmail model exploded'));
    assert.deepEqual([plain.status, plain.stdout, plain.stderr], [2, '', 'relaygate: internal error: sendmail model exploded\n']);
    const multiline = await cli([], root, new Error('line one\n::error::line two'));
    assert.deepEqual([multiline.status, multiline.stderr], [2, 'relaygate: internal error: line one\\n::error::line two\n']);
    for (const [argv, env] of [[['--debug'], {}], [[], { RUNNER_DEBUG: '1' }]] as const) {
      const debug = await cli([...argv], root, new Error('boom'), env);
      assert.equal(debug.status, 2);
      assert.match(debug.stderr, /^relaygate: internal error: boom\nError: boom\n {4}at /);
    }
    assert.equal((await cli([], root, new Error('boom'), { RUNNER_DEBUG: '0' })).stderr, 'relaygate: internal error: boom\n');
  });

  it('an internal error that is not an Error, or cannot be printed, is still one line', async () => {
    const root = tree();
    const io = (out: string[]): CliIo => ({ cwd: root, env: {}, stdout: () => undefined, stderr: (t) => void out.push(t) });
    const thrown: unknown[] = ['a string', Object.create(null), { get message(): string { throw new Error('no'); } }];
    const lines: string[][] = [];
    for (const value of thrown) {
      const out: string[] = [];
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- what is thrown is not always an Error: that is the case under test
      const status = await runCli([], io(out), () => Promise.reject(value));
      assert.equal(status, 2);
      lines.push(out);
    }
    assert.deepEqual(lines, [
      ['relaygate: internal error: a string\n'],
      ['relaygate: internal error: an error that cannot be printed\n'],
      ['relaygate: internal error: [object Object]\n'],
    ]);
  });

  it('an unreadable baseline (an OptionsError from the scan) is exit 2, not an internal error', async () => {
    const root = tree();
    // The real scan reads the baseline; the stub stands in with the error scan.ts throws.
    const { OptionsError } = await import('../src/config/options.js');
    const r = await cli([], root, new OptionsError('baseline: cannot read base.json: ENOENT'));
    assert.deepEqual([r.status, r.stderr], [2, 'relaygate: baseline: cannot read base.json: ENOENT\n']);
  });
});

describe('relaygate CLI as a process (node --import tsx src/cli.ts)', () => {
  function run(args: string[], cwd: string) {
    // tsx by its resolved URL, so the CLI can run with its working directory anywhere.
    const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(REPO, 'src/cli.ts'), ...args], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir() },
      timeout: 60_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  it('exits 0 on a directory without mail configuration, with the summary line', () => {
    const root = tree({ 'README.md': '# nothing to see\n' });
    const r = run(['--format', 'json', '.'], root);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual([report.summary.result, report.findings], ['pass', []]);
  });

  it('exits 2 on bad usage with exactly one line on stderr and no stack trace', () => {
    const r = run(['--fail-on', 'sometimes', tree()], REPO);
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', 'relaygate: --fail-on: "sometimes" is not one of error, warning, note, never (see relaygate --help)\n']);
  });

  it('exits 2 on a .relaygate.yml error, naming file and line', () => {
    const root = tree({ '.relaygate.yml': 'profile: rhel8\nprofil: rhel9\n' });
    const r = run([root], root);
    assert.equal(r.status, 2);
    assert.equal(
      r.stderr,
      'relaygate: .relaygate.yml:2:1: unknown key "profil"; accepted keys: profile, fail-on, indeterminate, include, exclude, vars, baseline, rules\n',
    );
  });

  /**
   * The process binding (src/cli/process.ts) with an engine that fails the
   * way an async bug does: outside every await, where no try can catch it.
   */
  function runBound(failure: 'stray rejection' | 'callback throws', env: Record<string, string> = {}, argv: string[] = []) {
    const engine =
      failure === 'stray rejection'
        ? 'async (o) => { Promise.reject(new Error("file closed")); await new Promise((r) => setTimeout(r, 200)); return pass(o); }'
        : 'async (o) => { setTimeout(() => { throw new Error("callback threw"); }, 0); await new Promise((r) => setTimeout(r, 200)); return pass(o); }';
    const script = [
      `const { runProcess } = await import(${JSON.stringify(import.meta.resolve('../src/cli/process.ts'))});`,
      'const pass = (o) => ({ root: o.root, findings: [], configurations: [], filesScanned: 0, durationMs: 0, notes: [] });',
      `runProcess(${JSON.stringify(argv)}, ${engine});`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script], {
      cwd: tree(),
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir(), ...env },
      timeout: 60_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('an error that escapes every await is exit 2 with one line, never exit 1 and never a report', () => {
    assert.deepEqual(Object.values(runBound('stray rejection')), [2, '', 'relaygate: internal error: file closed\n']);
    assert.deepEqual(Object.values(runBound('callback throws')), [2, '', 'relaygate: internal error: callback threw\n']);
  });

  it('such an error prints its stack with --debug or RUNNER_DEBUG=1', () => {
    const flagged = runBound('stray rejection', {}, ['--debug']);
    assert.equal(flagged.status, 2);
    assert.match(flagged.stderr, /^relaygate: internal error: file closed\nError: file closed\n {4}at /);
    const runner = runBound('callback throws', { RUNNER_DEBUG: '1' });
    assert.equal(runner.status, 2);
    assert.match(runner.stderr, /^relaygate: internal error: callback threw\nError: callback threw\n {4}at /);
  });

  it('--version prints the version and exits 0', () => {
    const r = run(['--version'], REPO);
    assert.deepEqual([r.status, r.stdout], [0, `relaygate ${VERSION}\n`]);
  });
});
