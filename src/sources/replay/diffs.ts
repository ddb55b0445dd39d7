/**
 * Files named like mail configuration whose content looks like a saved diff
 * (src/discover/live.ts notLiveByContent). The name is the one the server
 * reads, so the content cannot decide alone: comment lines drawn like a
 * diff's gutter, or a few lines with ` | ` in their values, must not hide an
 * open relay. A file its server would refuse as it stands (Postfix stops at
 * a line without `=`, or at `inet_interfaces = all | ...`) is a saved diff,
 * set aside with a note like every other file that is not live; one its
 * server would load is configuration, whatever it looks like, and is judged.
 */
import type { SetAside } from '../../discover/index.js';
import type { SourceFile } from '../../model/source.js';
import type { Configuration } from '../../mta/configuration.js';
import type { RenderedTemplate } from '../contracts/template-language.js';
import { assembleFiles, assembleOtherMtas } from './files.js';

export interface DiffLikeFiles {
  postfix: readonly SourceFile[];
  sendmail: readonly SourceFile[];
  exim: readonly SourceFile[];
  opensmtpd: readonly SourceFile[];
}

export interface DiffVerdicts {
  /** Refused as they stand: set aside (noted unless something deploys them). */
  refused: SetAside[];
  /** Loaded as they stand: judged, each with the note that says it looks like a diff. */
  loaded: { path: string; note: string }[];
}

const SERVER: Readonly<Record<keyof DiffLikeFiles, string>> = { postfix: 'Postfix', sendmail: 'sendmail', exim: 'Exim', opensmtpd: 'OpenSMTPD' };

/**
 * Each diff-like file (path -> why it looks like one) assembled alone, as
 * its server would read it with nothing beside it: refused when that
 * configuration has a fatal diagnostic. `read` reads what an Exim or
 * OpenSMTPD file includes.
 */
export function judgeDiffLike(
  diffLike: ReadonlyMap<string, string>,
  files: DiffLikeFiles,
  templates: ReadonlyMap<string, RenderedTemplate>,
  read: (file: string) => string | undefined,
): DiffVerdicts {
  const verdicts: DiffVerdicts = { refused: [], loaded: [] };
  const alone: Readonly<Record<keyof DiffLikeFiles, (f: SourceFile) => Configuration[]>> = {
    postfix: (f) => assembleFiles([f], [], templates),
    sendmail: (f) => assembleFiles([], [f], templates),
    exim: (f) => assembleOtherMtas([f], [], read, templates),
    opensmtpd: (f) => assembleOtherMtas([], [f], read, templates),
  };
  for (const mta of Object.keys(SERVER) as (keyof DiffLikeFiles)[]) {
    for (const file of files[mta]) {
      const reason = diffLike.get(file.path);
      if (reason === undefined) continue;
      const refused = alone[mta](file).some((config) => config.diagnostics.some((d) => d.fatal));
      if (refused) verdicts.refused.push({ path: file.path, reason });
      else verdicts.loaded.push({ path: file.path, note: `${file.path} is judged although its content looks like a diff: ${SERVER[mta]} loads it as it stands` });
    }
  }
  return verdicts;
}
