// npm audit of what dist/ ships. Every dependency is a devDependency that
// ncc bundles, so `npm audit --omit=dev` would look at nothing: this runs
// `npm audit --json` over the whole tree and fails on the advisories of
// the packages the bundles' licenses.txt list (scripts/check-licenses.mjs),
// printing the others (tools that never ship) for information.
// Needs the npm registry (the advisory database): not part of .ci/run, which
// must pass offline after npm ci.
import { spawnSync } from 'node:child_process';
import { checkLicences } from './check-licenses.mjs';

const { problems, packages } = checkLicences();
for (const p of problems) console.error(`audit-bundled: ${p}`);
if (problems.length > 0) process.exit(1);
const run = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`audit-bundled: npm audit gave no report (exit ${run.status}): ${run.stderr.split('\n')[0] ?? ''}`);
  process.exit(2);
}
if (report.error) {
  console.error(`audit-bundled: npm audit failed: ${report.error.summary || report.message || report.error.code || 'unknown error'}`);
  process.exit(2);
}
const shipped = [];
const tools = [];
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  (packages.has(name) ? shipped : tools).push(`${name} (${v.severity}${v.range ? `, ${v.range}` : ''})`);
}
if (tools.length > 0) console.log(`audit-bundled: advisories in development tools only (not shipped): ${tools.join(', ')}`);
if (shipped.length > 0) {
  console.error(`audit-bundled: advisories in bundled packages: ${shipped.join(', ')}`);
  process.exit(1);
}
console.log(`audit-bundled: no advisories in the ${packages.size} bundled packages`);
