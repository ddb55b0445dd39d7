/**
 * Discovery: list the files under the scan root and pick the ones that may be
 * mail configuration. Placeholder until the discovery stage lands.
 */
export type CandidateKind = 'postfix' | 'sendmail';

import type { SourceFile } from '../model/source.js';

export interface Candidate {
  /** POSIX path relative to the scan root. */
  path: string;
  kind: CandidateKind;
  /** The file's text, when it could be read and decoded and its content confirmed the kind. */
  file?: SourceFile;
  /** Why a file that is mail configuration by name could not be read (binary, undecodable, too big, I/O error). */
  unreadable?: { reason: string; line: number; column: number };
}

export interface DiscoverOptions {
  root: string;
  paths: string[];
  include: string[];
  exclude: string[];
}

export interface Discovery {
  candidates: Candidate[];
  /** Number of files listed (before classification). */
  filesListed: number;
  /** Things skipped that a user should know about (symlinks out of the root, ...). */
  notes: string[];
}

export async function discover(options: DiscoverOptions): Promise<Discovery> {
  void options;
  return { candidates: [], filesListed: 0, notes: [] };
}
