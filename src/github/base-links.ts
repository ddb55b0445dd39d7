import { linkSync, mkdirSync, readlinkSync } from 'node:fs';

/** At most this many links are followed for one path, as Linux does (MAXSYMLINKS, path_resolution(7)). */
const MAX_LINKS = 40;
/** A link's target longer than PATH_MAX cannot be followed by the kernel either. */
const MAX_TARGET = 4096;

/**
 * Where symbolic link `link` of a tree leads, inside the tree, resolved as
 * path_resolution(7) does: from the link's folder, component by component,
 * `..` from where the walk has got to (a link on the way already followed),
 * each link met replaced by its own target. Paths are the tree's (latin1,
 * `/`-separated, '' the top). null when it leads out of the tree (an
 * absolute target, `..` above the top) or through more than MAX_LINKS
 * links (a loop). The place it names need not exist.
 */
export function linkTarget(link: string, targets: ReadonlyMap<string, string>): string | null {
  const first = targets.get(link);
  if (first === undefined) return link;
  const at = link.split('/').slice(0, -1);
  let pending = first.split('/').reverse();
  let followed = 1;
  if (first.startsWith('/') || first.length > MAX_TARGET) return null;
  for (let part = pending.pop(); part !== undefined; part = pending.pop()) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (at.length === 0) return null;
      at.pop();
      continue;
    }
    at.push(part);
    const target = targets.get(at.join('/'));
    if (target === undefined) continue;
    if (++followed > MAX_LINKS || target.startsWith('/') || target.length > MAX_TARGET) return null;
    at.pop();
    pending = [...pending, ...target.split('/').reverse()];
  }
  return at.join('/');
}

/**
 * The symbolic links git wrote under `worktree` among `paths` (latin1), with their targets (latin1).
 * A path git wrote as a plain file (core.symlinks off) is not one.
 */
export function readLinks(worktree: string, paths: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of paths) {
    try {
      out.set(p, readlinkSync(Buffer.from(`${worktree}/${p}`, 'latin1'), { encoding: 'buffer' }).toString('latin1'));
    } catch {
      // Not a link on the disk: read as the file it is.
    }
  }
  return out;
}

/**
 * What the base scan can reach through the tree's symbolic links: every
 * file of `files` (latin1 path -> true when the workspace holds it
 * unchanged) that a link leads to, or that is under a folder one leads to.
 * Linked into the worktree (linkFiles), so that a path through a link reads
 * there what the base has.
 */
export function linkedTo(files: ReadonlyMap<string, boolean>, targets: ReadonlyMap<string, string>): string[] {
  const wanted = new Set<string>();
  const folders: string[] = [];
  for (const link of targets.keys()) {
    const to = linkTarget(link, targets);
    if (to === null) continue;
    if (files.get(to) === true) wanted.add(to);
    else if (!files.has(to)) folders.push(to);
  }
  if (folders.length > 0) {
    const prefixes = new Set(folders.map((f) => (f === '' ? '' : `${f}/`)));
    for (const [p, unchanged] of files) {
      if (!unchanged || wanted.has(p)) continue;
      if (prefixes.has('')) wanted.add(p);
      else for (let slash = p.indexOf('/'); slash >= 0; slash = p.indexOf('/', slash + 1)) if (prefixes.has(p.slice(0, slash + 1))) wanted.add(p);
    }
  }
  return [...wanted];
}

/** System calls between two turns of the event loop (a few milliseconds each). */
const SLICE = 2048;

/**
 * Hard links from `top`'s files to the same paths under `into` (latin1),
 * making their folders: the paths that could not be linked (git writes
 * those). One system call at a time, in slices that let the head scan's
 * callbacks run between them: link(2) and mkdir(2) into one folder
 * serialize on its lock, and libuv's threads made the same work 4x slower,
 * a worker thread beside the scan slower too.
 */
export async function linkFiles(top: string, into: string, paths: Iterable<string>): Promise<{ linked: number; failed: string[] }> {
  const folders = new Set<string>();
  const failed: string[] = [];
  let linked = 0;
  let calls = 0;
  for (const p of paths) {
    for (let slash = p.indexOf('/'); slash >= 0; slash = p.indexOf('/', slash + 1)) {
      const folder = p.slice(0, slash);
      if (folders.has(folder)) continue;
      folders.add(folder);
      calls++;
      try {
        mkdirSync(Buffer.from(`${into}/${folder}`, 'latin1'));
      } catch {
        // Already there (git made it), or not makeable: the links under it fail and git writes those files.
      }
    }
    calls++;
    try {
      linkSync(Buffer.from(`${top}/${p}`, 'latin1'), Buffer.from(`${into}/${p}`, 'latin1'));
      linked++;
    } catch {
      // A file that cannot be linked is written by git: nothing is lost but time.
      failed.push(p);
    }
    if (calls >= SLICE) {
      calls = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { linked, failed };
}
