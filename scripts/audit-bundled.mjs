// npm audit of what dist/ ships. Every dependency is a devDependency that
// ncc bundles, so `npm audit --omit=dev` would look at nothing: this runs
// `npm audit --json` over the whole tree and fails on the advisories of
// the packages the bundles' licenses.txt list (scripts/check-licenses.mjs),
// printing the others (tools that never ship) for information.
// Needs the registry's advisory endpoint (a POST). .ci/run runs it; where the
// registry (or the mirror in front of it) does not serve that endpoint, this
// exits 3 with a message saying so, and .ci/run prints the audit as not run
// rather than as passed. Exit 1: advisories in shipped packages; 2: npm
// audit gave no usable answer for another reason.
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
// Statuses and errors that mean "this registry has no advisory service here",
// not "the audit found something": a mirror that allows only GET and HEAD
// answers 405, one without the route 404 or 501; no route to it at all
// fails with a network error code.
const UNAVAILABLE_STATUS = new Set([404, 405, 501]);
const UNAVAILABLE_CODE = new Set(['ENOTFOUND', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH']);
const status = report.statusCode ?? report.error?.statusCode;
const code = report.code ?? report.error?.code;
if (UNAVAILABLE_STATUS.has(status) || UNAVAILABLE_CODE.has(code)) {
  console.error(`audit-bundled: the advisory endpoint is not available from here (${report.message ?? report.error?.summary ?? code ?? status}); the audit did not run`);
  process.exit(3);
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
