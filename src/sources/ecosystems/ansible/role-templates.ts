import type { TemplateTarget } from '../../contracts/template-language.js';

const MAIL_FILES: ReadonlySet<string> = new Set(['main.cf', 'master.cf', 'sendmail.cf', 'sendmail.mc']);

/**
 * `roles/NAME/templates/main.cf`: the template module renders everything in
 * a role's templates folder as Jinja2, suffix or not. The registry asks this
 * before the Helm rule for mail files in a chart's `templates/` folder.
 */
export function ansibleRoleTemplate(path: string): TemplateTarget | null {
  const parts = path.split('/');
  const n = parts.length;
  if (n < 4 || parts[n - 2] !== 'templates' || parts[n - 4] !== 'roles') return null;
  const base = parts[n - 1] as string;
  return MAIL_FILES.has(base) ? (base as TemplateTarget) : null;
}
