import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { FAIL_ON_VALUES, INDETERMINATE_VALUES, oneOf, OptionsError, parseProfile, type Settings } from './options.js';

/** Looked for at the scan root when no file is named explicitly. */
export const CONFIG_FILE_NAME = '.relaygate.yml';

/** Every key `.relaygate.yml` accepts, in the order error messages list them. */
export const CONFIG_KEYS = ['profile', 'fail-on', 'indeterminate', 'include', 'exclude', 'vars', 'baseline'] as const;
type ConfigKey = (typeof CONFIG_KEYS)[number];

/**
 * Reads `.relaygate.yml`. Every problem is an OptionsError that names the
 * file, the line and column, and what would have been accepted; nothing is
 * guessed. Relative `vars` and `baseline` paths are relative to the file's own
 * directory (where a reader of the file would look for them) and come back
 * absolute; `include`/`exclude` are globs and stay as written (the scan root
 * is their base).
 *
 * @param text the file's content
 * @param shown the file's name as messages show it
 * @param file the file's absolute path
 */
export function parseConfigFile(text: string, shown: string, file: string): Settings {
  const lines = new LineCounter();
  // prettyErrors off: the message stays one line; the position is added below.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): string => {
    if (offset === undefined) return shown;
    const pos = lines.linePos(offset);
    return `${shown}:${pos.line}:${pos.col}`;
  };
  const fail = (node: Node | null | undefined, message: string): never => {
    throw new OptionsError(`${at(node?.range?.[0])}: ${message}`);
  };

  const problem = doc.errors[0];
  if (problem) throw new OptionsError(`${at(problem.pos[0])}: ${problem.message.split('\n')[0]}`);

  const top = doc.contents;
  if (top === null || (isScalar(top) && (top.value === null || top.value === ''))) return {};
  if (!isMap(top)) return fail(top, `expected a mapping of settings (${CONFIG_KEYS.join(', ')})`);

  const settings: Settings = {};
  const dir = path.dirname(file);
  for (const pair of top.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      fail(keyNode, `unknown key "${key}"; accepted keys: ${CONFIG_KEYS.join(', ')}`);
    }
    const setting = key as ConfigKey;
    const value = (pair.value as Node | null) ?? null;
    // An empty value (`baseline:`) has no text of its own: point at its key instead.
    const where = (node: Node | null): string =>
      at(node && !(isScalar(node) && node.value === null) ? node.range?.[0] : keyNode?.range?.[0]);
    // A string checked by a shared validator, which names the setting; the
    // position goes in front so the message points into the file.
    const enumerated = <T>(validate: (text: string) => T): T => {
      const text = scalarString(value, setting, where);
      try {
        return validate(text);
      } catch (e) {
        if (e instanceof OptionsError) throw new OptionsError(`${where(value)}: ${e.message}`);
        throw e;
      }
    };
    switch (setting) {
      case 'profile':
        settings.profile = enumerated((text) => parseProfile(setting, text));
        break;
      case 'fail-on':
        settings.failOn = enumerated((text) => oneOf(setting, text, FAIL_ON_VALUES));
        break;
      case 'indeterminate':
        settings.indeterminate = enumerated((text) => oneOf(setting, text, INDETERMINATE_VALUES));
        break;
      case 'include':
      case 'exclude':
        settings[setting] = stringList(value, setting, where);
        break;
      case 'vars':
        settings.vars = stringList(value, setting, where).map((p) => path.resolve(dir, p));
        break;
      case 'baseline':
        settings.baseline = path.resolve(dir, scalarString(value, setting, where, 'a file path'));
        break;
    }
  }
  return settings;
}

type Locate = (node: Node | null) => string;

/** A plain string value; YAML numbers or booleans are refused rather than coerced. */
function scalarString(node: Node | null, key: string, where: Locate, what = 'a string'): string {
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value;
  throw new OptionsError(`${where(node)}: ${key} must be ${what}, not ${describe(node)}`);
}

/** One string or a list of strings (globs or file paths). */
function stringList(node: Node | null, key: string, where: Locate): string[] {
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return [node.value];
  if (isSeq(node)) {
    return node.items.map((entry) => {
      const item = (entry as Node | null) ?? null;
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') return item.value;
      throw new OptionsError(`${where(item ?? node)}: each ${key} entry must be a non-empty string, not ${describe(item)}`);
    });
  }
  throw new OptionsError(`${where(node)}: ${key} must be a string or a list of strings, not ${describe(node)}`);
}

function describe(node: Node | null): string {
  if (node === null || node === undefined) return 'an empty value';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'an empty value';
    if (typeof v === 'string') return 'an empty string';
    return `${typeof v} ${JSON.stringify(v)}`;
  }
  return 'an unsupported value';
}
