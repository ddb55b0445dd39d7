import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { changelogSection, majorTag, releaseProblems } from '../../scripts/release.mjs';
import { REPO_ROOT } from '../helpers/e2e.js';

const pkg = (version: string): string => JSON.stringify({ name: 'relaygate', version });
const ts = (version: string): string => `export const VERSION = '${version}';\n`;
const CHANGELOG = '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-01-02\n\n### Added\n- a rule\n\n## [1.1.0]\n\n';

describe('scripts/release.mjs checks', () => {
  it('accepts a version that package.json, src/version.ts and CHANGELOG.md agree on', () => {
    assert.deepEqual(releaseProblems('1.2.0', { packageJson: pkg('1.2.0'), versionTs: ts('1.2.0'), changelog: CHANGELOG }), []);
    assert.equal(changelogSection(CHANGELOG, '1.2.0'), '\n### Added\n- a rule\n');
    assert.equal(majorTag('1.2.0'), 'v1');
    assert.equal(majorTag('0.3.1'), 'v0');
  });

  it('refuses what is not semver, disagreeing versions, and a missing or empty changelog section', () => {
    assert.deepEqual(releaseProblems('v1.2', { packageJson: pkg('1.2.0'), versionTs: ts('1.2.0'), changelog: CHANGELOG }), [
      '"v1.2" is not a semantic version (X.Y.Z or X.Y.Z-pre)',
    ]);
    assert.deepEqual(releaseProblems('1.1.0', { packageJson: pkg('1.2.0'), versionTs: ts('1.1.1'), changelog: CHANGELOG }), [
      'package.json has version 1.2.0, not 1.1.0',
      'src/version.ts has 1.1.1, not 1.1.0',
      'CHANGELOG.md\'s "## [1.1.0]" section is empty',
    ]);
    assert.deepEqual(releaseProblems('1.3.0', { packageJson: pkg('1.3.0'), versionTs: ts('1.3.0'), changelog: CHANGELOG }), [
      'CHANGELOG.md has no "## [1.3.0]" section',
    ]);
  });
});

describe('scripts/release.mjs in a repository', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relaygate-release-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'tag.gpgSign=false', ...args], { cwd: dir, encoding: 'utf8' });
  const release = (version: string, distCheck = 'true') =>
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/release.mjs'), version], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, RELAYGATE_RELEASE_DIST_CHECK: distCheck, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' },
    });
  const write = (version: string): void => {
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), pkg(version));
    writeFileSync(path.join(dir, 'src/version.ts'), ts(version));
    writeFileSync(path.join(dir, 'CHANGELOG.md'), `# Changelog\n\n## [${version}]\n\n- changes\n\n${CHANGELOG}`);
  };
  const tagged = (tag: string): string => git('rev-parse', `${tag}^{commit}`).stdout.trim();

  it('tags vX.Y.Z, moves vX with it, and refuses a dirty tree, a stale dist/ or an existing tag', (t) => {
    if (git('init', '-q').status !== 0) {
      t.skip('git is not available');
      return;
    }
    write('1.4.0');
    git('add', '-A');
    git('commit', '-qm', 'one');
    const first = release('1.4.0');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^tagged v1\.4\.0 and moved v1 to [0-9a-f]{40}\n/);
    assert.match(first.stdout, /git push --force origin refs\/tags\/v1/);
    const one = git('rev-parse', 'HEAD').stdout.trim();
    assert.equal(tagged('v1.4.0'), one);
    assert.equal(tagged('v1'), one);
    assert.equal(git('cat-file', '-t', 'v1.4.0').stdout.trim(), 'tag');

    const again = release('1.4.0');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /release: tag v1\.4\.0 exists already/);

    write('1.4.1');
    const dirty = release('1.4.1');
    assert.equal(dirty.status, 1);
    assert.match(dirty.stderr, /release: the work tree has uncommitted changes/);
    git('add', '-A');
    git('commit', '-qm', 'two');
    const stale = release('1.4.1', 'false');
    assert.equal(stale.status, 1);
    assert.match(stale.stderr, /release: dist\/ differs from a fresh build/);
    assert.equal(git('rev-parse', '-q', '--verify', 'refs/tags/v1.4.1').status, 1);

    const second = release('1.4.1');
    assert.equal(second.status, 0, second.stderr);
    const two = git('rev-parse', 'HEAD').stdout.trim();
    assert.equal(tagged('v1'), two);
    assert.equal(tagged('v1.4.0'), one);
  });
});
