import { isMap, isSeq } from 'yaml';
import { UNKNOWN_MARK } from '../../../model/source.js';
import type { Edit } from '../../contracts/edits.js';
import { join, normalize } from '../../contracts/repo-paths.js';
import { deepEqual, isPlainObject, UNKNOWN } from '../../contracts/values.js';
import type { VariableBinding } from '../../contracts/variables.js';
import type { ArgumentTemplating } from '../../languages/yaml/jinja-arguments.js';
import { readVariablesFile, type VariablesDiagnostic } from '../../languages/yaml/variables-file.js';
import { plainValue } from '../../languages/yaml/yaml-file.js';
import type { ModuleCall } from './module-call.js';
import { currentVars } from './task-context.js';

/** Ansible templates every string inside a module argument (a set_fact dict, a loop list) before the module sees it. */
export function templateDeep(value: unknown, templating: ArgumentTemplating, depth = 0): unknown {
  if (depth > 32) return UNKNOWN;
  if (typeof value === 'string') return value.includes('{{') || value.includes('{%') ? templating.value(value) : value;
  if (Array.isArray(value)) return value.map((v) => templateDeep(v, templating, depth + 1));
  if (isPlainObject(value)) {
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) out[k] = templateDeep(v, templating, depth + 1);
    return out;
  }
  return value;
}

/** Options of set_fact that are not facts. */
const SET_FACT_OPTIONS: ReadonlySet<string> = new Set(['cacheable']);

/**
 * set_fact: each argument becomes a variable for the tasks after it (and the
 * templates they deploy), its value templated now, as the module does. A
 * set_fact that may not run (an undecided `when:`, an unknown loop) leaves
 * the variable unknown.
 */
export function setFact(call: ModuleCall): Edit[] {
  const { context } = call;
  for (const [name, argument] of call.arguments) {
    if (SET_FACT_OPTIONS.has(name) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    let value: unknown;
    if (argument.node !== null && (isMap(argument.node) || isSeq(argument.node))) value = templateDeep(plainValue(context.document, argument.node), call.templating);
    else value = call.value(name);
    const node = argument.node as { range?: [number, number, number] } | null;
    const line = node?.range !== undefined ? context.at(node.range[0]).line : call.keySpan.line;
    context.runtime.setFacts.set(name, { value: call.maybe ? UNKNOWN : value, origin: { file: context.file, line } });
  }
  return [];
}

/** Where include_vars looks for a relative file: the role's `vars/`, the role, its `tasks/`; a playbook's folder. */
function searchFolders(call: ModuleCall): string[] {
  const { roleDir, baseDir } = call.context;
  return roleDir !== null ? [join(roleDir, 'vars'), roleDir, join(roleDir, 'tasks')] : [join(baseDir, 'vars'), baseDir];
}

/** File names in `folder` that `pattern` (a name with unknown parts, UNKNOWN_MARK) may be. */
function candidatesIn(call: ModuleCall, folder: string, pattern: string): string[] {
  const slash = pattern.lastIndexOf('/');
  const dir = slash < 0 ? folder : normalize(join(folder, pattern.slice(0, slash)));
  const name = slash < 0 ? pattern : pattern.slice(slash + 1);
  if (dir === null || dir.includes(UNKNOWN_MARK)) return [];
  const parts = name.split(UNKNOWN_MARK);
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  return call.context.repo
    .list(dir)
    .filter((n) => n.length >= first.length + last.length && n.startsWith(first) && n.endsWith(last) && /\.(?:ya?ml|json)$/.test(n))
    .map((n) => join(dir, n))
    .filter((p) => !call.context.repo.isDirectory(p));
}

/**
 * include_vars (ansible.builtin.include_vars): a literal file's variables
 * are set for the tasks after it. A file chosen by an expression relaygate
 * cannot evaluate (`"{{ ansible_distribution_release }}.yml"`, a
 * `with_first_found` item) may be any file its known parts match: every
 * variable those files define becomes unknown. `name:` puts the variables
 * under one dict variable.
 */
export function includeVars(call: ModuleCall): Edit[] {
  const { context } = call;
  const file = call.freeForm !== null && !call.has('file') && !call.has('dir') ? call.templating.render(call.freeForm) : call.text('file', '_raw_params');
  const dir = call.text('dir');
  const namespace = call.value('name');
  const found: { path: string; certain: boolean }[] = [];
  if (file !== null) {
    const text = file.text.text.trim();
    if (text === '' || text.startsWith('/')) return [];
    const unknown = text.includes(UNKNOWN_MARK);
    for (const folder of searchFolders(call)) {
      if (unknown) {
        found.push(...candidatesIn(call, folder, text).map((path) => ({ path, certain: false })));
        continue;
      }
      const path = normalize(join(folder, text));
      if (path !== null && context.repo.read(path) !== undefined) {
        found.push({ path, certain: !call.maybe });
        break;
      }
    }
  } else if (dir !== null) {
    const text = dir.text.text.trim();
    const folder = text.includes(UNKNOWN_MARK) ? null : normalize(join(context.roleDir ?? context.baseDir, text));
    if (folder === null) {
      context.out.notes.push(`${context.file}:${call.keySpan.line}: include_vars dir could not be resolved; the variables it sets are not known`);
      return [];
    }
    for (const n of context.repo.list(folder)) if (/\.(?:ya?ml|json)$/.test(n)) found.push({ path: join(folder, n), certain: !call.maybe });
  }
  const bindings = new Map<string, VariableBinding>();
  const before = currentVars(context);
  for (const { path, certain } of found) {
    const text = context.repo.read(path);
    if (text === undefined) continue;
    const diagnostics: VariablesDiagnostic[] = [];
    const layer = readVariablesFile(path, text, diagnostics);
    for (const d of diagnostics) context.out.notes.push(`${d.file}:${d.line}: variables file not read: ${d.message}`);
    for (const [name, binding] of layer.values) {
      const earlier = bindings.get(name);
      // A candidate that gives a variable the value it already has (the role's vars/main.yml among them) changes nothing.
      const unchanged = !certain && deepEqual(before.lookup(name)?.value, binding.value) && (earlier === undefined || earlier.value !== UNKNOWN);
      if (unchanged) continue;
      bindings.set(name, certain && earlier === undefined ? binding : { value: UNKNOWN, origin: binding.origin });
    }
  }
  if (typeof namespace === 'string' && namespace !== '') {
    const value = Object.create(null) as Record<string, unknown>;
    for (const [name, binding] of bindings) value[name] = binding.value;
    const certain = found.length > 0 && found.every((f) => f.certain);
    context.runtime.includeVars.set(namespace, { value: certain ? value : UNKNOWN, origin: { file: context.file, line: call.keySpan.line } });
    return [];
  }
  for (const [name, binding] of bindings) context.runtime.includeVars.set(name, binding);
  return [];
}
