import { isMap, isScalar, isSeq, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex } from '../../../model/source.js';
import type { Edit } from '../../contracts/edits.js';
import { readVariablesFile } from '../../languages/yaml/variables-file.js';
import { normalize } from '../../contracts/repo-paths.js';
import { plainScope, type VariableScope } from '../../contracts/variables.js';
import { JINJA2_NAMESPACES } from '../shared/jinja2-namespaces.js';
import { delegationNote, namesMailServer } from '../shared/delegation.js';
import { ArgumentTemplating } from '../../languages/yaml/jinja-arguments.js';
import { spanOfRange } from '../../languages/yaml/mapped-text.js';
import { parseYaml, plainValue } from '../../languages/yaml/yaml-file.js';
import { commandModule } from './command-modules.js';
import { blockinfile, copyOrTemplate, lineinfile, replaceModule } from './file-modules.js';
import { ModuleCall } from './module-call.js';
import { debconfModule, packageModule } from './package-modules.js';
import { assertModule, osFamiliesOf, osFamilyEdits } from './os-family.js';
import { taskLoop } from './loops.js';
import { layeredScope, type TaskContext } from './task-context.js';

type ModuleHandler = (call: ModuleCall) => Edit[];

/** Modules relaygate reads, by their short name (`ansible.builtin.` and `ansible.legacy.` are the same modules). */
const MODULES: ReadonlyMap<string, ModuleHandler> = new Map<string, ModuleHandler>([
  ['lineinfile', lineinfile],
  ['blockinfile', blockinfile],
  ['replace', replaceModule],
  ['copy', copyOrTemplate],
  ['template', copyOrTemplate],
  ['shell', commandModule],
  ['command', commandModule],
  ['raw', commandModule],
  ['apt', packageModule],
  ['dnf', packageModule],
  ['yum', packageModule],
  ['package', packageModule],
  ['apk', packageModule],
  ['zypper', packageModule],
  ['community.general.apk', packageModule],
  ['community.general.zypper', packageModule],
  ['debconf', debconfModule],
  ['assert', assertModule],
]);

const INCLUDES: ReadonlySet<string> = new Set(['include_tasks', 'import_tasks', 'include']);
const TASK_LISTS = ['pre_tasks', 'tasks', 'post_tasks', 'handlers'] as const;
/** Include depth: Ansible has no limit, we do (bounded work). */
const MAX_INCLUDE_DEPTH = 8;

export function shortModuleName(key: string): string {
  for (const prefix of ['ansible.builtin.', 'ansible.legacy.']) if (key.startsWith(prefix)) return key.slice(prefix.length);
  return key;
}

/** A play: a mapping with `hosts:` (or an `import_playbook`, which has no tasks of its own). */
export function isPlay(node: unknown): boolean {
  return isMap(node) && (node.has('hosts') || node.has('import_playbook') || node.has('ansible.builtin.import_playbook'));
}

/** A play's tasks, with the play's literal `vars:` and `vars_files:` ahead of the repository's variables. */
export function walkPlay(play: YAMLMap, context: TaskContext): void {
  const scopes: VariableScope[] = [];
  const vars = play.get('vars', true);
  if (isMap(vars)) {
    const data = plainValue(context.document, vars);
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) scopes.push(plainScope(data as Record<string, unknown>, context.file));
  }
  const varsFiles = plainValue(context.document, play.get('vars_files', true));
  if (Array.isArray(varsFiles)) {
    for (const name of varsFiles) {
      if (typeof name !== 'string' || name.includes('{{')) continue;
      const path = normalize(context.baseDir === '.' ? name : `${context.baseDir}/${name}`);
      const text = path === null ? undefined : context.repo.read(path);
      if (path === null || text === undefined) continue;
      const layer = readVariablesFile(path, text, []);
      scopes.push({ lookup: (n) => layer.values.get(n) });
    }
  }
  const playContext: TaskContext = {
    ...context,
    vars: layeredScope([...scopes, context.vars]),
    maybe: context.maybe || conditional(play.get('when', true)),
    osFamilies: [...(context.osFamilies ?? []), ...osFamiliesOf(play.get('when', true), context.file, context.at)],
  };
  for (const list of TASK_LISTS) {
    const tasks = play.get(list, true);
    if (isSeq(tasks)) walkTasks(tasks, playContext);
  }
  delegatedRoles(play.get('roles', true), context);
}

/** `roles: [geerlingguy.postfix]` naming a mail role the repository does not hold: a note, not silence. */
function delegatedRoles(roles: unknown, context: TaskContext): void {
  if (!isSeq(roles)) return;
  for (const item of roles.items) {
    const value = isScalar(item) ? item : isMap(item) ? (item.get('role', true) ?? item.get('name', true)) : null;
    if (!isScalar(value) || typeof value.value !== 'string' || !namesMailServer(value.value)) continue;
    const name = value.value;
    const inRepository = [`${context.baseDir === '.' ? '' : `${context.baseDir}/`}roles/${name}`, `roles/${name}`].some((p) => context.repo.isDirectory(p));
    if (inRepository) continue;
    const line = value.range ? context.at(value.range[0]).line : 1;
    context.out.notes.push(delegationNote(context.file, line, `the role ${name}`));
  }
}

export function walkTasks(tasks: YAMLSeq, context: TaskContext): void {
  for (const task of tasks.items) if (isMap(task)) walkTask(task, context);
}

/**
 * `when:` makes a task "maybe": its condition reads facts and inventory
 * relaygate does not have. Only a literal true (`when: true`) is certain.
 */
export function conditional(node: unknown): boolean {
  if (node === undefined || node === null) return false;
  if (isSeq(node)) return node.items.some((item) => conditional(item));
  if (!isScalar(node)) return true;
  const value = node.value;
  if (value === true) return false;
  if (typeof value === 'string' && ['true', 'True', 'yes', 'TRUE'].includes(value.trim())) return false;
  return true;
}

function walkTask(task: YAMLMap, outer: TaskContext): void {
  const maybe = outer.maybe || conditional(task.get('when', true));
  const families = osFamiliesOf(task.get('when', true), outer.file, outer.at);
  const osFamilies = families.length > 0 ? families : (outer.osFamilies ?? []);
  const context: TaskContext = { ...outer, maybe, vars: withTaskVars(task, outer), osFamilies };
  if (task.has('block')) {
    for (const [list, extraMaybe] of [['block', false], ['rescue', true], ['always', false]] as const) {
      const tasks = task.get(list, true);
      if (isSeq(tasks)) walkTasks(tasks, { ...context, maybe: context.maybe || extraMaybe });
    }
    return;
  }
  for (const pair of task.items as Pair[]) {
    if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
    const name = shortModuleName(String(pair.key.value));
    if (INCLUDES.has(name)) {
      followInclude(pair.value, context);
      return;
    }
    const handler = MODULES.get(name);
    if (handler === undefined) continue;
    const keySpan = spanOfRange(pair.key.range[0], pair.key.range[1], context.file, context.at);
    const loop = taskLoop(task, context);
    const items = loop === null ? [undefined] : loop.items;
    for (const item of items) {
      const locals = new Map<string, unknown>();
      if (loop !== null) locals.set(loop.variable, item);
      const templating = new ArgumentTemplating(context.vars, locals, JINJA2_NAMESPACES);
      const call = new ModuleCall(name, keySpan, pair.value, task.get('args', true), maybe || (loop?.unknown ?? false), templating, context);
      const made = handler(call);
      // Read after the handler ran: templating records the variables as it evaluates.
      const variables = [...templating.used].map(([variable, origin]) => ({ name: variable, origin }));
      for (const e of made) context.out.edits.push(variables.length > 0 ? { ...e, variables } : e);
      // A task written for one platform (`when: ansible_os_family == "Debian"`) runs there: that is its base.
      const first = made.find((e) => e.kind !== 'base');
      if (first !== undefined && osFamilies.length > 0) context.out.edits.push(...osFamilyEdits(osFamilies, first.key, first.maybe));
    }
    return;
  }
}

function withTaskVars(task: YAMLMap, context: TaskContext): VariableScope {
  const vars = task.get('vars', true);
  if (!isMap(vars)) return context.vars;
  const data = plainValue(context.document, vars);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return context.vars;
  return layeredScope([plainScope(data as Record<string, unknown>, context.file), context.vars]);
}

/**
 * `include_tasks: postfix.yml` from a playbook: the included file's tasks
 * belong to the playbook's instance (role task files are read on their own,
 * with the role's scope, so they are not followed).
 */
function followInclude(value: unknown, context: TaskContext): void {
  if (context.roleDir !== null || context.depth >= MAX_INCLUDE_DEPTH) return;
  let name: unknown = null;
  if (isScalar(value)) name = value.value;
  else if (isMap(value)) name = plainValue(context.document, value.get('file', true));
  if (typeof name !== 'string' || name.includes('{{')) return;
  const path = normalize(context.baseDir === '.' ? name : `${context.baseDir}/${name}`);
  if (path === null || context.visited.has(path)) return;
  const text = context.repo.read(path);
  if (text === undefined) return;
  context.visited.add(path);
  const index = new LineIndex(text);
  const at = (offset: number) => index.position(offset);
  const parsed = parseYaml(path, text, at, '1.1');
  context.out.diagnostics.push(...parsed.diagnostics);
  for (const document of parsed.documents) {
    if (!isSeq(document.contents)) continue;
    walkTasks(document.contents, { ...context, file: path, source: text, at, document, depth: context.depth + 1 });
  }
}
