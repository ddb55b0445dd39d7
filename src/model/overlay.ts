/**
 * A tree whose unchanged files are read from another folder: a pull
 * request's base commit, most of whose files the workspace holds as they
 * are (src/github/base-fill.ts). Every question of presence (is there a
 * file, a folder, what does a folder hold) is answered from `files`, never
 * from the disk: the other folder also holds files the tree does not have.
 * The tree has regular files, symbolic links and the folders that hold
 * them (no submodule). A path that is a link or goes through one is asked of
 * the scan root's disk, which holds the links and whatever they lead to.
 */
export interface OverlayTree {
  /** Absolute path of the folder that holds the unchanged files, at the same paths relative to it. */
  from: string;
  /**
   * Every regular file of the tree, by its path relative to the scan root as latin1 (one character
   * per byte: names need not be UTF-8): true when `from` holds its bytes, false when the scan root does.
   */
  files: ReadonlyMap<string, boolean>;
  /** The symbolic links among `files` (all of them held by the scan root). */
  links: ReadonlySet<string>;
}

/** Whether `key` (as in OverlayTree.files) is one of the tree's links or a path through one. */
export function throughLink(tree: OverlayTree, key: string): boolean {
  if (tree.links.size === 0) return false;
  for (let slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) if (tree.links.has(key.slice(0, slash))) return true;
  return tree.links.has(key);
}

/** ASCII, nearly every path, is its own UTF-8 and its own latin1. */
// eslint-disable-next-line no-control-regex
export const isAscii = (text: string): boolean => /^[\u0000-\u007f]*$/.test(text);

/** A text path's key in `OverlayTree.files`: its UTF-8 bytes as latin1. */
export function overlayKey(text: string): string {
  return isAscii(text) ? text : Buffer.from(text, 'utf8').toString('latin1');
}

/** Folders of each tree, worked out once: discovery, the readers and the base's settings all ask. */
const FOLDERS = new WeakMap<OverlayTree, Map<string, Set<string>>>();

/** Each folder of the tree ('' the root), with the names (latin1) of its files and folders. Shared: not to be changed. */
export function overlayFolders(tree: OverlayTree): ReadonlyMap<string, ReadonlySet<string>> {
  const known = FOLDERS.get(tree);
  if (known !== undefined) return known;
  const folders = new Map<string, Set<string>>([['', new Set()]]);
  FOLDERS.set(tree, folders);
  for (const file of tree.files.keys()) {
    let child = file;
    for (let slash = child.lastIndexOf('/'); ; slash = child.lastIndexOf('/')) {
      const folder = slash < 0 ? '' : child.slice(0, slash);
      const entries = folders.get(folder);
      const name = child.slice(slash + 1);
      if (entries !== undefined) {
        entries.add(name);
        break;
      }
      folders.set(folder, new Set([name]));
      child = folder;
    }
  }
  return folders;
}
