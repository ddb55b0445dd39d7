import { parse } from 'yaml';
import { join, parent } from '../../contracts/repo-paths.js';
import type { RepositoryReader } from '../../contracts/repository.js';

/** A collection's namespace, name and role names are Python identifiers (ansible-core's AnsibleCollectionRef.is_valid_fqcr). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A top-level mapping of a small YAML file (galaxy.yml, meta/main.yml), or null. */
function yamlMapping(repo: RepositoryReader, path: string): Record<string, unknown> | null {
  const text = repo.read(path);
  if (text === undefined) return null;
  try {
    const value: unknown = parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `dir` and each folder above it, up to the scan root. */
function foldersUp(dir: string): string[] {
  const out: string[] = [];
  for (let at: string | null = dir === '' ? '.' : dir; at !== null; at = parent(at)) out.push(at);
  return out;
}

function isRole(dir: string, repo: RepositoryReader): boolean {
  return repo.isDirectory(join(dir, 'tasks'));
}

/**
 * The folder of the role a fully qualified name (`namespace.collection.role`)
 * names, when the collection is in the repository. ansible-core resolves such
 * a name through its collection loader: the role is `roles/ROLE` of the
 * collection found as `ansible_collections/NAMESPACE/COLLECTION/` on the
 * collections path, which includes `collections/` beside the playbook; a
 * repository that is the collection itself (its `galaxy.yml` at the root
 * gives `namespace:` and `name:`) is that folder once installed. Searched
 * from the playbook's folder up to the scan root.
 */
export function collectionRoleFolder(name: string, from: string, repo: RepositoryReader): string | null {
  const parts = name.split('.');
  if (parts.length !== 3 || !parts.every((p) => IDENTIFIER.test(p))) return null;
  const [namespace, collection, role] = parts as [string, string, string];
  const tail = join(join(join('ansible_collections', namespace), collection), join('roles', role));
  for (const dir of foldersUp(from)) {
    const galaxy = yamlMapping(repo, join(dir, 'galaxy.yml'));
    if (galaxy !== null && galaxy['namespace'] === namespace && galaxy['name'] === collection && isRole(join(dir, join('roles', role)), repo)) {
      return join(dir, join('roles', role));
    }
    for (const candidate of [join(dir, tail), join(dir, join('collections', tail))]) if (isRole(candidate, repo)) return candidate;
  }
  return null;
}

/**
 * The role a role repository's own test playbooks (`tests/test.yml`,
 * `molecule/*\/converge.yml`) run: the nearest folder above the playbook that
 * is a role (`tasks/` with `meta/` or `defaults/`), when the name given is
 * that role's. Ansible finds a role by its folder name, and a role installed
 * from Galaxy goes by `galaxy_info.role_name` (with the owner's `OWNER.`
 * before it, and without the repository's `ansible-role-` prefix).
 */
export function enclosingRoleFolder(name: string, from: string, repo: RepositoryReader): string | null {
  const wanted = bareRoleName(name);
  for (const dir of foldersUp(from)) {
    if (!isRole(dir, repo) || !(repo.isDirectory(join(dir, 'meta')) || repo.isDirectory(join(dir, 'defaults')))) continue;
    const names = new Set<string>();
    if (dir !== '.') names.add(bareRoleName(dir.slice(dir.lastIndexOf('/') + 1)));
    const meta = yamlMapping(repo, join(dir, 'meta/main.yml')) ?? yamlMapping(repo, join(dir, 'meta/main.yaml'));
    const info = meta?.['galaxy_info'];
    const roleName = info !== null && typeof info === 'object' ? (info as Record<string, unknown>)['role_name'] : undefined;
    if (typeof roleName === 'string') names.add(bareRoleName(roleName));
    return names.has(wanted) ? dir : null;
  }
  return null;
}

/** `owner.x`, `ansible-role-x` and `x` are the same role's names. */
function bareRoleName(name: string): string {
  const parts = name.split('.');
  const last = parts.length === 2 ? (parts[1] as string) : name;
  return last.startsWith('ansible-role-') ? last.slice('ansible-role-'.length) : last;
}
