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
  const known = markUnknownFields(fragment);
  if (known.maybeLines.size === 0 && known.alternatives.length === 0) return known;
  return markUncertainBranches(known, templateText);
}

const U = UNKNOWN_MARK;
/** A service relaygate cannot read: it may listen anywhere, run smtpd, and override any parameter. */
const UNKNOWN_OVERRIDE = `-o ${U}=${U}`;
/** Service types a client reaches smtpd through (inet) or that postscreen hands connections to (pass). */
const RECEIVING_TYPES: ReadonlySet<string> = new Set(['inet', 'pass']);

/** Whitespace-separated fields (master(5) splits on " \t"; braces are not needed here: marked fields are rewritten whole). */
function fields(text: string): string[] {
  return text.split(/[ \t]+/).filter((f) => f !== '');
}

/** Argument words holding unknown text become overrides of an unknown parameter (`-o x` with x unknown, or a bare word). */
function unknownArguments(words: string[]): string[] {
  const out: string[] = [];
  words.forEach((word, i) => {
    if (!word.includes(U) || (word.includes('=') && words[i - 1] === '-o')) out.push(word);
    else if (words[i - 1] === '-o') out.push(`${U}=${U}`);
    else out.push(UNKNOWN_OVERRIDE);
  });
  return out;
}

/**
 * A service line with unknown text in its first eight fields (a loop over
 * unknown data renders `{{ s.name }} {{ s.type }} ...`), or one that unknown
 * text leaves short of eight fields (`{{ service_line }}`, which may be any
 * number of lines): Postfix may read any service there. One that may
 * receive mail becomes an smtpd on an unknown host (a known host:port is
 * kept) whose parameters may all be overridden, so the verdict is
 * indeterminate rather than "nothing listens" or "bad field count". A
 * service of a known type that receives nothing (unix, fifo) stays one,
 * with its unknown fields as placeholders.
 */
function rewriteService(text: string): string {
  const f = fields(text);
  const head = f.slice(0, 8);
  if (head.length === 8 && !head.some((w) => w.includes(U))) return [...head, ...unknownArguments(f.slice(8))].join(' ');
  const [name = U, type = U] = f;
  if (!type.includes(U) && !RECEIVING_TYPES.has(type)) return `${name} ${type} - - - - - ${U}`;
  const colon = name.lastIndexOf(':');
  const host = colon > 0 ? name.slice(0, colon) : '';
  const port = colon >= 0 ? name.slice(colon + 1) : name;
  // A name without a host binds every inet_interfaces address; one that is unknown may have any host.
  const listen = type === 'pass' ? name : `${host.includes(U) || host === '' ? U : host}:${port.includes(U) || port === '' ? U : port}`;
  return `${listen} ${type.includes(U) ? 'inet' : type} n - n - - smtpd ${UNKNOWN_OVERRIDE}`;
}

/** Rendered master.cf lines with unknown text in a field, rewritten as rewriteService says; continuation lines get unknown overrides. */
function markUnknownFields(fragment: Fragment): Fragment {
  if (!fragment.text.includes(U)) return fragment;
  const trailing = fragment.text.endsWith('\n');
  const lines = (trailing ? fragment.text.slice(0, -1) : fragment.text).split('\n');
  const rewritten = new Map<number, string>();
  lines.forEach((text, i) => {
    if (!text.includes(U) || /^[ \t]*#/.test(text)) return;
    const continuation = /^[ \t]/.test(text);
    const next = continuation ? `  ${unknownArguments(fields(text)).join(' ')}` : rewriteService(text);
    if (next !== text) rewritten.set(i + 1, next);
  });
  if (rewritten.size === 0) return fragment;
  let segments: MapSegment[] = [...fragment.map.segments];
  for (const [line, text] of rewritten) {
    lines[line - 1] = text;
    segments = wholeLine(segments, line, text.length);
  }
  return { ...fragment, text: `${lines.join('\n')}${trailing ? '\n' : ''}`, map: new SourceMap(segments) };
}

/** The rewritten line maps, as one piece, to the template text it came from. */
function wholeLine(segments: MapSegment[], line: number, length: number): MapSegment[] {
  const own = segments.filter((seg) => seg.line === line);
  const first = own[0];
  const last = own[own.length - 1];
  if (first === undefined || last === undefined) return segments;
  const to = last.kind === 'literal' ? { line: last.from.line, column: last.from.column + (last.endColumn - last.column) } : last.to;
  const whole: MapSegment = { line, column: 1, endColumn: length + 1, kind: 'expression', from: first.from, to };
  return [...segments.filter((seg) => seg.line !== line), whole];
}

function markUncertainBranches(fragment: Fragment, templateText: string): Fragment {
  const lines = fragment.text.endsWith('\n') ? fragment.text.slice(0, -1).split('\n') : fragment.text.split('\n');
  let segments: MapSegment[] = [...fragment.map.segments];
  for (const line of fragment.maybeLines) {
    const text = lines[line - 1];
    const m = text === undefined ? null : INET_SERVICE.exec(text);
    if (text === undefined || m === null || m[1] === undefined) continue;
    const renamed = uncertainName(m[1]);
    lines[line - 1] = renamed + text.slice(m[1].length);
    segments = wholeLine(segments, line, (lines[line - 1] ?? '').length);
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
