import type { Replacement } from '../model/finding.js';
import type { FileDiff } from './diff.js';

/** New text for head lines `startLine`..`endLine` of `path`: one ```suggestion block. */
export interface SuggestedChange {
  path: string;
  startLine: number;
  endLine: number;
  /** The lines that replace them (may be more or fewer). */
  lines: string[];
}

/** Why a fix cannot be offered as suggestions; the finding then goes to the review body. */
export type NoSuggestion = { why: string };

/** Reads line `line` (1-based) of a scanned file, or null: the text relaygate's columns refer to. */
export type ScannedLine = (path: string, line: number) => string | null;

/**
 * Turns a finding's replacements into suggestion blocks. A suggestion
 * replaces whole lines, so replacements on the same or adjacent lines of a
 * file are applied together to those lines' text. Each block must lie in
 * one hunk of the pull request's diff, because GitHub accepts a review
 * comment only there. The text comes from the diff (the head commit the
 * review is on) and must equal the scanned text the columns were measured
 * on: on a `pull_request` run the workspace holds the test-merge commit,
 * which can differ. Lines ending in CR are not offered: a suggestion would
 * silently change their line ending.
 */
export function suggestedChanges(
  replacements: readonly Replacement[],
  diffs: ReadonlyMap<string, FileDiff>,
  scannedLine: ScannedLine,
): SuggestedChange[] | NoSuggestion {
  if (replacements.length === 0) return { why: 'no mechanical fix' };
  const byFile = new Map<string, Replacement[]>();
  for (const r of replacements) {
    const list = byFile.get(r.file) ?? [];
    list.push(r);
    byFile.set(r.file, list);
  }
  const out: SuggestedChange[] = [];
  for (const [file, list] of byFile) {
    const diff = diffs.get(file);
    if (!diff) return { why: `${file} is not part of the diff` };
    const sorted = [...list].sort((a, b) => a.line - b.line || a.column - b.column);
    const groups: Replacement[][] = [];
    for (const r of sorted) {
      if (!(r.line >= 1 && r.endLine >= r.line && r.column >= 1 && r.endColumn >= 1)) return { why: 'a replacement has an invalid span' };
      const last = groups.at(-1);
      const lastEnd = last ? Math.max(...last.map((x) => x.endLine)) : -1;
      if (last && r.line <= lastEnd + 1) last.push(r);
      else groups.push([r]);
    }
    for (const group of groups) {
      const change = applyGroup(file, group, diff, scannedLine);
      if ('why' in change) return change;
      out.push(change);
    }
  }
  return out;
}

function applyGroup(file: string, group: Replacement[], diff: FileDiff, scannedLine: ScannedLine): SuggestedChange | NoSuggestion {
  const startLine = Math.min(...group.map((r) => r.line));
  const endLine = Math.max(...group.map((r) => r.endLine));
  const texts: string[] = [];
  let hunk: number | null = null;
  for (let n = startLine; n <= endLine; n++) {
    const line = diff.lines.get(n);
    if (!line) return { why: `${file}:${n} is outside the diff` };
    if (hunk !== null && line.hunk !== hunk) return { why: `${file}:${startLine}-${endLine} spans two hunks of the diff` };
    hunk = line.hunk;
    if (line.text.endsWith('\r')) return { why: `${file}:${n} ends in CR` };
    if (scannedLine(file, n) !== line.text) return { why: `${file}:${n} in the diff differs from the scanned file` };
    texts.push(line.text);
  }
  // Offsets into the lines joined with '\n'; columns are 1-based UTF-16 positions, endColumn exclusive.
  const starts: number[] = [];
  let offset = 0;
  for (const t of texts) {
    starts.push(offset);
    offset += t.length + 1;
  }
  const at = (line: number, column: number): number | null => {
    const i = line - startLine;
    const text = texts[i];
    if (text === undefined || column - 1 > text.length) return null;
    return starts[i]! + column - 1;
  };
  const edits: { from: number; to: number; text: string }[] = [];
  for (const r of group) {
    const from = at(r.line, r.column);
    const to = at(r.endLine, r.endColumn);
    if (from === null || to === null || to < from) return { why: `a replacement does not fit ${file}:${r.line}` };
    edits.push({ from, to, text: r.text });
  }
  edits.sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < edits.length; i++) {
    if (edits[i]!.from < edits[i - 1]!.to) return { why: `replacements overlap on ${file}:${startLine}` };
  }
  let text = texts.join('\n');
  for (const e of [...edits].reverse()) text = text.slice(0, e.from) + e.text + text.slice(e.to);
  return { path: file, startLine, endLine, lines: text.split('\n') };
}

/** A fenced ```suggestion block; the fence is longer than any backtick run inside it. */
export function suggestionBlock(lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}suggestion`, ...lines, fence].join('\n');
}
