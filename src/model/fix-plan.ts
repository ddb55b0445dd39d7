import type { Span } from './span.js';

/**
 * A mechanical fix as a rule states it: in terms of what the parser read,
 * not of the file's bytes. A rule sees parsed values only; whether the file
 * holds exactly that text at the span (and not a template expression, shell
 * quoting or a `$name` the plan does not describe) is checked by src/fixes/
 * against the file itself, which turns a plan into `Replacement`s or drops
 * it. A plan is all or nothing: one step that cannot be applied drops all.
 */
export type FixStep = ListFixStep | AppendLineStep | DeleteLineStep;

/** One change to the items of a Postfix list value (postconf(5): items separated by commas and/or whitespace). */
export type ListEdit =
  /** The item at `index` (0-based, as splitList numbers them) becomes `text`. */
  | { op: 'replace'; index: number; text: string }
  /** The item at `index` goes, with the separator next to it. */
  | { op: 'remove'; index: number }
  /** `text` is added after the last item. */
  | { op: 'append'; text: string };

/** Edit a list value where it is written: a main.cf value, a master.cf `-o name=value`, a variables-file entry that feeds a template. */
export interface ListFixStep {
  kind: 'list';
  /** Where the value is written (for `prefix`, where the text before it starts). */
  span: Span;
  /** The value exactly as the parser read it there (before `$name` expansion). */
  written: string;
  /**
   * Text the file holds at the start of `span`, before the value
   * (`-o smtpd_client_restrictions=`). Project-authored and anchored; the
   * rest of the span must be `written`.
   */
  prefix?: RegExp;
  edits: ListEdit[];
  /** Separator for an appended item when the value has fewer than two items to copy one from. */
  separator: string;
  /** Put before the items added to an empty value when no blank precedes it (main.cf: `name =` + ` reject`). */
  lead?: string;
}

/** Add a line at the end of a file (a parameter that is not set at all). */
export interface AppendLineStep {
  kind: 'append-line';
  file: string;
  text: string;
}

/** Delete one whole line (a sendmail FEATURE line). */
export interface DeleteLineStep {
  kind: 'delete-line';
  file: string;
  line: number;
  /** The line must match this (project-authored, anchored, linear-time) to be deleted. */
  expect: RegExp;
  /** No other line of the file may match this: deleting one of two enabling lines fixes nothing. */
  unique?: RegExp;
}
