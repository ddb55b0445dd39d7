import type { TemplateTarget } from '../index.js';
import type { TemplateLanguage } from '../language.js';
import { loadHelmVariables } from './helm-values.js';
import { renderGoTemplate } from './index.js';

const SUFFIX = /\.(?:tmpl|tpl|gotmpl)$/;
const MAIL_FILES: ReadonlySet<string> = new Set(['main.cf', 'master.cf', 'sendmail.cf', 'sendmail.mc']);

/**
 * `main.cf.tmpl`, `master.cf.tpl`, `sendmail.mc.gotmpl` -> the mail file; a
 * mail file named as such directly in a `templates/` folder (a Helm chart's
 * templates are Go templates whatever their suffix) too.
 */
export function goTemplateTarget(path: string): TemplateTarget | null {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  let name: string;
  if (SUFFIX.test(base)) name = base.replace(SUFFIX, '');
  else if (path.slice(0, Math.max(slash, 0)).split('/').pop() === 'templates' && MAIL_FILES.has(base)) name = base;
  else return null;
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf') return name;
  if (name.endsWith('.mc')) return 'sendmail.mc';
  return null;
}

/**
 * Go templates: Helm charts (variables from the chart's values.yaml and
 * Chart.yaml) and other `.tmpl` files (variables from --vars only).
 */
export const language: TemplateLanguage = {
  form: 'go-template',
  targetOf: goTemplateTarget,
  variables: (path, repo, extra) => loadHelmVariables(path, repo, extra),
  render: renderGoTemplate,
};
