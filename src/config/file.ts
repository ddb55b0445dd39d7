import path from 'node:path';
import { plainData } from '../model/plain-data.js';
import { MAX_YAML_DEPTH, offsetPosition, yamlTooDeep } from '../model/yaml-depth.js';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { OptionsError, type Settings } from './options.js';
import { configSchema, SETTING_KEYS, SETTING_SPECS, type SettingSpec } from './settings.js';

/** Looked for at the scan root when no file is named explicitly. */
export const CONFIG_FILE_NAME = '.relaygate.yml';

/** Every key `.relaygate.yml` accepts, in the order error messages list them. */
export const CONFIG_KEYS = SETTING_KEYS;

let compiled: ValidateFunction | null = null;

/** The schema's validator, compiled once (ajv turns a schema into a function; the schema is ours, never the repository's). */
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(configSchema());
  return compiled;
}

/**
 * Reads `.relaygate.yml`: YAML (with source ranges), checked against the
 * schema of src/config/settings.ts with ajv. Every problem is an
 * OptionsError that names the file, the line and column, the key, and what
 * would have been accepted; nothing is guessed or coerced. Relative `vars`
 * and `baseline` paths are relative to the file's own directory (where a
 * reader of the file would look for them) and come back absolute;
 * `include`/`exclude` are globs and stay as written (the scan root is their base).
 *
 * @param text the file's content
 * @param shown the file's name as messages show it
 * @param file the file's absolute path
 */
export function parseConfigFile(text: string, shown: string, file: string): Settings {
  const lines = new LineCounter();
  const deep = yamlTooDeep(text);
  if (deep !== null) {
    const pos = offsetPosition(text, deep);
    throw new OptionsError(`${shown}:${pos.line}:${pos.column}: YAML nested more than ${MAX_YAML_DEPTH} deep`);
  }
  // prettyErrors off: the message stays one line; the position is added below.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): string => {
    if (offset === undefined) return shown;
    const pos = lines.linePos(offset);
    return `${shown}:${pos.line}:${pos.col}`;
  };

  const problem = doc.errors[0];
  if (problem) throw new OptionsError(`${at(problem.pos[0])}: ${problem.message.split('\n')[0]}`);

  const top = doc.contents;
  if (top === null || (isScalar(top) && (top.value === null || top.value === ''))) return {};

  // Aliases are resolved with a cap: a "billion laughs" file must not blow up.
  let data: unknown;
  try {
    data = plainData(doc.toJS({ maxAliasCount: 100 }));
  } catch (e) {
    throw new OptionsError(`${shown}: ${(e as Error).message.split('\n')[0]}`);
  }
  const validate = validator();
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    // A list with a bad entry fails both branches of its anyOf; the entry's own error says more.
    const deeper = new Set(errors.filter((e) => e.instancePath.split('/').length > 2).map((e) => e.instancePath.split('/')[1]));
    const specific = errors.filter((e) => e.instancePath.split('/').length > 2 || !deeper.has(e.instancePath.split('/')[1]));
    const reported = specific.map((e) => explain(e, doc)).sort((a, b) => a.offset - b.offset || a.rank - b.rank)[0];
    if (reported) throw new OptionsError(`${at(reported.offset)}: ${reported.message}`);
    throw new OptionsError(`${shown}: not valid settings`);
  }

  const settings: Settings = {};
  const dir = path.dirname(file);
  const values = data as Record<string, unknown>;
  for (const spec of SETTING_SPECS) {
    if (Object.hasOwn(values, spec.key)) spec.store(settings, values[spec.key], dir);
  }
  return settings;
}

interface Explained {
  offset: number;
  /** Among errors at one place, the one a reader needs first (a wrong type before a wrong value). */
  rank: number;
  message: string;
}

/**
 * An ajv error in the file's own terms: the position of the YAML node its
 * instancePath names (`/include/1` -> the second entry), and a sentence that
 * names the key and what it accepts.
 */
function explain(error: ErrorObject, doc: Document): Explained {
  const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
  const top = doc.contents as Node;
  if (segments.length === 0) {
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      return { offset: keyNode(doc, key)?.range?.[0] ?? 0, rank: 0, message: `unknown key "${key}"; accepted keys: ${CONFIG_KEYS.join(', ')}` };
    }
    return { offset: top.range?.[0] ?? 0, rank: 0, message: `expected a mapping of settings (${CONFIG_KEYS.join(', ')})` };
  }
  const key = segments[0]!;
  const spec = SETTING_SPECS.find((s) => s.key === key)!;
  const valueNode = (doc.getIn([key], true) as Node | null | undefined) ?? null;
  // An empty value (`baseline:`) has no text of its own: point at its key instead.
  const where = (node: Node | null): number =>
    (node && !(isScalar(node) && node.value === null) ? node.range?.[0] : undefined) ?? keyNode(doc, key)?.range?.[0] ?? 0;

  if (segments.length >= 2 && spec.type.kind === 'list' && isSeq(valueNode)) {
    const index = Number(segments[1]);
    const entry = (valueNode.items[index] as Node | null | undefined) ?? null;
    return { offset: entry?.range?.[0] ?? where(valueNode), rank: 0, message: `each ${key} entry must be a non-empty string, not ${describe(entry)}` };
  }
  const rank = error.keyword === 'type' ? 0 : 1;
  if (spec.type.kind === 'rules') return explainRules(error, segments, spec.type, valueNode, where);
  switch (spec.type.kind) {
    case 'enum': {
      const value = isScalar(valueNode) ? valueNode.value : undefined;
      const message =
        typeof value === 'string' && value.trim() !== ''
          ? `${key}: "${value}" is not one of ${spec.type.values.join(', ')}`
          : `${key} must be a string, not ${describe(valueNode)}`;
      return { offset: where(valueNode), rank, message };
    }
    case 'string':
      return { offset: where(valueNode), rank, message: `${key} must be ${spec.type.what}, not ${describe(valueNode)}` };
    case 'list':
      return { offset: where(valueNode), rank, message: `${key} must be a string or a list of strings, not ${describe(valueNode)}` };
  }
}

/** `rules:` errors: not a mapping, an id that is no rule (with the ids), a setting that is not accepted. */
function explainRules(
  error: ErrorObject,
  segments: string[],
  type: { ids: readonly string[]; values: readonly string[] },
  valueNode: Node | null,
  where: (node: Node | null) => number,
): Explained {
  const accepted = type.values.join(', ');
  const propertyName = (error as { propertyName?: string }).propertyName ?? (error.params as { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    const pair = isMap(valueNode) ? valueNode.items.find((p) => isScalar(p.key) && String(p.key.value) === propertyName) : undefined;
    const at = (pair?.key as Node | undefined)?.range?.[0] ?? where(valueNode);
    return { offset: at, rank: 0, message: `rules: unknown rule id "${propertyName}"; rule ids: ${type.ids.join(', ')}` };
  }
  if (segments.length < 2) {
    const what = isScalar(valueNode) && typeof valueNode.value === 'string' && valueNode.value !== '' ? `the string "${valueNode.value}"` : describe(valueNode);
    return { offset: where(valueNode), rank: 0, message: `rules must be a mapping of rule ids to ${accepted}, not ${what}` };
  }
  const id = segments[1]!;
  const entry = isMap(valueNode) ? ((valueNode.get(id, true) as Node | null | undefined) ?? null) : null;
  const value = isScalar(entry) ? entry.value : undefined;
  const message =
    typeof value === 'string' && value.trim() !== ''
      ? `rules: ${id}: "${value}" is not one of ${accepted}`
      : `rules: ${id} must be one of ${accepted}, not ${describe(entry)}`;
  return { offset: entry?.range?.[0] ?? where(valueNode), rank: 1, message };
}

function keyNode(doc: Document, key: string): Node | null {
  const top = doc.contents;
  if (!isMap(top)) return null;
  const pair = top.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key as Node | undefined) ?? null;
}

/** JSON Pointer segment (RFC 6901): `~1` is `/`, `~0` is `~`. */
function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
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

export type { SettingSpec };
