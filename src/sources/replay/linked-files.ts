import type { RuleResult } from '../../model/finding.js';
import type { SourceFile } from '../../model/source.js';
import type { TargetFile } from '../contracts/edits.js';
import { recordingRepository, type RepositoryReader } from '../contracts/repository.js';
import { mergeInputs } from '../../model/inputs.js';
import { unreadable, unreadableAfterException } from '../../rules/config-unreadable.js';
import type { RenderedTemplate, TemplateLanguage } from '../contracts/template-language.js';
import type { VariableBinding, VariableScope } from '../contracts/variables.js';
import { markUncertain, textHasJinjaTags } from '../render/render-candidates.js';
import { suppliedByUser } from '../render/supplied-content.js';
import { formBySyntax, formOfPlainTemplate, hasAmbiguousSuffix, languageFor, languageOfForm, languageOfSuffix, renderedLike } from '../template-languages.js';
import { renderUnknownEngine } from '../languages/unknown-engine/render.js';
import { defaultResolver, mtaOfTarget } from './instances.js';
import { pieceOf, type Piece } from './piece.js';
import type { ResolveLink } from './postfix.js';

/**
 * How a `link` edit's repository file is read: the template the render step
 * rendered, or the plain file it read; a template it could not render
 * (`unrendered`, already config-unreadable) gives no text: its tags are not
 * lines of the file it is copied to. Else, a file discovery did not pick
 * up (an odd name) is read from the repository, rendered when a language
 * claims it, and recorded in `files` (findings may point at it); one that
 * cannot be rendered is config-unreadable in `results`.
 *
 * A link that carries the deploying resource's variables renders its
 * template with those over the language's own (the user's --vars on top), and the variables that
 * rendering read are added to the template's in `templates`, so a finding
 * on the template points at them too.
 */
export function linkedFileReader(
  templates: Map<string, RenderedTemplate>,
  plain: ReadonlyMap<string, SourceFile>,
  repo: RepositoryReader | null,
  extraVars: VariableScope[],
  files: Map<string, SourceFile>,
  results: RuleResult[],
  unrendered: ReadonlySet<string> = new Set(),
): ResolveLink {
  const readLinked = defaultResolver(new Map(), repo ?? undefined, extraVars, results);
  return (source: string, target: TargetFile, vars?: VariableScope): Piece | null => {
    const rendered = templates.get(source);
    if (vars !== undefined) {
      const withVars = renderWithVars(source, vars, target, rendered, plain, repo, extraVars, files, results);
      if (withVars !== undefined) {
        if (withVars === null) return null;
        const used = new Map([...(rendered?.usedVariables ?? []), ...withVars.usedVariables].map((v) => [`${v.name}\u0000${v.origin?.file ?? ''}:${v.origin?.line ?? 0}`, v]));
        templates.set(source, { ...(rendered ?? withVars), usedVariables: [...used.values()].sort((a, b) => a.name.localeCompare(b.name)) });
        return { ...pieceOf(withVars.fragment), inputs: mergeInputs([source], rendered?.inputs, withVars.inputs) };
      }
    }
    if (rendered !== undefined) return { file: source, text: rendered.fragment.text, fragment: rendered.fragment, inputs: rendered.inputs ?? [source] };
    if (unrendered.has(source)) return null;
    const f = plain.get(source);
    if (f !== undefined) return { file: f.path, text: f.text, fragment: null, inputs: [f.path] };
    if (repo === null) return null;
    const text = repo.read(source);
    if (text === undefined) return null;
    files.set(source, { path: source, text });
    return readLinked(source, target);
  };
}

/**
 * The template at `source` rendered with the link's variables; undefined
 * when it is not a template (a plain file is the same whoever copies it),
 * null when it cannot be read or rendered.
 */
function renderWithVars(
  source: string,
  vars: VariableScope,
  target: TargetFile,
  rendered: RenderedTemplate | undefined,
  plain: ReadonlyMap<string, SourceFile>,
  repo: RepositoryReader | null,
  extraVars: VariableScope[],
  files: Map<string, SourceFile>,
  results: RuleResult[],
): RenderedTemplate | null | undefined {
  const text = files.get(source)?.text ?? plain.get(source)?.text ?? repo?.read(source);
  if (text === undefined) return rendered === undefined ? undefined : null;
  const suggested: TemplateLanguage | undefined =
    languageFor(source)?.language ??
    (rendered !== undefined ? languageOfForm(rendered.fragment.form) : undefined) ??
    languageOfSuffix(source) ??
    (textHasJinjaTags(text) ? languageOfForm(formOfPlainTemplate(text).form) : undefined);
  if (suggested === undefined) return undefined;
  const language = languageOfForm(formBySyntax(source, text, suggested.form)) ?? suggested;
  if (!files.has(source)) files.set(source, { path: source, text });
  // The user's --vars, then what the deploying resource passes, then the language's own variables for the path.
  const recorder = repo === null ? null : recordingRepository(repo);
  const own = recorder === null ? null : language.variables(source, recorder, []);
  const scope: VariableScope = renderedLike(
    {
      lookup(name): VariableBinding | undefined {
        for (const extra of extraVars) {
          const found = extra.lookup(name);
          if (found !== undefined) return found;
        }
        return vars.lookup(name) ?? own?.lookup(name);
      },
    },
    vars,
    own,
  );
  const mta = mtaOfTarget(target);
  const inputs = (): string[] => mergeInputs([source], recorder?.inputs());
  let out: RenderedTemplate;
  try {
    out = language.render({ path: source, text }, scope);
  } catch (e) {
    results.push({ ...unreadableAfterException(mta, source, `the ${language.form} renderer`, e), inputs: inputs() });
    return null;
  }
  // An ambiguous extension only suggested the language: a file that does not
  // parse in it is a template of an engine relaygate does not know.
  if (out.diagnostics.length > 0 && hasAmbiguousSuffix(source)) out = renderUnknownEngine({ path: source, text });
  // What the template's own engine rejects is config-unreadable at its position (the render step reports it once more when it rendered the file too; the stage keeps one).
  if (out.diagnostics.length > 0) {
    for (const d of out.diagnostics) results.push({ ...unreadable(mta, source, d.line, d.column, d.message), inputs: inputs() });
    return null;
  }
  const role = target === 'sendmail.mc' || target === 'sendmail.cf' ? undefined : target;
  // A whole-file placeholder over an empty overridable default is unknown content (the render step notes it).
  const judged = suppliedByUser(out, text, source)?.rendered ?? out;
  return { ...markUncertain(judged, role, text), inputs: inputs() };
}
