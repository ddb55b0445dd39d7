/**
 * The extract step: a host file (provisioning code) becomes the edits it
 * makes to mail configuration, read by the host format that claimed it.
 */
import type { Candidate } from '../discover/index.js';
import { mergeInputs } from '../model/inputs.js';
import type { RuleResult } from '../model/finding.js';
import type { SourceFile } from '../model/source.js';
import { unreadable, unreadableAfterException } from '../rules/config-unreadable.js';
import type { Extraction } from './contracts/edits.js';
import { HOST_HEAD_CHARS } from './contracts/host-format.js';
import { recordingRepository, type RepositoryReader } from './contracts/repository.js';
import { HOST_FORMATS } from './host-formats.js';

/**
 * Runs the host format that claimed the file, through a reader that records
 * every repository path the extractor reads or looks for: each edit carries
 * them (`inputs`), so every configuration the edits are replayed into
 * depends on them. An extractor that throws leaves the file unjudged: that
 * is config-unreadable for the file (fail closed), and the scan goes on.
 */
export function extract(candidate: Candidate, repo: RepositoryReader, notes: string[], results: RuleResult[]): Extraction {
  const file = candidate.file as SourceFile;
  const recorder = recordingRepository(repo);
  const inputs = (): string[] => mergeInputs([candidate.path], recorder.inputs());
  const what = `the ${candidate.host ?? 'provisioning'} reader`;
  let extraction: Extraction;
  try {
    // Discovery recorded the form that claimed the file; several formats share a form, so the one that matches reads it.
    const head = file.text.slice(0, HOST_HEAD_CHARS);
    const format = HOST_FORMATS.find((f) => f.form === candidate.host && f.matches(candidate.path, head));
    if (format === undefined) {
      const reason = `${what} claimed it when the repository was listed, but no longer does`;
      results.push({ ...unreadable('postfix', candidate.path, 1, 1, reason), inputs: [candidate.path] });
      return { edits: [], diagnostics: [], notes: [] };
    }
    extraction = format.extract(file, recorder);
  } catch (e) {
    results.push({ ...unreadableAfterException('postfix', candidate.path, what, e), inputs: inputs() });
    return { edits: [], diagnostics: [], notes: [] };
  }
  const read = inputs();
  for (const d of extraction.diagnostics) {
    if (d.fatal) results.push({ ...unreadable('postfix', d.file, d.line, d.column, d.message), inputs: mergeInputs(read, [d.file]) });
    else notes.push(`${d.file}:${d.line}: ${d.message}`);
  }
  notes.push(...extraction.notes);
  return { ...extraction, edits: extraction.edits.map((edit) => ({ ...edit, inputs: mergeInputs(read, edit.inputs, [edit.span.file]) })) };
}
