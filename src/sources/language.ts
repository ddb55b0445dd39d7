import type { Form } from '../model/configuration.js';
import type { SourceFile } from '../model/source.js';
import type { RenderedTemplate, TemplateTarget } from './index.js';
import type { RepositoryReader } from './repository.js';
import type { VariableOrigin, VariableScope } from './variables.js';

/**
 * A template language relaygate can render without executing it: its file
 * names, where its variables come from, and a restricted renderer. Each
 * language lives in its own folder (src/sources/jinja2/, erb/, epp/,
 * gotemplate/, terraform/, envsubst/) and exports one of these; the
 * registry (src/sources/languages.ts) lists them.
 *
 * The renderer's contract (see src/sources/fragment.ts):
 * - literal text keeps its original line and column (SourceMap 'literal' segments);
 * - an expression's output maps to the whole expression tag ('expression' segments);
 * - an expression that cannot be resolved outputs UNKNOWN_MARK (src/model/source.ts);
 * - lines emitted inside a branch or loop whose condition/data is unknown are in `maybeLines`;
 * - malformed templates give diagnostics (line, column, message), never a throw;
 * - output size, loop iterations and recursion are bounded.
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
