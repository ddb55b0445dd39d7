import type { Form } from '../../../model/configuration.js';
import type { Position } from '../../../model/source.js';
import { SourceMap, type Fragment, type MapSegment } from '../../contracts/fragment.js';
import { ShellValue, type Chunk, type ShellSource } from './values.js';

/** Where generated text comes from, as offsets into one shell text (the form before values carried their sources). */
export type Origin =
  /** The shell text's own characters, starting at `offset`. */
  | { kind: 'literal'; offset: number }
  /** Text the host does not hold verbatim (quote removal, an expansion): maps to the whole range. */
  | { kind: 'expression'; start: number; end: number };

/**
 * Builds a Fragment line by line while keeping a SourceMap. Literal text is
 * split where the host positions stop being contiguous (a line break, a
 * Terraform interpolation replaced by one character), so every literal
 * segment keeps its real columns. Values from other files than the one the
 * fragment is built for keep their file on their segments.
 */
export class FragmentBuilder {
  private text = '';
  private line = 1;
  private column = 1;
  private readonly segments: (MapSegment & { sourceFile: string | undefined })[] = [];

  /** `position`: for add() with offsets into one text (the Dockerfile reader's heredocs). */
  constructor(private readonly position: ((offset: number) => Position) | null = null) {}

  get length(): number {
    return this.text.length;
  }

  /** Text with offsets into the text of the `position` given to the constructor. */
  add(text: string, origin: Origin | null): void {
    const position = this.position;
    if (origin === null || position === null) {
      this.addValue(ShellValue.generated(text));
      return;
    }
    const source: ShellSource = { file: '', text: '', position };
    this.addChunk(origin.kind === 'literal' ? { kind: 'literal', text, source, offset: origin.offset } : { kind: 'expression', text, source, start: origin.start, end: origin.end }, undefined);
  }

  addValue(value: ShellValue): void {
    for (const chunk of value.chunks) this.addChunk(chunk, chunk.kind === 'generated' ? undefined : chunk.source.file || undefined);
  }

  private addChunk(chunk: Chunk, file: string | undefined): void {
    const text = chunk.text;
    for (let i = 0; i < text.length; ) {
      const c = text[i] as string;
      if (c === '\n') {
        this.text += c;
        this.line++;
        this.column = 1;
        i++;
        continue;
      }
      let j = text.indexOf('\n', i);
      if (j < 0) j = text.length;
      const run = text.slice(i, j);
      if (chunk.kind === 'generated') {
        this.push(run, null, file);
      } else if (chunk.kind === 'expression') {
        this.push(run, { kind: 'expression', from: chunk.source.position(chunk.start), to: chunk.source.position(chunk.end) }, file);
      } else {
        let k = 0;
        while (k < run.length) {
          const first = chunk.source.position(chunk.offset + i + k);
          let m = k + 1;
          while (m < run.length) {
            const p = chunk.source.position(chunk.offset + i + m);
            if (p.line !== first.line || p.column !== first.column + (m - k)) break;
            m++;
          }
          this.push(run.slice(k, m), { kind: 'literal', from: first, to: first }, file);
          k = m;
        }
      }
      i = j;
    }
  }

  private push(run: string, origin: Pick<MapSegment, 'kind' | 'from' | 'to'> | null, file: string | undefined): void {
    if (run === '') return;
    if (origin !== null) this.segments.push({ line: this.line, column: this.column, endColumn: this.column + run.length, ...origin, sourceFile: file });
    this.text += run;
    this.column += run.length;
  }

  build(file: string, form: Form): Fragment {
    const segments: MapSegment[] = this.segments.map(({ sourceFile, ...segment }) => (sourceFile === undefined || sourceFile === file ? segment : { ...segment, file: sourceFile }));
    return { file, text: this.text, form, map: new SourceMap(segments), maybeLines: new Set(), alternatives: [] };
  }
}
