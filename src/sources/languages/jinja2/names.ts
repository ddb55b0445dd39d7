import type { TemplateTarget } from '../../contracts/template-language.js';

const TEMPLATE_SUFFIX = /\.(?:j2|jinja2|jinja)$/;

/** The template's suffix removed, or null when the name has no Jinja2 suffix. */
export function renderedName(path: string): string | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return TEMPLATE_SUFFIX.test(base) ? base.replace(TEMPLATE_SUFFIX, '') : null;
}

/** The mail file a template produces, by its name (`main.cf.j2` -> main.cf); null when it is not one. */
export function targetOf(path: string): TemplateTarget | null {
  const name = renderedName(path);
  if (name === null) return null;
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf') return name;
  if (name === 'sendmail.mc' || name.endsWith('.mc')) return 'sendmail.mc';
  return null;
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
