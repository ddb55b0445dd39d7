import { constants } from 'node:fs';
import { open, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { PathClass } from './classify.js';
import { binaryReason, decodeForSniffing, decodeUtf8, type Unreadable } from './decode.js';
import type { Role } from './patterns.js';
import { SNIFF_CHARS, sniffRole } from './sniff.js';
import { type Candidate, kindOf } from './candidate.js';
import { type ListedPath, showPathBytes } from './listed-path.js';
import { HOST_HEAD_CHARS, type HostFormat, MAIL_MARKERS, MAX_HOST_BYTES } from '../sources/contracts/host-format.js';
import { HOST_FORMATS } from '../sources/host-formats.js';
import { MarkerSearch } from './markers.js';

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
}

export interface ScanRoot {
  /** The root as given, resolved. */
  absolute: string;
  /** The root with every symbolic link resolved. */
  real: string;
}

function isInside(root: string, target: string): boolean {
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
export async function readCandidate(root: ScanRoot, file: ListedPath, cls: PathClass): Promise<ReadOutcome> {
  const outcome = await readPath(root, file, cls);
  // A file opened only in case it is provisioning code (any script, any YAML)
  // is not worth a note when it turns out not to be one: only a file a host
  // format claimed is (too big, undecodable).
  if (cls.embedded === true && outcome.candidate === undefined && outcome.claimed !== true) return {};
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

async function readPath(root: ScanRoot, file: ListedPath, cls: PathClass): Promise<ReadOutcome> {
  const rel = file.shown;
  const full = Buffer.concat([Buffer.from(root.absolute, 'utf8'), Buffer.from('/'), file.bytes]);
  let real: Buffer;
  try {
    real = await realpath(full, { encoding: 'buffer' });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code !== 'ENOENT') return skipped(rel, cls, atStart(ioReason(e)));
    let target: Buffer;
    try {
      target = await readlink(full, { encoding: 'buffer' });
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
      target = await readlink(full, { encoding: 'buffer' });
    } catch {
      // a directory link higher up the path: name the resolved target instead
    }
    return { note: `${rel} is a symbolic link to ${showPathBytes(target).shown}, outside the scan root; not followed` };
  }
  const outcome = await readFile(real, rel, cls);
  if (cls.template !== undefined && outcome.candidate !== undefined) outcome.candidate.template = cls.template;
  return outcome;
}

async function readFile(real: Buffer, rel: string, cls: PathClass): Promise<ReadOutcome> {
  let handle;
  try {
    // O_NONBLOCK: a FIFO with a config's name must not hang the scan.
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return skipped(rel, cls, atStart(ioReason(e)));
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return skipped(rel, cls, atStart('it is not a regular file'));
    if (stat.size > MAX_FILE_BYTES) {
      if (cls.embedded === true) return {}; // a big file of some other kind: nothing to say about it
      return skipped(rel, cls, atStart(`the file is ${stat.size} bytes, over the ${MAX_FILE_BYTES / (1024 * 1024)} MiB limit`));
    }
    const head = await readBytes(handle, 0, Math.min(stat.size, HEAD_BYTES));
    const binary = binaryReason(head);
    if (binary && cls.embedded === true) return {};
    if (binary) return cls.definite ? skipped(rel, cls, binary) : { ...skipped(rel, cls, binary), minor: true };

    const sniffed = cls.definite ? '' : decodeForSniffing(head);
    const role: Role | null = cls.definite ? (cls.roles[0] ?? null) : cls.roles.length === 0 ? null : sniffRole(sniffed, cls.roles);
    if (role === null) {
      // Not a mail file: maybe provisioning code that edits one (a script, a Dockerfile, a ConfigMap).
      // A file that the head already holds whole and that names no mail
      // server edits none: rejected before any host format looks at it.
      const whole = head.length >= stat.size;
      const format = whole && !MarkerSearch.in(head, MAIL_MARKERS) ? null : formatClaiming(rel, sniffed.slice(0, HOST_HEAD_CHARS));
      // Awaited inside the try: the handle is closed only after the whole file is read.
      const embedded = format === null ? null : await readEmbedded(handle, rel, head, stat.size, format.form);
      if (embedded !== null) return embedded;
      if (cls.via === 'pattern') return {};
      return { note: `${rel} was not scanned: its content is not Postfix or sendmail configuration`, minor: true };
    }
    const bytes = stat.size > head.length ? await readRest(handle, head) : head;
    if (bytes.length > MAX_FILE_BYTES) {
      return skipped(rel, cls, atStart(`the file is over the ${MAX_FILE_BYTES / (1024 * 1024)} MiB limit`));
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
      const { reason, line, column } = decoded;
      return { candidate: { path: rel, kind: kindOf(role), role, unreadable: { reason, line, column } } };
    }
    return { candidate: { path: rel, kind: kindOf(role), role, file: { path: rel, text: decoded.text } } };
  } catch (e) {
    return skipped(rel, cls, atStart(ioReason(e)));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

type Handle = Awaited<ReturnType<typeof open>>;

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
 * whole (up to MAX_HOST_BYTES) and handed to its extractor by the sources
 * stage. null when no marker occurs anywhere in it (it edits no mail configuration).
 */
async function readEmbedded(handle: Handle, rel: string, head: Buffer, size: number, host: Candidate['host']): Promise<ReadOutcome | null> {
  if (size > MAX_HOST_BYTES) {
    if (!(await markerAnywhere(handle, head))) return null;
    return { claimed: true, note: `${rel} may edit mail configuration but was not read: it is ${size} bytes, over the ${MAX_HOST_BYTES / (1024 * 1024)} MiB limit for provisioning files` };
  }
  const bytes = size > head.length ? await readRest(handle, head) : head;
  if (!MarkerSearch.in(bytes, MAIL_MARKERS)) return null;
  if (bytes.length > MAX_HOST_BYTES) {
    return { claimed: true, note: `${rel} may edit mail configuration but was not read: it is over the ${MAX_HOST_BYTES / (1024 * 1024)} MiB limit for provisioning files` };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { claimed: true, note: `${rel} may edit mail configuration but was not read: ${decoded.reason} (line ${decoded.line})` };
  return { candidate: { path: rel, kind: 'embedded', host, file: { path: rel, text: decoded.text } } };
}

/** Searches the file chunk by chunk, up to the file-size limit, keeping one chunk in memory. */
async function markerAnywhere(handle: Handle, head: Buffer): Promise<boolean> {
  const search = new MarkerSearch(MAIL_MARKERS);
  search.push(head);
  for (let position = head.length; !search.found && position <= MAX_FILE_BYTES; ) {
    const chunk = await readBytes(handle, position, READ_CHUNK_BYTES);
    if (chunk.length === 0) break;
    search.push(chunk);
    position += chunk.length;
  }
  return search.found;
}

async function readBytes(handle: Handle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** The rest of the file, until end of file or just past the size limit (a file may grow while read). */
async function readRest(handle: Handle, head: Buffer): Promise<Buffer> {
  const chunks: Buffer[] = [head];
  let total = head.length;
  while (total <= MAX_FILE_BYTES) {
    const chunk = await readBytes(handle, total, READ_CHUNK_BYTES);
    if (chunk.length === 0) break;
    chunks.push(chunk);
    total += chunk.length;
  }
  return Buffer.concat(chunks, total);
}
