import type { Form } from '../../model/configuration.js';
import type { SourceFile } from '../../model/source.js';
import type { Fragment } from './fragment.js';
import type { RepositoryReader } from './repository.js';
import type { VariableOrigin, VariableScope } from './variables.js';

/** The mail file a template renders. */
export type TemplateTarget = 'main.cf' | 'master.cf' | 'sendmail.mc' | 'sendmail.cf';

/** A template the renderer could not read (becomes `config-unreadable`). Positions are the template's, 1-based. */
export interface TemplateDiagnostic {
  line: number;
  column: number;
  message: string;
}

/** What every renderer returns: the mail configuration text with its source map, and what it met on the way. */
export interface RenderedTemplate {
  fragment: Fragment;
  /** The template cannot be read (unbalanced tags, bad expression): `config-unreadable` at this line. */
  diagnostics: TemplateDiagnostic[];
  /** Repository variables the rendering read, with their defining line (a finding's `related`). */
  usedVariables: { name: string; origin: VariableOrigin | null }[];
  /** Tags rendered as nothing because they are not evaluated (`include`, `import`, `macro`...). */
  skipped: { line: number; column: number; tag: string }[];
  /**
   * Where the renderer gave up without the template being wrong: the file's
   * evaluation budget (./budget.ts) ran out, and every value after that point
   * is unknown. Each becomes a note; absent means none.
   */
  notes?: TemplateDiagnostic[];
  /**
   * Set by the render step, not by renderers: the template and every path
   * its variables were looked up in, found or not (src/model/inputs.ts).
   */
  inputs?: string[];
}

/**
 * A template language relaygate can render without executing it: its file
 * names, where its variables come from, and a restricted renderer. The
 * renderer comes from the language (src/sources/languages/), the variables
 * and any tool-specific file names from the ecosystems that use the
 * language (src/sources/ecosystems/); the registry
 * (src/sources/template-languages.ts) puts the two together.
 *
 * The renderer's contract (see ./fragment.ts):
 * - literal text keeps its original line and column (SourceMap 'literal' segments);
 * - an expression's output maps to the whole expression tag ('expression' segments);
 * - an expression that cannot be resolved outputs UNKNOWN_MARK (src/model/source.ts);
 * - lines emitted inside a branch or loop whose condition/data is unknown are in `maybeLines`;
 * - malformed templates give diagnostics (line, column, message), never a throw;
 * - output size, loop iterations and recursion are bounded; every value built
 *   on the way is charged to one EvaluationBudget per file (./budget.ts), and
 *   a spent budget makes the later values unknown and leaves a note (`notes`).
 */
export interface TemplateLanguage {
  form: Form;
  /** The mail file the template at `path` renders (by its name), or null when it is not one of ours. */
  targetOf(path: string): TemplateTarget | null;
  /**
   * The variables the template at `path` sees, nearest/highest precedence
   * first, read from the repository's own plain-data files; `extra` are the
   * user's --vars files (highest precedence).
   */
  variables(path: string, repo: RepositoryReader, extra: VariableScope[]): LanguageVariables;
  render(file: SourceFile, vars: VariableScope): RenderedTemplate;
}

export interface LanguageVariables extends VariableScope {
  /** Variables files that could not be read: each becomes a note, never a crash. */
  diagnostics: { file: string; line: number; column: number; message: string }[];
  /** Where a top-level variable's winning definition is, if known. */
  lookupOrigin?(name: string): VariableOrigin | undefined;
}

/** The mail file a template named `<name><suffix>` renders (`main.cf.erb` -> main.cf), or null. */
export function targetBySuffix(path: string, suffix: string): TemplateTarget | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!base.endsWith(suffix)) return null;
  const name = base.slice(0, -suffix.length);
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf') return name;
  if (name === 'sendmail.mc' || name.endsWith('.mc')) return 'sendmail.mc';
  return null;
}
