import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

/**
 * Temporary repository trees for scan tests: `tree({ 'a/main.cf': '...' })`
 * writes the files and returns the root; every tree is removed after the
 * test file's tests (one `after` hook per test file that calls temporaryTrees).
 */
export function temporaryTrees(prefix: string): (files: Record<string, string>) => string {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  return (files) => {
    const root = mkdtempSync(path.join(os.tmpdir(), `relaygate-${prefix}-`));
    roots.push(root);
    for (const [rel, text] of Object.entries(files)) {
      const full = path.join(root, rel);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    return root;
  };
}
