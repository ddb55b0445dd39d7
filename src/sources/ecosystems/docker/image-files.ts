/**
 * What a Docker image's file system holds of the repository: the files and
 * directories COPY/ADD put there (and RUN --mount=type=bind makes visible to
 * one RUN), so a script the image runs (`CMD ["/start.sh"]`, `RUN sh
 * /build/x.sh`, `. /scripts/common.sh`) is read from the repository file it
 * came from, through the RepositoryReader.
 */
import path from 'node:path/posix';
import { UNKNOWN_MARK } from '../../../model/source.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import type { ResolvedScript } from '../../languages/shell/extract.js';
import { globMatch } from '../../languages/shell/pattern.js';

/** One COPY source: a repository file or directory at an image path. */
export interface CopiedPath {
  /** Absolute path in the image. */
  image: string;
  /** Repository path (POSIX, relative to the scan root). */
  repository: string;
  directory: boolean;
}

/** Directories whose files are mail configuration even deep inside a COPY'd tree. */
const MAIL_DIRECTORIES = /^\/etc\/(?:postfix[^/]*|mail)(?:\/|$)/;

/** The build context is assumed to be the Dockerfile's directory (`docker build dir/`), the common layout; null when it leaves the repository. */
export function contextPath(directory: string, source: string): string | null {
  const joined = path.normalize(path.join(directory === '' ? '.' : directory, source.replace(/^\/+/, '')));
  if (joined.startsWith('..')) return null;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

export class ImageFiles {
  /** In COPY order: a later entry shadows an earlier one for the same path. */
  readonly copies: CopiedPath[] = [];

  constructor(private readonly repo: RepositoryReader) {}

  clone(): ImageFiles {
    const out = new ImageFiles(this.repo);
    out.copies.push(...this.copies);
    return out;
  }

  /**
   * `COPY src... dest` (sources relative to the build context): a source
   * copied into a directory keeps its name; a directory source copies its
   * contents; `*` and `?` in a source name match files of its directory.
   */
  copy(contextDirectory: string, sources: readonly string[], destination: string): CopiedPath[] {
    const added: CopiedPath[] = [];
    const intoDirectory = destination.endsWith('/') || sources.length > 1;
    const dest = destination.replace(/(?<!\/)\/+$/, '') || '/';
    for (const source of sources) {
      const expanded = this.expandSource(contextDirectory, source);
      for (const repository of expanded) {
        const directory = this.repo.isDirectory(repository) || repository === '';
        const image = directory || !(intoDirectory || expanded.length > 1 || source.includes('*')) ? dest : path.join(dest, path.basename(repository));
        const entry = { image, repository, directory };
        this.copies.push(entry);
        added.push(entry);
      }
    }
    return added;
  }

  private expandSource(contextDirectory: string, source: string): string[] {
    const relative = contextPath(contextDirectory, source);
    if (relative === null) return [];
    const base = path.basename(relative);
    if (!/[*?[]/.test(base)) return [relative];
    const dir = path.dirname(relative);
    return this.repo.list(dir === '.' ? '' : dir).filter((name) => globMatch(base, name) === true).map((name) => (dir === '.' ? name : `${dir}/${name}`));
  }

  /** The repository path an image path comes from, when a COPY put it there. */
  repositoryPath(imagePath: string): string | null {
    if (imagePath.includes(UNKNOWN_MARK)) return null;
    const wanted = path.normalize(imagePath);
    for (let i = this.copies.length - 1; i >= 0; i--) {
      const c = this.copies[i] as CopiedPath;
      if (!c.directory) {
        if (c.image === wanted) return c.repository;
        continue;
      }
      const prefix = c.image === '/' ? '/' : `${c.image}/`;
      if (!wanted.startsWith(prefix)) continue;
      const candidate = c.repository === '' ? wanted.slice(prefix.length) : `${c.repository}/${wanted.slice(prefix.length)}`;
      if (this.repo.read(candidate) !== undefined) return candidate;
    }
    return null;
  }

  /** A script the image's shell names, read from the repository; relative paths are against the working directory. */
  resolve(name: string, cwd: string): ResolvedScript | null {
    if (name.includes(UNKNOWN_MARK)) return null;
    const absolute = name.startsWith('/') ? name : cwd.includes(UNKNOWN_MARK) ? null : path.join(cwd, name);
    if (absolute === null) return null;
    const repository = this.repositoryPath(absolute);
    if (repository === null) return null;
    const text = this.repo.read(repository);
    return text === undefined ? null : { file: repository, text };
  }

  /** Entry names a COPY put directly in the image directory `imageDir`, sorted (directories COPY'd there, or files and folders COPY'd into it). */
  list(imageDir: string): string[] {
    const wanted = path.normalize(imageDir).replace(/(?<!^)\/$/, '');
    const names = new Set<string>();
    for (const c of this.copies) {
      if (c.directory && c.image === wanted) for (const name of this.repo.list(c.repository)) names.add(name);
      else if (path.dirname(c.image) === wanted) names.add(path.basename(c.image));
    }
    return [...names].sort();
  }

  /**
   * Mail files a directory COPY puts under a mail configuration directory
   * (`COPY rootfs/ /` with rootfs/etc/postfix/main.cf), at most `limit`.
   */
  mailFiles(entry: CopiedPath, limit = 64): { image: string; repository: string }[] {
    const out: { image: string; repository: string }[] = [];
    const walk = (repository: string, image: string, depth: number): void => {
      if (depth > 8 || out.length >= limit) return;
      for (const name of this.repo.list(repository)) {
        const r = repository === '' ? name : `${repository}/${name}`;
        const i = path.join(image, name);
        if (this.repo.isDirectory(r)) {
          // Only directories on the way to a mail directory, or inside one.
          if (MAIL_DIRECTORIES.test(i) || i === '/etc') walk(r, i, depth + 1);
        } else if (MAIL_DIRECTORIES.test(path.dirname(i))) out.push({ image: i, repository: r });
      }
    };
    walk(entry.repository, entry.image, 0);
    return out;
  }
}
