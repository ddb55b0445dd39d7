import type { Form } from '../../../model/configuration.js';
import type { Position } from '../../../model/source.js';
import type { Extraction } from '../../contracts/edits.js';
import { extractShellText } from '../shell/extract.js';

export interface ShellContext {
  file: string;
  scope: string;
  form: Form;
  maybe: boolean;
}

export type ShellExtractor = (text: string, position: (offset: number) => Position, context: ShellContext) => Extraction;

let current: ShellExtractor = (text, position, context) => extractShellText(text, position, context);

/**
 * Shell text embedded in YAML (Ansible `shell:`/`command:`, cloud-init
 * `runcmd`/`bootcmd`) goes to the shell extractor (src/sources/languages/shell/), with a
 * position function that leads every offset of `text` back to the YAML file.
 */
export function extractShell(text: string, position: (offset: number) => Position, context: ShellContext): Extraction {
  return current(text, position, context);
}

/** Replaces the shell extractor (tests observe what YAML hands over); returns a function that restores the previous one. */
export function useShellExtractor(extractor: ShellExtractor): () => void {
  const previous = current;
  current = extractor;
  return () => {
    current = previous;
  };
}
