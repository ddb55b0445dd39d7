import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { VENDORED_DIRECTORIES } from './patterns.js';

export interface WalkListing {
  files: string[];
  notes: string[];
}

const PARALLEL_DIRECTORIES = 8;

/**
 * Lists files under `root`/`starts` (POSIX paths relative to `root`, '' for
 * the root itself) without git. A symbolic link is listed as a file and never
 * descended: a linked directory may lead out of the root or loop, and its
 * real files are reached through their real path when they are inside.
 * `.git` is skipped; vendored trees are not entered when `pruneVendored`.
 */
export async function walkFiles(root: string, starts: readonly string[], pruneVendored: boolean): Promise<WalkListing> {
  const files: string[] = [];
  const notes: string[] = [];
  const queue = [...starts];
  const seen = new Set<string>(queue);

  async function visit(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir === '' ? root : path.join(root, dir), { withFileTypes: true });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      notes.push(`${dir === '' ? '.' : dir}/ could not be listed (${err.code ?? err.message}); its files were not scanned`);
      return;
    }
    for (const entry of entries) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) {
        if (pruneVendored && VENDORED_DIRECTORIES.has(entry.name)) continue;
        if (!seen.has(rel)) {
          seen.add(rel);
          queue.push(rel);
        }
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        files.push(rel);
      }
    }
  }

  async function worker(): Promise<void> {
    for (let dir = queue.pop(); dir !== undefined; dir = queue.pop()) await visit(dir);
  }
  // Workers that find the queue empty stop; the others keep feeding it, so
  // run rounds until a round ends with nothing queued.
  while (queue.length > 0) {
    await Promise.all(Array.from({ length: PARALLEL_DIRECTORIES }, worker));
  }
  return { files, notes };
}
