import { UNKNOWN_MARK, type SourceFile } from '../../../model/source.js';
import type { RenderedTemplate } from '../../contracts/template-language.js';
import { fragmentOf, MAX_OUTPUT, PieceSink } from '../pieces.js';
import type { VariableOrigin, VariableScope } from '../../contracts/variables.js';

/**
 * GNU envsubst (gettext-base) without a SHELL-FORMAT argument replaces every
 * `$NAME` and `${NAME}` (NAME: a letter or `_`, then letters, digits, `_`)
 * with the variable's value from the environment, and an unset one with
 * nothing. There is no escape: `$$A` is a literal `$` followed by `$A`;
 * `\$A` keeps the backslash; `${A:-x}`, `${`, a lone `$` and `$1` are left as
 * they are. It never fails, so a template gives no diagnostics.
 *
 * The environment of the deploying machine is not in the repository: a
 * variable the user's --vars files do not give is unknown (UNKNOWN_MARK),
 * never the empty string.
 */
export function renderEnvsubst(file: SourceFile, vars: VariableScope): RenderedTemplate {
  const text = file.text;
  const sink = new PieceSink(MAX_OUTPUT);
  const used = new Map<string, VariableOrigin | null>();
  let literalFrom = 0;
  let i = 0;
  const flush = (to: number) => {
    if (to > literalFrom) sink.push({ kind: 'literal', text: text.slice(literalFrom, to), offset: literalFrom, maybe: false });
  };
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) break;
    const reference = referenceAt(text, dollar);
    if (reference === null) {
      i = dollar + 1;
      continue;
    }
    flush(dollar);
    const binding = vars.lookup(reference.name);
    if (binding !== undefined) used.set(reference.name, binding.origin);
    const value = binding === undefined ? UNKNOWN_MARK : printable(binding.value);
    if (!sink.push({ kind: 'expression', text: value, start: dollar, end: reference.end, maybe: false })) break;
    i = reference.end;
    literalFrom = i;
  }
  flush(text.length);
  return {
    fragment: fragmentOf(file.path, text, 'envsubst', sink.pieces),
    diagnostics: [],
    usedVariables: [...used].map(([name, origin]) => ({ name, origin })).sort((a, b) => a.name.localeCompare(b.name)),
    skipped: [],
  };
}

function isNameStart(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z_]/.test(c);
}

function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

/** The `$NAME` or `${NAME}` reference starting at `dollar`, or null when envsubst leaves the `$` alone. */
function referenceAt(text: string, dollar: number): { name: string; end: number } | null {
  let at = dollar + 1;
  const braced = text[at] === '{';
  if (braced) at++;
  if (!isNameStart(text[at])) return null;
  const start = at;
  while (isNameChar(text[at])) at++;
  const name = text.slice(start, at);
  if (braced) {
    if (text[at] !== '}') return null;
    at++;
  }
  return { name, end: at };
}

/** An environment variable is a string; a --vars value that is not a scalar is unknown. */
function printable(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return UNKNOWN_MARK;
}
