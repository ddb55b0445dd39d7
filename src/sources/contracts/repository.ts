import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Read access to the scanned repository, by POSIX path relative to the scan root. */
export interface RepositoryReader {
  /** The file's text, or undefined when it is absent, unreadable or too big. */
  read(relativePath: string): string | undefined;
  /** Entry names of a directory (files and directories), sorted; [] when absent. */
  list(relativeDir: string): string[];
  isDirectory(relativePath: string): boolean;
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

/** The real file system under `root`; never follows a link out of the root. */
export function fileSystemRepository(root: string): RepositoryReader {
  const realRoot = realpathSync(root);
  const inside = (relativePath: string): string | undefined => {
    try {
      const full = realpathSync(path.join(root, ...relativePath.split('/')));
      const rel = path.relative(realRoot, full);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
      return full;
    } catch {
      return undefined;
    }
  };
  return {
    read(relativePath) {
      const full = inside(relativePath);
      if (full === undefined) return undefined;
      try {
        const stat = statSync(full);
        if (!stat.isFile() || stat.size > MAX_VARIABLES_BYTES) return undefined;
        return readFileSync(full, 'utf8');
      } catch {
        return undefined;
      }
    },
    list(relativeDir) {
      const full = inside(relativeDir);
      if (full === undefined) return [];
      try {
        return readdirSync(full).sort();
      } catch {
        return [];
      }
    },
    isDirectory(relativePath) {
      const full = inside(relativePath);
      try {
        return full !== undefined && statSync(full).isDirectory();
      } catch {
        return false;
      }
    },
  };
}
