import { type GitBytesRun, gitBytes, gitComplaint } from './git.js';
import { linkedTo, linkFiles, readLinks } from './base-links.js';

/**
 * How the base worktree's files were made, for the log: most of a pull
 * request's base is the workspace's own files, so those are linked, not
 * written again.
 */
export interface Filled {
  /** Files hard-linked from the workspace. */
  linked: number;
  /** Entries git wrote from the base commit (changed files, links, submodule folders); 0 when it wrote the whole tree. */
  written: number;
  /** Why every entry was written by git instead, or null. */
  whole: string | null;
  /**
   * When the base scan reads the workspace's unchanged files where they are (src/model/overlay.ts):
   * every file and symbolic link of the base by its path (latin1), true for the files the workspace
   * has unchanged, false for what git wrote. null: the worktree holds every file.
   */
  overlay: Map<string, boolean> | null;
  /** With `overlay`: the symbolic links git wrote, and how many files they lead to were linked for them. */
  links: Set<string>;
  linkedForLinks: number;
}

/** A listing bigger than this (about 2.5 million paths) is not held in memory: git writes the tree. */
const MAX_LISTING_BYTES = 256 * 1024 * 1024;

interface Entry {
  /** The path's bytes as latin1 (one character per byte): names need not be UTF-8. */
  path: string;
  regular: boolean;
  /** A symbolic link (mode 120000). */
  link: boolean;
  /** The blob's id. */
  object: string;
}

/**
 * Fills a worktree added with `--no-checkout` for commit `sha`, as
 * `git worktree add` would have: git reads the commit's tree into the
 * worktree's index, and each regular file that `git diff SHA` in the
 * workspace reports unchanged (content, filters and type; a dirty or
 * deleted file is reported) is a hard link to the workspace's file, whose
 * bytes are then those git would write: unless the base's attributes
 * convert it (see `Conversion`). Git itself writes everything else:
 * changed files, symbolic links and submodule folders (checkout-index, with
 * the commit's own attributes and filters), and any file a link could not
 * be made for (another file system, a sparse workspace).
 *
 * Git writes the whole tree instead when the workspace's `.gitattributes`
 * files are not the base's or core.autocrlf is on (`git diff` would then
 * compare converted bytes), or a path is one git's own
 * checkout checks specially (`..`, `.git`, NTFS and HFS aliases of it, a
 * backslash): only git decides what such a path becomes. Nothing is
 * linked before that is decided.
 *
 * With `mayOverlay`, a base without submodules gets links only for what
 * its symbolic links lead to (./base-links.ts): the result's `overlay`
 * says which files the base scan reads in the workspace and which git
 * wrote into the worktree.
 *
 * Nothing reads the worktree but the base scan, which opens files read-only;
 * removing it unlinks the links, not the workspace's files.
 */
export async function fillBaseWorktree(repoTop: string, worktree: string, sha: string, mayOverlay = false): Promise<Filled | { failure: string }> {
  const read = await gitBytes(worktree, ['read-tree', sha], { maxBuffer: 1024 * 1024 });
  if (read.code !== 0) return { failure: `git read-tree: ${complaint(read)}` };

  const whole = async (why: string): Promise<Filled | { failure: string }> => {
    const all = await gitBytes(worktree, ['checkout-index', '--all', '--force'], { config: PARALLEL, maxBuffer: 1024 * 1024 });
    if (all.code !== 0) return { failure: `git checkout-index: ${complaint(all)}` };
    return { linked: 0, written: 0, whole: why, overlay: null, links: new Set(), linkedForLinks: 0 };
  };

  const listed = await gitBytes(repoTop, ['ls-tree', '-r', '-z', '--full-tree', sha], { maxBuffer: MAX_LISTING_BYTES });
  if (listed.code !== 0) return whole(`its listing could not be read (${complaint(listed)})`);
  const changed = await gitBytes(repoTop, ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', '--no-relative', sha, '--'], {
    maxBuffer: MAX_LISTING_BYTES,
  });
  if (changed.code !== 0) return whole(`the workspace could not be compared with it (${complaint(changed)})`);

  const changedPaths = new Set(splitNul(changed.stdout));
  // git diff trusts the index for a path marked assume-unchanged or skip-worktree (`git ls-files -v`
  // tags it with a lowercase letter or S): whatever the workspace holds there, git writes the base's.
  const flagged = await gitBytes(repoTop, ['ls-files', '-z', '-v', '--full-name'], { maxBuffer: MAX_LISTING_BYTES });
  if (flagged.code !== 0) return whole(`the workspace's index could not be read (${complaint(flagged)})`);
  for (const record of splitNul(flagged.stdout)) if (!record.startsWith('H ')) changedPaths.add(record.slice(2));
  // `git diff` compares files as the workspace's attributes clean them: a .gitattributes that differs from
  // the base's (changed, or untracked or ignored, which git reads all the same) could hide a difference.
  for (const p of changedPaths) if (isAttributes(p)) return whole(`${shown(p)} changed`);
  const stray = await gitBytes(repoTop, ['ls-files', '-z', '--others', '--full-name', '--', ':(glob)**/.gitattributes'], { maxBuffer: MAX_LISTING_BYTES });
  if (stray.code !== 0) return whole(`the workspace could not be listed (${complaint(stray)})`);
  const strays = splitNul(stray.stdout);
  if (strays.length > 0) return whole(`the workspace has ${shown(strays[0] as string)}, which the base commit does not`);
  const entries: Entry[] = [];
  for (const record of splitNul(listed.stdout)) {
    const tab = record.indexOf('\t');
    if (tab < 0) return whole('its listing could not be read');
    // "<mode> SP <type> SP <object> TAB <path>"
    const entry = { path: record.slice(tab + 1), regular: record.startsWith('100'), link: record.startsWith('120000 '), object: record.slice(record.lastIndexOf(' ', tab) + 1, tab) };
    if (!plainPath(entry.path)) return whole(`git decides what its path ${shown(entry.path)} becomes`);
    entries.push(entry);
  }

  // core.autocrlf=true converts every text file as git writes it; =input as git compares it, so a CRLF
  // file is "unchanged" from an LF blob. Either way `git diff` says nothing of the bytes git would write.
  const config = await lineEndSettings(worktree);
  if (config.autocrlf !== '' && !/^(?:false|no|off|0)$/i.test(config.autocrlf)) return whole(`core.autocrlf is ${JSON.stringify(config.autocrlf)}: git converts line ends`);
  const eol = config.eol.toLowerCase();
  const candidates = entries.filter((e) => e.regular && !changedPaths.has(e.path));
  const converted = await conversions(worktree, candidates, eol === 'crlf' || ((eol === '' || eol === 'native') && process.platform === 'win32'));
  if (converted === null) return whole("the base commit's attributes could not be read");
  const differing = await differingBytes(repoTop, candidates.filter((e) => converted.get(e.path) === 'verify'));
  if (differing === null) return whole('the workspace files git would clean could not be hashed');
  const toLink: string[] = [];
  const written: string[] = [];
  for (const e of entries) {
    const conversion = converted.get(e.path);
    const linkable = e.regular && !changedPaths.has(e.path) && (conversion === undefined || (conversion === 'verify' && !differing.has(e.path)));
    (linkable ? toLink : written).push(e.path);
  }

  /** Git writes `paths` from the base's index: why not, or null. */
  const checkout = async (paths: readonly string[]): Promise<string | null> => {
    if (paths.length === 0) return null;
    const out = await gitBytes(worktree, ['checkout-index', '--force', '-z', '--stdin'], { config: PARALLEL, input: nulSeparated(paths), maxBuffer: 1024 * 1024 });
    return out.code === 0 ? null : `git checkout-index: ${complaint(out)}`;
  };

  // Scanned where the workspace is its top level (mayOverlay), a base without submodules needs no
  // links: the scan reads the unchanged files in the workspace and asks the listing what exists. A
  // path through one of its symbolic links is read on the disk, so whatever a link leads to is linked.
  if (mayOverlay && entries.every((e) => e.regular || e.link) && !entries.some((e) => e.path === '.gitmodules')) {
    const overlay = new Map<string, boolean>();
    for (const p of toLink) overlay.set(p, true);
    for (const p of written) overlay.set(p, false);
    const wrote = await checkout(written);
    if (wrote !== null) return { failure: wrote };
    const targets = readLinks(latin1(worktree), entries.filter((e) => e.link).map((e) => e.path));
    const { linked: forLinks, failed } = await linkFiles(latin1(repoTop), latin1(worktree), linkedTo(overlay, targets));
    const rest = await checkout(failed);
    if (rest !== null) return { failure: rest };
    return { linked: toLink.length, written: written.length + failed.length, whole: null, overlay, links: new Set(targets.keys()), linkedForLinks: forLinks };
  }

  const made = await linkFiles(latin1(repoTop), latin1(worktree), toLink);
  written.push(...made.failed);
  const linked = made.linked;

  const wrote = await checkout(written);
  if (wrote !== null) return { failure: wrote };
  return { linked, written: written.length, whole: null, overlay: null, links: new Set(), linkedForLinks: 0 };
}

/**
 * What the base's attributes (gitattributes(5)) do to a file as git writes it. `write`: git may change
 * its bytes (a filter driver, `$Id$` expansion, re-encoding, LF to CRLF), so git writes it. `verify`: git
 * writes the blob's bytes as they are but cleans the file it compares (`text`, `text=auto` or `eol=lf`
 * turn CRLF into LF), so `git diff` may call a CRLF file unchanged: linked only when the workspace's
 * bytes are the blob's. A path with no such attribute, or with `-text` and the like, is absent.
 */
type Conversion = 'write' | 'verify';

/**
 * The conversions of `entries` by the base commit's own attributes (`--cached`: from the base
 * worktree's index, which read-tree filled). `--all` prints only the attributes a path has, so a
 * tree without .gitattributes costs one short run. null when git could not say.
 */
async function conversions(worktree: string, entries: readonly Entry[], textIsCrlf: boolean): Promise<Map<string, Conversion> | null> {
  const out = new Map<string, Conversion>();
  if (entries.length === 0) return out;
  const input = nulSeparated(entries.map((e) => e.path));
  const run = await gitBytes(worktree, ['check-attr', '--all', '--cached', '-z', '--stdin'], { input, maxBuffer: MAX_LISTING_BYTES });
  if (run.code !== 0) return null;
  const fields = splitNul(run.stdout);
  if (fields.length % 3 !== 0) return null;
  for (let i = 0; i < fields.length; i += 3) {
    const [p, attribute, value] = [fields[i] as string, fields[i + 1] as string, fields[i + 2] as string];
    if (value === 'unset') continue;
    let conversion: Conversion | null = null;
    if (attribute === 'filter' || attribute === 'ident' || attribute === 'working-tree-encoding' || attribute === 'crlf') conversion = 'write';
    else if (attribute === 'eol') conversion = value === 'lf' ? 'verify' : 'write';
    else if (attribute === 'text') conversion = textIsCrlf ? 'write' : 'verify';
    if (conversion !== null && out.get(p) !== 'write') out.set(p, conversion);
  }
  return out;
}

/**
 * The paths among `entries` whose bytes in the workspace are not their blob's (`hash-object
 * --no-filters`, which hashes the bytes as they are). Its input is one path a line, a CR before the
 * LF dropped and a line that starts with `"` unquoted: a name with a newline, a CR or a leading quote
 * counts as differing, and git writes it. null when git could not say.
 */
async function differingBytes(repoTop: string, entries: readonly Entry[]): Promise<Set<string> | null> {
  const out = new Set<string>();
  const asked = entries.filter((e) => {
    if (!e.path.includes('\n') && !e.path.includes('\r') && !e.path.startsWith('"')) return true;
    out.add(e.path);
    return false;
  });
  if (asked.length === 0) return out;
  const input = Buffer.from(asked.map((e) => `${e.path}\n`).join(''), 'latin1');
  const run = await gitBytes(repoTop, ['hash-object', '--no-filters', '--stdin-paths'], { input, maxBuffer: MAX_LISTING_BYTES });
  if (run.code !== 0) return null;
  const ids = run.stdout.toString('latin1').split('\n');
  for (const [i, e] of asked.entries()) if (ids[i] !== e.object) out.add(e.path);
  return out;
}

/** Parallel checkout (git 2.32+; older versions ignore it): one worker per core. */
const PARALLEL = { 'checkout.workers': '0' };

/**
 * A path git's checkout writes as it reads: no empty, `.` or `..`
 * component, no backslash, and no component git protects as `.git`: any
 * case, with trailing dots or spaces or an NTFS stream (`.git::$DATA`), its
 * NTFS short name (`git~1`), or with characters HFS+ ignores in names
 * (U+200C and others, all outside ASCII, so any non-ASCII byte is dropped
 * before comparing: a name that may be `.git` there is left to git).
 */
function plainPath(p: string): boolean {
  if (p === '' || p.includes('\\')) return false;
  for (const part of p.split('/')) {
    if (part === '' || part === '.' || part === '..') return false;
    // eslint-disable-next-line no-control-regex
    const ascii = part.replace(/[^\u0000-\u007f]/g, '').toLowerCase();
    if (/^\.git[. ]*(?::|$)/.test(ascii) || /^git~\d/.test(ascii)) return false;
  }
  return true;
}

const complaint = (run: GitBytesRun): string => gitComplaint({ code: run.code, stdout: '', stderr: run.stderr });

const isAttributes = (p: string): boolean => p === '.gitattributes' || p.endsWith('/.gitattributes');

/** core.autocrlf and core.eol as git reads them for the worktree ('' when unset), in one run. */
async function lineEndSettings(worktree: string): Promise<{ autocrlf: string; eol: string }> {
  const run = await gitBytes(worktree, ['config', '-z', '--get-regexp', '^core\\.(autocrlf|eol)$'], { maxBuffer: 1024 * 1024 });
  const found = { autocrlf: '', eol: '' };
  // -z: "<key>\n<value>" records; the last one of a key wins, as for git itself.
  for (const record of splitNul(run.stdout)) {
    const newline = record.indexOf('\n');
    const key = newline < 0 ? record : record.slice(0, newline);
    const value = newline < 0 ? 'true' : record.slice(newline + 1).trim();
    if (key === 'core.autocrlf') found.autocrlf = value;
    else if (key === 'core.eol') found.eol = value;
  }
  return found;
}

/** Paths (latin1, one character per byte) as git's -z input. */
const nulSeparated = (paths: readonly string[]): Buffer => Buffer.from(paths.map((p) => `${p}\u0000`).join(''), 'latin1');

function splitNul(out: Buffer): string[] {
  const text = out.toString('latin1');
  const parts = text.split('\u0000');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

const latin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
/** A path for a message: its UTF-8 text, escaped by the caller's log. */
const shown = (p: string): string => JSON.stringify(Buffer.from(p, 'latin1').toString('utf8'));
