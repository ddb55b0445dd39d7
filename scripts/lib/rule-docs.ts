// Builds docs/rules/<id>.md for every rule from its metadata and examples,
// scanning each example with the real engine (so the pages show what
// relaygate really reports). Used by scripts/docs.ts and by the test that
// fails when the committed pages are stale.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultOptions } from '../../src/config/options.js';
import { rulesMarkdownTable } from '../../src/docs/rules-table.js';
import { renderRulePage, type ExampleRun, type ProfileIds } from '../../src/docs/rule-page.js';
import { applyReplacements } from '../../src/fixes/text.js';
import type { Finding } from '../../src/model/finding.js';
import { PROFILE_IDS, PROFILES, type ProfileId } from '../../src/rules/profiles.js';
import { RULES } from '../../src/rules/index.js';
import type { Rule, RuleExample } from '../../src/rules/rule.js';
import { scan } from '../../src/scan.js';

export const DOCS_DIR = 'docs/rules';

/** Why a rule's page cannot be generated, in words that say what to add. */
export function missingExamples(rule: Rule): string | null {
  const e = rule.meta.examples;
  if (e === undefined) {
    return `rule ${rule.meta.id} has no examples: add meta.examples = { failing, passing } (see src/rules/examples/) so docs/rules/${rule.meta.id}.md can be generated and checked`;
  }
  for (const kind of ['failing', 'passing'] as const) {
    if (Object.keys(e[kind].files).length === 0) return `rule ${rule.meta.id}: its ${kind} example has no files`;
  }
  return null;
}

async function scanExample(example: RuleExample, profile: ProfileId): Promise<{ root: string; findings: Finding[] }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'relaygate-docs-'));
  for (const [file, text] of Object.entries(example.files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  // git would read the temporary tree's parent; the walk sees exactly the example.
  const result = await scan({ ...defaultOptions(root), profile });
  return { root, findings: result.findings };
}

export async function runExample(rule: Rule, example: RuleExample): Promise<ExampleRun> {
  const { root, findings } = await scanExample(example, example.profile ?? 'gen004710');
  try {
    const own = findings.filter((f) => f.ruleId === rule.meta.id);
    const fixed = new Map<string, string>();
    for (const f of own) {
      for (const r of f.replacements ?? []) {
        const before = fixed.get(r.file) ?? example.files[r.file] ?? readFileSync(path.join(root, r.file), 'utf8');
        fixed.set(r.file, applyReplacements(before, r.file, [r]));
      }
    }
    return { example, findings: own, fixed };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function idsByProfile(rule: Rule, example: RuleExample): Promise<ProfileIds[]> {
  const out: ProfileIds[] = [];
  for (const profile of PROFILE_IDS) {
    const { root, findings } = await scanExample(example, profile);
    rmSync(root, { recursive: true, force: true });
    const ids = findings.find((f) => f.ruleId === rule.meta.id)?.ids ?? [];
    out.push({ profile, title: PROFILES[profile].title, ids });
  }
  return out;
}

export interface GeneratedDocs {
  /** path (relative to the repository) -> content */
  files: Map<string, string>;
  /** Rules whose page could not be generated, with what to add. */
  problems: string[];
}

export async function generateRuleDocs(): Promise<GeneratedDocs> {
  const files = new Map<string, string>();
  const problems: string[] = [];
  for (const rule of RULES) {
    const missing = missingExamples(rule);
    if (missing !== null) {
      problems.push(missing);
      continue;
    }
    const examples = rule.meta.examples!;
    const failing = await runExample(rule, examples.failing);
    const passing = await runExample(rule, examples.passing);
    if (failing.findings.length === 0) problems.push(`rule ${rule.meta.id}: its failing example gives no ${rule.meta.id} finding`);
    if (failing.fixed.size > 0) {
      // The page says the fixed file passes: scan it to be sure.
      const fixedExample = { ...examples.failing, files: { ...examples.failing.files, ...Object.fromEntries(failing.fixed) } };
      const again = await runExample(rule, fixedExample);
      if (again.findings.length > 0) problems.push(`rule ${rule.meta.id}: its failing example still gives a finding after its mechanical fix`);
    }
    if (passing.findings.length > 0) {
      problems.push(`rule ${rule.meta.id}: its passing example gives ${passing.findings.length} ${rule.meta.id} finding(s): ${passing.findings.map((f) => `${f.file}:${f.line} ${f.message}`).join('; ')}`);
    }
    const ids = rule.meta.stig ? await idsByProfile(rule, examples.failing) : [];
    files.set(`${DOCS_DIR}/${rule.meta.id}.md`, renderRulePage({ meta: rule.meta, failing, passing, ids }));
  }
  files.set(
    `${DOCS_DIR}/README.md`,
    [
      '<!-- Generated by `npm run docs` from the rules\' metadata; do not edit. -->',
      '',
      '# relaygate rules',
      '',
      'One page per rule: what it finds, its STIG ids, a failing and a passing example (both scanned by the tests), and the fix.',
      '',
      rulesMarkdownTable(''),
      '',
    ].join('\n'),
  );
  return { files, problems };
}
