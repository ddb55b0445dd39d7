/**
 * The render step: each candidate discovery found becomes the text its mail
 * server reads. Plain files pass as they are; a template is rendered with
 * its language's variables and its uncertain lines marked; host files
 * (provisioning code) are set aside for the extract step.
 */
import type { Candidate } from '../../discover/index.js';
import type { RuleResult } from '../../model/finding.js';
import type { SourceFile } from '../../model/source.js';
import { unreadable } from '../../rules/config-unreadable.js';
import type { RepositoryReader } from '../contracts/repository.js';
import type { RenderedTemplate } from '../contracts/template-language.js';
import type { VariableScope } from '../contracts/variables.js';
import { languageOfForm } from '../template-languages.js';
import { markAlternatives, markMaybeParameters, markUnknownLines } from './uncertain-parameters.js';
import { markUncertainServices } from './uncertain-services.js';

export interface RenderedCandidates {
  /** Every file a person edits that findings may point at (suppressions and fingerprints read them). */
  files: Map<string, SourceFile>;
  /** Postfix and sendmail files as their server reads them (a template: its rendered text, under its own path). */
  postfixFiles: SourceFile[];
  sendmailFiles: SourceFile[];
  /** Rendered templates by path: their source maps lead the parsers' spans back to the template. */
  templates: Map<string, RenderedTemplate>;
  /** Host files for the extract step. */
  embedded: Candidate[];
}

export function renderCandidates(
  candidates: readonly Candidate[],
  repo: RepositoryReader | null,
  extraVars: VariableScope[],
  notes: string[],
  results: RuleResult[],
): RenderedCandidates {
  const out: RenderedCandidates = { files: new Map(), postfixFiles: [], sendmailFiles: [], templates: new Map(), embedded: [] };
  for (const found of candidates) {
    // Salt formulas and Ansible `files/` keep Jinja templates under plain names (`files/main.cf`).
    const candidate: Candidate = hasJinjaTags(found) ? { ...found, template: 'jinja2' } : found;
    if (candidate.unreadable) {
      const u = candidate.unreadable;
      results.push(unreadable(candidate.kind === 'sendmail' ? 'sendmail' : 'postfix', candidate.path, u.line, u.column, u.reason));
      continue;
    }
    if (!candidate.file) continue;
    const file: SourceFile = candidate.role === undefined ? candidate.file : { ...candidate.file, role: candidate.role };
    // Suppressions and fingerprints read the lines a person edits: the template's, the script's.
    out.files.set(candidate.path, file);
    if (candidate.kind === 'embedded') {
      out.embedded.push(candidate);
      continue;
    }
    let judged = file;
    if (candidate.template !== undefined && repo !== null) {
      const rendered = renderCandidate(candidate, file, repo, extraVars, notes, results);
      if (rendered === null) continue;
      out.templates.set(candidate.path, rendered);
      judged = { path: file.path, text: rendered.fragment.text, role: candidate.role };
    }
    (candidate.kind === 'postfix' ? out.postfixFiles : out.sendmailFiles).push(judged);
  }
  return out;
}

/** Whether any candidate needs the repository read around it (templates' variables, host files' linked files). */
export function needsRepository(candidates: readonly Candidate[]): boolean {
  return candidates.some((c) => c.template !== undefined || c.kind === 'embedded' || hasJinjaTags(c));
}

/**
 * Renders a template candidate with its language's variables. A template the
 * renderer cannot read is config-unreadable at its line (null: not judged).
 */
function renderCandidate(
  candidate: Candidate,
  file: SourceFile,
  repo: RepositoryReader,
  extraVars: VariableScope[],
  notes: string[],
  results: RuleResult[],
): RenderedTemplate | null {
  const language = languageOfForm(candidate.template ?? 'jinja2');
  if (language === undefined) {
    notes.push(`${candidate.path} was not scanned: no renderer for ${candidate.template ?? 'its'} templates`);
    return null;
  }
  const mta = candidate.kind === 'sendmail' ? 'sendmail' : 'postfix';
  const vars = language.variables(candidate.path, repo, extraVars);
  for (const d of vars.diagnostics) {
    notes.push(`${d.file}:${d.line}: variables file could not be read (${d.message}); the variables it declares are unknown`);
  }
  const rendered = language.render({ path: file.path, text: file.text }, vars);
  if (rendered.diagnostics.length > 0) {
    for (const d of rendered.diagnostics) results.push(unreadable(mta, candidate.path, d.line, d.column, d.message));
    return null;
  }
  for (const d of rendered.notes ?? []) notes.push(`${candidate.path}:${d.line}:${d.column}: ${d.message}; the values from there on are unknown`);
  if (candidate.role === 'master.cf') return { ...rendered, fragment: markUncertainServices(rendered.fragment, file.text) };
  if (candidate.role !== 'main.cf') return rendered;
  const fragment = markMaybeParameters(markUnknownLines(rendered.fragment));
  return { ...rendered, fragment: markAlternatives(fragment, file.text) };
}

/**
 * A plain-named mail file whose text has a closed Jinja tag on one line
 * (`{{ ... }}` or `{% ... %}`): Postfix and m4 have no such syntax, so it is a
 * template (a Salt formula's `files/main.cf`). Linear: two indexOf per line.
 */
function hasJinjaTags(candidate: Candidate): boolean {
  if (candidate.template !== undefined || candidate.kind === 'embedded' || candidate.file === undefined) return false;
  for (const line of candidate.file.text.split('\n')) {
    for (const [open, close] of [['{{', '}}'], ['{%', '%}']] as const) {
      const at = line.indexOf(open);
      if (at >= 0 && line.indexOf(close, at + 2) > at) return true;
    }
  }
  return false;
}
