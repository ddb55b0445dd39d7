/**
 * The right-hand (head) side of a unified diff hunk list, as the "list pull
 * request files" API gives it in `patch`. A review comment may sit only on a
 * line that appears in a hunk (added or context), and a multi-line comment
 * only on lines of one hunk.
 */
export interface RightLine {
  /** The head's text of the line, without the diff marker. */
  text: string;
  /** true for a `+` line, false for a context line. */
  added: boolean;
  /** Index of the hunk the line belongs to. */
  hunk: number;
}

export interface FileDiff {
  /** Head line number -> that line as the diff shows it. */
  lines: ReadonlyMap<number, RightLine>;
  /** Lines the pull request adds or changes. */
  added: ReadonlySet<number>;
}

/** `@@ -l[,s] +l[,s] @@` (the new side's start and length); digits only, so linear. */
const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * Reads a patch. Lines outside any hunk and malformed headers are ignored:
 * such a file simply has fewer commentable lines. `\ No newline at end of
 * file` belongs to no side.
 */
export function parsePatch(patch: string): FileDiff {
  const lines = new Map<number, RightLine>();
  const added = new Set<number>();
  let hunk = -1;
  let next = 0;
  let remaining = 0;
  for (const raw of patch.split('\n')) {
    const header = HUNK_HEADER.exec(raw);
    if (header) {
      hunk++;
      next = Number(header[1]);
      remaining = header[2] === undefined ? 1 : Number(header[2]);
      continue;
    }
    if (hunk < 0 || remaining <= 0) continue;
    const marker = raw[0];
    if (marker === '+' || marker === ' ' || raw === '') {
      // GitHub drops the space of an empty context line now and then.
      const isAdded = marker === '+';
      lines.set(next, { text: raw.slice(1), added: isAdded, hunk });
      if (isAdded) added.add(next);
      next++;
      remaining--;
    }
    // '-' lines exist only on the left; '\' is "No newline at end of file".
  }
  return { lines, added };
}
