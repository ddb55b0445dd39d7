import { LineIndex, UNKNOWN_MARK, type Position, type SourceFile } from '../../../model/source.js';
import { plainData } from '../../../model/plain-data.js';
import type { HostFormat } from '../../contracts/host-format.js';
import { emptyExtraction, type Extraction } from '../../contracts/edits.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { extractShellText } from '../../languages/shell/extract.js';
import { MappedSource } from '../../languages/shell/mapped.js';
import { SHELL_EDIT_NEEDS } from '../../languages/shell/targets.js';
import { imagesNamed } from '../shared/image-attributes.js';

/** A string literal of the template with its host range (the quotes included). */
interface StringLiteral {
  start: number;
  end: number;
}

/**
 * Packer runs a shell provisioner's `inline` strings as the lines of one
 * script, in order. Each string is decoded (JSON / HCL escapes); template
 * interpolations (`${var.x}` in HCL, `{{user `x`}}` in JSON) are unknown.
 */
function inlineScript(text: string, strings: StringLiteral[]): MappedSource {
  const source = new MappedSource();
  for (const s of strings) {
    let i = s.start + 1;
    const end = s.end - 1;
    while (i < end) {
      const c = text[i] as string;
      if (c === '\\' && i + 1 < end) {
        const e = text[i + 1] as string;
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          source.replace(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), i, i + 6);
          i += 6;
          continue;
        }
        source.replace(e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e, i, i + 2);
        i += 2;
        continue;
      }
      if (c === '$' && text[i + 1] === '$' && text[i + 2] === '{') {
        source.replace('${', i, i + 3);
        i += 3;
        continue;
      }
      const open = c === '$' && text[i + 1] === '{' ? '${' : c === '{' && text[i + 1] === '{' ? '{{' : null;
      if (open !== null) {
        const closeText = open === '${' ? '}' : '}}';
        const close = text.indexOf(closeText, i + 2);
        const stop = close < 0 || close >= end ? end : close + closeText.length;
        source.replace(UNKNOWN_MARK, i, stop);
        i = stop;
        continue;
      }
      source.copy(text, i, i + 1);
      i++;
    }
    source.replace('\n', s.end, s.end);
  }
  return source;
}

/** Offset just after the string literal starting at `at` (a `"`), or -1. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
    else if (text[i] === '\n') return -1;
  }
  return -1;
}

/** String literals of the array that opens at `at` (`[`), stopping at its `]`. */
function arrayStrings(text: string, at: number): StringLiteral[] {
  const out: StringLiteral[] = [];
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === ']') break;
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) break;
      out.push({ start: i, end });
      i = end - 1;
    }
  }
  return out;
}

/** HCL2: `provisioner "shell" { ... inline = [ "...", ... ] ... }`. */
function hclInlines(text: string): StringLiteral[][] {
  const out: StringLiteral[][] = [];
  for (const m of text.matchAll(/\bprovisioner[ \t]+"shell"[ \t]*\{/g)) {
    // The block ends at its matching brace (strings skipped).
    let depth = 0;
    let end = text.length;
    for (let i = (m.index ?? 0) + m[0].length - 1; i < text.length; i++) {
      const c = text[i];
      if (c === '"') {
        const e = stringEnd(text, i);
        if (e < 0) break;
        i = e - 1;
      } else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        end = i;
        break;
      }
    }
    const block = text.slice(0, end);
    const inline = /\binline[ \t]*=[ \t]*\[/g;
    inline.lastIndex = m.index ?? 0;
    const found = inline.exec(block);
    if (found !== null) out.push(arrayStrings(text, found.index + found[0].length - 1));
  }
  return out;
}

/**
 * JSON templates: `"provisioners": [{ "type": "shell", "inline": [...] }]`,
 * read with JSON.parse and located in order. A template that is not JSON
 * is one Packer refuses (`packer validate` fails on it): `error` says
 * where, and the file is config-unreadable rather than silently unread.
 */
function jsonInlines(text: string): { inlines: StringLiteral[][]; error?: { offset: number; message: string } } {
  let template: unknown;
  try {
    template = plainData(JSON.parse(text));
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    const at = /\bposition (\d+)/.exec(message);
    return { inlines: [], error: { offset: at?.[1] === undefined ? 0 : Math.min(Number(at[1]), text.length), message } };
  }
  const provisioners = (template as { provisioners?: unknown } | null)?.provisioners;
  if (!Array.isArray(provisioners)) return { inlines: [] };
  const wanted = provisioners.map((p) => (p as { type?: unknown }).type === 'shell' && Array.isArray((p as { inline?: unknown }).inline));
  // The n-th `"inline": [` of the file belongs to the n-th provisioner that has one (JSON keeps source order).
  const arrays: StringLiteral[][] = [];
  for (const m of text.matchAll(/"inline"\s*:\s*\[/g)) arrays.push(arrayStrings(text, (m.index ?? 0) + m[0].length - 1));
  const out: StringLiteral[][] = [];
  let n = 0;
  provisioners.forEach((p, i) => {
    if (!Array.isArray((p as { inline?: unknown }).inline)) return;
    const strings = arrays[n++];
    if (wanted[i] === true && strings !== undefined) out.push(strings);
  });
  return { inlines: out };
}

export const packerHost: HostFormat = {
  form: 'shell',
  needs: SHELL_EDIT_NEEDS,
  matches(path: string, head: string): boolean {
    if (/\.pkr\.hcl$/.test(path)) return true;
    return /\.json$/.test(path) && /"provisioners"\s*:/.test(head) && /"builders"\s*:/.test(head);
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    void repo;
    const out = emptyExtraction();
    const index = new LineIndex(file.text);
    const hostPosition = (o: number): Position => index.position(o);
    const json = file.path.endsWith('.json') ? jsonInlines(file.text) : null;
    if (json?.error !== undefined) {
      const where = hostPosition(json.error.offset);
      out.diagnostics.push({ file: file.path, line: where.line, column: where.column, message: `the Packer template is not valid JSON (${json.error.message})`, fatal: true });
      return out;
    }
    const inlines = json === null ? hclInlines(file.text) : json.inlines;
    for (const strings of inlines) {
      const script = inlineScript(file.text, strings);
      const result = extractShellText(script.text, script.position(hostPosition), { file: file.path, scope: file.path, form: 'shell', maybe: false });
      out.edits.push(...result.edits);
      out.diagnostics.push(...result.diagnostics);
      out.notes.push(...result.notes);
    }
    // The source image the provisioners run on is the base of their edits (several sources: several bases).
    for (const image of imagesNamed(file.text, hostPosition, file.path)) {
      out.edits.push({ kind: 'base', distribution: image.distribution.family, evidence: `Packer source ${image.evidence}`, key: { scope: file.path, directory: '/etc/postfix' }, span: image.span, form: 'shell', maybe: false });
    }
    return out;
  },
};
