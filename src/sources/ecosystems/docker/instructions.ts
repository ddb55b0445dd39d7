import { MappedSource } from '../../languages/shell/mapped.js';
import type { Heredoc } from '../../languages/shell/syntax.js';

/** One Dockerfile instruction: its keyword, its arguments (comment lines inside continuations removed) and heredoc bodies. */
export interface Instruction {
  keyword: string;
  start: number;
  end: number;
  /** Arguments after the keyword, continuation `\`+newline kept (the shell treats it the same way). */
  args: MappedSource;
  heredocs: Heredoc[];
}

const HEREDOC_MARKER = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

/**
 * Dockerfile reference: an instruction continues while its line ends with the
 * escape character; comment lines inside a continuation are removed; a
 * `<<WORD` in RUN/COPY/ADD starts a here-document (BuildKit).
 */
export function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pos = 0;
  const lineEnd = (at: number): number => {
    const n = text.indexOf('\n', at);
    return n < 0 ? text.length : n;
  };
  while (pos < text.length) {
    const end = lineEnd(pos);
    const line = text.slice(pos, end);
    const keyword = /^[ \t]*([A-Za-z]+)/.exec(line);
    if (keyword === null || /^[ \t]*#/.test(line)) {
      pos = end + 1;
      continue;
    }
    const start = pos + (keyword.index ?? 0) + line.indexOf(keyword[1] as string);
    const args = new MappedSource();
    let at = start + (keyword[1] as string).length;
    let lineStop = end;
    for (;;) {
      args.copy(text, at, lineStop);
      const content = text.slice(at, lineStop).replace(/(?<![ \t\r])[ \t\r]+$/, '');
      if (!content.endsWith('\\') || lineStop >= text.length) break;
      args.copy(text, lineStop, lineStop + 1);
      at = lineStop + 1;
      // Comment lines and empty lines inside a continuation are dropped.
      while (at < text.length) {
        const e = lineEnd(at);
        const l = text.slice(at, e);
        if (/^[ \t]*#/.test(l) || /^[ \t\r]*$/.test(l)) at = e + 1;
        else break;
      }
      lineStop = lineEnd(at);
    }
    pos = Math.min(lineStop + 1, text.length + 1);
    const heredocs: Heredoc[] = [];
    const upper = (keyword[1] as string).toUpperCase();
    if (upper === 'RUN' || upper === 'COPY' || upper === 'ADD') {
      for (const marker of args.text.matchAll(HEREDOC_MARKER)) {
        const heredoc: Heredoc = { delimiter: marker[3] as string, quoted: marker[2] !== '', stripTabs: marker[1] === '-', lines: [], terminated: false };
        while (pos < text.length) {
          const e = lineEnd(pos);
          let s = pos;
          if (heredoc.stripTabs) while (s < e && text[s] === '\t') s++;
          const body = text.slice(s, e).replace(/\r$/, '');
          pos = e + 1;
          if (body === heredoc.delimiter) {
            heredoc.terminated = true;
            break;
          }
          heredoc.lines.push({ text: body, offset: s });
        }
        heredocs.push(heredoc);
      }
    }
    out.push({ keyword: upper, start, end: Math.min(pos, text.length), args, heredocs });
  }
  return out;
}

