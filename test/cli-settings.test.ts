/**
 * The files that settings name (.relaygate.yml, vars, baseline, --changed),
 * read by the real CLI and the real scan: size limits, containment in the
 * scan root, and reports that are not reports. Inputs whose failure is a hang
 * or a memory blow-up run in a child process with a time and memory budget.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../src/cli/run.js';
import { runCliWithBudget } from './helpers/budget.js';

let base = '';
before(() => {
  base = mkdtempSync(path.join(tmpdir(), 'relaygate-settings-'));
});
after(() => rmSync(base, { recursive: true, force: true }));

let n = 0;
/** A scan root `repo/` inside a fresh folder; `outside` files go beside it. Returns both. */
function layout(repo: Record<string, string | { link: string }>, outside: Record<string, string> = {}): { dir: string; root: string } {
  const dir = path.join(base, `l${n++}`);
  const root = path.join(dir, 'repo');
  mkdirSync(root, { recursive: true });
  const write = (top: string, files: Record<string, string | { link: string }>) => {
    for (const [rel, content] of Object.entries(files)) {
      const full = path.join(top, rel);
      mkdirSync(path.dirname(full), { recursive: true });
      if (typeof content === 'string') writeFileSync(full, content);
      else symlinkSync(content.link, full);
    }
  };
  write(dir, outside);
  write(root, repo);
  return { dir, root };
}

/** The real CLI in-process, with the real scan. */
async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { cwd, env: {}, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}

/** Open to the STIG rule only: a Postfix 3 that starts, whose relay list is the level's default. */
const OPEN_RELAY = { 'postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit\ncompatibility_level = 3.6\n' };
const ADVICE = (config: string, key: string) =>
  `a file named in ${config} must be inside the scan root (give it with --${key} or the action's ${key} input instead)`;

describe('.relaygate.yml, vars and baseline stay inside the scan root', () => {
  it('a .relaygate.yml that is a symbolic link out of the root is not obeyed: exit 2 saying why', async () => {
    const { dir, root } = layout({ ...OPEN_RELAY, '.relaygate.yml': { link: '../evil.yml' } }, { 'evil.yml': 'fail-on: never\n' });
    const r = await cli(['.'], root);
    assert.deepEqual(r, {
      status: 2,
      stdout: '',
      stderr: `relaygate: configuration file: .relaygate.yml is a symbolic link to ../evil.yml, outside the scan root; not followed\n`,
    });
    // The same file named by the user, from outside the root, is the user's own choice.
    const own = await cli(['--config', path.join(dir, 'evil.yml'), '--format', 'json', '.'], root);
    assert.equal(own.status, 0, own.stderr);
  });

  it('a .relaygate.yml in a folder linked from outside the root is refused too', async () => {
    const { root } = layout({ ...OPEN_RELAY, ci: { link: '../ci' } }, { 'ci/relaygate.yml': 'fail-on: never\n' });
    const r = await cli(['--config', 'ci/relaygate.yml', '.'], root);
    assert.equal(r.status, 2);
    assert.equal(
      r.stderr,
      `relaygate: --config: ci/relaygate.yml leads out of the scan root through a symbolic link (to ${path.join(path.dirname(root), 'ci/relaygate.yml')}); not followed\n`,
    );
  });

  it('a dangling .relaygate.yml link is an error, not "no configuration file"', async () => {
    const { root } = layout({ ...OPEN_RELAY, '.relaygate.yml': { link: 'gone.yml' } });
    const r = await cli(['.'], root);
    assert.deepEqual([r.status, r.stderr], [2, 'relaygate: configuration file: .relaygate.yml is a symbolic link to gone.yml, which does not exist\n']);
  });

  it('a .relaygate.yml link that stays inside the root is followed', async () => {
    const { root } = layout({ ...OPEN_RELAY, '.relaygate.yml': { link: 'ci/relaygate.yml' }, 'ci/relaygate.yml': 'fail-on: never\n' });
    const r = await cli(['--format', 'json', '.'], root);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).summary.findings, 1);
  });

  it('vars outside the root named in .relaygate.yml are refused; the same file given with --vars is read', async () => {
    const { root } = layout({ ...OPEN_RELAY, '.relaygate.yml': 'vars: ../host-vars.yml\n' }, { 'host-vars.yml': 'relay: x\n' });
    const refused = await cli(['.'], root);
    assert.deepEqual(
      [refused.status, refused.stderr],
      [2, `relaygate: .relaygate.yml: vars: ${path.join(path.dirname(root), 'host-vars.yml')} is outside the scan root; ${ADVICE('.relaygate.yml', 'vars')}\n`],
    );
    const given = await cli(['--vars', '../host-vars.yml', '--format', 'json', '.'], root);
    assert.equal(given.status, 1, given.stderr);
    assert.deepEqual(JSON.parse(given.stdout).findings.map((f: { ruleId: string; file: string; line: number }) => [f.ruleId, f.file, f.line]), [['stig-postfix-relay', 'postfix/main.cf', 2]]);
  });

  it('a baseline reached through a linked folder, named in .relaygate.yml, is refused', async () => {
    const { root } = layout(
      { ...OPEN_RELAY, '.relaygate.yml': 'baseline: reports/base.json\n', reports: { link: '../reports' } },
      { 'reports/base.json': '{"findings": []}\n' },
    );
    const r = await cli(['.'], root);
    assert.equal(r.status, 2);
    assert.equal(
      r.stderr,
      `relaygate: .relaygate.yml: baseline: reports/base.json leads out of the scan root through a symbolic link (to ${path.join(path.dirname(root), 'reports/base.json')}); not followed; ${ADVICE('.relaygate.yml', 'baseline')}\n`,
    );
    // A flag replaces the file's baseline: the refused one is never read.
    assert.equal((await cli(['--baseline', '../reports/base.json', '.'], root)).status, 1);
  });

  it('a .relaygate.yml outside the root named with --config may name files outside the root', async () => {
    const { dir, root } = layout(OPEN_RELAY, { 'mine.yml': 'vars: host-vars.yml\nfail-on: never\n', 'host-vars.yml': 'relay: x\n' });
    const r = await cli(['--config', path.join(dir, 'mine.yml'), '.'], root);
    assert.equal(r.status, 0, r.stderr);
  });

  it('a FIFO named .relaygate.yml is refused at once, not waited on', () => {
    const { root } = layout(OPEN_RELAY);
    execFileSync('mkfifo', [path.join(root, '.relaygate.yml')]);
    const r = runCliWithBudget(['.'], root, 20);
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', 'relaygate: configuration file: .relaygate.yml is not a regular file\n']);
  });
});

describe('size limits on setting files, read with the limit', () => {
  it('a 6 MB .relaygate.yml with a million include items is refused before it is parsed', () => {
    const { root } = layout({ ...OPEN_RELAY, '.relaygate.yml': `include:\n${'  - a\n'.repeat(1_000_000)}` });
    const r = runCliWithBudget(['.'], root, 20);
    assert.deepEqual(
      [r.status, r.stdout, r.stderr],
      [2, '', 'relaygate: configuration file: cannot read .relaygate.yml: it is 6000009 bytes, over the 256 KiB limit for configuration files\n'],
    );
    assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
    assert.ok(r.maxRssMiB < 200, `used ${r.maxRssMiB} MiB`);
  });

  for (const [flag, limit, kind] of [
    ['--config', '256 KiB', 'configuration files'],
    ['--vars', '1 MiB', 'variables files'],
    ['--baseline', '16 MiB', 'baseline files'],
    ['--changed', '4 MiB', 'changed-path lists'],
  ] as const) {
    it(`${flag} /dev/zero stops at the ${limit} limit, with bounded memory`, () => {
      // A template: --vars files are read only when something is rendered.
      const { root } = layout({ ...OPEN_RELAY, 'roles/mail/templates/main.cf.j2': 'inet_interfaces = {{ listen }}\n' });
      const r = runCliWithBudget([flag, '/dev/zero', '.'], root, 20);
      assert.deepEqual(
        [r.status, r.stdout, r.stderr],
        [2, '', `relaygate: ${flag === '--vars' || flag === '--baseline' ? flag.slice(2) : flag}: cannot read /dev/zero: it is over the ${limit} limit for ${kind}\n`],
      );
      assert.ok(r.maxRssMiB < 200, `used ${r.maxRssMiB} MiB`);
    });
  }
});

describe('a baseline that is not a report', () => {
  it('JSON null, a list, or a number is an error naming the baseline, not an internal error', async () => {
    for (const text of ['null', '[]', '7', '{"findings": {}}']) {
      const { root } = layout({ ...OPEN_RELAY, 'base.json': text });
      const r = await cli(['--baseline', 'base.json', '.'], root);
      assert.deepEqual(
        [r.status, r.stderr],
        [2, `relaygate: baseline: ${path.join(root, 'base.json')} is not a relaygate JSON report (no "findings" array)\n`],
        text,
      );
    }
  });

  it('findings entries that are not objects are ignored; the fingerprints of the others count', async () => {
    const { root } = layout(OPEN_RELAY);
    const report = await cli(['--format', 'json', '.'], root);
    const fingerprint = JSON.parse(report.stdout).findings[0].fingerprint as string;
    writeFileSync(path.join(root, 'base.json'), JSON.stringify({ findings: [null, 3, 'x', [], { fingerprint }] }));
    const r = await cli(['--baseline', 'base.json', '--format', 'json', '.'], root);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).summary.findings, 0);
  });
});
