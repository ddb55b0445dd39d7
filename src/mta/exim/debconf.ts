/**
 * Debian's update-exim4.conf.conf: a shell file that update-exim4.conf(8)
 * sources (`. /etc/exim4/update-exim4.conf.conf`) before it writes the
 * configuration Exim runs. relaygate reads its assignments
 * (`dc_relay_nets='192.0.2.0/24'`) without running anything: single quotes
 * are literal, double quotes and bare words are literal unless they hold a
 * `$` or a backquote (an expansion relaygate does not perform: unknown). A
 * line that is not an assignment or a comment is shell code relaygate does
 * not run: every setting it could change is unknown.
 */
import { UNKNOWN_MARK } from '../../model/source.js';
import type { Diagnostic, Span } from '../../model/span.js';
import { MappedText, MappedTextBuilder } from './mapped-text.js';

export interface DebconfSetting {
  name: string;
  value: MappedText;
  /** The whole assignment. */
  span: Span;
  /** The value contains something the shell would expand. */
  unknown: boolean;
}

export interface Debconf {
  file: string;
  settings: Map<string, DebconfSetting>;
  /** Lines of shell code relaygate does not run (each may change any setting). */
  code: Span[];
  diagnostics: Diagnostic[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Reads the assignments of update-exim4.conf.conf; the last one of a name wins, as in the shell. */
export function parseDebconf(file: string, text: string): Debconf {
  const settings = new Map<string, DebconfSetting>();
  const code: Span[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i] as string;
    const lineNo = i + 1;
    const indent = raw.length - raw.trimStart().length;
    const body = raw.slice(indent).replace(/\r$/, '');
    i++;
    if (body === '' || body.startsWith('#')) continue;
    const m = NAME.exec(body);
    if (m === null) {
      code.push({ file, line: lineNo, column: indent + 1, endLine: lineNo, endColumn: raw.length + 1 });
      continue;
    }
    const name = m[0].slice(0, -1);
    // The value: quoted parts and bare characters up to unquoted white space.
    const vb = new MappedTextBuilder();
    let unknown = false;
    let line = lineNo;
    let text = body;
    // `text` is the line without its indentation: the value starts right after `name=`.
    let col = m[0].length;
    let endLine = lineNo;
    let endColumn = raw.length + 1;
    let quote: '' | "'" | '"' = '';
    let done = false;
    // A backslash that ends a line, unquoted or in double quotes, is a line
    // continuation: the shell removes it and the newline (sh(1), "Escape
    // Character" and "Double-Quotes"); in single quotes it is a backslash.
    let continued = false;
    while (!done) {
      while (col < text.length) {
        const c = text[col] as string;
        if (c === '\\' && quote !== "'" && col + 1 === text.length) {
          continued = true;
          col++;
          break;
        }
        if (quote === '') {
          if (c === ' ' || c === '\t') {
            done = true;
            break;
          }
          if (c === "'" || c === '"') {
            quote = c;
            col++;
            continue;
          }
          if (c === '$' || c === '`' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>') unknown = true;
          if (c === '\\' && col + 1 < text.length) {
            vb.char(text[col + 1] as string, file, line, indent * (line === lineNo ? 1 : 0) + col + 2);
            col += 2;
            continue;
          }
        } else if (c === quote) {
          quote = '';
          col++;
          continue;
        } else if (quote === '"') {
          if (c === '$' || c === '`') unknown = true;
          if (c === '\\' && '$`"\\'.includes(text[col + 1] ?? '')) {
            vb.char(text[col + 1] as string, file, line, (line === lineNo ? indent : 0) + col + 2);
            col += 2;
            continue;
          }
        }
        vb.char(c, file, line, (line === lineNo ? indent : 0) + col + 1);
        col++;
      }
      if (continued && i < lines.length) {
        continued = false;
        text = (lines[i] as string).replace(/\r$/, '');
        line = i + 1;
        i++;
        col = 0;
        continue;
      }
      continued = false;
      if (done || quote === '') {
        endLine = line;
        endColumn = (line === lineNo ? indent : 0) + col + 1;
        if (!done) endColumn = (lines[line - 1] ?? '').replace(/\r$/, '').length + 1;
        break;
      }
      // A quoted value continues on the next line, newline included.
      if (i >= lines.length) {
        diagnostics.push({ file, line: lineNo, column: indent + 1, message: `unterminated ${quote === "'" ? 'single' : 'double'} quote in the value of ${name}`, fatal: true });
        break;
      }
      vb.char('\n', file, line, (line === lineNo ? indent : 0) + col + 1);
      text = (lines[i] as string).replace(/\r$/, '');
      line = i + 1;
      i++;
      col = 0;
    }
    const rest = done ? text.slice(col).trim() : '';
    if (rest !== '' && !rest.startsWith('#')) {
      // `a=b command`: the shell runs a command with a set in its environment only.
      code.push({ file, line: lineNo, column: indent + 1, endLine, endColumn });
      continue;
    }
    let value = vb.build();
    if (unknown) value = MappedText.of(UNKNOWN_MARK, file, lineNo, indent + m[0].length + 1).concat(value);
    settings.set(name, {
      name,
      value,
      span: { file, line: lineNo, column: indent + 1, endLine, endColumn: endLine === lineNo ? Math.max(endColumn, indent + m[0].length + 1) : endColumn },
      unknown,
    });
  }
  return { file, settings, code, diagnostics };
}

/** A setting as update-exim4.conf sees it: unknown when shell code after it may change it. */
export function debconfValue(conf: Debconf, name: string): { value: MappedText; span: Span | null; unknown: boolean } {
  const setting = conf.settings.get(name);
  const after = (span: Span | null): boolean => conf.code.some((c) => span === null || c.line > span.line);
  if (setting === undefined) return { value: MappedText.empty(), span: null, unknown: after(null) };
  return { value: setting.value, span: setting.span, unknown: setting.unknown || after(setting.span) };
}
