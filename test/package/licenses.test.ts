/**
 * scripts/check-licenses.mjs: the packages of each bundle's licenses.txt are
 * checked against package-lock.json and the allowlist. On the committed
 * dist/ it passes; on a copy whose bundle lists a copyleft package, or a
 * licence the lock file does not say, or no licenses.txt, it names each.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { checkLicences as check } from '../../scripts/check-licenses.mjs';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'relaygate-licences-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const LOCK = JSON.stringify({
  packages: { '': {}, 'node_modules/yaml': { license: 'ISC' }, 'node_modules/a/node_modules/gpl-thing': { license: 'GPL-3.0' }, 'node_modules/@s/x': { license: 'MIT' } },
});

test('the committed dist/ bundles only allowed licences, as package-lock.json says', () => {
  const { problems, packages } = check();
  assert.deepEqual(problems, []);
  assert.equal(packages.get('yaml'), 'ISC');
  assert.equal(packages.get('minimatch'), 'BlueOak-1.0.0');
});

test('a copyleft package, a licence the lock does not say, a missing licenses.txt: each named', () => {
  const root = tree({
    'package-lock.json': LOCK,
    'dist/licenses.txt': 'yaml\nISC\nISC text\n\ngpl-thing\nGPL-3.0\ntext\n\n@s/x\nApache-2.0\ntext\n',
  });
  assert.deepEqual(check(root).problems, [
    'dist/licenses.txt: gpl-thing is GPL-3.0, not one of MIT, ISC, BSD-2-Clause, BSD-3-Clause, Apache-2.0, 0BSD, BlueOak-1.0.0',
    'dist/licenses.txt: @s/x is listed as Apache-2.0, package-lock.json says MIT',
    'dist/cli/licenses.txt is missing: build with `npm run build` (ncc --license licenses.txt)',
  ]);
});
