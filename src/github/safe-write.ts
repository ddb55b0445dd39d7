import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { OptionsError } from '../config/options.js';
import { visible } from '../report/escape.js';

/**
 * Writes `data` to `given` (relative to the workspace, or absolute) so that
 * the file ends up inside one of `roots` (the workspace, RUNNER_TEMP) as
 * their real paths say, whatever the checked-out files contain: the
 * workspace holds the pull request's files, and a symlinked folder there
 * must not carry the write elsewhere. Every component below the root must
 * be a real directory (missing ones are created, one at a time, and checked
 * again); the data goes to a new file opened with O_EXCL | O_NOFOLLOW in
 * the final directory and is renamed over the name, and rename replaces a
 * symlink rather than following it. Returns the absolute path written.
 */
export async function writeInside(setting: string, roots: readonly string[], workspace: string, given: string, data: string): Promise<string> {
  const refuse = (why: string): never => {
    throw new OptionsError(`${setting}: refusing to write ${visible(given)}: ${why}`);
  };
  const target = path.resolve(workspace, given);
  let base: { lexical: string; real: string } | null = null;
  for (const root of roots) {
    const lexical = path.resolve(root);
    const rel = path.relative(lexical, target);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    let real: string;
    try {
      real = await realpath(lexical);
    } catch {
      continue;
    }
    base = { lexical, real };
    break;
  }
  if (base === null) return refuse('it is outside the workspace (GITHUB_WORKSPACE) and RUNNER_TEMP');

  const parts = path.relative(base.lexical, target).split(path.sep);
  const name = parts.pop()!;
  let dir = base.real;
  for (const part of parts) {
    dir = path.join(dir, part);
    let info = await lstat(dir).catch(() => null);
    if (info === null) {
      await mkdir(dir).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') refuse(`cannot create ${visible(part)} (${e.code ?? e.message})`);
      });
      info = await lstat(dir).catch(() => null);
    }
    if (info === null) return refuse(`${visible(part)} cannot be created`);
    if (info.isSymbolicLink()) return refuse(`${visible(path.relative(base.real, dir))} is a symbolic link`);
    if (!info.isDirectory()) return refuse(`${visible(path.relative(base.real, dir))} is not a directory`);
  }
  const finalPath = path.join(dir, name);
  const existing = await lstat(finalPath).catch(() => null);
  if (existing?.isDirectory()) return refuse('it is a directory');

  const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  } catch (e) {
    return refuse(`cannot create a file in its folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, finalPath);
  } catch (e) {
    await rm(temp, { force: true });
    return refuse(`cannot replace it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return path.join(base.lexical, ...parts, name);
}
