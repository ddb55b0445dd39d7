import { isNode, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { plainData } from '../../../model/plain-data.js';
import { MAX_YAML_DEPTH, yamlTooDeep } from '../../../model/yaml-depth.js';
import type { Diagnostic } from '../../../model/span.js';
import { resolveAliases } from './aliases.js';
import type { HostPosition } from './mapped-text.js';

/** Host files are small; a bigger YAML file is not parsed (bounded time and memory). */
export const MAX_YAML_CHARS = 4 * 1024 * 1024;

export interface YamlFile {
  documents: Document.Parsed[];
  diagnostics: Diagnostic[];
}

/** Mentions that make a host file "clearly mail provisioning": its parse errors are fatal. */
const MAIL_HINT = /\/etc\/postfix|\/etc\/mail\b|main\.cf|master\.cf|sendmail\.(?:mc|cf)|postconf/;

export function looksLikeMailProvisioning(text: string): boolean {
  return MAIL_HINT.test(text.length > 65536 ? text.slice(0, 65536) : text);
}

/**
 * Every document of a YAML stream, with errors as diagnostics at their line
 * and column (never a throw). Ansible and cloud-init read YAML 1.1 (PyYAML);
 * Kubernetes reads YAML 1.2 but its manifests rarely differ.
 * `at` maps an offset of `text` to the host position (identity for a file;
 * a rendered template's map for extractKubernetesText).
 */
export function parseYaml(file: string, text: string, at: HostPosition, version: '1.1' | '1.2'): YamlFile {
  const diagnostics: Diagnostic[] = [];
  if (text.length > MAX_YAML_CHARS) {
    diagnostics.push({ file, line: 1, column: 1, message: `YAML file larger than ${MAX_YAML_CHARS} characters: not read`, fatal: false });
    return { documents: [], diagnostics };
  }
  const fatal = looksLikeMailProvisioning(text);
  const deep = yamlTooDeep(text);
  if (deep !== null) {
    diagnostics.push({ file, ...at(deep), message: `YAML nested more than ${MAX_YAML_DEPTH} deep: not read`, fatal });
    return { documents: [], diagnostics };
  }
  let documents: Document.Parsed[] = [];
  try {
    const parsed = parseAllDocuments(text, { lineCounter: new LineCounter(), version, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false });
    documents = [...parsed];
  } catch (error) {
    diagnostics.push({ file, line: 1, column: 1, message: `YAML could not be read: ${String((error as Error).message)}`, fatal });
    return { documents: [], diagnostics };
  }
  for (const document of documents) {
    for (const error of document.errors) diagnostics.push(diagnosticOf(file, error.pos[0], error.message, fatal, at));
  }
  const readable = documents.filter((d) => d.errors.length === 0);
  for (const document of readable) {
    // The tools read aliases and merge keys as values: so do the extractors (see ./aliases.ts).
    const refused = resolveAliases(document);
    if (refused !== null) diagnostics.push(diagnosticOf(file, document.range[0], `aliases not resolved: ${refused}`, fatal, at));
  }
  return { documents: readable, diagnostics };
}

function diagnosticOf(file: string, offset: number, message: string, fatal: boolean, at: HostPosition): Diagnostic {
  const position = at(offset);
  const first = message.split('\n')[0] ?? message;
  return { file, line: position.line, column: position.column, message: `YAML: ${first}`, fatal };
}

/** Plain data of a node (aliases bounded), or undefined when it cannot be converted. */
export function plainValue(document: Document.Parsed, node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (!isNode(node)) return node;
  try {
    return plainData(node.toJS(document, { maxAliasCount: 100 }));
  } catch {
    return undefined;
  }
}
