import type { SourceFile } from '../../model/source.js';
import type { Diagnostic, Span } from '../../model/span.js';
import { droppedLineDiagnostics, endPositionOf, isPostfixSpace, positionOf, readLogicalLines, valuePieces, type LogicalLine, type LogicalLines } from './logical-lines.js';
import type { MasterCf, MasterOverride, MasterService } from './model.js';

/**
 * master.cf as master(5) and postconf -M / -P read it (measured against
 * Postfix 3.7):
 *
 * - Logical lines as in main.cf; one service per logical line.
 * - Fields split on whitespace outside `{ }` (mystrtokq); fewer than 8 fields
 *   is fatal ("bad field count").
 * - Arguments are parsed like the daemon's getopt ("+" mode): options until
 *   the first non-option argument or `--`; `-o VALUE` and `-oVALUE` and
 *   grouped flags (`-vo x=y`) all work. A `{ ... }` argument loses its braces
 *   and the whitespace inside them (extpar), so `-o { name = value }` works.
 * - `-o name = value` (unbraced) gives smtpd `-o name`, which it refuses:
 *   'invalid "-o name" option value: missing '=' after attribute name'.
 * - `#` after a field is an ordinary argument; smtpd and postscreen die with
 *   "unexpected command-line argument: #".
 * - Double quotes are not special.
 */
export function parseMasterCf(file: SourceFile): MasterCf {
  const lines = readLogicalLines(file.text);
  const diagnostics: Diagnostic[] = droppedLineDiagnostics(file.path, lines);
  const services: MasterService[] = [];
  for (const line of lines.lines) {
    const service = parseService(file.path, lines, line, diagnostics);
    if (service !== null) services.push(service);
  }
  return { file: file.path, services, diagnostics };
}

interface Token {
  /** As written. */
  raw: string;
  /** After extpar(): outer braces and the whitespace inside them removed. */
  text: string;
  start: number;
  end: number;
}

function isSpace(code: number): boolean {
  // CHARS_SPACE in Postfix: " \t\r\n"
  return code === 32 || code === 9 || code === 13 || code === 10;
}

/** mystrtokq(text, " \t\r\n", "{}"). */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    const start = i;
    let level = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 123) level++;
      else if (level > 0 && c === 125) level--;
      else if (level === 0 && isSpace(c)) break;
    }
    const raw = text.slice(start, i);
    tokens.push({ raw, text: raw, start, end: i });
  }
  return tokens;
}

/** extpar(&cp, "{}", EXTPAR_FLAG_STRIP): null error, or the stripped text. */
function extpar(raw: string): { text: string; error: string | null } {
  if (!raw.startsWith('{')) return { text: raw, error: null };
  let level = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === '{') level++;
    else if (c === '}' && --level === 0) {
      const text = trimSpace(raw.slice(1, i));
      if (i !== raw.length - 1) return { text, error: `syntax error after '}' in "${raw}"` };
      return { text, error: null };
    }
  }
  return { text: trimSpace(raw.slice(1)), error: `missing '}' in "${raw}"` };
}

/** Options that take an argument in the Postfix server skeletons (master_service getopt string). */
const OPTIONS_WITH_ARGUMENT = new Set(['i', 'm', 'n', 'o', 's', 't']);

/** Daemons that accept no command-line argument after the options. */
const NO_EXTRA_ARGUMENTS = new Set(['smtpd', 'postscreen']);

function span(path: string, lines: LogicalLines, line: LogicalLine, start: number, end: number): Span {
  const from = positionOf(lines, line, start);
  const to = end > start ? endPositionOf(lines, line, end - 1) : from;
  return { file: path, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function parseService(
  path: string,
  lines: LogicalLines,
  line: LogicalLine,
  diagnostics: Diagnostic[],
): MasterService | null {
  const tokens = tokenize(line.text);
  const at = (token: Token | undefined, message: string, fatal: boolean): void => {
    const p = positionOf(lines, line, token?.start ?? 0);
    diagnostics.push({ file: path, line: p.line, column: p.column, message, fatal });
  };
  if (tokens.length < 8) {
    at(tokens[0], 'bad field count', true);
    return null;
  }
  const field = (i: number): string => tokens[i]?.raw ?? '';
  const name = field(0);
  const type = field(1);
  const command = field(7);
  const args = tokens.slice(8);
  for (const arg of args) {
    const parsed = extpar(arg.raw);
    arg.text = parsed.text;
    if (parsed.error !== null) at(arg, parsed.error, false);
  }
  const daemon = command.slice(command.lastIndexOf('/') + 1);
  const overrides: MasterOverride[] = [];

  const addOverride = (optionToken: Token, valueToken: Token, value: string): void => {
    const eq = splitNameValue(value);
    if (eq === null) {
      at(valueToken, `invalid "-o ${value}" option value: missing '=' after attribute name`, true);
      return;
    }
    if (eq.name === '') {
      at(valueToken, `invalid "-o ${value}" option value: missing attribute name`, true);
      return;
    }
    // The value's characters are in the token as written (extpar() and split_nameval() only trim around them).
    const eqAt = valueToken.raw.indexOf('=');
    let start = valueToken.start + eqAt + 1;
    while (start < valueToken.end && isPostfixSpace(line.text.charCodeAt(start))) start++;
    overrides.push({
      name: eq.name,
      value: eq.value,
      span: span(path, lines, line, optionToken.start, valueToken.end),
      valuePieces: eqAt < 0 ? [] : valuePieces(path, lines, line, start, Math.min(valueToken.end, start + eq.value.length)),
    });
  };

  // getopt("+..."): options until the first non-option argument or `--`.
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] as Token;
    const text = arg.text;
    if (text === '--') {
      i++;
      break;
    }
    if (!text.startsWith('-') || text === '-') break;
    for (let k = 1; k < text.length; k++) {
      const option = text.charAt(k);
      if (!OPTIONS_WITH_ARGUMENT.has(option)) continue;
      let valueToken: Token;
      let value: string;
      if (k + 1 < text.length) {
        valueToken = arg;
        value = extpar(text.slice(k + 1)).text;
      } else {
        const next = args[i + 1];
        if (next === undefined) {
          at(arg, `option requires an argument -- '${option}'`, true);
          break;
        }
        i++;
        valueToken = next;
        value = next.text;
      }
      if (option === 'o') addOverride(arg, valueToken, value);
      break;
    }
  }
  const extra = args[i];
  if (extra !== undefined && NO_EXTRA_ARGUMENTS.has(daemon)) {
    at(extra, `unexpected command-line argument: ${extra.text}`, true);
  }

  const { host, port } = splitServiceName(name, type);
  const first = tokens[0] as Token;
  const last = tokens[tokens.length - 1] as Token;
  return {
    name,
    host,
    port,
    type,
    private: field(2),
    unprivileged: field(3),
    chroot: field(4),
    wakeup: field(5),
    maxproc: field(6),
    command,
    args: args.map((a) => a.raw),
    overrides,
    span: span(path, lines, line, first.start, last.end),
    nameSpan: span(path, lines, line, first.start, first.end),
    smtpd: daemon === 'smtpd',
    postscreen: daemon === 'postscreen',
    pass: type === 'pass',
  };
}

/** split_nameval() on a `-o` value: the name stops at whitespace or `=`. */
function splitNameValue(text: string): { name: string; value: string } | null {
  const t = trimSpace(text);
  let ep = 0;
  while (ep < t.length && !/[ \t\r\n\v\f=]/.test(t.charAt(ep))) ep++;
  let cp = ep;
  while (cp < t.length && /[ \t\r\n\v\f]/.test(t.charAt(cp))) cp++;
  if (t.charAt(cp) !== '=') return t.length === 0 || t.charAt(0) === '=' ? { name: '', value: '' } : null;
  return { name: t.slice(0, ep), value: trimSpace(t.slice(cp + 1)) };
}

function trimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPostfixSpace(text.charCodeAt(start))) start++;
  while (end > start && isPostfixSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/**
 * master(5): an inet service name is `[host:]port`; `[ipv6]:port` keeps the
 * brackets out of the host. Other service types have no host.
 */
export function splitServiceName(name: string, type: string): { host: string | null; port: string } {
  if (type !== 'inet') return { host: null, port: name };
  if (name.startsWith('[')) {
    const close = name.indexOf(']');
    if (close > 0 && name.charAt(close + 1) === ':') {
      return { host: name.slice(1, close), port: name.slice(close + 2) };
    }
  }
  const colon = name.lastIndexOf(':');
  if (colon < 0) return { host: null, port: name };
  return { host: name.slice(0, colon), port: name.slice(colon + 1) };
}
