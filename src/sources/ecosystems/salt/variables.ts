import { readVariablesFile } from '../../languages/yaml/variables-file.js';
import { dataRecord } from '../../../model/plain-data.js';
import { isPlainObject, UNKNOWN } from '../../contracts/values.js';
import type { NamespaceFunctions } from '../../languages/jinja2/evaluate.js';
import type { LanguageVariables } from '../../contracts/template-language.js';
import { join, parent } from '../../contracts/repo-paths.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import type { VariableBinding, VariableOrigin, VariableScope } from '../../contracts/variables.js';

/** The Salt formula holding a state file: the nearest folder up with defaults.yaml or map.jinja. */
export function saltFormulaOf(templatePath: string, repo: RepositoryReader): string | null {
  let dir = parent(templatePath);
  while (dir !== null) {
    if (repo.read(join(dir, 'defaults.yaml')) !== undefined || repo.read(join(dir, 'map.jinja')) !== undefined) return dir;
    dir = parent(dir);
  }
  return null;
}

/** map.jinja's `salt['pillar.get']('postfix', default=defaults, merge=True)`: pillar merged over defaults, key by key. */
function merge(base: unknown, over: unknown, depth = 0): unknown {
  if (depth > 32) return UNKNOWN;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const result = dataRecord(Object.entries(base));
  for (const [k, v] of Object.entries(over)) result[k] = Object.prototype.hasOwnProperty.call(base, k) ? merge(base[k], v, depth + 1) : v;
  return result;
}

/**
 * `salt['pillar.get']('a:b:c', default)`: the pillar value at the
 * colon-separated path, else the default (Salt's DEFAULT_TARGET_DELIM is `:`).
 * The pillar is the formula's pillar.example (the repository's own sample) or
 * a `pillar` --vars entry; unknown when there is none.
 */
export function saltPillarGet(scope: VariableScope, key: unknown, fallback: unknown = '', used?: Map<string, VariableOrigin | null>): unknown {
  if (typeof key !== 'string') return UNKNOWN;
  const pillar = scope.lookup('pillar');
  if (pillar === undefined) return UNKNOWN;
  used?.set('pillar', pillar.origin);
  let value: unknown = pillar.value;
  for (const part of key.split(':')) {
    if (value === UNKNOWN) return UNKNOWN;
    if (!isPlainObject(value) || !Object.prototype.hasOwnProperty.call(value, part)) return fallback;
    value = value[part];
  }
  return value;
}

/**
 * Salt's `salt` namespace in a state file's Jinja: `salt['pillar.get'](key,
 * default)` and `salt['config.get'](...)` read the pillar (saltPillarGet);
 * every other execution function is unknown.
 */
export const saltNamespace: NamespaceFunctions = (call) => {
  if (call.member !== 'pillar.get' && call.member !== 'config.get') return UNKNOWN;
  const args = call.args();
  const byName = call.kwarg('default');
  const fallback = args[1] ?? (byName === undefined ? '' : byName());
  return saltPillarGet(call.scope, args[0], fallback, call.used);
};

/**
 * The variables a Salt formula's Jinja state file (`postfix/files/main.cf`)
 * sees, highest precedence first: the user's --vars, `pillar` (the formula's
 * pillar.example, next to the formula or at the repository's top), and the
 * formula's settings variable as map.jinja builds it (named after the
 * formula: `postfix` = defaults.yaml's `postfix` key merged with the pillar's).
 * `salt[...]` calls other than pillar.get and grains are unknown.
 */
/** Scopes of Salt's templates: the Jinja2 language renders them with Salt's options, not Ansible's. */
const SALT_SCOPES = new WeakSet<VariableScope>();

/** Marks `scope` as the variables of a template Salt renders. */
export function saltScope<T extends VariableScope>(scope: T): T {
  SALT_SCOPES.add(scope);
  return scope;
}

/**
 * Whether a template is rendered by Salt: Salt's Jinja2 environment keeps
 * the newline after a block tag (the master's `jinja_trim_blocks` is False
 * by default), where Ansible's template module trims it.
 */
export function isSaltScope(scope: VariableScope): boolean {
  return SALT_SCOPES.has(scope);
}

export function saltVariables(templatePath: string, repo: RepositoryReader, extra: VariableScope[] = []): LanguageVariables {
  const diagnostics: LanguageVariables['diagnostics'] = [];
  const bindings = new Map<string, VariableBinding>();
  const formula = saltFormulaOf(templatePath, repo);
  if (formula !== null) {
    const name = formula.slice(formula.lastIndexOf('/') + 1);
    const read = (file: string): Map<string, VariableBinding> | undefined => {
      const text = repo.read(file);
      return text === undefined ? undefined : readVariablesFile(file, text, diagnostics).values;
    };
    const defaults = read(join(formula, 'defaults.yaml'));
    let pillarFile: string | null = null;
    let dir: string | null = formula;
    while (dir !== null && pillarFile === null) {
      if (repo.read(join(dir, 'pillar.example')) !== undefined) pillarFile = join(dir, 'pillar.example');
      dir = parent(dir);
    }
    const pillar = pillarFile === null ? undefined : read(pillarFile);
    if (pillar !== undefined && pillarFile !== null) {
      bindings.set('pillar', { value: dataRecord([...pillar].map(([k, b]) => [k, b.value])), origin: { file: pillarFile, line: 1 } });
    }
    const fromDefaults = defaults?.get(name);
    const fromPillar = pillar?.get(name);
    if (fromDefaults !== undefined || fromPillar !== undefined) {
      const origin: VariableOrigin | null = fromPillar?.origin ?? fromDefaults?.origin ?? null;
      bindings.set(name, { value: merge(fromDefaults?.value ?? {}, fromPillar?.value ?? {}), origin });
    }
  }
  const lookup = (name: string): VariableBinding | undefined => {
    for (const scope of extra) {
      const found = scope.lookup(name);
      if (found !== undefined) return found;
    }
    return bindings.get(name);
  };
  return saltScope({ lookup, lookupOrigin: (name) => lookup(name)?.origin ?? undefined, diagnostics });
}
