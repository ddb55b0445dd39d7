import type { Form } from '../../model/configuration.js';
import type { SourceFile } from '../../model/source.js';
import type { Extraction } from './edits.js';
import type { RepositoryReader } from './repository.js';

/**
 * A host format: provisioning code that edits mail configuration on the
 * target machine (a shell script, a Dockerfile, Ansible tasks, cloud-init,
 * a Kubernetes manifest...). `matches` decides from the path and the first
 * HOST_HEAD_CHARS characters (`head`) whether the file is one; `extract`
 * returns its edits (./edits.ts) without executing anything.
 *
 * Discovery sniffs candidates with the data below before any format runs,
 * so it lives here, in a module that imports no format.
 */
export interface HostFormat {
  form: Form;
  matches(path: string, head: string): boolean;
  /**
   * What the whole file must contain to possibly hold an edit: one of these
   * alternatives, each a list of byte strings that must all occur in it.
   * Checked over the file's bytes after the MAIL_MARKERS test and before any
   * decoding or parsing, so it must be a necessary condition of every edit,
   * base and note `extract` can return. Absent: the mail markers alone decide.
   */
  needs?: readonly (readonly string[])[];
  /**
   * The file's name alone makes it one (a name in HOST_FILE_NAMES): no mail
   * marker or `needs` test, since its lines hold bare parameter names.
   */
  byName?: true;
  extract(file: SourceFile, repo: RepositoryReader): Extraction;
}

/**
 * Names that make a file a host format's whatever it holds:
 * docker-mailserver's overrides, merged into its image's main.cf and
 * master.cf at start-up (src/sources/ecosystems/docker-mailserver/).
 */
export const HOST_FILE_NAMES: ReadonlySet<string> = new Set(['postfix-main.cf', 'postfix-master.cf']);

export function namedHostFile(path: string): boolean {
  return HOST_FILE_NAMES.has(path.slice(path.lastIndexOf('/') + 1));
}

/** Only this much of a file is looked at to decide whether it is a host format worth extracting. */
export const HOST_HEAD_CHARS = 64 * 1024;

/** No extractor runs on a bigger file (bounded time and memory): a note says so instead. */
export const MAX_HOST_BYTES = 1024 * 1024;

/**
 * Words without which a file cannot edit Postfix, sendmail, Exim or OpenSMTPD configuration.
 * A plain substring test, done before any format's `matches`, so that most
 * files of a repository are rejected by one linear scan of their head.
 */
export const MAIL_MARKERS: readonly string[] = ['postconf', 'postfix', 'sendmail', '/etc/mail', 'main.cf', 'master.cf', 'smtpd_', 'exim', 'smtpd.conf'];

/** Whether `bytes` meet a format's `needs` (a format without them needs nothing more than a mail marker). */
export function meetsNeeds(bytes: Uint8Array, needs: HostFormat['needs']): boolean {
  if (needs === undefined) return true;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return needs.some((all) => all.every((word) => buffer.indexOf(word, 0, 'utf8') !== -1));
}

export function hasMailMarker(head: string): boolean {
  for (const marker of MAIL_MARKERS) if (head.includes(marker)) return true;
  return false;
}

/**
 * Extensions and names worth opening to look for embedded configuration:
 * the host formats are scripts, Dockerfiles, YAML (Salt's `.sls` too), HCL, JSON (Packer),
 * kickstart files, Chef recipes (`.rb`) and Puppet manifests (`.pp`), many of them without an extension (`Dockerfile`,
 * `user-data`, `bootstrap`). Anything else (images, sources of other
 * languages, archives) is not opened, which keeps discovery of a large
 * repository cheap.
 */
const HOST_EXTENSIONS: ReadonlySet<string> = new Set([
  'sh', 'bash', 'ksh', 'zsh', 'dash', 'yml', 'yaml', 'sls', 'tf', 'hcl', 'json', 'ks', 'cfg', 'dockerfile', 'containerfile', 'tpl', 'tmpl', 'j2', 'txt', 'conf', 'cloud-config', 'userdata', 'run', 'install', 'setup', 'rb', 'pp',
]);

export function mayBeHostFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base.startsWith('dockerfile') || base.startsWith('containerfile') || base.includes('user-data') || base.includes('user_data')) return true;
  // A Chef cookbook's dependencies (a mail server configured by another cookbook).
  if (base === 'metadata.rb') return true;
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return true; // `bootstrap`, `entrypoint`: scripts often have no extension
  return HOST_EXTENSIONS.has(base.slice(dot + 1));
}
