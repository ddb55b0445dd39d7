import path from 'node:path';
import { directoryInput, mergeInputs } from '../../model/inputs.js';
import type { SourceFile } from '../../model/source.js';
import type { Edit, Extraction } from '../contracts/edits.js';
import { linkedSources } from './instances.js';

/** The other file of a Postfix pair. */
const SIBLING = { 'main.cf': 'master.cf', 'master.cf': 'main.cf' } as const;

/**
 * An edit that links `templates/main.cf.j2` makes that file part of an
 * instance; its `master.cf.j2` beside it belongs to the same server (the
 * assembler pairs files side by side). When no edit links the sibling
 * itself, it is linked right after, so it is not judged alone against a
 * main.cf of built-in defaults it never runs with. Whether there is a
 * sibling depends on the folder's files: the folder is an input of both edits.
 */
export function withSiblingLinks(extractions: Extraction[], postfixFiles: readonly SourceFile[]): Extraction[] {
  const byFolder = new Map<string, SourceFile[]>();
  for (const f of postfixFiles) {
    const folder = path.posix.dirname(f.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  const linked = linkedSources(extractions);
  return extractions.map((extraction) => {
    const edits: Edit[] = [];
    for (const original of extraction.edits) {
      if (original.kind !== 'link' || (original.target !== 'main.cf' && original.target !== 'master.cf')) {
        edits.push(original);
        continue;
      }
      const folder = path.posix.dirname(original.source);
      const edit = { ...original, inputs: mergeInputs(original.inputs, [directoryInput(folder)]) };
      edits.push(edit);
      // Chef and Puppet name every file they install: a sibling no resource installs is not on that server.
      if (original.form === 'chef' || original.form === 'puppet') continue;
      const role = SIBLING[original.target];
      const siblings = (byFolder.get(folder) ?? []).filter((f) => f.role === role);
      const sibling = siblings[0];
      if (siblings.length !== 1 || sibling === undefined || linked.has(sibling.path)) continue;
      linked.add(sibling.path);
      edits.push({ ...edit, target: role, source: sibling.path });
    }
    return { ...extraction, edits };
  });
}
