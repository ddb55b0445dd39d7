import { isSeq, type YAMLMap } from 'yaml';
import { LineIndex, type SourceFile } from '../../../model/source.js';
import { readVariablesFile, type VariablesDiagnostic } from '../../languages/yaml/variables-file.js';
import { loadAnsibleVariables } from './variables.js';
import type { VariableScope } from '../../contracts/variables.js';
import type { HostFormat } from '../../contracts/host-format.js';
import { emptyExtraction, type Extraction } from '../../contracts/edits.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { parseYaml } from '../../languages/yaml/yaml-file.js';
import { isPlay, walkPlay, walkTasks } from './tasks.js';
import { rolePlatformEdits } from './os-family.js';
import { layeredScope, type TaskContext } from './task-context.js';

/** `roles/NAME/tasks/...` or `roles/NAME/handlers/...`: the role folder, else null. */
export function roleOf(path: string): string | null {
  const parts = path.split('/');
  for (let i = parts.length - 3; i >= 0; i--) {
    if (parts[i] === 'roles' && (parts[i + 2] === 'tasks' || parts[i + 2] === 'handlers') && i + 3 < parts.length) return parts.slice(0, i + 2).join('/');
  }
  return null;
}

/** The folder above the nearest `tasks/` or `handlers/` folder of the path ('.' at the root), else null. */
function folderAboveTasks(path: string): string | null {
  const parts = path.split('/');
  for (let i = parts.length - 2; i >= 0; i--) {
    if (parts[i] === 'tasks' || parts[i] === 'handlers') return i === 0 ? '.' : parts.slice(0, i).join('/');
  }
  return null;
}

/**
 * The role a tasks file belongs to: `roles/NAME`, or a role published on its
 * own (a Galaxy role repository: `tasks/main.yml` beside `meta/main.yml`).
 * A `tasks/` folder without role metadata holds task files that playbooks
 * include: those are read through the including playbook.
 */
export function roleFolder(path: string, repo: RepositoryReader): string | null {
  const role = roleOf(path);
  if (role !== null) return role;
  const above = folderAboveTasks(path);
  if (above === null) return null;
  const meta = above === '.' ? 'meta' : `${above}/meta`;
  return repo.read(`${meta}/main.yml`) !== undefined || repo.read(`${meta}/main.yaml`) !== undefined ? above : null;
}

const YAML_NAME = /\.ya?ml$/;
/** A play starts a top-level list item with `hosts:` (`- hosts: all`, or `  hosts:` under `- name:`). */
const PLAY_HEAD = /^(?:- |  )hosts:/m;
const MANIFEST_HEAD = /^(?:kind|apiVersion):/m;

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

/**
 * Ansible tasks (ansible.builtin modules) that edit mail configuration on the
 * managed host: role task and handler files, and playbooks with their
 * included task files.
 */
export const ansibleTasks: HostFormat = {
  form: 'ansible',
  matches(path, head) {
    if (!YAML_NAME.test(path)) return false;
    // Task files and playbooks are lists; a mapping with a top-level `kind:` is a
    // Kubernetes (or Tekton) manifest, even in a `tasks/` folder or with an Ingress's `  hosts:`.
    if (MANIFEST_HEAD.test(head)) return false;
    return folderAboveTasks(path) !== null || PLAY_HEAD.test(head);
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    const out = emptyExtraction();
    const index = new LineIndex(file.text);
    const at = (offset: number) => index.position(offset);
    const parsed = parseYaml(file.path, file.text, at, '1.1');
    out.diagnostics.push(...parsed.diagnostics);
    const roleDir = roleFolder(file.path, repo);
    if (roleDir === null && folderAboveTasks(file.path) !== null && !PLAY_HEAD.test(file.text)) {
      out.notes.push(`${file.path}: a tasks file outside a role is read only through the playbook that includes it`);
      return out;
    }
    const baseDir = roleDir ?? dirname(file.path);
    const variables = roleVariables(roleDir, baseDir, repo, out);
    for (const document of parsed.documents) {
      const contents = document.contents;
      if (!isSeq(contents)) continue;
      const context: TaskContext = {
        file: file.path,
        source: file.text,
        at,
        document,
        scope: roleDir ?? file.path,
        roleDir,
        baseDir,
        vars: variables,
        maybe: false,
        repo,
        out,
        visited: new Set([file.path]),
        depth: 0,
      };
      if (contents.items.some(isPlay)) {
        for (const play of contents.items) if (isPlay(play)) walkPlay(play as YAMLMap, context);
      } else walkTasks(contents, context);
    }
    if (roleDir !== null && out.edits.some((e) => e.kind !== 'base')) out.edits.push(...rolePlatformEdits(roleDir, file.path, repo, roleDir));
    return out;
  },
};

/**
 * What a role's (or the playbook folder's) tasks see, highest precedence
 * first: role vars, group_vars/all, role defaults (loadAnsibleVariables reads
 * them for `roles/NAME`; a role published on its own has them at its root).
 */
function roleVariables(roleDir: string | null, baseDir: string, repo: RepositoryReader, out: Extraction): VariableScope {
  const variables = loadAnsibleVariables(`${baseDir === '.' ? '' : `${baseDir}/`}templates/_`, repo);
  for (const diagnostic of variables.diagnostics) out.notes.push(`${diagnostic.file}:${diagnostic.line}: variables file not read: ${diagnostic.message}`);
  if (roleDir === null || roleOf(`${roleDir}/tasks/main.yml`) !== null) return variables;
  const layer = (folder: string): VariableScope[] => {
    for (const name of ['main.yml', 'main.yaml']) {
      const path = roleDir === '.' ? `${folder}/${name}` : `${roleDir}/${folder}/${name}`;
      const text = repo.read(path);
      if (text === undefined) continue;
      const diagnostics: VariablesDiagnostic[] = [];
      const read = readVariablesFile(path, text, diagnostics);
      for (const d of diagnostics) out.notes.push(`${d.file}:${d.line}: variables file not read: ${d.message}`);
      return [{ lookup: (n) => read.values.get(n) }];
    }
    return [];
  };
  return layeredScope([...layer('vars'), variables, ...layer('defaults')]);
}
