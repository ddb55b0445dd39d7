import { UNKNOWN_MARK, type SourceFile } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';
import { emptyExtraction, type Edit, type Extraction } from '../../contracts/edits.js';
import { SourceMap, type Fragment } from '../../contracts/fragment.js';
import type { HostFormat } from '../../contracts/host-format.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { UNKNOWN } from '../../contracts/values.js';
import type { VariableBinding, VariableScope } from '../../contracts/variables.js';
import { destinationOf, named } from '../shared/destinations.js';
import { cookbookOf } from './cookbook.js';
import { recipeDeployments, type Deployment } from './recipes.js';
import { loadChefNode } from './variables.js';

/**
 * A main.cf relaygate cannot see (a template of a cookbook that is not in
 * the repository): one definition whose name and value are unknown, at the
 * resource, so every parameter is unknown and a verdict is indeterminate.
 */
export function unknownMainCf(span: Span, form: Fragment['form']): Fragment {
  const text = `${UNKNOWN_MARK} = ${UNKNOWN_MARK}\n`;
  const map = new SourceMap([{ line: 1, column: 1, endColumn: text.length + 1, kind: 'expression', from: { line: span.line, column: span.column }, to: { line: span.endLine, column: span.endColumn } }]);
  return { file: span.file, text, form, map, maybeLines: new Set(), alternatives: [] };
}

/** The variables a resource passes, as the template sees them (`@name`); unreadable ones make every `@name` unknown. */
function passedScope(variables: Map<string, VariableBinding> | null, span: Span): VariableScope {
  if (variables === null) return { lookup: (name) => (name.startsWith('@') ? { value: UNKNOWN, origin: { file: span.file, line: span.line } } : undefined) };
  return { lookup: (name) => variables.get(name) };
}

function editsOf(d: Deployment, notes: string[]): Edit[] {
  const { resource } = d;
  if (resource.deletes || d.destination === null) return [];
  const where = destinationOf(d.destination);
  if (where === null) return [];
  const base = { key: { scope: d.cookbook, directory: where.directory }, span: resource.span, form: 'chef' as const, maybe: resource.maybe || d.maybe };
  const at = `${resource.span.file}:${resource.span.line}`;
  if (d.source === null) {
    const why = resource.local ? 'a file on the node (local true)' : resource.cookbook !== null ? `cookbook ${resource.cookbook.text}, which is not in the repository` : 'a file the cookbook does not have';
    notes.push(`${at}: ${resource.type} ${d.destination} installs ${d.sourceName} from ${why}; its content is unknown`);
    if (where.target !== 'main.cf') return [];
    return [{ ...base, kind: 'write', target: 'main.cf', fragment: unknownMainCf(resource.span, 'chef') }];
  }
  return [
    {
      ...base,
      kind: 'link',
      target: where.target,
      ...named(where),
      source: d.source,
      destination: d.destination,
      ...(resource.type === 'template' ? { templateVariables: passedScope(resource.variables, resource.span) } : {}),
    },
  ];
}

/**
 * Chef recipes (`recipes/*.rb` of a cookbook): `template` and
 * `cookbook_file` resources that install a mail file become `link` edits of
 * the cookbook's server, carrying the variables the template receives.
 * Nothing is run: names and variables are literals or `node[...]`
 * attributes the repository sets; anything else is unknown.
 */
export const chefRecipes: HostFormat = {
  form: 'chef',
  matches(path: string, head: string): boolean {
    return /(?:^|\/)recipes\/[^/]+\.rb$/.test(path) && /^[ \t]*(?:template|cookbook_file)\b/m.test(head);
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    const out = emptyExtraction();
    if (cookbookOf(file.path, repo) === null) return out;
    const node = loadChefNode(file.path, repo, []);
    for (const d of recipeDeployments(file.path, file.text, repo, node, out.notes)) out.edits.push(...editsOf(d, out.notes));
    return out;
  },
};
