import { lstatSync, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { directoryInput, mergeInputs } from '../../model/inputs.js';
import { normalize } from './repo-paths.js';
import { type OverlayTree, overlayFolders, overlayKey, throughLink } from '../../model/overlay.js';

/**
 * Read access to the scanned repository, by POSIX path relative to the scan
 * root. Every reader of repository files beyond the discovered candidate
 * (variables files, included task files, copied files) gets one of these,
 * never the file system: what it asks for is what the configuration depends
 * on (recordingRepository below). A cache belongs below that recording (in
 * the reader a recorder wraps), so that each recorder still sees every question.
 */
export interface RepositoryReader {
  /** The file's text, or undefined when it is absent, unreadable or too big. */
  read(relativePath: string): string | undefined;
  /** Entry names of a directory (files and directories), sorted; [] when absent. */
  list(relativeDir: string): string[];
  isDirectory(relativePath: string): boolean;
  /**
   * The path a symbolic link inside the repository leads to (relative to the
   * scan root), when it differs: a change to the target changes what is read.
   */
  resolve?(relativePath: string): string | undefined;
}

/** A reader that records every path it is asked about: the inputs of what is built from it. */
export interface RecordingRepository extends RepositoryReader {
  /** Every path read (found or not) and every directory listed or tested (`dir/`), sorted (src/model/inputs.ts). */
  inputs(): string[];
}

/**
 * Wraps `repo` so that every question is recorded: a file read (found or
 * not), a directory listed (`dir/`), a path tested for being a directory
 * (`dir/` when it is one, else the bare path), and where a link inside the
 * repository leads. A path that climbs out of the scan root is not an input
 * (no change list can name it).
 */
export function recordingRepository(repo: RepositoryReader): RecordingRepository {
  const seen = new Set<string>();
  const note = (asked: string, directory: boolean): void => {
    const clean = normalize(asked);
    if (clean === null) return;
    seen.add(directory ? directoryInput(clean) : clean === '' ? './' : clean);
    const target = repo.resolve?.(clean);
    if (target !== undefined && target !== clean) seen.add(directory ? directoryInput(target) : target);
  };
  return {
    read(relativePath) {
      note(relativePath, false);
      return repo.read(relativePath);
    },
    list(relativeDir) {
      note(relativeDir, true);
      return repo.list(relativeDir);
    },
    isDirectory(relativePath) {
      // Either form is touched by a change of the path or of anything under it; `dir/` says it was a folder.
      const answer = repo.isDirectory(relativePath);
      note(relativePath, answer);
      return answer;
    },
    resolve: (relativePath) => repo.resolve?.(relativePath),
    inputs: () => mergeInputs([...seen]),
  };
}

/** Variables files are small; a bigger one is not read (bounded memory). */
const MAX_VARIABLES_BYTES = 1024 * 1024;

/** An in-memory repository (tests, and callers that already hold the files). */
export function memoryRepository(files: Record<string, string>): RepositoryReader {
  const dirs = new Map<string, Set<string>>();
  for (const file of Object.keys(files)) {
    const parts = file.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/') || '.';
      const set = dirs.get(dir) ?? new Set<string>();
      set.add(parts[i] as string);
      dirs.set(dir, set);
    }
  }
  return {
    read: (p) => files[p],
    list: (d) => [...(dirs.get(d === '' ? '.' : d) ?? [])].sort(),
    isDirectory: (p) => dirs.has(p === '' ? '.' : p),
  };
}

/** The cached answer for `key`, computed the first time. */
function once<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}

/** Where a path really is, and what lstat said of it when that is also what stat says (no link at its end). */
interface RealPath {
  real: string;
  info: Stats | null;
}

/** The real file system under `root`; never follows a link out of the root. */
export function fileSystemRepository(root: string): RepositoryReader {
  const realRoot = realpathSync(root);
  const base = path.resolve(root);
  // One scan reads a snapshot: where a path leads, what a file holds, what a
  // folder lists is asked of the file system once (every recorder asks again,
  // every configuration of a role reads the same variables files).
  const reals = new Map<string, RealPath | null>();
  const resolved = new Map<string, RealPath | undefined>();
  const texts = new Map<string, string | undefined>();
  const listings = new Map<string, string[]>();
  const directories = new Map<string, boolean>();
  // The real path of an absolute path under the root, from its parent's: an
  // entry that is no symbolic link is its real parent's entry of that name,
  // so each path costs one lstat, not a realpath(3) that reads every
  // component again. A link is resolved in full (and judged by where it leads).
  const realOf = (full: string): RealPath | null => {
    if (full === base) return { real: realRoot, info: null };
    const cached = reals.get(full);
    if (cached !== undefined) return cached;
    const slash = full.lastIndexOf('/');
    let out: RealPath | null = null;
    try {
      if (slash >= base.length && full.startsWith(`${base}/`)) {
        const parent = realOf(full.slice(0, slash));
        // An absent entry (most lookups: main.yml, main.yaml, main/...) is answered without building an error.
        const info = parent === null ? undefined : lstatSync(full, { throwIfNoEntry: false });
        if (parent !== null && info !== undefined) out = info.isSymbolicLink() ? { real: realpathSync.native(full), info: null } : { real: `${parent.real}${full.slice(slash)}`, info };
      } else {
        out = { real: realpathSync.native(full), info: null };
      }
    } catch {
      out = null;
    }
    reals.set(full, out);
    return out;
  };
  // A path relative to the root, where it really is when that is inside the root.
  const inside = (relativePath: string): RealPath | undefined => {
    if (resolved.has(relativePath)) return resolved.get(relativePath);
    const found = realOf(path.resolve(path.join(root, ...relativePath.split('/'))));
    const rel = found === null ? null : path.relative(realRoot, found.real);
    const out = found === null || rel === null || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : found;
    resolved.set(relativePath, out);
    return out;
  };
  /** stat(2) of a path inside the root: what lstat said when no link was followed. */
  const statOf = (found: RealPath): Stats => found.info ?? statSync(found.real);
  return {
    resolve(relativePath) {
      // The nearest part of the path that exists decides: a link to a folder leads its absent files there too.
      const parts = relativePath.split('/').filter((p) => p !== '' && p !== '.');
      for (let n = parts.length; n > 0; n--) {
        const full = inside(parts.slice(0, n).join('/'))?.real;
        if (full === undefined) continue;
        const rel = path.relative(realRoot, full).split(path.sep).join('/');
        return [rel, ...parts.slice(n)].filter((p) => p !== '').join('/');
      }
      return undefined;
    },
    read(relativePath) {
      return once(texts, relativePath, () => {
        const found = inside(relativePath);
        if (found === undefined) return undefined;
        try {
          const stat = statOf(found);
          if (!stat.isFile() || stat.size > MAX_VARIABLES_BYTES) return undefined;
          return readFileSync(found.real, 'utf8');
        } catch {
          return undefined;
        }
      });
    },
    list(relativeDir) {
      // A copy: the caller may sort or change what it gets.
      return [
        ...once(listings, relativeDir, () => {
          const full = inside(relativeDir)?.real;
          if (full === undefined) return [];
          try {
            return readdirSync(full).sort();
          } catch {
            return [];
          }
        }),
      ];
    },
    isDirectory(relativePath) {
      return once(directories, relativePath, () => {
        const found = inside(relativePath);
        try {
          return found !== undefined && statOf(found).isDirectory();
        } catch {
          return false;
        }
      });
    },
  };
}

/**
 * The repository of an overlay tree (src/model/overlay.ts) at `root`: what
 * exists is the tree's; a file's bytes are read from the overlay's other
 * folder or from `root`, as the tree says, with the same checks and limits
 * as fileSystemRepository. Paths are taken as fileSystemRepository takes
 * them (`..` lexically); one through a link of the tree is the disk's at `root`.
 */
export function overlayRepository(root: string, tree: OverlayTree): RepositoryReader {
  const folders = overlayFolders(tree);
  const own = fileSystemRepository(root);
  const from = fileSystemRepository(tree.from);
  const listings = new Map<string, string[]>();
  // A path through one of the tree's links is the scan root's, which holds the link and what it leads to.
  const linked = (clean: string | null): boolean => clean !== null && throughLink(tree, overlayKey(clean));
  return {
    read(relativePath) {
      const clean = normalize(relativePath);
      if (linked(clean)) return own.read(clean as string);
      const where = clean === null ? undefined : tree.files.get(overlayKey(clean));
      return where === undefined ? undefined : (where ? from : own).read(clean as string);
    },
    list(relativeDir) {
      const clean = normalize(relativeDir);
      if (linked(clean)) return own.list(clean as string);
      const entries = clean === null ? undefined : folders.get(overlayKey(clean));
      if (entries === undefined) return [];
      // As readdir names them (UTF-8, a byte that is not replaced), sorted as fileSystemRepository sorts.
      return [...once(listings, clean as string, () => [...entries].map((name) => Buffer.from(name, 'latin1').toString('utf8')).sort())];
    },
    isDirectory(relativePath) {
      const clean = normalize(relativePath);
      if (linked(clean)) return own.isDirectory(clean as string);
      return clean !== null && folders.has(overlayKey(clean));
    },
    resolve(relativePath) {
      const clean = normalize(relativePath);
      return linked(clean) ? own.resolve?.(clean as string) : undefined;
    },
  };
}
