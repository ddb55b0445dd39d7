import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { MAX_YAML_DEPTH, yamlTooDeep } from '../../../model/yaml-depth.js';
import { deepEqual, isPlainObject, UNKNOWN } from '../../contracts/values.js';
import type { LanguageVariables } from '../../contracts/template-language.js';
import { join, parent } from '../../contracts/repo-paths.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import type { VariableBinding, VariableOrigin, VariableScope } from '../../contracts/variables.js';
import { readChefAttributes, type ChefPrecedence } from './attributes.js';
import { cookbookOf } from './cookbook.js';
import { deploymentVariables } from './recipes.js';
import { readRubyLiteral } from '../../languages/ruby-erb/ruby-literal.js';
import { attributeName } from '../../languages/ruby-erb/ruby-evaluate.js';

interface Leaf {
  path: string[];
  value: unknown;
  origin: VariableOrigin;
}

export { cookbookOf } from './cookbook.js';

/** A hash value sets every leaf below it (Chef deep-merges precedence levels). */
function leavesOf(path: string[], value: unknown, origin: VariableOrigin, out: Leaf[], depth = 0): void {
  if (isPlainObject(value) && Object.keys(value).length > 0 && depth < 32) {
    for (const [k, v] of Object.entries(value)) leavesOf([...path, k], v, origin, out, depth + 1);
    return;
  }
  out.push({ path, value, origin });
}

/** Role or environment JSON: the leaves of `default_attributes` and `override_attributes`, with their lines. */
function readRoleJson(file: string, text: string, diagnostics: LanguageVariables['diagnostics']): { default: Leaf[]; override: Leaf[] } {
  const result = { default: [] as Leaf[], override: [] as Leaf[] };
  const lineCounter = new LineCounter();
  if (yamlTooDeep(text) !== null) {
    diagnostics.push({ file, line: 1, column: 1, message: `nested more than ${MAX_YAML_DEPTH} deep` });
    return result;
  }
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  for (const error of document.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    diagnostics.push({ file, line: pos.line, column: pos.col, message: error.message.split('\n')[0] ?? error.message });
  }
  if (document.errors.length > 0 || !isMap(document.contents)) return result;
  const walk = (node: unknown, path: string[], line: number, out: Leaf[], depth: number): void => {
    if (isMap(node) && node.items.length > 0 && depth < 32) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const keyLine = lineCounter.linePos(pair.key.range?.[0] ?? 0).line;
        walk(pair.value, [...path, String(pair.key.value)], keyLine, out, depth + 1);
      }
      return;
    }
    const value: unknown = isScalar(node) || isSeq(node) || isMap(node) ? (node as YamlNode).toJSON() : null;
    out.push({ path, value, origin: { file, line } });
  };
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key)) continue;
    if (pair.key.value === 'default_attributes') walk(pair.value, [], 1, result.default, 0);
    if (pair.key.value === 'override_attributes') walk(pair.value, [], 1, result.override, 0);
  }
  return result;
}

/** The index just after the `)` that closes the `(` at `open`, skipping strings; -1 when unclosed. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === ')' ? i + 1 : -1;
    }
  }
  return -1;
}

const ROLE_DSL_CALL = /^[ \t]*(default_attributes|override_attributes)[ \t]*\(/gm;

/**
 * Role or environment in Chef's Ruby DSL (`roles/mail.rb`):
 * `override_attributes("postfix" => { "main" => { ... } })`, read only when
 * the argument is a literal hash; each leaf's origin is the call's line.
 */
function readRoleRuby(file: string, text: string): { default: Leaf[]; override: Leaf[] } {
  const result = { default: [] as Leaf[], override: [] as Leaf[] };
  for (const m of text.matchAll(ROLE_DSL_CALL)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const close = closingParen(text, open);
    if (close < 0) continue;
    const inner = text.slice(open + 1, close - 1).trim();
    // Ruby lets a method's last hash argument drop its braces.
    const literal = readRubyLiteral(inner.startsWith('{') ? inner : `{${inner}}`, 0);
    if (literal === null || !isPlainObject(literal.value)) continue;
    const line = text.slice(0, m.index ?? 0).split('\n').length;
    leavesOf([], literal.value, { file, line }, m[1] === 'default_attributes' ? result.default : result.override);
  }
  return result;
}

/**
 * Leaves of several files of one level (every role, every environment): a
 * node runs with some of them, we do not know which, so values that disagree are unknown.
 */
function agree(files: Leaf[][]): Leaf[] {
  const byName = new Map<string, Leaf>();
  for (const leaves of files) {
    for (const leaf of leaves) {
      const name = attributeName(leaf.path);
      const earlier = byName.get(name);
      if (earlier === undefined) byName.set(name, leaf);
      else if (earlier.origin.file !== leaf.origin.file && !deepEqual(earlier.value, leaf.value)) byName.set(name, { ...earlier, value: UNKNOWN });
      else byName.set(name, leaf);
    }
  }
  return [...byName.values()];
}

/** Roles and environments are JSON files or Ruby DSL files. */
function roleFiles(repo: RepositoryReader, dir: string): string[] {
  return repo.list(dir).filter((n) => n.endsWith('.json') || n.endsWith('.rb')).map((n) => join(dir, n));
}

/** The Chef repository folder holding roles/ and environments/: the nearest one up from the cookbook. */
function chefRepository(cookbook: string, repo: RepositoryReader): string | null {
  let dir: string | null = cookbook;
  while (dir !== null) {
    if (repo.isDirectory(join(dir, 'roles')) || repo.isDirectory(join(dir, 'environments'))) return dir;
    dir = parent(dir);
  }
  return null;
}

/**
 * The `node` a Chef template sees, built from what the repository declares,
 * lowest precedence first (Chef's attribute precedence): default,
 * environment default, role default, force_default, normal, override, role
 * override, environment override, force_override (each level: attribute
 * files, then recipes); then the
 * user's --vars (a `node` object is merged over it; `@name` variables are
 * the template resource's `variables`, read from the cookbook's recipes:
 * ./recipes.ts). Attributes the cookbook's recipes set
 * are unknown. Ohai data and other cookbooks are not known: top-level keys
 * nobody declares read as unknown; a key missing below a declared one is nil.
 */
export function loadChefVariables(templatePath: string, repo: RepositoryReader, extra: VariableScope[] = []): LanguageVariables {
  const node = loadChefNode(templatePath, repo, extra);
  // `@name`: what the recipes' template resources that render this template pass.
  const passed = deploymentVariables(templatePath, repo, node);
  return {
    ...node,
    lookup: (name) => node.lookup(name) ?? passed.get(name),
    lookupOrigin: (name) => node.lookupOrigin?.(name) ?? passed.get(name)?.origin ?? undefined,
  };
}

/** The `node` attributes of the cookbook holding `path`, and the user's --vars (see loadChefVariables). */
export function loadChefNode(templatePath: string, repo: RepositoryReader, extra: VariableScope[] = []): LanguageVariables {
  const diagnostics: LanguageVariables['diagnostics'] = [];
  const levels: Leaf[][] = [];
  const cookbook = cookbookOf(templatePath, repo);
  const attributes: Record<ChefPrecedence, Leaf[]> = { default: [], force_default: [], normal: [], override: [], force_override: [] };
  if (cookbook !== null) {
    const dir = join(cookbook, 'attributes');
    // Chef loads attributes/default.rb first, then the others by name.
    const names = repo.list(dir).filter((n) => n.endsWith('.rb')).sort((a, b) => (a === 'default.rb' ? -1 : b === 'default.rb' ? 1 : a.localeCompare(b)));
    for (const name of names) {
      const file = join(dir, name);
      const text = repo.read(file);
      if (text === undefined) continue;
      for (const a of readChefAttributes(text)) leavesOf(a.path, a.value, { file, line: a.line }, attributes[a.precedence]);
    }
    // Recipes set attributes too (`node.default['postfix']['main'][...] = ...`), after the
    // attribute files and in run-list order we do not know: what they set is unknown.
    const recipes = join(cookbook, 'recipes');
    for (const name of repo.list(recipes).filter((n) => n.endsWith('.rb'))) {
      const file = join(recipes, name);
      const text = repo.read(file);
      if (text === undefined) continue;
      for (const a of readChefAttributes(text)) attributes[a.precedence].push({ path: a.path, value: UNKNOWN, origin: { file, line: a.line } });
    }
  }
  const roles = { default: [] as Leaf[][], override: [] as Leaf[][] };
  const environments = { default: [] as Leaf[][], override: [] as Leaf[][] };
  const root = cookbook === null ? null : chefRepository(cookbook, repo);
  if (root !== null) {
    for (const [folder, into] of [['roles', roles], ['environments', environments]] as const) {
      for (const file of roleFiles(repo, join(root, folder))) {
        const text = repo.read(file);
        if (text === undefined) continue;
        const read = file.endsWith('.rb') ? readRoleRuby(file, text) : readRoleJson(file, text, diagnostics);
        into.default.push(read.default);
        into.override.push(read.override);
      }
    }
  }
  // https://docs.chef.io/attribute_precedence/: default (attribute file, then recipe) <
  // environment default < role default < force_default < normal < override (attribute
  // file, then recipe) < role override < environment override < force_override.
  levels.push(
    attributes.default,
    agree(environments.default),
    agree(roles.default),
    attributes.force_default,
    attributes.normal,
    attributes.override,
    agree(roles.override),
    agree(environments.override),
    attributes.force_override,
  );
  for (const scope of [...extra].reverse()) {
    const node = scope.lookup('node');
    if (node === undefined) continue;
    const leaves: Leaf[] = [];
    leavesOf([], node.value, node.origin ?? { file: '--vars', line: 1 }, leaves);
    levels.push(leaves.filter((l) => l.path.length > 0));
  }
  // Repository data builds the tree: no prototype, so `__proto__` and `constructor` are keys like any other.
  const tree = Object.create(null) as Record<string, unknown>;
  const origins = new Map<string, VariableOrigin>();
  for (const level of levels) for (const leaf of level) setLeaf(tree, leaf, origins);
  const nodeBinding: VariableBinding | undefined = Object.keys(tree).length === 0 ? undefined : { value: tree, origin: null };
  return {
    lookup(name) {
      if (name === 'node') return nodeBinding;
      for (const scope of extra) {
        const found = scope.lookup(name);
        if (found !== undefined) return found;
      }
      return undefined;
    },
    lookupOrigin: (name) => origins.get(name),
    diagnostics,
  };
}

function setLeaf(tree: Record<string, unknown>, leaf: Leaf, origins: Map<string, VariableOrigin>): void {
  let object = tree;
  for (let i = 0; i < leaf.path.length - 1; i++) {
    const key = leaf.path[i] as string;
    const next = Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
    if (isPlainObject(next)) object = next;
    else {
      const created = Object.create(null) as Record<string, unknown>;
      object[key] = created;
      object = created;
    }
  }
  const last = leaf.path[leaf.path.length - 1];
  if (last === undefined) return;
  // An empty hash only declares the key; a value below it from a lower level stays.
  if (isPlainObject(leaf.value) && Object.prototype.hasOwnProperty.call(object, last) && isPlainObject(object[last])) return;
  object[last] = isPlainObject(leaf.value) ? Object.create(null) : leaf.value;
  origins.set(attributeName(leaf.path), leaf.origin);
}
