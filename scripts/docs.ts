// `npm run docs` (alias `npm run readme`): regenerates everything written
// from the sources, in one go: the README's rule table, docs/rules/*.md
// from each rule's metadata and scanned examples, and the JSON Schema of
// .relaygate.yml. A test fails when any of them is stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatedFiles } from './lib/generated.js';

const { files, problems, staleDirs } = await generatedFiles();
let changed = 0;
for (const [file, text] of files) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (current === text) continue;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  process.stdout.write(`updated ${file}\n`);
  changed++;
}
// A page whose rule is gone goes too.
for (const dir of staleDirs) {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const file = `${dir}/${name}`;
    if (!files.has(file)) {
      rmSync(file);
      process.stdout.write(`removed ${file}\n`);
      changed++;
    }
  }
}
if (changed === 0) process.stdout.write('generated files are up to date\n');
for (const p of problems) process.stderr.write(`docs: ${p}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
