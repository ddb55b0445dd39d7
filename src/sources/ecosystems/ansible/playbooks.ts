import { isSeq, type YAMLMap } from 'yaml';
import { LineIndex, type SourceFile } from '../../../model/source.js';
import type { VariablesDiagnostic } from '../../languages/yaml/variables-file.js';
import { join, normalize } from '../../contracts/repo-paths.js';
import { hasMailMarker, type HostFormat } from '../../contracts/host-format.js';
import { emptyExtraction, type Extraction } from '../../contracts/edits.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { parseYaml } from '../../languages/yaml/yaml-file.js';
import { isPlay, playsUsingRole, walkPlay } from './plays.js';
import { roleStack } from './play-roles.js';
import { VariableStack } from './precedence.js';
import { walkTasks } from './tasks.js';
import { newRuntime, type TaskContext } from './task-context.js';
import { rolePlatformEdits } from './os-family.js';

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

/** The role's entry tasks file (`tasks/main.yml`, `main.yaml` or `main`), if it has one. */
function mainTasksFile(roleDir: string, repo: RepositoryReader): string | null {
  for (const name of ['main.yml', 'main.yaml', 'main']) {
    const path = join(roleDir, join('tasks', name));
    if (repo.read(path) !== undefined) return path;
  }
  return null;
}

/**
 * The role a tasks file belongs to: `roles/NAME`, or a role published on its
 * own (a Galaxy role repository): `tasks/` beside `meta/main.yml`, or a
 * `tasks/main.yml` entry point with no playbook beside the `tasks/` folder
 * (a role may come without metadata; a folder whose playbooks include task
 * files from `tasks/` is a playbook project, and those files are read
 * through the playbooks).
 */
export function roleFolder(path: string, repo: RepositoryReader): string | null {
  const role = roleOf(path);
  if (role !== null) return role;
  const above = folderAboveTasks(path);
  if (above === null) return null;
  const meta = join(above, 'meta');
  if (repo.read(`${meta}/main.yml`) !== undefined || repo.read(`${meta}/main.yaml`) !== undefined) return above;
  if (mainTasksFile(above, repo) === null) return null;
  const playbookBeside = repo.list(above).some((name) => {
    if (!YAML_NAME.test(name)) return false;
    const text = repo.read(join(above, name));
    return text !== undefined && PLAY_HEAD.test(text);
  });
  return playbookBeside ? null : above;
}

/**
 * The role's task files in the order `tasks/main.yml` includes them
 * (literally, `include_tasks`/`import_tasks`, transitively), main first.
 */
function includeOrder(main: string, roleDir: string, repo: RepositoryReader): string[] {
  const seen = new Set<string>([main]);
  const order = [main];
  for (let i = 0; i < order.length && order.length < 64; i++) {
    const text = repo.read(order[i] as string);
    if (text === undefined) continue;
    for (const m of text.matchAll(INCLUDE_LINE)) {
      const target = normalize(join(join(roleDir, 'tasks'), (m[1] ?? '').trim()));
      if (target === null || seen.has(target)) continue;
      seen.add(target);
      order.push(target);
    }
  }
  return order;
}

/**
 * Which file reads a role's tasks from its entry point: tasks run where
 * `tasks/main.yml` includes them, seeing what the tasks before set, so the
 * whole role is walked once from main. The walk is started by the first file
 * of the include order that names a mail file (discovery extracts only
 * those: a main.yml that only includes others is not one); every other
 * included file is read there, not on its own. null: `path` is not included
 * from main, and is read on its own.
 */
function entryWalk(path: string, roleDir: string, repo: RepositoryReader): { main: string; walks: boolean } | null {
  const main = mainTasksFile(roleDir, repo);
  if (main === null) return null;
  const order = includeOrder(main, roleDir, repo);
  if (!order.includes(path)) return null;
  const first = order.find((file) => {
    const text = repo.read(file);
    return text !== undefined && hasMailMarker(text);
  });
  return { main, walks: first === path };
}

/** `include_tasks: name.yml`, `import_tasks: name.yml`, `include: name.yml`, or `file: name.yml` under one (one line, quotes optional). */
const INCLUDE_LINE = /^[ \t-]*(?:(?:ansible\.builtin\.)?(?:include_tasks|import_tasks|include)|file):[ \t]*["']?([\w./-]+\.ya?ml)["']?[ \t]*$/gm;

const YAML_NAME = /\.ya?ml$/;
/** A play starts a top-level list item with `hosts:` (`- hosts: all`, or `  hosts:` under `- name:`). */
const PLAY_HEAD = /^(?:- | {2})hosts:/m;
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
    return extractTasks(file, repo, false);
  },
};

function extractTasks(file: SourceFile, repo: RepositoryReader, fromEntry: boolean): Extraction {
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
    const entry = roleDir === null || fromEntry ? null : entryWalk(file.path, roleDir, repo);
    if (entry !== null && !entry.walks) return out;
    if (entry !== null && entry.main !== file.path) {
      // This file starts the role's walk: from its entry point, which discovery does not extract.
      return extractTasks({ path: entry.main, text: repo.read(entry.main) ?? '' }, repo, true);
    }
    const baseDir = roleDir ?? dirname(file.path);
    const diagnostics: VariablesDiagnostic[] = [];
    const variables = roleStack(VariableStack.empty(), roleDir, roleDir === null ? baseDir : projectOf(roleDir), repo, diagnostics);
    for (const d of diagnostics) out.notes.push(`${d.file}:${d.line}: variables file not read: ${d.message}`);
    const runtime = newRuntime();
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
        runtime,
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
    if (roleDir !== null && file.path === mainTasksFile(roleDir, repo)) readPlaysOfRole(roleDir, repo, out);
    return out;
}

/** The plays that run the role without naming a mail file (playsUsingRole), each as its own instance. */
function readPlaysOfRole(roleDir: string, repo: RepositoryReader, out: Extraction): void {
  const project = projectOf(roleDir);
  const name = roleDir.slice(roleDir.lastIndexOf('/') + 1);
  for (const playbook of playsUsingRole(roleDir, project === roleDir ? parentFolder(roleDir) : project, repo)) {
    const index = new LineIndex(playbook.text);
    const at = (offset: number) => index.position(offset);
    const parsed = parseYaml(playbook.path, playbook.text, at, '1.1');
    const diagnostics: VariablesDiagnostic[] = [];
    const base = dirname(playbook.path);
    const vars = roleStack(VariableStack.empty(), null, base, repo, diagnostics);
    for (const document of parsed.documents) {
      if (!isSeq(document.contents)) continue;
      const context: TaskContext = {
        file: playbook.path, source: playbook.text, at, document, scope: playbook.path, roleDir: null, baseDir: base,
        vars, runtime: newRuntime(), maybe: false, repo, out, visited: new Set([playbook.path]), depth: 0,
      };
      for (const play of document.contents.items) if (isPlay(play)) walkPlay(play as YAMLMap, context, { name, dir: roleDir });
    }
  }
}

function parentFolder(dir: string): string {
  const slash = dir.lastIndexOf('/');
  return slash < 0 ? '.' : dir.slice(0, slash);
}

/** The folder whose group_vars/ a role's variables come from: the one holding `roles/`, or the role itself when published alone. */
function projectOf(roleDir: string): string {
  const parts = roleDir.split('/');
  return parts.length >= 2 && parts[parts.length - 2] === 'roles' ? parts.slice(0, -2).join('/') || '.' : roleDir;
}
