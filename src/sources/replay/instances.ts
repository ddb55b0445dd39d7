import type { SourceFile } from '../../model/source.js';
import type { Configuration } from '../../mta/configuration.js';
import type { Edit, Extraction } from '../contracts/edits.js';
import { pieceOf, type Piece } from './piece.js';
import { isPostfixEdit, replayPostfix, type ResolveLink } from './postfix.js';
import { isSendmailEdit, replaySendmail } from './sendmail.js';
import { languageFor } from '../template-languages.js';
import { markUncertain } from '../render/mark-uncertain.js';
import type { RepositoryReader } from '../contracts/repository.js';
import type { VariableScope } from '../contracts/variables.js';

export type { Piece } from './piece.js';

export interface InstanceOptions {
  /**
   * How a `link` edit's repository file is read: the sources stage passes the
   * files it already read and rendered. Default: `plainFiles`, then the
   * repository (a template through the language registry).
   */
  resolve?: ResolveLink;
  repo?: RepositoryReader;
  /** --vars files, for templates rendered here. */
  extraVars?: VariableScope[];
  /** Things skipped or assumed, for the scan's notes. */
  notes?: string[];
}

/**
 * Edits grouped by instance (same scope and configuration directory), in the
 * order the extractions and their files list them: later edits win.
 */
export function groupEdits(extractions: readonly Extraction[]): Edit[][] {
  const groups = new Map<string, Edit[]>();
  for (const extraction of extractions) {
    for (const edit of extraction.edits) {
      const key = `${edit.key.scope}\u0000${edit.key.directory}`;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [edit]);
      else group.push(edit);
    }
  }
  return [...groups.values()];
}

/**
 * A plain file, or a template rendered through the language registry, as a
 * Piece. Variables the deploying resource passes come first (--vars still
 * win, as the user's values for the whole scan), then the language's own.
 */
export function defaultResolver(plainFiles: ReadonlyMap<string, SourceFile>, repo?: RepositoryReader, extraVars: VariableScope[] = []): ResolveLink {
  return (source, target, passed) => {
    const plain = plainFiles.get(source);
    if (plain !== undefined) return { file: plain.path, text: plain.text, fragment: null };
    const text = repo?.read(source);
    if (text === undefined || repo === undefined) return null;
    const template = languageFor(source);
    if (template === null) return { file: source, text, fragment: null };
    const own = template.language.variables(source, repo, extraVars);
    const vars = passed === undefined ? own : layered([...extraVars, passed, own]);
    const rendered = template.language.render({ path: source, text }, vars);
    if (rendered.diagnostics.length > 0) return null;
    return pieceOf(markUncertain(rendered.fragment, text, target));
  };
}

function layered(scopes: VariableScope[]): VariableScope {
  return {
    lookup(name) {
      for (const scope of scopes) {
        const found = scope.lookup(name);
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };
}

/**
 * Mail server instances built from the edits of provisioning code: each
 * group of edits is replayed in order over its base (./postfix.ts, ./sendmail.ts).
 * Postfix edits and sendmail edits of one group make separate configurations.
 */
export function assembleInstances(
  extractions: readonly Extraction[],
  plainFiles: ReadonlyMap<string, SourceFile>,
  options: InstanceOptions = {},
): Configuration[] {
  const notes = options.notes ?? [];
  const resolve = options.resolve ?? defaultResolver(plainFiles, options.repo, options.extraVars);
  const out: Configuration[] = [];
  for (const edits of groupEdits(extractions)) {
    const key = edits[0]?.key;
    if (key === undefined) continue;
    const postfix = edits.filter(isPostfixEdit);
    if (postfix.length > 0) {
      const config = replayPostfix(key, postfix, resolve, notes);
      if (config !== null) out.push(config);
    }
    const sendmail = edits.filter(isSendmailEdit);
    if (sendmail.length > 0) {
      const config = replaySendmail(sendmail, resolve, notes);
      if (config !== null) out.push(config);
    }
  }
  return out;
}

