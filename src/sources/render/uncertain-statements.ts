/**
 * Exim and OpenSMTPD text rendered from a template whose branches or loops
 * depend on unknown data: a line that may or may not be in the real file
 * must not let a rule pass (nor fail for certain) on the branch the renderer
 * happened to take. Such lines get UNKNOWN_MARK where the parsers read it as
 * "a value relaygate could not resolve" (src/mta/exim/acl-eval.ts,
 * src/mta/opensmtpd/parser.ts), at the end of the line so that no other
 * column moves:
 * - OpenSMTPD: a trailing unknown word (its parser turns a syntax error in a
 *   statement holding an unknown value into an unknown statement);
 * - Exim: an ACL statement gets one more line, an unknown `condition`
 *   (exim spec, "Format of an ACL": lines up to the next verb belong to the
 *   statement), so it may or may not apply; a `name = value` line an unknown
 *   last item; other lines (`begin`, a driver's name, `.ifdef`) stay.
 */
import { UNKNOWN_MARK } from '../../model/source.js';
import { SourceMap, type Fragment, type MapSegment } from '../contracts/fragment.js';

/** An Exim ACL statement's verb (exim spec, "Format of an ACL"), alone or followed by conditions. */
const EXIM_VERB = /^[ \t]*(?:accept|defer|deny|discard|drop|require|warn)(?=[ \t]|$)/;

/** An Exim `name = value` line (an option, a list, an ACL condition continuing a statement). */
const EXIM_SETTING = /^[ \t]*[A-Za-z_]\w*(?:[ \t]+[A-Za-z_]\w*)?[ \t]*=/;

export function markUncertainStatements(fragment: Fragment, mta: 'exim' | 'opensmtpd', templateText: string): Fragment {
  const input = fragment.text.split('\n');
  const lines: string[] = [];
  const segments: MapSegment[] = [];
  const byLine = new Map<number, MapSegment[]>();
  for (const segment of fragment.map.segments) byLine.set(segment.line, [...(byLine.get(segment.line) ?? []), segment]);
  input.forEach((text, i) => {
    const line = i + 1;
    const own = byLine.get(line) ?? [];
    lines.push(text);
    const at = lines.length;
    for (const segment of own) segments.push({ ...segment, line: at });
    if (!fragment.maybeLines.has(line)) return;
    const body = text.replace(/\r$/, '');
    if (body.trim() === '' || body.trimStart().startsWith('#') || body.includes(UNKNOWN_MARK)) return;
    if (mta === 'opensmtpd') {
      lines[at - 1] = `${body} ${UNKNOWN_MARK}${text.slice(body.length)}`;
      return;
    }
    if (EXIM_VERB.test(body)) {
      // The statement may not be there: it may not apply, as if it had a condition relaygate cannot read.
      const added = `  condition = ${UNKNOWN_MARK}`;
      lines.push(added);
      const start = body.length - body.trimStart().length + 1;
      const from = fragment.map.start(line, start);
      const to = fragment.map.end(line, body.trimEnd().length + 1);
      segments.push({ line: lines.length, column: 1, endColumn: added.length + 1, kind: 'expression', from, to });
    } else if (EXIM_SETTING.test(body) && !body.trimEnd().endsWith('\\')) {
      lines[at - 1] = `${body}${UNKNOWN_MARK}${text.slice(body.length)}`;
    }
  });
  if (mta === 'exim') return withEximAlternatives(fragment, lines, segments, templateText);
  if (fragment.alternatives.length === 0) return { ...fragment, text: lines.join('\n'), map: new SourceMap(segments) };
  // smtpd.conf: a branch not rendered may hold any statement (a `match ... action relay`):
  // one statement made of an unknown value stands for it, mapped to the branch.
  const templateLines = templateText.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (const alternative of fragment.alternatives) {
    lines.push(UNKNOWN_MARK);
    const length = (templateLines[alternative.line - 1] ?? '').length;
    segments.push({
      line: lines.length,
      column: 1,
      endColumn: 2,
      kind: 'expression',
      from: { line: alternative.line, column: alternative.column },
      to: { line: alternative.line, column: Math.max(alternative.column + 1, length + 1) },
    });
  }
  return { ...fragment, text: `${lines.join('\n')}\n`, map: new SourceMap(segments) };
}

/**
 * Exim: a branch not rendered may hold any line (an `accept hosts = *`, a
 * main option, a whole ACL), and where it stands decides what it does (ACL
 * statements apply in order). One `.include` of unknown text stands for it
 * right after the rendered text that comes before the branch in the
 * template, mapped to the branch: Exim's reader takes it as a file that
 * may hold anything (src/mta/exim/config.ts), so no rule passes over it.
 */
function withEximAlternatives(fragment: Fragment, lines: string[], segments: MapSegment[], templateText: string): Fragment {
  if (fragment.alternatives.length === 0) return { ...fragment, text: lines.join('\n'), map: new SourceMap(segments) };
  const before = (p: { line: number; column: number }, a: { line: number; column: number }): boolean => p.line < a.line || (p.line === a.line && p.column < a.column);
  const last = lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  // The rendered line after which each branch would render: the last one holding template text before it.
  const after = new Map<number, { line: number; column: number }[]>();
  for (const alternative of fragment.alternatives) {
    let at = 0;
    for (const segment of segments) if (segment.file === undefined && before(segment.from, alternative) && segment.line > at) at = segment.line;
    const list = after.get(Math.min(at, last)) ?? [];
    list.push({ line: alternative.line, column: alternative.column });
    after.set(Math.min(at, last), list);
  }
  const templateLines = templateText.split('\n');
  const out: string[] = [];
  const moved: MapSegment[] = [];
  const byLine = new Map<number, MapSegment[]>();
  for (const segment of segments) byLine.set(segment.line, [...(byLine.get(segment.line) ?? []), segment]);
  const insert = (at: number): void => {
    for (const alternative of after.get(at) ?? []) {
      const text = `.include ${UNKNOWN_MARK}`;
      out.push(text);
      const length = (templateLines[alternative.line - 1] ?? '').length;
      moved.push({
        line: out.length,
        column: 1,
        endColumn: text.length + 1,
        kind: 'expression',
        from: alternative,
        to: { line: alternative.line, column: Math.max(alternative.column + 1, length + 1) },
      });
    }
  };
  insert(0);
  lines.forEach((text, i) => {
    out.push(text);
    for (const segment of byLine.get(i + 1) ?? []) moved.push({ ...segment, line: out.length });
    insert(i + 1);
  });
  return { ...fragment, text: out.join('\n'), map: new SourceMap(moved) };
}
