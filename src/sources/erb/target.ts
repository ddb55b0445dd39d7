import type { TemplateTarget } from '../index.js';

/** The mail file a template named `<name><suffix>` renders (`main.cf.erb` -> main.cf), or null. */
export function targetBySuffix(path: string, suffix: string): TemplateTarget | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!base.endsWith(suffix)) return null;
  const name = base.slice(0, -suffix.length);
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf') return name;
  if (name === 'sendmail.mc' || name.endsWith('.mc')) return 'sendmail.mc';
  return null;
}
