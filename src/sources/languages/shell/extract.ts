/**
 * The shell reader's entry points: shell code (a script, a RUN line, a
 * provisioner's inline commands) -> the edits it makes to mail
 * configuration. ./interpret.ts walks the syntax tree; the handlers of the
 * commands that edit mail files are ./postconf.ts, ./sed.ts and ./output.ts.
 */
import type { Position } from '../../../model/source.js';
import type { Extraction } from '../../contracts/edits.js';
import type { ShellContext } from './context.js';
import { Environment } from './environment.js';
import { Interpreter, type ScriptResolver } from './interpret.js';
import { ShellValue, type ShellSource } from './values.js';

export type { ShellContext } from './context.js';
export type { ResolvedScript, ScriptResolver } from './interpret.js';

export interface ShellOptions {
  /** Variables known before the script starts, as plain text (Packer environment_vars). */
  variables?: ReadonlyMap<string, string>;
  /** The environment to start from (a Dockerfile's ENV and ARG values, each with its line); takes precedence over `variables`. */
  environment?: Environment;
  /** The working directory (Dockerfile WORKDIR), or null when unknown. */
  cwd?: string | null;
  /** Reads the files the script sources or runs; without it they are not followed. */
  resolve?: ScriptResolver;
  /** `$1`...: the arguments the script is run with (null: not known). */
  positional?: ShellValue[] | null;
  /** `$0`. */
  scriptName?: ShellValue;
}

function environmentOf(source: ShellSource, options: ShellOptions): Environment {
  const env = options.environment ?? new Environment();
  if (options.environment === undefined) {
    for (const [name, value] of options.variables ?? []) env.assign(name, ShellValue.generated(value), ShellValue.generated(name), false, true);
    env.scriptName = ShellValue.generated(source.file);
  }
  if (options.cwd !== undefined) env.cwd = options.cwd ?? '\uE000';
  if (options.positional !== undefined) env.positional = options.positional;
  if (options.scriptName !== undefined) env.scriptName = options.scriptName;
  return env;
}

function finish(interpreter: Interpreter): Extraction {
  const out = interpreter.out;
  // A function called many times says the same thing at the same place each time: once is enough.
  out.notes = [...new Set(out.notes)];
  if (interpreter.ran.size > 0) out.runs = [...interpreter.ran].sort();
  return out;
}

/**
 * Shell code -> edits of mail configuration. Nothing is executed: commands
 * are recognised by name and their words read with quote removal and
 * expansion over known values only.
 */
export function extractShellText(text: string, position: (offset: number) => Position, context: ShellContext, options: ShellOptions = {}): Extraction {
  const source: ShellSource = { file: context.file, text, position };
  const interpreter = new Interpreter(context, options.resolve ?? null);
  interpreter.run(source, environmentOf(source, options));
  return finish(interpreter);
}

/**
 * One command given as its fields (a Dockerfile's exec-form ENTRYPOINT and
 * CMD): run as the shell would run that command line, scripts it names
 * read through `options.resolve`. `start`/`end` are where the command is
 * written in `source`.
 */
export function extractShellCommand(fields: ShellValue[], source: ShellSource, start: number, end: number, context: ShellContext, options: ShellOptions = {}): Extraction {
  const interpreter = new Interpreter(context, options.resolve ?? null);
  interpreter.runFields(fields, source, environmentOf(source, options), start, end);
  return finish(interpreter);
}
