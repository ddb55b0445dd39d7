// Is the committed dist/ what the sources build to? Rebuilds both bundles into
// a temporary directory (the working tree is not touched) and compares them
// byte for byte, file set and executable bit included.
//
//   node scripts/check-dist.mjs
//
// CI also runs `npm run build && git diff --exit-code -- dist` (.ci/run); this
// script is the same check for a tree without git, or for a quick local look.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { postBuild } from './post-build.mjs';

// The exact ncc invocations of package.json's "build" script.
export const BUNDLES = [
  { entry: 'src/main.ts', out: '' },
  { entry: 'src/cli.ts', out: 'cli' },
];

function listFiles(dir, prefix = '') {
  const out = [];
  let names = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, rel));
    else out.push(rel);
  }
  return out;
}

export function buildInto(outDir, repoRoot) {
  const ncc = path.join(repoRoot, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  for (const b of BUNDLES) {
    const r = spawnSync(
      process.execPath,
      [ncc, 'build', b.entry, '-o', path.join(outDir, b.out), '--license', 'licenses.txt', '--target', 'es2022', '--quiet'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`ncc build ${b.entry} failed:\n${r.stdout}${r.stderr}`);
  }
  return postBuild(outDir, repoRoot);
}

/** Differences between two dist trees, as readable lines (empty when equal). */
export function compareTrees(committed, fresh) {
  const diffs = [];
  const a = listFiles(committed);
  const b = listFiles(fresh);
  for (const f of a) if (!b.includes(f)) diffs.push(`dist/${f}: committed but no longer built (delete it)`);
  for (const f of b) if (!a.includes(f)) diffs.push(`dist/${f}: built but not committed`);
  for (const f of a.filter((x) => b.includes(x))) {
    const x = readFileSync(path.join(committed, f));
    const y = readFileSync(path.join(fresh, f));
    if (!x.equals(y)) diffs.push(`dist/${f}: differs from a fresh build`);
    const ex = (statSync(path.join(committed, f)).mode & 0o111) !== 0;
    const ey = (statSync(path.join(fresh, f)).mode & 0o111) !== 0;
    if (ex !== ey) diffs.push(`dist/${f}: executable bit differs from a fresh build`);
  }
  return diffs;
}

function main() {
  const repoRoot = process.cwd();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'relaygate-dist-'));
  try {
    const problems = buildInto(tmp, repoRoot);
    for (const p of problems) process.stderr.write(`check-dist: fresh build: ${p}\n`);
    const diffs = compareTrees(path.join(repoRoot, 'dist'), tmp);
    for (const d of diffs) process.stderr.write(`check-dist: ${d}\n`);
    if (problems.length || diffs.length) {
      process.stderr.write('check-dist: dist/ is stale: run `npm run build` and commit dist/\n');
      process.exit(1);
    }
    process.stdout.write('check-dist: dist/ matches a fresh build\n');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
