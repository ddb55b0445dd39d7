import { isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex } from '../../../model/source.js';
import type { Edit } from '../../contracts/edits.js';
import { join, normalize } from '../../contracts/repo-paths.js';
import type { VariableBinding, VariableScope } from '../../contracts/variables.js';
import { ArgumentTemplating } from '../../languages/yaml/jinja-arguments.js';
import { spanOfRange } from '../../languages/yaml/mapped-text.js';
import { parseYaml, plainValue } from '../../languages/yaml/yaml-file.js';
import { JINJA2_NAMESPACES } from '../shared/jinja2-namespaces.js';
import { commandModule } from './command-modules.js';
import { decideWhen } from './conditions.js';
import { blockinfile, copyOrTemplate, lineinfile, replaceModule } from './file-modules.js';
import { taskLoop } from './loops.js';
import { ModuleCall } from './module-call.js';
import { packageModule } from './package-modules.js';
import type { Layer } from './precedence.js';
import { includeVars, setFact } from './runtime-modules.js';
import { scriptModule } from './script-module.js';
import { currentVars, type TaskContext } from './task-context.js';

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
  ['script', scriptModule],
  ['apt', packageModule],
  ['dnf', packageModule],
  ['yum', packageModule],
  ['package', packageModule],
  ['set_fact', setFact],
  ['include_vars', includeVars],
]);

const INCLUDES: ReadonlySet<string> = new Set(['include_tasks', 'import_tasks', 'include']);
/** Include depth: Ansible has no limit, we do (bounded work). */
export const MAX_INCLUDE_DEPTH = 8;

export function shortModuleName(key: string): string {
  for (const prefix of ['ansible.builtin.', 'ansible.legacy.']) if (key.startsWith(prefix)) return key.slice(prefix.length);
  return key;
}

/** A literal `vars:` mapping of a play, block, task or role entry as a scope; null when absent or not a mapping. */
export function literalVars(node: unknown, context: TaskContext): VariableScope | null {
  if (!isMap(node)) return null;
  const bindings = new Map<string, VariableBinding>();
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const line = pair.key.range ? context.at(pair.key.range[0]).line : 1;
    bindings.set(String(pair.key.value), { value: plainValue(context.document, pair.value), origin: { file: context.file, line } });
  }
  return { lookup: (name) => bindings.get(name) };
}

export function walkTasks(tasks: YAMLSeq, context: TaskContext): void {
  for (const task of tasks.items) if (isMap(task)) walkTask(task, context);
}

function withVars(context: TaskContext, layer: Layer, node: unknown): TaskContext {
  const scope = literalVars(node, context);
  return scope === null ? context : { ...context, vars: context.vars.with(layer, scope) };
}

function walkTask(task: YAMLMap, outer: TaskContext): void {
  if (task.has('block')) {
    const context = withVars(outer, 'block-vars', task.get('vars', true));
    const decided = decideWhen(task.get('when', true), templatingFor(context, new Map()));
    if (decided === false) return;
    const maybe = context.maybe || decided === 'unknown';
    for (const [list, extraMaybe] of [['block', false], ['rescue', true], ['always', false]] as const) {
      const tasks = task.get(list, true);
      if (isSeq(tasks)) walkTasks(tasks, { ...context, maybe: maybe || extraMaybe });
    }
    return;
  }
  const context = withVars(outer, 'task-vars', task.get('vars', true));
  for (const pair of task.items) {
    if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
    const name = shortModuleName(String(pair.key.value));
    if (INCLUDES.has(name)) {
      const decided = decideWhen(task.get('when', true), templatingFor(context, new Map()));
      if (decided !== false) followInclude(pair.value, { ...context, maybe: context.maybe || decided === 'unknown' });
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
      const templating = templatingFor(context, locals);
      // `when:` is evaluated for each loop item, with the item (playbook/conditional.py).
      const decided = decideWhen(task.get('when', true), templating);
      if (decided === false) continue;
      const maybe = context.maybe || decided === 'unknown' || (loop?.unknown ?? false);
      const call = new ModuleCall(name, keySpan, pair.value, task.get('args', true), maybe, templating, context);
      const made = handler(call);
      // Read after the handler ran: templating records the variables as it evaluates.
      const variables = [...(loop?.used ?? []), ...templating.used].map(([variable, origin]) => ({ name: variable, origin }));
      const vars = currentVars(context);
      for (const e of made) {
        const withTemplateVars = e.kind === 'link' ? { ...e, templateVariables: vars } : e;
        context.out.edits.push(variables.length > 0 ? { ...withTemplateVars, variables } : withTemplateVars);
      }
    }
    return;
  }
}

/** The templating of one task (one loop item): the variables it sees now, and the item. */
export function templatingFor(context: TaskContext, locals: Map<string, unknown>): ArgumentTemplating {
  return new ArgumentTemplating(currentVars(context), locals, JINJA2_NAMESPACES);
}

/**
 * `include_tasks: postfix.yml` / `import_tasks`: the included file's tasks
 * run here, in this instance, seeing what earlier tasks set. A role's
 * includes name files of its `tasks/` folder; a playbook's, files beside it.
 */
function followInclude(value: unknown, context: TaskContext): void {
  if (context.depth >= MAX_INCLUDE_DEPTH) return;
  let name: unknown = null;
  if (isScalar(value)) name = value.value;
  else if (isMap(value)) name = plainValue(context.document, value.get('file', true));
  if (typeof name !== 'string' || name.includes('{{')) return;
  const folder = context.roleDir !== null ? join(context.roleDir, 'tasks') : context.baseDir;
  const path = normalize(join(folder, name));
  if (path === null || context.visited.has(path)) return;
  const text = context.repo.read(path);
  if (text === undefined) return;
  context.visited.add(path);
  walkTaskFile(path, text, { ...context, depth: context.depth + 1 });
}

/** The tasks of one file (a list of tasks), walked in this context. */
export function walkTaskFile(path: string, text: string, context: TaskContext): void {
  const index = new LineIndex(text);
  const at = (offset: number) => index.position(offset);
  const parsed = parseYaml(path, text, at, '1.1');
  context.out.diagnostics.push(...parsed.diagnostics);
  for (const document of parsed.documents) {
    if (!isSeq(document.contents)) continue;
    walkTasks(document.contents, { ...context, file: path, source: text, at, document });
  }
}
