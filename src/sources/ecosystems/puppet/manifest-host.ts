import { UNKNOWN_MARK, type SourceFile } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';
import { EvaluationBudget } from '../../contracts/budget.js';
import { emptyExtraction, type Edit, type Extraction, type InstanceKey, type TargetFile } from '../../contracts/edits.js';
import { SourceMap, type Fragment } from '../../contracts/fragment.js';
import type { HostFormat } from '../../contracts/host-format.js';
import { join, parent } from '../../contracts/repo-paths.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { containsUnknown, isPlainObject, UNKNOWN } from '../../contracts/values.js';
import type { VariableBinding, VariableScope } from '../../contracts/variables.js';
import { PuppetEvaluator } from '../../languages/puppet-epp/puppet-evaluate.js';
import { parsePuppet, type PuppetExpression } from '../../languages/puppet-epp/puppet-expression.js';
import { destinationOf, directoryFor, named } from '../shared/destinations.js';
import { assignmentOffsets, readBodies } from './assignments.js';
import { readResources, splitTop, type PuppetResource, type ResourceAttribute } from './manifests.js';
import { mappedFragment, puppetStringText, type MappedText } from './string-text.js';
import { loadPuppetVariables, moduleNameScope, puppetModuleOf } from './variables.js';

/** Defined and custom types that set one main.cf parameter, named by the title, to `value` (Forge postfix modules). */
const PARAMETER_TYPES = new Set(['postfix::config', 'postconf', 'postfix_main_cf']);

interface Context {
  file: SourceFile;
  repo: RepositoryReader;
  module: { dir: string; name: string };
  scope: VariableScope;
  out: Extraction;
  /** Where each `owner::name` variable of this manifest is first assigned. */
  assigned: ReadonlyMap<string, number>;
  /** The manifest's evaluation budget, shared by every expression it evaluates. */
  budget: EvaluationBudget;
}

function spanAt(file: string, text: string, offset: number, length: number): Span {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { file, line, column, endLine: line, endColumn: column + length };
}

/** A one-line main.cf fragment whose every character maps to `span` (a value relaygate computed, not copied). */
function computedFragment(text: string, span: Span, form: Fragment['form']): Fragment {
  const body = `${text}\n`;
  const map = new SourceMap([{ line: 1, column: 1, endColumn: body.length + 1, kind: 'expression', from: { line: span.line, column: span.column }, to: { line: span.endLine, column: span.endColumn } }]);
  return { file: span.file, text: body, form, map, maybeLines: new Set(), alternatives: [] };
}

/**
 * The variables a resource sees: `$x` is the class's own variable `owner::x`
 * when the body assigns it before the resource (Puppet evaluates a body in
 * order, and a local variable hides any other), else the class parameter
 * `owner::x` (Hiera data, then its default). One assigned only after the
 * resource is not set yet where the resource is declared.
 */
function resourceScope(context: Context, resource: PuppetResource): VariableScope {
  const owner = resource.owner;
  return {
    lookup: (name) => {
      if (owner === null || name.includes('::')) return context.scope.lookup(name);
      const local = `${owner}::${name}`;
      const at = context.assigned.get(local);
      if (at === undefined) return context.scope.lookup(name) ?? context.scope.lookup(local);
      return at < resource.title.offset ? context.scope.lookup(local) : undefined;
    },
  };
}

/** A value in the resource's class. */
function evaluateExpression(context: Context, resource: PuppetResource, expression: PuppetExpression): unknown {
  return new PuppetEvaluator(resourceScope(context, resource), new Map()).evaluate(expression, { locals: [new Map<string, unknown>()], used: new Map(), budget: context.budget });
}

function evaluate(context: Context, resource: PuppetResource, code: string, offset: number): unknown {
  return evaluateExpression(context, resource, parsePuppet(code, offset));
}

function stringOf(context: Context, resource: PuppetResource, attribute: ResourceAttribute | { code: string; offset: number } | undefined): string | null {
  if (attribute === undefined) return null;
  const value = evaluate(context, resource, attribute.code, attribute.offset);
  return typeof value === 'string' ? value : null;
}

/** The folder of module `name`: this one, or a module beside it (`modules/NAME`). */
function moduleDir(context: Context, name: string): string | null {
  if (name === context.module.name) return context.module.dir;
  const up = parent(context.module.dir);
  if (up === null || !/^[a-z][a-z0-9_]*$/.test(name)) return null;
  const dir = join(up, name);
  return context.repo.isDirectory(join(dir, 'manifests')) || context.repo.isDirectory(join(dir, 'templates')) || context.repo.isDirectory(join(dir, 'files')) ? dir : null;
}

/** `mod/path` (template(), epp()) or `puppet:///modules/mod/path` (source) -> the repository file. */
function moduleFile(context: Context, reference: string, folder: 'templates' | 'files'): string | null {
  const rest = folder === 'files' ? /^puppet:\/\/[^/]*\/modules\/(.+)$/.exec(reference)?.[1] : reference;
  if (rest === undefined) return null;
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  const dir = moduleDir(context, rest.slice(0, slash));
  if (dir === null) return null;
  const path = join(join(dir, folder), rest.slice(slash + 1));
  return context.repo.read(path) === undefined ? null : path;
}

type WriteBase = Omit<Extract<Edit, { kind: 'write' }>, 'kind' | 'target' | 'fragment'>;

/** A mail file written with content relaygate cannot see: a note, and for main.cf every parameter unknown. */
function unknownContent(context: Context, base: WriteBase, target: TargetFile, why: string): Edit[] {
  context.out.notes.push(`${base.span.file}:${base.span.line}: ${why}; the ${target} it writes is unknown`);
  if (target !== 'main.cf') return [];
  return [{ ...base, kind: 'write', target, fragment: computedFragment(`${UNKNOWN_MARK} = ${UNKNOWN_MARK}`, base.span, 'puppet') }];
}

/** The hash an `epp(..., { ... })` call passes: the template's parameters by their short names. */
function eppArguments(value: PuppetExpression | undefined, context: Context, resource: PuppetResource, span: Span): VariableScope {
  if (value === undefined) return { lookup: () => undefined };
  const env = { locals: [new Map<string, unknown>()], used: new Map(), budget: context.budget };
  const hash = new PuppetEvaluator(resourceScope(context, resource), new Map()).evaluate(value, env);
  const origin = { file: span.file, line: span.line };
  if (!isPlainObject(hash)) return { lookup: (name) => (name.includes('::') ? undefined : { value: UNKNOWN, origin }) };
  const bindings = new Map<string, VariableBinding>();
  for (const [k, v] of Object.entries(hash)) bindings.set(k, { value: containsUnknown(v) ? UNKNOWN : v, origin });
  return { lookup: (name) => bindings.get(name) };
}

/**
 * `replace => false` (or `'no'`): Puppet writes the file only where none
 * exists, and leaves one already there (the package's main.cf, installed
 * before) as it is. What the server reads is then either that file or this
 * content: the write may or may not happen. A value relaygate cannot
 * compute may be false.
 */
function mayKeepExisting(context: Context, resource: PuppetResource): boolean {
  const replace = resource.attributes.get('replace');
  if (replace === undefined) return false;
  const value = evaluate(context, resource, replace.code, replace.offset);
  // undef leaves Puppet's default, true.
  return value !== true && value !== null && value !== 'yes' && value !== 'true';
}

/**
 * `"${postfix::confdir}/main.cf"` with the folder unknown (Hiera data per
 * system): the file name is still known. A module manages one
 * configuration directory, so the usual one is assumed (and said), which
 * keeps the file in the same instance as the module's parameter edits.
 */
function unresolvedDestination(context: Context, resource: PuppetResource, attribute: { code: string; offset: number }): { destination: string; where: NonNullable<ReturnType<typeof destinationOf>> } | null {
  const expression = parsePuppet(attribute.code, attribute.offset);
  if (expression.type !== 'string') return null;
  const text = expression.parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const value = evaluateExpression(context, resource, part);
      return typeof value === 'string' ? value : UNKNOWN_MARK;
    })
    .join('');
  const found = destinationOf(text);
  if (found === null || !found.directory.includes(UNKNOWN_MARK) || found.target.includes(UNKNOWN_MARK) || found.name?.includes(UNKNOWN_MARK) === true) return null;
  const directory = directoryFor(found.target);
  context.out.notes.push(`${resource.span.file}:${resource.span.line}: the folder of ${found.target} could not be resolved; ${directory} assumed`);
  return { destination: `${directory}/${found.target}`, where: { ...found, directory } };
}

function fileEdits(context: Context, resource: PuppetResource): Edit[] {
  const path = resource.attributes.get('path') ?? resource.title;
  const computed = stringOf(context, resource, path);
  const known = computed === null ? null : destinationOf(computed);
  const resolved = computed === null ? unresolvedDestination(context, resource, path) : known === null ? null : { destination: computed, where: known };
  if (resolved === null) return [];
  const { destination, where } = resolved;
  const ensure = stringOf(context, resource, resource.attributes.get('ensure'));
  if (ensure === 'absent' || ensure === 'directory' || ensure === 'link') return [];
  const key: InstanceKey = { scope: context.module.dir, directory: where.directory };
  const base = { key, span: resource.span, form: 'puppet' as const, maybe: resource.maybe || mayKeepExisting(context, resource) };
  const content = resource.attributes.get('content');
  const source = resource.attributes.get('source');
  if (content !== undefined) {
    const expression = parsePuppet(content.code, content.offset);
    if (expression.type === 'call' && (expression.name === 'template' || expression.name === 'epp')) {
      const first = expression.args[0];
      const name = first === undefined ? null : evaluateExpression(context, resource, first);
      const reference = typeof name === 'string' ? name : null;
      // template('a', 'b') concatenates several templates: not one file we can link.
      if (reference === null || (expression.name === 'template' && expression.args.length > 1)) {
        return unknownContent(context, base, where.target, `${expression.name}() is given a template name relaygate cannot compute`);
      }
      const path = moduleFile(context, reference, 'templates');
      if (path === null) return unknownContent(context, base, where.target, `${expression.name}('${reference}') names a template that is not in the repository`);
      const templateVariables = expression.name === 'epp' ? eppArguments(expression.args[1], context, resource, resource.span) : undefined;
      return [{ ...base, kind: 'link', target: where.target, ...named(where), source: path, destination, ...(templateVariables === undefined ? {} : { templateVariables }) }];
    }
    const literal = puppetStringText(content.code, content.offset);
    if (literal !== null) return [{ ...base, kind: 'write', target: where.target, ...named(where), fragment: mappedFragment(context.file.path, context.file.text, [literal], 'puppet') }];
    return unknownContent(context, base, where.target, 'file content is computed');
  }
  if (source !== undefined) {
    const reference = stringOf(context, resource, source);
    const path = reference === null ? null : moduleFile(context, reference, 'files');
    if (path === null) return unknownContent(context, base, where.target, `file source ${reference ?? 'is computed and'} is not a repository file`);
    return [{ ...base, kind: 'link', target: where.target, ...named(where), source: path, destination }];
  }
  return [];
}

/**
 * `postfix::config { 'inet_interfaces': value => 'all' }` and its kin: one
 * parameter set (or removed). Only the Forge modules' shape counts: a title
 * that is a parameter name (or computed) and a `value`; a module that
 * defines a type of that name itself is read through its own code instead.
 */
function parameterEdits(context: Context, resource: PuppetResource, defined: ReadonlySet<string>): Edit[] {
  if (defined.has(resource.type)) return [];
  const name = stringOf(context, resource, resource.attributes.get('setting') ?? resource.title);
  if (name !== null && !/^[a-z][a-z0-9_]*$/.test(name)) return [];
  if (!resource.attributes.has('value') && stringOf(context, resource, resource.attributes.get('ensure')) !== 'absent') return [];
  const ensure = stringOf(context, resource, resource.attributes.get('ensure'));
  const key: InstanceKey = { scope: context.module.dir, directory: '/etc/postfix' };
  const base = { key, span: resource.span, form: 'puppet' as const, maybe: resource.maybe };
  if (ensure === 'absent' && name !== null) return [{ ...base, kind: 'unset', target: 'main.cf', name, nameSpan: resource.span }];
  const valueAttribute = resource.attributes.get('value');
  const value = valueAttribute === undefined ? null : evaluate(context, resource, valueAttribute.code, valueAttribute.offset);
  const printed = Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join(', ') : typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  // A name we cannot compute may set any parameter; a value we cannot compute is unknown.
  const line = `${name ?? UNKNOWN_MARK} = ${printed ?? UNKNOWN_MARK}`;
  const at = valueAttribute === undefined ? resource.span : spanAt(context.file.path, context.file.text, valueAttribute.offset, valueAttribute.code.length);
  return [{ ...base, kind: 'set', target: 'main.cf', fragment: computedFragment(line, at, 'puppet') }];
}

/** `augeas { ...: lens => 'Postfix_Main.lns', incl => '/etc/postfix/main.cf', changes => ['set a b', 'rm c'] }`. */
function augeasEdits(context: Context, resource: PuppetResource): Edit[] {
  const lens = stringOf(context, resource, resource.attributes.get('lens')) ?? '';
  const incl = stringOf(context, resource, resource.attributes.get('incl')) ?? stringOf(context, resource, resource.attributes.get('context')) ?? '';
  const isMain = lens === 'Postfix_Main.lns' || /\/etc\/postfix\/main\.cf$/.test(incl);
  if (!isMain) return [];
  const changes = resource.attributes.get('changes');
  if (changes === undefined) return [];
  const key: InstanceKey = { scope: context.module.dir, directory: '/etc/postfix' };
  const base = { key, span: resource.span, form: 'puppet' as const, maybe: resource.maybe || resource.attributes.has('onlyif') };
  const items = changes.code.startsWith('[') ? splitTop(changes.code.slice(1, changes.code.lastIndexOf(']')), changes.offset + 1, ',') : [{ code: changes.code, offset: changes.offset }];
  const edits: Edit[] = [];
  for (const item of items) {
    const text = puppetStringText(item.code, item.offset);
    // augeas(1): `set PATH VALUE` writes the node, `rm PATH` / `clear PATH` removes it.
    const change = text === null ? null : /^(set|rm|clear)\s+(\w+)(?:\s+(\S.*))?$/.exec(text.text.trim());
    if (text === null || change === null) {
      edits.push({ ...base, kind: 'set', target: 'main.cf', fragment: computedFragment(`${UNKNOWN_MARK} = ${UNKNOWN_MARK}`, spanAt(context.file.path, context.file.text, item.offset, item.code.length), 'puppet') });
      context.out.notes.push(`${resource.span.file}:${resource.span.line}: an augeas change relaygate does not read may set any main.cf parameter`);
      continue;
    }
    const [, verb, name, raw] = change as unknown as [string, string, string, string | undefined];
    const nameAt = text.text.indexOf(name);
    if (verb !== 'set' || raw === undefined) {
      edits.push({ ...base, kind: 'unset', target: 'main.cf', name, nameSpan: spanAt(context.file.path, context.file.text, text.offsets[nameAt] ?? item.offset, name.length) });
      continue;
    }
    const value = raw.replace(/^(['"])(.*)\1$/, '$2');
    const valueAt = text.text.lastIndexOf(raw);
    const mapped: MappedText[] = [
      { text: name, offsets: text.offsets.slice(nameAt, nameAt + name.length) },
      { text: ' = ', offsets: [0, 1, 2].map(() => text.offsets[nameAt + name.length] ?? item.offset) },
      { text: value, offsets: text.offsets.slice(valueAt + (raw.length - value.length) / 2, valueAt + (raw.length - value.length) / 2 + value.length) },
      { text: '\n', offsets: [text.offsets[text.offsets.length - 1] ?? item.offset] },
    ];
    edits.push({ ...base, kind: 'set', target: 'main.cf', fragment: mappedFragment(context.file.path, context.file.text, mapped, 'puppet') });
  }
  return edits;
}

/**
 * `concat { 'sendmail.mc': path => '/etc/mail/sendmail.mc' }` assembled
 * from its `concat::fragment`s in `order` (then title), as the concat
 * module writes the file: one .mc. A fragment whose content is not a
 * literal makes the file unknown from there (its text is left out and the
 * lines after it are "maybe").
 */
function concatEdits(context: Context, resources: PuppetResource[]): Edit[] {
  const edits: Edit[] = [];
  for (const target of resources.filter((r) => r.type === 'concat')) {
    const title = stringOf(context, target, target.title);
    const destination = stringOf(context, target, target.attributes.get('path') ?? target.title);
    const where = destination === null ? null : destinationOf(destination);
    if (title === null || where === null || destination === null) continue;
    const fragments = resources
      .filter((r) => r.type === 'concat::fragment' && [title, destination].includes(stringOf(context, r, r.attributes.get('target')) ?? ''))
      .map((r) => ({ r, order: stringOf(context, r, r.attributes.get('order')) ?? '10', name: stringOf(context, r, r.title) ?? '' }))
      .sort((a, b) => (a.order === b.order ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.order < b.order ? -1 : 1));
    const parts: MappedText[] = [];
    let unknownFrom: number | null = null;
    for (const { r } of fragments) {
      const content = r.attributes.get('content');
      const text = content === undefined ? null : puppetStringText(content.code, content.offset);
      if (text === null) {
        unknownFrom ??= parts.reduce((n, p) => n + p.text.split('\n').length - 1, 0) + 1;
        context.out.notes.push(`${r.span.file}:${r.span.line}: concat::fragment content relaygate cannot read; ${where.target} is partly unknown`);
        continue;
      }
      parts.push(text);
    }
    if (parts.length === 0) continue;
    const fragment = mappedFragment(context.file.path, context.file.text, parts, 'puppet');
    if (unknownFrom !== null) {
      const lines = fragment.text.split('\n').length;
      for (let line = unknownFrom; line <= lines; line++) fragment.maybeLines.add(line);
    }
    edits.push({ key: { scope: context.module.dir, directory: where.directory }, span: target.span, form: 'puppet', maybe: target.maybe, kind: 'write', target: where.target, ...named(where), fragment });
  }
  return edits;
}

/** The defined types a module declares itself (`define postfix::config (`), from its manifests. */
function definedTypes(repo: RepositoryReader, dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (folder: string, depth: number) => {
    if (depth > 4) return;
    for (const name of repo.list(folder)) {
      const path = join(folder, name);
      if (repo.isDirectory(path)) walk(path, depth + 1);
      else if (name.endsWith('.pp')) for (const m of (repo.read(path) ?? '').matchAll(/\bdefine\s+((?:::)?[a-z][a-z0-9_]*(?:::[a-z][a-z0-9_]*)*)/g)) out.add((m[1] as string).replace(/^::/, ''));
    }
  };
  walk(join(dir, 'manifests'), 0);
  return out;
}

/**
 * Puppet manifests (`manifests/**.pp` of a module): `file` resources that
 * install a mail file from a template, an EPP template with its literal
 * hash, a `puppet:///modules/...` source or literal content; `augeas` with
 * the Postfix_Main lens; Forge postfix modules' one-parameter types; and
 * `concat` files assembled from fragments. Never run: titles and values
 * are literals or class parameters and Hiera data the module declares.
 */
export const puppetManifests: HostFormat = {
  form: 'puppet',
  matches(path: string, head: string): boolean {
    return path.endsWith('.pp') && /\b(?:file|concat|augeas|postfix::config|postconf|postfix_main_cf)\s*\{/.test(head);
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    const out = emptyExtraction();
    const parts = file.path.split('/');
    const at = parts.lastIndexOf('manifests');
    const dir = at < 0 ? parts.slice(0, -1).join('/') || '.' : parts.slice(0, at).join('/') || '.';
    const probe = join(join(dir, 'templates'), '_');
    const module = puppetModuleOf(probe, repo) ?? { dir, name: '' };
    const variables = loadPuppetVariables(probe, repo, []);
    const builtins = moduleNameScope({ dir, name: module.name }, repo);
    const scope: VariableScope = { lookup: (name) => variables.lookup(name) ?? builtins.lookup(name) };
    const assigned = assignmentOffsets(readBodies(file.path, file.text));
    const context: Context = { file, repo, module: { dir, name: module.name }, scope, assigned, out, budget: new EvaluationBudget() };
    const resources = readResources(file.path, file.text);
    const defined = definedTypes(repo, dir);
    for (const resource of resources) {
      if (resource.type === 'file') out.edits.push(...fileEdits(context, resource));
      else if (resource.type === 'augeas') out.edits.push(...augeasEdits(context, resource));
      else if (PARAMETER_TYPES.has(resource.type)) out.edits.push(...parameterEdits(context, resource, defined));
    }
    out.edits.push(...concatEdits(context, resources));
    if (context.budget.exceeded !== null) out.notes.push(`${file.path}: ${context.budget.exceeded}; the values from there on are unknown`);
    return out;
  },
};
