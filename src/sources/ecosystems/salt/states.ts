import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { LineIndex, UNKNOWN_MARK, type SourceFile } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';
import { emptyExtraction, type Edit, type Extraction, type InstanceKey } from '../../contracts/edits.js';
import type { Fragment } from '../../contracts/fragment.js';
import type { HostFormat } from '../../contracts/host-format.js';
import { join, normalize, parent } from '../../contracts/repo-paths.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { isPlainObject } from '../../contracts/values.js';
import type { VariableBinding, VariableScope } from '../../contracts/variables.js';
import { renderJinja2 } from '../../languages/jinja2/index.js';
import { DEFAULT_LIMITS } from '../../languages/pieces.js';
import { concat, expression, positionFunction, slice, spanOfRange, toFragment, type HostPosition, type MappedText } from '../../languages/yaml/mapped-text.js';
import { extractShell } from '../../languages/yaml/shell-bridge.js';
import { scalarText } from '../../languages/yaml/scalar-text.js';
import { parseYaml, plainValue } from '../../languages/yaml/yaml-file.js';
import { parameterOfLine, parameterOfRegexp } from '../ansible/parameter-names.js';
import { destinationOf, named } from '../shared/destinations.js';
import { JINJA2_NAMESPACES } from '../shared/jinja2-namespaces.js';
import { saltFormulaOf, saltScope, saltVariables } from './variables.js';

/** A state file's first line naming a renderer pipeline (`#!jinja|yaml`); one without yaml/jinja is Python or another language we do not read. */
const SHEBANG = /^#!([^\n]*)/;

interface StateContext {
  file: string;
  /** The SLS text after Jinja: what the YAML nodes' ranges index. */
  rendered: string;
  at: HostPosition;
  maybeLines: ReadonlySet<number>;
  renderedLine: (offset: number) => number;
  key: InstanceKey;
  repo: RepositoryReader;
  /** The variables the SLS's own Jinja saw (pillar, the formula's settings): a template it deploys sees them too. */
  globals: VariableScope;
  out: Extraction;
}

/** One state function call: `id: {file.managed: [- name: ..., - source: ...]}`, its arguments by name. */
interface StateCall {
  id: string;
  function: string;
  args: Map<string, { node: unknown; value: unknown }>;
  span: Span;
  maybe: boolean;
}

/**
 * Salt state files (`*.sls`, the default `jinja|yaml` renderer): the SLS is
 * rendered with Jinja2 first (pillar and the formula's defaults as the
 * formula's templates see them; what relaygate cannot evaluate is unknown),
 * then read as YAML, with every position led back to the SLS line. The
 * states that change Postfix configuration become edits:
 * - `file.managed` (`name:` the destination, `source: salt://...`,
 *   `template: jinja` with `context:` over `defaults:`): a link edit whose
 *   template is rendered with those variables; `contents:` writes the file;
 * - `module.run` of the `postfix.set_main` execution function (`key`,
 *   `value`): a set edit;
 * - `file.replace` on main.cf (`pattern` anchored on a parameter, `repl`,
 *   `append_if_not_found`): a set edit, or set-if-present;
 * - `cmd.run`: its command read as shell (`postconf -e ...`).
 */
export const saltStates: HostFormat = {
  form: 'salt',
  matches(path, head) {
    if (!path.endsWith('.sls')) return false;
    const bang = SHEBANG.exec(head);
    return bang === null || /\b(?:jinja|yaml)\b/.test(bang[1] ?? '');
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    const out = emptyExtraction();
    const globals = saltVariables(file.path, repo);
    const rendered = renderJinja2(file.path, file.text, globals, { trimBlocks: false, limits: DEFAULT_LIMITS, namespaces: JINJA2_NAMESPACES, allBranches: true });
    if (rendered.diagnostics.length > 0) {
      const d = rendered.diagnostics[0];
      out.notes.push(`${file.path}:${d?.line ?? 1}: the state file's Jinja could not be read (${d?.message ?? ''}); its states are not read`);
      return out;
    }
    const fragment = rendered.fragment;
    const index = new LineIndex(fragment.text);
    const at: HostPosition = (offset) => {
      const p = index.position(offset);
      return fragment.map.start(p.line, p.column);
    };
    const parsed = parseYaml(file.path, fragment.text, at, '1.1');
    // Unknown Jinja output can break the YAML around it: never a reason to call the file unreadable.
    for (const d of parsed.diagnostics) out.notes.push(`${d.file}:${d.line}: ${d.message}; the states there are not read`);
    const formula = saltFormulaOf(file.path, repo) ?? parent(file.path) ?? '.';
    const context: Omit<StateContext, 'key'> = {
      file: file.path,
      rendered: fragment.text,
      at,
      maybeLines: fragment.maybeLines,
      renderedLine: (offset) => index.position(offset).line,
      repo,
      globals,
      out,
    };
    for (const document of parsed.documents) {
      if (!isMap(document.contents)) continue;
      for (const call of stateCalls(document.contents, document, context)) {
        const handler = HANDLERS.get(call.function);
        if (handler === undefined) continue;
        const made = handler(call, { ...context, key: { scope: formula, directory: '/etc/postfix' } });
        out.edits.push(...made);
      }
    }
    return out;
  },
};

type Handler = (call: StateCall, context: StateContext) => Edit[];

const HANDLERS: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['file.managed', fileManaged],
  ['module.run', moduleRun],
  ['file.replace', fileReplace],
  ['cmd.run', cmdRun],
]);

/** cmd.run: the command (`name:`, else the state ID) is shell text, read as the shell reads it, positions on the SLS. */
function cmdRun(call: StateCall, context: StateContext): Edit[] {
  const node = call.args.get('name')?.node;
  const text = node === undefined ? null : scalarText(node, context.rendered, true);
  if (text === null || text.text.includes(UNKNOWN_MARK)) return [];
  const extraction = extractShell(text.text, positionFunction(text, context.at), { file: context.file, scope: context.key.scope, form: 'salt', maybe: call.maybe });
  context.out.diagnostics.push(...extraction.diagnostics);
  context.out.notes.push(...extraction.notes);
  return extraction.edits;
}

/** Requisites that make a state conditional on something checked on the minion. */
const CONDITIONS = ['onlyif', 'unless', 'onchanges', 'onfail', 'prereq'];

/** The state calls of an SLS's top-level mapping: `id: {mod.fun: [args]}` and `id: {mod: [fun, args...]}`. */
function stateCalls(top: YAMLMap, document: Parameters<typeof plainValue>[0], context: Omit<StateContext, 'key'>): StateCall[] {
  const calls: StateCall[] = [];
  for (const state of top.items) {
    if (!isScalar(state.key) || !isMap(state.value)) continue;
    const id = String(state.key.value);
    if (id === 'include' || id === 'extend') continue;
    for (const pair of state.value.items) {
      if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null || !isSeq(pair.value)) continue;
      let fn = String(pair.key.value);
      const args = new Map<string, { node: unknown; value: unknown }>();
      for (const item of pair.value.items) {
        if (isScalar(item) && typeof item.value === 'string' && !fn.includes('.')) fn = `${fn}.${item.value}`;
        if (!isMap(item)) continue;
        for (const arg of item.items) {
          if (isScalar(arg.key)) args.set(String(arg.key.value), { node: arg.value, value: plainValue(document, arg.value) });
        }
      }
      const span = spanOfRange(pair.key.range[0], pair.key.range[1], context.file, context.at);
      const line = context.renderedLine(pair.key.range[0]);
      const maybe = context.maybeLines.has(line) || CONDITIONS.some((c) => args.has(c));
      calls.push({ id, function: fn, args, span, maybe });
    }
  }
  return calls;
}

function argumentText(call: StateCall, context: StateContext, name: string): MappedText | null {
  const arg = call.args.get(name);
  return arg === undefined ? null : scalarText(arg.node, context.rendered);
}

function stringArgument(call: StateCall, name: string): string | null {
  const value = call.args.get(name)?.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** Salt's booleans in state arguments: YAML 1.1 booleans, or the strings Salt's is_true accepts. */
function boolArgument(call: StateCall, name: string): boolean {
  const value = call.args.get(name)?.value;
  if (typeof value === 'boolean') return value;
  return typeof value === 'string' && ['true', 'yes', '1', 'on'].includes(value.toLowerCase());
}

/** The destination: `name:`, else the state ID (Salt's name defaults to the ID). */
function destination(call: StateCall): ReturnType<typeof destinationOf> {
  const name = stringArgument(call, 'name') ?? call.id;
  if (name.includes(UNKNOWN_MARK)) return null;
  return destinationOf(name);
}

/**
 * `salt://mta/files/main.cf.j2`: a path under the master's file roots. The
 * roots are not in the repository; the nearest folder up from the SLS under
 * which the path exists is taken as one (a formula's repository root, or its
 * `salt/` folder).
 */
function saltSource(url: string, context: StateContext): string | null {
  if (!url.startsWith('salt://') || url.includes(UNKNOWN_MARK)) return null;
  const rest = url.slice('salt://'.length);
  const query = rest.indexOf('?');
  const path = query < 0 ? rest : rest.slice(0, query);
  let dir: string | null = parent(context.file);
  while (dir !== null) {
    const candidate = normalize(join(dir, path));
    if (candidate !== null && context.repo.read(candidate) !== undefined) return candidate;
    dir = parent(dir);
  }
  return null;
}

/** Plain data as variables, each with the line of the state argument that gives it. */
function dataScope(data: unknown, line: number, file: string): Map<string, VariableBinding> {
  const out = new Map<string, VariableBinding>();
  if (!isPlainObject(data)) return out;
  for (const [k, v] of Object.entries(data)) out.set(k, { value: v, origin: { file, line } });
  return out;
}

/**
 * file.managed: the destination file becomes the source (`source:`, the
 * first of a list that exists), rendered with `template: jinja` and the
 * variables Salt gives it: `context:` over `defaults:` over the state
 * file's own (pillar, the formula's settings). `contents:` writes the file.
 */
function fileManaged(call: StateCall, context: StateContext): Edit[] {
  const where = destination(call);
  if (where === null) return [];
  const base = { key: { ...context.key, directory: where.directory }, span: call.span, form: 'salt' as const, maybe: call.maybe };
  const contents = argumentText(call, context, 'contents');
  if (contents !== null) return [{ ...base, kind: 'write', target: where.target, ...named(where), fragment: toFragment(contents, context.file, 'salt', context.at) }];
  const sourceValue = call.args.get('source')?.value;
  const urls = (Array.isArray(sourceValue) ? sourceValue : [sourceValue]).filter((s): s is string => typeof s === 'string');
  const source = urls.map((u) => saltSource(u, context)).find((s) => s !== null) ?? null;
  if (source === null) {
    if (urls.length > 0) context.out.notes.push(`${context.file}:${call.span.line}: file.managed source ${urls.some((u) => u.includes(UNKNOWN_MARK)) ? 'could not be resolved' : 'is not a repository file'}; ${where.target} not linked`);
    return [];
  }
  const template = stringArgument(call, 'template');
  // The path on the minion, as the state names it.
  const deployedTo = stringArgument(call, 'name') ?? call.id;
  if (template === null) return [{ ...base, kind: 'link', target: where.target, ...named(where), source, destination: deployedTo }];
  if (template !== 'jinja') {
    context.out.notes.push(`${context.file}:${call.span.line}: file.managed renders ${source} with the ${template} renderer, which relaygate does not evaluate; ${where.target} not linked`);
    return [];
  }
  const line = (name: string): number => {
    const node = call.args.get(name)?.node as { range?: [number, number, number] } | undefined;
    return node?.range === undefined ? call.span.line : context.at(node.range[0]).line;
  };
  const contextVars = dataScope(call.args.get('context')?.value, line('context'), context.file);
  const defaults = dataScope(call.args.get('defaults')?.value, line('defaults'), context.file);
  const unknownContext = call.args.has('context') && !isPlainObject(call.args.get('context')?.value);
  if (unknownContext) context.out.notes.push(`${context.file}:${call.span.line}: file.managed context is not a literal mapping; the template's variables are unknown`);
  const globals = context.globals;
  const vars: VariableScope = saltScope({
    lookup: (name) => contextVars.get(name) ?? defaults.get(name) ?? globals.lookup(name),
  });
  return [{ ...base, kind: 'link', target: where.target, ...named(where), source, destination: deployedTo, templateVariables: vars }];
}

/** `key = value` text for a set edit: the key's and the value's SLS positions, the ` = ` mapped to the key. */
function assignment(key: MappedText, value: MappedText, keyRange: { start: number; end: number }): MappedText {
  return concat([key, expression(' = ', keyRange.start, keyRange.end), value, expression('\n', keyRange.start, keyRange.end)]);
}

function rangeOf(node: unknown): { start: number; end: number } | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range === undefined ? null : { start: range[0], end: range[1] };
}

/**
 * module.run of Salt's postfix execution module `set_main(key, value,
 * path=MAIN_CF)`: sets `key = value` in main.cf whatever it held (the
 * module rewrites the definition or appends one). Old style (`- name:
 * postfix.set_main`, `- key:`, `- value:`) and new style (`- postfix.set_main:
 * [- key: ..., - value: ...]`).
 */
function moduleRun(call: StateCall, context: StateContext): Edit[] {
  let args = call.args;
  if (stringArgument(call, 'name') !== 'postfix.set_main') {
    const nested = call.args.get('postfix.set_main');
    if (nested === undefined || !isSeq(nested.node)) return [];
    args = new Map();
    for (const item of nested.node.items) {
      if (!isMap(item)) continue;
      for (const arg of item.items) if (isScalar(arg.key)) args.set(String(arg.key.value), { node: arg.value, value: isScalar(arg.value) ? arg.value.value : null });
    }
  }
  const keyNode = args.get('key')?.node;
  const valueNode = args.get('value')?.node;
  const key = scalarText(keyNode, context.rendered);
  const value = scalarText(valueNode, context.rendered);
  const keyRange = rangeOf(keyNode);
  if (key === null || value === null || keyRange === null) return [];
  if (!/^[A-Za-z\uE000][A-Za-z0-9_\uE000]*$/.test(key.text)) {
    context.out.notes.push(`${context.file}:${call.span.line}: postfix.set_main key is not a main.cf parameter name; state not read`);
    return [];
  }
  const path = args.get('path')?.value;
  const directory = typeof path === 'string' && !path.includes(UNKNOWN_MARK) ? (destinationOf(path)?.directory ?? '/etc/postfix') : '/etc/postfix';
  const fragment: Fragment = toFragment(assignment(key, value, keyRange), context.file, 'salt', context.at);
  return [{ key: { ...context.key, directory }, span: call.span, form: 'salt', maybe: call.maybe, kind: 'set', target: 'main.cf', fragment }];
}

/** A replacement that refers to the match (`\1`, `\g<1>`): the resulting text is not reconstructed. */
const BACKREFERENCE = /\\(?:\d|g<)/;
/** A pattern whose first group is a parameter name and the separator after it: `(^name\s*=\s*)`, `(^name\s\s*)`. */
const NAME_GROUP = /^\(\^?([A-Za-z][A-Za-z0-9_]*)((?:\\s|\[ \\t\]|[ =*+?])*)\)/;
/** A replacement starting with the first group (`\1`, `\g<1>`). */
const GROUP_ONE = /^\\(?:1(?!\d)|g<1>)/;

/**
 * file.replace (salt.states.file.replace) on main.cf: every match of
 * `pattern` (a Python regular expression, never run here: only the
 * parameter it anchors on is read) is replaced by `repl`. With
 * `append_if_not_found` the text (`not_found_content`, else `repl`) is
 * appended when nothing matches, so the parameter is set either way (main.cf:
 * last definition wins); without it, only an existing definition changes.
 * A `repl` with back-references gives a value relaygate does not rebuild: unknown.
 */
function fileReplace(call: StateCall, context: StateContext): Edit[] {
  const where = destination(call);
  if (where === null || where.target !== 'main.cf') return [];
  const pattern = stringArgument(call, 'pattern');
  const named = pattern === null ? null : parameterOfRegexp(pattern.replace(/^\(\??:?/, '').replace(/^\(\^/, '^'));
  const repl = argumentText(call, context, 'repl');
  if (pattern === null || named === null || repl === null) {
    context.out.notes.push(`${context.file}:${call.span.line}: file.replace pattern does not name a main.cf parameter; state not read`);
    return [];
  }
  const stripped = pattern.replace(/^\(\??:?/, '').replace(/^\(\^/, '^');
  const name = stripped.slice(named.from, named.to);
  const base = { key: { ...context.key, directory: where.directory }, span: call.span, form: 'salt' as const, maybe: call.maybe };
  const append = boolArgument(call, 'append_if_not_found');
  let text: MappedText = repl;
  const range = rangeOf(call.args.get('repl')?.node) ?? { start: 0, end: 0 };
  const prefix = NAME_GROUP.exec(pattern);
  const groupOne = GROUP_ONE.exec(repl.text);
  if (prefix !== null && groupOne !== null && prefix[1] === name && !BACKREFERENCE.test(repl.text.slice(groupOne[0].length))) {
    // `(^name\s*=?\s*)` replaced by `\g<1>= value`: the name (and its `=`) kept, the rest is literal.
    const rest = slice(repl, groupOne[0].length, repl.text.length);
    const equals = (prefix[2] ?? '').includes('=') ? expression(' = ', range.start, range.end) : expression(' ', range.start, range.end);
    text = concat([expression(name, range.start, range.end), equals, rest]);
  } else if (BACKREFERENCE.test(repl.text)) {
    text = expression(`${name} = ${UNKNOWN_MARK}`, range.start, range.end);
  } else {
    const parameter = parameterOfLine(repl.text);
    if (parameter === null || parameter.commented || repl.text.slice(parameter.from, parameter.to) !== name) {
      if (repl.text.trim() === '' || repl.text.trimStart().startsWith('#')) {
        return [{ ...base, kind: 'unset', target: 'main.cf', name, nameSpan: call.span }];
      }
      context.out.notes.push(`${context.file}:${call.span.line}: file.replace repl is not a "${name} = value" line; state not read`);
      return [];
    }
  }
  const newline = text.text.endsWith('\n') ? text : concat([text, expression('\n', range.start, range.end)]);
  const fragment = toFragment(newline, context.file, 'salt', context.at);
  if (append) return [{ ...base, kind: 'set', target: 'main.cf', fragment }];
  return [{ ...base, kind: 'set-if-present', target: 'main.cf', name, fragment }];
}

