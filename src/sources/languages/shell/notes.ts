import type { Position } from '../../../model/source.js';

/**
 * Notes end up in logs and job summaries. A line that starts with `::` is a
 * workflow command to the runner (DESIGN.md, Security), so a note always
 * starts with our own words, and repository text inside it is shown on one
 * line, shortened.
 */
export function quoted(text: string, max = 60): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}...` : flat);
}

export function shellNote(file: string, at: Position, message: string): string {
  return `Shell code at ${quoted(file, 200)} line ${at.line}, column ${at.column}: ${message}`;
}
