/**
 * Discovery: list the files under the scan root, pick the ones that may be
 * mail configuration by path, and confirm them by content. Paths in the
 * result are POSIX and relative to the scan root.
 */
import { realpath, stat } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import path from 'node:path';
import { OptionsError } from '../config/options.js';
import type { Candidate } from './candidate.js';
import { type PathClass, PathClassifier } from './classify.js';
import { gitLister, gitWorkTree } from './git-files.js';
import { ambiguousName, readCandidate, readContext, type ReadContext, type ReadOutcome, type ScanRoot } from './read-candidate.js';
import { type ListedPath, listedPath, pathKey, textPath } from './listed-path.js';
import { VENDORED_SHOWN } from './patterns.js';
import { walkFiles } from './walk.js';
import { distributionTreeInputs, distributionTrees, inDistributionTree, type SetAside } from './live.js';
import { HOST_FORMATS } from '../sources/host-formats.js';
import { isAscii, type OverlayTree, overlayFolders, overlayKey, throughLink } from '../model/overlay.js';

export type { Candidate, CandidateKind } from './candidate.js';
export type { Role } from './patterns.js';
export type { SetAside } from './live.js';

export interface DiscoverOptions {
  root: string;
  /** Sub-paths of root (files or folders) to scan; empty or ['.'] = all of it. */
  paths: string[];
  include: string[];
  exclude: string[];
  /** The tree to list and read instead of the disk under root (src/model/overlay.ts). */
  overlay?: OverlayTree | null;
}

export interface Discovery {
  candidates: Candidate[];
  /**
   * Files named like mail configuration that are not what a server loads
   * (./live.ts): not read; the sources stage judges those that provisioning
   * code deploys and notes the others.
   */
  setAside: SetAside[];
  /** Number of files listed (before classification). */
  filesListed: number;
  /** Files opened to look at their content, and the bytes read from them: the benchmark's measure of work. */
  filesRead: number;
  bytesRead: number;
  /** Things skipped that a user should know about (symlinks out of the root, ...). */
  notes: string[];
}

/** Notes about files that are probably not mail configuration (binary .mc files, include globs that match too much). */
const MAX_MINOR_NOTES = 20;

interface Targets {
  /** Folders to list, POSIX relative to root ('' = the root). */
  folders: string[];
  /** Files named explicitly: always opened, whatever their name. */
  files: string[];
}

function toPosix(rel: string): string {
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

/** Resolves the `paths` option; a path outside the root or missing is a usage error, never a silent pass. */
async function resolveTargets(root: string, paths: readonly string[], overlay: OverlayView | null): Promise<Targets> {
  const targets: Targets = { folders: [], files: [] };
  for (const p of paths.length === 0 ? ['.'] : paths) {
    const full = path.resolve(root, p);
    const rel = path.relative(root, full);
    if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
      throw new OptionsError(`path: "${p}" is outside the scan root ${root}`);
    }
    let folder: boolean;
    const key = overlay === null ? '' : overlayKey(toPosix(rel));
    if (overlay !== null && !throughLink(overlay.tree, key)) {
      if (!overlay.folders.has(key) && !overlay.tree.files.has(key)) throw new OptionsError(`path: "${p}" cannot be scanned (ENOENT)`);
      folder = overlay.folders.has(key);
    } else {
      try {
        folder = (await stat(full)).isDirectory();
      } catch (e) {
        throw new OptionsError(`path: "${p}" cannot be scanned (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
    }
    (folder ? targets.folders : targets.files).push(toPosix(rel));
  }
  // The whole root covers every other folder.
  if (targets.folders.includes('')) targets.folders = [''];
  return targets;
}

/** Part of a listing; the first one that fails makes the rest a walk of the directory. */
type ListingPart = { files: ListedPath[]; notes: string[] } | { error: string };

interface Listing {
  /** Parts in the order they are ready: the tracked files, then the untracked ones. */
  parts: (() => Promise<ListingPart>)[];
  /** Keys of listed files that are gone from the work tree (tracked, deleted): needed only at the end. */
  deleted: Promise<Set<string>>;
  /** Lists everything by walking the directory (when git fails part way). */
  walk: () => Promise<{ files: ListedPath[]; notes: string[] }>;
}

/** An overlay tree and its folders (keys as in OverlayTree.files). */
interface OverlayView {
  tree: OverlayTree;
  folders: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The overlay's files under `folders` (all of them for the root), as git lists a checkout of them. */
function overlayListing(overlay: OverlayView, folders: readonly string[]): ListedPath[] {
  const prefixes = folders.includes('') ? null : folders.map((f) => `${overlayKey(f)}/`);
  const files: ListedPath[] = [];
  for (const key of overlay.tree.files.keys()) {
    if (prefixes !== null && !prefixes.some((prefix) => key.startsWith(prefix))) continue;
    files.push(isAscii(key) ? textPath(key) : listedPath(Buffer.from(key, 'latin1')));
  }
  return files;
}

async function listFolders(root: string, folders: readonly string[], pruneVendored: boolean, overlay: OverlayView | null): Promise<Listing> {
  const walk = (): Promise<{ files: ListedPath[]; notes: string[] }> => walkFiles(root, folders, pruneVendored);
  const none = Promise.resolve(new Set<string>());
  if (folders.length === 0) return { parts: [], deleted: none, walk: () => Promise.resolve({ files: [], notes: [] }) };
  if (overlay !== null) {
    const files = overlayListing(overlay, folders);
    return { parts: [() => Promise.resolve({ files, notes: [] })], deleted: none, walk };
  }
  const tree = await gitWorkTree(root);
  if (tree.inside) {
    const lister = gitLister(root, folders.filter((f) => f !== ''));
    // Settled even when nobody waits for it (the walk took over): no unhandled rejection.
    const deleted = lister.deleted.catch(() => new Set<string>());
    return { parts: [() => lister.tracked, () => lister.untracked], deleted, walk };
  }
  return {
    parts: [
      async () => {
        const walked = await walk();
        return { files: walked.files, notes: tree.note === null ? walked.notes : [tree.note, ...walked.notes] };
      },
    ],
    deleted: none,
    walk,
  };
}

/** Files read between two looks at the event loop, so that git's output keeps flowing while files are read. */
const READ_BATCH = 512;

function isInsideDotGit(rel: string): boolean {
  return rel === '.git' || rel.startsWith('.git/') || rel.includes('/.git/') || rel.endsWith('/.git');
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export async function discover(options: DiscoverOptions): Promise<Discovery> {
  const absolute = path.resolve(options.root);
  let real: string;
  try {
    real = await realpath(absolute);
    if (!(await stat(real)).isDirectory()) throw new Error('not a directory');
  } catch (e) {
    throw new OptionsError(`path: the scan root ${options.root} is not a readable directory (${(e as Error).message})`);
  }
  const root: ScanRoot = { absolute, real };
  const overlay: OverlayView | null = options.overlay ? { tree: options.overlay, folders: overlayFolders(options.overlay) } : null;
  const targets = await resolveTargets(absolute, options.paths, overlay);
  const classifier = new PathClassifier(options.include, options.exclude, HOST_FORMATS.length > 0);
  // A user include may reach into a vendored tree: then the walk must enter them all.
  const listing = await listFolders(absolute, targets.folders, options.include.length === 0, overlay);
  const notes: string[] = [];

  const explicit = new Set(targets.files);
  const listed = new Map<string, ListedPath>();
  // Synchronous reads, one file at a time into one reused buffer: on a small
  // machine, thread-pool round trips per file cost more than the reads themselves.
  const reading = readContext(root);
  // An overlay's unchanged files are read where they are: the other folder, with its own real root.
  const from = overlay === null ? null : readContext({ absolute: path.resolve(overlay.tree.from), real: await realpath(overlay.tree.from) });
  const contextOf = (f: ListedPath): ReadContext =>
    from !== null && overlay?.tree.files.get(f.raw === undefined ? overlayKey(f.shown) : f.raw.toString('latin1')) === true ? from : reading;
  const judged: Judged[] = [];
  /** Names that are not UTF-8: judged last, when every other name is known (see below). */
  const late: ListedPath[] = [];
  /** Files in vendored trees that the default excludes left unread (PathClass.vendored), and mail files an exclude glob left out. */
  let vendored = 0;
  let excluded = 0;
  const judge = (file: ListedPath, read: (cls: PathClass) => ReadOutcome): void => {
    const named = file.text && explicit.has(file.shown);
    const cls = classifier.classify(file.shown, named);
    if (cls === null) return;
    if (cls.vendored === true || cls.excluded === true) {
      if (cls.vendored === true) vendored++;
      else excluded++;
      return;
    }
    // Set aside by name (./live.ts): never read. A distribution tree is known only at the end.
    judged.push({ file, cls, named, outcome: cls.notLive === undefined ? read(cls) : {} });
  };
  // Files are judged as their part of the listing arrives: the tracked ones
  // while git still walks the work tree for untracked ones.
  const take = async (files: readonly ListedPath[]): Promise<void> => {
    let sinceYield = 0;
    for (const f of files) {
      const key = pathKey(f);
      if (isInsideDotGit(f.shown) || listed.has(key)) continue;
      listed.set(key, f);
      if (!f.text) {
        late.push(f);
        continue;
      }
      judge(f, (cls) => readCandidate(contextOf(f), f, cls));
      if (++sinceYield === READ_BATCH) {
        sinceYield = 0;
        await setImmediate();
      }
    }
  };
  await take(targets.files.map(textPath));
  for (const part of listing.parts) {
    const got = await part();
    if ('error' in got) {
      const walked = await listing.walk();
      notes.push(`git ls-files failed (${got.error}); listed files by walking the directory, so .gitignore was not applied`, ...walked.notes);
      await take(walked.files);
      break;
    }
    notes.push(...got.notes);
    await take(got.files);
  }
  // Tracked files deleted from the work tree are not listed (the reads found nothing there either).
  const deleted = await listing.deleted;
  for (const key of deleted) listed.delete(key);

  // An escaped name can equal another file's name (`caf\xe9` written with a
  // backslash): both would be reported as one path, so neither may pass unseen.
  // Counted only when there is such a name: most repositories have none.
  const shownCount = new Map<string, number>();
  if (late.length > 0) for (const f of listed.values()) shownCount.set(f.shown, (shownCount.get(f.shown) ?? 0) + 1);
  for (const f of late) {
    if (deleted.has(pathKey(f))) continue;
    judge(f, (cls) => ((shownCount.get(f.shown) ?? 0) > 1 ? ambiguousName(f.shown, cls) : readCandidate(contextOf(f), f, cls)));
  }

  const trees = distributionTrees([...listed.values()].map((f) => f.shown));
  const setAside: SetAside[] = [];
  const candidates: Candidate[] = [];
  let minor = 0;
  let filesRead = 0;
  let bytesRead = 0;
  judged.sort((a, b) => byPath({ path: a.file.shown }, { path: b.file.shown }));
  for (const { file, cls, named, outcome } of judged) {
    if (deleted.has(pathKey(file))) continue;
    if (outcome.bytesRead !== undefined) {
      filesRead++;
      bytesRead += outcome.bytesRead;
    }
    const tree = named ? null : inDistributionTree(file.shown, trees, outcome.candidate);
    if (tree !== null) {
      setAside.push(tree);
      continue;
    }
    if (cls.notLive !== undefined) {
      setAside.push({ path: file.shown, reason: cls.notLive });
      continue;
    }
    if (outcome.candidate) candidates.push(withTreeInputs(outcome.candidate, named));
    if (outcome.setAside) setAside.push(outcome.setAside);
    if (outcome.note === undefined) continue;
    if (outcome.minor && ++minor > MAX_MINOR_NOTES) continue;
    notes.push(outcome.note);
  }
  if (vendored > 0) {
    notes.push(
      `${vendored} file${vendored === 1 ? '' : 's'} in vendored folders ${VENDORED_SHOWN} that may be provisioning code ${vendored === 1 ? 'was' : 'were'} not read; an include glob scans them`,
    );
  }
  if (excluded > 0) notes.push(`${excluded} file${excluded === 1 ? '' : 's'} named like mail configuration (main.cf, master.cf, sendmail.mc, …) ${excluded === 1 ? 'was' : 'were'} left out by exclude globs`);
  if (minor > MAX_MINOR_NOTES) {
    notes.push(`${minor - MAX_MINOR_NOTES} more files were not scanned because they are binary or not mail configuration`);
  }
  candidates.sort(byPath);
  setAside.sort(byPath);
  return { candidates, setAside, filesListed: listed.size, filesRead, bytesRead, notes };
}

/** A file a Postfix source tree could hold is live because no tree holds it: the paths that decide that are its inputs too. */
function withTreeInputs(candidate: Candidate, named: boolean): Candidate {
  if (named) return candidate;
  const inputs = distributionTreeInputs(candidate);
  return inputs.length === 0 ? candidate : { ...candidate, liveBy: inputs };
}

/** A listed file its path made worth a look, and what the look found. */
interface Judged {
  file: ListedPath;
  cls: PathClass;
  /** Named on the command line. */
  named: boolean;
  outcome: ReadOutcome;
}
