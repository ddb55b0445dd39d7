import { LineIndex, type SourceFile } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';
import type { Extraction } from '../../contracts/edits.js';
import type { HostFormat } from '../../contracts/host-format.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { delegation, missingChefDependencies } from '../shared/delegation.js';
import { externalPostfixEdits, rendersMainCfFromAttributes } from './external-postfix.js';

/**
 * A Chef cookbook's `metadata.rb`: the mail cookbooks it depends on that the
 * repository does not hold are noted (../shared/delegation.ts); when one of
 * them is a Postfix cookbook that renders main.cf from node attributes, the
 * attributes this cookbook sets for it are judged as main.cf
 * (./external-postfix.ts).
 */
export const chefWrapperMetadata: HostFormat = {
  form: 'chef',
  matches(path: string): boolean {
    return /(?:^|\/)metadata\.rb$/.test(path);
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    const out = delegation.extract(file, repo);
    const cookbook = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
    const index = new LineIndex(file.text);
    for (const { name, offset } of missingChefDependencies(file, repo)) {
      if (!rendersMainCfFromAttributes(name)) continue;
      const at = index.position(offset);
      const line = index.lineText(at.line);
      const span: Span = { file: file.path, line: at.line, column: at.column, endLine: at.line, endColumn: line.trimEnd().length + 1 };
      const made = externalPostfixEdits(cookbook, name, span, repo);
      out.edits.push(...made.edits);
      out.notes.push(...made.notes);
      break;
    }
    return out;
  },
};
