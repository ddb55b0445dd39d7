import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/run.js';
import { temporaryTrees } from '../helpers/temp-tree.js';
import { sarifSchemaErrors } from './sarif-schema.js';

const tree = temporaryTrees('sarif-cli');
/** Open to the STIG rule only: a Postfix 3 that starts, whose relay list is the level's default. */
const OPEN = 'inet_interfaces = all\nsmtpd_client_restrictions = permit\ncompatibility_level = 3.6\n';

async function sarifUris(argv: string[], cwd: string): Promise<string[]> {
  let stdout = '';
  const status = await runCli(['--format', 'sarif', ...argv], { cwd, env: {}, stdout: (t) => void (stdout += t), stderr: () => {} });
  assert.equal(status, 1);
  const log = JSON.parse(stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  assert.deepEqual(sarifSchemaErrors(log), []);
  return log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
}

describe('relaygate --format sarif', () => {
  it('names files relative to the git top level, whatever directory was scanned', async (t) => {
    const root = tree({ 'infra/mail/postfix/main.cf': OPEN });
    const git = spawnSync('git', ['init', '-q', root], { encoding: 'utf8' });
    if (git.status !== 0) {
      t.skip(`git is not available: ${git.stderr || git.error?.message}`);
      return;
    }
    assert.deepEqual(await sarifUris(['infra/mail'], root), ['infra/mail/postfix/main.cf']);
    assert.deepEqual(await sarifUris(['mail'], path.join(root, 'infra')), ['infra/mail/postfix/main.cf']);
    assert.deepEqual(await sarifUris([], path.join(root, 'infra/mail/postfix')), ['infra/mail/postfix/main.cf']);
    assert.deepEqual(await sarifUris(['.'], root), ['infra/mail/postfix/main.cf']);
  });

  it('outside a git work tree, names them relative to the scan root', async () => {
    const root = tree({ 'mail/postfix/main.cf': OPEN });
    assert.deepEqual(await sarifUris(['mail'], root), ['postfix/main.cf']);
  });
});
