/**
 * The sources stage: everything between discovery and the MTA models, in
 * four steps.
 * 1. render: plain files pass as they are; templates are rendered with their
 *    language's variables (./render/);
 * 2. extract: provisioning code becomes edits (./extract.ts, the host formats
 *    of ./host-formats.ts);
 * 3. replay: edits, the files they deploy and the plain and rendered files
 *    become configurations, every span back on the file a person edits
 *    (./replay/);
 * 4. annotate: findings on templated text point at the variables' definitions
 *    (./annotate.ts).
 */
import type { Candidate } from '../discover/index.js';
import type { RuleResult } from '../model/finding.js';
import { mergeInputs } from '../model/inputs.js';
import type { SourceFile } from '../model/source.js';
import type { Configuration } from '../mta/configuration.js';
import { variableAnnotator } from './annotate.js';
import { fileSystemRepository } from './contracts/repository.js';
import { readExtraVars } from './extra-vars.js';
import { extract } from './extract.js';
import { needsRepository, renderCandidates } from './render/render-candidates.js';
import { assembleFiles, assembleOtherMtas } from './replay/files.js';
import { assembleInstances, linkedSources } from './replay/instances.js';
import { linkedFileReader } from './replay/linked-files.js';
import { withSiblingLinks } from './replay/sibling-links.js';

export interface SourcesOptions {
  root: string;
  /** `--vars` files (Ansible extra vars), relative to root. */
  vars: readonly string[];
}

export interface Sources {
  configurations: Configuration[];
  /** Every file a person edits that findings may point at (suppressions and fingerprints read them). */
  files: Map<string, SourceFile>;
  /** config-unreadable results met while reading sources (malformed templates, unreadable files). */
  results: RuleResult[];
  notes: string[];
  /** A rule result with where its template variables come from (`related`). */
  annotate(result: RuleResult): RuleResult;
}

export async function runSources(candidates: readonly Candidate[], options: SourcesOptions): Promise<Sources> {
  const results: RuleResult[] = [];
  const notes: string[] = [];
  const withRepository = needsRepository(candidates);
  const extraVars = withRepository ? await readExtraVars(options) : [];
  const repo = withRepository ? fileSystemRepository(options.root) : null;

  // 1. render
  const { files, postfixFiles, sendmailFiles, other, templates, embedded } = renderCandidates(candidates, repo, extraVars, notes, results);

  // 2. extract
  const extracted = repo === null ? [] : embedded.map((c) => extract(c, repo, notes, results));
  // A script that provisioning code runs (an Ansible `script:` task) is judged where it runs, not again alone.
  const ran = new Set(extracted.flatMap((e) => e.runs ?? []));
  const extractions = withSiblingLinks(
    extracted.filter((_, i) => !ran.has(embedded[i]?.path ?? '')),
    postfixFiles,
  );

  // 3. replay: files a `link` edit deploys belong to that instance, not judged on their own again.
  const linked = linkedSources(extractions);
  const standalone = (f: SourceFile): boolean => !linked.has(f.path);
  const plain = new Map<string, SourceFile>();
  for (const f of [...postfixFiles, ...sendmailFiles]) if (!templates.has(f.path)) plain.set(f.path, f);
  const resolve = linkedFileReader(templates, plain, repo, extraVars, files, results);
  const instances = assembleInstances(extractions, plain, { resolve, notes, results });
  // Files an Exim or OpenSMTPD configuration includes are read on demand and kept for findings.
  const includeRepo = repo ?? fileSystemRepository(options.root);
  const readIncluded = (file: string): string | undefined => {
    const text = includeRepo.read(file);
    if (text !== undefined && !files.has(file)) files.set(file, { path: file, text });
    return text;
  };
  const configurations = [
    ...assembleFiles(postfixFiles.filter(standalone), sendmailFiles.filter(standalone), templates),
    ...assembleOtherMtas(other.exim.filter(standalone), other.opensmtpd.filter(standalone), readIncluded, templates),
    ...instances,
  ];

  // 4. annotate
  return { configurations, files, results: once(results), notes, annotate: variableAnnotator(templates, files, extractions) };
}

/**
 * A template the render step could not read and that an edit links as
 * well is reported by both: once is enough, with the inputs of both.
 */
function once(results: readonly RuleResult[]): RuleResult[] {
  const byKey = new Map<string, RuleResult>();
  for (const r of results) {
    const key = `${r.ruleId}\u0000${r.span.file}\u0000${r.span.line}\u0000${r.span.column}\u0000${r.message}`;
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, r);
    else if (first.inputs !== undefined) byKey.set(key, { ...first, inputs: r.inputs === undefined ? undefined : mergeInputs(first.inputs, r.inputs) });
  }
  return [...byKey.values()];
}
