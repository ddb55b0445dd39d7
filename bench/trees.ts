/**
 * The benchmark's trees on disk: generated once per content hash (of the
 * generator's own sources and the tree's size and seed) under a cache
 * folder that git ignores, then reused.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monorepo, Random, type TreeSpec } from './monorepo.js';
import type { Planted } from './planted.js';

const HERE = import.meta.dirname;
const GENERATOR_SOURCES = ['monorepo.ts', 'planted.ts', 'trees.ts'];

/** node_modules/.cache is ignored by git, by `npm pack` and by every linter; `npm ci` empties it. */
export const CACHE = process.env.RELAYGATE_BENCH_CACHE ?? path.join(HERE, '..', 'node_modules', '.cache', 'relaygate-bench');

export interface Tree {
  root: string;
  spec: TreeSpec;
  planted: Planted[];
  /** Tracked paths (what `git ls-files` lists), sorted. */
  tracked: string[];
}

function hashOf(spec: TreeSpec): string {
  const hash = createHash('sha256');
  for (const file of GENERATOR_SOURCES) hash.update(readFileSync(path.join(HERE, file)));
  hash.update(JSON.stringify(spec));
  return hash.digest('hex').slice(0, 16);
}

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_SYSTEM: '/dev/null',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

function blob(size: number, seed: number): Buffer {
  const rng = new Random(seed);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) bytes.writeUInt32LE(Math.floor(rng.next() * 0xffffffff), Math.min(i, size - 4));
  // Mail words inside a binary: rg may report it, relaygate must not open it.
  bytes.write('\u0000postfix inet_interfaces mynetworks\u0000', 1024, 'latin1');
  return bytes;
}

/** The tree for `spec`, generated (and committed to its own git repository) unless the cache has it. */
export function ensureTree(spec: TreeSpec, log: (line: string) => void): Tree {
  const root = path.join(CACHE, `tree-${spec.files}-${hashOf(spec)}`);
  const manifest = path.join(root, '.git', 'relaygate-bench.json');
  if (existsSync(manifest)) return { root, spec, ...(JSON.parse(readFileSync(manifest, 'utf8')) as Omit<Tree, 'root' | 'spec'>) };

  const started = Date.now();
  log(`bench: generating the ${spec.files}-file tree in ${root} (cached for later runs)`);
  const building = `${root}.building`;
  rmSync(building, { recursive: true, force: true });
  const repo = monorepo(spec);
  const dirs = new Set<string>();
  for (const file of repo.files) {
    const full = path.join(building, file.path);
    const dir = path.dirname(full);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(full, file.text ?? blob(file.binary?.size ?? 0, file.binary?.seed ?? 0));
  }
  git(building, 'init', '-q', '-b', 'main');
  git(building, 'add', '-A');
  git(building, 'commit', '-q', '-m', 'synthetic monorepo');
  const tracked = git(building, 'ls-files', '-z').split('\0').filter((p) => p !== '').sort();
  writeFileSync(path.join(building, '.git', 'relaygate-bench.json'), JSON.stringify({ planted: repo.planted, tracked }));
  rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  log(`bench: generated ${repo.files.length} files (${repo.ignored} ignored) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { root, spec, planted: repo.planted, tracked };
}

/** A pull request on a tree: a clone of it whose HEAD changes `paths` over the tree's commit. */
export interface PullRequest {
  root: string;
  base: string;
  head: string;
}

/**
 * A clone of `tree` (tracked files only, as actions/checkout gives them)
 * with one commit on top that adds a blank line to each of `paths`, which
 * changes no finding. Made once per tree and list of paths, then reused.
 */
export function ensurePullRequest(tree: Tree, paths: readonly string[], log: (line: string) => void): PullRequest {
  const hash = createHash('sha256').update(path.basename(tree.root)).update(JSON.stringify(paths)).digest('hex').slice(0, 16);
  const root = path.join(CACHE, `pull-request-${tree.spec.files}-${hash}`);
  const manifest = path.join(root, '.git', 'relaygate-bench-pr.json');
  if (existsSync(manifest)) return { root, ...(JSON.parse(readFileSync(manifest, 'utf8')) as Omit<PullRequest, 'root'>) };
  const started = Date.now();
  log(`bench: cloning the tree for a pull request in ${root} (cached for later runs)`);
  const building = `${root}.building`;
  rmSync(building, { recursive: true, force: true });
  git(CACHE, 'clone', '-q', tree.root, building);
  const base = git(building, 'rev-parse', 'HEAD').trim();
  for (const p of paths) writeFileSync(path.join(building, p), Buffer.concat([readFileSync(path.join(building, p)), Buffer.from('\n')]));
  git(building, 'commit', '-q', '-am', 'pull request');
  const head = git(building, 'rev-parse', 'HEAD').trim();
  writeFileSync(manifest.replace(root, building), JSON.stringify({ base, head }));
  rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  log(`bench: cloned and committed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { root, base, head };
}
