// Runs every test/**/*.test.ts with Node's own test runner (works on Node 20 and 24),
// loading TypeScript through tsx. Extra arguments are passed to `node --test`
// (for example a file list, or --test-name-pattern).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'fixtures') out.push(...find(full));
    } else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const args = process.argv.slice(2);
const files = args.some((a) => a.endsWith('.ts')) ? [] : find('test');
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...args, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
