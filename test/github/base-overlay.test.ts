import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { plant, type Planted } from '../../bench/planted.js';
import { optionsForBase } from '../../src/config/base-options.js';
import { defaultOptions } from '../../src/config/options.js';
import { checkoutBase } from '../../src/github/base-tree.js';
import { scan } from '../../src/scan.js';
import { git } from '../helpers/git-repo.js';

// The oracle is a scan of the base commit as `git worktree add` checks it
// out: the base scan that reads the workspace's unchanged files where they
// are (an overlay) must give the same result, finding for finding, and so
// must the one through links.

const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-overlay-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ws = path.join(dir, 'ws');

function write(rel: string, content: string): void {
  const full = path.join(ws, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}

// Every planted kind of the benchmark, open and safe: templates with role
// defaults, values files, provisioning code, plain files.
const PLANTED = plant(1);
const OPEN = PLANTED.filter((p) => p.open);
const safeOf = (open: Planted): Planted => PLANTED.find((p) => p.kind === open.kind && !p.open) as Planted;

mkdirSync(ws);
git(ws, 'init', '-q', '-b', 'main');
for (const p of PLANTED) for (const [file, text] of Object.entries(p.files)) write(file, text);
write('.gitignore', '/tmp/\n');
write('README.md', 'Postfix relays for the fleet\n');
git(ws, 'add', '-A');
git(ws, 'commit', '-q', '-m', 'base');
const BASE = git(ws, 'rev-parse', 'HEAD');

/** The open configuration's files given the safe one's contents: the head fixes it. */
function fix(open: Planted): void {
  const safe = safeOf(open);
  for (const [file, text] of Object.entries(safe.files)) write(open.root + file.slice(safe.root.length), text);
}

// The head: a third of the open configurations fixed in commits, a third in the work tree only, and
// two variables files deleted; an open main.cf untracked, another ignored. A base scan that read any
// of those from the workspace would lose findings the base has.
for (const [i, open] of OPEN.entries()) if (i % 3 === 0) fix(open);
const withVariables = OPEN.filter((p) => p.variables !== undefined);
assert.ok(withVariables.length >= 2);
rmSync(path.join(ws, withVariables[0]!.variables!));
git(ws, 'add', '-A');
git(ws, 'commit', '-q', '-m', 'head');
for (const [i, open] of OPEN.entries()) if (i % 3 === 1) fix(open);
rmSync(path.join(ws, withVariables[1]!.variables!));
write('extra/postfix/main.cf', 'inet_interfaces = all\nmynetworks = 0.0.0.0/0\n');
write('tmp/postfix/main.cf', 'inet_interfaces = all\nmynetworks = 0.0.0.0/0\n');
// Beside every variables file an untracked copy of it, the open variant's text: a reader that lists
// the folder (Chef attributes, Terraform's *.tf, Ansible's vars folders) must not see it at the base.
for (const open of withVariables) {
  const safe = safeOf(open);
  if (safe.variables === undefined) continue;
  const variables = open.files[open.variables!] as string;
  write(`${path.dirname(safe.variables)}/zz-${path.basename(safe.variables)}`, variables);
  // And a folder named as the file without its extension (Ansible reads `defaults/main/` as well as `main.yml`).
  const ext = path.extname(safe.variables);
  write(`${safe.variables.slice(0, -ext.length)}/zz${ext}`, variables);
}

/** A scan result with the scan root's path replaced and the timing left out: comparable across roots. */
function comparable(result: Awaited<ReturnType<typeof scan>>): unknown {
  const { durationMs: _ignored, root, ...rest } = result;
  return JSON.parse(JSON.stringify(rest).split(root).join('<root>'));
}

async function oracleScan(): Promise<unknown> {
  const oracle = path.join(dir, 'oracle');
  git(ws, 'worktree', 'add', '-q', '--detach', '--force', oracle, BASE);
  try {
    const options = optionsForBase(defaultOptions(ws), oracle);
    assert.ok(options !== null);
    return comparable(await scan(options));
  } finally {
    git(ws, 'worktree', 'remove', '--force', oracle);
  }
}

async function baseScan(overlay: boolean): Promise<{ result: unknown; filled: string; overlaid: boolean; findings: number }> {
  const base = await checkoutBase({ workspace: ws, scanned: ws, baseSha: BASE, pullHeadSha: null, token: '', serverUrl: 'https://github.com', tempDir: dir, waitForRemoval: true, overlay });
  assert.ok(!('failure' in base), JSON.stringify(base));
  try {
    const options = optionsForBase(defaultOptions(ws), base.root, base.overlay);
    assert.ok(options !== null);
    const result = await scan(options);
    return { result: comparable(result), filled: base.filled, overlaid: base.overlay !== null, findings: result.findings.length };
  } finally {
    await base.remove();
  }
}

describe('the base scan over the workspace (overlay)', () => {
  it('gives the findings, configurations and notes of a scan of git worktree add', async () => {
    const oracle = await oracleScan();
    const overlaid = await baseScan(true);
    assert.equal(overlaid.overlaid, true);
    const tracked = Number(git(ws, 'ls-tree', '-r', BASE, '--name-only').split('\n').length);
    // Changed in the commit or the work tree since the base: 7 configurations fixed in commits, 7 in the
    // work tree, two variables files deleted.
    const changed = git(ws, 'diff', '--name-only', BASE).split('\n').length;
    assert.equal(overlaid.filled, `${(tracked - changed).toLocaleString('en-US')} entries unchanged in the workspace read there, ${changed} entries written by git`);
    // Every open configuration's findings are the base's, though the workspace has fixed most of them.
    const expected = PLANTED.reduce((n, p) => n + p.expected.length, 0);
    assert.equal(overlaid.findings, expected);
    assert.deepEqual(overlaid.result, oracle);

    const linked = await baseScan(false);
    assert.equal(linked.overlaid, false);
    assert.match(linked.filled, / unchanged in the workspace linked, /);
    assert.deepEqual(linked.result, oracle);
  });

  it('keeps the links when the base has a symbolic link', async () => {
    symlinkSync('README.md', path.join(ws, 'readme-link'));
    git(ws, 'add', 'readme-link');
    git(ws, 'commit', '-q', '-m', 'a link');
    const withLink = git(ws, 'rev-parse', 'HEAD');
    const base = await checkoutBase({ workspace: ws, scanned: ws, baseSha: withLink, pullHeadSha: null, token: '', serverUrl: 'https://github.com', tempDir: dir, waitForRemoval: true, overlay: true });
    assert.ok(!('failure' in base));
    try {
      assert.equal(base.overlay, null);
      assert.match(base.filled, / unchanged in the workspace linked, /);
    } finally {
      await base.remove();
    }
  });
});
