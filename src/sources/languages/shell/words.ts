import { UNKNOWN_MARK } from '../../../model/source.js';
import type { FragmentBuilder, Origin } from './fragment-builder.js';
import { scanExpansion } from './tokenizer.js';
import { type Heredoc, type Word } from './syntax.js';

/** Shell variables known at a point of the script: literal values, or UNKNOWN_MARK. */
export type ShellVariables = Map<string, string>;

export interface WordValue {
  value: string;
  /** The value is the host characters verbatim (no quotes, escapes or expansions). */
  plain: boolean;
}

/** Quote removal and parameter expansion with what is known literally (XCU 2.6.2); anything else is unknown. */
export function wordValue(word: Word, vars: ShellVariables): WordValue {
  let value = '';
  let plain = true;
  for (const part of word.parts) {
    if (part.quoted) plain = false;
    if (part.kind === 'literal') value += part.text;
    else {
      plain = false;
      value += expansionValue(part.name, vars);
    }
  }
  if (word.raw !== value) plain = false;
  return { value, plain };
}

function expansionValue(name: string | undefined, vars: ShellVariables): string {
  if (name === undefined) return UNKNOWN_MARK;
  return vars.get(name) ?? UNKNOWN_MARK;
}

export function wordOrigin(word: Word, plain: boolean): Origin {
  return plain ? { kind: 'literal', offset: word.start } : { kind: 'expression', start: word.start, end: word.end };
}

/**
 * A here-document body into the builder: quoted delimiter, the lines as they
 * are; unquoted, `$x`, `${x}`, `$(...)` and backquotes are expanded (known
 * variables) or unknown, and `\$`, `` \` ``, `\\` lose their backslash (XCU 2.7.4).
 */
export function addHeredoc(builder: FragmentBuilder, heredoc: Heredoc, vars: ShellVariables): void {
  for (const line of heredoc.lines) {
    if (heredoc.quoted) builder.add(line.text, { kind: 'literal', offset: line.offset });
    else addExpandedLine(builder, line.text, line.offset, vars);
    builder.add('\n', null);
  }
}

function addExpandedLine(builder: FragmentBuilder, text: string, offset: number, vars: ShellVariables): void {
  let runStart = 0;
  let i = 0;
  const flush = (end: number): void => {
    if (end > runStart) builder.add(text.slice(runStart, end), { kind: 'literal', offset: offset + runStart });
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '$' || text[i + 1] === '`' || text[i + 1] === '\\')) {
      flush(i);
      builder.add(text[i + 1] as string, { kind: 'expression', start: offset + i, end: offset + i + 2 });
      i += 2;
      runStart = i;
      continue;
    }
    if (c === '$' || c === '`') {
      const found = scanExpansion(text, i, false);
      if (found !== null && found.part.kind === 'expansion') {
        flush(i);
        const value = expansionValue(found.part.name, vars);
        builder.add(value === '' ? '' : value, { kind: 'expression', start: offset + i, end: offset + found.end });
        i = found.end;
        runStart = i;
        continue;
      }
    }
    i++;
  }
  flush(text.length);
}
