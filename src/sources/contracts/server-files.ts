import type { TargetFile } from './edits.js';

/**
 * Which Exim or OpenSMTPD file a path on the target machine is, from its
 * folder and name (src/discover/patterns.ts names the same files in a
 * repository):
 * - `update-exim4.conf.conf`, wherever it is (the name is Debian's own);
 * - `exim.conf`, `exim4.conf`, `exim4.conf.template`,
 *   `exim4.conf.localmacros` and `configure` in a folder named for Exim
 *   (`/etc/exim4`, `/etc/exim`, `/usr/local/etc/exim`, `/usr/exim`);
 * - `smtpd.conf` where OpenSMTPD reads it (`/etc`, `/etc/mail`,
 *   `/etc/opensmtpd`, the same under `/usr/local`), which keeps out Cyrus
 *   SASL's `smtpd.conf` (`/etc/postfix/sasl/`, `/usr/lib/sasl2/`).
 * Null for any other file.
 */
export function otherMtaFile(directory: string, name: string): TargetFile | null {
  if (name === 'update-exim4.conf.conf') return 'update-exim4.conf.conf';
  const folder = directory.slice(directory.lastIndexOf('/') + 1);
  if (EXIM_NAMES.has(name) && /^exim4?$/.test(folder)) return 'exim.conf';
  if (name === 'smtpd.conf' && SMTPD_FOLDER.test(directory)) return 'smtpd.conf';
  return null;
}

/**
 * Where an Exim or OpenSMTPD file lands on the target machine: its target,
 * the configuration folder and its name there. A file of Debian's split
 * configuration (`/etc/exim4/conf.d/router/455_x`: update-exim4.conf joins
 * /etc/exim4/conf.d/SECTION/*, exim4-config 4.96) belongs to the folder
 * above conf.d, named `conf.d/SECTION/NAME`, so that every fragment of one
 * machine is one configuration, read in its section. Null for any other file.
 */
export function otherMtaPlace(directory: string, name: string): { target: TargetFile; directory: string; name: string } | null {
  const target = otherMtaFile(directory, name);
  if (target !== null) return { target, directory, name };
  const match = /^(.*)\/conf\.d\/(main|acl|router|transport|retry|rewrite|auth)$/.exec(directory);
  if (match === null || name === '' || !/(?:^|\/)exim4?$/.test(match[1] ?? '')) return null;
  return { target: 'exim.conf', directory: match[1] as string, name: `conf.d/${match[2] as string}/${name}` };
}

const EXIM_NAMES: ReadonlySet<string> = new Set(['exim.conf', 'exim4.conf', 'exim4.conf.template', 'exim4.conf.localmacros', 'configure']);

const SMTPD_FOLDER = /(?:^|\/)etc(?:\/mail|\/opensmtpd|\/smtpd)?$/;

/** The folder a ConfigMap key or a file name alone puts an Exim or OpenSMTPD file in (Debian's and OpenSMTPD's defaults). */
export function otherMtaDirectory(target: TargetFile): string {
  return target === 'smtpd.conf' ? '/etc' : '/etc/exim4';
}

/** The Exim and OpenSMTPD file a bare name (a ConfigMap key) names: the names only those servers use. */
export function otherMtaOfName(name: string): TargetFile | null {
  if (name === 'smtpd.conf') return 'smtpd.conf';
  if (name === 'update-exim4.conf.conf') return 'update-exim4.conf.conf';
  return name === 'exim.conf' || name === 'exim4.conf' || name === 'exim4.conf.template' || name === 'exim4.conf.localmacros' ? 'exim.conf' : null;
}
