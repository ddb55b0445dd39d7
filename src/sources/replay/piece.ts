import { UNKNOWN_MARK } from '../../model/source.js';
import type { MainCfParameter } from '../../mta/postfix/model.js';
import { remapSpans, type Fragment } from '../contracts/fragment.js';

/**
 * Text an edit puts into a mail file: an edit's fragment (mapped to the host
 * file) or a linked repository file (plain: its own positions; a template:
 * its rendering, mapped to the template).
 */
export interface Piece {
  /** The path spans are reported on (the host file, or the linked file). */
  file: string;
  text: string;
  /** null: the text is the file itself, positions need no mapping. */
  fragment: Fragment | null;
  /** What the text was built from: the file and, for a template, every variables path looked up (src/model/inputs.ts). */
  inputs?: string[];
}

export function pieceOf(fragment: Fragment): Piece {
  return { file: fragment.file, text: fragment.text, fragment };
}

/** Spans parsed from `piece.text` put back on the lines a person edits. */
export function remapPiece<T>(value: T, piece: Piece): T {
  return piece.fragment === null ? value : remapSpans(value, piece.fragment);
}

/**
 * A definition that may or may not be in effect (a `maybe` edit, a line
 * rendered under an unresolved branch) has an unknown value: UNKNOWN_MARK in
 * front of it, so rules answer "indeterminate". Spans are not changed.
 */
export function markUnknown(parameter: MainCfParameter): MainCfParameter {
  return parameter.value.startsWith(UNKNOWN_MARK) ? parameter : { ...parameter, value: UNKNOWN_MARK + parameter.value };
}
