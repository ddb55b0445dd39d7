import { targetOfRenderedName, type TemplateTarget } from '../../contracts/template-language.js';

const SUFFIX = /\.(?:template|in)$/;

/**
 * `main.cf.template`, `main.cf.in`, `smtpd.conf.template` -> the mail file;
 * null for other names. Exim's names are left out: `exim4.conf.template` is
 * the file Debian's update-exim4.conf reads under that very name, not a
 * template of exim4.conf. `.in` names only Postfix's and sendmail's files
 * (autoconf-style inputs of a build).
 */
export function envsubstTarget(path: string): TemplateTarget | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!SUFFIX.test(base)) return null;
  const name = base.replace(SUFFIX, '');
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf') return name;
  if (name.endsWith('.mc')) return 'sendmail.mc';
  return base.endsWith('.template') && name === 'smtpd.conf' ? targetOfRenderedName(name) : null;
}
