import { LineIndex, type SourceFile } from '../../../model/source.js';
import type { Extraction } from '../../contracts/edits.js';
import type { HostFormat } from '../../contracts/host-format.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { extractShellText } from '../../languages/shell/extract.js';

const SHELL_SHEBANG = /^#![ \t]*\/\S*\/(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:ba|da|k|a)?sh\b/;

/** Shell scripts: `*.sh`, `*.bash`, or any file whose first line runs sh/bash/dash/ksh. */
export const shellScript: HostFormat = {
  form: 'shell',
  matches(path: string, head: string): boolean {
    return /\.(?:sh|bash)$/.test(path) || SHELL_SHEBANG.test(head);
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    void repo;
    const index = new LineIndex(file.text);
    return extractShellText(file.text, (o) => index.position(o), { file: file.path, scope: file.path, form: 'shell', maybe: false });
  },
};
