import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { UNDEFINED, UNKNOWN, isPlainObject } from '../../contracts/values.js';
import type { VariableOrigin } from '../../contracts/variables.js';
import { templateDeep } from './runtime-modules.js';
import { JINJA2_NAMESPACES } from '../shared/jinja2-namespaces.js';
import { ArgumentTemplating } from '../../languages/yaml/jinja-arguments.js';
import { plainValue } from '../../languages/yaml/yaml-file.js';
import { currentVars, type TaskContext } from './task-context.js';

/** More loop items than this are not expanded one by one (bounded work). */
export const MAX_LOOP_ITEMS = 1000;

export interface TaskLoop {
  /** `item`, or `loop_control.loop_var`. */
  variable: string;
  items: unknown[];
  /** The loop's data could not be resolved: one pass with an unknown item, and every edit is maybe. */
  unknown: boolean;
  /** Repository variables the loop's items were templated from. */
  used: Map<string, VariableOrigin | null>;
}

const LOOP_KEYS = ['loop', 'with_items', 'with_list', 'with_dict', 'with_flattened'] as const;

/**
 * A task's loop: a literal YAML list (or a variable the repository declares
 * as a list) is expanded item by item; anything else (a lookup, a fact, an
 * inventory variable) is one unknown item.
 */
export function taskLoop(task: YAMLMap, context: TaskContext): TaskLoop | null {
  const keyName = LOOP_KEYS.find((k) => task.has(k));
  if (keyName === undefined) {
    const other = task.items.find((pair) => isScalar(pair.key) && String(pair.key.value).startsWith('with_'));
    if (other === undefined) return null;
    return { variable: loopVariable(task, context), items: [UNKNOWN], unknown: true, used: new Map() };
  }
  const node = task.get(keyName, true);
  // Ansible templates the loop term, strings inside a literal list included, before the first item runs.
  const templating = new ArgumentTemplating(currentVars(context), new Map(), JINJA2_NAMESPACES);
  let data: unknown;
  if (isSeq(node) || isMap(node)) data = templateDeep(plainValue(context.document, node), templating);
  else if (isScalar(node) && typeof node.value === 'string') data = templateDeep(templating.value(node.value), templating);
  else data = UNKNOWN;
  if (keyName === 'with_dict' && isPlainObject(data)) data = Object.entries(data).map(([key, value]) => ({ key, value }));
  if ((keyName === 'with_items' || keyName === 'with_flattened') && Array.isArray(data)) data = data.flatMap((d: unknown) => (Array.isArray(d) ? (d as unknown[]) : [d]));
  const variable = loopVariable(task, context);
  // An item with an unknown part is still one item: the edits it makes carry the unknown text.
  if (!Array.isArray(data) || data.length > MAX_LOOP_ITEMS || data.some((d) => d === UNKNOWN || d === UNDEFINED)) {
    return { variable, items: [UNKNOWN], unknown: true, used: templating.used };
  }
  return { variable, items: data, unknown: false, used: templating.used };
}

function loopVariable(task: YAMLMap, context: TaskContext): string {
  const control = task.get('loop_control', true);
  if (isMap(control)) {
    const value = plainValue(context.document, control.get('loop_var', true));
    if (typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return value;
  }
  return 'item';
}
