import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Options } from './options.js';
import { type OverlayTree, overlayFolders, overlayKey, throughLink } from '../model/overlay.js';

/**
 * The same settings for a scan of the base commit, checked out at
 * `baseRoot` with the scan root's relative paths: no scope and no baseline
 * (every finding there counts). A --vars file inside the scan root is the
 * base's own copy, left out when the base lacks it; one outside the root is
 * the same file. null when none of the scanned paths exists at the base:
 * nothing was there before.
 */
export function optionsForBase(options: Options, baseRoot: string, overlay: OverlayTree | null = null): Options | null {
  const folders = overlay === null ? null : overlayFolders(overlay);
  // In an overlay tree, what exists is the tree's (src/model/overlay.ts), whatever the disk holds.
  const exists = (rel: string): boolean => {
    if (overlay === null || folders === null) return existsSync(path.join(baseRoot, rel));
    // Paths here are inside the root: `.` is the root itself ('').
    const key = overlayKey(path.posix.relative('/', path.posix.resolve('/', rel.split(path.sep).join('/'))));
    // Through a link: the worktree holds the link and what it leads to.
    if (throughLink(overlay, key)) return existsSync(path.join(baseRoot, rel));
    return folders.has(key) || overlay.files.has(key);
  };
  const paths = options.paths.filter((p) => exists(p));
  if (paths.length === 0) return null;
  const mapped = (file: string): string | null => {
    const rel = path.relative(options.root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return file;
    return exists(rel) ? path.join(baseRoot, rel) : null;
  };
  return {
    ...options,
    root: baseRoot,
    paths,
    changed: null,
    base: null,
    baseline: null,
    vars: options.vars.map(mapped).filter((v): v is string => v !== null),
    overlay,
  };
}
