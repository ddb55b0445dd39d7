/**
 * The shell state a reading walks with: variables (each value with the
 * place that assigned it), functions, positional parameters and the working
 * directory. Nothing here runs anything.
 */
import { UNKNOWN_MARK } from '../../../model/source.js';
import type { Command } from './syntax.js';
import { ShellValue, type ShellSource } from './values.js';

export interface Variable {
  value: ShellValue;
  /** Where the name was written (the assignment, the Dockerfile ENV): `${!prefix*}` lists it from there. */
  name: ShellValue;
  exported: boolean;
}

/** A function definition and the text it was read from. */
export interface ShellFunction {
  name: string;
  body: Command;
  source: ShellSource;
}

/** What a name means in the environment. */
export type Lookup =
  | { state: 'set'; value: ShellValue }
  /** Unset by the script itself (`unset x`, `local x`): expands to nothing. */
  | { state: 'unset' }
  /** Never assigned by anything relaygate read: whatever runs the script may provide it. */
  | { state: 'absent' };

export class Environment {
  /** `null` values record a definite `unset`. */
  readonly vars = new Map<string, Variable | null>();
  readonly functions = new Map<string, ShellFunction>();
  /** `$1`...; null when not known (a script whose caller relaygate did not see). */
  positional: ShellValue[] | null = null;
  scriptName: ShellValue = ShellValue.generated('sh');
  /** The working directory (may hold UNKNOWN_MARK). */
  cwd = '/';
  /**
   * The process environment may hold names relaygate does not know (a
   * container's runtime `docker run -e`, the base image's own ENV): a
   * `${!prefix*}` lists the known ones and possibly more.
   */
  openNames = true;
  /** Stack of function calls: the `local` names each one saved. */
  private readonly locals: Map<string, Variable | null | undefined>[] = [];

  lookup(name: string): Lookup {
    const v = this.vars.get(name);
    if (v === undefined) return { state: 'absent' };
    if (v === null) return { state: 'unset' };
    return { state: 'set', value: v.value };
  }

  variable(name: string): Variable | undefined {
    return this.vars.get(name) ?? undefined;
  }

  /** Assigns; under a condition relaygate could not decide the value becomes unknown (it may or may not have happened). */
  assign(name: string, value: ShellValue, nameOrigin: ShellValue, maybe: boolean, exported?: boolean): void {
    const old = this.vars.get(name) ?? undefined;
    const same = old !== undefined && old.value.text === value.text;
    this.vars.set(name, { value: maybe && !same ? unknownLike(value) : value, name: nameOrigin, exported: exported ?? old?.exported ?? false });
  }

  export(name: string): void {
    const v = this.vars.get(name);
    if (v !== undefined && v !== null) v.exported = true;
  }

  unset(name: string, maybe: boolean): void {
    if (maybe) {
      const old = this.vars.get(name);
      if (old !== undefined && old !== null) this.vars.set(name, { ...old, value: unknownLike(old.value) });
      return;
    }
    this.vars.set(name, null);
  }

  /** Names of set variables starting with `prefix`, sorted as bash lists them. */
  namesWithPrefix(prefix: string): { name: string; origin: ShellValue }[] {
    const out: { name: string; origin: ShellValue }[] = [];
    for (const [name, v] of this.vars) if (v !== null && name.startsWith(prefix)) out.push({ name, origin: v.name });
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** A fresh environment for a child process: exported variables only (XCU 2.12), same directory. */
  child(): Environment {
    const out = new Environment();
    for (const [name, v] of this.vars) if (v !== null && v.exported) out.vars.set(name, { ...v });
    out.cwd = this.cwd;
    out.openNames = this.openNames;
    return out;
  }

  enterFunction(): void {
    this.locals.push(new Map());
  }

  leaveFunction(): void {
    const saved = this.locals.pop();
    if (saved === undefined) return;
    for (const [name, old] of saved) {
      if (old === undefined) this.vars.delete(name);
      else this.vars.set(name, old);
    }
  }

  /** `local name`: the function's own variable, the caller's restored on return. */
  /** Whether `name` is declared `local` in the running function. */
  isLocal(name: string): boolean {
    return this.locals[this.locals.length - 1]?.has(name) === true;
  }

  declareLocal(name: string): void {
    const frame = this.locals[this.locals.length - 1];
    if (frame === undefined || frame.has(name)) return;
    frame.set(name, this.vars.get(name));
    this.vars.set(name, null);
  }
}

/** A value that may differ from what relaygate read: unknown, mapped where the old one was. */
function unknownLike(value: ShellValue): ShellValue {
  const origin = value.firstOrigin();
  if (origin === null) return ShellValue.generated(UNKNOWN_MARK);
  return ShellValue.unknown(origin.source, origin.offset, origin.offset + Math.max(1, value.text.length));
}
