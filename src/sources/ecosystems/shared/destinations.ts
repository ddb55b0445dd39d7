import type { TargetFile } from '../../contracts/edits.js';

export interface Destination {
  target: TargetFile;
  /** The configuration directory on the target machine (the destination's folder). */
  directory: string;
}

/**
 * The mail file a destination path on the target machine names, by its file
 * name (Postfix reads main.cf and master.cf from config_directory; sendmail's
 * m4 source is any `.mc` beside sendmail.cf under /etc/mail).
 */
export function destinationOf(path: string): Destination | null {
  const trimmed = path.trim();
  const slash = trimmed.lastIndexOf('/');
  const name = trimmed.slice(slash + 1);
  const directory = slash <= 0 ? (slash === 0 ? '/' : '.') : trimmed.slice(0, slash);
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf' || name === 'sendmail.mc') return { target: name, directory };
  if (name.endsWith('.mc') && /(?:^|\/)mail$/.test(directory)) return { target: 'sendmail.mc', directory };
  return null;
}

/** The mail file a file name (a ConfigMap key) names. */
export function targetOfName(name: string): TargetFile | null {
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf' || name === 'sendmail.mc') return name;
  return null;
}

export function directoryFor(target: TargetFile): string {
  return target === 'sendmail.mc' || target === 'sendmail.cf' ? '/etc/mail' : '/etc/postfix';
}
