/**
 * Glob matching in linear time. `include`/`exclude` globs come from
 * `.relaygate.yml` (repository content) and are matched against repository
 * paths, so both sides may be hostile. minimatch parses a glob (braces,
 * classes, extglobs, escapes) but matches each segment with a backtracking
 * JavaScript regular expression, and `**` by trying every split: `*a*a*a*a*b`
 * against one long name, or many `**` against a deep path, never finish.
 *
 * Here minimatch still parses, and the matching is ours:
 * - each segment pattern runs on re2js (an automaton: time linear in the
 *   segment's length, whatever the pattern);
 * - `**` is matched over segments by the greedy wildcard algorithm (on a
 *   mismatch, only the last `**` takes one more segment), which is correct
 *   because every other part matches exactly one segment, and costs at most
 *   segments × parts segment tests.
 * A glob's size is bounded too (length, brace alternatives, globs per list),
 * so that compiling it stays small; going over is an error naming the glob.
 */
import { GLOBSTAR, Minimatch, type MinimatchOptions } from 'minimatch';
import { RE2JS } from 're2js';
import { OptionsError } from '../config/options.js';

/** Longest glob, in characters: far more than any path pattern needs. */
export const MAX_GLOB_CHARS = 1024;
/** Most alternatives one glob may expand to (`{a,b}{c,d}` is four). */
export const MAX_GLOB_ALTERNATIVES = 256;
/** Most globs in one include or exclude list. */
export const MAX_GLOBS = 256;

const MINIMATCH_OPTIONS: MinimatchOptions = {
  dot: true,
  nocase: false,
  nonegate: true,
  nocomment: true,
  platform: 'linux',
  // One more than allowed, so that going over is seen rather than cut silently.
  braceExpandMax: MAX_GLOB_ALTERNATIVES + 1,
};

/**
 * minimatch starts every segment expression with this lookahead (so that `*`
 * never matches a `.` or `..` segment). re2js has no lookaround; the paths
 * matched here never have such segments (they are normalised relative paths),
 * so the guard is dropped and such a segment is refused in matchParts instead.
 */
const DOT_SEGMENT_GUARD = '(?!(?:^|\\/)\\.\\.?(?:$|\\/))';

type Part = { literal: string } | { pattern: RE2JS } | typeof GLOBSTAR;

function shortGlob(glob: string): string {
  return glob.length > 80 ? `${glob.slice(0, 80)}…` : glob;
}

export class Glob {
  private readonly alternatives: Part[][];

  /**
   * @param glob the glob, already normalised (relative, `/`-separated)
   * @param setting the setting it comes from, for errors (`include`)
   */
  constructor(
    readonly glob: string,
    setting: string,
  ) {
    const refuse = (why: string): never => {
      throw new OptionsError(`${setting}: glob "${shortGlob(glob)}" ${why}`);
    };
    if (glob.length > MAX_GLOB_CHARS) refuse(`is ${glob.length} characters long, over the ${MAX_GLOB_CHARS}-character limit`);
    const parsed = new Minimatch(glob, MINIMATCH_OPTIONS);
    if (parsed.set.length > MAX_GLOB_ALTERNATIVES) refuse(`expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
    this.alternatives = parsed.set.map((parts) =>
      parts.map((part): Part => {
        if (part === GLOBSTAR) return GLOBSTAR;
        if (typeof part === 'string') return { literal: part };
        const source = part.source.split(DOT_SEGMENT_GUARD).join('');
        try {
          return { pattern: RE2JS.compile(source, RE2JS.DOTALL) };
        } catch {
          // Lookarounds remain only for a negated extglob `!(…)`.
          return refuse('uses syntax relaygate cannot match in linear time (a negated extglob "!(…)"?)');
        }
      }),
    );
  }

  /** Whether the glob matches the POSIX relative path. */
  matches(path: string): boolean {
    const segments = path.split('/');
    return this.alternatives.some((parts) => matchParts(segments, parts));
  }

  /** Whether the glob matches the path or one of the folders above it. */
  matchesPathOrFolder(path: string): boolean {
    // Matching a folder of the path is matching the path with a `**` after
    // the glob, which (last in a glob) takes at least one segment.
    const segments = path.split('/');
    return this.alternatives.some((parts) => matchParts(segments, parts) || matchParts(segments, [...parts, GLOBSTAR]));
  }
}

function partMatches(part: Exclude<Part, typeof GLOBSTAR>, segment: string): boolean {
  return 'literal' in part ? part.literal === segment : part.pattern.testExact(segment);
}

/**
 * The greedy wildcard match over segments: `**` takes no segment at first;
 * when a later part fails, the most recent `**` takes one more and matching
 * resumes after it. No segment is tested more than once per `**` position,
 * so the cost is at most segments × parts. As in minimatch, a `**` that is
 * left over when the segments run out does not match nothing: `a/**` matches
 * `a/b` but not `a`, while a `**` between `a` and `b` matches `a/b`.
 */
function matchParts(segments: readonly string[], parts: readonly Part[]): boolean {
  let s = 0;
  let p = 0;
  let starPart = -1;
  let starSegment = 0;
  while (s < segments.length) {
    const segment = segments[s] as string;
    if (segment === '.' || segment === '..' || segment === '') return false;
    const part = parts[p];
    if (part === GLOBSTAR) {
      starPart = p++;
      starSegment = s;
      continue;
    }
    if (part !== undefined && partMatches(part, segment)) {
      s++;
      p++;
      continue;
    }
    if (starPart < 0) return false;
    p = starPart + 1;
    s = ++starSegment;
  }
  return p === parts.length;
}

/** `./a/`, `/a` and `a/` all mean the folder `a` of the scan root. */
function normaliseGlob(glob: string): string {
  let g = glob.trim().replace(/\\/g, '/');
  while (g.startsWith('./')) g = g.slice(2);
  while (g.startsWith('/')) g = g.slice(1);
  if (g.endsWith('/')) g += '**';
  return g === '' ? '**' : g;
}

/** User globs; a glob that matches a folder matches everything under it. */
export class GlobList {
  private readonly globs: Glob[];

  constructor(globs: readonly string[], setting: string) {
    const given = globs.filter((g) => g.trim() !== '');
    if (given.length > MAX_GLOBS) throw new OptionsError(`${setting}: ${given.length} globs, over the limit of ${MAX_GLOBS}`);
    this.globs = given.map((g) => new Glob(normaliseGlob(g), setting));
  }

  get empty(): boolean {
    return this.globs.length === 0;
  }

  matches(path: string): boolean {
    for (const glob of this.globs) if (glob.matchesPathOrFolder(path)) return true;
    return false;
  }
}
