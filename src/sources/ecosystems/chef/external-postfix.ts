/**
 * A wrapper cookbook that configures Postfix through the attributes of a
 * Postfix cookbook it depends on but the repository does not hold
 * (`depends 'postfix'` or `'postfix-full'`, and
 * `node.default['postfix']['main']['inet_interfaces'] = 'all'` in its
 * attributes or recipes). That cookbook renders main.cf from
 * `node['postfix']['main']`: one `name = value` line per key, `true` as
 * `yes`, `false` as `no`, a list joined with `, `, `nil` left out (the
 * rendering of the sous-chefs postfix cookbook's main.cf.erb and of
 * postfix-full's). Its template and its own default attributes are not in
 * the repository, so the main.cf starts unknown (every parameter unknown),
 * and the wrapper's attributes are set over it, each mapped to its
 * assignment line: a definite value decides where it alone decides, the rest
 * is indeterminate. `node['postfix']['master']` services (postfix-full's
 * master.cf) are rendered by the same cookbook in its own format: a note says
 * they are not judged.
 */
import { LineIndex, UNKNOWN_MARK } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';
import type { Edit, InstanceKey } from '../../contracts/edits.js';
import { SourceMap, type Fragment } from '../../contracts/fragment.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { UNKNOWN } from '../../contracts/values.js';
import { readChefAttributes, type AttributeAssignment, type ChefPrecedence } from './attributes.js';
import { unknownMainCf } from './recipe-host.js';

/** Postfix cookbooks that render main.cf from `node['postfix']['main']`. */
const POSTFIX_COOKBOOKS: ReadonlySet<string> = new Set(['postfix', 'postfix-full']);

/** Chef's precedence levels, lowest first (a higher one wins whatever the order). */
const RANK: Readonly<Record<ChefPrecedence, number>> = { default: 0, force_default: 1, normal: 2, override: 3, force_override: 4 };

export function rendersMainCfFromAttributes(cookbook: string): boolean {
  return POSTFIX_COOKBOOKS.has(cookbook);
}

/** How the Postfix cookbooks print an attribute value in main.cf; null: the key is left out. */
function printed(value: unknown): string | null {
  if (value === null) return null;
  if (value === UNKNOWN) return UNKNOWN_MARK;
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string' || typeof v === 'number') ? value.map(String).join(', ') : UNKNOWN_MARK;
  return UNKNOWN_MARK;
}

/** The attribute files and recipes of a cookbook, in the order Chef reads them: attributes first. */
function cookbookRubyFiles(cookbook: string, repo: RepositoryReader): string[] {
  const folder = (name: string) => (cookbook === '' ? name : `${cookbook}/${name}`);
  const list = (dir: string) => repo.list(folder(dir)).filter((f) => f.endsWith('.rb')).sort().map((f) => `${folder(dir)}/${f}`);
  return [...list('attributes'), ...list('recipes')];
}

interface Setting {
  file: string;
  assignment: AttributeAssignment;
  name: string;
}

/**
 * The edits of a wrapper cookbook at `cookbook` whose main.cf the Postfix
 * cookbook `dependency` renders (`dependsSpan`: the `depends` line), and the
 * notes to give. No edits when the cookbook sets no `['postfix']['main']` attribute.
 */
export function externalPostfixEdits(cookbook: string, dependency: string, dependsSpan: Span, repo: RepositoryReader): { edits: Edit[]; notes: string[] } {
  const settings: Setting[] = [];
  const notes: string[] = [];
  const texts = new Map<string, string>();
  let master: { file: string; line: number } | null = null;
  for (const file of cookbookRubyFiles(cookbook, repo)) {
    const text = repo.read(file);
    if (text === undefined || !text.includes('postfix')) continue;
    texts.set(file, text);
    for (const assignment of readChefAttributes(text)) {
      const [top, section, name] = assignment.path;
      if (top !== 'postfix') continue;
      if (section === 'master' && master === null) master = { file, line: assignment.line };
      if (section !== 'main' || name === undefined) continue;
      // `['main']['x'] = ...` sets a parameter; deeper keys (`['main']['x']['y']`) are not main.cf syntax the cookbooks print.
      if (assignment.path.length !== 3) continue;
      settings.push({ file, assignment, name });
    }
  }
  if (master !== null) {
    notes.push(`${master.file}:${master.line}: node['postfix']['master'] services are rendered into master.cf by the cookbook ${dependency}, which is not in the repository; they are not judged`);
  }
  if (settings.length === 0) return { edits: [], notes };
  const first = settings[0] as Setting;
  notes.push(
    `${first.file}:${first.assignment.line}: node['postfix']['main'] attributes are rendered into main.cf by the cookbook ${dependency}, which is not in the repository; ` +
      'they are judged as the main.cf parameters they become, over a main.cf relaygate does not know',
  );
  // Chef's precedence decides the value whatever the order; within one level the later assignment wins.
  const ordered = settings.map((s, i) => ({ s, i })).sort((a, b) => RANK[a.s.assignment.precedence] - RANK[b.s.assignment.precedence] || a.i - b.i).map((x) => x.s);
  const key: InstanceKey = { scope: cookbook, directory: '/etc/postfix' };
  const edits: Edit[] = [{ key, span: dependsSpan, form: 'chef', maybe: false, kind: 'write', target: 'main.cf', fragment: unknownMainCf(dependsSpan, 'chef') }];
  for (const setting of ordered) {
    const value = printed(setting.assignment.value);
    const span = lineSpan(setting.file, texts.get(setting.file) ?? '', setting.assignment.line);
    if (value === null) {
      edits.push({ key, span, form: 'chef', maybe: false, kind: 'unset', target: 'main.cf', name: setting.name, nameSpan: span });
      continue;
    }
    edits.push({ key, span, form: 'chef', maybe: false, kind: 'set', target: 'main.cf', fragment: computedLine(`${setting.name} = ${value}`, span) });
  }
  return { edits, notes };
}

/** The span of a line's text, leading white space left out. */
function lineSpan(file: string, text: string, line: number): Span {
  const content = new LineIndex(text).lineText(line);
  const column = content.length - content.trimStart().length + 1;
  return { file, line, column, endLine: line, endColumn: content.trimEnd().length + 1 };
}

/** A one-line main.cf fragment whose every character maps to `span` (a line the cookbook prints, not copied). */
function computedLine(text: string, span: Span): Fragment {
  const body = `${text}\n`;
  const map = new SourceMap([{ line: 1, column: 1, endColumn: body.length + 1, kind: 'expression', from: { line: span.line, column: span.column }, to: { line: span.endLine, column: span.endColumn } }]);
  return { file: span.file, text: body, form: 'chef', map, maybeLines: new Set(), alternatives: [] };
}
