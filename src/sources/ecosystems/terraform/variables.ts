import { LineIndex } from '../../../model/source.js';
import { dataRecord } from '../../../model/plain-data.js';
import type { LanguageVariables } from '../../contracts/template-language.js';
import { normalize } from '../../contracts/repo-paths.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import type { VariableBinding, VariableOrigin, VariableScope } from '../../contracts/variables.js';
import { EvaluationBudget } from '../../contracts/budget.js';
import { isPlainObject } from '../../contracts/values.js';
import { evaluate, UNKNOWN, type NameResolver } from '../../languages/hcl-template/evaluate.js';
import { ExpressionParser, type Expr } from '../../languages/hcl-template/expression.js';
import { stringTemplate } from '../../languages/hcl-template/render.js';
import { HclError, tokenize, type Token } from '../../languages/hcl-template/tokens.js';

/** Kept under its Terraform-side name (tests and callers use it). */
export { normalize as normalizePath };

interface Declared {
  expr: Expr | null;
  origin: VariableOrigin;
}

interface TemplateCall {
  file: string;
  index: LineIndex;
  path: Expr;
  vars: Expr | null;
  line: number;
}

interface Module {
  dir: string;
  variables: Map<string, Declared>;
  locals: Map<string, Declared>;
  calls: TemplateCall[];
}

function parentOf(dir: string): string {
  return dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '.';
}

function join(dir: string, name: string): string {
  return dir === '.' ? name : `${dir}/${name}`;
}

/** Index of the `}` closing the block whose `{` is at token `open`. */
function blockEnd(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.t === 'punct' && (t.value === '{' || t.value === '[' || t.value === '(')) depth++;
    if (t.t === 'punct' && (t.value === '}' || t.value === ']' || t.value === ')')) depth--;
    if (depth === 0) return i;
  }
  return tokens.length;
}

/** `name = expr` attributes directly inside the block tokens[open+1..close). */
function attributes(tokens: Token[], open: number, close: number, each: (name: string, nameToken: Token, parser: ExpressionParser) => void): void {
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (t.t === 'ident' && next?.t === 'punct' && next.value === '=') {
      const parser = new ExpressionParser(tokens.slice(0, close), t.end);
      parser.position = i + 2;
      try {
        each(t.value, t, parser);
      } catch (error) {
        if (!(error instanceof HclError)) throw error;
      }
      i = Math.max(i, parser.position - 1);
    } else if (t.t === 'punct' && (t.value === '{' || t.value === '[' || t.value === '(')) i = blockEnd(tokens, i);
  }
}

/**
 * A small HCL reader: in one module's .tf files, the `variable "x" {
 * default = ... }` blocks, `locals { ... }` attributes and every
 * `templatefile(PATH, VARS)` call. Nothing else of HCL is interpreted.
 */
function readModule(dir: string, repo: RepositoryReader, diagnostics: LanguageVariables['diagnostics']): Module {
  const module: Module = { dir, variables: new Map(), locals: new Map(), calls: [] };
  for (const name of repo.list(dir).filter((n) => n.endsWith('.tf'))) {
    const file = join(dir, name);
    const text = repo.read(file);
    if (text === undefined) continue;
    const index = new LineIndex(text);
    let tokens: Token[];
    try {
      tokens = tokenize(text);
    } catch (error) {
      if (!(error instanceof HclError)) throw error;
      const where = index.position(error.offset);
      diagnostics.push({ file, line: where.line, column: where.column, message: error.message });
      continue;
    }
    const origin = (t: Token): VariableOrigin => ({ file, line: index.position(t.start).line });
    let depth = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.t === 'punct' && t.value === '{') depth++;
      if (t.t === 'punct' && t.value === '}') depth--;
      const next = tokens[i + 1];
      if (depth === 0 && t.t === 'ident' && t.value === 'variable' && next?.t === 'string' && tokens[i + 2]?.t === 'punct') {
        const open = i + 2;
        const close = blockEnd(tokens, open);
        module.variables.set(next.raw, { expr: null, origin: origin(t) });
        attributes(tokens, open, close, (attr, nameToken, parser) => {
          if (attr === 'default') module.variables.set(next.raw, { expr: parser.expression(), origin: origin(nameToken) });
        });
        i = close;
      } else if (depth === 0 && t.t === 'ident' && t.value === 'locals' && next?.t === 'punct' && next.value === '{') {
        const close = blockEnd(tokens, i + 1);
        attributes(tokens, i + 1, close, (attr, nameToken, parser) => {
          module.locals.set(attr, { expr: parser.expression(), origin: origin(nameToken) });
        });
        i = close;
      } else if (t.t === 'ident' && t.value === 'templatefile' && next?.t === 'punct' && next.value === '(') {
        const parser = new ExpressionParser(tokens, text.length);
        parser.position = i + 2;
        try {
          const path = parser.expression();
          let vars: Expr | null = null;
          if (parser.isPunct(',')) {
            parser.position++;
            vars = parser.expression();
          }
          module.calls.push({ file, index, path, vars, line: index.position(t.start).line });
        } catch (error) {
          if (!(error instanceof HclError)) throw error;
        }
      }
    }
  }
  return module;
}

/** `var.x`, `local.x`, `path.module` inside the module, each evaluated once (cycles are unknown). */
function moduleResolver(module: Module, budget: EvaluationBudget): NameResolver {
  const cache = new Map<string, unknown>();
  const busy = new Set<string>();
  const declared = (kind: string, table: Map<string, Declared>) => {
    const out = dataRecord();
    for (const [name, declaration] of table) {
      const key = `${kind}.${name}`;
      Object.defineProperty(out, name, {
        enumerable: true,
        get: () => {
          if (cache.has(key)) return cache.get(key);
          if (busy.has(key) || declaration.expr === null) return UNKNOWN;
          busy.add(key);
          const value = evaluate(declaration.expr, resolve, stringTemplate, budget);
          busy.delete(key);
          cache.set(key, value);
          return value;
        },
      });
    }
    return out;
  };
  const vars = declared('var', module.variables);
  const locals = declared('local', module.locals);
  const resolve: NameResolver = (name) => {
    if (name === 'var') return vars;
    if (name === 'local') return locals;
    // path.root and path.cwd are the root module's folder; the module's own folder is the best guess a clone offers.
    if (name === 'path') return { module: module.dir, root: module.dir, cwd: module.dir };
    return UNKNOWN;
  };
  return resolve;
}

/** Where a template variable's value is written: the `default` of a `var.x` it passes, else the map key's line. */
function originOf(module: Module, call: TemplateCall, expr: Expr, keyStart: number): VariableOrigin {
  if (expr.k === 'attribute' && expr.base.k === 'name') {
    const table = expr.base.name === 'var' ? module.variables : expr.base.name === 'local' ? module.locals : null;
    const declared = table?.get(expr.name);
    if (declared !== undefined && declared.expr !== null) return declared.origin;
  }
  return { file: call.file, line: call.index.position(keyStart).line };
}

/**
 * The variables of a Terraform template: the literal map passed by the
 * `templatefile(...)` call that names it, found in the .tf files of the
 * template's folder or up to two folders above (`templates/` beside the
 * module's .tf files), with `var.x` read from `variable` defaults and
 * `local.x` from `locals`. --vars files come first.
 */
export function loadTerraformVariables(templatePath: string, repo: RepositoryReader, extra: VariableScope[] = []): LanguageVariables & { call: VariableOrigin | null } {
  const diagnostics: LanguageVariables['diagnostics'] = [];
  const bindings = new Map<string, VariableBinding>();
  let found: VariableOrigin | null = null;
  let opaque = false;
  let dir = parentOf(templatePath);
  // One budget for every value the template's variables are computed from (the locals and defaults they read).
  const budget = new EvaluationBudget();
  for (let level = 0; level < 3 && found === null; level++) {
    const module = readModule(dir, repo, diagnostics);
    const resolve = moduleResolver(module, budget);
    for (const call of module.calls) {
      const target = evaluate(call.path, resolve, stringTemplate, budget);
      if (typeof target !== 'string' || normalize(target) !== templatePath) continue;
      found = { file: call.file, line: call.line };
      if (call.vars?.k === 'object') {
        for (const item of call.vars.items) {
          if (item.key === null) continue;
          bindings.set(item.key, { value: evaluate(item.value, resolve, stringTemplate, budget), origin: originOf(module, call, item.value, item.keyStart) });
        }
      } else if (call.vars !== null) {
        const value = evaluate(call.vars, resolve, stringTemplate, budget);
        if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) bindings.set(k, { value: v, origin: found });
        else opaque = true;
      }
      if (budget.exceeded !== null) diagnostics.push({ file: call.file, line: call.line, column: 1, message: budget.exceeded });
      break;
    }
    if (dir === '.') break;
    dir = parentOf(dir);
  }
  const lookup = (name: string): VariableBinding | undefined => {
    for (const scope of extra) {
      const hit = scope.lookup(name);
      if (hit !== undefined) return hit;
    }
    // A map built elsewhere (`templatefile(p, local.vars)`) could hold any name: unknown, not undefined.
    return bindings.get(name) ?? (opaque ? { value: UNKNOWN, origin: found } : undefined);
  };
  return { lookup, lookupOrigin: (name) => lookup(name)?.origin ?? undefined, diagnostics, call: found };
}
