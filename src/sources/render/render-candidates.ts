/**
 * The render step: each candidate discovery found becomes the text its mail
 * server reads. Plain files pass as they are; a template is rendered with
 * its language's variables and its uncertain lines marked; host files
 * (provisioning code) are set aside for the extract step.
 */
import type { Candidate } from '../../discover/index.js';
import type { Mta, RuleResult } from '../../model/finding.js';
import { mergeInputs } from '../../model/inputs.js';
import type { SourceFile } from '../../model/source.js';
import { unreadable, unreadableAfterException } from '../../rules/config-unreadable.js';
import { recordingRepository, type RepositoryReader } from '../contracts/repository.js';
import { renderedFileName, type RenderedTemplate, type TemplateDiagnostic } from '../contracts/template-language.js';
import type { VariableScope } from '../contracts/variables.js';
import { formBySyntax, formOfPlainTemplate, hasAmbiguousSuffix, languageOfForm, renderTemplate } from '../template-languages.js';
import { renderUnknownEngine } from '../languages/unknown-engine/render.js';
import { ANSIBLE_OPTIONS, type Jinja2Options } from '../languages/jinja2/index.js';
import { markAlternatives, markMaybeParameters, markUnknownLines } from './uncertain-parameters.js';
import { markUncertainServices } from './uncertain-services.js';
import { markUncertainStatements } from './uncertain-statements.js';
import { suppliedByUser } from './supplied-content.js';

/** Jinja2's own defaults (jinja2.Environment: trim_blocks=False), for templates Python code renders. */
const PYTHON_JINJA2: Jinja2Options = { ...ANSIBLE_OPTIONS, trimBlocks: false };

export interface RenderedCandidates {
  /** Every file a person edits that findings may point at (suppressions and fingerprints read them). */
  files: Map<string, SourceFile>;
  /** Postfix and sendmail files as their server reads them (a template: its rendered text, under its own path). */
  postfixFiles: SourceFile[];
  sendmailFiles: SourceFile[];
  /** Exim and OpenSMTPD files as their server reads them (a template: its rendering, under its own path and the name it renders to). */
  other: { exim: SourceFile[]; opensmtpd: SourceFile[] };
  /** Rendered templates by path: their source maps lead the parsers' spans back to the template. */
  templates: Map<string, RenderedTemplate>;
  /** Host files for the extract step. */
  embedded: Candidate[];
  /**
   * Templates the render step could not render (reported config-unreadable,
   * or with no renderer): an edit that copies one in reads no other text for
   * it (its tags are not main.cf lines).
   */
  unrendered: Set<string>;
}

export function renderCandidates(
  candidates: readonly Candidate[],
  repo: RepositoryReader | null,
  extraVars: VariableScope[],
  notes: string[],
  results: RuleResult[],
): RenderedCandidates {
  const out: RenderedCandidates = { files: new Map(), postfixFiles: [], sendmailFiles: [], other: { exim: [], opensmtpd: [] }, templates: new Map(), embedded: [], unrendered: new Set() };
  for (const found of candidates) {
    if (found.kind === 'exim' || found.kind === 'opensmtpd') {
      routeOtherMta(found, found.kind, out, repo, extraVars, results, notes);
      continue;
    }
    // Salt formulas and Ansible `files/` keep Jinja templates under plain names (`files/main.cf`);
    // a `.tmpl` rendered by Python's Jinja2 (a Juju charm's `postfix_main_cf.tmpl`) has Jinja block tags, which Go templates do not.
    const python = found.template === 'go-template' && hasJinjaBlockTags(found);
    const plain = hasJinjaTags(found) && found.file !== undefined ? formOfPlainTemplate(found.file.text) : null;
    const candidate: Candidate = plain !== null ? { ...found, template: plain.form } : python ? { ...found, template: 'jinja2' } : bySyntax(found);
    if (plain?.misfit != null) notes.push(misfitNote(found.path, plain.misfit));
    if (candidate.unreadable) {
      const u = candidate.unreadable;
      const result = unreadable(candidate.kind === 'sendmail' ? 'sendmail' : 'postfix', candidate.path, u.line, u.column, u.reason);
      results.push({ ...result, inputs: [candidate.path] });
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
      const rendered = renderCandidate(candidate, file, repo, extraVars, notes, results, python);
      if (rendered === null) {
        out.unrendered.add(candidate.path);
        continue;
      }
      out.templates.set(candidate.path, rendered);
      judged = { path: file.path, text: rendered.fragment.text, role: candidate.role };
    }
    (candidate.kind === 'postfix' ? out.postfixFiles : out.sendmailFiles).push(judged);
  }
  return out;
}

/**
 * A closed Jinja tag on one line (`{{ name }}`, `{{ salt['pillar.get']('a') }}`,
 * `{% ... %}`). Exim's own `${if and{{eq{$a}{b}}}}` is not one: braces
 * nested in Exim's `{{` hold another brace or a `$` expansion before `}}`.
 */
const JINJA_TAG = /\{\{[^{}$\n]*\}\}|\{%[^\n]*%\}/;

/**
 * Cyrus SASL's `smtpd.conf` (Postfix's `sasl/smtpd.conf`) is `key: value`
 * lines, which OpenSMTPD has none of; a template of one is not OpenSMTPD's
 * (a plain smtpd.conf is told apart by discovery's content test).
 */
const CYRUS_SASL_LINE = /^[ \t]*(?:pwcheck_method|mech_list|saslauthd_path|auxprop_plugin|sql_[a-z_]+|ldapdb_[a-z_]+|sasldb_path)[ \t]*:/m;

/**
 * Exim and OpenSMTPD files go to their assemblers: plain files as they are;
 * templates (by name, or a plain name with Jinja tags: a Salt formula's
 * `files/smtpd.conf`) rendered with their language's variables, under the
 * name their server reads (`exim4.conf.template.j2` is read as exim4.conf.template).
 */
function routeOtherMta(
  found: Candidate,
  mta: 'exim' | 'opensmtpd',
  out: RenderedCandidates,
  repo: RepositoryReader | null,
  extraVars: VariableScope[],
  results: RuleResult[],
  notes: string[],
): void {
  const u = found.unreadable;
  if (u !== undefined) {
    results.push({ ...unreadable(mta, found.path, u.line, u.column, u.reason), inputs: [found.path] });
    return;
  }
  if (found.file === undefined) return;
  const file: SourceFile = found.role === undefined ? found.file : { ...found.file, role: found.role };
  const plain = found.template === undefined && JINJA_TAG.test(found.file.text) ? formOfPlainTemplate(found.file.text) : null;
  const template = found.template !== undefined ? formBySyntax(found.path, found.file.text, found.template) : plain?.form;
  if (template === undefined) {
    out.files.set(found.path, found.file);
    out.other[mta].push(file);
    return;
  }
  if (mta === 'opensmtpd' && CYRUS_SASL_LINE.test(found.file.text)) return;
  out.files.set(found.path, found.file);
  if (repo === null) return;
  if (plain?.misfit != null) notes.push(misfitNote(found.path, plain.misfit));
  const rendered = renderCandidate({ ...found, template }, file, repo, extraVars, notes, results);
  if (rendered === null) {
    out.unrendered.add(found.path);
    return;
  }
  out.templates.set(found.path, rendered);
  const name = renderedFileName(found.path);
  out.other[mta].push({ path: found.path, text: rendered.fragment.text, ...(found.role === undefined ? {} : { role: found.role }), ...(name === null ? {} : { name }) });
}

/** Whether any candidate needs the repository read around it (templates' variables, host files' linked files). */
export function needsRepository(candidates: readonly Candidate[]): boolean {
  return candidates.some((c) => c.template !== undefined || c.kind === 'embedded' || hasJinjaTags(c));
}

/**
 * Renders a template candidate with its language's variables, through a
 * reader that records every path the variables were looked up in (the
 * rendering's inputs). A template the renderer cannot read is
 * config-unreadable at its line; a renderer that throws makes it
 * config-unreadable too, and the scan goes on (null: not judged).
 */
function renderCandidate(
  candidate: Candidate,
  file: SourceFile,
  repo: RepositoryReader,
  extraVars: VariableScope[],
  notes: string[],
  results: RuleResult[],
  /** Rendered by Python's Jinja2 with its defaults, not by Ansible (trim_blocks off). */
  python = false,
): RenderedTemplate | null {
  const language = languageOfForm(candidate.template ?? 'jinja2');
  if (language === undefined) {
    notes.push(`${candidate.path} was not scanned: no renderer for ${candidate.template ?? 'its'} templates`);
    return null;
  }
  const mta: Mta = candidate.kind === 'embedded' ? 'postfix' : candidate.kind;
  const recorder = recordingRepository(repo);
  const inputs = (): string[] => mergeInputs([candidate.path], recorder.inputs());
  try {
    const vars = language.variables(candidate.path, recorder, extraVars);
    for (const d of vars.diagnostics) {
      notes.push(`${d.file}:${d.line}: variables file could not be read (${d.message}); the variables it declares are unknown`);
    }
    let rendered = python ? renderTemplate({ path: file.path, text: file.text }, vars, PYTHON_JINJA2) : language.render({ path: file.path, text: file.text }, vars);
    const misfit = rendered.diagnostics[0];
    if (misfit !== undefined && !python && hasAmbiguousSuffix(candidate.path)) {
      // The extension only suggested the language (`.tpl`): a file that does not
      // parse in it is a template of another engine, which relaygate does not
      // know, not a file its engine would reject.
      notes.push(`${candidate.path}:${misfit.line}:${misfit.column}: does not read as a ${language.form} template (${misfit.message}); read as a template of an unknown engine, its tags unknown`);
      rendered = renderUnknownEngine({ path: file.path, text: file.text });
    }
    if (rendered.diagnostics.length > 0) {
      for (const d of rendered.diagnostics) results.push({ ...unreadable(mta, candidate.path, d.line, d.column, d.message), inputs: inputs() });
      return null;
    }
    for (const d of rendered.notes ?? []) notes.push(`${candidate.path}:${d.line}:${d.column}: ${d.message}; the values from there on are unknown`);
    const supplied = suppliedByUser(rendered, file.text, candidate.path);
    if (supplied !== null) {
      notes.push(supplied.note);
      rendered = supplied.rendered;
    }
    return { ...markUncertain(rendered, candidate.role, file.text), inputs: inputs() };
  } catch (e) {
    results.push({ ...unreadableAfterException(mta, candidate.path, `the ${language.form} renderer`, e), inputs: inputs() });
    return null;
  }
}

/** Why a plain-named file's tags are read as an unknown engine's (formOfPlainTemplate). */
function misfitNote(path: string, misfit: TemplateDiagnostic): string {
  return `${path}:${misfit.line}:${misfit.column}: reads as neither a Jinja2 nor a Go template (Jinja2: ${misfit.message}); read as a template of an unknown engine, its tags unknown`;
}

/**
 * A rendered template's uncertain parts made explicit for the mail file it
 * renders: master.cf services that may or may not exist, or whose fields are
 * unknown (./uncertain-services.ts); main.cf definitions under unknown
 * branches or with unknown names (./uncertain-parameters.ts); Exim and
 * OpenSMTPD statements under unknown branches (./uncertain-statements.ts).
 */
export function markUncertain(rendered: RenderedTemplate, role: SourceFile['role'], templateText: string): RenderedTemplate {
  if (role === 'exim.conf' || role === 'update-exim4.conf.conf') return { ...rendered, fragment: markUncertainStatements(rendered.fragment, 'exim', templateText) };
  if (role === 'smtpd.conf') return { ...rendered, fragment: markUncertainStatements(rendered.fragment, 'opensmtpd', templateText) };
  if (role === 'master.cf') return { ...rendered, fragment: markUncertainServices(rendered.fragment, templateText) };
  if (role !== 'main.cf') return rendered;
  const fragment = markMaybeParameters(markUnknownLines(rendered.fragment));
  return { ...rendered, fragment: markAlternatives(fragment, templateText) };
}

/** A template candidate in the language its syntax fits (`formBySyntax`). */
function bySyntax(candidate: Candidate): Candidate {
  if (candidate.template === undefined || candidate.file === undefined) return candidate;
  const form = formBySyntax(candidate.path, candidate.file.text, candidate.template);
  return form === candidate.template ? candidate : { ...candidate, template: form };
}

/** `{% ... %}` on one line: Jinja2's statement tags, never Go template syntax. */
function hasJinjaBlockTags(candidate: Candidate): boolean {
  if (candidate.file === undefined) return false;
  for (const line of candidate.file.text.split('\n')) {
    const at = line.indexOf('{%');
    if (at >= 0 && line.indexOf('%}', at + 2) > at) return true;
  }
  return false;
}

/**
 * A plain-named mail file whose text has a closed Jinja tag on one line
 * (`{{ ... }}` or `{% ... %}`): Postfix and m4 have no such syntax, so it is a
 * template (a Salt formula's `files/main.cf`). Postfix's relational macro
 * `${{$a} == {b}?{x}:{y}}` starts with `${{`: that `{{` is Postfix's, not a tag.
 * Linear: a few indexOf per line.
 */
function hasJinjaTags(candidate: Candidate): boolean {
  if (candidate.template !== undefined || candidate.kind === 'embedded' || candidate.file === undefined) return false;
  return textHasJinjaTags(candidate.file.text, candidate.kind === 'postfix');
}

/**
 * Whether one line of `text` holds a closed Jinja tag. In a Postfix file a
 * `{{` can be Postfix's own: `${{` opens a relational conditional
 * (postconf(5)), and `cidr:{{10.0.0.0/8 OK}}` is an inline table whose
 * first rule is braced (DATABASE_README: inline:, static:, randmap:,
 * pipemap: and unionmap: take `{...}`, cidr:, pcre: and regexp: since
 * Postfix 3.7).
 */
export function textHasJinjaTags(text: string, postfix = false): boolean {
  for (const line of text.split('\n')) {
    for (const [open, close] of [['{{', '}}'], ['{%', '%}']] as const) {
      let at = line.indexOf(open);
      while (at >= 0 && postfix && open === '{{' && postfixBraces(line, at)) at = line.indexOf(open, at + 2);
      if (at >= 0 && line.indexOf(close, at + 2) > at) return true;
    }
  }
  return false;
}

const INLINE_TABLE_TYPES: readonly string[] = ['inline', 'static', 'randmap', 'pipemap', 'unionmap', 'cidr', 'pcre', 'regexp'];

/** Whether the `{{` at `at` is Postfix syntax: after `$`, or after an inline table's `type:`. */
function postfixBraces(line: string, at: number): boolean {
  if (line.charAt(at - 1) === '$') return true;
  if (line.charAt(at - 1) !== ':') return false;
  return INLINE_TABLE_TYPES.some((type) => line.startsWith(type, at - 1 - type.length) && !/[A-Za-z0-9_]/.test(line.charAt(at - 2 - type.length)));
}
