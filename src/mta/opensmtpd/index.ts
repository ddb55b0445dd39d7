import path from 'node:path/posix';
import type { SourceFile } from '../../model/source.js';
import type { LexFile } from './lexer.js';
import type { OpenSmtpdConfiguration } from './model.js';
import { parseSmtpdConf } from './parser.js';

/**
 * One configuration per smtpd.conf. `include` names a file on the server
 * (smtpd.conf(5)); relaygate looks for it beside the including file.
 */
export function assembleOpenSmtpd(files: readonly SourceFile[], read: (path: string) => string | undefined = () => undefined): OpenSmtpdConfiguration[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  let included: string[] = [];
  const resolve = (name: string, from: string): LexFile | null => {
    const here = path.dirname(from);
    let target: string | null;
    if (!name.startsWith('/')) target = path.normalize(path.join(here, name));
    // An absolute name is the file beside the including one when their folders
    // have the same name (the folder copied to the server whole).
    else target = path.basename(path.dirname(name)) === path.basename(here) ? path.join(here, path.basename(name)) : null;
    if (target === null || target.startsWith('../')) return null;
    const text = byPath.get(target)?.text ?? read(target);
    if (text !== undefined && !included.includes(target)) included.push(target);
    return text === undefined ? null : { file: target, text };
  };
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => {
      included = [];
      const { config, diagnostics } = parseSmtpdConf({ file: f.path, text: f.text }, resolve);
      return { mta: 'opensmtpd', files: [f.path, ...included.filter((p) => p !== f.path)], form: 'plain', diagnostics, ...config };
    });
}
