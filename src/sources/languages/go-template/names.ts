import { targetOfRenderedName, type TemplateTarget } from '../../contracts/template-language.js';

/** `.ctmpl`: consul-template's own extension (Go text/template syntax). */
const SUFFIX = /\.(?:tmpl|tpl|gotmpl|ctmpl)$/;

/** `main.cf.tmpl`, `master.cf.tpl`, `sendmail.mc.gotmpl`, `smtpd.conf.tmpl`, `smtpd.conf.ctmpl` -> the mail file; null for other names. */
export function goTemplateSuffixTarget(path: string): TemplateTarget | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!SUFFIX.test(base)) return null;
  return targetOfRenderedName(base.replace(SUFFIX, ''));
}
