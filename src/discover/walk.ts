import { readdir } from 'node:fs/promises';
import { type ListedPath, listedPath, showPathBytes } from './listed-path.js';
import { VENDORED_DIRECTORIES, VENDORED_SHOWN } from './patterns.js';

export interface WalkListing {
  files: ListedPath[];
  notes: string[];
}

const PARALLEL_DIRECTORIES = 8;

const SLASH = Buffer.from('/');
const DOT_GIT = Buffer.from('.git');

function join(dir: Buffer, name: Buffer): Buffer {
  return dir.length === 0 ? name : Buffer.concat([dir, SLASH, name]);
}

/**
 * Lists files under `root`/`starts` (POSIX paths relative to `root`, '' for
 * the root itself) without git. A symbolic link is listed as a file and never
 * descended: a linked directory may lead out of the root or loop, and its
 * real files are reached through their real path when they are inside.
 * `.git` is skipped; vendored trees are not entered when `pruneVendored`.
 * Names are read as bytes: one that is not UTF-8 is listed, not lost.
 */
export async function walkFiles(root: string, starts: readonly string[], pruneVendored: boolean): Promise<WalkListing> {
  const files: ListedPath[] = [];
  const notes: string[] = [];
  const rootBytes = Buffer.from(root, 'utf8');
  const queue: Buffer[] = starts.map((s) => Buffer.from(s, 'utf8'));
  const seen = new Set<string>(queue.map((d) => d.toString('latin1')));
  let pruned = 0;

  async function visit(dir: Buffer): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir.length === 0 ? rootBytes : join(rootBytes, dir), { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      notes.push(`${dir.length === 0 ? '.' : showPathBytes(dir).shown}/ could not be listed (${err.code ?? err.message}); its files were not scanned`);
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.equals(DOT_GIT)) continue;
      const rel = join(dir, name);
      if (entry.isDirectory()) {
        if (pruneVendored && VENDORED_DIRECTORIES.has(name.toString('utf8'))) {
          pruned++;
          continue;
        }
        const key = rel.toString('latin1');
        if (!seen.has(key)) {
          seen.add(key);
          queue.push(rel);
        }
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        files.push(listedPath(rel));
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
  if (pruned > 0) notes.push(`${pruned} vendored folder${pruned === 1 ? ' was' : 's were'} not walked ${VENDORED_SHOWN}; an include glob scans them`);
  return { files, notes };
}
