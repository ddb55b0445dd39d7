import type { Form } from '../model/configuration.js';
import type { SourceFile } from '../model/source.js';
import type { Role } from './patterns.js';

/** `embedded`: provisioning code (a script, a Dockerfile, Ansible tasks...) that edits mail configuration. */
export type CandidateKind = 'postfix' | 'sendmail' | 'exim' | 'opensmtpd' | 'embedded';

export interface Candidate {
  /** POSIX path relative to the scan root. */
  path: string;
  kind: CandidateKind;
  /**
   * Which file of the server's configuration this is (by name, or by content
   * when the name does not say); an embedded candidate is none of them (its
   * edits say which files they change).
   */
  role?: Role;
  /** The file's text, when it could be read and decoded and its content confirmed the kind. */
  file?: SourceFile;
  /**
   * The file is a template of `role` (`main.cf.j2`) in this language
   * (src/sources/template-languages.ts): its text is rendered before the parsers read it.
   */
  template?: Form;
  /** An embedded candidate: the host format (src/sources/host-formats.ts) that claimed it. */
  host?: Form;
  /**
   * Other paths whose presence decides that this file is live (./live.ts:
   * the markers of a Postfix source tree that would hold it): inputs of
   * every configuration it is part of.
   */
  liveBy?: readonly string[];
  /** A script whose head carries Postfix's manual-page header (./live.ts): a Postfix source tree holds it wherever it is in the tree. */
  distributionHeader?: boolean;
  /**
   * Why its content looks like a saved diff (./live.ts notLiveByContent):
   * set aside when its server would refuse it as it stands, judged when it
   * would load it (src/sources/replay/diffs.ts).
   */
  diffLike?: string;
  /** Why a file that is mail configuration by name could not be read (binary, undecodable, too big, I/O error). */
  unreadable?: { reason: string; line: number; column: number };
}

export function kindOf(role: Role): CandidateKind {
  if (role === 'main.cf' || role === 'master.cf') return 'postfix';
  if (role === 'exim.conf' || role === 'update-exim4.conf.conf') return 'exim';
  if (role === 'smtpd.conf') return 'opensmtpd';
  return 'sendmail';
}
