import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node } from 'yaml';
import { yamlTooDeep } from '../model/yaml-depth.js';
import type { Related } from '../model/finding.js';
import type { ListEdit, ListFixStep } from '../model/fix-plan.js';
import { splitList } from '../mta/postfix/list.js';
import { listChanges } from './list-value.js';
import { lineEnding, TextPositions, type FileChanges, type FixFiles, type TextChange } from './text.js';

/**
 * `{{ name }}` or `{{ name | join(', ') }}`: the two template expressions
 * whose output is a variable's own text, so an edit of the output is an edit
 * of the variable. Anything else (`default`, arithmetic, a loop) is not
 * undone mechanically.
 */
const EXPRESSION = /^\{\{-?[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?:\|[ \t]*join\([ \t]*(?:'([^'\\]*)'|"([^"\\]*)")[ \t]*\)[ \t]*)?-?\}\}$/;

/**
 * A Jinja2 template line `name = {{ var | join(', ') }}` whose value comes
 * from an Ansible variables file (a `related` location the sources stage
 * attached): the fix edits that file's entry, since the template only
 * copies it. The entry must be a plain string, or a block list of plain
 * strings each one Postfix list item, and rendering it must give exactly
 * the value the rule judged; otherwise there is no mechanical fix.
 */
export function templateVariableChanges(
  step: ListFixStep,
  expression: string,
  related: readonly Related[],
  files: FixFiles,
): FileChanges[] | null {
  const match = EXPRESSION.exec(expression);
  if (match === null) return null;
  const name = match[1]!;
  const joinWith = match[2] ?? match[3] ?? null;
  const found = related.flatMap((r) => (/\.ya?ml$/i.test(r.file) ? definitionAt(r.file, r.line, name, files) : []));
  if (found.length !== 1) return null;
  const { file, text, node } = found[0]!;
  const positions = new TextPositions(text);

  if (joinWith === null) {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value !== step.written) return null;
    const content = scalarContent(text, node);
    if (content === null) return null;
    const changes = listChanges(node.value, step.edits, { separator: step.separator, lead: '', before: '' });
    if (changes === null) return null;
    return [{ file, positions, changes: changes.map((c) => ({ ...c, start: c.start + content, end: c.end + content })) }];
  }

  // join: one list entry per Postfix list item, so item i of the value is entry i.
  if (joinWith === '' || !/^[, \t]+$/.test(joinWith) || !isSeq(node) || node.flow === true) return null;
  const entries: { node: Scalar<string>; content: number }[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || typeof item.value !== 'string') return null;
    const only = splitList(item.value);
    if (only.length !== 1 || only[0]!.text !== item.value) return null;
    const content = scalarContent(text, item);
    if (content === null) return null;
    entries.push({ node: item as Scalar<string>, content });
  }
  if (entries.map((e) => e.node.value).join(joinWith) !== step.written) return null;
  const changes = seqChanges(text, positions, entries, step.edits);
  return changes === null ? null : [{ file, positions, changes }];
}

interface Definition {
  file: string;
  text: string;
  node: Node;
}

/** The value node of top-level key `name` written at line `line` of a YAML file. */
function definitionAt(file: string, line: number, name: string, files: FixFiles): Definition[] {
  const text = files.read(file);
  if (text === undefined) return [];
  const lineCounter = new LineCounter();
  if (yamlTooDeep(text) !== null) return [];
  // Ansible reads YAML 1.1 (PyYAML), as the sources stage does.
  const doc = parseDocument(text, { lineCounter, version: '1.1', prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.flow === true) return [];
  const out: Definition[] = [];
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || pair.key.value !== name) continue;
    if (lineCounter.linePos(pair.key.range?.[0] ?? 0).line !== line) continue;
    if (pair.value !== null && pair.value !== undefined) out.push({ file, text, node: pair.value });
  }
  return out;
}

/** Offset where the scalar's text starts in the file, when its source is its value (plain, or quoted without escapes). */
function scalarContent(text: string, node: Scalar): number | null {
  const range = node.range;
  if (range === undefined || range === null) return null;
  const source = text.slice(range[0], range[1]);
  const value = String(node.value);
  switch (node.type) {
    case Scalar.PLAIN:
      return source === value && !value.includes('\n') ? range[0] : null;
    case Scalar.QUOTE_SINGLE:
      return source === `'${value}'` && !value.includes("'") ? range[0] + 1 : null;
    case Scalar.QUOTE_DOUBLE:
      return source === `"${value}"` && !/["\\]/.test(value) ? range[0] + 1 : null;
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
    case undefined:
    default:
      return null;
  }
}

/**
 * Edits of a block list whose entries are each alone on their line
 * (`  - permit`): a replaced entry keeps its line, a removed one loses it,
 * an appended one gets a new line shaped like the last.
 */
function seqChanges(
  text: string,
  positions: TextPositions,
  entries: { node: Scalar<string>; content: number }[],
  edits: readonly ListEdit[],
): TextChange[] | null {
  const lines = entries.map((e) => {
    const line = positions.position(e.node.range![0]).line;
    const range = positions.lineRange(line)!;
    const before = text.slice(range.start, e.node.range![0]);
    const after = text.slice(e.node.range![1], range.end);
    return { range, before, alone: /^[ \t]*-[ \t]+$/.test(before) && /^[ \t]*$/.test(after) };
  });
  if (lines.some((l) => !l.alone) || new Set(lines.map((l) => l.range.start)).size !== lines.length) return null;
  const changes: TextChange[] = [];
  const eol = lineEnding(text);
  for (const edit of edits) {
    if (edit.op === 'append') {
      const last = lines.at(-1);
      if (last === undefined) return null;
      const prefix = last.before;
      changes.push(
        last.range.next === null
          ? { start: last.range.end, end: last.range.end, text: `${eol}${prefix}${edit.text}` }
          : { start: last.range.next, end: last.range.next, text: `${prefix}${edit.text}${eol}` },
      );
      continue;
    }
    const entry = entries[edit.index];
    const line = lines[edit.index];
    if (entry === undefined || line === undefined) return null;
    if (edit.op === 'replace') {
      const start = entry.content;
      changes.push({ start, end: start + entry.node.value.length, text: edit.text });
    } else {
      if (line.range.next === null) return null;
      changes.push({ start: line.range.start, end: line.range.next, text: '' });
    }
  }
  return changes;
}
