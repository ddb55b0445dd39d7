import type { Form } from '../../model/configuration.js';
import type { SourceFile } from '../../model/source.js';
import type { Fragment } from './fragment.js';
import type { RepositoryReader } from './repository.js';
import type { VariableOrigin, VariableScope } from './variables.js';

/**
 * The mail file a template renders: Postfix's and sendmail's files, and the
 * Exim and OpenSMTPD roles of src/discover/patterns.ts (`exim.conf`: any
 * file of Exim's runtime configuration; `update-exim4.conf.conf`: Debian's
 * settings file; `smtpd.conf`: OpenSMTPD's).
 */
export type TemplateTarget = 'main.cf' | 'master.cf' | 'sendmail.mc' | 'sendmail.cf' | 'exim.conf' | 'update-exim4.conf.conf' | 'smtpd.conf';

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
  return targetOfRenderedName(base.slice(0, -suffix.length));
}

/** The names Exim reads its runtime configuration from (exim.conf, Debian's exim4.conf and the files update-exim4.conf reads). */
const EXIM_NAMES: ReadonlySet<string> = new Set(['exim.conf', 'exim4.conf', 'exim4.conf.template', 'exim4.conf.localmacros']);

/**
 * The mail file a template renders, by the name it renders to: Postfix's and
 * sendmail's (any `.mc` is an m4 source), Exim's, and OpenSMTPD's
 * `smtpd.conf` (which Cyrus SASL also names its file: the render step tells
 * the two apart by content). `update-exim4.conf` (a template named after the
 * program, `update-exim4.conf.j2`) renders Debian's settings file: the
 * program itself is a shell script no one templates.
 */
export function targetOfRenderedName(name: string): TemplateTarget | null {
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf') return name;
  if (name === 'sendmail.mc' || name.endsWith('.mc')) return 'sendmail.mc';
  if (EXIM_NAMES.has(name)) return 'exim.conf';
  if (name === 'update-exim4.conf.conf' || name === 'update-exim4.conf') return 'update-exim4.conf.conf';
  if (name === 'smtpd.conf') return 'smtpd.conf';
  return null;
}

/**
 * The name the mail server reads a template's rendering under: the
 * template suffix removed (`exim4.conf.template.j2` -> exim4.conf.template,
 * `smtpd.jinja.conf` -> smtpd.conf), `update-exim4.conf` completed to
 * update-exim4.conf.conf. Null when the name is not a template's.
 */
export function renderedFileName(path: string): string | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  // `smtpd.conf.template` (consul-template, envsubst) renders smtpd.conf; Exim's
  // `exim4.conf.template` is a file of that name, never a template suffix.
  if (base === 'smtpd.conf.template') return 'smtpd.conf';
  const m = TEMPLATE_NAME.exec(base);
  if (m === null) return null;
  const name = base.slice(0, m.index) + (m[1] ?? '');
  return name === 'update-exim4.conf' ? 'update-exim4.conf.conf' : name;
}

/** A template suffix (`.j2`, `.erb`, `.tmpl`, `.ctmpl`...), or a Jinja infix before `.conf` (Salt's `smtpd.jinja.conf`). */
const TEMPLATE_NAME = /\.(?:j2|jinja2|jinja|erb|epp|tmpl|tpl|gotmpl|ctmpl)$|\.(?:j2|jinja2|jinja)(\.conf)$/;
