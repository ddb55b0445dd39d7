import type { ExpandContext } from './expand.js';
import { expandOperand } from './expand.js';
import type { Heredoc } from './syntax.js';
import { scanExpansion } from './tokenizer.js';
import { ShellValue, type ShellSource } from './values.js';

/**
 * A here-document body as the command reads it: with a quoted delimiter the
 * lines as they are; unquoted, `$x`, `${x}`, `$(...)` and backquotes are
 * expanded (known values) or unknown, and `\$`, `` \` ``, `\\` lose their
 * backslash (XCU 2.7.4). `ctx` null: no expansion at all.
 */
export function heredocValue(heredoc: Heredoc, source: ShellSource, ctx: ExpandContext | null): ShellValue {
  let out = ShellValue.EMPTY;
  for (const line of heredoc.lines) {
    out = out.concat(heredoc.quoted || ctx === null ? ShellValue.literal(line.text, source, line.offset) : expandedLine(line.text, line.offset, source, ctx), ShellValue.generated('\n'));
  }
  return out;
}

function expandedLine(text: string, offset: number, source: ShellSource, ctx: ExpandContext): ShellValue {
  let out = ShellValue.EMPTY;
  let runStart = 0;
  let i = 0;
  const flush = (end: number): void => {
    if (end > runStart) out = out.concat(ShellValue.literal(text.slice(runStart, end), source, offset + runStart));
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '$' || text[i + 1] === '`' || text[i + 1] === '\\')) {
      flush(i);
      out = out.concat(ShellValue.literal(text[i + 1] as string, source, offset + i + 1));
      i += 2;
      runStart = i;
      continue;
    }
    if (c === '$' || c === '`') {
      const found = scanExpansion(text, i, false);
      if (found !== null && found.part.kind === 'expansion') {
        flush(i);
        // The expansion as if written in double quotes, at its place in the source.
        out = out.concat(expandOperand({ ...ctx, source }, offset + i, offset + found.end, true));
        i = found.end;
        runStart = i;
        continue;
      }
    }
    i++;
  }
  flush(text.length);
  return out;
}
