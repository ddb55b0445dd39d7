import path from 'node:path/posix';
import type { SourceFile } from '../../model/source.js';
import type { LexFile } from './lexer.js';
import type { OpenSmtpdConfiguration } from './model.js';
import { parseSmtpdConf } from './parser.js';

/**
 * One configuration per smtpd.conf. `include` names a file on the server
 * (smtpd.conf(5)); a relative name is looked up beside the including file
 * among the repository's files, an absolute one is not in the repository.
 */
export function assembleOpenSmtpd(files: readonly SourceFile[]): OpenSmtpdConfiguration[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const all = new Map<string, SourceFile>(byPath);
  const resolve = (name: string, from: string): LexFile | null => {
    if (name.startsWith('/')) return null;
    const found = all.get(path.normalize(path.join(path.dirname(from), name)));
    return found === undefined ? null : { file: found.path, text: found.text };
  };
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => {
      const { config, diagnostics } = parseSmtpdConf({ file: f.path, text: f.text }, resolve);
      return { mta: 'opensmtpd', files: [f.path], form: 'plain', diagnostics, ...config };
    });
}
