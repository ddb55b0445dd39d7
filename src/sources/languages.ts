import { loadAnsibleVariables } from './ansible-vars.js';
import { saltFormulaOf, saltVariables } from './salt-vars.js';
import { renderTemplate, targetOf, type TemplateTarget } from './index.js';
import type { TemplateLanguage } from './language.js';

const MAIL_FILES: ReadonlySet<string> = new Set(['main.cf', 'master.cf', 'sendmail.cf', 'sendmail.mc']);

/**
 * `roles/NAME/templates/main.cf`: the template module renders everything in
 * a role's templates folder as Jinja2, suffix or not. Claimed here, before
 * the Go-template language's rule for mail files in a Helm chart's
 * `templates/` folder would.
 */
function ansibleRoleTemplate(path: string): TemplateTarget | null {
  const parts = path.split('/');
  const n = parts.length;
  if (n < 4 || parts[n - 2] !== 'templates' || parts[n - 4] !== 'roles') return null;
  const base = parts[n - 1] as string;
  return MAIL_FILES.has(base) ? (base as TemplateTarget) : null;
}

/**
 * Jinja2 (Ansible, Salt): `main.cf.j2`, `sendmail.mc.jinja2`. Variables come
 * from the Ansible role and project around the template (role defaults and
 * vars, group_vars/all) and the user's --vars files.
 */
export const jinja2: TemplateLanguage = {
  form: 'jinja2',
  targetOf: (path) => targetOf(path) ?? ansibleRoleTemplate(path),
  // A Salt formula (a folder with defaults.yaml or map.jinja) reads its own
  // pillar.example and defaults.yaml; anything else is read as Ansible.
  variables: (path, repo, extra) =>
    saltFormulaOf(path, repo) !== null ? saltVariables(path, repo, extra) : loadAnsibleVariables(path, repo, extra),
  render: (file, vars) => renderTemplate(file, vars),
};

// Each template language lives in its own folder and exports `language`;
// adding one is one import here and one entry in LANGUAGES.
import { language as envsubst } from './envsubst/language.js';
import { language as epp } from './epp/language.js';
import { language as erb } from './erb/language.js';
import { language as goTemplate } from './gotemplate/language.js';
import { language as terraform } from './terraform/language.js';

/**
 * Every template language relaygate renders, in the order discovery asks
 * them: the first whose `targetOf` names a mail file wins.
 */
export const LANGUAGES: readonly TemplateLanguage[] = [jinja2, erb, epp, goTemplate, terraform, envsubst];

/** The language that renders `path` and the mail file it renders, or null when no language claims it. */
export function languageFor(path: string): { language: TemplateLanguage; target: TemplateTarget } | null {
  for (const language of LANGUAGES) {
    const target = language.targetOf(path);
    if (target !== null) return { language, target };
  }
  return null;
}

/** The registered language of a form (the candidate carries the form). */
export function languageOfForm(form: string): TemplateLanguage | undefined {
  return LANGUAGES.find((l) => l.form === form);
}
