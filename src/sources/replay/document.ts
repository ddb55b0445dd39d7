/**
 * A mail file as edits leave it: its lines, each mapped to where it comes
 * from, in file order. The edits of provisioning code change lines the way
 * their programs do (postconf replaces a definition where it stands, sed
 * rewrites the lines it matches, `>>` adds at the end); the result is parsed
 * once, as the mail server reads the whole file, and every span is put back
 * on the file a person edits.
 */
import type { Form } from '../../model/configuration.js';
import type { Span } from '../../model/span.js';
import { SourceMap, type Fragment, type MapSegment } from '../contracts/fragment.js';
import { MappedLine } from './mapped-line.js';
import type { Piece } from './piece.js';

export interface DocLine {
  line: MappedLine;
  /** The line may or may not be in the file (written under a condition relaygate could not decide). */
  maybe: boolean;
  /** Supplied by relaygate for a packaged file it cannot see: why it is assumed. */
  assumed?: string;
  /** A main.cf definition whose name is unknown: the names it cannot be (an edit since set them explicitly). */
  excludes?: string[];
}

/** The lines of a piece (a fragment of a host file, or a repository file), `fallback` standing for unmapped characters. */
export function linesOf(piece: Piece, maybe: boolean, fallback: Span): DocLine[] {
  const texts = piece.text.split('\n');
  if (texts[texts.length - 1] === '') texts.pop();
  const fragment = piece.fragment;
  if (fragment === null) return texts.map((text, i) => ({ line: MappedLine.plain(piece.file, i + 1, text), maybe }));
  const lines = MappedLine.ofFragmentLines(fragment, texts, fallback);
  return lines.map((line, i) => ({ line, maybe: maybe || fragment.maybeLines.has(i + 1) }));
}

/** The path a whole document is parsed under: no real file has it, so every span is mapped back. */
export const DOCUMENT_PATH = '\u0000replayed';

/** One text for the MTA parser, with a source map that knows every line's file. */
export function documentFragment(lines: readonly DocLine[], form: Form): Fragment {
  const segments: MapSegment[] = [];
  lines.forEach((l, i) => segments.push(...l.line.mapSegments(i + 1)));
  const text = lines.map((l) => `${l.line.text}\n`).join('');
  const maybeLines = new Set<number>();
  lines.forEach((l, i) => {
    if (l.maybe) maybeLines.add(i + 1);
  });
  return { file: DOCUMENT_PATH, text, form, map: new SourceMap(segments), maybeLines, alternatives: [] };
}
