/**
 * POSIX paths of repository files, relative to the scan root (the form every
 * Source and Span uses). `.` and `` both name the scan root itself.
 */

/** `dir/name`; a name in the scan root (`.` or ``) stays bare (`main.cf`, never `./main.cf`). */
export function join(dir: string, name: string): string {
  return dir === '.' || dir === '' ? name : `${dir}/${name}`;
}

/** The folder holding `dir` (`.` for a top-level entry); null for the scan root itself, so a walk upward stops there. */
export function parent(dir: string): string | null {
  if (dir === '.' || dir === '') return null;
  const slash = dir.lastIndexOf('/');
  return slash < 0 ? '.' : dir.slice(0, slash);
}

/** `a/./b/../c` -> `a/c` (empty and `.` parts dropped); null when `..` climbs out of the scan root. */
export function normalize(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}
