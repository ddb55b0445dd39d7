import { loadPuppetVariables, puppetModuleOf } from './variables.js';
import type { LanguageVariables } from '../../contracts/template-language.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import type { VariableScope } from '../../contracts/variables.js';

/** Scopes made for Puppet templates: Puppet renders ERB with Ruby's ERB (trim mode `-`), not Erubis. */
const PUPPET_SCOPES = new WeakSet<VariableScope>();

export function isPuppetErbScope(scope: VariableScope): boolean {
  return PUPPET_SCOPES.has(scope);
}

/**
 * An ERB template of a Puppet module (a `manifests/` folder beside
 * `templates/`, no Chef metadata.rb): Puppet's template() gives `@name` the
 * variables of the class that renders it. We take the module's main class
 * (`<module>::name`: Hiera data, then class defaults). Null when the template
 * is not in a Puppet module.
 */
export function puppetErbVariables(path: string, repo: RepositoryReader, extra: VariableScope[]): LanguageVariables | null {
  const module = puppetModuleOf(path, repo);
  if (module === null) return null;
  const join = (name: string) => (module.dir === '.' ? name : `${module.dir}/${name}`);
  if (!repo.isDirectory(join('manifests')) || repo.read(join('metadata.rb')) !== undefined || repo.isDirectory(join('attributes'))) return null;
  const puppet = loadPuppetVariables(path, repo, []);
  const lookup: VariableScope['lookup'] = (name) => {
    for (const scope of extra) {
      const found = scope.lookup(name);
      if (found !== undefined) return found;
    }
    return name.startsWith('@') ? puppet.lookup(`${module.name}::${name.slice(1)}`) : undefined;
  };
  const scope: LanguageVariables = { lookup, lookupOrigin: (name) => lookup(name)?.origin ?? undefined, diagnostics: puppet.diagnostics };
  PUPPET_SCOPES.add(scope);
  return scope;
}
