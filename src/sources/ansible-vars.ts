import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { UNKNOWN } from './jinja2/values.js';
import { join } from './repo-paths.js';
import type { RepositoryReader } from './repository.js';
import type { VariableBinding, VariableOrigin, VariableScope } from './variables.js';

/** A variables file we could not read as YAML: reported, never fatal for the template. */
export interface VariablesDiagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface AnsibleVariables extends VariableScope {
  /** Where the winning definition of a top-level variable is. */
  lookupOrigin(name: string): VariableOrigin | undefined;
  /** Variables files read, highest precedence first. */
  files: string[];
  diagnostics: VariablesDiagnostic[];
}

interface Layer {
  file: string;
  values: Map<string, VariableBinding>;
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
function standaloneRole(repo: RepositoryReader, dir: string): string | null {
  return ['defaults', 'vars', 'tasks', 'meta', 'handlers'].some((d) => repo.isDirectory(join(dir, d))) ? dir : null;
}

const YAML_NAMES = ['main.yml', 'main.yaml', 'main'];

/** Ansible loads `defaults/main.yml`, `main.yaml`, `main`, or every file of a `main/` folder. */
function roleFiles(repo: RepositoryReader, dir: string): string[] {
  for (const name of YAML_NAMES) {
    const candidate = join(dir, name);
    if (repo.isDirectory(candidate)) return yamlFilesOf(repo, candidate);
    if (repo.read(candidate) !== undefined) return [candidate];
  }
  return [];
}

function yamlFilesOf(repo: RepositoryReader, dir: string): string[] {
  return repo
    .list(dir)
    .filter((n) => n.endsWith('.yml') || n.endsWith('.yaml') || n.endsWith('.json'))
    .map((n) => join(dir, n));
}

/** group_vars/all as a file (all, all.yml, all.yaml, all.json) or a folder of files, nearest folder up from the project. */
function groupVarsAllFiles(repo: RepositoryReader, project: string): string[] {
  let dir = project;
  for (;;) {
    const groupVars = join(dir, 'group_vars');
    if (repo.isDirectory(groupVars)) {
      const found: string[] = [];
      const all = join(groupVars, 'all');
      if (repo.isDirectory(all)) found.push(...yamlFilesOf(repo, all));
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
 * Reads one variables file. Ansible reads YAML 1.1 (PyYAML): `yes`/`no`/`on`/`off` are booleans.
 * Vault-encrypted values (`!vault`) are unknown.
 */
export function readVariablesFile(file: string, text: string, diagnostics: VariablesDiagnostic[]): Layer {
  const values = new Map<string, VariableBinding>();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, version: '1.1', prettyErrors: false, uniqueKeys: false });
  for (const error of document.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    diagnostics.push({ file, line: pos.line, column: pos.col, message: error.message.split('\n')[0] ?? error.message });
  }
  if (document.errors.length > 0) return { file, values };
  const contents = document.contents;
  if (!isMap(contents)) return { file, values };
  let data: Record<string, unknown> = {};
  try {
    data = (document.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    diagnostics.push({ file, line: 1, column: 1, message: String((error as Error).message) });
    return { file, values };
  }
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const start = pair.key.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    const node = pair.value as { tag?: string } | null;
    const value = node !== null && node.tag === '!vault' ? UNKNOWN : data[name];
    // Later keys win, as PyYAML builds the dict.
    values.set(name, { value, origin: { file, line } });
  }
  return { file, values };
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
  const fileLayers = (paths: string[]): Layer[] => {
    // Within one folder later files win: reverse so the first match is the winner.
    const layers: Layer[] = [];
    for (const file of paths) {
      const text = repo.read(file);
      if (text === undefined) continue;
      layers.push(readVariablesFile(file, text, diagnostics));
    }
    return layers.reverse();
  };
  const layers: Layer[] = [];
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
