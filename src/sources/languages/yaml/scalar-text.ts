import { isScalar } from 'yaml';
import { concat, expression, literal, mappedText, type MappedText, type Piece } from './mapped-text.js';

/**
 * A YAML scalar's string value with the host positions of its characters.
 * - plain scalar on one line: its own characters (literal);
 * - block scalar (`|`, `>`): each content line at its real column, found by
 *   matching the value line against the end of its source line (the
 *   indentation YAML strips is whatever precedes it); a folded line that
 *   does not match maps to the whole scalar;
 * - quoted or multi-line plain scalar: one expression per value line over the
 *   whole scalar (escapes and folding move characters around).
 * Non-string plain scalars (`1`, `true`) read as their source text, which is
 * what Ansible's free-form and `name = value` lines carry.
 * `exactQuoted`: a one-line quoted scalar whose characters are its value (no
 * escapes) keeps its columns (for shell text, whose spans are argument-sized).
 */
export function scalarText(node: unknown, source: string, exactQuoted = false): MappedText | null {
  if (!isScalar(node) || node.range === undefined || node.range === null) return null;
  const scalar = node;
  const [start, end] = node.range;
  const raw = source.slice(start, end);
  if (exactQuoted && (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') && typeof scalar.value === 'string') {
    // Shell words need their own columns: a one-line quoted scalar without escapes is its characters.
    const inner = raw.slice(1, -1);
    if (raw.length >= 2 && inner === scalar.value && !inner.includes('\n')) return literal(inner, start + 1);
  }
  if (scalar.type === 'PLAIN' || scalar.type === undefined) {
    if (scalar.value === null && raw.trim() === '') return mappedText([]);
    if (!raw.includes('\n')) return literal(raw, start);
    return wholeScalar(String(scalar.value), start, end);
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a YAML scalar's value is a string, number, boolean or null
  const value = typeof scalar.value === 'string' ? scalar.value : String(scalar.value ?? '');
  if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') return blockScalar(value, source, start, end);
  return wholeScalar(value, start, end);
}

/** `value` mapped line by line to the host range start..end (decoded content, quoted scalars). */
export function wholeScalar(value: string, start: number, end: number): MappedText {
  const pieces: Piece[] = [];
  let from = 0;
  while (from < value.length) {
    const newline = value.indexOf('\n', from);
    const to = newline === -1 ? value.length : newline + 1;
    pieces.push({ kind: 'expression', text: value.slice(from, to), start, end });
    from = to;
  }
  return mappedText(pieces);
}

function blockScalar(value: string, source: string, start: number, end: number): MappedText {
  const headerEnd = source.indexOf('\n', start);
  if (headerEnd === -1 || headerEnd >= end) return wholeScalar(value, start, end);
  const parts: MappedText[] = [];
  let cursor = headerEnd + 1;
  let from = 0;
  while (from < value.length) {
    const newline = value.indexOf('\n', from);
    const lineValue = value.slice(from, newline === -1 ? value.length : newline);
    const lineEnd = cursor < source.length ? source.indexOf('\n', cursor) : -1;
    const sourceEnd = lineEnd === -1 ? source.length : lineEnd;
    let sourceLine = source.slice(cursor, Math.min(sourceEnd, end));
    if (sourceLine.endsWith('\r')) sourceLine = sourceLine.slice(0, -1);
    if (cursor < end && sourceLine.endsWith(lineValue) && sourceLine.slice(0, sourceLine.length - lineValue.length).trim() === '') {
      const column = sourceLine.length - lineValue.length;
      parts.push(literal(lineValue, cursor + column));
      if (newline !== -1) parts.push(literal('\n', cursor + sourceLine.length));
    } else {
      parts.push(wholeScalar(value.slice(from, newline === -1 ? value.length : newline + 1), start, end));
    }
    if (newline === -1) break;
    from = newline + 1;
    cursor = lineEnd === -1 ? source.length : lineEnd + 1;
  }
  return concat(parts);
}

export { expression };
