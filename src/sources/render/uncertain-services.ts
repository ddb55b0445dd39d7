/**
 * master.cf text rendered from a template whose branches depend on unknown
 * data: the services that may or may not exist listen on an unknown host.
 */
import { UNKNOWN_MARK } from '../../model/source.js';
import { SourceMap, type Fragment, type MapSegment } from '../contracts/fragment.js';

/** A master.cf inet service line: name, then `inet` as the type field (master(5)). */
const INET_SERVICE = /^([^\s#]\S*)([ \t]+)inet([ \t]|$)/;

/** `127.0.0.1:smtp` -> `<unknown>:smtp`: the service may or may not listen, on a host we cannot tell. */
function uncertainName(name: string): string {
  const colon = name.lastIndexOf(':');
  return `${UNKNOWN_MARK}:${colon >= 0 ? name.slice(colon + 1) : name}`;
}

/**
 * master.cf services under a branch the renderer could not decide may or may
 * not exist: a rendered one (a maybe line) gets an unknown host, and the inet
 * services of an untaken branch are added with an unknown host, so the
 * listener set is unknown rather than silently the rendered branch's. Their
 * `-o` lines come along.
 */
export function markUncertainServices(fragment: Fragment, templateText: string): Fragment {
  if (fragment.maybeLines.size === 0 && fragment.alternatives.length === 0) return fragment;
  const lines = fragment.text.endsWith('\n') ? fragment.text.slice(0, -1).split('\n') : fragment.text.split('\n');
  let segments: MapSegment[] = [...fragment.map.segments];
  for (const line of fragment.maybeLines) {
    const text = lines[line - 1];
    const m = text === undefined ? null : INET_SERVICE.exec(text);
    if (text === undefined || m === null || m[1] === undefined) continue;
    const renamed = uncertainName(m[1]);
    lines[line - 1] = renamed + text.slice(m[1].length);
    // The rewritten line maps, as one piece, to the template text it came from.
    const own = segments.filter((seg) => seg.line === line);
    const first = own[0];
    const last = own[own.length - 1];
    if (first === undefined || last === undefined) continue;
    const to = last.kind === 'literal' ? { line: last.from.line, column: last.from.column + (last.endColumn - last.column) } : last.to;
    const whole: MapSegment = { line, column: 1, endColumn: (lines[line - 1] ?? '').length + 1, kind: 'expression', from: first.from, to };
    segments = [...segments.filter((seg) => seg.line !== line), whole];
  }
  const templateLines = templateText.split('\n');
  for (const alternative of fragment.alternatives) {
    let inService = false;
    for (let line = alternative.line; line <= alternative.endLine; line++) {
      let text = templateLines[line - 1] ?? '';
      if (line === alternative.line) text = text.slice(alternative.column - 1);
      if (text.includes('{%') || text.includes('{{')) {
        inService = false;
        continue;
      }
      const m = INET_SERVICE.exec(text);
      let added: string | null = null;
      if (m !== null && m[1] !== undefined) {
        inService = true;
        added = uncertainName(m[1]) + text.slice(m[1].length);
      } else if (inService && /^[ \t]+\S/.test(text) && !/^[ \t]*#/.test(text)) {
        added = text;
      } else if (!/^[ \t]*(#|$)/.test(text)) {
        inService = false;
      }
      if (added === null) continue;
      lines.push(added);
      segments.push({
        line: lines.length,
        column: 1,
        endColumn: added.length + 1,
        kind: 'expression',
        from: { line, column: 1 },
        to: { line, column: Math.max(2, (templateLines[line - 1] ?? '').length + 1) },
      });
    }
  }
  return { ...fragment, text: `${lines.join('\n')}\n`, map: new SourceMap(segments) };
}
