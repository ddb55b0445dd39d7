// Project-specific checks that a type checker cannot make. The import rules
// (cycles, layers, @actions/* only at the edge, dead files) are
// dependency-cruiser's: .dependency-cruiser.cjs.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const problems = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (full.endsWith('.ts')) check(full);
  }
}
function check(file) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (/\b(describe|it|test)\.only\(/.test(line)) problems.push(`${file}:${i + 1}: focused test left in`);
    if (/console\.log\(/.test(line) && file.startsWith('src/') && !file.endsWith('cli.ts')) {
      problems.push(`${file}:${i + 1}: console.log in the engine (return data; let the edge print)`);
    }
  });
}
walk('src');
walk('test');
if (problems.length) {
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.exit(1);
}
process.stdout.write('lint: no problems\n');
