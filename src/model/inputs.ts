/**
 * A configuration's inputs: the repository paths whose content, or whose
 * presence, decides what relaygate judges for it. POSIX paths relative to
 * the scan root, in two forms:
 * - `roles/mail/vars/main.yml`: that file, whether it was found or not (a
 *   file that is deleted, or added where it is looked for, changes the result);
 * - `roles/mail/defaults/main/`: a directory that was listed or tested (ends
 *   in `/`): any path under it. `./` is the scan root itself.
 *
 * The pull-request scope keeps a finding when any input of its
 * configuration is among the changed paths (ChangedPaths below).
 */

/** The input for a directory that was listed or tested: `dir/`, and `./` for the scan root. */
export function directoryInput(dir: string): string {
  const clean = cleanPath(dir);
  return clean === '' ? './' : `${clean}/`;
}

export function isDirectoryInput(input: string): boolean {
  return input.endsWith('/');
}

/** Sorted, without duplicates. */
export function mergeInputs(...lists: readonly (readonly string[] | undefined)[]): string[] {
  const out = new Set<string>();
  for (const list of lists) for (const input of list ?? []) out.add(input);
  return [...out].sort();
}

/**
 * A path shown escaped (a file name that is not UTF-8, `caf\xe9/main.cf`)
 * cannot match the changed-file list GitHub gives, which holds text. Any
 * path with `\xNN` in it is taken for one: a UTF-8 name that happens to
 * contain that text is only ever kept in scope, never hidden.
 */
export function isEscapedPath(path: string): boolean {
  return /\\x[0-9a-fA-F]{2}/.test(path);
}

/** `./a//b/` -> `a/b`: a changed path or an input without `.` parts and slashes at either end. */
function cleanPath(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/**
 * The changed paths of a pull request (added, modified, removed, and both
 * names of a renamed file), asked whether they touch an input. Built once;
 * each question costs one or two set lookups.
 */
export class ChangedPaths {
  private readonly paths = new Set<string>();
  /** Every folder holding a changed path, as `dir/` (and `./`): what a directory input is matched against. */
  private readonly folders = new Set<string>();

  /** The files of the base commit's configurations that a changed path touched (regroupedFiles). */
  private readonly regrouped = new Set<string>();

  constructor(changed: Iterable<string>, regrouped: Iterable<string> = []) {
    for (const raw of regrouped) this.regrouped.add(cleanPath(raw));
    for (const raw of changed) {
      const path = cleanPath(raw);
      if (path === '') continue;
      this.paths.add(path);
      this.folders.add('./');
      for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) this.folders.add(`${path.slice(0, slash)}/`);
    }
  }

  get size(): number {
    return this.paths.size;
  }

  /**
   * A file input is touched when it changed, when a changed path lies
   * under it (it became a folder, or stopped being one), or when it lies
   * under a changed path (a submodule that moved). A directory input is
   * touched by any changed path under it, by the folder's own path (a file
   * that replaced it, a submodule), or by a changed path above it. The two
   * forms match alike; `dir/` tells a reader of the report that a folder
   * was looked at.
   */
  touches(input: string): boolean {
    if (isEscapedPath(input)) return true;
    if (isDirectoryInput(input)) {
      if (input === './') return this.folders.has('./');
      const dir = cleanPath(input);
      return this.folders.has(`${dir}/`) || this.paths.has(dir) || this.holdsAncestorOf(dir);
    }
    const path = cleanPath(input);
    return this.paths.has(path) || this.folders.has(`${path}/`) || this.holdsAncestorOf(path);
  }

  /**
   * A changed path above the input: a submodule whose commit moved (GitHub
   * lists the submodule's own path, not the files in it), or a folder that
   * was replaced by a file or named whole. Everything under it may differ.
   */
  private holdsAncestorOf(path: string): boolean {
    for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) if (this.paths.has(path.slice(0, slash))) return true;
    return false;
  }

  touchesAny(inputs: Iterable<string>): boolean {
    for (const input of inputs) if (this.touches(input)) return true;
    return false;
  }

  /** The same changed paths, with the files a change regrouped (regroupedFiles). */
  withRegrouped(files: Iterable<string>): ChangedPaths {
    return new ChangedPaths(this.paths, files);
  }

  /** A configuration with one of these files was grouped otherwise at the base, by a file the change touched. */
  regroups(files: Iterable<string>): boolean {
    for (const file of files) if (this.regrouped.has(cleanPath(file))) return true;
    return false;
  }
}

/** What a scan of the base commit says about one configuration (its JSON report's `files` and `inputs`). */
export interface BaseConfiguration {
  files: readonly string[];
  inputs: readonly string[];
}

/**
 * The files a change regrouped. A configuration is the files that are
 * judged together, and what groups them is another file (a Dockerfile runs
 * `setup.sh`, a play templates `main.cf.j2`). A change to that file moves
 * the others into another configuration whose inputs it need not be: a
 * Dockerfile deleted leaves `setup.sh` judged on its own, and no input of
 * that configuration changed. A configuration of the base whose inputs a
 * changed path touches had its files grouped by what changed; a
 * configuration now with one of them among its files may be grouped
 * otherwise, so it is in scope. One whose files all sat in untouched base
 * configurations is grouped as it was, from inputs the change left alone.
 */
export function regroupedFiles(base: readonly BaseConfiguration[], changed: ChangedPaths): string[] {
  return mergeInputs(...base.filter((c) => changed.touchesAny(c.inputs)).map((c) => c.files));
}

/**
 * Results that say the same thing at the same place (the same finding from
 * two configurations that share a file, or reached twice) are one: the
 * first, kept where it stands, with the inputs and files of all, so a
 * change to any of them keeps it in a pull request's scope. A result whose
 * inputs are unknown (absent) stays unknown.
 */
export function mergeIdentical<T extends { ruleId: string; certainty: string; message: string; span: { file: string; line: number; column: number; endLine: number; endColumn: number }; inputs?: string[]; files?: readonly string[] }>(results: readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const r of results) {
    const s = r.span;
    const key = `${r.ruleId}\u0000${r.certainty}\u0000${s.file}\u0000${s.line}:${s.column}:${s.endLine}:${s.endColumn}\u0000${r.message}`;
    const first = byKey.get(key);
    if (first === undefined) {
      byKey.set(key, r);
      continue;
    }
    const inputs = first.inputs === undefined || r.inputs === undefined ? undefined : mergeInputs(first.inputs, r.inputs);
    const files = first.files === undefined && r.files === undefined ? undefined : [...new Set([...(first.files ?? [first.span.file]), ...(r.files ?? [r.span.file])])].sort();
    const merged = { ...first, inputs, ...(files === undefined ? {} : { files }) };
    if (inputs === undefined) delete merged.inputs;
    byKey.set(key, merged);
  }
  return [...byKey.values()];
}
