import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { plant, type Planted } from '../../bench/planted.js';
import { optionsForBase } from '../../src/config/base-options.js';
import { defaultOptions } from '../../src/config/options.js';
import { checkoutBase } from '../../src/github/base-tree.js';
import { linkTarget } from '../../src/github/base-links.js';
import { scan } from '../../src/scan.js';
import { git } from '../helpers/git-repo.js';

// The oracle is a scan of the base commit as `git worktree add` checks it
// out: the base scan that reads the workspace's unchanged files where they
// are (an overlay) must give the same result, finding for finding, and so
// must the one through links.

const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-overlay-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Every planted kind of the benchmark, open and safe: templates with role
// defaults, values files, provisioning code, plain files.
const PLANTED = plant(1);
const OPEN = PLANTED.filter((p) => p.open);
const safeOf = (open: Planted): Planted => PLANTED.find((p) => p.kind === open.kind && !p.open) as Planted;
const WITH_VARIABLES = OPEN.filter((p) => p.variables !== undefined);
const byKind = (kind: string): Planted => OPEN.find((p) => p.kind === kind) as Planted;
/** Every planted configuration's findings: what the base has. */
const EXPECTED = PLANTED.reduce((n, p) => n + p.expected.length, 0);

/** A workspace with every planted configuration committed as the base (`shape` changes it first). */
function repository(name: string, shape: (write: Writer) => void = () => {}): { ws: string; write: Writer; base: string } {
  const ws = path.join(dir, name);
  const write: Writer = (rel, content) => {
    const full = path.join(ws, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    rmSync(full, { force: true, recursive: true });
    if (typeof content === 'string') writeFileSync(full, content);
    else symlinkSync(content.link, full);
  };
  mkdirSync(ws);
  git(ws, 'init', '-q', '-b', 'main');
  for (const p of PLANTED) for (const [file, text] of Object.entries(p.files)) write(file, text);
  write('.gitignore', '/tmp/\n');
  write('README.md', 'Postfix relays for the fleet\n');
  shape(write);
  git(ws, 'add', '-A');
  git(ws, 'commit', '-q', '-m', 'base');
  return { ws, write, base: git(ws, 'rev-parse', 'HEAD') };
}

type Writer = (rel: string, content: string | { link: string }) => void;

/** The open configuration's files given the safe one's contents: the head fixes it. */
function fix(write: Writer, open: Planted): void {
  const safe = safeOf(open);
  for (const [file, text] of Object.entries(safe.files)) write(open.root + file.slice(safe.root.length), text);
}

/** A scan result with the scan root's path replaced and the timing left out: comparable across roots. */
function comparable(result: Awaited<ReturnType<typeof scan>>): unknown {
  const { durationMs: _ignored, root, ...rest } = result;
  return JSON.parse(JSON.stringify(rest).split(root).join('<root>'));
}

async function oracleScan(ws: string, base: string): Promise<unknown> {
  const oracle = path.join(dir, 'oracle');
  git(ws, 'worktree', 'add', '-q', '--detach', '--force', oracle, base);
  try {
    const options = optionsForBase(defaultOptions(ws), oracle);
    assert.ok(options !== null);
    return comparable(await scan(options));
  } finally {
    git(ws, 'worktree', 'remove', '--force', oracle);
  }
}

async function baseScan(ws: string, sha: string, overlay: boolean): Promise<{ result: unknown; filled: string; overlaid: boolean; findings: number }> {
  const base = await checkoutBase({ workspace: ws, scanned: ws, baseSha: sha, pullHeadSha: null, token: '', serverUrl: 'https://github.com', tempDir: dir, waitForRemoval: true, overlay });
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

/** The base scanned through the overlay and through links, each held to the oracle: the overlay's note. */
async function bothAgree(ws: string, base: string): Promise<string> {
  const oracle = await oracleScan(ws, base);
  const overlaid = await baseScan(ws, base, true);
  assert.equal(overlaid.overlaid, true);
  // Every open configuration's findings are the base's, though the workspace has fixed many of them.
  assert.equal(overlaid.findings, EXPECTED);
  assert.deepEqual(overlaid.result, oracle);
  const linked = await baseScan(ws, base, false);
  assert.equal(linked.overlaid, false);
  assert.match(linked.filled, / unchanged in the workspace linked, /);
  assert.deepEqual(linked.result, oracle);
  return overlaid.filled;
}

const entries = (n: number): string => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;

describe('the base scan over the workspace (overlay)', () => {
  it('gives the findings, configurations and notes of a scan of git worktree add', async () => {
    const { ws, write, base } = repository('plain');
    // The head: a third of the open configurations fixed in commits, a third in the work tree only, and
    // two variables files deleted; an open main.cf untracked, another ignored. A base scan that read any
    // of those from the workspace would lose findings the base has.
    for (const [i, open] of OPEN.entries()) if (i % 3 === 0) fix(write, open);
    rmSync(path.join(ws, WITH_VARIABLES[0]!.variables!));
    git(ws, 'add', '-A');
    git(ws, 'commit', '-q', '-m', 'head');
    for (const [i, open] of OPEN.entries()) if (i % 3 === 1) fix(write, open);
    rmSync(path.join(ws, WITH_VARIABLES[1]!.variables!));
    write('extra/postfix/main.cf', 'inet_interfaces = all\nmynetworks = 0.0.0.0/0\n');
    write('tmp/postfix/main.cf', 'inet_interfaces = all\nmynetworks = 0.0.0.0/0\n');
    // Beside every variables file an untracked copy of it, the open variant's text: a reader that lists
    // the folder (Chef attributes, Terraform's *.tf, Ansible's vars folders) must not see it at the base.
    for (const open of WITH_VARIABLES) {
      const safe = safeOf(open);
      if (safe.variables === undefined) continue;
      const variables = open.files[open.variables!] as string;
      write(`${path.dirname(safe.variables)}/zz-${path.basename(safe.variables)}`, variables);
      // And a folder named as the file without its extension (Ansible reads `defaults/main/` as well as `main.yml`).
      const ext = path.extname(safe.variables);
      write(`${safe.variables.slice(0, -ext.length)}/zz${ext}`, variables);
    }
    const tracked = git(ws, 'ls-tree', '-r', base, '--name-only').split('\n').length;
    const changed = git(ws, 'diff', '--name-only', base).split('\n').length;
    assert.equal(await bothAgree(ws, base), `${entries(tracked - changed)} unchanged in the workspace read there, ${entries(changed)} written by git`);
  });

  it('reads a path through a symbolic link of the base on the disk, where what the link leads to is linked', async () => {
    const role = byKind('Ansible role template (Jinja2)');
    const chef = byKind('Chef cookbook template (ERB)');
    const helm = byKind('Helm chart ConfigMap (Go template)');
    const { ws, write, base } = repository('links', (put) => {
      // A role's defaults as a link to a shared file, a cookbook's attributes folder as a link to a
      // shared folder, a chart's values through two links; and links that lead nowhere in the tree.
      put(`shared/${path.basename(role.root)}.yml`, role.files[role.variables!] as string);
      put(role.variables!, { link: `../../../../shared/${path.basename(role.root)}.yml` });
      put('shared/attributes13/default.rb', chef.files[chef.variables!] as string);
      put('shared/attributes13/logging.rb', "default['mail13']['log_level'] = 'info'\n");
      rmSync(path.join(dir, 'links', path.dirname(chef.variables!)), { recursive: true });
      put(path.dirname(chef.variables!), { link: '../../../shared/attributes13' });
      put('shared/values17.yaml', helm.files[helm.variables!] as string);
      put(`${helm.root}/values-link.yaml`, { link: '../../shared/values17.yaml' });
      put(helm.variables!, { link: 'values-link.yaml' });
      put('links/out', { link: '/etc/passwd' });
      put('links/up', { link: '../..' });
      put('links/dangling', { link: 'nowhere' });
      put('links/loop', { link: 'loop' });
    });
    // The head fixes the shared defaults in a commit and the shared attributes in the work tree: read
    // through the links at the base, both must be the base's. The chart's values stay as they are.
    write(`shared/${path.basename(role.root)}.yml`, safeOf(role).files[safeOf(role).variables!] as string);
    git(ws, 'commit', '-q', '-am', 'head');
    write('shared/attributes13/default.rb', safeOf(chef).files[safeOf(chef).variables!] as string);
    write('shared/attributes13/zz.rb', 'default["postfix"]["main"]["mynetworks"] = "0.0.0.0/0"\n');
    const tracked = git(ws, 'ls-tree', '-r', base, '--name-only').split('\n').length;
    // The two shared files and the 8 links.
    assert.equal(git(ws, 'diff', '--name-only', base).split('\n').length, 2);
    const fromWorkspace = tracked - 2 - 8;
    // Of the files the links lead to, the chart's values and the cookbook's logging.rb are unchanged in the workspace.
    assert.equal(await bothAgree(ws, base), `${entries(fromWorkspace)} unchanged in the workspace read there (2 of them also linked, as symbolic links lead to them), ${entries(10)} written by git`);
  });

  it('keeps the links when the base has a submodule', async () => {
    const { ws, base } = repository('submodule', (put) => {
      put('.gitmodules', '[submodule "sub"]\n\tpath = vendor/sub\n\turl = https://example.invalid/sub.git\n');
    });
    git(ws, 'update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/sub`);
    git(ws, 'commit', '-q', '-m', 'a submodule');
    const withSubmodule = git(ws, 'rev-parse', 'HEAD');
    assert.notEqual(withSubmodule, base);
    const checkout = await checkoutBase({ workspace: ws, scanned: ws, baseSha: withSubmodule, pullHeadSha: null, token: '', serverUrl: 'https://github.com', tempDir: dir, waitForRemoval: true, overlay: true });
    assert.ok(!('failure' in checkout));
    try {
      assert.equal(checkout.overlay, null);
      assert.match(checkout.filled, / unchanged in the workspace linked, /);
    } finally {
      await checkout.remove();
    }
  });
});

describe('linkTarget', () => {
  const targets = new Map([
    ['a/file-link', 'b.txt'],
    ['a/up', '../c/d.txt'],
    ['a/folder', '../c'],
    ['a/through', 'folder/d.txt'],
    ['a/back', 'folder/../a/b.txt'],
    ['chain', 'a/file-link'],
    ['out', '/etc/passwd'],
    ['above', '../x'],
    ['loop', 'loop'],
    ['ping', 'pong'],
    ['pong', 'ping'],
  ]);

  it('resolves from the link folder, component by component, each link on the way followed', () => {
    assert.equal(linkTarget('a/file-link', targets), 'a/b.txt');
    assert.equal(linkTarget('a/up', targets), 'c/d.txt');
    assert.equal(linkTarget('a/folder', targets), 'c');
    assert.equal(linkTarget('a/through', targets), 'c/d.txt');
    // `..` after a link is taken from where the link led (c/..), as the kernel does.
    assert.equal(linkTarget('a/back', targets), 'a/b.txt');
    assert.equal(linkTarget('chain', targets), 'a/b.txt');
    assert.equal(linkTarget('a/plain.txt', targets), 'a/plain.txt');
  });

  it('has no target for a link out of the tree or a loop', () => {
    assert.equal(linkTarget('out', targets), null);
    assert.equal(linkTarget('above', targets), null);
    assert.equal(linkTarget('loop', targets), null);
    assert.equal(linkTarget('ping', targets), null);
  });
});
