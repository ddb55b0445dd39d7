import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Options } from './options.js';

/**
 * The same settings for a scan of the base commit, checked out at
 * `baseRoot` with the scan root's relative paths: no scope and no baseline
 * (every finding there counts). A --vars file inside the scan root is the
 * base's own copy, left out when the base lacks it; one outside the root is
 * the same file. null when none of the scanned paths exists at the base:
 * nothing was there before.
 */
export function optionsForBase(options: Options, baseRoot: string): Options | null {
  const paths = options.paths.filter((p) => existsSync(path.join(baseRoot, p)));
  if (paths.length === 0) return null;
  const mapped = (file: string): string | null => {
    const rel = path.relative(options.root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return file;
    const there = path.join(baseRoot, rel);
    return existsSync(there) ? there : null;
  };
  return {
    ...options,
    root: baseRoot,
    paths,
    changed: null,
    base: null,
    baseline: null,
    vars: options.vars.map(mapped).filter((v): v is string => v !== null),
  };
}
