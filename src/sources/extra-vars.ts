import path from 'node:path';
import { dataRecord, plainData } from '../model/plain-data.js';
import { MAX_YAML_DEPTH, yamlTooDeep } from '../model/yaml-depth.js';
import { parseDocument } from 'yaml';
import { OptionsError } from '../config/options.js';
import { MAX_VARS_BYTES, readSettingFile } from '../config/setting-files.js';
import { plainScope, type VariableScope } from './contracts/variables.js';

/**
 * `--vars` files: Ansible extra vars, the highest precedence. A file that
 * cannot be read as a YAML mapping is a usage error, never a silent pass.
 */
export async function readExtraVars(options: { root: string; vars: readonly string[] }): Promise<VariableScope[]> {
  const scopes: VariableScope[] = [];
  for (const file of options.vars) {
    const full = path.resolve(options.root, file);
    const relative = path.relative(options.root, full);
    const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
    // Up to the size limit, never read whole first (src/config/setting-files.ts).
    const text = await readSettingFile({ setting: 'vars', file: full, shown: file, limit: MAX_VARS_BYTES, kind: 'variables files' });
    if (yamlTooDeep(text) !== null) throw new OptionsError(`vars: ${file} is nested more than ${MAX_YAML_DEPTH} deep`);
    // Ansible reads YAML 1.1 (PyYAML): yes/no are booleans there.
    const document = parseDocument(text, { version: '1.1', prettyErrors: false });
    const error = document.errors[0];
    if (error !== undefined) throw new OptionsError(`vars: ${file} is not valid YAML: ${error.message.split('\n')[0] ?? ''}`);
    let data: unknown;
    try {
      data = plainData(document.toJS({ maxAliasCount: 100 })) ?? dataRecord();
    } catch (e) {
      throw new OptionsError(`vars: ${file} cannot be read: ${(e as Error).message}`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new OptionsError(`vars: ${file} is not a YAML mapping of variable names to values`);
    }
    scopes.push(plainScope(data as Record<string, unknown>, shown));
  }
  return scopes;
}
