/**
 * Reading the files that settings name: `.relaygate.yml`, `vars`, `baseline`
 * and `--changed`. Two rules keep a hostile repository from using them:
 *
 * - Limits. Each kind of file has a size limit, and a file is read in
 *   chunks that stop just past it: a huge file, or a device that never ends
 *   (`/dev/zero`), costs at most the limit, never the whole file first.
 * - Containment. A file the repository names (the `.relaygate.yml` at the
 *   scan root, and the `vars` and `baseline` files it lists) must lie inside
 *   the scan root, and may not lead out of it through a symbolic link: the
 *   same rule as for scanned files, except that a setting cannot be skipped
 *   with a note, so it is an error. Files given as CLI flags or action inputs
 *   are the user's own and may be anywhere.
 */
import { constants } from 'node:fs';
import { lstat, open, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { OptionsError } from './options.js';

/** A `.relaygate.yml` is a few lines; thousands of globs already fit in this. */
export const MAX_CONFIG_BYTES = 256 * 1024;
/** As for the variables files found in the repository (src/sources/repository.ts). */
export const MAX_VARS_BYTES = 1024 * 1024;
/** A JSON report of about ten thousand findings. */
export const MAX_BASELINE_BYTES = 16 * 1024 * 1024;
/** Tens of thousands of changed paths. */
export const MAX_CHANGED_BYTES = 4 * 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

export interface SettingFile {
  /** The setting that names the file, for messages: `vars`, `--config`, `input baseline`. */
  setting: string;
  /** Absolute path. */
  file: string;
  /** The file's name as messages show it. */
  shown: string;
  /** Size limit in bytes. */
  limit: number;
  /** The kind of file, plural, for the limit's message: `configuration files`. */
  kind: string;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

/** The OS error without the absolute path Node appends ("EACCES: permission denied, open '/…'"). */
function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file';
  if (err.code === 'EISDIR') return 'it is a directory';
  return typeof err.message === 'string' ? err.message.replace(/, \w+ '.*'$/, '') : String(e);
}

function cannotRead(f: SettingFile, why: string): OptionsError {
  return new OptionsError(`${f.setting}: cannot read ${f.shown}: ${why}`);
}

/**
 * The file's text, read up to its limit; strict UTF-8, without a byte order
 * mark. With `regularOnly` a FIFO or device is refused instead of read (it
 * is opened without blocking, so a FIFO cannot hang the scan): files that
 * the repository names. Every problem is an OptionsError naming the setting.
 */
export async function readSettingFile(f: SettingFile, regularOnly = false): Promise<string> {
  let handle;
  try {
    handle = await open(f.file, regularOnly ? constants.O_RDONLY | constants.O_NONBLOCK : constants.O_RDONLY);
  } catch (e) {
    throw cannotRead(f, ioReason(e));
  }
  let bytes: Buffer;
  try {
    bytes = await readUpTo(handle, f);
  } catch (e) {
    if (e instanceof OptionsError) throw e;
    throw cannotRead(f, ioReason(e));
  } finally {
    await handle.close().catch(() => undefined);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw cannotRead(f, 'it is not UTF-8 text');
  }

  async function readUpTo(h: Awaited<ReturnType<typeof open>>, file: SettingFile): Promise<Buffer> {
    const info = await h.stat();
    if (info.isDirectory()) throw cannotRead(file, 'it is a directory');
    if (regularOnly && !info.isFile()) throw cannotRead(file, 'it is not a regular file');
    const over = (size: number | null): OptionsError =>
      cannotRead(file, `it is ${size === null ? '' : `${size} bytes, `}over the ${sizeText(file.limit)} limit for ${file.kind}`);
    if (info.isFile() && info.size > file.limit) throw over(info.size);
    const chunks: Buffer[] = [];
    let total = 0;
    // One byte past the limit tells "too big" from "exactly the limit"; a file may grow while read.
    while (total <= file.limit) {
      const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, file.limit + 1 - total));
      const { bytesRead } = await h.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > file.limit) throw over(null);
    return Buffer.concat(chunks, total);
  }
}

/** Whether `target` is `root` or below it, comparing the paths as written. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`));
}

/**
 * Why a file the repository names may not be read, or null when it may: it
 * is outside the scan root, leads out of it through a symbolic link, is a
 * dangling link, or is not a regular file. A file that does not exist at all
 * passes (reading it then says so). Nothing is opened: a FIFO cannot hang this.
 *
 * @param root the scan root (absolute)
 * @param file absolute path
 */
export async function containmentProblem(root: string, file: string): Promise<string | null> {
  if (!isInside(root, file)) return 'is outside the scan root';
  let real: string;
  try {
    real = await realpath(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return null;
    const link = await linkTarget(file);
    return link === null ? null : `is a symbolic link to ${link}, which does not exist`;
  }
  let realRoot = root;
  try {
    realRoot = await realpath(root);
  } catch {
    // the root was checked when the scan target was resolved; compare as given
  }
  if (!isInside(realRoot, real)) {
    const link = await linkTarget(file);
    return link === null
      ? `leads out of the scan root through a symbolic link (to ${real}); not followed`
      : `is a symbolic link to ${link}, outside the scan root; not followed`;
  }
  try {
    if (!(await stat(real)).isFile()) return 'is not a regular file';
  } catch {
    return null;
  }
  return null;
}

/** The target of `file` when it is itself a symbolic link, else null. */
async function linkTarget(file: string): Promise<string | null> {
  try {
    return (await lstat(file)).isSymbolicLink() ? await readlink(file) : null;
  } catch {
    return null;
  }
}

/** Whether anything (a file, a directory, a dangling link) exists at the path itself. */
export async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
