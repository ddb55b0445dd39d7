import { isMap, isSeq, type YAMLMap } from 'yaml';
import { hasMailMarker } from '../../contracts/host-format.js';
import { join, normalize } from '../../contracts/repo-paths.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { readVariablesFile } from '../../languages/yaml/variables-file.js';
import { plainValue } from '../../languages/yaml/yaml-file.js';
import { osFamiliesOf } from './os-family.js';
import { walkPlayRoles } from './play-roles.js';
import type { TaskContext } from './task-context.js';
import { literalVars, walkTasks } from './tasks.js';

const TASK_LISTS = ['tasks', 'post_tasks', 'handlers'] as const;

/** A play: a mapping with `hosts:` (or an `import_playbook`, which has no tasks of its own). */
export function isPlay(node: unknown): boolean {
  return isMap(node) && (node.has('hosts') || node.has('import_playbook') || node.has('ansible.builtin.import_playbook'));
}

/**
 * A play runs pre_tasks, its roles, tasks, post_tasks and handlers, with the
 * play's literal `vars:` and `vars_files:` at their precedence (./precedence.ts).
 * With `onlyRole`, only that role's entries are walked (the play read from
 * the role's side: see playsUsingRole).
 */
export function walkPlay(play: YAMLMap, context: TaskContext, onlyRole?: { name: string; dir: string }): void {
  let vars = context.vars;
  const own = literalVars(play.get('vars', true), context);
  if (own !== null) vars = vars.with('play-vars', own);
  const varsFiles = plainValue(context.document, play.get('vars_files', true));
  if (Array.isArray(varsFiles)) {
    for (const name of varsFiles) {
      if (typeof name !== 'string' || name.includes('{{')) continue;
      const path = normalize(context.baseDir === '.' ? name : `${context.baseDir}/${name}`);
      const text = path === null ? undefined : context.repo.read(path);
      if (path === null || text === undefined) continue;
      const layer = readVariablesFile(path, text, []);
      vars = vars.with('play-vars-files', { lookup: (n) => layer.values.get(n) });
    }
  }
  const families = osFamiliesOf(play.get('when', true), context.file, context.at);
  const playContext: TaskContext = { ...context, vars, ...(families.length > 0 ? { osFamilies: families } : {}) };
  if (onlyRole !== undefined) {
    // A play that gives the role no variables of its own runs it as the role alone is judged.
    walkPlayRoles(play.get('roles', true), playContext, { ...onlyRole, playVars: vars !== context.vars });
    return;
  }
  const pre = play.get('pre_tasks', true);
  if (isSeq(pre)) walkTasks(pre, playContext);
  walkPlayRoles(play.get('roles', true), playContext);
  for (const list of TASK_LISTS) {
    const tasks = play.get(list, true);
    if (isSeq(tasks)) walkTasks(tasks, playContext);
  }
}



/**
 * Playbooks in the project folder of a role that list it in `roles:` and
 * name no mail file themselves (a playbook that does is a host file of its
 * own and walks its roles there). Such a playbook gives the role the
 * variables it runs with (`vars:` of the entry, play vars): it is read from
 * the role's side, with the playbook as the instance.
 */
export function playsUsingRole(roleDir: string, project: string, repo: RepositoryReader): { path: string; text: string }[] {
  const name = roleDir.slice(roleDir.lastIndexOf('/') + 1);
  const out: { path: string; text: string }[] = [];
  for (const entry of repo.list(project)) {
    if (!/\.ya?ml$/.test(entry)) continue;
    const path = join(project, entry);
    const text = repo.read(path);
    if (text === undefined || !PLAY_START.test(text) || !text.includes(name) || hasMailMarker(text)) continue;
    out.push({ path, text });
  }
  return out;
}

/** A play starts a top-level list item with `hosts:` (`- hosts: all`, or `  hosts:` under `- name:`). */
export const PLAY_START = /^(?:- | {2})hosts:/m;
