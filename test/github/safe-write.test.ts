import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { OptionsError } from '../../src/config/options.js';
import { writeInside } from '../../src/github/safe-write.js';

const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-write-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function setup(): { ws: string; temp: string; outside: string } {
  const base = path.join(dir, String(n++));
  const ws = path.join(base, 'ws');
  const temp = path.join(base, 'temp');
  const outside = path.join(base, 'outside');
  for (const d of [ws, temp, outside]) mkdirSync(d, { recursive: true });
  return { ws, temp, outside };
}

async function refusal(p: Promise<string>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof OptionsError, String(e));
    return e.message;
  }
  return assert.fail('expected a refusal');
}

describe('writeInside (the sarif input)', () => {
  it('writes inside the workspace, creating folders, and replaces an earlier file', async () => {
    const { ws, temp } = setup();
    assert.equal(await writeInside('input sarif', [ws, temp], ws, 'out/deep/r.sarif', 'one'), path.join(ws, 'out/deep/r.sarif'));
    assert.equal(await writeInside('input sarif', [ws, temp], ws, 'out/deep/r.sarif', 'two'), path.join(ws, 'out/deep/r.sarif'));
    assert.equal(readFileSync(path.join(ws, 'out/deep/r.sarif'), 'utf8'), 'two');
    assert.deepEqual(readdirSync(path.join(ws, 'out/deep')), ['r.sarif'], 'no temporary file left');
    // An absolute path under RUNNER_TEMP is fine too.
    assert.equal(await writeInside('input sarif', [ws, temp], ws, path.join(temp, 'r.sarif'), 'x'), path.join(temp, 'r.sarif'));
  });

  it('refuses a symlinked folder in the workspace that points outside, and writes nothing there', async () => {
    const { ws, temp, outside } = setup();
    symlinkSync(outside, path.join(ws, 'reports'));
    assert.equal(
      await refusal(writeInside('input sarif', [ws, temp], ws, 'reports/r.sarif', 'x')),
      'input sarif: refusing to write reports/r.sarif: reports is a symbolic link',
    );
    mkdirSync(path.join(ws, 'a'));
    symlinkSync(outside, path.join(ws, 'a', 'b'));
    assert.equal(
      await refusal(writeInside('input sarif', [ws, temp], ws, 'a/b/c/r.sarif', 'x')),
      'input sarif: refusing to write a/b/c/r.sarif: a/b is a symbolic link',
    );
    assert.deepEqual(readdirSync(outside), []);
  });

  it('replaces a symlink at the file name itself instead of writing through it', async () => {
    const { ws, temp, outside } = setup();
    writeFileSync(path.join(outside, 'victim'), 'keep');
    symlinkSync(path.join(outside, 'victim'), path.join(ws, 'r.sarif'));
    await writeInside('input sarif', [ws, temp], ws, 'r.sarif', 'sarif');
    assert.equal(readFileSync(path.join(outside, 'victim'), 'utf8'), 'keep');
    assert.ok(!lstatSync(path.join(ws, 'r.sarif')).isSymbolicLink());
    assert.equal(readFileSync(path.join(ws, 'r.sarif'), 'utf8'), 'sarif');
  });

  it('refuses paths outside the workspace and RUNNER_TEMP, a file in the way, and a directory as the name', async () => {
    const { ws, temp, outside } = setup();
    assert.match(await refusal(writeInside('input sarif', [ws, temp], ws, '../outside/r.sarif', 'x')), /is outside the workspace \(GITHUB_WORKSPACE\) and RUNNER_TEMP$/);
    assert.match(await refusal(writeInside('input sarif', [ws, temp], ws, path.join(outside, 'r.sarif'), 'x')), /is outside the workspace/);
    assert.match(await refusal(writeInside('input sarif', [ws, temp], ws, '.', 'x')), /is outside the workspace/);
    writeFileSync(path.join(ws, 'file'), '');
    assert.equal(await refusal(writeInside('input sarif', [ws, temp], ws, 'file/r.sarif', 'x')), 'input sarif: refusing to write file/r.sarif: file is not a directory');
    mkdirSync(path.join(ws, 'd.sarif'));
    assert.equal(await refusal(writeInside('input sarif', [ws, temp], ws, 'd.sarif', 'x')), 'input sarif: refusing to write d.sarif: it is a directory');
    assert.ok(!existsSync(path.join(outside, 'r.sarif')));
  });

  it('measures containment against the real workspace path (the workspace itself may be reached through a symlink)', async () => {
    const { ws, temp } = setup();
    const link = `${ws}-link`;
    symlinkSync(ws, link);
    assert.equal(await writeInside('input sarif', [link, temp], link, 'r.sarif', 'x'), path.join(link, 'r.sarif'));
    assert.equal(readFileSync(path.join(ws, 'r.sarif'), 'utf8'), 'x');
  });
});
