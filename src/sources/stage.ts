/**
 * The sources stage: everything between discovery and the MTA models.
 * Plain files pass through; templates are rendered with their language's
 * variables (spans put back on the template); provisioning code is turned
 * into edits and replayed into instances (src/sources/instances.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { OptionsError } from '../config/options.js';
import type { Candidate } from '../discover/index.js';
import type { Related, RuleResult } from '../model/finding.js';
import { type SourceFile, UNKNOWN_MARK } from '../model/source.js';
import type { Configuration } from '../mta/configuration.js';
import { assembleExim } from '../mta/exim/index.js';
import { assembleOpenSmtpd } from '../mta/opensmtpd/index.js';
import { assemblePostfix } from '../mta/postfix/index.js';
import { assembleSendmail } from '../mta/sendmail/index.js';
import type { SendmailConfiguration } from '../mta/sendmail/model.js';
import { unreadable } from '../rules/config-unreadable.js';
import type { Edit, Extraction } from './edits.js';
import { HOST_FORMATS, HOST_HEAD_CHARS } from './embedded.js';
import { remapSpans, SourceMap, type Fragment, type MapSegment } from './fragment.js';
import type { RenderedTemplate } from './index.js';
import { assembleInstances, defaultResolver, linkedSources } from './instances.js';
import type { Piece } from './instances/piece.js';
import { languageOfForm } from './languages.js';
import { fileSystemRepository, type RepositoryReader } from './repository.js';
import { plainScope, type VariableOrigin, type VariableScope } from './variables.js';

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
  const files = new Map<string, SourceFile>();
  const postfixFiles: SourceFile[] = [];
  const sendmailFiles: SourceFile[] = [];
  const otherFiles = { exim: [] as SourceFile[], opensmtpd: [] as SourceFile[] };
  const templates = new Map<string, RenderedTemplate>();
  const embedded: Candidate[] = [];
  const needsRepository = candidates.some((c) => c.template !== undefined || c.kind === 'embedded' || hasJinjaTags(c));
  const extraVars = needsRepository ? await readExtraVars(options) : [];
  const repo = needsRepository ? fileSystemRepository(options.root) : null;
  for (const found of candidates) {
    if (found.kind === 'exim' || found.kind === 'opensmtpd') {
      routeOtherMta(found, found.kind, otherFiles[found.kind], files, results, notes);
      continue;
    }
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
    files.set(candidate.path, file);
    if (candidate.kind === 'embedded') {
      embedded.push(candidate);
      continue;
    }
    let judged = file;
    if (candidate.template !== undefined && repo !== null) {
      const rendered = renderCandidate(candidate, file, repo, extraVars, notes, results);
      if (rendered === null) continue;
      templates.set(candidate.path, rendered);
      judged = { path: file.path, text: rendered.fragment.text, role: candidate.role };
    }
    (candidate.kind === 'postfix' ? postfixFiles : sendmailFiles).push(judged);
  }

  const extracted = repo === null ? [] : embedded.map((c) => extract(c, repo, notes, results));
  const extractions = withSiblingLinks(extracted, postfixFiles);
  const linked = linkedSources(extractions);
  const standalone = (f: SourceFile): boolean => !linked.has(f.path);
  const plain = new Map<string, SourceFile>();
  for (const f of [...postfixFiles, ...sendmailFiles]) if (!templates.has(f.path)) plain.set(f.path, f);
  const readLinked = defaultResolver(new Map(), repo ?? undefined, extraVars);
  const resolve = (source: string): Piece | null => {
    const rendered = templates.get(source);
    if (rendered !== undefined) return { file: source, text: rendered.fragment.text, fragment: rendered.fragment };
    const f = plain.get(source);
    if (f !== undefined) return { file: f.path, text: f.text, fragment: null };
    if (repo === null) return null;
    // A file discovery did not pick up (an odd name): read it, rendered when a language claims it.
    const text = repo.read(source);
    if (text === undefined) return null;
    files.set(source, { path: source, text });
    return readLinked(source);
  };
  const instances = assembleInstances(extractions, plain, { resolve, notes });
  // Files an Exim or OpenSMTPD configuration includes: read on demand, kept for findings.
  let includeRepo = repo;
  const readIncluded = (file: string): string | undefined => {
    includeRepo ??= fileSystemRepository(options.root);
    const text = includeRepo.read(file);
    if (text !== undefined && !files.has(file)) files.set(file, { path: file, text });
    return text;
  };

  const assembled: Configuration[] = [
    ...assemblePostfix(postfixFiles.filter(standalone)),
    ...pairTemplatedSendmail(assembleSendmail(sendmailFiles.filter(standalone)), templates),
    ...assembleExim(otherFiles.exim, readIncluded),
    ...assembleOpenSmtpd(otherFiles.opensmtpd, readIncluded),
  ];
  const configurations = [...assembled.map((config) => backToTemplates(config, templates)), ...instances];
  const editVariables = variablesByLine(extractions);
  return {
    configurations,
    files,
    results,
    notes,
    annotate: (result) => withEditVariables(withVariableOrigins(result, templates, files), editVariables),
  };
}

/** A closed Jinja tag (`{{ name }}`, `{% ... %}`); Exim's own `${if and{{...}}}` is not one. */
const JINJA_TAG = /\{\{[ \t]*[A-Za-z_][\w.]*[ \t]*(?:\|[^}\n]*)?\}\}|\{%[^\n]*%\}/;

/** Exim and OpenSMTPD plain files go to their assemblers; their templates are not rendered yet. */
function routeOtherMta(found: Candidate, mta: 'exim' | 'opensmtpd', into: SourceFile[], files: Map<string, SourceFile>, results: RuleResult[], notes: string[]): void {
  const u = found.unreadable;
  if (u !== undefined) results.push(unreadable(mta, found.path, u.line, u.column, u.reason));
  else if (found.file !== undefined && JINJA_TAG.test(found.file.text)) notes.push(`${found.path} was not scanned: ${mta === 'exim' ? 'Exim' : 'OpenSMTPD'} templates are not rendered yet`);
  else if (found.file !== undefined) {
    files.set(found.path, found.file);
    into.push(found.role === undefined ? found.file : { ...found.file, role: found.role });
  }
}

interface EditVariables {
  fromLine: number;
  toLine: number;
  variables: { name: string; origin: VariableOrigin | null }[];
}

/** Per host file, the lines each templated edit covers (its task and the text it maps to) and its variables. */
function variablesByLine(extractions: readonly Extraction[]): Map<string, EditVariables[]> {
  const byFile = new Map<string, EditVariables[]>();
  for (const extraction of extractions) {
    for (const edit of extraction.edits) {
      if (edit.variables === undefined || edit.variables.length === 0) continue;
      let toLine = edit.span.endLine;
      if ('fragment' in edit) for (const s of edit.fragment.map.segments) toLine = Math.max(toLine, s.to.line, s.from.line);
      const list = byFile.get(edit.span.file) ?? [];
      list.push({ fromLine: edit.span.line, toLine, variables: edit.variables });
      byFile.set(edit.span.file, list);
    }
  }
  return byFile;
}

/** A finding on an edit built from repository variables points to where they are defined too. */
function withEditVariables(result: RuleResult, byFile: ReadonlyMap<string, EditVariables[]>): RuleResult {
  const entries = byFile.get(result.span.file);
  if (entries === undefined) return result;
  const seen = new Set(result.related.map((r) => `${r.file}:${r.line}`));
  const related: Related[] = [];
  for (const entry of entries) {
    if (result.span.line < entry.fromLine || result.span.line > entry.toLine) continue;
    for (const v of entry.variables) {
      if (v.origin === null || seen.has(`${v.origin.file}:${v.origin.line}`)) continue;
      seen.add(`${v.origin.file}:${v.origin.line}`);
      related.push({ file: v.origin.file, line: v.origin.line, message: `value comes from ${v.name} here` });
    }
  }
  const kept = related.slice(0, MAX_VARIABLE_ORIGINS);
  return kept.length === 0 ? result : { ...result, related: [...result.related, ...kept] };
}

/** The other file of a Postfix pair. */
const SIBLING = { 'main.cf': 'master.cf', 'master.cf': 'main.cf' } as const;

/**
 * An edit that links `templates/main.cf.j2` makes that file part of an
 * instance; its `master.cf.j2` beside it belongs to the same server (the
 * assembler pairs files side by side). When no edit links the sibling
 * itself, it is linked right after, so it is not judged alone against a
 * main.cf of built-in defaults it never runs with.
 */
function withSiblingLinks(extractions: Extraction[], postfixFiles: readonly SourceFile[]): Extraction[] {
  const byFolder = new Map<string, SourceFile[]>();
  for (const f of postfixFiles) {
    const folder = path.posix.dirname(f.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  const linked = linkedSources(extractions);
  return extractions.map((extraction) => {
    const edits: Edit[] = [];
    for (const edit of extraction.edits) {
      edits.push(edit);
      if (edit.kind !== 'link' || (edit.target !== 'main.cf' && edit.target !== 'master.cf')) continue;
      const role = SIBLING[edit.target];
      const siblings = (byFolder.get(path.posix.dirname(edit.source)) ?? []).filter((f) => f.role === role);
      const sibling = siblings[0];
      if (siblings.length !== 1 || sibling === undefined || linked.has(sibling.path)) continue;
      linked.add(sibling.path);
      edits.push({ ...edit, target: role, source: sibling.path });
    }
    return { ...extraction, edits };
  });
}

/**
 * Runs the host format that claimed the file. An extractor that throws is a
 * bug in relaygate, not in the repository: a note, never a crash of the scan.
 */
function extract(candidate: Candidate, repo: RepositoryReader, notes: string[], results: RuleResult[]): Extraction {
  const file = candidate.file as SourceFile;
  const head = file.text.slice(0, HOST_HEAD_CHARS);
  const format = HOST_FORMATS.find((f) => f.form === candidate.host && f.matches(candidate.path, head));
  if (format === undefined) return { edits: [], diagnostics: [], notes: [] };
  let extraction: Extraction;
  try {
    extraction = format.extract(file, repo);
  } catch (e) {
    notes.push(`${candidate.path} was not read as ${format.form}: ${(e as Error).message}`);
    return { edits: [], diagnostics: [], notes: [] };
  }
  for (const d of extraction.diagnostics) {
    if (d.fatal) results.push(unreadable('postfix', d.file, d.line, d.column, d.message));
    else notes.push(`${d.file}:${d.line}: ${d.message}`);
  }
  notes.push(...extraction.notes);
  return extraction;
}

/**
 * `--vars` files: Ansible extra vars, the highest precedence. A file that
 * cannot be read as a YAML mapping is a usage error, never a silent pass.
 */
async function readExtraVars(options: SourcesOptions): Promise<VariableScope[]> {
  const scopes: VariableScope[] = [];
  for (const file of options.vars) {
    const full = path.resolve(options.root, file);
    const relative = path.relative(options.root, full);
    const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
    let text: string;
    try {
      text = await readFile(full, 'utf8');
    } catch (e) {
      throw new OptionsError(`vars: cannot read ${file}: ${(e as Error).message}`);
    }
    // Ansible reads YAML 1.1 (PyYAML): yes/no are booleans there.
    const document = parseDocument(text, { version: '1.1', prettyErrors: false });
    const error = document.errors[0];
    if (error !== undefined) throw new OptionsError(`vars: ${file} is not valid YAML: ${error.message.split('\n')[0] ?? ''}`);
    let data: unknown;
    try {
      data = document.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (e) {
      throw new OptionsError(`vars: ${file} cannot be read: ${(e as Error).message}`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new OptionsError(`vars: ${file} is not a YAML mapping of variable names to values`);
    }
    scopes.push(plainScope(data as Record<string, unknown>, shown));
  }
  return scopes;
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
  if (candidate.role === 'master.cf') return { ...rendered, fragment: markUncertainServices(rendered.fragment, file.text) };
  if (candidate.role !== 'main.cf') return rendered;
  const fragment = markMaybeParameters(markUnknownLines(rendered.fragment));
  return { ...rendered, fragment: markAlternatives(fragment, file.text) };
}

/**
 * A branch the renderer did not take because its condition is unknown (the
 * `else` of an unresolved `if`) could be the one that applies. Every
 * parameter it defines is therefore unknown: a definition with an unknown
 * value is added at the end (last wins), mapped to the branch's line, so a
 * strong value rendered earlier cannot pass while the other branch may
 * weaken it.
 */
export function markAlternatives(fragment: Fragment, templateText: string): Fragment {
  if (fragment.alternatives.length === 0) return fragment;
  const templateLines = templateText.split('\n');
  const added: { name: string; line: number; length: number }[] = [];
  const seen = new Set<string>();
  for (const alternative of fragment.alternatives) {
    for (let line = alternative.line; line <= alternative.endLine; line++) {
      let text = templateLines[line - 1] ?? '';
      if (line === alternative.line) text = text.slice(alternative.column - 1);
      const start = PARAMETER_START.exec(text);
      if (start === null) continue;
      const name = start[0].slice(0, start[0].indexOf('=')).trim();
      if (seen.has(name)) continue;
      seen.add(name);
      added.push({ name, line, length: (templateLines[line - 1] ?? '').length });
    }
  }
  if (added.length === 0) return fragment;
  const lines = fragment.text.endsWith('\n') ? fragment.text.slice(0, -1).split('\n') : fragment.text.split('\n');
  const segments: MapSegment[] = [...fragment.map.segments];
  for (const a of added) {
    const text = `${a.name} = ${UNKNOWN_MARK}`;
    lines.push(text);
    segments.push({
      line: lines.length,
      column: 1,
      endColumn: text.length + 1,
      kind: 'expression',
      from: { line: a.line, column: 1 },
      to: { line: a.line, column: Math.max(2, a.length + 1) },
    });
  }
  return { ...fragment, text: `${lines.join('\n')}\n`, map: new SourceMap(segments) };
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

/**
 * A line that is nothing but unresolved template output (`{{ cfg | to_ini }}`,
 * `<%= @settings %>`) may expand to any number of `name = value` lines:
 * Postfix would not see a line without `=`, so reading it as one would make
 * the template "unreadable" when it is only unknown. It becomes a definition
 * whose name and value are unknown, which may set any parameter.
 */
export function markUnknownLines(fragment: Fragment): Fragment {
  const lines = fragment.text.split('\n');
  const rewritten = new Set<number>();
  lines.forEach((text, i) => {
    const body = text.replace(/\r$/, '');
    if (body === '' || !body.startsWith(UNKNOWN_MARK)) return;
    if (body.split(UNKNOWN_MARK).join('').trim() !== '') return;
    lines[i] = `${UNKNOWN_MARK} = ${UNKNOWN_MARK}`;
    rewritten.add(i + 1);
  });
  if (rewritten.size === 0) return fragment;
  const segments: MapSegment[] = [];
  const done = new Set<number>();
  for (const segment of fragment.map.segments) {
    if (!rewritten.has(segment.line)) {
      segments.push(segment);
      continue;
    }
    if (done.has(segment.line)) continue;
    done.add(segment.line);
    // The whole new line maps to the expression that produced it.
    const tag = fragment.map.segments.find((s) => s.line === segment.line && s.kind === 'expression') ?? segment;
    segments.push({ ...tag, column: 1, endColumn: 6 });
  }
  return { ...fragment, text: lines.join('\n'), map: new SourceMap(segments) };
}

/** A main.cf `name = value` line start: the name, then `=` with its spaces (no nested quantifiers). */
const PARAMETER_START = /^[A-Za-z0-9_.-]+[ \t]*=[ \t]*/;

/**
 * A definition rendered inside an `if` or loop the renderer could not decide
 * may or may not be in the real main.cf: its value becomes unknown
 * (UNKNOWN_MARK right after `=`), so rules answer "indeterminate" instead of
 * passing on a definition that may not exist. The source map is shifted so
 * spans after the mark still land on the template's columns.
 */
export function markMaybeParameters(fragment: Fragment): Fragment {
  if (fragment.maybeLines.size === 0) return fragment;
  const lines = fragment.text.split('\n');
  const inserts = new Map<number, number>();
  for (const line of fragment.maybeLines) {
    const text = lines[line - 1];
    if (text === undefined) continue;
    const start = PARAMETER_START.exec(text);
    if (start === null) continue;
    const column = start[0].length + 1;
    lines[line - 1] = text.slice(0, column - 1) + UNKNOWN_MARK + text.slice(column - 1);
    inserts.set(line, column);
  }
  if (inserts.size === 0) return fragment;
  const segments: MapSegment[] = [];
  for (const segment of fragment.map.segments) {
    const column = inserts.get(segment.line);
    if (column === undefined || segment.endColumn <= column) segments.push(segment);
    else segments.push(...shifted(segment, column));
  }
  return { ...fragment, text: lines.join('\n'), map: new SourceMap(segments) };
}

/** A segment with one character inserted at `column`: the mark maps to where the value starts. */
function shifted(segment: MapSegment, column: number): MapSegment[] {
  if (segment.column >= column) {
    const moved = { ...segment, column: segment.column + 1, endColumn: segment.endColumn + 1 };
    return segment.column === column ? [{ ...segment, endColumn: column + 1 }, moved] : [moved];
  }
  const at =
    segment.kind === 'literal' ? { line: segment.from.line, column: segment.from.column + (column - segment.column) } : segment.from;
  return [
    { ...segment, endColumn: column },
    { ...segment, column, endColumn: column + 1, from: at },
    { ...segment, column: column + 1, endColumn: segment.endColumn + 1, from: at },
  ];
}

/** Spans of rendered templates back on the template lines, and the configuration's form (the template's language). */
function backToTemplates(config: Configuration, templates: ReadonlyMap<string, RenderedTemplate>): Configuration {
  let out = config;
  let form: Configuration['form'] | null = null;
  for (const file of config.files) {
    const rendered = templates.get(file);
    if (rendered === undefined) continue;
    out = remapSpans(out, rendered.fragment);
    form = rendered.fragment.form;
  }
  return form === null ? out : { ...out, form };
}

/** `roles/x/templates/sendmail.mc.j2` -> `roles/x/templates/sendmail`: the name m4 builds from, suffixes removed. */
function renderedStem(file: string): string {
  const withoutTemplate = file.replace(/\.[^./]+$/, '');
  return withoutTemplate.replace(/\.[^./]+$/, '');
}

/**
 * assembleSendmail pairs `x.mc` with `x.cf` by name; templates carry one more
 * suffix (`sendmail.mc.j2`, `sendmail.cf.j2`), so a templated pair is joined
 * here: the .cf is what m4 builds from the .mc, judged once, from the .mc.
 */
function pairTemplatedSendmail(configs: Configuration[], templates: ReadonlyMap<string, RenderedTemplate>): Configuration[] {
  const sendmail = configs.filter((c): c is SendmailConfiguration => c.mta === 'sendmail');
  const mcByStem = new Map<string, SendmailConfiguration>();
  for (const c of sendmail) if (c.mc !== null && c.cf === null && templates.has(c.mc)) mcByStem.set(renderedStem(c.mc), c);
  const joined = new Map<SendmailConfiguration, string>();
  const dropped = new Set<Configuration>();
  for (const c of sendmail) {
    if (c.mc !== null || c.cf === null || !templates.has(c.cf)) continue;
    const mc = mcByStem.get(renderedStem(c.cf));
    if (mc === undefined || joined.has(mc)) continue;
    joined.set(mc, c.cf);
    dropped.add(c);
  }
  return configs
    .filter((c) => !dropped.has(c))
    .map((c) => {
      const cf = c.mta === 'sendmail' ? joined.get(c) : undefined;
      return cf === undefined || c.mta !== 'sendmail' ? c : { ...c, cf, files: [...c.files, cf].sort() };
    });
}

/** At most this many "value comes from" locations per finding. */
const MAX_VARIABLE_ORIGINS = 5;

/**
 * A finding on a template points to where its variables are defined. The
 * variables named on the finding's own template lines come first; when the
 * lines name none, every variable the template read (with a known origin).
 */
function withVariableOrigins(
  result: RuleResult,
  templates: ReadonlyMap<string, RenderedTemplate>,
  files: ReadonlyMap<string, SourceFile>,
): RuleResult {
  const rendered = templates.get(result.span.file);
  if (rendered === undefined) return result;
  const known = rendered.usedVariables.filter((v) => v.origin !== null);
  const lines = (files.get(result.span.file)?.text ?? '').split('\n').slice(result.span.line - 1, result.span.endLine).join('\n');
  const named = known.filter((v) => new RegExp(`\\b${v.name.replace(/[^A-Za-z0-9_]/g, '')}\\b`).test(lines));
  const related: Related[] = (named.length > 0 ? named : known).slice(0, MAX_VARIABLE_ORIGINS).map((v) => ({
    file: v.origin?.file ?? '',
    line: v.origin?.line ?? 1,
    message: `value comes from ${v.name} here`,
  }));
  return related.length === 0 ? result : { ...result, related: [...result.related, ...related] };
}

/** A master.cf inet service line: name, then `inet` as the type field (master(5)). */
const INET_SERVICE = /^([^\s#]\S*)([ \t]+)inet([ \t]|$)/;

/** `127.0.0.1:smtp` -> `<unknown>:smtp`: the service may or may not listen, on a host we cannot tell. */
function uncertainName(name: string): string {
  const colon = name.lastIndexOf(':');
  return `${UNKNOWN_MARK}:${colon >= 0 ? name.slice(colon + 1) : name}`;
}

/**
 * master.cf services under a branch the renderer could not decide may or may
 * not exist: a rendered one (a maybe line) gets an unknown host, and the inet
 * services of an untaken branch are added with an unknown host, so the
 * listener set is unknown rather than silently the rendered branch's. Their
 * `-o` lines come along.
 */
export function markUncertainServices(fragment: Fragment, templateText: string): Fragment {
  if (fragment.maybeLines.size === 0 && fragment.alternatives.length === 0) return fragment;
  const lines = fragment.text.endsWith('\n') ? fragment.text.slice(0, -1).split('\n') : fragment.text.split('\n');
  let segments: MapSegment[] = [...fragment.map.segments];
  for (const line of fragment.maybeLines) {
    const text = lines[line - 1];
    const m = text === undefined ? null : INET_SERVICE.exec(text);
    if (text === undefined || m === null || m[1] === undefined) continue;
    const renamed = uncertainName(m[1]);
    lines[line - 1] = renamed + text.slice(m[1].length);
    // The rewritten line maps, as one piece, to the template text it came from.
    const own = segments.filter((seg) => seg.line === line);
    const first = own[0];
    const last = own[own.length - 1];
    if (first === undefined || last === undefined) continue;
    const to = last.kind === 'literal' ? { line: last.from.line, column: last.from.column + (last.endColumn - last.column) } : last.to;
    const whole: MapSegment = { line, column: 1, endColumn: (lines[line - 1] ?? '').length + 1, kind: 'expression', from: first.from, to };
    segments = [...segments.filter((seg) => seg.line !== line), whole];
  }
  const templateLines = templateText.split('\n');
  for (const alternative of fragment.alternatives) {
    let inService = false;
    for (let line = alternative.line; line <= alternative.endLine; line++) {
      let text = templateLines[line - 1] ?? '';
      if (line === alternative.line) text = text.slice(alternative.column - 1);
      if (text.includes('{%') || text.includes('{{')) {
        inService = false;
        continue;
      }
      const m = INET_SERVICE.exec(text);
      let added: string | null = null;
      if (m !== null && m[1] !== undefined) {
        inService = true;
        added = uncertainName(m[1]) + text.slice(m[1].length);
      } else if (inService && /^[ \t]+\S/.test(text) && !/^[ \t]*#/.test(text)) {
        added = text;
      } else if (!/^[ \t]*(#|$)/.test(text)) {
        inService = false;
      }
      if (added === null) continue;
      lines.push(added);
      segments.push({
        line: lines.length,
        column: 1,
        endColumn: added.length + 1,
        kind: 'expression',
        from: { line, column: 1 },
        to: { line, column: Math.max(2, (templateLines[line - 1] ?? '').length + 1) },
      });
    }
  }
  return { ...fragment, text: `${lines.join('\n')}\n`, map: new SourceMap(segments) };
}
