import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { type Discovery, discover } from '../../src/discover/index.js';

const base = mkdtempSync(path.join(tmpdir(), 'relaygate-discover-'));
// git must not find a repository above the temporary trees (a TMPDIR inside a checkout).
process.env.GIT_CEILING_DIRECTORIES = path.dirname(base);
after(() => rmSync(base, { recursive: true, force: true }));

let counter = 0;

/** A fresh folder holding `files` (path -> content); a `{ link }` entry is a symbolic link. */
export function tree(files: Record<string, string | Uint8Array | { link: string }>): string {
  const root = path.join(base, `t${++counter}`);
  mkdirSync(root);
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    if (typeof content === 'object' && 'link' in content) symlinkSync(content.link, full);
    else writeFileSync(full, content);
  }
  return root;
}

/** Runs git in `cwd` with a fixed identity; throws with git's message when it fails. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=relaygate', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    { cwd, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

export function scan(root: string, extra: { paths?: string[]; include?: string[]; exclude?: string[] } = {}): Promise<Discovery> {
  return discover({ root, paths: extra.paths ?? [], include: extra.include ?? [], exclude: extra.exclude ?? [] });
}

/** path -> 'text' | 'unreadable: reason @line:column', the shape most tests assert on. */
export function summary(discovery: Discovery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of discovery.candidates) {
    out[c.path] = c.unreadable
      ? `${c.kind} ${c.role} unreadable: ${c.unreadable.reason} @${c.unreadable.line}:${c.unreadable.column}`
      : `${c.kind} ${c.role}`;
  }
  return out;
}
