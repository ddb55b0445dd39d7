import type { TemplateTarget } from '../../contracts/template-language.js';

const SUFFIX = /\.(?:template|in)$/;

/** `main.cf.template`, `main.cf.in` -> main.cf; null for other names. */
export function envsubstTarget(path: string): TemplateTarget | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!SUFFIX.test(base)) return null;
  const name = base.replace(SUFFIX, '');
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf') return name;
  if (name.endsWith('.mc')) return 'sendmail.mc';
  return null;
}
