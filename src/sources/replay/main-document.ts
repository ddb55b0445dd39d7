/**
 * main.cf being edited, line by line, as postconf(1) edits it
 * (postconf_edit.c): `-e` replaces every definition of a name where it
 * stands (its continuation lines with it) and adds one at the end when there
 * is none; `-X` removes them, `-#` comments them out. A definition whose name
 * relaygate cannot read may be any parameter: an edit that names one
 * records that the unknown line is not that name any more (postconf would
 * have rewritten it).
 */
import type { Form } from '../../model/configuration.js';
import { isUnknown } from '../../model/source.js';
import type { Diagnostic } from '../../model/span.js';
import type { Span } from '../../model/span.js';
import { parseMainCf } from '../../mta/postfix/main-cf.js';
import type { MainCfParameter } from '../../mta/postfix/model.js';
import { remapSpans } from '../contracts/fragment.js';
import { documentFragment, DOCUMENT_PATH, type DocLine } from './document.js';
import { MappedLine } from './mapped-line.js';
import { markUnknown } from './piece.js';

/** A line that starts a main.cf definition: no leading whitespace, not a comment, with `=`; its name. */
function definitionName(text: string): string | null {
  if (text === '' || /^[ \t\r]/.test(text) || text.startsWith('#')) return null;
  const at = text.indexOf('=');
  if (at < 0) return null;
  return text.slice(0, at).trim();
}

/** A continuation line (postconf(5)): it starts with whitespace and is neither blank nor a comment. */
function continues(text: string): boolean {
  return /^[ \t]/.test(text) && !/^[ \t\r]*(#|$)/.test(text);
}

function isCommentOrBlank(text: string): boolean {
  return /^[ \t\r]*(#|$)/.test(text);
}

export class MainDocument {
  lines: DocLine[] = [];
  /** The file also holds lines relaygate has not seen (a packaged main.cf it knows only in part). */
  unseen = false;

  /** Where each definition of `name` starts, with the indexes of its continuation lines. */
  private definitions(name: string): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.lines.length; i++) {
      if (definitionName((this.lines[i] as DocLine).line.text) !== name) continue;
      const group = [i];
      for (let j = i + 1; j < this.lines.length; j++) {
        const text = (this.lines[j] as DocLine).line.text;
        if (continues(text)) group.push(j);
        else if (!isCommentOrBlank(text)) break;
      }
      out.push(group);
    }
    return out;
  }

  /** Does a line relaygate has define `name`? */
  defines(name: string): boolean {
    return this.definitions(name).length > 0;
  }

  /** Definitions whose name is unknown: they may be `name` too. */
  private exclude(name: string): void {
    for (const l of this.lines) {
      const n = definitionName(l.line.text);
      if (n !== null && isUnknown(n)) l.excludes = [...new Set([...(l.excludes ?? []), name])];
    }
  }

  write(lines: DocLine[]): void {
    this.lines = lines;
    this.unseen = false;
  }

  append(lines: DocLine[]): void {
    this.lines.push(...lines);
  }

  /** `postconf -e`: each `name = value` logical line of `lines` replaces the definitions of its name, or is added. */
  set(lines: DocLine[], maybe: boolean, excludes: readonly string[] = []): string[] {
    const names: string[] = [];
    for (const group of logicalLines(lines)) {
      const first = group[0] as DocLine;
      const name = definitionName(first.line.text);
      if (name === null) continue;
      names.push(name);
      const added = group.map((l) => ({ ...l, maybe: l.maybe || maybe, ...(isUnknown(name) && excludes.length > 0 ? { excludes: [...excludes] } : {}) }));
      if (maybe || isUnknown(name)) {
        // It may not happen, or it may be any name: the old definitions stay, the new one comes last (and wins when it happens).
        this.lines.push(...added);
        continue;
      }
      const found = this.definitions(name);
      this.exclude(name);
      if (found.length === 0) {
        this.lines.push(...added);
        continue;
      }
      this.replaceGroups(found, () => added.map((l) => ({ ...l })));
    }
    return names;
  }

  /** `postconf -X name` (removed) or `-# name` (commented out); maybe: the definitions stay, their values unknown. */
  unset(name: string, maybe: boolean, comment: boolean, span: Span): void {
    if (isUnknown(name)) {
      // Any definition may be the one removed.
      for (const l of this.lines) if (definitionName(l.line.text) !== null) l.maybe = true;
      return;
    }
    const found = this.definitions(name);
    if (maybe) {
      for (const group of found) for (const i of group) (this.lines[i] as DocLine).maybe = true;
      return;
    }
    this.exclude(name);
    this.replaceGroups(found, (group) => (comment ? group.map((l) => ({ ...l, line: MappedLine.generated('#', span).concat(l.line) })) : []));
  }

  /**
   * A replacement that applies only where a definition exists (a sed
   * substitution of `^name.*`, Ansible lineinfile with a regexp): on lines
   * relaygate cannot see it may or may not apply.
   */
  setIfPresent(name: string, lines: DocLine[], maybe: boolean): boolean {
    const found = this.definitions(name);
    if (found.length === 0) {
      const hidden = this.unseen || this.lines.some((l) => isUnknown(definitionName(l.line.text) ?? ''));
      if (hidden) this.lines.push(...lines.map((l) => ({ ...l, maybe: true })));
      return hidden;
    }
    if (maybe) {
      this.lines.push(...lines.map((l) => ({ ...l, maybe: true })));
      return true;
    }
    this.replaceGroups(found, () => lines.map((l) => ({ ...l })));
    return true;
  }

  private replaceGroups(groups: number[][], by: (group: DocLine[]) => DocLine[]): void {
    const replace = new Map<number, DocLine[]>();
    const drop = new Set<number>();
    for (const group of groups) {
      replace.set(group[0] as number, by(group.map((i) => this.lines[i] as DocLine)));
      for (const i of group) drop.add(i);
    }
    const out: DocLine[] = [];
    this.lines.forEach((l, i) => {
      const r = replace.get(i);
      if (r !== undefined) out.push(...r);
      else if (!drop.has(i)) out.push(l);
    });
    this.lines = out;
  }

  /**
   * The definitions, as Postfix reads the whole file: the last of a name
   * wins; one on a maybe line has an unknown value; assumed lines say why.
   */
  parameters(form: Form): { parameters: MainCfParameter[]; diagnostics: Diagnostic[] } {
    const fragment = documentFragment(this.lines, form);
    const parsed = parseMainCf({ path: DOCUMENT_PATH, text: fragment.text, role: 'main.cf' });
    // The value each name certainly has so far: a maybe definition of the same value changes nothing.
    const certain = new Map<string, string>();
    const parameters = parsed.parameters.map((p) => {
      const l = this.lines[p.span.line - 1];
      let same = false;
      if (isUnknown(p.name)) certain.clear();
      else if (l?.maybe !== true) certain.set(p.name, p.value);
      else if (certain.get(p.name) === p.value && !isUnknown(p.value)) same = true;
      else certain.delete(p.name);
      let out: MainCfParameter = l?.maybe === true && !same ? markUnknown(p) : p;
      if (l?.assumed !== undefined) out = { ...out, assumed: l.assumed };
      if (l?.excludes !== undefined && isUnknown(p.name)) out = { ...out, excludes: [...l.excludes] };
      return out;
    });
    return remapSpans({ parameters, diagnostics: parsed.diagnostics }, fragment);
  }
}

/** Lines grouped into logical lines (a definition and its continuation lines; others alone). */
function logicalLines(lines: DocLine[]): DocLine[][] {
  const out: DocLine[][] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (last !== undefined && continues(l.line.text)) last.push(l);
    else out.push([l]);
  }
  return out;
}
