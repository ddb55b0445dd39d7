import type { AppendLineStep, DeleteLineStep, FixStep, ListFixStep } from '../model/fix-plan.js';
import type { Related, Replacement, RuleResult } from '../model/finding.js';
import { listChanges } from './list-value.js';
import { templateVariableChanges } from './template-variable.js';
import { lineEnding, mergeChanges, TextPositions, toReplacement, type FileChanges, type FixFiles } from './text.js';

export type { FixFiles } from './text.js';

/**
 * A rule result with its fix plan turned into replacements, or without a
 * fix when the file does not hold what the plan was made from (the plan is
 * dropped either way: it is not part of any report).
 */
export function materializeFixes(result: RuleResult, files: FixFiles): RuleResult {
  const { fixPlan, ...rest } = result;
  if (fixPlan === undefined || fixPlan.length === 0) return rest;
  const replacements = materialize(fixPlan, result.related, files);
  return replacements === null ? rest : { ...rest, replacements };
}

export function materialize(steps: readonly FixStep[], related: readonly Related[], files: FixFiles): Replacement[] | null {
  const byFile = new Map<string, FileChanges>();
  for (const step of steps) {
    const made = stepChanges(step, related, files);
    if (made === null) return null;
    for (const part of made) {
      const entry = byFile.get(part.file);
      if (entry === undefined) byFile.set(part.file, { ...part, changes: [...part.changes] });
      else entry.changes.push(...part.changes);
    }
  }
  const out: Replacement[] = [];
  for (const entry of byFile.values()) {
    const merged = mergeChanges(entry.changes);
    if (merged === null) return null;
    for (const change of merged) {
      if (change.start === change.end && change.text === '') continue;
      out.push(toReplacement(entry.file, entry.positions, change));
    }
  }
  return out.length > 0 ? out : null;
}

function stepChanges(step: FixStep, related: readonly Related[], files: FixFiles): FileChanges[] | null {
  switch (step.kind) {
    case 'list':
      return listStep(step, related, files);
    case 'append-line':
      return appendLine(step, files);
    case 'delete-line':
      return deleteLine(step, files);
  }
}

function listStep(step: ListFixStep, related: readonly Related[], files: FixFiles): FileChanges[] | null {
  const text = files.read(step.span.file);
  if (text === undefined) return null;
  const positions = new TextPositions(text);
  const start = positions.offset(step.span.line, step.span.column);
  const end = positions.offset(step.span.endLine, step.span.endColumn);
  if (start === null || end === null || end < start) return null;
  const spanText = text.slice(start, end);
  let valueStart = start;
  if (step.prefix !== undefined) {
    const match = step.prefix.exec(spanText);
    if (match === null || match.index !== 0) return null;
    valueStart += match[0].length;
  }
  const offsets = alignWritten(text.slice(valueStart, end), step.written);
  if (offsets === null) {
    // Not the value itself: perhaps a template expression fed by a variables file.
    return step.prefix === undefined ? templateVariableChanges(step, spanText, related, files) : null;
  }
  const changes = listChanges(step.written, step.edits, {
    separator: step.separator,
    lead: step.lead ?? '',
    before: text.charAt(valueStart - 1),
  });
  if (changes === null) return null;
  // A change's start maps to its first character; its end to just after its last one (a point to the point).
  const at = (i: number): number => valueStart + (offsets[i] ?? end - valueStart);
  const after = (c: { start: number; end: number }): number => (c.end > c.start ? at(c.end - 1) + 1 : at(c.start));
  return [{ file: step.span.file, positions, changes: changes.map((c) => ({ text: c.text, start: at(c.start), end: after(c) })) }];
}

/**
 * Where each character of `written` is in `source`, the text of the span:
 * the same text, or the same but for the newlines of continuation lines
 * (postconf(5): the newline goes, the next line's leading whitespace stays).
 * null when they differ otherwise.
 */
function alignWritten(source: string, written: string): number[] | null {
  if (source === written) return Array.from({ length: written.length }, (_, i) => i);
  const offsets: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source.charCodeAt(i) === 10) continue;
    if (source[i] !== written[offsets.length]) return null;
    offsets.push(i);
  }
  return offsets.length === written.length ? offsets : null;
}

function appendLine(step: AppendLineStep, files: FixFiles): FileChanges[] | null {
  const text = files.read(step.file);
  if (text === undefined) return null;
  const eol = lineEnding(text);
  const atEnd = text.length;
  const missingEol = text.length > 0 && !text.endsWith('\n');
  return [
    {
      file: step.file,
      positions: new TextPositions(text),
      changes: [{ start: atEnd, end: atEnd, text: `${missingEol ? eol : ''}${step.text}${eol}` }],
    },
  ];
}

function deleteLine(step: DeleteLineStep, files: FixFiles): FileChanges[] | null {
  const text = files.read(step.file);
  if (text === undefined) return null;
  const positions = new TextPositions(text);
  const range = positions.lineRange(step.line);
  if (range === null || !step.expect.test(text.slice(range.start, range.end))) return null;
  if (step.unique !== undefined) {
    const unique = step.unique;
    for (let line = 1; line <= positions.lineCount; line++) {
      if (line === step.line) continue;
      const other = positions.lineRange(line)!;
      if (unique.test(text.slice(other.start, other.end))) return null;
    }
  }
  // The line and its line end; the last line without one takes the line end before it instead.
  let start = range.start;
  if (range.next === null && start > 0) start -= text.charAt(start - 2) === '\r' ? 2 : 1;
  const change = { start, end: range.next ?? text.length, text: '' };
  return [{ file: step.file, positions, changes: [change] }];
}
