import { UNKNOWN_MARK } from '../../../model/source.js';
import type { TargetFile } from '../../contracts/edits.js';
import { otherMtaPlace } from '../../contracts/server-files.js';

export interface MailTarget {
  target: TargetFile;
  /** The configuration directory on the target machine (may hold UNKNOWN_MARK). */
  directory: string;
  /** The file's name there, for an Exim file (several names share the target). */
  name?: string;
}

/**
 * What a script must contain to hold an edit, a package-install base or a
 * note the shell reader reports (a host format's `needs`): `postconf`; a mail
 * file's name or folder, which every target of a redirection, `tee`, `sed -i`,
 * `cp` and the like holds (mailTarget: main.cf, master.cf, sendmail.cf, *.mc);
 * MAIL_CONFIG; `install` with the postfix package; or a redirection or `tee`
 * to a path built from a variable (the unresolved-target note); Exim's and
 * OpenSMTPD's files; debconf answers.
 */
export const SHELL_EDIT_NEEDS: readonly (readonly string[])[] = [
  ['postconf'],
  ['.cf'],
  ['.mc'],
  ['/etc/postfix'],
  ['/etc/mail'],
  ['MAIL_CONFIG'],
  ['install', 'postfix'],
  ['>', '$'],
  ['tee', '$'],
  // Exim's and OpenSMTPD's files, and debconf answers (postfix's mailer type, exim4-config's settings).
  ['/etc/exim'],
  ['exim4'],
  ['smtpd.conf'],
  ['debconf-set-selections'],
];

/** `/etc/postfix/main.cf` -> main.cf in /etc/postfix; null when the path is not a mail file we read. */
export function mailTarget(path: string, cwd: string | null): MailTarget | null {
  const absolute = path.startsWith('/') || path.startsWith(UNKNOWN_MARK) ? path : `${cwd ?? UNKNOWN_MARK}/${path}`;
  const cut = absolute.lastIndexOf('/');
  const base = absolute.slice(cut + 1);
  const directory = normalise(absolute.slice(0, Math.max(cut, 0)) || '/');
  if (base === 'main.cf' || base === 'master.cf' || base === 'sendmail.cf') return { target: base, directory };
  if (base === 'sendmail.mc' || (base.endsWith('.mc') && directory.includes('/mail'))) return { target: 'sendmail.mc', directory };
  return directory.includes(UNKNOWN_MARK) ? null : otherMtaPlace(directory, base);
}

function normalise(directory: string): string {
  const out: string[] = [];
  for (const part of directory.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  const joined = out.join('/');
  return directory.startsWith(UNKNOWN_MARK) ? joined : `/${joined}`;
}

/** A path we could not resolve that still looks like mail configuration (for a note). */
export function looksLikeMailPath(path: string): boolean {
  return /postfix|\/etc\/mail|main\.cf|master\.cf|sendmail|exim|smtpd\.conf/.test(path);
}
