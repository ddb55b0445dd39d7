import { EvaluationBudget } from '../../contracts/budget.js';
import { LineIndex } from '../../../model/source.js';
import { readVariablesFile } from '../../languages/yaml/variables-file.js';
import { containsUnknown, deepEqual, UNKNOWN } from '../../contracts/values.js';
import type { LanguageVariables } from '../../contracts/template-language.js';
import { join, parent } from '../../contracts/repo-paths.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import type { VariableBinding, VariableScope } from '../../contracts/variables.js';
import { readParameters } from '../../languages/puppet-epp/header.js';
import { PuppetEvaluator } from '../../languages/puppet-epp/puppet-evaluate.js';
import { lexPuppet } from '../../languages/puppet-epp/puppet-lexer.js';
import { parsePuppetTokens } from '../../languages/puppet-epp/puppet-expression.js';
import { assignedValues, readBodies, type PuppetBody } from './assignments.js';

type Bindings = Map<string, VariableBinding>;

/** The module holding a template (the folder above `templates/`) and the template's epp() name (`postfix/main.cf.epp`). */
export function puppetModuleOf(templatePath: string, repo: RepositoryReader): { dir: string; name: string; templateName: string } | null {
  const parts = templatePath.split('/');
  const templates = parts.lastIndexOf('templates');
  if (templates < 0) return null;
  const dir = parts.slice(0, templates).join('/') || '.';
  let name = templates > 0 ? (parts[templates - 1] as string) : '';
  const metadata = repo.read(join(dir, 'metadata.json'));
  if (metadata !== undefined) {
    try {
      const declared = (JSON.parse(metadata) as { name?: unknown }).name;
      if (typeof declared === 'string') name = declared.slice(Math.max(declared.lastIndexOf('-'), declared.lastIndexOf('/')) + 1);
    } catch {
      // An unreadable metadata.json leaves the folder name.
    }
  }
  return { dir, name, templateName: `${name}/${parts.slice(templates + 1).join('/')}` };
}

/**
 * Puppet's `$module_name`: in a class or defined type, the name of the module
 * whose manifests hold it (puppetModuleOf's name: metadata.json's, after the
 * author, else the folder's). Unknown (undefined) when neither names it (a
 * module at the scan root without a metadata.json: its folder name is not
 * in the repository).
 */
export function moduleNameScope(module: { dir: string; name: string }, repo: RepositoryReader): VariableScope {
  const metadata = join(module.dir, 'metadata.json');
  const binding: VariableBinding | undefined =
    module.name === '' ? undefined : { value: module.name, origin: repo.read(metadata) === undefined ? null : { file: metadata, line: 1 } };
  return { lookup: (name) => (name === 'module_name' ? binding : undefined) };
}

function filesUnder(repo: RepositoryReader, dir: string, suffixes: string[], depth = 0, out: string[] = []): string[] {
  if (depth > 4 || out.length > 200) return out;
  for (const name of repo.list(dir)) {
    const path = join(dir, name);
    if (repo.isDirectory(path)) filesUnder(repo, path, suffixes, depth + 1, out);
    else if (suffixes.some((s) => name.endsWith(s))) out.push(path);
  }
  return out;
}

/** The offset just past the bracket closing the one at `open`, skipping strings and comments; -1 when unbalanced. */
function closing(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

const CLASS = /\bclass\s+([a-z][a-z0-9_]*(?:::[a-z][a-z0-9_]*)*)\s*\(/g;
const EPP_CALL = /\bepp\(\s*(['"])([^'"\n]+)\1\s*,\s*\{/g;

interface Manifest {
  classes: { name: string; offset: number }[];
}

/** Class parameter defaults of a manifest, as `class::parameter`; only literal defaults are known. */
function readManifest(file: string, text: string, into: Bindings, builtins: VariableScope): Manifest {
  const index = new LineIndex(text);
  // A default is evaluated before the class body: it may read Puppet's own variables (`$module_name`), never another parameter.
  const literal = new PuppetEvaluator(builtins, new Map());
  const classes: Manifest['classes'] = [];
  for (const match of text.matchAll(CLASS)) {
    const name = match[1] as string;
    const open = (match.index ?? 0) + match[0].length - 1;
    classes.push({ name, offset: match.index ?? 0 });
    const close = closing(text, open);
    if (close < 0) continue;
    const parameters = readParameters(text.slice(open + 1, close - 1), open + 1, file, (o) => index.position(o).line, literal) ?? [];
    for (const parameter of parameters) {
      // A parameter without a default must be given by whoever declares the class: unknown here.
      into.set(`${name}::${parameter.name}`, { value: parameter.hasDefault ? parameter.value : UNKNOWN, origin: parameter.origin });
    }
  }
  return { classes };
}

/**
 * `epp('postfix/main.cf.epp', { 'inet_interfaces' => $inet_interfaces })` in
 * a class: the template's short names get the class's values (best effort:
 * values that read anything but variables and literals are unknown; two
 * calls that disagree make the name unknown).
 */
function readEppCalls(file: string, text: string, manifest: Manifest, templateName: string, classScope: VariableScope, into: Bindings): void {
  const index = new LineIndex(text);
  const budget = new EvaluationBudget();
  for (const match of text.matchAll(EPP_CALL)) {
    if (match[2] !== templateName) continue;
    const at = match.index ?? 0;
    const owner = manifest.classes.filter((c) => c.offset < at).pop()?.name;
    const open = at + match[0].length - 1;
    const close = closing(text, open);
    const tokens = close < 0 ? null : lexPuppet(text.slice(open, close), open);
    if (tokens === null) continue;
    const hash = parsePuppetTokens(tokens, 'epp arguments');
    if (hash.type !== 'hash') continue;
    const scope: VariableScope = {
      lookup: (name) => classScope.lookup(name) ?? (owner === undefined || name.includes('::') ? undefined : classScope.lookup(`${owner}::${name}`)),
    };
    const evaluator = new PuppetEvaluator(scope, new Map());
    for (const [key, value] of hash.entries) {
      if (key.type !== 'literal' || typeof key.value !== 'string') continue;
      const env: Parameters<PuppetEvaluator['evaluate']>[1] = { locals: [new Map<string, unknown>()], used: new Map(), budget };
      let resolved = evaluator.evaluate(value, env);
      const origins = [...env.used.values()];
      const origin = (origins.length === 1 ? origins[0] : undefined) ?? { file, line: index.position(at).line };
      const earlier = into.get(key.value);
      if (earlier !== undefined && !deepEqual(earlier.value, resolved)) resolved = UNKNOWN;
      into.set(key.value, { value: containsUnknown(resolved) ? UNKNOWN : resolved, origin: earlier?.origin ?? origin });
    }
  }
}

/**
 * Hiera data files of one layer: `common.yaml` is what every node sees; a
 * key set by another level of the hierarchy (per OS, per node) with another
 * value depends on facts we do not have: unknown.
 */
function readHieraLayer(repo: RepositoryReader, dir: string, diagnostics: LanguageVariables['diagnostics']): Bindings {
  const result: Bindings = new Map();
  const files = filesUnder(repo, dir, ['.yaml', '.yml']).sort((a, b) => Number(b.endsWith('/common.yaml')) - Number(a.endsWith('/common.yaml')));
  files.forEach((file, i) => {
    const text = repo.read(file);
    if (text === undefined) return;
    const common = i === 0 && /\/common\.ya?ml$/.test(file);
    for (const [name, binding] of readVariablesFile(file, text, diagnostics).values) {
      const earlier = result.get(name);
      if (common || earlier === undefined) result.set(name, common ? binding : { value: UNKNOWN, origin: binding.origin });
      else if (!deepEqual(earlier.value, binding.value)) result.set(name, { value: UNKNOWN, origin: earlier.origin });
    }
  });
  return result;
}

/**
 * The variables an EPP template sees, highest precedence first: the user's
 * --vars, environment Hiera data (`data/` or `hieradata/` of the nearest
 * folder up that has one: a control repository), the module's Hiera data
 * (`data/`), class parameter defaults of the module's `manifests/*.pp`, as
 * `$class::name`; short names are what an `epp()` call in those manifests passes.
 */
export function loadPuppetVariables(templatePath: string, repo: RepositoryReader, extra: VariableScope[] = []): LanguageVariables {
  const diagnostics: LanguageVariables['diagnostics'] = [];
  const module = puppetModuleOf(templatePath, repo);
  const layers: Bindings[] = [];
  const defaults: Bindings = new Map();
  const passed: Bindings = new Map();
  if (module !== null) {
    let dir = parent(module.dir);
    while (dir !== null) {
      const data = ['data', 'hieradata'].map((d) => join(dir as string, d)).find((d) => repo.isDirectory(d));
      if (data !== undefined) {
        layers.push(readHieraLayer(repo, data, diagnostics));
        break;
      }
      dir = parent(dir);
    }
    layers.push(readHieraLayer(repo, join(module.dir, 'data'), diagnostics));
    const manifests: { file: string; text: string; manifest: Manifest }[] = [];
    const bodies: PuppetBody[] = [];
    const builtins = moduleNameScope(module, repo);
    for (const file of filesUnder(repo, join(module.dir, 'manifests'), ['.pp'])) {
      const text = repo.read(file);
      if (text === undefined) continue;
      manifests.push({ file, text, manifest: readManifest(file, text, defaults, builtins) });
      bodies.push(...readBodies(file, text));
    }
    layers.push(defaults);
    const parameters = [...layers];
    // A class's own variables come first: Hiera binds class parameters only, never a name the body assigns.
    layers.unshift(assignedValues(bodies, { lookup: (name) => parameters.map((l) => l.get(name)).find((b) => b !== undefined) ?? builtins.lookup(name) }));
    const classScope: VariableScope = { lookup: (name) => layers.map((l) => l.get(name)).find((b) => b !== undefined) };
    for (const m of manifests) readEppCalls(m.file, m.text, m.manifest, module.templateName, classScope, passed);
    layers.push(passed);
  }
  const lookup = (name: string): VariableBinding | undefined => {
    for (const scope of extra) {
      const found = scope.lookup(name);
      if (found !== undefined) return found;
    }
    for (const layer of layers) {
      const found = layer.get(name);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return { lookup, lookupOrigin: (name) => lookup(name)?.origin ?? undefined, diagnostics };
}
