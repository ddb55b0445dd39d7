import type { TemplateTarget } from '../../contracts/template-language.js';

const SUFFIX = /\.(?:tmpl|tpl|gotmpl)$/;

/** `main.cf.tmpl`, `master.cf.tpl`, `sendmail.mc.gotmpl` -> the mail file; null for other names. */
export function goTemplateSuffixTarget(path: string): TemplateTarget | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!SUFFIX.test(base)) return null;
  const name = base.replace(SUFFIX, '');
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf') return name;
  if (name.endsWith('.mc')) return 'sendmail.mc';
  return null;
}
