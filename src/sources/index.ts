import type { SourceFile } from '../model/source.js';
import type { Fragment } from './fragment.js';
import type { TemplateDiagnostic } from './jinja2/diagnostic.js';
import { ANSIBLE_OPTIONS, renderJinja2, type Jinja2Options } from './jinja2/index.js';
import type { VariableOrigin, VariableScope } from './variables.js';

export { remapSpans, SourceMap, type Fragment, type MapSegment } from './fragment.js';
export { loadAnsibleVariables, ansibleLayout, type AnsibleVariables } from './ansible-vars.js';
export { fileSystemRepository, memoryRepository, type RepositoryReader } from './repository.js';
export { plainScope, type VariableOrigin, type VariableScope } from './variables.js';
export type { TemplateDiagnostic } from './jinja2/diagnostic.js';
// The contracts of wave 2 (types only: the registries import this module, so
// re-exporting their values here would make an import cycle).
export type { LanguageVariables, TemplateLanguage } from './language.js';
export type { Edit, Extraction, InstanceKey, TargetFile } from './edits.js';
export type { HostFormat } from './embedded.js';

export interface RenderedTemplate {
  fragment: Fragment;
  /** The template cannot be read (unbalanced tags, bad expression): `config-unreadable` at this line. */
  diagnostics: TemplateDiagnostic[];
  /** Repository variables the rendering read, with their defining line (a finding's `related`). */
  usedVariables: { name: string; origin: VariableOrigin | null }[];
  /** Tags rendered as nothing because they are not evaluated (`include`, `import`, `macro`...). */
  skipped: { line: number; column: number; tag: string }[];
}

/**
 * Renders a Jinja2 template with the restricted evaluator. Parse
 * `{ path: fragment.file, text: fragment.text }` with the MTA parser, then
 * `remapSpans(model, fragment)` to put every span back on the template.
 */
export function renderTemplate(file: SourceFile, vars: VariableScope, options: Jinja2Options = ANSIBLE_OPTIONS): RenderedTemplate {
  const result = renderJinja2(file.path, file.text, vars, options);
  return {
    fragment: result.fragment,
    diagnostics: result.diagnostics,
    usedVariables: [...result.usedVariables].map(([name, origin]) => ({ name, origin })).sort((a, b) => a.name.localeCompare(b.name)),
    skipped: result.skipped,
  };
}

export type TemplateTarget = 'main.cf' | 'master.cf' | 'sendmail.mc' | 'sendmail.cf';

const TEMPLATE_SUFFIX = /\.(?:j2|jinja2|jinja)$/;

/** The template's suffix removed, or null when the name has no Jinja2 suffix. */
export function renderedName(path: string): string | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return TEMPLATE_SUFFIX.test(base) ? base.replace(TEMPLATE_SUFFIX, '') : null;
}

/** The mail file a template produces, by its name (`main.cf.j2` -> main.cf); null when it is not one. */
export function targetOf(path: string): TemplateTarget | null {
  const name = renderedName(path);
  if (name === null) return null;
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf') return name;
  if (name === 'sendmail.mc' || name.endsWith('.mc')) return 'sendmail.mc';
  return null;
}
