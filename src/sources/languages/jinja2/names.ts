import { targetOfRenderedName, type TemplateTarget } from '../../contracts/template-language.js';

const TEMPLATE_SUFFIX = /\.(?:j2|jinja2|jinja)$/;

/** Salt names templates with the language before the file's own suffix: `smtpd.jinja.conf`. */
const TEMPLATE_INFIX = /\.(?:j2|jinja2|jinja)(?=\.conf$)/;

/** The template's suffix (or `.conf` infix) removed, or null when the name has no Jinja2 suffix. */
export function renderedName(path: string): string | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (TEMPLATE_SUFFIX.test(base)) return base.replace(TEMPLATE_SUFFIX, '');
  return TEMPLATE_INFIX.test(base) ? base.replace(TEMPLATE_INFIX, '') : null;
}

/** The mail file a template produces, by its name (`main.cf.j2` -> main.cf); null when it is not one. */
export function targetOf(path: string): TemplateTarget | null {
  const name = renderedName(path);
  return name === null ? null : targetOfRenderedName(name);
}

/**
 * Whether `#` lines of the file a template renders are comments: Postfix's
 * main.cf and master.cf and sendmail.cf, yes; an m4 `.mc`, no (cf.m4 turns
 * m4's comments off, so `#` text is expanded).
 */
export function hashCommentsInert(path: string): boolean {
  const name = renderedName(path) ?? path.slice(path.lastIndexOf('/') + 1);
  return !name.endsWith('.mc');
}
