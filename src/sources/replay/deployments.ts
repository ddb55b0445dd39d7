/**
 * What provisioning code deploys: the deploy (`link`) edits of every
 * ecosystem, by the repository file they install. One map drives two
 * decisions:
 * - pairing: files deployed under one key (the same provisioning unit and
 *   configuration directory) are one server's configuration, replayed
 *   together (./instances.ts); a file nothing deploys is judged alone
 *   (./files.ts), a template over an unknown counterpart;
 * - what is live: a file deployed to a mail path is configuration whatever
 *   its name (a `postfix_main.j2`, a `main.cf.md`), and a file set aside as
 *   not live (documentation, a prototype, a Postfix distribution file) is
 *   judged after all when something deploys it.
 */
import type { SetAside } from '../../discover/index.js';
import type { Span } from '../../model/span.js';
import type { Extraction, InstanceKey, TargetFile } from '../contracts/edits.js';

/** One installation of a repository file as a mail file on a target machine. */
export interface Deployment {
  /** The repository file. */
  source: string;
  target: TargetFile;
  /** The path on the target machine. */
  destination: string;
  /** The server it is deployed to. */
  key: InstanceKey;
  /** The deploying line (the task, the COPY, the resource). */
  span: Span;
}

/** Every deployment of the extractions, by repository file (a Map: repository paths are data). */
export function deployments(extractions: readonly Extraction[]): Map<string, Deployment[]> {
  const out = new Map<string, Deployment[]>();
  for (const extraction of extractions) {
    for (const edit of extraction.edits) {
      if (edit.kind !== 'link') continue;
      const deployment: Deployment = { source: edit.source, target: edit.target, destination: edit.destination, key: edit.key, span: edit.span };
      const list = out.get(edit.source);
      if (list === undefined) out.set(edit.source, [deployment]);
      else list.push(deployment);
    }
  }
  return out;
}

/**
 * The notes for files set aside as not live configuration that nothing
 * deploys (a deployed one is read through its deploy edit and judged): one
 * per file, one per group (a Postfix source tree).
 */
export function setAsideNotes(setAside: readonly SetAside[], deployed: ReadonlyMap<string, Deployment[]>): string[] {
  const notes: string[] = [];
  const groups = new Map<string, { reason: string; count: number }>();
  for (const file of setAside) {
    if (deployed.has(file.path)) continue;
    if (file.group === undefined) {
      notes.push(`${file.path} is not judged: ${file.reason}`);
      continue;
    }
    const group = groups.get(file.group);
    if (group === undefined) groups.set(file.group, { reason: file.reason, count: 1 });
    else group.count++;
  }
  for (const [root, { count }] of groups) {
    const shown = root === '' ? 'the scan root' : `${root}/`;
    notes.push(`${shown} is a Postfix source tree (postfix-install, conf/): its ${count} file${count === 1 ? '' : 's'} named like mail configuration (sample files, installation scripts, test fixtures) are not a deployed configuration; not judged`);
  }
  return notes;
}
