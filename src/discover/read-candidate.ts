import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { PathClass } from './classify.js';
import { binaryReason, decodeForSniffing, decodeUtf8, type Unreadable } from './decode.js';
import type { Role } from './patterns.js';
import { SNIFF_CHARS, sniffRole } from './sniff.js';
import { type Candidate, kindOf } from './candidate.js';
import { type ListedPath, showPathBytes } from './listed-path.js';
import { HOST_HEAD_CHARS, type HostFormat, MAIL_MARKERS, MAX_HOST_BYTES, meetsNeeds, namedHostFile } from '../sources/contracts/host-format.js';
import { HOST_FORMATS } from '../sources/host-formats.js';
import { MarkerSearch } from './markers.js';
import { hasDistributionHeader, notLiveByContent, type SetAside } from './live.js';

/** No mail configuration is this big; a bigger file is not read (bounded memory). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Enough bytes for SNIFF_CHARS characters of ASCII, which configurations are. */
const HEAD_BYTES = SNIFF_CHARS;

const READ_CHUNK_BYTES = 256 * 1024;

export interface ReadOutcome {
  candidate?: Candidate;
  note?: string;
  /** A file left out that is probably not mail configuration at all: such notes are capped. */
  minor?: boolean;
  /** A host format claimed the file (the note says why it was still not read). */
  claimed?: boolean;
  /** Bytes read from the file (absent: it was not opened). The benchmark's count of work done. */
  bytesRead?: number;
  /** Its content says it is not live configuration (a saved diff, Postfix's own script): set aside (./live.ts). */
  setAside?: SetAside;
}

/** What one read cost: the bytes read so far. */
interface Tally {
  opened: boolean;
  bytes: number;
}

export interface ScanRoot {
  /** The root as given, resolved. */
  absolute: string;
  /** The root with every symbolic link resolved. */
  real: string;
}

function isInside(root: string, target: string): boolean {
  // The common case, without path arithmetic: an absolute, normalized target under an absolute, normalized root.
  if (target === root || target.startsWith(root.endsWith('/') ? root : `${root}/`)) return true;
  const rel = path.relative(root, target);
  return rel === '' || (!path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`));
}

/** The OS error without the absolute path Node appends ("EACCES: permission denied, open '/…'"). */
function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const message = typeof err.message === 'string' ? err.message.replace(/, \w+ '.*'$/, '') : String(e);
  return `the file could not be read (${message})`;
}

function skipped(rel: string, cls: PathClass, problem: Unreadable): ReadOutcome {
  if (cls.definite) {
    const role = cls.roles[0] as Role;
    return { candidate: { path: rel, kind: kindOf(role), role, unreadable: problem } };
  }
  return { note: `${rel} was not scanned: ${problem.reason}` };
}

const atStart = (reason: string): Unreadable => ({ reason, line: 1, column: 1 });

/**
 * Reads one file that its path made worth opening. Never throws: a file that
 * is mail configuration by name and cannot be read becomes `unreadable` (the
 * config-unreadable rule fails closed on it); any other file that cannot be
 * read or whose content is not mail configuration is left out, with a note
 * when the user asked for it by include glob or by path.
 */
export function readCandidate(context: ReadContext, file: ListedPath, cls: PathClass): ReadOutcome {
  const tally: Tally = { opened: false, bytes: 0 };
  const outcome = readPath(context, file, cls, tally);
  if (tally.opened) outcome.bytesRead = tally.bytes;
  // A file opened only in case it is provisioning code (any script, any YAML)
  // is not worth a note when it turns out not to be one: only a file a host
  // format claimed is (too big, undecodable).
  if (cls.embedded === true && outcome.candidate === undefined && outcome.claimed !== true && outcome.setAside === undefined) {
    return outcome.bytesRead === undefined ? {} : { bytesRead: outcome.bytesRead };
  }
  return outcome;
}

/**
 * A file whose name is not UTF-8 and, shown escaped, reads as another
 * file's name: the report could not say which of the two a finding is in, so
 * it fails closed instead of being judged under a borrowed name.
 */
export function ambiguousName(rel: string, cls: PathClass): ReadOutcome {
  const role = cls.roles[0];
  const kind = cls.embedded === true || role === undefined ? 'embedded' : kindOf(role);
  const reason = `its name is not UTF-8 and, shown escaped as ${rel}, is the same as another file's name; rename one of them`;
  return { candidate: { path: rel, kind, ...(role === undefined ? {} : { role }), unreadable: atStart(reason) } };
}

/**
 * Path arithmetic on byte paths: latin1 maps each byte to one character and
 * back, and leaves `/` and `.` (all that path.resolve and path.relative look
 * at) as they are.
 */
function bytePath(bytes: Buffer | string): string {
  return (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('latin1');
}

/**
 * Where reads land: one buffer for every file's head, reused (discovery reads
 * one file at a time). Nothing keeps a view of it past one readFile call:
 * what a candidate keeps is decoded text or a copy.
 */
const HEAD_BUFFER = Buffer.alloc(HEAD_BYTES);

/**
 * Real paths of the folders files were listed in, each resolved once: a file
 * opened with O_NOFOLLOW in a folder inside the real root is itself inside it.
 * Keyed by the folder's path (a NUL and its bytes as latin1 when it is not UTF-8); null for a folder that could not be resolved.
 */
type FolderCache = Map<string, string | Buffer | null>;

export interface ReadContext {
  root: ScanRoot;
  folders: FolderCache;
}

export function readContext(root: ScanRoot): ReadContext {
  return { root, folders: new Map() };
}

/** O_NOFOLLOW where the platform has it (not on Windows): then a symbolic link fails to open with ELOOP. */
const NO_FOLLOW: number | undefined = (constants as { O_NOFOLLOW?: number }).O_NOFOLLOW;

/** The real path of the folder of a file whose name is not UTF-8 (bytes): one realpath per folder. */
function realByteFolder(context: ReadContext, full: Buffer): Buffer | null {
  const slash = full.lastIndexOf(0x2f);
  const folder = full.subarray(0, slash <= 0 ? 1 : slash);
  const key = `\u0000${folder.toString('latin1')}`;
  let real = context.folders.get(key) as Buffer | null | undefined;
  if (real === undefined) {
    try {
      real = realpathSync.native(Buffer.from(folder), { encoding: 'buffer' });
    } catch {
      real = null;
    }
    context.folders.set(key, real);
  }
  return real;
}

/**
 * The real path of a folder under the scan root, from its parent's: a
 * folder that is no symbolic link is its real parent's entry of that name,
 * so each folder costs one lstat, not a realpath walking every component.
 * A linked folder is resolved in full. null when it cannot be resolved.
 */
function realFolder(context: ReadContext, folder: string): string | null {
  if (folder === context.root.absolute) return context.root.real;
  const cached = context.folders.get(folder) as string | null | undefined;
  if (cached !== undefined) return cached;
  const slash = folder.lastIndexOf('/');
  let real: string | null = null;
  try {
    if (slash >= context.root.absolute.length && folder.startsWith(`${context.root.absolute}/`)) {
      const parent = realFolder(context, folder.slice(0, slash));
      const info = parent === null ? null : lstatSync(folder);
      if (info !== null && info.isDirectory()) real = `${parent}${folder.slice(slash)}`;
      else if (info !== null && info.isSymbolicLink()) real = realpathSync.native(folder);
    } else {
      real = realpathSync.native(folder);
    }
  } catch {
    real = null;
  }
  context.folders.set(folder, real);
  return real;
}

function readPath(context: ReadContext, file: ListedPath, cls: PathClass, tally: Tally): ReadOutcome {
  const { root } = context;
  const rel = file.shown;
  // A text name is opened by its text; any other by its bytes.
  const full: string | Buffer = file.raw === undefined ? `${root.absolute}/${rel}` : Buffer.concat([Buffer.from(root.absolute, 'utf8'), Buffer.from('/'), file.raw]);
  // The common case costs one lstat per folder, not a realpath per file: the file is
  // opened without following a link, in a folder whose real path is inside the root.
  let inside = false;
  if (NO_FOLLOW !== undefined) {
    if (typeof full === 'string') {
      const folder = realFolder(context, full.slice(0, full.lastIndexOf('/')));
      inside = folder !== null && isInside(root.real, folder);
    } else {
      const folder = realByteFolder(context, full);
      inside = folder !== null && isInside(bytePath(root.real), bytePath(folder));
    }
  }
  if (inside) {
    let fd: number | null = null;
    try {
      // O_NONBLOCK: a FIFO with a config's name must not hang the scan.
      fd = openSync(full, constants.O_RDONLY | constants.O_NONBLOCK | (NO_FOLLOW as number));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return {}; // listed, then deleted: nothing to judge
      // ELOOP: the file is a symbolic link, which the careful path below judges.
      if (code !== 'ELOOP' && code !== 'EMLINK') return skipped(rel, cls, atStart(ioReason(e)));
    }
    if (fd !== null) return withTemplate(readOpen(fd, rel, cls, tally), cls);
  }
  return readThroughLinks(root, typeof full === 'string' ? Buffer.from(full, 'utf8') : full, rel, cls, tally);
}

function withTemplate(outcome: ReadOutcome, cls: PathClass): ReadOutcome {
  if (cls.template !== undefined && outcome.candidate !== undefined) outcome.candidate.template = cls.template;
  return outcome;
}

/** A file that is a symbolic link (or in a folder that could not be resolved): followed only to a target inside the root. */
function readThroughLinks(root: ScanRoot, full: Buffer, rel: string, cls: PathClass, tally: Tally): ReadOutcome {
  let real: Buffer;
  try {
    real = realpathSync.native(full, { encoding: 'buffer' });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code !== 'ENOENT') return skipped(rel, cls, atStart(ioReason(e)));
    let target: Buffer;
    try {
      target = readlinkSync(full, { encoding: 'buffer' });
    } catch {
      return {}; // listed, then deleted: nothing to judge
    }
    const shownTarget = showPathBytes(target).shown;
    if (!isInside(bytePath(root.absolute), path.resolve(path.dirname(bytePath(full)), bytePath(target)))) {
      return { note: `${rel} is a symbolic link to ${shownTarget}, outside the scan root; not followed` };
    }
    return skipped(rel, cls, atStart(`it is a symbolic link to ${shownTarget}, which does not exist`));
  }
  if (!isInside(bytePath(root.real), bytePath(real))) {
    let target = real;
    try {
      target = readlinkSync(full, { encoding: 'buffer' });
    } catch {
      // a directory link higher up the path: name the resolved target instead
    }
    return { note: `${rel} is a symbolic link to ${showPathBytes(target).shown}, outside the scan root; not followed` };
  }
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return skipped(rel, cls, atStart(ioReason(e)));
  }
  return withTemplate(readOpen(fd, rel, cls, tally), cls);
}

/** What read(2) at an offset says of a file that is no regular file: a directory, a FIFO (ESPIPE), a FIFO with no data (EAGAIN). */
const NOT_REGULAR: ReadonlySet<string> = new Set(['EISDIR', 'ESPIPE', 'EAGAIN']);

/** Reads an open file (and closes it). */
function readOpen(fd: number, rel: string, cls: PathClass, tally: Tally): ReadOutcome {
  tally.opened = true;
  try {
    // The head first: a file shorter than the head buffer is read whole
    // and needs no fstat (most files); the size of a longer one decides
    // the limits, and an empty read may be no regular file at all (a FIFO).
    let head: Buffer;
    try {
      // One read: read(2) of a regular file returns fewer bytes than asked only at its end.
      const n = readSync(fd, HEAD_BUFFER, 0, HEAD_BYTES, 0);
      tally.bytes += n;
      head = HEAD_BUFFER.subarray(0, n);
    } catch (e) {
      // A directory, a FIFO or a socket refuses a positioned read before fstat is asked.
      if (NOT_REGULAR.has((e as NodeJS.ErrnoException).code ?? '')) return skipped(rel, cls, atStart('it is not a regular file'));
      throw e;
    }
    const stat = head.length > 0 && head.length < HEAD_BYTES ? { size: head.length } : fstatSync(fd);
    if ('isFile' in stat && !stat.isFile()) return skipped(rel, cls, atStart('it is not a regular file'));
    if (stat.size > MAX_FILE_BYTES) {
      if (cls.embedded === true) return {}; // a big file of some other kind: nothing to say about it
      return skipped(rel, cls, atStart(`the file is ${stat.size} bytes, over the ${MAX_FILE_BYTES / (1024 * 1024)} MiB limit`));
    }
    const binary = binaryReason(head);
    if (binary && cls.embedded === true) return {};
    if (binary) return cls.definite ? skipped(rel, cls, binary) : { ...skipped(rel, cls, binary), minor: true };

    // Decoded only for a content sniff or a host format's test: most files opened fail the byte test for mail markers first.
    let sniffed: string | null = cls.definite || cls.roles.length === 0 ? null : decodeForSniffing(head);
    const text = (): string => (sniffed ??= decodeForSniffing(head));
    const role: Role | null = cls.definite ? (cls.roles[0] ?? null) : cls.roles.length === 0 ? null : sniffRole(text(), cls.roles);
    if (role === null) {
      // Not a mail file: maybe provisioning code that edits one (a script, a Dockerfile, a ConfigMap).
      // A file that the head already holds whole and that names no mail
      // server edits none: rejected before any host format looks at it.
      const whole = head.length >= stat.size;
      const format = namedFormat(rel) ?? (whole && !MarkerSearch.in(head, MAIL_MARKERS) ? null : formatClaiming(rel, text().slice(0, HOST_HEAD_CHARS)));
      const embedded = format === null ? null : readEmbedded(fd, rel, head, stat.size, format, tally);
      // Postfix's own scripts carry its manual-page header: a Postfix source tree holds them (./live.ts).
      if (embedded?.candidate !== undefined && hasDistributionHeader(text())) return { ...embedded, candidate: { ...embedded.candidate, distributionHeader: true } };
      if (embedded !== null) return embedded;
      if (cls.via === 'pattern') return {};
      return { note: `${rel} was not scanned: its content is not Postfix or sendmail configuration`, minor: true };
    }
    const bytes = stat.size > head.length ? readRest(fd, head, tally) : head;
    if (bytes.length > MAX_FILE_BYTES) {
      return skipped(rel, cls, atStart(`the file is over the ${MAX_FILE_BYTES / (1024 * 1024)} MiB limit`));
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
      const { reason, line, column } = decoded;
      return { candidate: { path: rel, kind: kindOf(role), role, unreadable: { reason, line, column } } };
    }
    const diff = notLiveByContent(decoded.text);
    return { candidate: { path: rel, kind: kindOf(role), role, file: { path: rel, text: decoded.text }, ...(diff === null ? {} : { diffLike: diff }) } };
  } catch (e) {
    return skipped(rel, cls, atStart(ioReason(e)));
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing was written: a failed close loses nothing
    }
  }
}

/** The host format a file's name alone gives it (HostFormat.byName), or null. */
function namedFormat(rel: string): HostFormat | null {
  if (!namedHostFile(rel)) return null;
  return HOST_FORMATS.find((f) => f.byName === true && f.matches(rel, '')) ?? null;
}

/**
 * The first host format whose structural test (path, first line, top-level
 * keys) takes the file. The mail-marker test is not part of it here: the
 * marker may come anywhere in the file (readEmbedded searches all of it).
 */
function formatClaiming(rel: string, head: string): HostFormat | null {
  for (const format of HOST_FORMATS) {
    try {
      if (format.matches(rel, head)) return format;
    } catch {
      // A format's matcher must not stop discovery; it simply does not claim the file.
    }
  }
  return null;
}

/**
 * A file a host format claimed: searched whole for a mail marker, then read
 * whole (up to MAX_HOST_BYTES), checked against the format's `needs` and
 * handed to its extractor by the sources stage. null when no marker occurs
 * anywhere in it or it lacks what the format needs (it edits no mail configuration).
 */
function readEmbedded(fd: number, rel: string, head: Buffer, size: number, format: HostFormat, tally: Tally): ReadOutcome | null {
  if (size > MAX_HOST_BYTES) {
    if (format.byName !== true && !markerAnywhere(fd, head, tally)) return null;
    return { claimed: true, note: `${rel} may edit mail configuration but was not read: it is ${size} bytes, over the ${MAX_HOST_BYTES / (1024 * 1024)} MiB limit for provisioning files` };
  }
  const bytes = size > head.length ? readRest(fd, head, tally) : head;
  // The format's own content test, over every byte: a README's "postfix" or a
  // ConfigMap that only mentions the relay holds no edit and is never parsed.
  if (format.byName !== true && (!MarkerSearch.in(bytes, MAIL_MARKERS) || !meetsNeeds(bytes, format.needs))) return null;
  if (bytes.length > MAX_HOST_BYTES) {
    return { claimed: true, note: `${rel} may edit mail configuration but was not read: it is over the ${MAX_HOST_BYTES / (1024 * 1024)} MiB limit for provisioning files` };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { claimed: true, note: `${rel} may edit mail configuration but was not read: ${decoded.reason} (line ${decoded.line})` };
  return { candidate: { path: rel, kind: 'embedded', host: format.form, file: { path: rel, text: decoded.text } } };
}

/** Searches the file chunk by chunk, up to the file-size limit, keeping one chunk in memory. */
function markerAnywhere(fd: number, head: Buffer, tally: Tally): boolean {
  const search = new MarkerSearch(MAIL_MARKERS);
  search.push(head);
  const chunkBuffer = Buffer.alloc(READ_CHUNK_BYTES);
  for (let position = head.length; !search.found && position <= MAX_FILE_BYTES; ) {
    const chunk = readBytes(fd, chunkBuffer, position, READ_CHUNK_BYTES, tally);
    if (chunk.length === 0) break;
    search.push(chunk);
    position += chunk.length;
  }
  return search.found;
}

/** Up to `length` bytes at `position` into `buffer` (a view of it: copy what must outlive the next read). */
function readBytes(fd: number, buffer: Buffer, position: number, length: number, tally: Tally): Buffer {
  let filled = 0;
  while (filled < length) {
    const bytesRead = readSync(fd, buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  tally.bytes += filled;
  return buffer.subarray(0, filled);
}

/** The rest of the file, until end of file or just past the size limit (a file may grow while read). */
function readRest(fd: number, head: Buffer, tally: Tally): Buffer {
  const chunks: Buffer[] = [head];
  let total = head.length;
  while (total <= MAX_FILE_BYTES) {
    const chunk = readBytes(fd, Buffer.allocUnsafe(READ_CHUNK_BYTES), total, READ_CHUNK_BYTES, tally);
    if (chunk.length === 0) break;
    chunks.push(chunk);
    total += chunk.length;
  }
  // A copy: `head` is a view of the shared head buffer.
  return Buffer.concat(chunks, total);
}
