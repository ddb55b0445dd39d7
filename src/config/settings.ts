import path from 'node:path';
import { RULES } from '../rules/index.js';
import { PROFILE_IDS } from '../rules/profiles.js';
import { FAIL_ON_VALUES, INDETERMINATE_VALUES, RULE_SETTING_VALUES, type RuleSetting, type Settings } from './options.js';

/** A JSON Schema fragment (draft-07). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * What a setting's value looks like, in the words error messages use
 * ("must be a file path"), with its JSON Schema.
 */
export type SettingKind =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'string'; what: string }
  | { kind: 'list'; what: string }
  /** A mapping of rule ids to one of `values` (YAML `true`/`false` mean on/off). */
  | { kind: 'rules'; ids: readonly string[]; values: readonly string[] };

/** One key of `.relaygate.yml`: its schema, its words, and how its checked value enters Settings. */
export interface SettingSpec {
  /** The key in the file (and the CLI flag and action input of the same name). */
  key: string;
  /** One sentence for the schema's description (editors show it). */
  description: string;
  type: SettingKind;
  /** Stores a value the schema accepted; `dir` is the file's directory (relative paths are relative to it). */
  store(settings: Settings, value: unknown, dir: string): void;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : [value as string]);

/**
 * Every setting `.relaygate.yml` accepts, in the order messages list them:
 * the one definition the file's validation and schema/relaygate.schema.json
 * are made from. Adding a key is one entry here (and its field in Settings).
 */
export const SETTING_SPECS: readonly SettingSpec[] = [
  {
    key: 'profile',
    description: 'STIG profile the findings are judged against and whose ids they carry.',
    type: { kind: 'enum', values: PROFILE_IDS },
    store: (s, v) => void (s.profile = v as Settings['profile']),
  },
  {
    key: 'fail-on',
    description: 'Lowest level that fails the job (exit status 1); never only reports.',
    type: { kind: 'enum', values: FAIL_ON_VALUES },
    store: (s, v) => void (s.failOn = v as Settings['failOn']),
  },
  {
    key: 'indeterminate',
    description: 'Level of results that depend on values relaygate could not resolve; ignore drops them.',
    type: { kind: 'enum', values: INDETERMINATE_VALUES },
    store: (s, v) => void (s.indeterminate = v as Settings['indeterminate']),
  },
  {
    key: 'include',
    description: 'Extra globs to scan, relative to the scan root (added to the defaults).',
    type: { kind: 'list', what: 'a glob' },
    store: (s, v) => void (s.include = asList(v)),
  },
  {
    key: 'exclude',
    description: 'Globs to leave out, relative to the scan root.',
    type: { kind: 'list', what: 'a glob' },
    store: (s, v) => void (s.exclude = asList(v)),
  },
  {
    key: 'vars',
    description: 'Extra template variables files (YAML or JSON), relative to this file; highest precedence.',
    type: { kind: 'list', what: 'a file path' },
    store: (s, v, dir) => void (s.vars = asList(v).map((p) => path.resolve(dir, p))),
  },
  {
    key: 'baseline',
    description: 'An earlier JSON report, relative to this file: its findings are reported as suppressed and do not fail.',
    type: { kind: 'string', what: 'a file path' },
    store: (s, v, dir) => void (s.baseline = path.resolve(dir, v as string)),
  },
  {
    key: 'rules',
    description: 'Per rule: off turns it off, on keeps its level, error/warning/note sets the level of its findings.',
    type: { kind: 'rules', ids: RULES.map((r) => r.meta.id), values: RULE_SETTING_VALUES },
    store: (s, v) => void (s.rules = ruleSettings(v as Record<string, boolean | RuleSetting>)),
  },
];

/** Rule ids come from the repository: a null-prototype map, so `__proto__` stays a (refused) key. */
function ruleSettings(value: Record<string, boolean | RuleSetting>): Record<string, RuleSetting> {
  const out = Object.create(null) as Record<string, RuleSetting>;
  for (const [id, setting] of Object.entries(value)) out[id] = setting === true ? 'on' : setting === false ? 'off' : setting;
  return out;
}

export const SETTING_KEYS: readonly string[] = SETTING_SPECS.map((s) => s.key);

/** A non-empty string: an empty one (or only blanks) is never a useful value. */
const NON_EMPTY: JsonSchema = { type: 'string', minLength: 1, pattern: '\\S' };

function valueSchema(type: SettingKind): JsonSchema {
  switch (type.kind) {
    case 'enum':
      return { type: 'string', enum: [...type.values] };
    case 'string':
      return NON_EMPTY;
    case 'list':
      return { anyOf: [NON_EMPTY, { type: 'array', items: NON_EMPTY }] };
    case 'rules':
      return {
        type: 'object',
        propertyNames: { enum: [...type.ids] },
        additionalProperties: { anyOf: [{ type: 'boolean' }, { type: 'string', enum: [...type.values] }] },
      };
  }
}

export const SCHEMA_ID = 'https://raw.githubusercontent.com/relaygate/relaygate/v1/schema/relaygate.schema.json';

/** The JSON Schema of `.relaygate.yml` (schema/relaygate.schema.json is this, written by `npm run docs`). */
export function configSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const spec of SETTING_SPECS) {
    const values = spec.type.kind === 'enum' ? ` One of: ${spec.type.values.join(', ')}.` : '';
    properties[spec.key] = { description: `${spec.description}${values}`, ...valueSchema(spec.type) };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'relaygate settings (.relaygate.yml)',
    description:
      'Settings for relaygate, read from .relaygate.yml at the scan root. Command-line flags and action inputs override them.',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}
