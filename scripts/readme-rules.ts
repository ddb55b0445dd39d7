// Regenerates the rule table in README.md from the rules' metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceRulesTable } from '../src/rules/table.js';

const readme = readFileSync('README.md', 'utf8');
const next = replaceRulesTable(readme);
if (next !== readme) {
  writeFileSync('README.md', next);
  process.stdout.write('README.md rule table updated\n');
} else process.stdout.write('README.md rule table is up to date\n');
