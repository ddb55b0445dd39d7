import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { Span } from '../../../model/span.js';
import { ArgumentTemplating } from '../../languages/yaml/jinja-arguments.js';
import type { MappedText } from '../../languages/yaml/mapped-text.js';
import { scalarText } from '../../languages/yaml/scalar-text.js';
import { plainValue } from '../../languages/yaml/yaml-file.js';
import { parseFreeForm } from './free-form.js';
import type { TaskContext } from './task-context.js';

/** One module argument: its YAML node (a map or list value) and, for scalars and free-form words, its text. */
export interface ModuleArgument {
  node: unknown;
  text: MappedText | null;
}

/** Ansible's boolean spellings (module_utils/parsing/convert_bool.py). */
const TRUE_WORDS: ReadonlySet<string> = new Set(['yes', 'on', '1', 'true', 'y', 't']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['no', 'off', '0', 'false', 'n', 'f']);

/**
 * A module invocation of one task (for one loop item): `lineinfile: {...}`
 * or `lineinfile: path=... line=...`, merged with the task's `args:`.
 */
export class ModuleCall {
  readonly arguments = new Map<string, ModuleArgument>();
  /** The scalar value of `module: text` (the command of `shell:`), before k=v splitting. */
  readonly freeForm: MappedText | null;
  /** The YAML node of `module: text`, when the module's value is a scalar. */
  readonly freeFormNode: unknown;

  constructor(
    readonly module: string,
    readonly keySpan: Span,
    value: unknown,
    taskArgs: unknown,
    readonly maybe: boolean,
    readonly templating: ArgumentTemplating,
    readonly context: TaskContext,
  ) {
    this.freeForm = null;
    this.freeFormNode = isScalar(value) ? value : null;
    if (isScalar(value)) {
      const text = scalarText(value, context.source);
      this.freeForm = text;
      if (text !== null) {
        for (const argument of parseFreeForm(text).arguments) this.arguments.set(argument.name, { node: null, text: argument.value });
      }
    } else if (isMap(value)) this.addMap(value);
    if (isMap(taskArgs)) this.addMap(taskArgs);
  }

  private addMap(map: YAMLMap): void {
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      this.arguments.set(name, { node: pair.value, text: scalarText(pair.value, this.context.source) });
    }
  }

  has(name: string): boolean {
    return this.arguments.has(name);
  }

  /** The argument's text with its Jinja2 resolved; null when absent or not a scalar. */
  text(...names: string[]): { text: MappedText; unknown: boolean; name: string } | null {
    for (const name of names) {
      const argument = this.arguments.get(name);
      if (argument?.text === null || argument?.text === undefined) continue;
      return { ...this.templating.render(argument.text), name };
    }
    return null;
  }

  /** The resolved plain value (a list stays a list; strings are templated), undefined when absent. */
  value(name: string): unknown {
    const argument = this.arguments.get(name);
    if (argument === undefined) return undefined;
    if (argument.node !== null && (isSeq(argument.node) || isMap(argument.node))) return plainValue(this.context.document, argument.node);
    if (isScalar(argument.node) && typeof argument.node.value !== 'string') return argument.node.value;
    if (argument.text === null) return null;
    return this.templating.value(argument.text.text);
  }

  /** Ansible's boolean reading of an argument; undefined when absent or not decidable. */
  bool(name: string): boolean | undefined {
    const value = this.value(name);
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
    if (typeof value !== 'string') return undefined;
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return undefined;
  }
}
