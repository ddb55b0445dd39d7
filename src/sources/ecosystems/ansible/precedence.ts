import type { VariableBinding, VariableScope } from '../../contracts/variables.js';

/**
 * Ansible's variable precedence, lowest first, as documented in "Using
 * Variables: Understanding variable precedence" (docs.ansible.com,
 * playbook_guide/playbooks_variables.html#understanding-variable-precedence),
 * for the sources a repository declares:
 *
 *   role defaults (2) < inventory/playbook group_vars/all (4, 5)
 *   < play vars (12) < play vars_files (14) < role vars (15)
 *   < block vars (16) < task vars (17) < include_vars (18)
 *   < set_fact (19) < role params, `roles: - role: x  vars: {...}` (20)
 *   < include params (21) < extra vars (22, --vars).
 *
 * Inventory host and group variables other than `all`, facts and
 * vars_prompt are not in the repository: a name only they define is
 * undefined here (its `default` applies; a `when: x is defined` is false).
 */
export const LAYERS = [
  'role-defaults',
  'group-vars-all',
  'play-vars',
  'play-vars-files',
  'role-vars',
  'block-vars',
  'task-vars',
  'include-vars',
  'set-fact',
  'role-params',
  'include-params',
] as const;

export type Layer = (typeof LAYERS)[number];

/**
 * The variables one task sees: scopes by layer, the later scope of a layer
 * winning within it. Immutable: `with` returns a new stack, so what an edit
 * captured stays as it was when the task ran.
 */
export class VariableStack implements VariableScope {
  private constructor(private readonly layers: ReadonlyMap<Layer, readonly VariableScope[]>) {}

  static empty(): VariableStack {
    return new VariableStack(new Map());
  }

  /** This stack with `scope` added on top of its layer. */
  with(layer: Layer, scope: VariableScope): VariableStack {
    const layers = new Map(this.layers);
    layers.set(layer, [...(layers.get(layer) ?? []), scope]);
    return new VariableStack(layers);
  }

  /** This stack without the scopes of the given layers (a role's tasks do not see another role's vars). */
  without(...drop: Layer[]): VariableStack {
    const layers = new Map(this.layers);
    for (const layer of drop) layers.delete(layer);
    return new VariableStack(layers);
  }

  lookup(name: string): VariableBinding | undefined {
    for (let i = LAYERS.length - 1; i >= 0; i--) {
      const scopes = this.layers.get(LAYERS[i] as Layer);
      if (scopes === undefined) continue;
      for (let j = scopes.length - 1; j >= 0; j--) {
        const found = (scopes[j] as VariableScope).lookup(name);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }
}

/** A scope over a Map of bindings (a snapshot: later changes to the source map are not seen). */
export function bindingsScope(bindings: ReadonlyMap<string, VariableBinding>): VariableScope {
  const copy = new Map(bindings);
  return { lookup: (name) => copy.get(name) };
}
