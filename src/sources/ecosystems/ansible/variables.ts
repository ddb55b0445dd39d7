import { readVariablesFile, type VariablesDiagnostic, type VariablesLayer } from '../../languages/yaml/variables-file.js';
import { join } from '../../contracts/repo-paths.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import type { VariableBinding, VariableOrigin, VariableScope } from '../../contracts/variables.js';

export interface AnsibleVariables extends VariableScope {
  /** Where the winning definition of a top-level variable is. */
  lookupOrigin(name: string): VariableOrigin | undefined;
  /** Variables files read, highest precedence first. */
  files: string[];
  diagnostics: VariablesDiagnostic[];
}

/** Where a template sits in an Ansible tree: its role folder (if any) and the folder holding `roles/`. */
export function ansibleLayout(templatePath: string): { role: string | null; project: string } | null {
  const parts = templatePath.split('/');
  const templates = parts.lastIndexOf('templates');
  if (templates < 0) return null;
  const rolesAt = templates - 2;
  if (rolesAt >= 0 && parts[rolesAt] === 'roles') {
    return { role: parts.slice(0, templates).join('/'), project: parts.slice(0, rolesAt).join('/') || '.' };
  }
  return { role: null, project: parts.slice(0, templates).join('/') || '.' };
}

/**
 * A role published on its own (an Ansible Galaxy repository) has no `roles/`
 * parent: the folder holding `templates/` is the role when it also holds a
 * role's other folders.
 */
export function standaloneRole(repo: RepositoryReader, dir: string): string | null {
  return ['defaults', 'vars', 'tasks', 'meta', 'handlers'].some((d) => repo.isDirectory(join(dir, d))) ? dir : null;
}

/** Ansible's variables-file extensions (C.YAML_FILENAME_EXTENSIONS); a file without an extension is read too. */
const VARS_EXTENSIONS = ['.yml', '.yaml', '.json'];
/** Folder depth read under `defaults/main/` (Ansible recurses without a limit; we bound the work). */
const MAX_VARS_DEPTH = 4;

/**
 * The files Ansible loads for `defaults/main` or `vars/main`
 * (DataLoader.find_vars_files): the first of `main`, `main.yml`,
 * `main.yaml`, `main.json` that exists; when it is a folder, every file in
 * it with one of those extensions or none, in sorted order, folders
 * (without an extension) recursively, hidden files and `~` backups skipped
 * (_get_dir_vars_files). Later files win.
 */
export function roleFiles(repo: RepositoryReader, dir: string): string[] {
  for (const name of ['main', ...VARS_EXTENSIONS.map((e) => `main${e}`)]) {
    const candidate = join(dir, name);
    if (repo.isDirectory(candidate)) return varsFilesOf(repo, candidate, 0);
    if (repo.read(candidate) !== undefined) return [candidate];
  }
  return [];
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

function varsFilesOf(repo: RepositoryReader, dir: string, depth: number): string[] {
  const found: string[] = [];
  for (const name of repo.list(dir)) {
    if (name.startsWith('.') || name.endsWith('~')) continue;
    const path = join(dir, name);
    const ext = extensionOf(name);
    if (repo.isDirectory(path)) {
      if (ext === '' && depth < MAX_VARS_DEPTH) found.push(...varsFilesOf(repo, path, depth + 1));
    } else if (ext === '' || VARS_EXTENSIONS.includes(ext)) found.push(path);
  }
  return found;
}

/** group_vars/all as a file (all, all.yml, all.yaml, all.json) or a folder of files, nearest folder up from the project. */
export function groupVarsAllFiles(repo: RepositoryReader, project: string): string[] {
  let dir = project;
  for (;;) {
    const groupVars = join(dir, 'group_vars');
    if (repo.isDirectory(groupVars)) {
      const found: string[] = [];
      const all = join(groupVars, 'all');
      if (repo.isDirectory(all)) found.push(...varsFilesOf(repo, all, 0));
      for (const name of ['all', 'all.yml', 'all.yaml', 'all.json']) {
        const file = join(groupVars, name);
        if (!repo.isDirectory(file) && repo.read(file) !== undefined) found.push(file);
      }
      if (found.length > 0) return found;
    }
    if (dir === '.' || dir === '') return [];
    const slash = dir.lastIndexOf('/');
    dir = slash < 0 ? '.' : dir.slice(0, slash);
  }
}

/**
 * The variables an Ansible role template sees, by Ansible's precedence (from
 * "Understanding variable precedence", highest first among what a repository
 * declares): extra vars (`--vars`), role `vars/main.yml`, `group_vars/all`
 * (inventory or playbook), role `defaults/main.yml`. Inventory host and group
 * variables other than `all`, facts and play vars are not read.
 */
export function loadAnsibleVariables(templatePath: string, repo: RepositoryReader, extra: VariableScope[] = []): AnsibleVariables {
  const diagnostics: VariablesDiagnostic[] = [];
  const layout = ansibleLayout(templatePath);
  const files: string[] = [];
  const fileLayers = (paths: string[]): VariablesLayer[] => {
    // Within one folder later files win: reverse so the first match is the winner.
    const layers: VariablesLayer[] = [];
    for (const file of paths) {
      const text = repo.read(file);
      if (text === undefined) continue;
      layers.push(readVariablesFile(file, text, diagnostics));
    }
    return layers.reverse();
  };
  const layers: VariablesLayer[] = [];
  if (layout !== null) {
    const role = layout.role ?? standaloneRole(repo, layout.project);
    if (role !== null) layers.push(...fileLayers(roleFiles(repo, join(role, 'vars'))));
    layers.push(...fileLayers(groupVarsAllFiles(repo, layout.project)));
    if (role !== null) layers.push(...fileLayers(roleFiles(repo, join(role, 'defaults'))));
  }
  for (const layer of layers) files.push(layer.file);
  const lookup = (name: string): VariableBinding | undefined => {
    for (const scope of extra) {
      const found = scope.lookup(name);
      if (found !== undefined) return found;
    }
    for (const layer of layers) {
      const found = layer.values.get(name);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return {
    lookup,
    lookupOrigin: (name) => lookup(name)?.origin ?? undefined,
    files,
    diagnostics,
  };
}

/** One variables layer read from files (later files win), null when none exists. */
export function filesScope(paths: string[], repo: RepositoryReader, diagnostics: VariablesDiagnostic[]): VariableScope | null {
  const layers: VariablesLayer[] = [];
  for (const file of paths) {
    const text = repo.read(file);
    if (text !== undefined) layers.push(readVariablesFile(file, text, diagnostics));
  }
  if (layers.length === 0) return null;
  layers.reverse();
  return {
    lookup(name) {
      for (const layer of layers) {
        const found = layer.values.get(name);
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };
}
