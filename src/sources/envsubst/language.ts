import type { TemplateTarget } from '../index.js';
import type { LanguageVariables, TemplateLanguage } from '../language.js';
import { renderEnvsubst } from './render.js';

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

/**
 * envsubst-style templates (`envsubst < main.cf.template > main.cf` in a
 * container entrypoint). Their variables are the deploying machine's
 * environment, which the repository does not hold: only the user's --vars
 * files give values; every other `$VAR` is unknown.
 */
export const language: TemplateLanguage = {
  form: 'envsubst',
  targetOf: envsubstTarget,
  variables(_path, _repo, extra): LanguageVariables {
    const lookup = (name: string) => {
      for (const scope of extra) {
        const found = scope.lookup(name);
        if (found !== undefined) return found;
      }
      return undefined;
    };
    return { lookup, lookupOrigin: (name) => lookup(name)?.origin ?? undefined, diagnostics: [] };
  },
  render: renderEnvsubst,
};
