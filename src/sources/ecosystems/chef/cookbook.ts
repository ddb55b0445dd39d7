import { join, parent } from '../../contracts/repo-paths.js';
import type { RepositoryReader } from '../../contracts/repository.js';

/** The cookbook holding a file: the nearest folder up with metadata.rb (or .json), else the folder above `templates/`, `files/` or `recipes/`. */
export function cookbookOf(path: string, repo: RepositoryReader): string | null {
  let dir = parent(path);
  while (dir !== null) {
    if (repo.read(join(dir, 'metadata.rb')) !== undefined || repo.read(join(dir, 'metadata.json')) !== undefined) return dir;
    dir = parent(dir);
  }
  const parts = path.split('/');
  const at = Math.max(parts.lastIndexOf('templates'), parts.lastIndexOf('files'), parts.lastIndexOf('recipes'));
  if (at < 0) return null;
  return parts.slice(0, at).join('/') || '.';
}

/** A cookbook named `name` beside `cookbook` (the folders of one cookbooks/ directory), or null. */
export function siblingCookbook(cookbook: string, name: string, repo: RepositoryReader): string | null {
  const up = parent(cookbook);
  if (up === null || !/^[A-Za-z0-9_.-]+$/.test(name)) return null;
  const dir = join(up, name);
  return repo.read(join(dir, 'metadata.rb')) !== undefined || repo.read(join(dir, 'metadata.json')) !== undefined || repo.isDirectory(join(dir, 'recipes')) ? dir : null;
}

/**
 * The repository file a `template`/`cookbook_file` source names. Chef looks
 * in the cookbook's `templates/` (`files/`) for the most specific folder
 * first (host name, platform-version, platform), then `default/`, then the
 * folder itself (Chef Infra docs, "File Specificity"). Without the node we
 * cannot pick a host or platform folder: `default/` and the folder itself
 * are certain; a copy only in a host or platform folder may or may not be
 * the one (`maybe`).
 */
export function cookbookSource(cookbook: string, kind: 'templates' | 'files', source: string, repo: RepositoryReader): { path: string; maybe: boolean } | null {
  const base = join(cookbook, kind);
  // A file in a host or platform folder overrides default/ on the nodes it names.
  const specific = repo
    .list(base)
    .filter((d) => d !== 'default' && repo.isDirectory(join(base, d)) && repo.read(join(join(base, d), source)) !== undefined)
    .map((d) => join(join(base, d), source));
  for (const candidate of [join(join(base, 'default'), source), join(base, source)]) {
    if (repo.read(candidate) !== undefined) return { path: candidate, maybe: specific.length > 0 };
  }
  const first = specific[0];
  return first === undefined ? null : { path: first, maybe: true };
}
