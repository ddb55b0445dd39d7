import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../model/source.js';
import type { FixFiles } from './text.js';
import { type OverlayTree, overlayKey } from '../model/overlay.js';

/** A variables file larger than this is not read for a fix (the scan itself reads far smaller ones). */
const MAX_BYTES = 1024 * 1024;

/**
 * The files fixes are checked against: the scanned files as relaygate read
 * them, and otherwise (a variables file a template took a value from) the
 * file under the scan root, read only when it is a regular file there, not a
 * symlink, and small. Paths are the report's: POSIX, relative to the root.
 */
export function fixFiles(root: string, scanned: ReadonlyMap<string, SourceFile>, overlay: OverlayTree | null = null): FixFiles {
  // An overlay tree's file is read where the tree keeps it; one the tree lacks is not there.
  const rootOf = (file: string): string | null => {
    if (overlay === null) return root;
    const where = overlay.files.get(overlayKey(file));
    return where === undefined ? null : where ? overlay.from : root;
  };
  const cache = new Map<string, string | undefined>();
  return {
    read(file: string): string | undefined {
      const known = scanned.get(file);
      if (known !== undefined) return known.text;
      if (cache.has(file)) return cache.get(file);
      const at = rootOf(file);
      const text = at === null ? undefined : readUnder(at, file);
      cache.set(file, text);
      return text;
    },
  };
}

function readUnder(root: string, file: string): string | undefined {
  if (file === '' || path.posix.isAbsolute(file) || file.split('/').some((part) => part === '..' || part === '')) return undefined;
  const full = path.join(root, ...file.split('/'));
  try {
    // Every directory on the way must be a real one too: a symlinked folder could lead out of the root.
    let at = root;
    for (const part of file.split('/')) {
      at = path.join(at, part);
      if (lstatSync(at).isSymbolicLink()) return undefined;
    }
    const stat = lstatSync(full);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    return readFileSync(full, 'utf8');
  } catch {
    return undefined;
  }
}
