/**
 * The annotate step: a finding on text built from repository variables
 * (a rendered template, a templated edit) also points at where those
 * variables are defined (`related`), so a person can find the line to edit.
 */
import type { Related, RuleResult } from '../model/finding.js';
import type { SourceFile } from '../model/source.js';
import type { Extraction } from './contracts/edits.js';
import type { RenderedTemplate } from './contracts/template-language.js';
import type { VariableOrigin } from './contracts/variables.js';

/** A rule result with where its template and edit variables come from. */
export function variableAnnotator(
  templates: ReadonlyMap<string, RenderedTemplate>,
  files: ReadonlyMap<string, SourceFile>,
  extractions: readonly Extraction[],
): (result: RuleResult) => RuleResult {
  const editVariables = variablesByLine(extractions);
  return (result) => withEditVariables(withVariableOrigins(result, templates, files), editVariables);
}

interface EditVariables {
  fromLine: number;
  toLine: number;
  variables: { name: string; origin: VariableOrigin | null }[];
}

/** Per host file, the lines each templated edit covers (its task and the text it maps to) and its variables. */
function variablesByLine(extractions: readonly Extraction[]): Map<string, EditVariables[]> {
  const byFile = new Map<string, EditVariables[]>();
  for (const extraction of extractions) {
    for (const edit of extraction.edits) {
      if (edit.variables === undefined || edit.variables.length === 0) continue;
      let toLine = edit.span.endLine;
      if ('fragment' in edit) for (const s of edit.fragment.map.segments) toLine = Math.max(toLine, s.to.line, s.from.line);
      const list = byFile.get(edit.span.file) ?? [];
      list.push({ fromLine: edit.span.line, toLine, variables: edit.variables });
      byFile.set(edit.span.file, list);
    }
  }
  return byFile;
}

/** A finding on an edit built from repository variables points to where they are defined too. */
function withEditVariables(result: RuleResult, byFile: ReadonlyMap<string, EditVariables[]>): RuleResult {
  const entries = byFile.get(result.span.file);
  if (entries === undefined) return result;
  const seen = new Set(result.related.map((r) => `${r.file}:${r.line}`));
  const related: Related[] = [];
  for (const entry of entries) {
    if (result.span.line < entry.fromLine || result.span.line > entry.toLine) continue;
    for (const v of entry.variables) {
      if (v.origin === null || seen.has(`${v.origin.file}:${v.origin.line}`)) continue;
      seen.add(`${v.origin.file}:${v.origin.line}`);
      related.push({ file: v.origin.file, line: v.origin.line, message: `value comes from ${v.name} here` });
    }
  }
  const kept = related.slice(0, MAX_VARIABLE_ORIGINS);
  return kept.length === 0 ? result : { ...result, related: [...result.related, ...kept] };
}

/** At most this many "value comes from" locations per finding. */
const MAX_VARIABLE_ORIGINS = 5;

/**
 * A finding on a template points to where its variables are defined. The
 * variables named on the finding's own template lines come first; when the
 * lines name none, every variable the template read (with a known origin).
 */
function withVariableOrigins(
  result: RuleResult,
  templates: ReadonlyMap<string, RenderedTemplate>,
  files: ReadonlyMap<string, SourceFile>,
): RuleResult {
  const rendered = templates.get(result.span.file);
  if (rendered === undefined) return result;
  const known = rendered.usedVariables.filter((v) => v.origin !== null);
  const lines = (files.get(result.span.file)?.text ?? '').split('\n').slice(result.span.line - 1, result.span.endLine).join('\n');
  const named = known.filter((v) => new RegExp(`\\b${v.name.replace(/[^A-Za-z0-9_]/g, '')}\\b`).test(lines));
  const related: Related[] = (named.length > 0 ? named : known).slice(0, MAX_VARIABLE_ORIGINS).map((v) => ({
    file: v.origin?.file ?? '',
    line: v.origin?.line ?? 1,
    message: `value comes from ${v.name} here`,
  }));
  return related.length === 0 ? result : { ...result, related: [...result.related, ...related] };
}
