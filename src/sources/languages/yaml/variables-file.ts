import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { dataRecord, plainData } from '../../../model/plain-data.js';
import { MAX_YAML_DEPTH, offsetPosition, yamlTooDeep } from '../../../model/yaml-depth.js';
import { UNKNOWN } from '../../contracts/values.js';
import type { VariableBinding } from '../../contracts/variables.js';

/** A variables file we could not read as YAML: reported, never fatal for the template. */
export interface VariablesDiagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One variables file's top-level names, each with its value and defining line. */
export interface VariablesLayer {
  file: string;
  values: Map<string, VariableBinding>;
}

/**
 * Reads one plain-data variables file (Ansible vars, Salt defaults and
 * pillar, Hiera data): a YAML mapping of names to values. Read as YAML 1.1,
 * as PyYAML does: `yes`/`no`/`on`/`off` are booleans. Encrypted values
 * (`!vault`) are unknown.
 */
export function readVariablesFile(file: string, text: string, diagnostics: VariablesDiagnostic[]): VariablesLayer {
  const values = new Map<string, VariableBinding>();
  const lineCounter = new LineCounter();
  const deep = yamlTooDeep(text);
  if (deep !== null) {
    diagnostics.push({ file, ...offsetPosition(text, deep), message: `YAML nested more than ${MAX_YAML_DEPTH} deep` });
    return { file, values };
  }
  const document = parseDocument(text, { lineCounter, version: '1.1', prettyErrors: false, uniqueKeys: false });
  for (const error of document.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    diagnostics.push({ file, line: pos.line, column: pos.col, message: error.message.split('\n')[0] ?? error.message });
  }
  if (document.errors.length > 0) return { file, values };
  const contents = document.contents;
  if (!isMap(contents)) return { file, values };
  let data: Record<string, unknown> = dataRecord();
  try {
    data = (plainData(document.toJS({ maxAliasCount: 100 })) ?? dataRecord()) as Record<string, unknown>;
  } catch (error) {
    diagnostics.push({ file, line: 1, column: 1, message: String((error as Error).message) });
    return { file, values };
  }
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const start = pair.key.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    const node = pair.value as { tag?: string } | null;
    const value = node !== null && node.tag === '!vault' ? UNKNOWN : Object.prototype.hasOwnProperty.call(data, name) ? data[name] : null;
    // Later keys win, as PyYAML builds the dict.
    values.set(name, { value, origin: { file, line } });
  }
  return { file, values };
}
