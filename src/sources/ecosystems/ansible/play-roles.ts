import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { join, normalize } from '../../contracts/repo-paths.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { plainScope } from '../../contracts/variables.js';
import type { VariablesDiagnostic } from '../../languages/yaml/variables-file.js';
import { plainValue } from '../../languages/yaml/yaml-file.js';
import { delegationNote, namesMailServer } from '../shared/delegation.js';
import { decideWhen } from './conditions.js';
import { VariableStack } from './precedence.js';
import { collectionRoleFolder, enclosingRoleFolder } from './role-names.js';
import { literalVars, MAX_INCLUDE_DEPTH, templatingFor, walkTaskFile } from './tasks.js';
import type { TaskContext } from './task-context.js';
import { filesScope, groupVarsAllFiles, roleFiles } from './variables.js';

/**
 * Keywords of a role entry (`roles: - role: x  when: ...`) that are not role
 * parameters (playbook/role/definition.py: the Base, Conditional, Taggable
 * and CollectionSearch attributes Ansible splits off).
 */
const ROLE_KEYWORDS: ReadonlySet<string> = new Set([
  'role', 'name', 'vars', 'when', 'tags', 'become', 'become_user', 'become_method', 'become_flags', 'become_exe',
  'delegate_to', 'delegate_facts', 'environment', 'ignore_errors', 'ignore_unreachable', 'no_log', 'any_errors_fatal',
  'check_mode', 'diff', 'connection', 'collections', 'debugger', 'module_defaults', 'port', 'remote_user', 'run_once',
  'throttle', 'timeout', 'apply', 'public', 'allow_duplicates',
]);

/**
 * The variables a role's own files declare, by layer: its defaults, the
 * project's group_vars/all, its vars (./precedence.ts). A role entry's
 * `vars:` goes on top of the role's vars (Role.get_vars combines it last);
 * its other keys are role params, a layer of their own.
 */
export function roleStack(base: VariableStack, roleDir: string | null, project: string, repo: RepositoryReader, diagnostics: VariablesDiagnostic[]): VariableStack {
  let stack = base;
  const add = (layer: 'role-defaults' | 'group-vars-all' | 'role-vars', files: string[]): void => {
    const scope = filesScope(files, repo, diagnostics);
    if (scope !== null) stack = stack.with(layer, scope);
  };
  if (roleDir !== null) add('role-defaults', roleFiles(repo, join(roleDir, 'defaults')));
  add('group-vars-all', groupVarsAllFiles(repo, project));
  if (roleDir !== null) add('role-vars', roleFiles(repo, join(roleDir, 'vars')));
  return stack;
}

/**
 * The folder of a role a playbook names: `roles/NAME` beside the playbook, or
 * a path relative to it; a collection's role by its fully qualified name; the
 * role a role repository's test playbook runs (./role-names.ts).
 */
function roleFolderOf(name: string, context: TaskContext): string | null {
  const candidates = name.includes('/') ? [join(context.baseDir, name)] : [join(context.baseDir, join('roles', name)), join(context.baseDir, name)];
  for (const candidate of candidates) {
    const dir = normalize(candidate);
    if (dir !== null && context.repo.isDirectory(join(dir, 'tasks'))) return dir;
  }
  if (name.includes('/')) return null;
  return collectionRoleFolder(name, context.baseDir, context.repo) ?? enclosingRoleFolder(name, context.baseDir, context.repo);
}

/**
 * A play's `roles:`: each role's tasks run in the play's instance (its
 * scope), after pre_tasks, with the play's variables, the role's own and the
 * entry's `vars:` and params; what they deploy is rendered with those
 * variables. The role is also judged on its own, with its defaults (its own
 * tasks files are host files too).
 */
export function walkPlayRoles(node: unknown, context: TaskContext, only?: { name: string; dir: string; playVars: boolean }): void {
  if (!isSeq(node) || context.depth >= MAX_INCLUDE_DEPTH) return;
  for (const entry of node.items) {
    let name: unknown = null;
    let map: YAMLMap | null = null;
    if (isScalar(entry)) name = entry.value;
    else if (isMap(entry)) {
      map = entry;
      name = plainValue(context.document, entry.get('role', true) ?? entry.get('name', true));
    }
    if (typeof name !== 'string' || name.includes('{{')) continue;
    // `NAMESPACE.COLLECTION.ROLE` names ROLE of a collection (resolved below, like any name).
    if (only !== undefined && name !== only.name && !name.endsWith(`/${only.name}`) && !(name.split('.').length === 3 && name.endsWith(`.${only.name}`))) continue;
    const entryVars = map !== null && (map.items).some((p) => isScalar(p.key) && (p.key.value === 'vars' || !ROLE_KEYWORDS.has(String(p.key.value))));
    if (only !== undefined && !only.playVars && !entryVars) continue;
    const roleDir = roleFolderOf(name, context);
    // Read from the role's side, a collection's role by its full name must be that role (another collection has its own).
    if (only !== undefined && name.split('.').length === 3 && roleDir !== only.dir) continue;
    if (roleDir === null) {
      // A role that names a mail server holds the mail configuration the play delegates to it.
      const range = isScalar(entry) || isMap(entry) ? entry.range : null;
      const line = range ? context.at(range[0]).line : 1;
      context.out.notes.push(namesMailServer(name) ? delegationNote(context.file, line, `the role ${name}`) : `${context.file}: role "${name}" is not in the repository; what it does is not read`);
      continue;
    }
    const decided = map === null ? true : decideWhen(map.get('when', true), templatingFor(context, new Map()));
    if (decided === false) continue;
    const diagnostics: VariablesDiagnostic[] = [];
    let vars = roleStack(context.vars.without('role-defaults', 'role-vars', 'role-params'), roleDir, context.baseDir, context.repo, diagnostics);
    for (const d of diagnostics) context.out.notes.push(`${d.file}:${d.line}: variables file not read: ${d.message}`);
    if (map !== null) {
      const entryVars = literalVars(map.get('vars', true), context);
      if (entryVars !== null) vars = vars.with('role-vars', entryVars);
      const params = Object.create(null) as Record<string, unknown>;
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (!ROLE_KEYWORDS.has(key)) params[key] = plainValue(context.document, pair.value);
      }
      if (Object.keys(params).length > 0) vars = vars.with('role-params', plainScope(params, context.file));
    }
    const tasksFile = ['main.yml', 'main.yaml', 'main'].map((n) => join(roleDir, join('tasks', n))).find((p) => context.repo.read(p) !== undefined);
    if (tasksFile === undefined) continue;
    const text = context.repo.read(tasksFile) as string;
    const roleContext: TaskContext = {
      ...context,
      roleDir,
      baseDir: roleDir,
      vars,
      maybe: context.maybe || decided === 'unknown',
      visited: new Set([...context.visited, tasksFile]),
      depth: context.depth + 1,
    };
    walkTaskFile(tasksFile, text, roleContext);
  }
}
