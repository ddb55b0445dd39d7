import type { SourceFile } from '../../model/source.js';
import type { RepositoryReader } from '../contracts/repository.js';
import type { RenderedTemplate } from '../contracts/template-language.js';
import type { TargetFile } from '../contracts/edits.js';
import type { VariableScope } from '../contracts/variables.js';
import { defaultResolver } from './instances.js';
import type { Piece } from './piece.js';
import type { ResolveLink } from './postfix.js';

/**
 * How a `link` edit's repository file is read: the template the render step
 * rendered, or the plain file it read; else, a file discovery did not pick
 * up (an odd name) is read from the repository, rendered when a language
 * claims it, and recorded in `files` (findings may point at it).
 */
export function linkedFileReader(
  templates: ReadonlyMap<string, RenderedTemplate>,
  plain: ReadonlyMap<string, SourceFile>,
  repo: RepositoryReader | null,
  extraVars: VariableScope[],
  files: Map<string, SourceFile>,
): ResolveLink {
  const readLinked = defaultResolver(new Map(), repo ?? undefined, extraVars);
  return (source: string, target: TargetFile, variables?: VariableScope): Piece | null => {
    const rendered = templates.get(source);
    // A resource that passes its own variables renders the template anew with them.
    if (rendered !== undefined && variables !== undefined && repo !== null) return readLinked(source, target, variables);
    if (rendered !== undefined) return { file: source, text: rendered.fragment.text, fragment: rendered.fragment };
    const f = plain.get(source);
    if (f !== undefined) return { file: f.path, text: f.text, fragment: null };
    if (repo === null) return null;
    const text = repo.read(source);
    if (text === undefined) return null;
    files.set(source, { path: source, text });
    return readLinked(source, target, variables);
  };
}
