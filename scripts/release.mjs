#!/usr/bin/env node
// Tags a release: `node scripts/release.mjs 1.2.3 [--push]` (or `npm run release -- 1.2.3`).
//
// Refuses unless:
//   - the version is semver (X.Y.Z, optionally -pre) and matches package.json and src/version.ts;
//   - CHANGELOG.md has a non-empty `## [X.Y.Z]` section;
//   - the work tree is clean and the tag does not exist yet;
//   - dist/ is exactly what the sources build to (scripts/check-dist.mjs).
// Then creates the annotated tag vX.Y.Z and moves the major tag vX (v1) to it,
// which is what `uses: relaygate/relaygate@v1` follows. Nothing is pushed
// without --push; the commands are printed. Users who pin by commit sha
// (recommended in the README) are not moved by either tag.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** The problems that stop a release of `version`, from the files' texts (pure, for the tests). */
export function releaseProblems(version, { packageJson, versionTs, changelog }) {
  const problems = [];
  const m = SEMVER.exec(version);
  if (m === null) return [`"${version}" is not a semantic version (X.Y.Z or X.Y.Z-pre)`];
  const pkg = JSON.parse(packageJson);
  if (pkg.version !== version) problems.push(`package.json has version ${pkg.version}, not ${version}`);
  const inSource = /VERSION = '([^']*)'/.exec(versionTs)?.[1];
  if (inSource !== version) problems.push(`src/version.ts has ${inSource ?? 'no VERSION'}, not ${version}`);
  const section = changelogSection(changelog, version);
  if (section === null) problems.push(`CHANGELOG.md has no "## [${version}]" section`);
  else if (section.trim() === '') problems.push(`CHANGELOG.md's "## [${version}]" section is empty`);
  return problems;
}

/** The text of `## [version]` up to the next `## ` heading, or null. */
export function changelogSection(changelog, version) {
  const lines = changelog.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## [${version}]`));
  if (start < 0) return null;
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** v1.2.3 -> v1; a 0.x release moves v0. */
export function majorTag(version) {
  return `v${version.split('.')[0]}`;
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  return { ok: r.status === 0, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim() };
}

function main(argv) {
  const push = argv.includes('--push');
  const version = argv.find((a) => !a.startsWith('--'));
  if (version === undefined) {
    process.stderr.write('usage: node scripts/release.mjs X.Y.Z [--push]\n');
    return 2;
  }
  const problems = releaseProblems(version, {
    packageJson: readFileSync('package.json', 'utf8'),
    versionTs: readFileSync('src/version.ts', 'utf8'),
    changelog: readFileSync('CHANGELOG.md', 'utf8'),
  });
  const status = run('git', ['status', '--porcelain']);
  if (!status.ok) problems.push(`git status failed: ${status.err}`);
  else if (status.out !== '') problems.push('the work tree has uncommitted changes');
  const tag = `v${version}`;
  if (run('git', ['rev-parse', '-q', '--verify', `refs/tags/${tag}`]).ok) problems.push(`tag ${tag} exists already`);
  if (problems.length === 0) {
    // The command that proves dist/ is fresh; a test points it elsewhere.
    const check = (process.env.RELAYGATE_RELEASE_DIST_CHECK ?? 'node scripts/check-dist.mjs').split(' ');
    const dist = spawnSync(check[0], check.slice(1), { stdio: 'inherit' });
    if (dist.status !== 0) problems.push('dist/ differs from a fresh build: run `npm run build` and commit dist/');
  }
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`release: ${p}\n`);
    return 1;
  }
  const major = majorTag(version);
  const made = run('git', ['tag', '-a', tag, '-m', `relaygate ${version}`]);
  if (!made.ok) {
    process.stderr.write(`release: git tag failed: ${made.err}\n`);
    return 1;
  }
  // The major tag follows the latest release of its major: lightweight, force-moved.
  const moved = run('git', ['tag', '-f', major, `${tag}^{commit}`]);
  if (!moved.ok) {
    process.stderr.write(`release: moving ${major} failed: ${moved.err}\n`);
    return 1;
  }
  const commit = run('git', ['rev-parse', `${tag}^{commit}`]).out;
  process.stdout.write(`tagged ${tag} and moved ${major} to ${commit}\n`);
  const commands = [['push', 'origin', `refs/tags/${tag}`], ['push', '--force', 'origin', `refs/tags/${major}`]];
  if (!push) {
    process.stdout.write(`to publish:\n${commands.map((c) => `  git ${c.join(' ')}`).join('\n')}\n  npm publish\n`);
    return 0;
  }
  for (const c of commands) {
    const r = run('git', c);
    if (!r.ok) {
      process.stderr.write(`release: git ${c.join(' ')} failed: ${r.err}\n`);
      return 1;
    }
  }
  process.stdout.write(`pushed ${tag} and ${major}; now run npm publish\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
