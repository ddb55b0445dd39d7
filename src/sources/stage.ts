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
import type { Candidate, SetAside } from '../discover/index.js';
import type { RuleResult } from '../model/finding.js';
import { mergeIdentical } from '../model/inputs.js';
import type { SourceFile } from '../model/source.js';
import type { Configuration } from '../mta/configuration.js';
import { variableAnnotator } from './annotate.js';
import { namedHostFile } from './contracts/host-format.js';
import { fileSystemRepository, overlayRepository, type RepositoryReader } from './contracts/repository.js';
import type { OverlayTree } from '../model/overlay.js';
import { readExtraVars } from './extra-vars.js';
import { extract } from './extract.js';
import type { Extraction } from './contracts/edits.js';
import { needsRepository, renderCandidates } from './render/render-candidates.js';
import { assembleFiles, assembleOtherMtas } from './replay/files.js';
import { deployments, setAsideNotes } from './replay/deployments.js';
import { judgeDiffLike } from './replay/diffs.js';
import { assembleInstances } from './replay/instances.js';
import { linkedFileReader } from './replay/linked-files.js';

export interface SourcesOptions {
  root: string;
  /** `--vars` files (Ansible extra vars), relative to root. */
  vars: readonly string[];
  /** Files discovery set aside as not live configuration: judged only when provisioning code deploys them. */
  setAside?: readonly SetAside[];
  /** The tree to read instead of the disk under root (src/model/overlay.ts). */
  overlay?: OverlayTree | null;
}

const repositoryOf = (options: SourcesOptions): RepositoryReader =>
  options.overlay ? overlayRepository(options.root, options.overlay) : fileSystemRepository(options.root);

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

/** One host file's extraction with its own notes and results, so they can be dropped with it. */
function extractApart(candidate: Candidate, repo: NonNullable<Parameters<typeof extract>[1]>): { extraction: Extraction; notes: string[]; results: RuleResult[] } {
  const notes: string[] = [];
  const results: RuleResult[] = [];
  return { extraction: extract(candidate, repo, notes, results), notes, results };
}

/**
 * A host file that another one runs or sources (`Extraction.runs`: a
 * Dockerfile's entrypoint script, a library `. ./lib.sh` reads) has its edits
 * in that file's instances: it is not extracted on its own too. Files that
 * only run one another in a cycle are all kept.
 */
function withoutRunScripts(all: { path: string; extraction: Extraction; notes: string[]; results: RuleResult[] }[], notes: string[], results: RuleResult[]): Extraction[] {
  const runBy = new Map<string, string[]>();
  for (const a of all) for (const ran of a.extraction.runs ?? []) if (ran !== a.path) runBy.set(ran, [...(runBy.get(ran) ?? []), a.path]);
  const roots = new Set(all.filter((a) => !runBy.has(a.path)).map((a) => a.path));
  const covered = new Set<string>();
  for (const a of all) if (roots.has(a.path)) for (const ran of a.extraction.runs ?? []) covered.add(ran);
  const kept = all.filter((a) => !covered.has(a.path) || roots.has(a.path));
  for (const a of kept) {
    notes.push(...a.notes);
    results.push(...a.results);
  }
  return kept.map((a) => a.extraction);
}

export async function runSources(candidates: readonly Candidate[], options: SourcesOptions): Promise<Sources> {
  const results: RuleResult[] = [];
  const notes: string[] = [];
  const withRepository = needsRepository(candidates);
  const extraVars = withRepository ? await readExtraVars(options) : [];
  const repo = withRepository ? repositoryOf(options) : null;

  // 1. render
  const rendered = renderCandidates(candidates, repo, extraVars, notes, results);
  const { files, templates, embedded } = rendered;
  // Files an Exim or OpenSMTPD configuration includes are read on demand and kept for findings.
  const includeRepo = repo ?? repositoryOf(options);
  const readIncluded = (file: string): string | undefined => {
    const text = includeRepo.read(file);
    if (text !== undefined && !files.has(file)) files.set(file, { path: file, text });
    return text;
  };
  // A file that looks like a saved diff is configuration when its server loads it as it stands (./replay/diffs.ts).
  const diffLike = new Map<string, string>();
  for (const c of candidates) if (c.diffLike !== undefined) diffLike.set(c.path, c.diffLike);
  const diffs = judgeDiffLike(diffLike, { postfix: rendered.postfixFiles, sendmail: rendered.sendmailFiles, ...rendered.other }, templates, readIncluded);
  const refused = new Set(diffs.refused.map((f) => f.path));
  const kept = (f: SourceFile): boolean => !refused.has(f.path);
  const postfixFiles = rendered.postfixFiles.filter(kept);
  const sendmailFiles = rendered.sendmailFiles.filter(kept);
  const other = { exim: rendered.other.exim.filter(kept), opensmtpd: rendered.other.opensmtpd.filter(kept) };

  // 2. extract (a script another host file runs or sources is judged inside that file's instances)
  const extracted = repo === null ? [] : embedded.map((c) => ({ path: c.path, byName: namedHostFile(c.path), ...extractApart(c, repo) }));
  // 3. replay: files a deploy edit installs belong to that server's instance, not judged on their own again.
  const deployed = deployments(extracted.map((e) => e.extraction));
  // A file named as an override (docker-mailserver's postfix-main.cf) that is deployed as main.cf is that whole main.cf.
  const extractions = withoutRunScripts(
    extracted.filter((e) => !(e.byName && deployed.has(e.path))),
    notes,
    results,
  );

  const standalone = (f: SourceFile): boolean => !deployed.has(f.path);
  notes.push(...setAsideNotes([...(options.setAside ?? []), ...diffs.refused], deployed));
  for (const { path, note } of diffs.loaded) if (!deployed.has(path)) notes.push(note);
  const plain = new Map<string, SourceFile>();
  for (const f of [...postfixFiles, ...sendmailFiles]) if (!templates.has(f.path)) plain.set(f.path, f);
  const resolve = linkedFileReader(templates, plain, repo, extraVars, files, results, rendered.unrendered);
  const instances = assembleInstances(extractions, plain, { resolve, notes, results });
  const configurations = [
    ...assembleFiles(postfixFiles.filter(standalone), sendmailFiles.filter(standalone), templates),
    ...assembleOtherMtas(other.exim.filter(standalone), other.opensmtpd.filter(standalone), readIncluded, templates),
    ...instances,
  ];

  // 4. annotate
  return { configurations, files, results: mergeIdentical(results), notes, annotate: variableAnnotator(templates, files, extractions) };
}

