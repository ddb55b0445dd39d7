/**
 * main.cf text rendered from a template whose branches or loops depend on
 * unknown data: definitions that may or may not be there become unknown, so
 * a rule answers "indeterminate" rather than passing on a branch the
 * renderer happened to take (main.cf: last definition wins, postconf(5)).
 */
import { UNKNOWN_MARK } from '../../model/source.js';
import { SourceMap, type Fragment, type MapSegment } from '../contracts/fragment.js';

/**
 * A branch the renderer did not take because its condition is unknown (the
 * `else` of an unresolved `if`) could be the one that applies. Every
 * parameter it defines is therefore unknown: a definition with an unknown
 * value is added at the end (last wins), mapped to the branch's line, so a
 * strong value rendered earlier cannot pass while the other branch may
 * weaken it.
 */
export function markAlternatives(fragment: Fragment, templateText: string): Fragment {
  if (fragment.alternatives.length === 0) return fragment;
  const templateLines = templateText.split('\n');
  const added: { name: string; line: number; length: number }[] = [];
  const seen = new Set<string>();
  for (const alternative of fragment.alternatives) {
    for (let line = alternative.line; line <= alternative.endLine; line++) {
      let text = templateLines[line - 1] ?? '';
      if (line === alternative.line) text = text.slice(alternative.column - 1);
      const start = PARAMETER_START.exec(text);
      if (start === null) continue;
      const name = start[0].slice(0, start[0].indexOf('=')).trim();
      if (seen.has(name)) continue;
      seen.add(name);
      added.push({ name, line, length: (templateLines[line - 1] ?? '').length });
    }
  }
  if (added.length === 0) return fragment;
  const lines = fragment.text.endsWith('\n') ? fragment.text.slice(0, -1).split('\n') : fragment.text.split('\n');
  const segments: MapSegment[] = [...fragment.map.segments];
  for (const a of added) {
    const text = `${a.name} = ${UNKNOWN_MARK}`;
    lines.push(text);
    segments.push({
      line: lines.length,
      column: 1,
      endColumn: text.length + 1,
      kind: 'expression',
      from: { line: a.line, column: 1 },
      to: { line: a.line, column: Math.max(2, a.length + 1) },
    });
  }
  return { ...fragment, text: `${lines.join('\n')}\n`, map: new SourceMap(segments) };
}

/**
 * A line that is nothing but unresolved template output (`{{ cfg | to_ini }}`,
 * `<%= @settings %>`) may expand to any number of `name = value` lines:
 * Postfix would not see a line without `=`, so reading it as one would make
 * the template "unreadable" when it is only unknown. It becomes a definition
 * whose name and value are unknown, which may set any parameter.
 */
export function markUnknownLines(fragment: Fragment): Fragment {
  const lines = fragment.text.split('\n');
  const rewritten = new Set<number>();
  lines.forEach((text, i) => {
    const body = text.replace(/\r$/, '');
    if (body === '' || !body.startsWith(UNKNOWN_MARK)) return;
    if (body.split(UNKNOWN_MARK).join('').trim() !== '') return;
    lines[i] = `${UNKNOWN_MARK} = ${UNKNOWN_MARK}`;
    rewritten.add(i + 1);
  });
  if (rewritten.size === 0) return fragment;
  const segments: MapSegment[] = [];
  const done = new Set<number>();
  for (const segment of fragment.map.segments) {
    if (!rewritten.has(segment.line)) {
      segments.push(segment);
      continue;
    }
    if (done.has(segment.line)) continue;
    done.add(segment.line);
    // The whole new line maps to the expression that produced it.
    const tag = fragment.map.segments.find((s) => s.line === segment.line && s.kind === 'expression') ?? segment;
    segments.push({ ...tag, column: 1, endColumn: 6 });
  }
  return { ...fragment, text: lines.join('\n'), map: new SourceMap(segments) };
}

/** A main.cf `name = value` line start: the name, then `=` with its spaces (no nested quantifiers). */
const PARAMETER_START = /^[A-Za-z0-9_.-]+[ \t]*=[ \t]*/;

/**
 * A definition rendered inside an `if` or loop the renderer could not decide
 * may or may not be in the real main.cf: its value becomes unknown
 * (UNKNOWN_MARK right after `=`), so rules answer "indeterminate" instead of
 * passing on a definition that may not exist. The source map is shifted so
 * spans after the mark still land on the template's columns.
 */
export function markMaybeParameters(fragment: Fragment): Fragment {
  if (fragment.maybeLines.size === 0) return fragment;
  const lines = fragment.text.split('\n');
  const inserts = new Map<number, number>();
  for (const line of fragment.maybeLines) {
    const text = lines[line - 1];
    if (text === undefined) continue;
    const start = PARAMETER_START.exec(text);
    if (start === null) continue;
    const column = start[0].length + 1;
    lines[line - 1] = text.slice(0, column - 1) + UNKNOWN_MARK + text.slice(column - 1);
    inserts.set(line, column);
  }
  if (inserts.size === 0) return fragment;
  const segments: MapSegment[] = [];
  for (const segment of fragment.map.segments) {
    const column = inserts.get(segment.line);
    if (column === undefined || segment.endColumn <= column) segments.push(segment);
    else segments.push(...shifted(segment, column));
  }
  return { ...fragment, text: lines.join('\n'), map: new SourceMap(segments) };
}

/** A segment with one character inserted at `column`: the mark maps to where the value starts. */
function shifted(segment: MapSegment, column: number): MapSegment[] {
  if (segment.column >= column) {
    const moved = { ...segment, column: segment.column + 1, endColumn: segment.endColumn + 1 };
    return segment.column === column ? [{ ...segment, endColumn: column + 1 }, moved] : [moved];
  }
  const at =
    segment.kind === 'literal' ? { line: segment.from.line, column: segment.from.column + (column - segment.column) } : segment.from;
  return [
    { ...segment, endColumn: column },
    { ...segment, column, endColumn: column + 1, from: at },
    { ...segment, column: column + 1, endColumn: segment.endColumn + 1, from: at },
  ];
}
