// Renders the job summary the way GitHub shows it and takes screenshots,
// so a person can look at it: the Markdown from renderMarkdown(), turned
// into HTML by a GitHub-flavoured Markdown renderer (marked, GFM) inside
// github-markdown-css's `.markdown-body`, photographed by headless Chromium
// at 1012 px (the width of a job summary on a wide screen).
//
//   node --import tsx scripts/summary-screenshot.ts [OUT_DIR]
//
// Needs Debian's chromium (`apt-get install -y chromium`); not run in CI.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { marked } from 'marked';
import { defaultOptions } from '../src/config/options.js';
import type { ConfigurationSummary } from '../src/model/configuration.js';
import { buildReport, type JsonReport } from '../src/report/json.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { scan } from '../src/scan.js';

const out = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), 'relaygate-summary'));
mkdirSync(out, { recursive: true });
const css = readFileSync(createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
const BLOB = 'https://github.com/acme/infra/blob/4f2c9e1d0b7a';

function page(markdown: string, open: boolean): string {
  let html = marked.parse(markdown, { async: false, gfm: true });
  if (open) html = html.replace(/<details>/g, '<details open>');
  // The job summary's column: 1012 px wide, GitHub's padding, github-markdown-css's body.
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: 1012px; padding: 16px 24px; }
</style></head><body><article class="markdown-body">${html}</article></body></html>`;
}

function screenshot(name: string, html: string, height: number): void {
  const file = path.join(out, `${name}.html`);
  writeFileSync(file, html);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'relaygate-chromium-'));
  const png = path.join(out, `${name}.png`);
  const run = spawnSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      '--hide-scrollbars',
      `--window-size=1012,${height}`,
      `--screenshot=${png}`,
      `file://${file}`,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  rmSync(profile, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`chromium failed (${run.status}): ${run.error?.message ?? run.stderr}`);
  process.stdout.write(`${png}\n`);
}

// 1. The examples, failing, with file links (what a pull request's job summary shows).
const examples = mkdtempSync(path.join(os.tmpdir(), 'relaygate-summary-examples-'));
cpSync('examples', examples, { recursive: true });
const failing = buildReport(await scan(defaultOptions(examples)), 'error');
rmSync(examples, { recursive: true, force: true });
const md = renderMarkdown(failing, { blobUrl: BLOB });
writeFileSync(path.join(out, 'failing.md'), md);
screenshot('failing', page(md, false), 1400);
screenshot('failing-open', page(md, true), 2600);

// 2. The same, scoped to a pull request that touched two files.
const scoped: JsonReport = { ...failing, scope: { kind: 'changed', changedFiles: 2, configurationsTouched: 1, findingsHidden: 4 }, findings: failing.findings.slice(0, 1) };
scoped.summary = { ...failing.summary, findings: 1, byLevel: { error: 1, warning: 0, note: 0 } };
screenshot('scoped', page(renderMarkdown(scoped, { blobUrl: BLOB }), false), 700);

// 3. A passing repository with 3,000 configurations: a count and a short list, not 3,000 rows.
const many: ConfigurationSummary[] = Array.from({ length: 3000 }, (_, i) => ({
  mta: i % 10 === 0 ? 'sendmail' : 'postfix',
  files: [`images/host-${String(i).padStart(4, '0')}/etc/postfix/main.cf`],
  inputs: [`images/host-${String(i).padStart(4, '0')}/etc/postfix/main.cf`],
  form: 'plain',
  listens: [{ address: i % 3 === 0 ? '*:smtp (inet_interfaces = all)' : '127.0.0.1:smtp', reach: i % 3 === 0 ? 'exposed' : 'loopback' }],
}));
const passing: JsonReport = {
  ...failing,
  summary: { ...failing.summary, result: 'pass', findings: 0, byLevel: { error: 0, warning: 0, note: 0 }, configurations: many.length, filesScanned: 4211 },
  findings: [],
  configurations: many,
};
const passingMd = renderMarkdown(passing, { blobUrl: BLOB });
writeFileSync(path.join(out, 'passing-3000.md'), passingMd);
process.stdout.write(`passing-3000.md: ${Buffer.byteLength(passingMd)} bytes, ${passingMd.split('\n').filter((l) => l.startsWith('| ')).length} table rows\n`);
screenshot('passing-3000', page(passingMd, false), 500);
screenshot('passing-3000-open', page(passingMd, true), 3200);
