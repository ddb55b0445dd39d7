import path from 'node:path/posix';
import { LineIndex, type SourceFile } from '../../../model/source.js';
import type { Extraction } from '../../contracts/edits.js';
import type { HostFormat } from '../../contracts/host-format.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { extractShellText, type ScriptResolver } from '../../languages/shell/extract.js';
import { SHELL_EDIT_NEEDS } from '../../languages/shell/targets.js';

const SHELL_SHEBANG = /^#![ \t]*\/\S*\/(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:ba|da|k|a)?sh\b/;

/**
 * Files a repository script sources or runs: a relative path is looked up
 * beside the script, then from the repository root (the two ways scripts
 * are started: from their own directory, or as `./bin/x.sh` from the root).
 * An absolute path names the target machine, not the repository.
 */
export function repositoryScripts(repo: RepositoryReader): ScriptResolver {
  return (name, cwd, from) => {
    void cwd;
    if (name.startsWith('/') || name.includes('\uE000')) return null;
    for (const candidate of [path.join(path.dirname(from), name), path.normalize(name)]) {
      if (candidate.startsWith('..') || candidate.startsWith('/')) continue;
      const text = repo.read(candidate);
      if (text !== undefined) return { file: candidate, text };
    }
    return null;
  };
}

/** Shell scripts: `*.sh`, `*.bash`, or any file whose first line runs sh/bash/dash/ksh. */
export const shellScript: HostFormat = {
  form: 'shell',
  needs: SHELL_EDIT_NEEDS,
  matches(path: string, head: string): boolean {
    return /\.(?:sh|bash)$/.test(path) || SHELL_SHEBANG.test(head);
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    const index = new LineIndex(file.text);
    return extractShellText(file.text, (o) => index.position(o), { file: file.path, scope: file.path, form: 'shell', maybe: false }, { resolve: repositoryScripts(repo) });
  },
};
