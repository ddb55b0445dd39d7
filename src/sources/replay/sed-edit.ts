/**
 * A `sed -i` edit run over a document's lines (GNU sed semantics in
 * ../languages/shell/sed-run.ts), every character keeping its origin: kept
 * text stays on the file it came from, replacement and appended text point
 * at the sed script in the host file. A line whose outcome is unknown (a
 * pattern holding an unknown value) becomes a line that may be anything; a
 * sed that may or may not run keeps the old lines beside the new ones.
 */
import type { Span } from '../../model/span.js';
import type { Edit } from '../contracts/edits.js';
import type { Fragment } from '../contracts/fragment.js';
import { parseSedScript } from '../languages/shell/sed-script.js';
import { SedRun, type SedText } from '../languages/shell/sed-run.js';
import type { DocLine } from './document.js';
import { MappedLine } from './mapped-line.js';

type SedEdit = Extract<Edit, { kind: 'sed' }>;

/** Script text [start, end) as a mapped line (its own characters), or text standing for the script. */
function scriptText(fragment: Fragment, text: string, start: number, end: number, exact: boolean, span: Span): MappedLine {
  const source = fragment.text;
  if (exact && source.slice(start, end) === text && !text.includes('\n')) {
    const lineStart = source.lastIndexOf('\n', start - 1) + 1;
    const lineNo = source.slice(0, lineStart).split('\n').length;
    const lineEnd = source.indexOf('\n', lineStart);
    const lineText = source.slice(lineStart, lineEnd < 0 ? source.length : lineEnd);
    return MappedLine.ofFragment(fragment, lineNo, lineText, span).slice(start - lineStart, end - lineStart);
  }
  const whole = MappedLine.ofFragment(fragment, 1, source.split('\n')[0] ?? '', span);
  const at = whole.firstSpan() ?? span;
  return MappedLine.generated(text, at);
}

export interface SedResult {
  lines: DocLine[];
  /** The texts of lines it removed, changed or added (for what the edit touched). */
  changed: string[];
  /** Set when the document would have outgrown MAX_DOCUMENT_LINES or MAX_DOCUMENT_CHARS: why its changes became one unknown line. */
  bounded?: string;
}

/**
 * A document no bigger than this after an edit. A sed that may or may not
 * run keeps each line it changes beside the new one, so the same sed run
 * again and again (a function called from a loop, once per pass) doubles
 * the lines it matches each time; past these bounds, what it changed is
 * one line that may be anything (the file's unknown line).
 */
export const MAX_DOCUMENT_LINES = 5_000;
export const MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

/**
 * What the edits of one instance may run over, together: lines, characters,
 * and pieces of the lines' source maps (a line an edit runs over costs a
 * few microseconds, and more for each piece: every edit that grew the line
 * added one). A script that runs many edits on a file grown to its bound
 * would otherwise take minutes. Past any of them, the replay
 * (./postfix.ts, ./other-mtas.ts) runs no further edit: the file keeps its
 * lines and gets the unknown line.
 */
export const SED_LINES_PER_INSTANCE = 200_000;
export const SED_CHARS_PER_INSTANCE = 8 * 1024 * 1024;
export const SED_PIECES_PER_INSTANCE = 1_000_000;

/** The budget in words, for notes. */
export const SED_BUDGET_WORDS = `${SED_LINES_PER_INSTANCE} lines (or ${SED_CHARS_PER_INSTANCE / (1024 * 1024)} MiB, or ${SED_PIECES_PER_INSTANCE} pieces of text from different places)`;

/** What is left of one instance's budget, and the files whose bound was noted. */
export interface SedBudget {
  lines: number;
  chars: number;
  pieces: number;
  noted: Set<string>;
}

export const sedBudget = (): SedBudget => ({ lines: SED_LINES_PER_INSTANCE, chars: SED_CHARS_PER_INSTANCE, pieces: SED_PIECES_PER_INSTANCE, noted: new Set() });

/** Whether the budget is spent already. */
export function spent(budget: SedBudget): boolean {
  return budget.lines <= 0 || budget.chars <= 0 || budget.pieces <= 0;
}

/** Charges one edit's run over the documents it reads; false once the instance's budget is overspent. */
export function charge(budget: SedBudget, ...documents: readonly (readonly DocLine[])[]): boolean {
  for (const lines of documents) {
    budget.lines -= lines.length;
    for (const l of lines) {
      budget.chars -= l.line.text.length;
      budget.pieces -= l.line.segments.length;
    }
  }
  return budget.lines >= 0 && budget.chars >= 0 && budget.pieces >= 0;
}

/** null: the script no longer parses (the extractor checked it; kept for safety). */
export function runSedEdit(lines: readonly DocLine[], edit: SedEdit, unknownLine: (span: Span) => DocLine): SedResult | null {
  const program = parseSedScript(edit.script.text, edit.extended);
  if (program.kind !== 'program') return null;
  const ops: SedText<MappedLine> = {
    text: (v) => v.text,
    slice: (v, a, b) => v.slice(a, b),
    concat: (parts) => (parts.length === 0 ? MappedLine.EMPTY : (parts[0] as MappedLine).concat(...parts.slice(1))),
    script: (text, start, end, exact) => scriptText(edit.script, text, start, end, exact, edit.span),
  };
  const results = new SedRun(program, ops, edit.quiet).run(lines.map((l) => l.line));
  const out: DocLine[] = [];
  const changed: string[] = [];
  results.forEach((r, i) => {
    const old = lines[i] as DocLine;
    if (r.kind === 'unknown') {
      changed.push(old.line.text);
      if (edit.maybe) out.push({ ...old, maybe: true });
      out.push(unknownLine(edit.span));
      return;
    }
    const unchanged = r.kind === 'known' && r.lines.length === 1 && r.lines[0]?.text === old.line.text;
    if (unchanged) {
      out.push(old);
      return;
    }
    changed.push(old.line.text, ...r.lines.map((l) => l.text));
    const maybe = edit.maybe || r.kind === 'maybe';
    if (maybe) out.push({ ...old, maybe: true });
    out.push(...r.lines.map((line) => ({ line, maybe: maybe || old.maybe })));
  });
  let chars = 0;
  for (const l of out) chars += l.line.text.length;
  if (out.length <= MAX_DOCUMENT_LINES && chars <= MAX_DOCUMENT_CHARS) return { lines: out, changed };
  // Every line it would have changed stays as it was, only perhaps there, and one unknown line follows
  // the first of them: the document grows by one line, whatever the script does.
  const bounded: DocLine[] = [];
  let unknown = false;
  results.forEach((r, i) => {
    const old = lines[i] as DocLine;
    if (r.kind === 'known' && r.lines.length === 1 && r.lines[0]?.text === old.line.text) {
      bounded.push(old);
      return;
    }
    bounded.push({ ...old, maybe: true });
    if (!unknown) bounded.push(unknownLine(edit.span));
    unknown = true;
  });
  const size = out.length > MAX_DOCUMENT_LINES ? `more than ${MAX_DOCUMENT_LINES} lines` : `more than ${MAX_DOCUMENT_CHARS} characters`;
  return { lines: bounded, changed, bounded: `the sed at ${edit.span.file}:${edit.span.line} would make the file ${size} long: what it changes there, and what later seds that grow it change, is unknown` };
}
