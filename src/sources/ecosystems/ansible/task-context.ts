import type { Document } from 'yaml';
import type { Extraction } from '../../contracts/edits.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import type { VariableBinding } from '../../contracts/variables.js';
import type { HostPosition } from '../../languages/yaml/mapped-text.js';
import { bindingsScope, type VariableStack } from './precedence.js';

/**
 * What tasks set while the play runs (set_fact, include_vars): later tasks,
 * and the templates they deploy, see it. Shared by every task of one run of
 * a play or role, in task order.
 */
export interface RuntimeVariables {
  includeVars: Map<string, VariableBinding>;
  setFacts: Map<string, VariableBinding>;
}

export function newRuntime(): RuntimeVariables {
  return { includeVars: new Map(), setFacts: new Map() };
}

/** What every task of one tasks file or playbook shares. */
export interface TaskContext {
  file: string;
  /** The file's text (the YAML source the nodes' ranges index). */
  source: string;
  at: HostPosition;
  document: Document.Parsed;
  /** The instance scope: the role folder (`roles/NAME`) or the playbook's path. */
  scope: string;
  /** The role folder when the file belongs to a role, else null. */
  roleDir: string | null;
  /** The folder of the playbook (or of the role's tasks file), for relative `src:` and includes. */
  baseDir: string;
  /** The declared variables by precedence layer (./precedence.ts), without what tasks set at run time. */
  vars: VariableStack;
  runtime: RuntimeVariables;
  /** Under a `when:` (or a rescue) that relaygate cannot decide. */
  maybe: boolean;
  repo: RepositoryReader;
  out: Extraction;
  /** Included task files already read (an include cycle is read once). */
  visited: Set<string>;
  depth: number;
}

/** The variables a task sees now: the declared layers and a snapshot of what earlier tasks set. */
export function currentVars(context: TaskContext): VariableStack {
  return context.vars.with('include-vars', bindingsScope(context.runtime.includeVars)).with('set-fact', bindingsScope(context.runtime.setFacts));
}
