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
