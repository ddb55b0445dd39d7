/**
 * A template that is one placeholder for the whole file (`{{ opensmtpd_config }}`
 * under a comment line) whose repository value is empty: the content is
 * supplied by whoever uses the role or chart.
 *
 * Such a value sits in the lowest-precedence layer of its tool, the one that
 * exists to be overridden (Ansible role `defaults/`, "the lowest priority of
 * any variables available, and can be easily overridden by any other variable";
 * a Helm chart's `values.yaml`; a Salt formula's `defaults.yaml` and
 * `pillar.example`; a Chef cookbook's `attributes/`). An empty default there
 * does not describe a server anyone runs: the role's own users must give the
 * file's text, or the server would start with an empty file (OpenSMTPD refuses
 * one: "no rules, nothing to do"; Postfix would run its built-in defaults).
 * Judging that empty default would fail the job with `config-unreadable` for
 * a file no engine is ever given, or pass or fail Postfix on defaults no one
 * deploys. A serious gate says what it knows: the content is not in the
 * repository. The placeholder is read as unknown text (one unknown line,
 * which may be any statement, so the verdict is indeterminate) and a note
 * names the variable and where its empty default is.
 */
import { UNKNOWN_MARK } from '../../model/source.js';
import type { RenderedTemplate } from '../contracts/template-language.js';
import { fragmentOf, type RenderedPiece } from '../languages/pieces.js';

/** Files of the layers tools document as defaults meant to be overridden (see above). */
const OVERRIDABLE_DEFAULTS = /(?:^|\/)(?:defaults\/|attributes\/|values\.ya?ml$|defaults\.ya?ml$|pillar\.example$)/;

export interface SuppliedContent {
  rendered: RenderedTemplate;
  note: string;
}

/**
 * The rendering with the placeholder unknown, and its note; null when the
 * template is not one placeholder over an empty overridable default.
 */
export function suppliedByUser(rendered: RenderedTemplate, templateText: string, path: string): SuppliedContent | null {
  if (!blankOrComments(rendered.fragment.text)) return null;
  // An empty output leaves no piece in the rendering: the tag is found in the template itself.
  const open = templateText.search(/\{\{|<%=|\$\{/);
  if (open < 0) return null;
  const closer = templateText.startsWith('{{', open) ? '}}' : templateText.startsWith('<%=', open) ? '%>' : '}';
  const close = templateText.indexOf(closer, open + 2);
  if (close < 0) return null;
  const start = open;
  const end = close + closer.length;
  // Literal text around the one tag is blank or `#` comments: nothing but the placeholder is the file.
  if (!blankOrComments(templateText.slice(0, start) + templateText.slice(end))) return null;
  const used = rendered.usedVariables;
  const variable = used[0];
  if (used.length !== 1 || variable === undefined || variable.origin === null || !OVERRIDABLE_DEFAULTS.test(variable.origin.file)) return null;
  const pieces: RenderedPiece[] = [
    { kind: 'literal' as const, text: templateText.slice(0, start), offset: 0, maybe: false },
    { kind: 'expression' as const, text: UNKNOWN_MARK, start, end, maybe: false },
    { kind: 'literal' as const, text: templateText.slice(end), offset: end, maybe: false },
  ].filter((p) => p.text !== '');
  const fragment = fragmentOf(path, templateText, rendered.fragment.form, pieces);
  const at = positionOf(templateText, start);
  const origin = `${variable.origin.file}:${variable.origin.line}`;
  const note =
    `${path}:${at.line}:${at.column}: the whole file is the value of ${variable.name}, empty by default (${origin}): ` +
    'its content is supplied by whoever uses it and is not in the repository; judged as unknown content';
  return { rendered: { ...rendered, fragment }, note };
}

/** Whether every line of `text` is blank or a `#` comment. */
function blankOrComments(text: string): boolean {
  return text.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('#'));
}

/** The 1-based position of a 0-based offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
