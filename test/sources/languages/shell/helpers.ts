import { LineIndex } from '../../../../src/model/source.js';
import type { Edit, Extraction } from '../../../../src/sources/contracts/edits.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import type { HostFormat } from '../../../../src/sources/contracts/host-format.js';
import { extractShellText } from '../../../../src/sources/languages/shell/extract.js';

export function script(text: string, file = 'setup.sh'): Extraction {
  const index = new LineIndex(text);
  return extractShellText(text, (o) => index.position(o), { file, scope: file, form: 'shell', maybe: false });
}

export function host(format: HostFormat, path: string, text: string, files: Record<string, string> = {}): Extraction {
  return format.extract({ path, text }, memoryRepository({ [path]: text, ...files }));
}

/** Where fragment line `line`, column `column` maps in the host file. */
export function mapped(edit: Edit, line: number, column = 1): [number, number] {
  if (!('fragment' in edit)) throw new Error(`${edit.kind} has no fragment`);
  const at = edit.fragment.map.start(line, column);
  return [at.line, at.column];
}

export function text(edit: Edit | undefined): string {
  if (edit === undefined || !('fragment' in edit)) throw new Error('no fragment');
  return edit.fragment.text;
}
