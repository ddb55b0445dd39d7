import type { TemplateTarget } from '../../contracts/template-language.js';

const MAIL_FILES: ReadonlySet<string> = new Set(['main.cf', 'master.cf', 'sendmail.cf', 'sendmail.mc']);

/**
 * A mail file named as such directly in a `templates/` folder: a Helm
 * chart's templates are Go templates whatever their suffix.
 */
export function helmChartTemplate(path: string): TemplateTarget | null {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  if (path.slice(0, Math.max(slash, 0)).split('/').pop() !== 'templates' || !MAIL_FILES.has(base)) return null;
  return base.endsWith('.mc') ? 'sendmail.mc' : (base as TemplateTarget);
}
