import type { TargetFile } from '../../contracts/edits.js';
import { otherMtaDirectory, otherMtaOfName, otherMtaPlace } from '../../contracts/server-files.js';

export interface Destination {
  target: TargetFile;
  /** The configuration directory on the target machine (the destination's folder). */
  directory: string;
  /** The file's name there (an Exim file has several: exim4.conf.template, exim4.conf.localmacros). */
  name?: string;
}

/**
 * The mail file a destination path on the target machine names, by its file
 * name (Postfix reads main.cf and master.cf from config_directory; sendmail's
 * m4 source is any `.mc` beside sendmail.cf under /etc/mail; Exim's and
 * OpenSMTPD's files: src/sources/contracts/server-files.ts).
 */
export function destinationOf(path: string): Destination | null {
  const trimmed = path.trim();
  const slash = trimmed.lastIndexOf('/');
  const name = trimmed.slice(slash + 1);
  const directory = slash <= 0 ? (slash === 0 ? '/' : '.') : trimmed.slice(0, slash);
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf' || name === 'sendmail.mc') return { target: name, directory };
  if (name.endsWith('.mc') && /(?:^|\/)mail$/.test(directory)) return { target: 'sendmail.mc', directory };
  return otherMtaPlace(directory, name);
}

/** The mail file a file name (a ConfigMap key) names; Exim's and OpenSMTPD's by the names only they use. */
export function targetOfName(name: string): TargetFile | null {
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf' || name === 'sendmail.mc') return name;
  return otherMtaOfName(name);
}

export function directoryFor(target: TargetFile): string {
  if (target === 'main.cf' || target === 'master.cf') return '/etc/postfix';
  return target === 'sendmail.mc' || target === 'sendmail.cf' ? '/etc/mail' : otherMtaDirectory(target);
}

/** The `name` an edit of `where` carries (only Exim's and OpenSMTPD's files have one). */
export function named(where: { name?: string }): { name?: string } {
  return where.name === undefined ? {} : { name: where.name };
}
