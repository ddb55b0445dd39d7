import { join, normalize } from '../../contracts/repo-paths.js';
import type { TaskContext } from './task-context.js';

/**
 * The repository file a relative `src:` names, searched as Ansible does
 * (role: `templates/` or `files/`, then the role folder and its `tasks/`;
 * playbook: its folder's `templates/` or `files/`, then the folder itself).
 * null for an absolute `src` (a file on the controller outside the repository)
 * or when no candidate exists.
 */
export function repositorySource(context: TaskContext, folder: 'templates' | 'files', src: string): string | null {
  const name = src.trim();
  if (name === '' || name.startsWith('/')) return null;
  const roots = context.roleDir !== null ? [join(context.roleDir, folder), context.roleDir, join(context.roleDir, 'tasks')] : [join(context.baseDir, folder), context.baseDir];
  for (const root of roots) {
    const candidate = normalize(join(root, name));
    if (candidate !== null && context.repo.read(candidate) !== undefined) return candidate;
  }
  return null;
}
