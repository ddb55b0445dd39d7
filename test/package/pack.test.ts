/**
 * The npm package as a user gets it: `npm pack`, installed from the tarball
 * into a temporary prefix without the network, and the packed CLI run on
 * examples/ under Node 24 (the runner's) and the system's Node (engines
 * says >=20). What ships is dist/ (the bundles, with every dependency
 * inside), so the package must install nothing else.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI_BUNDLE, currentNode, REPO_ROOT, requireBundle, requireNode24, systemNode, type NodeRuntime } from '../helpers/e2e.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'relaygate-pack-'));
after(() => rmSync(work, { recursive: true, force: true }));

interface Packed {
  filename: string;
  files: { path: string }[];
}

function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  // A cache of its own: the test must not depend on (or fill) the user's.
  const run = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_cache: path.join(work, 'cache'), npm_config_update_notifier: 'false', ...env },
    timeout: 180_000,
  });
  assert.equal(run.status, 0, `npm ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run;
}

const EXPECTED_FILES = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'action.yml',
  'dist/cli/index.js',
  'dist/cli/licenses.txt',
  'dist/cli/package.json',
  'dist/index.js',
  'dist/licenses.txt',
  'dist/package.json',
  'package.json',
  'schema/relaygate.schema.json',
];

describe('the npm package', () => {
  let packed: Packed;
  let prefix = '';
  before(() => {
    requireBundle(CLI_BUNDLE);
    const run = npm(['pack', '--json', '--pack-destination', work], REPO_ROOT);
    packed = (JSON.parse(run.stdout) as Packed[])[0]!;
    prefix = path.join(work, 'prefix');
    npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(work, packed.filename)], work);
  });

  it('holds dist/, action.yml, the schema, the rule pages and the docs: nothing of src/, test/ or scripts/', () => {
    const files = packed.files.map((f) => f.path).sort();
    const rulePages = files.filter((f) => f.startsWith('docs/rules/'));
    assert.ok(rulePages.includes('docs/rules/stig-postfix-relay.md') && rulePages.includes('docs/rules/README.md'), rulePages.join(', '));
    // The CLI's engine chunks (scripts/post-build.mjs CHUNK), numbered by webpack.
    const chunks = files.filter((f) => /^dist\/cli\/\d+\.index\.js$/.test(f));
    assert.ok(chunks.length > 0, files.join(', '));
    assert.deepEqual(files.filter((f) => !f.startsWith('docs/rules/') && !chunks.includes(f)), EXPECTED_FILES);
  });

  it('is publishable, needs no runtime dependency, and names its bin', () => {
    const installed = path.join(prefix, 'lib/node_modules/relaygate');
    const pkg = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(pkg['private'], undefined);
    assert.equal(pkg['dependencies'], undefined);
    assert.deepEqual(pkg['bin'], { relaygate: 'dist/cli/index.js' });
    assert.deepEqual(pkg['engines'], { node: '>=20' });
    // Installing it brought nothing else along.
    assert.equal(existsSync(path.join(installed, 'node_modules')), false);
    assert.equal(readFileSync(path.join(installed, 'dist/cli/index.js'), 'utf8').split('\n')[0], '#!/usr/bin/env node');
  });

  const runtimes = (t: { skip: (m: string) => void }): NodeRuntime[] => {
    const node24 = requireNode24(t as never);
    const system = systemNode(node24?.binary ?? currentNode().binary);
    return [node24 ?? currentNode(), ...(system ? [system] : [])];
  };

  it('runs as `relaygate` from the prefix on examples/, under Node 24 and the system Node', (t) => {
    for (const node of runtimes(t)) {
      // The bin's `#!/usr/bin/env node` finds this Node first on PATH.
      const env = { ...process.env, PATH: `${path.dirname(node.binary)}${path.delimiter}${process.env.PATH ?? ''}` };
      const bin = path.join(prefix, 'bin/relaygate');
      const version = spawnSync(bin, ['--version'], { encoding: 'utf8', env });
      assert.equal(version.stdout, `relaygate ${(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`, node.name);
      const run = spawnSync(bin, ['examples'], { cwd: REPO_ROOT, encoding: 'utf8', env });
      assert.equal(run.status, 1, `${node.name}: ${run.stderr}`);
      assert.match(run.stdout, /^open-relay\/postfix\/main\.cf:29:29: error \[stig-postfix-relay\] /m, node.name);
      assert.match(run.stdout, /^sendmail\/open\/sendmail\.mc:18:1: error \[stig-sendmail-relay\] /m, node.name);
      assert.match(run.stdout, /^ansible\/roles\/mail\/templates\/main\.cf\.j2:1:1: error \[postfix-open-relay\] .*smtpd refuses to start/m, node.name);
      assert.match(run.stdout, /^relaygate \S+: fail: 8 findings \(8 errors, 0 warnings, 0 notes\), 1 suppressed;/m, node.name);
    }
  });

  it('runs through npx from the tarball, offline', () => {
    const run = npm(['exec', '--offline', '--yes', `--package=${path.join(work, packed.filename)}`, '--', 'relaygate', '--version'], work);
    assert.match(run.stdout, /^relaygate \d+\.\d+\.\d+/);
  });
});
