import { parseArgs } from 'node:util';
import { FORMATS, type Format } from '../report/index.js';
import { FAIL_ON_VALUES, INDETERMINATE_VALUES, oneOf, OptionsError, parseProfile, type Settings } from './options.js';
import { PROFILE_IDS } from '../rules/profiles.js';

/** A command line that cannot be run as written; the CLI prints the message and exits 2. */
export class UsageError extends OptionsError {
  override name = 'UsageError';
}

export const HELP_HINT = '(see relaygate --help)';

/** The command line, parsed and validated; paths are still as the user typed them. */
export interface CliArgs {
  help: boolean;
  version: boolean;
  /** Print the stack of an internal error (src/cli/internal-error.ts reads the flag itself). */
  debug: boolean;
  format: Format;
  output: string | null;
  config: string | null;
  /** The file listing changed paths (`--changed`). */
  changed: string | null;
  /** A checkout of the commit the changed paths are relative to (`--base`). */
  base: string | null;
  /** profile, fail-on, indeterminate, include, exclude, vars, baseline; vars and baseline relative to the current directory. */
  settings: Settings;
  paths: string[];
}

interface FlagSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** What a value looks like, for "needs a value" messages. */
  accepts?: string;
}

const FLAGS: Record<string, FlagSpec> = {
  format: { type: 'string', accepts: listOf(FORMATS) },
  output: { type: 'string', accepts: 'a file path' },
  config: { type: 'string', accepts: 'a file path' },
  profile: { type: 'string', accepts: listOf(PROFILE_IDS) },
  'fail-on': { type: 'string', accepts: listOf(FAIL_ON_VALUES) },
  indeterminate: { type: 'string', accepts: listOf(INDETERMINATE_VALUES) },
  include: { type: 'string', multiple: true, accepts: 'a glob' },
  exclude: { type: 'string', multiple: true, accepts: 'a glob' },
  vars: { type: 'string', multiple: true, accepts: 'a file path' },
  baseline: { type: 'string', accepts: 'a file path' },
  changed: { type: 'string', accepts: 'a file path' },
  base: { type: 'string', accepts: 'a directory' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  debug: { type: 'boolean' },
};

function listOf(values: readonly string[]): string {
  return `one of ${values.join(', ')}`;
}

/**
 * Parses `relaygate [options] [path...]` with node:util parseArgs. Errors are
 * UsageErrors of one line that name the flag, say what it accepts and point
 * at --help. parseArgs runs non-strict so that every mistake gets our own
 * message rather than Node's; each token is then checked here.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const options = Object.fromEntries(
    Object.entries(FLAGS).map(([name, f]) => [name, f.short ? { type: f.type, short: f.short } : { type: f.type }]),
  ) as Record<string, { type: 'string' | 'boolean'; short?: string }>;
  const { tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });

  const strings = new Map<string, string[]>();
  const booleans = new Set<string>();
  const paths: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      paths.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const spec = FLAGS[token.name];
    if (!spec) {
      throw new UsageError(`unknown option ${token.rawName} ${HELP_HINT}`);
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value ${HELP_HINT}`);
      booleans.add(token.name);
      continue;
    }
    // Non-strict parseArgs takes the next argument even when it is another flag
    // (`--format --help`): that is a forgotten value, not a value.
    const value = token.value;
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('--'))) {
      throw new UsageError(`--${token.name} needs a value: ${spec.accepts} ${HELP_HINT}`);
    }
    const list = strings.get(token.name) ?? [];
    // A single-valued flag given twice: the last one wins, as in most tools.
    strings.set(token.name, spec.multiple ? [...list, value] : [value]);
  }

  const one = (name: string): string | undefined => strings.get(name)?.[0];
  const validated = <T>(validate: () => T): T => {
    try {
      return validate();
    } catch (e) {
      if (e instanceof OptionsError) throw new UsageError(`${e.message} ${HELP_HINT}`);
      throw e;
    }
  };

  const settings: Settings = {};
  const profile = one('profile');
  if (profile !== undefined) settings.profile = validated(() => parseProfile('--profile', profile));
  const failOn = one('fail-on');
  if (failOn !== undefined) settings.failOn = validated(() => oneOf('--fail-on', failOn, FAIL_ON_VALUES));
  const indeterminate = one('indeterminate');
  if (indeterminate !== undefined) {
    settings.indeterminate = validated(() => oneOf('--indeterminate', indeterminate, INDETERMINATE_VALUES));
  }
  for (const list of ['include', 'exclude', 'vars'] as const) {
    const values = strings.get(list);
    if (values) settings[list] = values;
  }
  const baseline = one('baseline');
  if (baseline !== undefined) settings.baseline = baseline;

  const format = one('format');
  return {
    help: booleans.has('help'),
    version: booleans.has('version'),
    debug: booleans.has('debug'),
    format: format === undefined ? 'text' : validated(() => oneOf('--format', format, FORMATS)),
    output: one('output') ?? null,
    config: one('config') ?? null,
    changed: one('changed') ?? null,
    base: one('base') ?? null,
    settings,
    paths,
  };
}
