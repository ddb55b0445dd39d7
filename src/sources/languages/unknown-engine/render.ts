import { UNKNOWN_MARK, type SourceFile } from '../../../model/source.js';
import type { RenderedTemplate } from '../../contracts/template-language.js';
import { fragmentOf, MAX_OUTPUT, PieceSink } from '../pieces.js';

/**
 * The tag pairs template engines share: ERB-style `<% %>` (ERB, Rex's
 * Text::Template-like engine, Mojo::Template, EJS), Jinja2/Twig/Go/Mustache
 * `{{ }}`, and Jinja2/Twig `{% %}`. An output tag starts with `<%=` or is a
 * `{{ }}`; a comment tag with `<%#` or `{#`; every other tag is a statement.
 */
const OPENERS = ['<%', '{{', '{%', '{#'] as const;
const CLOSER: Readonly<Record<(typeof OPENERS)[number], string>> = { '<%': '%>', '{{': '}}', '{%': '%}', '{#': '#}' };

type TagKind = 'output' | 'statement' | 'comment';

interface Tag {
  start: number;
  end: number;
  kind: TagKind;
}

/**
 * Reads a template whose engine relaygate does not know: a file named like a
 * template (`smtpd.conf.tpl`) whose syntax is not that of the language its
 * extension suggests. The engine's language is not evaluated, so:
 * - the output of every output tag is unknown (UNKNOWN_MARK);
 * - a statement tag (a loop, a branch, code) may repeat, drop or reorder the
 *   text around it: every literal line from the first statement tag to the
 *   last is a maybe line;
 * - comment tags print nothing.
 * Literal text outside that stretch is what every engine copies as is, and
 * stays definite. Such a file is never `config-unreadable`: only the real
 * engine could say it is malformed, and relaygate does not know which one
 * that is. An unclosed tag leaves the rest of the file unknown (one maybe
 * unknown line), never an error.
 */
export function renderUnknownEngine(file: SourceFile): RenderedTemplate {
  const text = file.text;
  const tags = tagsOf(text);
  const statements = tags.filter((t) => t.kind === 'statement');
  const firstStatement = statements[0]?.start ?? Number.POSITIVE_INFINITY;
  const lastStatement = statements[statements.length - 1]?.end ?? Number.NEGATIVE_INFINITY;
  const sink = new PieceSink(MAX_OUTPUT);
  let literalFrom = 0;
  const flush = (to: number) => {
    if (to <= literalFrom) return;
    // Literal text is cut where the uncertain stretch begins and ends.
    const cuts = [literalFrom, ...[firstStatement, lastStatement].filter((c) => c > literalFrom && c < to), to];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const from = cuts[i] as number;
      const end = cuts[i + 1] as number;
      const maybe = from >= firstStatement && end <= lastStatement;
      sink.push({ kind: 'literal', text: text.slice(from, end), offset: from, maybe });
    }
  };
  for (const tag of tags) {
    flush(tag.start);
    literalFrom = tag.end;
    if (tag.kind !== 'output') continue;
    const maybe = tag.start >= firstStatement && tag.end <= lastStatement;
    if (!sink.push({ kind: 'expression', text: UNKNOWN_MARK, start: tag.start, end: tag.end, maybe })) break;
  }
  flush(text.length);
  return { fragment: fragmentOf(file.path, text, 'unknown-template', sink.pieces), diagnostics: [], usedVariables: [], skipped: [] };
}

/** The tags of `text`, in order; an unclosed one runs to the end of the file as an output tag. Linear: indexOf scans. */
function tagsOf(text: string): Tag[] {
  const tags: Tag[] = [];
  let at = 0;
  while (at < text.length) {
    let start = -1;
    let opener: (typeof OPENERS)[number] = '<%';
    for (const candidate of OPENERS) {
      const found = text.indexOf(candidate, at);
      if (found >= 0 && (start < 0 || found < start)) {
        start = found;
        opener = candidate;
      }
    }
    if (start < 0) break;
    const close = text.indexOf(CLOSER[opener], start + 2);
    if (close < 0) {
      tags.push({ start, end: text.length, kind: 'output' });
      break;
    }
    const end = close + 2;
    const mark = text.charAt(start + 2);
    const kind: TagKind =
      opener === '{{' ? 'output' : opener === '{#' ? 'comment' : opener === '{%' ? 'statement' : mark === '=' ? 'output' : mark === '#' ? 'comment' : 'statement';
    tags.push({ start, end, kind });
    at = end;
  }
  return tags;
}

/**
 * Whether `text` holds a closed ERB-style tag (`<% ... %>`) on one line:
 * syntax no Go template, envsubst file or mail configuration has.
 */
export function hasErbStyleTags(text: string): boolean {
  for (const line of text.split('\n')) {
    const at = line.indexOf('<%');
    if (at >= 0 && line.indexOf('%>', at + 2) > at) return true;
  }
  return false;
}
