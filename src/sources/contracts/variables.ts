/** Where a template variable is defined: a line of a variables file. */
export interface VariableOrigin {
  file: string;
  line: number;
}

export interface VariableBinding {
  /** Plain data (strings, numbers, booleans, null, arrays, objects) as the variables file declares it. */
  value: unknown;
  origin: VariableOrigin | null;
}

/**
 * The variables a template can see. `lookup` returns undefined when the
 * repository does not declare the name (Jinja2's "undefined": `default`
 * applies, `is defined` is false, printing it is unknown).
 */
export interface VariableScope {
  lookup(name: string): VariableBinding | undefined;
}

/** A scope over a plain object (tests, `--vars` files). */
export function plainScope(values: Record<string, unknown>, file: string | null = null): VariableScope {
  return {
    lookup(name) {
      if (!Object.prototype.hasOwnProperty.call(values, name)) return undefined;
      return { value: values[name], origin: file === null ? null : { file, line: 1 } };
    },
  };
}
