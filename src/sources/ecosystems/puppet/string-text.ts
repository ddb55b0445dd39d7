import type { Form } from '../../../model/configuration.js';
import { LineIndex } from '../../../model/source.js';
import { SourceMap, type Fragment, type MapSegment } from '../../contracts/fragment.js';

/** Text decoded from a manifest, each character with the offset it was written at. */
export interface MappedText {
  text: string;
  offsets: number[];
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', s: ' ', r: '\r', $: '$', '"': '"', "'": "'", '\\': '\\' };

/**
 * A Puppet string literal as Puppet reads it ('...': only `\\` and `\'`
 * escape; "...": `\n`, `\t`, `\$`...), each character mapped to the manifest;
 * null for a string that interpolates (`$x`, `${x}`): not a literal.
 */
export function puppetStringText(code: string, offset: number): MappedText | null {
  const quote = code[0];
  if ((quote !== "'" && quote !== '"') || code[code.length - 1] !== quote || code.length < 2) return null;
  let text = '';
  const offsets: number[] = [];
  for (let i = 1; i < code.length - 1; i++) {
    const c = code[i] as string;
    if (c === '\\') {
      const n = code[i + 1] ?? '';
      const decoded = quote === "'" ? (n === "'" || n === '\\' ? n : `\\${n}`) : (ESCAPES[n] ?? `\\${n}`);
      for (const d of decoded) {
        text += d;
        offsets.push(offset + i);
      }
      i++;
      continue;
    }
    if (quote === '"' && c === '$' && /[{a-z_:]/.test(code[i + 1] ?? '')) return null;
    text += c;
    offsets.push(offset + i);
  }
  return { text, offsets };
}

/** Several mapped texts of one manifest, joined, as a Fragment whose map leads every character back. */
export function mappedFragment(file: string, manifest: string, parts: MappedText[], form: Form): Fragment {
  const index = new LineIndex(manifest);
  const text = parts.map((p) => p.text).join('');
  const offsets = parts.flatMap((p) => p.offsets);
  const segments: MapSegment[] = [];
  let line = 1;
  let column = 1;
  let runStart = 0;
  // A segment per run of characters written next to each other on one rendered line.
  const flush = (end: number) => {
    if (end <= runStart) return;
    const from = index.position(offsets[runStart] as number);
    segments.push({ line, column: column - (end - runStart), endColumn: column, kind: 'literal', from, to: from });
    runStart = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (i > runStart && (offsets[i] as number) !== (offsets[i - 1] as number) + 1) flush(i);
    column++;
    if (text[i] === '\n') {
      flush(i + 1);
      line++;
      column = 1;
    }
  }
  flush(text.length);
  return { file, text, form, map: new SourceMap(segments), maybeLines: new Set(), alternatives: [] };
}
