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
  if (mta === 'exim' || fragment.alternatives.length === 0) return { ...fragment, text: lines.join('\n'), map: new SourceMap(segments) };
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
