/**
 * The extract step: a host file (provisioning code) becomes the edits it
 * makes to mail configuration, read by the host format that claimed it.
 */
import type { Candidate } from '../discover/index.js';
import type { RuleResult } from '../model/finding.js';
import type { SourceFile } from '../model/source.js';
import { unreadable } from '../rules/config-unreadable.js';
import type { Extraction } from './contracts/edits.js';
import { HOST_HEAD_CHARS } from './contracts/host-format.js';
import type { RepositoryReader } from './contracts/repository.js';
import { HOST_FORMATS } from './host-formats.js';

/**
 * Runs the host format that claimed the file. An extractor that throws is a
 * bug in relaygate, not in the repository: a note, never a crash of the scan.
 */
export function extract(candidate: Candidate, repo: RepositoryReader, notes: string[], results: RuleResult[]): Extraction {
  const file = candidate.file as SourceFile;
  const head = file.text.slice(0, HOST_HEAD_CHARS);
  const format = HOST_FORMATS.find((f) => f.form === candidate.host && f.matches(candidate.path, head));
  if (format === undefined) return { edits: [], diagnostics: [], notes: [] };
  let extraction: Extraction;
  try {
    extraction = format.extract(file, repo);
  } catch (e) {
    notes.push(`${candidate.path} was not read as ${format.form}: ${(e as Error).message}`);
    return { edits: [], diagnostics: [], notes: [] };
  }
  for (const d of extraction.diagnostics) {
    if (d.fatal) results.push(unreadable('postfix', d.file, d.line, d.column, d.message));
    else notes.push(`${d.file}:${d.line}: ${d.message}`);
  }
  notes.push(...extraction.notes);
  return extraction;
}
