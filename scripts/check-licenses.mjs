// The licences of the code shipped in dist/: ncc writes one licenses.txt per
// bundle, a block per bundled package (its name, its licence id, the licence
// text). Every bundle must have one, every block's package must be one
// package-lock.json installs with that same licence, and every licence must
// be one that allows redistribution in a bundle under MIT (the allowlist).
// Offline: reads only dist/ and package-lock.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLES = ['dist/licenses.txt', 'dist/cli/licenses.txt'];
/** Permissive licences: their notice travels in licenses.txt, nothing else is asked of a bundle. */
const ALLOWED = new Set(['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'BlueOak-1.0.0']);

/** Installed package name -> its licence field, from the lock file (nested copies included). */
function lockedLicences(root) {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const out = new Map();
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    const at = key.lastIndexOf('node_modules/');
    if (at === -1) continue;
    const name = key.slice(at + 'node_modules/'.length);
    const licences = out.get(name) ?? new Set();
    licences.add(String(entry.license ?? ''));
    out.set(name, licences);
  }
  return out;
}

/**
 * The packages of one licenses.txt: a block starts, after a blank line (or
 * at the top), with a line that is an installed package's name, followed by
 * its licence id.
 */
export function bundledPackages(text, locked) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if ((i === 0 || lines[i - 1] === '') && locked.has(lines[i])) out.push({ name: lines[i], licence: lines[i + 1] });
  }
  return out;
}

export function checkLicences(root = ROOT) {
  const locked = lockedLicences(root);
  const problems = [];
  const seen = new Map();
  for (const bundle of BUNDLES) {
    const file = path.join(root, bundle);
    if (!existsSync(file)) {
      problems.push(`${bundle} is missing: build with \`npm run build\` (ncc --license licenses.txt)`);
      continue;
    }
    const packages = bundledPackages(readFileSync(file, 'utf8'), locked);
    if (packages.length === 0) problems.push(`${bundle} names no installed package`);
    for (const { name, licence } of packages) {
      seen.set(name, licence);
      if (!locked.get(name)?.has(licence)) problems.push(`${bundle}: ${name} is listed as ${licence}, package-lock.json says ${[...(locked.get(name) ?? [])].join(' or ')}`);
      if (!ALLOWED.has(licence)) problems.push(`${bundle}: ${name} is ${licence}, not one of ${[...ALLOWED].join(', ')}`);
    }
  }
  return { problems, packages: seen };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { problems, packages } = checkLicences();
  for (const p of problems) console.error(`check-licenses: ${p}`);
  if (problems.length > 0) process.exit(1);
  const counts = new Map();
  for (const licence of packages.values()) counts.set(licence, (counts.get(licence) ?? 0) + 1);
  console.log(`check-licenses: ${packages.size} bundled packages, ${[...counts].map(([l, n]) => `${n} ${l}`).join(', ')}`);
}
