import type { Document } from 'yaml';
import type { Span } from '../../../model/span.js';
import type { Family } from '../../contracts/distributions.js';
import type { Extraction } from '../../contracts/edits.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import type { VariableScope } from '../../contracts/variables.js';
import type { HostPosition } from '../../languages/yaml/mapped-text.js';

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
  vars: VariableScope;
  /** Under a `when:` (or a rescue) that relaygate cannot decide. */
  maybe: boolean;
  /** The OS families the enclosing `when:` conditions restrict the tasks to (`ansible_os_family == "Debian"`). */
  osFamilies?: readonly OsFamily[];
  repo: RepositoryReader;
  out: Extraction;
  /** Included task files already read (an include cycle is read once). */
  visited: Set<string>;
  depth: number;
}

/** Scopes searched in order: the first that declares a name wins. */
export function layeredScope(scopes: VariableScope[]): VariableScope {
  return {
    lookup(name) {
      for (const scope of scopes) {
        const found = scope.lookup(name);
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };
}

/** A platform a task is written for: `when: ansible_os_family == "Debian"` (./os-family.ts). */
export interface OsFamily {
  distribution: Family;
  /** The condition as written, for messages. */
  evidence: string;
  span: Span;
}
