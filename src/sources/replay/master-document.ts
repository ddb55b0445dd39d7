/**
 * master.cf being edited as postconf(1) edits it (postconf_edit.c,
 * pcf_edit_master; postconf_master.c):
 * - an entry is a line that starts in column 1 with its continuation lines;
 *   comment and blank lines stay where they are;
 * - `-M name/type=entry` replaces the first entry matching the pattern or the
 *   new entry's own name/type, removes the other matches, and adds the entry
 *   at the end when nothing matches;
 * - `-F`, `-P`, `-PX` rewrite the matching entries (postconf prints them
 *   again in its own layout: fields in columns, each `-o` on its own line);
 *   nothing matching is only a warning;
 * - `-MX` removes, `-M#` comments out the matching entries;
 * - `*` matches any name or type.
 * An entry written under a condition relaygate could not decide, or one an
 * edit may or may not have changed, may or may not be there: it is kept,
 * and its service listens on an unknown host.
 */
import type { Form } from '../../model/configuration.js';
import { UNKNOWN_MARK, isUnknown } from '../../model/source.js';
import type { Span } from '../../model/span.js';
import { parseMasterCf } from '../../mta/postfix/master-cf.js';
import type { MasterCf } from '../../mta/postfix/model.js';
import type { MasterField } from '../contracts/edits.js';
import { remapSpans } from '../contracts/fragment.js';
import { documentFragment, DOCUMENT_PATH, type DocLine } from './document.js';
import { MappedLine } from './mapped-line.js';
import { entryFieldRanges } from '../languages/shell/postconf.js';

type Tri = true | false | 'unknown';

interface Entry {
  /** Indexes of the entry's lines (the first, then its continuation lines). */
  lines: number[];
  name: string;
  type: string;
}

/** The eight columns of an entry and the arguments after them, each token with its origins. */
interface Tokens {
  fields: MappedLine[];
  args: MappedLine[];
}

const FIELD_INDEX: Record<MasterField, number> = { service: 0, type: 1, private: 2, unprivileged: 3, chroot: 4, wakeup: 5, process_limit: 6, command: 7 };

function startsEntry(text: string): boolean {
  return text !== '' && !/^[ \t\r#]/.test(text);
}

function continuation(text: string): boolean {
  return /^[ \t]/.test(text) && !/^[ \t\r]*(#|$)/.test(text);
}

/** Does a pattern part (`*`, a name, or unknown text) match an entry's name or type? */
function matchPart(pattern: string, value: string): Tri {
  if (pattern === '*') return true;
  if (isUnknown(pattern) || isUnknown(value)) return 'unknown';
  return pattern === value;
}

function and(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : 'unknown';
}

function or(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  return a === false && b === false ? false : 'unknown';
}

/** Whitespace-separated tokens outside `{ }` (argv_splitq with braces), as slices of the line. */
function split(line: MappedLine): MappedLine[] {
  return entryFieldRanges(line.text).map(([start, end]) => line.slice(start, end));
}

/**
 * pcf_normalize_daemon_args(), as postconf rewrites the options of an entry
 * it edits: an option word is cut before any later `o` (only `-o` takes a
 * value: `-vo x=y` becomes `-v -o x=y`, and so `-osyslog_name=x` becomes
 * `-o sysl -o g_name=x`, which is what the file then holds), `-oname=value`
 * becomes `-o name=value`, and `-o { name = value }` becomes `name=value`
 * (braced again when the value holds whitespace).
 */
function normalize(args: MappedLine[], span: Span): MappedLine[] {
  const out = [...args];
  for (let i = 0; i < out.length; i++) {
    let arg = out[i] as MappedLine;
    if (!arg.text.startsWith('-') || arg.text === '--') break;
    const later = arg.text.indexOf('o', 2);
    if (later >= 2) {
      out.splice(i, 1, arg.slice(0, later), MappedLine.generated('-', span).concat(arg.slice(later)));
      arg = out[i] as MappedLine;
    }
    if (arg.text[1] !== 'o') continue;
    if (arg.text.length > 2) {
      out.splice(i, 1, arg.slice(0, 2), arg.slice(2));
      i++;
    } else if (i + 1 < out.length) i++;
    else continue;
    out[i] = braced(out[i] as MappedLine, span);
  }
  return out;
}

function braced(value: MappedLine, span: Span): MappedLine {
  if (!value.text.startsWith('{') || !value.text.endsWith('}')) return value;
  const inner = trim(value.slice(1, value.text.length - 1));
  const at = inner.text.indexOf('=');
  if (at < 0) return inner;
  const joined = trim(inner.slice(0, at)).concat(inner.slice(at, at + 1), trim(inner.slice(at + 1)));
  return /[ \t]/.test(joined.text) ? MappedLine.generated('{', span).concat(joined, MappedLine.generated('}', span)) : joined;
}

function trim(line: MappedLine): MappedLine {
  const start = line.text.length - line.text.trimStart().length;
  return line.slice(start, line.text.trimEnd().length);
}

/** Where each field starts in postconf's layout (pcf_print_master_entry). */
const COLUMNS = [0, 11, 17, 25, 33, 41, 49, 57];

/** An entry printed as postconf prints one it edited: columns, each `-o` pair on its own continuation line. */
function render(tokens: Tokens, span: Span): MappedLine[] {
  let first = MappedLine.EMPTY;
  tokens.fields.forEach((field, i) => {
    const column = COLUMNS[i] ?? 0;
    const pad = i === 0 ? 0 : Math.max(1, column - first.text.length);
    first = first.concat(MappedLine.generated(' '.repeat(pad), span), field);
  });
  const lines: MappedLine[] = [first];
  const args = tokens.args;
  let current = 0;
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as MappedLine;
    if (options && (!arg.text.startsWith('-') || arg.text === '--')) options = false;
    if (options && arg.text === '-o' && i + 1 < args.length) {
      lines.push(MappedLine.generated('    ', span).concat(arg, MappedLine.generated(' ', span), args[++i] as MappedLine));
      current = lines.length - 1;
      continue;
    }
    const line = lines[current] as MappedLine;
    if (current > 0 && line.text.length + arg.text.length > 78) {
      lines.push(MappedLine.generated('    ', span).concat(arg));
      current = lines.length - 1;
    } else lines[current] = line.concat(MappedLine.generated(' ', span), arg);
  }
  return lines;
}

export class MasterDocument {
  lines: DocLine[] = [];
  /** Services relaygate has not seen may exist (master.cf of a base it does not know). */
  unseen = false;
  readonly notes: string[] = [];

  private entries(): Entry[] {
    const out: Entry[] = [];
    for (let i = 0; i < this.lines.length; i++) {
      const text = (this.lines[i] as DocLine).line.text;
      if (!startsEntry(text)) continue;
      const lines = [i];
      for (let j = i + 1; j < this.lines.length; j++) {
        const t = (this.lines[j] as DocLine).line.text;
        if (continuation(t)) lines.push(j);
        else if (startsEntry(t)) break;
      }
      const [name = '', type = ''] = text.trim().split(/[ \t]+/);
      out.push({ lines, name, type });
    }
    return out;
  }

  private tokens(entry: Entry): Tokens {
    let joined = MappedLine.EMPTY;
    entry.lines.forEach((i, k) => {
      const line = (this.lines[i] as DocLine).line;
      const at = line.firstSpan() ?? joined.firstSpan();
      joined = k === 0 || at === null ? joined.concat(line) : joined.concat(MappedLine.generated(' ', at), line);
    });
    const all = split(joined);
    return { fields: all.slice(0, 8), args: all.slice(8) };
  }

  write(lines: DocLine[]): void {
    this.lines = lines;
    this.unseen = false;
  }

  append(lines: DocLine[]): void {
    this.lines.push(...lines);
  }

  /**
   * Rewrites the entries `match` selects: `change` gives the new lines of
   * an entry (empty: removed); a match that may or may not hold, or an edit
   * that may not happen, keeps the old entry and adds the new one, both maybe.
   */
  private rewrite(match: (e: Entry) => Tri, change: (e: Entry, first: boolean) => DocLine[] | null, maybe: boolean): { definite: number; any: number } {
    const entries = this.entries();
    const replace = new Map<number, DocLine[]>();
    let definite = 0;
    let any = 0;
    for (const entry of entries) {
      const m = match(entry);
      if (m === false) continue;
      any++;
      const sure = m === true && !maybe;
      if (sure) definite++;
      const changed = change(entry, sure ? definite === 1 : false);
      if (changed === null) continue;
      const old = entry.lines.map((i) => this.lines[i] as DocLine);
      if (sure) replace.set(entry.lines[0] as number, changed);
      else replace.set(entry.lines[0] as number, [...old.map((l) => ({ ...l, maybe: true })), ...changed.map((l) => ({ ...l, maybe: true }))]);
      for (const i of entry.lines.slice(1)) replace.set(i, []);
    }
    const out: DocLine[] = [];
    this.lines.forEach((l, i) => {
      const r = replace.get(i);
      if (r === undefined) out.push(l);
      else out.push(...r);
    });
    this.lines = out;
    return { definite, any };
  }

  /** `postconf -M service/type=entry`. */
  entry(service: string, type: string, entryLine: DocLine, maybe: boolean, span: Span): void {
    let fields = split(entryLine.line);
    let uncertain = false;
    if (fields.length < 8 && isUnknown(entryLine.line.text)) {
      // Text relaygate cannot read may be any entry: an SMTP server with any override, perhaps.
      const whole = entryLine.line;
      const own = fields[0] ?? whole;
      const at = whole.firstSpan() ?? span;
      fields = [own, ...['inet', '-', '-', '-', '-', '-', 'smtpd', '-o', `${UNKNOWN_MARK}=${UNKNOWN_MARK}`].map((t) => MappedLine.generated(t, at))];
      uncertain = true;
    }
    const ownName = fields[0]?.text ?? UNKNOWN_MARK;
    const ownType = fields[1]?.text ?? UNKNOWN_MARK;
    const newLines = (): DocLine[] => render({ fields: fields.slice(0, 8), args: normalize(fields.slice(8), span) }, span).map((line) => ({ line, maybe: entryLine.maybe || uncertain }));
    const result = this.rewrite(
      (e) => or(and(matchPart(service, e.name), matchPart(type, e.type)), and(matchPart(ownName, e.name), matchPart(ownType, e.type))),
      (_, first) => (first ? newLines() : []),
      maybe,
    );
    // With no match it is added; with only undecided matches it is there either way (added, or in their place).
    if (result.definite === 0) this.lines.push(...newLines().map((l) => ({ ...l, maybe: l.maybe || maybe })));
  }

  /** `postconf -MX` (removed) / `-M#` (commented out); whether any entry may have changed. */
  remove(service: string, type: string, comment: boolean, maybe: boolean, span: Span): boolean {
    const commented = (e: Entry): DocLine[] => e.lines.map((i) => ({ ...(this.lines[i] as DocLine), line: MappedLine.generated('#', span).concat((this.lines[i] as DocLine).line) }));
    return this.rewrite((e) => and(matchPart(service, e.name), matchPart(type, e.type)), (e) => (comment ? commented(e) : []), maybe).any > 0;
  }

  /** `postconf -F service/type/field=value`; whether any entry may have changed. */
  field(service: string, type: string, field: MasterField, value: MappedLine, maybe: boolean, span: Span, where: string): boolean {
    const result = this.rewrite(
      (e) => and(matchPart(service, e.name), matchPart(type, e.type)),
      (e) => {
        const tokens = this.tokens(e);
        const at = FIELD_INDEX[field];
        if (field === 'command') {
          const words = split(value);
          return this.rendered({ fields: [...tokens.fields.slice(0, 7), ...words.slice(0, 1)], args: normalize(words.slice(1), span) }, span, e);
        }
        const fields = [...tokens.fields];
        fields[at] = value;
        return this.rendered({ fields, args: normalize(tokens.args, span) }, span, e);
      },
      maybe,
    );
    return this.unmatched(result.any, service, type, where, () => {
      const fields = [service, type, '-', '-', '-', '-', '-', 'smtpd'].map((t) => MappedLine.generated(t, span));
      fields[FIELD_INDEX[field]] = value;
      return { fields, args: [] };
    }, span);
  }

  /**
   * `postconf -P service/type/parameter=value`: every `-o parameter=` replaced,
   * or one added before the first non-option argument; `value` null: `-PX`,
   * removed. Whether any entry may have changed.
   */
  parameter(service: string, type: string, parameter: string, value: MappedLine | null, maybe: boolean, span: Span, where: string): boolean {
    const setting = value === null ? null : MappedLine.generated(`${parameter}=`, span).concat(value);
    const result = this.rewrite(
      (e) => and(matchPart(service, e.name), matchPart(type, e.type)),
      (e) => {
        const tokens = this.tokens(e);
        const args = normalize(tokens.args, span);
        const out: MappedLine[] = [];
        let found = false;
        let i = 0;
        for (; i < args.length; i++) {
          const arg = args[i] as MappedLine;
          if (!arg.text.startsWith('-') || arg.text === '--') break;
          if (arg.text === '-o' && i + 1 < args.length) {
            const next = args[++i] as MappedLine;
            if (next.text.startsWith(`${parameter}=`)) {
              found = true;
              if (setting !== null) out.push(arg, setting);
            } else out.push(arg, next);
            continue;
          }
          out.push(arg);
        }
        if (!found && setting !== null) out.push(MappedLine.generated('-o', span), setting);
        return this.rendered({ fields: tokens.fields, args: [...out, ...args.slice(i)] }, span, e);
      },
      maybe,
    );
    if (value === null) return result.any > 0;
    return this.unmatched(result.any, service, type, where, () => ({
      fields: [service, type, '-', '-', '-', '-', '-', 'smtpd'].map((t) => MappedLine.generated(t, span)),
      args: [MappedLine.generated('-o', span), setting as MappedLine],
    }), span);
  }

  private rendered(tokens: Tokens, span: Span, e: Entry): DocLine[] {
    const maybe = e.lines.some((i) => (this.lines[i] as DocLine).maybe);
    return render(tokens, span).map((line) => ({ line, maybe }));
  }

  /**
   * An edit of a service master.cf does not have changes nothing (postconf
   * warns). When master.cf holds services relaygate has not seen, that
   * service may exist: an SMTP listener of it may or may not be there.
   */
  private unmatched(matched: number, service: string, type: string, where: string, entry: () => Tokens, span: Span): boolean {
    if (matched > 0) return true;
    if (!this.unseen || service === '*' || (type !== 'inet' && type !== '*' && !isUnknown(type))) {
      this.notes.push(`${where}: postconf names ${service}/${type}, which master.cf does not define; ignored`);
      return false;
    }
    this.lines.push(...render(entry(), span).map((line) => ({ line, maybe: true })));
    return true;
  }

  /** The services, as master(8) reads the file; one on a maybe line listens on a host relaygate cannot tell. */
  masterCf(form: Form, file: string): MasterCf {
    const fragment = documentFragment(this.lines, form);
    const parsed = parseMasterCf({ path: DOCUMENT_PATH, text: fragment.text, role: 'master.cf' });
    const services = parsed.services.map((s) => {
      const maybe = this.lines[s.span.line - 1]?.maybe === true;
      if (!maybe || s.type !== 'inet') return s;
      return { ...s, name: `${UNKNOWN_MARK}:${s.port}`, host: UNKNOWN_MARK };
    });
    const remapped = remapSpans({ ...parsed, services }, fragment);
    return { ...remapped, file };
  }
}
