import { LineIndex, type SourceFile } from '../../../model/source.js';
import type { HostFormat } from '../../contracts/host-format.js';
import type { Extraction } from '../../contracts/edits.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { extractShellText } from '../../languages/shell/extract.js';
import { shellNote } from '../../languages/shell/notes.js';
import { SHELL_EDIT_NEEDS } from '../../languages/shell/targets.js';

/**
 * Kickstart (`*.ks`): `%post` sections are shell run in the installed
 * system (chroot) unless `--nochroot`; other interpreters are not read.
 * `%packages` naming postfix is evidence of a RHEL-family base.
 */
export const kickstart: HostFormat = {
  form: 'shell',
  // Shell in %pre/%post, or the postfix package in %packages.
  needs: [...SHELL_EDIT_NEEDS, ['%packages', 'postfix']],
  matches(path: string, head: string): boolean {
    return /\.ks$/.test(path) || (/\.cfg$/.test(path) && /^%post\b/m.test(head) && /^%packages\b/m.test(head));
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    void repo;
    const index = new LineIndex(file.text);
    const position = (o: number) => index.position(o);
    const out: Extraction = { edits: [], diagnostics: [], notes: [] };
    const sections = /^%(post|packages|pre|pre-install|onerror|traceback)\b([^\n]*)\n/gm;
    const text = file.text;
    let match: RegExpExecArray | null;
    while ((match = sections.exec(text)) !== null) {
      const bodyStart = match.index + match[0].length;
      const endMatch = /^%end\b/m.exec(text.slice(bodyStart));
      const bodyEnd = endMatch === null ? text.length : bodyStart + endMatch.index;
      const options = match[2] as string;
      const kind = match[1] as string;
      sections.lastIndex = bodyEnd;
      if (kind === 'packages') {
        const line = /^[ \t]*postfix[ \t]*$/m.exec(text.slice(bodyStart, bodyEnd));
        if (line !== null) {
          const from = position(bodyStart + line.index);
          const to = position(bodyStart + line.index + line[0].length);
          out.edits.push({ kind: 'base', distribution: 'rhel', evidence: 'kickstart %packages postfix', key: { scope: file.path, directory: '/etc/postfix' }, span: { file: file.path, line: from.line, column: from.column, endLine: to.line, endColumn: to.column }, form: 'shell', maybe: false });
        }
        continue;
      }
      if (kind !== 'post') continue;
      const interpreter = /--interpreter[= ]\s*(\S+)/.exec(options)?.[1];
      if (interpreter !== undefined && !/\/(?:ba)?sh$/.test(interpreter)) {
        out.notes.push(shellNote(file.path, position(match.index), 'a %post section with another interpreter is not read'));
        continue;
      }
      if (/--nochroot/.test(options)) out.notes.push(shellNote(file.path, position(match.index), '%post --nochroot paths are read as if they were inside the installed system'));
      const body = extractShellText(text.slice(bodyStart, bodyEnd), (o) => position(bodyStart + o), { file: file.path, scope: file.path, form: 'shell', maybe: false });
      out.edits.push(...body.edits);
      out.diagnostics.push(...body.diagnostics);
      out.notes.push(...body.notes);
    }
    return out;
  },
};
