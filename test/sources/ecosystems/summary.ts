import type { Position } from '../../../src/model/source.js';
import type { Edit } from '../../../src/sources/contracts/edits.js';

/** An edit in plain data: what the tests compare exactly. */
export interface EditSummary {
  kind: Edit['kind'];
  scope: string;
  directory: string;
  target?: string;
  span: string;
  maybe: boolean;
  text?: string;
  name?: string;
  nameSpan?: string;
  source?: string;
  distribution?: string;
}

function at(span: { line: number; column: number; endLine: number; endColumn: number }): string {
  return `${span.line}:${span.column}-${span.endLine}:${span.endColumn}`;
}

export function summarize(edit: Edit): EditSummary {
  const summary: EditSummary = { kind: edit.kind, scope: edit.key.scope, directory: edit.key.directory, span: at(edit.span), maybe: edit.maybe };
  if ('target' in edit) summary.target = edit.target;
  if ('fragment' in edit) summary.text = edit.fragment.text;
  if (edit.kind === 'unset') {
    summary.name = edit.name;
    summary.nameSpan = at(edit.nameSpan);
  }
  if (edit.kind === 'set-if-present') summary.name = edit.name;
  if (edit.kind === 'link') summary.source = edit.source;
  if (edit.kind === 'base') summary.distribution = edit.distribution;
  return summary;
}

/** Host position of fragment character (line, column), as `line:column`. */
export function origin(edit: Edit, line: number, column: number): string {
  if (!('fragment' in edit)) throw new Error(`${edit.kind} edit has no fragment`);
  const p: Position = edit.fragment.map.start(line, column);
  return `${p.line}:${p.column}`;
}

/** Host end position of fragment characters up to endColumn (exclusive), as `line:column`. */
export function originEnd(edit: Edit, line: number, endColumn: number): string {
  if (!('fragment' in edit)) throw new Error(`${edit.kind} edit has no fragment`);
  const p: Position = edit.fragment.map.end(line, endColumn);
  return `${p.line}:${p.column}`;
}

/** The fragment's map segments as [kind, from, to] (`line:column`). */
export function segments(edit: Edit): [string, string, string][] {
  if (!('fragment' in edit)) throw new Error(`${edit.kind} edit has no fragment`);
  return edit.fragment.map.segments.map((s) => [s.kind, `${s.from.line}:${s.from.column}`, `${s.to.line}:${s.to.column}`]);
}
