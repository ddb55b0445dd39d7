/**
 * Wording the relay rules share, so that every finding names a place and
 * what relaygate could not read the same way.
 */
import type { Related } from '../model/finding.js';
import type { Span } from '../model/span.js';

/** A place as a finding's message names it: `file:line`. */
export function position(span: Span): string {
  return `${span.file}:${span.line}`;
}

/** How many unresolved values a message lists; the rest are in `related`. */
const LISTED_UNKNOWNS = 3;

/** The first unresolved values and where they are: `what at file:line; ...`. */
export function unresolvedList(unknowns: readonly { span: Span; what: string }[]): string {
  return unknowns
    .slice(0, LISTED_UNKNOWNS)
    .map((u) => `${u.what} at ${position(u.span)}`)
    .join('; ');
}

/** A location of `related`, with its message. */
export function relatedAt(span: Span, message: string): Related {
  return { file: span.file, line: span.line, column: span.column, message };
}
