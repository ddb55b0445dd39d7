/** A main.cf parameter name inside a lineinfile `regexp` or `line`, as an index range. */
export interface NameRange {
  from: number;
  to: number;
}

/** What may precede the name in a regexp that targets a (possibly commented) definition. */
const REGEXP_PREFIXES = ['^', '\\s*', '\\s+', '[ \\t]*', '[[:space:]]*', '#?', '#*', '(#)?', '(# *)?', '(#\\s*)?', '#\\s*', '# ?', '#', ' ', '\t'];

const NAME = /^[A-Za-z][A-Za-z0-9_]*/;
/** A line's name may be (partly) an unresolved expression: `{{ item.key }} = ...` over unknown data sets "some" parameter. */
const LINE_NAME = /^[A-Za-z\uE000][A-Za-z0-9_\uE000]*/;

/**
 * `^inet_interfaces`, `^#?\s*inet_interfaces\s*=`, `^smtpd_client_restrictions =.*`:
 * the parameter name the regexp anchors on. null when the regexp does not
 * start (after an optional comment prefix) with a name followed by its end
 * or a separator (`^[a-z]+`, `^relay(host|_domains)` name no one parameter).
 * A bare `^name` also matches longer names in principle; roles write it to
 * mean the parameter, and we read it so.
 */
export function parameterOfRegexp(regexp: string): NameRange | null {
  let at = 0;
  for (let round = 0; round < 8; round++) {
    const prefix = REGEXP_PREFIXES.find((p) => regexp.startsWith(p, at));
    if (prefix === undefined) break;
    at += prefix.length;
  }
  const match = NAME.exec(regexp.slice(at));
  if (match === null) return null;
  const to = at + match[0].length;
  const next = regexp.charAt(to);
  if (next !== '' && /[A-Za-z0-9_]/.test(next)) return null;
  if (next === '' || next === ' ' || next === '=' || next === '\t' || next === '\\' || next === '[' || next === '(' || next === '.' || next === '$') {
    return { from: at, to };
  }
  return null;
}

/** `name = value` (or `#name = value`) at the start of a main.cf line. */
export function parameterOfLine(line: string): (NameRange & { commented: boolean }) | null {
  let at = 0;
  let commented = false;
  if (line.charAt(0) === '#') {
    commented = true;
    at = 1;
    while (line.charAt(at) === ' ' || line.charAt(at) === '\t') at++;
  }
  const match = LINE_NAME.exec(line.slice(at));
  if (match === null) return null;
  let after = at + match[0].length;
  while (line.charAt(after) === ' ' || line.charAt(after) === '\t') after++;
  if (line.charAt(after) !== '=') return null;
  return { from: at, to: at + match[0].length, commented };
}
