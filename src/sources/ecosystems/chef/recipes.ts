import { deepEqual, UNKNOWN } from '../../contracts/values.js';
import { join } from '../../contracts/repo-paths.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import type { VariableBinding, VariableScope } from '../../contracts/variables.js';
import { cookbookOf, cookbookSource, siblingCookbook } from './cookbook.js';
import { RecipeReader, type ChefFileResource } from './resources.js';

/** A resource resolved to the repository file it installs (null: not in the repository). */
export interface Deployment {
  resource: ChefFileResource;
  /** The cookbook whose recipe declares the resource. */
  cookbook: string;
  recipe: string;
  /** The destination on the node, as far as it is known (`/etc/postfix/main.cf`, `<node['x']>/main.cf`). */
  destination: string | null;
  /** The repository file installed there, or null when it is not in the repository (another cookbook, `local true`). */
  source: string | null;
  /** The file name Chef looks up, for notes. */
  sourceName: string;
  /** The source was picked among host or platform folders we cannot choose between. */
  maybe: boolean;
}

/** `"#{node['postfix']['conf_dir']}/main.cf"`: the destination with its unresolved parts shown, when its file name is literal. */
function destinationText(value: { text: string; value: string | null }): string | null {
  if (value.value !== null) return value.value;
  const text = value.text.replace(/^["']|["']$/g, '');
  const slash = text.lastIndexOf('/');
  const name = text.slice(slash + 1);
  if (slash < 0 || name.includes('#{') || name.includes('}')) return null;
  return `<${text.slice(0, slash)}>/${name}`;
}

/** The recipes of a cookbook (`recipes/*.rb`). */
export function recipesOf(cookbook: string, repo: RepositoryReader): string[] {
  const dir = join(cookbook, 'recipes');
  return repo
    .list(dir)
    .filter((n) => n.endsWith('.rb'))
    .map((n) => join(dir, n));
}

/**
 * Where the `template` and `cookbook_file` resources of one recipe install
 * which repository file. `node` resolves `node[...]` in names and variables.
 * `notes` receives the note of a spent evaluation budget.
 */
export function recipeDeployments(recipe: string, text: string, repo: RepositoryReader, node: VariableScope, notes?: string[]): Deployment[] {
  const cookbook = cookbookOf(recipe, repo) ?? '.';
  const out: Deployment[] = [];
  const reader = new RecipeReader(recipe, text, node);
  const resources = reader.resources();
  const spent = reader.budgetNote();
  if (spent !== null) notes?.push(spent);
  for (const resource of resources) {
    const target = resource.path ?? resource.name;
    const destination = destinationText(target);
    const baseName = destination?.slice(destination.lastIndexOf('/') + 1) ?? null;
    const named = resource.source?.value ?? (baseName === null ? null : resource.type === 'template' ? `${baseName}.erb` : baseName);
    const sourceName = named ?? resource.source?.text ?? '?';
    let from: string | null = cookbook;
    if (resource.cookbook !== null) from = resource.cookbook.value === null ? null : siblingCookbook(cookbook, resource.cookbook.value, repo);
    const found = from === null || named === null || resource.local ? null : cookbookSource(from, resource.type === 'template' ? 'templates' : 'files', named, repo);
    out.push({ resource, cookbook, recipe, destination, source: found?.path ?? null, sourceName, maybe: found?.maybe ?? false });
  }
  return out;
}

/**
 * The `@name` variables a template gets from the resources that render it,
 * across the repository's recipes of its cookbook: one resource's
 * `variables(...)`, or, when several render it, the values they agree on
 * (a name they disagree on, or that only some pass, is unknown).
 */
export function deploymentVariables(templatePath: string, repo: RepositoryReader, node: VariableScope): Map<string, VariableBinding> {
  const cookbook = cookbookOf(templatePath, repo);
  const result = new Map<string, VariableBinding>();
  if (cookbook === null) return result;
  const maps: (Map<string, VariableBinding> | null)[] = [];
  for (const recipe of recipesOf(cookbook, repo)) {
    const text = repo.read(recipe);
    if (text === undefined) continue;
    for (const d of recipeDeployments(recipe, text, repo, node)) {
      if (d.source === templatePath && d.resource.type === 'template' && !d.resource.deletes) maps.push(d.resource.variables);
    }
  }
  if (maps.length === 0) return result;
  const names = new Set<string>();
  for (const map of maps) for (const name of map?.keys() ?? []) names.add(name);
  for (const name of names) {
    const bindings = maps.map((m) => m?.get(name));
    const first = bindings[0];
    const agreed = first !== undefined && bindings.every((b) => b !== undefined && deepEqual(b.value, first.value));
    result.set(name, agreed ? first : { value: UNKNOWN, origin: bindings.find((b) => b !== undefined)?.origin ?? null });
  }
  return result;
}
