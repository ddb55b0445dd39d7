import { targetOfRenderedName, type TemplateTarget } from '../../contracts/template-language.js';

const SUFFIX = /\.(?:tmpl|tpl|gotmpl)$/;

/** `main.cf.tmpl`, `master.cf.tpl`, `sendmail.mc.gotmpl`, `smtpd.conf.tmpl` -> the mail file; null for other names. */
export function goTemplateSuffixTarget(path: string): TemplateTarget | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!SUFFIX.test(base)) return null;
  return targetOfRenderedName(base.replace(SUFFIX, ''));
}
