// Finishes and checks the ncc bundles after `npm run build`.
//
//   node scripts/post-build.mjs [--dist DIR]      (default DIR: dist)
//   node scripts/post-build.mjs --clean [--dist DIR]
//                                  deletes DIR before a build (ncc never deletes)
//
// Why each step exists:
// - dist/cli/index.js is the `bin` of package.json: npm and a shell run it
//   directly, so it needs the `#!/usr/bin/env node` line and the executable bit
//   (git records the bit, so a clone gets it too).
// - The action reports src/version.ts; it must equal package.json's version
//   or the report and the release would disagree.
// - ncc builds a broken bundle without a warning when an @actions/* package
//   is left external (github-platform.md): such a bundle still has an import
//   or require of "@actions/..." in it.
// - The bundles are committed and CI compares them with a fresh build, so
//   nothing machine-specific (the checkout's absolute path) may end up in them,
//   and no file may be left over from an earlier build (ncc never deletes).
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const SHEBANG = '#!/usr/bin/env node';

/** Every file a build may produce; anything else is stale or unexpected. */
export const EXPECTED_FILES = [
  'index.js',
  'licenses.txt',
  'package.json',
  'cli/index.js',
  'cli/licenses.txt',
  'cli/package.json',
];

/**
 * The CLI's entry loads the engine late (src/cli.ts: `--version` needs none
 * of it), so its bundle comes with chunks that webpack names by number
 * (`cli/883.index.js`); the numbers follow the modules, not the machine.
 */
export const CHUNK = /^cli\/\d+\.index\.js$/;

export function isBuildOutput(rel) {
  return EXPECTED_FILES.includes(rel) || CHUNK.test(rel);
}

function listFiles(dir, prefix = '') {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, rel));
    else out.push(rel);
  }
  return out;
}

/** Returns a list of problems; fixes what it may fix (shebang, mode) in place. */
export function postBuild(distDir, repoRoot) {
  const problems = [];

  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const versionSource = readFileSync(path.join(repoRoot, 'src/version.ts'), 'utf8');
  const m = /export const VERSION = '([^']*)'/.exec(versionSource);
  if (!m) problems.push("src/version.ts: no `export const VERSION = '...'` line");
  else if (m[1] !== pkg.version) {
    problems.push(`src/version.ts says ${m[1]} but package.json says ${pkg.version}: make them equal`);
  }

  const chunks = listFiles(distDir).filter((rel) => CHUNK.test(rel));
  if (chunks.length === 0) problems.push('cli/index.js comes without its engine chunk (cli/NNN.index.js): did ncc split it?');
  for (const bundle of ['index.js', 'cli/index.js', ...chunks]) {
    const file = path.join(distDir, bundle);
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      problems.push(`${bundle} is missing: did ncc run?`);
      continue;
    }
    if (bundle === 'cli/index.js') {
      if (!text.startsWith(`${SHEBANG}\n`)) {
        // ncc may keep the entry's own shebang; never write a second one.
        const body = text.startsWith('#!') ? text.slice(text.indexOf('\n') + 1) : text;
        text = `${SHEBANG}\n${body}`;
        writeFileSync(file, text);
      }
      chmodSync(file, 0o755);
    }
    // A leftover external is a run-time "Cannot find module" on the runner.
    const external = /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)["'](@actions\/[^"']*)["']/.exec(text);
    if (external) problems.push(`${bundle} imports ${external[1]} at run time: the bundle is not self-contained`);
    // ncc names each module by its path relative to the project; `../` means
    // node_modules was reached through a symlink or from outside the checkout,
    // and the bundle would differ from CI's.
    if (/MODULE: \.\.\//.test(text)) {
      problems.push(`${bundle} bundles modules from outside the project (a symlinked node_modules?): the build is not reproducible`);
    }
    const absolute = [repoRoot, path.resolve(distDir)].find((p) => p.length > 1 && text.includes(p));
    if (absolute) problems.push(`${bundle} contains the absolute path ${absolute}: the build is not reproducible`);
  }

  for (const manifest of ['package.json', 'cli/package.json']) {
    const file = path.join(distDir, manifest);
    let type;
    try {
      type = JSON.parse(readFileSync(file, 'utf8')).type;
    } catch {
      continue; // absent: the root package.json's "type": "module" applies
    }
    if (type !== 'module') problems.push(`${manifest} says "type": ${JSON.stringify(type)}: the bundles are ESM`);
  }

  for (const rel of listFiles(distDir)) {
    if (!isBuildOutput(rel)) {
      problems.push(`${rel} is not produced by the build (left over from an earlier one?): delete dist/ and rebuild`);
    }
  }
  return problems;
}

function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--dist');
  const distDir = path.resolve(at >= 0 && args[at + 1] ? args[at + 1] : 'dist');
  if (args.includes('--clean')) {
    rmSync(distDir, { recursive: true, force: true });
    return;
  }
  const problems = postBuild(distDir, process.cwd());
  if (problems.length) {
    for (const p of problems) process.stderr.write(`post-build: ${p}\n`);
    process.exit(1);
  }
  process.stdout.write(`post-build: ${path.relative(process.cwd(), distDir) || '.'} ok\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
