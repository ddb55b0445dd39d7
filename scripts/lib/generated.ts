// Every file written from the sources, with its content: what `npm run docs`
// writes and what the staleness test compares with the repository.
import { readFileSync } from 'node:fs';
import { configSchema } from '../../src/config/settings.js';
import { replaceRulesTable } from '../../src/docs/rules-table.js';
import { DOCS_DIR, generateRuleDocs } from './rule-docs.js';

/** The JSON Schema of .relaygate.yml, for editors (`# yaml-language-server: $schema=...`). */
export const SCHEMA_FILE = 'schema/relaygate.schema.json';

export interface Generated {
  files: Map<string, string>;
  problems: string[];
  /** Folders that hold only generated files: anything else there is stale. */
  staleDirs: string[];
}

export async function generatedFiles(): Promise<Generated> {
  const docs = await generateRuleDocs();
  const files = new Map<string, string>();
  files.set('README.md', replaceRulesTable(readFileSync('README.md', 'utf8')));
  for (const [file, text] of docs.files) files.set(file, text);
  files.set(SCHEMA_FILE, `${JSON.stringify(configSchema(), null, 2)}\n`);
  return { files, problems: docs.problems, staleDirs: [DOCS_DIR] };
}
