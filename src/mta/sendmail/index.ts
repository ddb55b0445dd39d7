import type { SourceFile } from '../../model/source.js';
import type { SendmailConfiguration } from './model.js';

/**
 * Groups sendmail files into configurations (.mc with the .cf built from it,
 * or a .cf alone) and analyses them. Placeholder until the analysers land.
 */
export function assembleSendmail(files: SourceFile[]): SendmailConfiguration[] {
  void files;
  return [];
}
