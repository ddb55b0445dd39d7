import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { dataRecord, plainData } from '../../../model/plain-data.js';
import { MAX_YAML_DEPTH, yamlTooDeep } from '../../../model/yaml-depth.js';
import type { LanguageVariables } from '../../contracts/template-language.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import type { VariableBinding, VariableOrigin, VariableScope } from '../../contracts/variables.js';
import { isPlainObject } from '../../languages/go-template/values.js';

/** The Helm chart a template belongs to: the nearest folder up holding Chart.yaml, or null. */
export function chartFolder(templatePath: string, repo: RepositoryReader): string | null {
  let dir = templatePath.includes('/') ? templatePath.slice(0, templatePath.lastIndexOf('/')) : '.';
  for (let depth = 0; depth < 32; depth++) {
    const chart = dir === '.' ? 'Chart.yaml' : `${dir}/Chart.yaml`;
    if (repo.read(chart) !== undefined) return dir;
    if (dir === '.') return null;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '.';
  }
  return null;
}

interface YamlData {
  value: unknown;
  /** Dotted path (under `prefix`) -> line of its key or list item. */
  origins: Map<string, VariableOrigin>;
}

/**
 * Helm reads values.yaml and Chart.yaml with sigs.k8s.io/yaml (go-yaml v2,
 * YAML 1.1 scalars: `yes` is true). Every key and list item keeps its line.
 */
function readYaml(file: string, text: string, prefix: string, diagnostics: LanguageVariables['diagnostics']): YamlData {
  const origins = new Map<string, VariableOrigin>();
  const lineCounter = new LineCounter();
  if (yamlTooDeep(text) !== null) {
    diagnostics.push({ file, line: 1, column: 1, message: `YAML nested more than ${MAX_YAML_DEPTH} deep` });
    return { value: dataRecord(), origins };
  }
  const document = parseDocument(text, { lineCounter, version: '1.1', prettyErrors: false, uniqueKeys: false });
  for (const error of document.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    diagnostics.push({ file, line: pos.line, column: pos.col, message: error.message.split('\n')[0] ?? error.message });
  }
  if (document.errors.length > 0) return { value: {}, origins };
  let value: unknown = {};
  try {
    value = plainData(document.toJS({ maxAliasCount: 100 })) ?? dataRecord();
  } catch (error) {
    diagnostics.push({ file, line: 1, column: 1, message: String((error as Error).message) });
    return { value: {}, origins };
  }
  const line = (node: { range?: [number, number, number] | null } | null | undefined) => lineCounter.linePos(node?.range?.[0] ?? 0).line;
  const walk = (node: unknown, path: string, depth: number) => {
    if (depth > 32) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const child = `${path}.${String(pair.key.value)}`;
        origins.set(child, { file, line: line(pair.key) });
        walk(pair.value, child, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = `${path}.${i}`;
        origins.set(child, { file, line: line(item as Node) });
        walk(item, child, depth + 1);
      });
    }
  };
  walk(document.contents, prefix, 0);
  return { value: isPlainObject(value) ? value : {}, origins };
}

/** Chart.yaml keys as templates see them (`.Chart.Name`, `.Chart.AppVersion`): Go struct field names. */
function chartFields(metadata: Record<string, unknown>): Record<string, unknown> {
  const out = dataRecord();
  for (const [key, value] of Object.entries(metadata)) {
    const name = key === 'apiVersion' ? 'APIVersion' : key.charAt(0).toUpperCase() + key.slice(1);
    out[name] = value;
  }
  return out;
}

/** Helm's coalescing of a values override: maps merge key by key, anything else replaces. */
function merge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out = dataRecord(Object.entries(base));
  for (const [key, value] of Object.entries(override)) out[key] = merge(Object.prototype.hasOwnProperty.call(base, key) ? base[key] : undefined, value);
  return out;
}

/**
 * What a Helm template sees: `.Values` from the chart's values.yaml (with the
 * user's --vars files merged over it, like `helm install -f`: a --vars file
 * may hold `Values:` or top-level keys that values.yaml declares), `.Chart`
 * from Chart.yaml. `.Release`, `.Capabilities`, `.Files` and `.Template` are
 * install-time facts the repository does not hold: unknown, unless a --vars
 * file gives them. A `.tmpl` outside a chart sees only the --vars files.
 */
export function loadHelmVariables(templatePath: string, repo: RepositoryReader, extra: VariableScope[] = []): LanguageVariables {
  const diagnostics: LanguageVariables['diagnostics'] = [];
  const chart = chartFolder(templatePath, repo);
  const origins = new Map<string, VariableOrigin>();
  const top = new Map<string, VariableBinding>();
  if (chart !== null) {
    const at = (name: string) => (chart === '.' ? name : `${chart}/${name}`);
    const valuesFile = at('values.yaml');
    const valuesText = repo.read(valuesFile);
    let values: unknown = {};
    if (valuesText !== undefined) {
      const data = readYaml(valuesFile, valuesText, 'Values', diagnostics);
      values = data.value;
      for (const [k, v] of data.origins) origins.set(k, v);
    }
    for (const scope of extra) {
      const whole = scope.lookup('Values');
      const overrides: [string, VariableBinding][] = whole !== undefined && isPlainObject(whole.value) ? Object.entries(whole.value).map(([k, v]) => [k, { value: v, origin: whole.origin }]) : [];
      for (const key of isPlainObject(values) ? Object.keys(values) : []) {
        const found = scope.lookup(key);
        if (found !== undefined) overrides.push([key, found]);
      }
      for (const [key, binding] of overrides) {
        values = merge(values, { [key]: binding.value });
        for (const path of [...origins.keys()]) if (path === `Values.${key}` || path.startsWith(`Values.${key}.`)) origins.delete(path);
        if (binding.origin !== null) origins.set(`Values.${key}`, binding.origin);
      }
    }
    top.set('Values', { value: values, origin: valuesText === undefined ? null : { file: valuesFile, line: 1 } });
    const chartFile = at('Chart.yaml');
    const chartText = repo.read(chartFile);
    if (chartText !== undefined) {
      const data = readYaml(chartFile, chartText, 'Chart', diagnostics);
      top.set('Chart', { value: chartFields(data.value as Record<string, unknown>), origin: { file: chartFile, line: 1 } });
      for (const [k, v] of data.origins) {
        const [, key = '', ...rest] = k.split('.');
        const name = key === 'apiVersion' ? 'APIVersion' : key.charAt(0).toUpperCase() + key.slice(1);
        origins.set(['Chart', name, ...rest].join('.'), v);
      }
    }
  }
  const lookup = (name: string): VariableBinding | undefined => {
    if (name === 'Values' || name === 'Chart') return top.get(name) ?? extra.map((s) => s.lookup(name)).find((b) => b !== undefined);
    for (const scope of extra) {
      const found = scope.lookup(name);
      if (found !== undefined) return found;
    }
    return top.get(name);
  };
  const lookupOrigin = (path: string): VariableOrigin | undefined => {
    // The nearest declared ancestor: `.Values.a.b` missing from values.yaml points at `a`.
    for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const found = origins.get(p);
      if (found !== undefined) return found;
    }
    // A key values.yaml does not declare has no defining line (only a whole top-level name does).
    return path.includes('.') ? undefined : (lookup(path)?.origin ?? undefined);
  };
  return { lookup, lookupOrigin, diagnostics };
}
