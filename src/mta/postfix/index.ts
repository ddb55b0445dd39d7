import type { SourceFile } from '../../model/source.js';
import type { PostfixConfiguration } from './model.js';

/**
 * Groups Postfix files into instances (main.cf + master.cf of one directory)
 * and parses them. Placeholder until the parsers land.
 */
export function assemblePostfix(files: SourceFile[]): PostfixConfiguration[] {
  void files;
  return [];
}
