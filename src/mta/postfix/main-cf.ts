import { UNKNOWN_MARK, type SourceFile } from '../../model/source.js';
import type { Diagnostic, Span } from '../../model/span.js';
import {
  droppedLineDiagnostics,
  endPositionOf,
  isPostfixSpace,
  positionOf,
  readLogicalLines,
  valuePieces,
  type LogicalLine,
  type LogicalLines,
} from './logical-lines.js';
import type { MainCf, MainCfParameter } from './model.js';

/**
 * main.cf as postconf(5) reads it: logical lines (see logical-lines.ts), then
 * Postfix's split_nameval() on each: the name runs up to whitespace or `=`,
 * whitespace around `=` is optional, the value is everything after `=` with
 * the surrounding whitespace trimmed (`a=b = c` gives a the value `b = c`).
 * `#` inside a line is data. Every definition is kept in order; the last
 * one is what Postfix uses (see lastDefinition).
 */
export function parseMainCf(file: SourceFile): MainCf {
  const lines = readLogicalLines(file.text);
  const diagnostics: Diagnostic[] = droppedLineDiagnostics(file.path, lines);
  const parameters: MainCfParameter[] = [];
  const seen = new Map<string, MainCfParameter>();
  for (const line of lines.lines) {
    const parameter = splitNameValue(file.path, lines, line, diagnostics);
    if (parameter === null) continue;
    const earlier = seen.get(parameter.name);
    if (earlier !== undefined) {
      // dict_load_fp(): "overriding earlier entry" names the value being replaced.
      diagnostics.push({
        file: file.path,
        line: parameter.span.line,
        column: parameter.span.column,
        message: `overriding earlier entry: ${parameter.name}=${earlier.value}`,
        fatal: false,
      });
    }
    seen.set(parameter.name, parameter);
    parameters.push(parameter);
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { file: file.path, parameters, diagnostics };
}

/** The definition Postfix uses: the last one in the file, or undefined. */
export function lastDefinition(mainCf: MainCf, name: string): MainCfParameter | undefined {
  for (let i = mainCf.parameters.length - 1; i >= 0; i--) {
    const parameter = mainCf.parameters[i];
    if (parameter !== undefined && parameter.name === name) return parameter;
  }
  return undefined;
}

/** name -> value as Postfix sees it (last definition wins). */
export function effectiveValues(mainCf: MainCf): Map<string, string> {
  const values = new Map<string, string>();
  for (const parameter of mainCf.parameters) values.set(parameter.name, parameter.value);
  return values;
}

function spanBetween(
  path: string,
  lines: LogicalLines,
  line: LogicalLine,
  start: number,
  end: number,
): Span {
  const from = positionOf(lines, line, start);
  if (end <= start) return { file: path, line: from.line, column: from.column, endLine: from.line, endColumn: from.column };
  const to = endPositionOf(lines, line, end - 1);
  return { file: path, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function lineEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isPostfixSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** A definition whose name is `text[np..mark]` and unresolved text, its value the unresolved text and the rest of the line. */
function unknownNameValue(path: string, lines: LogicalLines, line: LogicalLine, np: number, mark: number, end: number): MainCfParameter {
  const text = line.text;
  return {
    name: text.slice(np, mark + 1),
    value: text.slice(mark, end),
    span: spanBetween(path, lines, line, np, end),
    nameSpan: spanBetween(path, lines, line, np, mark + 1),
    valueSpan: spanBetween(path, lines, line, mark, end),
    valuePieces: valuePieces(path, lines, line, mark, end),
  };
}

/** split_nameval(): returns null (with a fatal diagnostic) when Postfix would exit. */
function splitNameValue(
  path: string,
  lines: LogicalLines,
  line: LogicalLine,
  diagnostics: Diagnostic[],
): MainCfParameter | null {
  const text = line.text;
  const n = text.length;
  const fail = (offset: number, reason: string): null => {
    const at = positionOf(lines, line, Math.min(offset, n - 1));
    const column = offset >= n ? at.column + 1 : at.column;
    // Postfix reports the logical line's first physical line.
    diagnostics.push({ file: path, line: at.line, column, message: `${reason}: "${text}"`, fatal: true });
    return null;
  };
  let np = 0;
  while (np < n && isPostfixSpace(text.charCodeAt(np))) np++;
  if (np >= n || text.charCodeAt(np) === 61) return fail(np, 'missing attribute name');
  let ep = np;
  while (ep < n && !isPostfixSpace(text.charCodeAt(ep)) && text.charCodeAt(ep) !== 61) ep++;
  let cp = ep;
  while (cp < n && isPostfixSpace(text.charCodeAt(cp))) cp++;
  if (cp >= n || text.charCodeAt(cp) !== 61) {
    // Unresolved text in the first word (a line provisioning code wrote from
    // a command's output, continued by the lines after it) may hold the `=`
    // itself: the line sets a name that starts so, to a value unknown.
    const mark = text.indexOf(UNKNOWN_MARK, np);
    if (mark >= 0 && mark < ep) return unknownNameValue(path, lines, line, np, mark, lineEnd(text));
    return fail(cp, "missing '=' after attribute name");
  }
  let vp = cp + 1;
  while (vp < n && isPostfixSpace(text.charCodeAt(vp))) vp++;
  let ve = n;
  while (ve > vp && isPostfixSpace(text.charCodeAt(ve - 1))) ve--;
  const end = lineEnd(text);
  const valueStart = ve > vp ? vp : cp + 1;
  return {
    name: text.slice(np, ep),
    value: text.slice(vp, ve),
    span: spanBetween(path, lines, line, np, end),
    nameSpan: spanBetween(path, lines, line, np, ep),
    valueSpan: spanBetween(path, lines, line, valueStart, ve > vp ? ve : valueStart),
    valuePieces: valuePieces(path, lines, line, vp, ve),
  };
}
