import type { Form } from '../../../model/configuration.js';
import type { Position } from '../../../model/source.js';
import { SourceMap, type Fragment, type MapSegment } from '../../contracts/fragment.js';

/** Where generated text comes from, as offsets into the shell text. */
export type Origin =
  /** The shell text's own characters, starting at `offset`. */
  | { kind: 'literal'; offset: number }
  /** Text the host does not hold verbatim (quote removal, an expansion): maps to the whole range. */
  | { kind: 'expression'; start: number; end: number };

/**
 * Builds a Fragment line by line while keeping a SourceMap. Literal text is
 * split where the host positions stop being contiguous (a line break, a
 * Terraform interpolation replaced by one character), so every literal
 * segment keeps its real columns.
 */
export class FragmentBuilder {
  private text = '';
  private line = 1;
  private column = 1;
  private readonly segments: MapSegment[] = [];

  constructor(private readonly position: (offset: number) => Position) {}

  get length(): number {
    return this.text.length;
  }

  add(text: string, origin: Origin | null): void {
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
      if (origin === null) {
        this.push(run, null);
      } else if (origin.kind === 'expression') {
        this.push(run, { kind: 'expression', from: this.position(origin.start), to: this.position(origin.end) });
      } else {
        let k = 0;
        while (k < run.length) {
          const first = this.position(origin.offset + i + k);
          let m = k + 1;
          while (m < run.length) {
            const p = this.position(origin.offset + i + m);
            if (p.line !== first.line || p.column !== first.column + (m - k)) break;
            m++;
          }
          this.push(run.slice(k, m), { kind: 'literal', from: first, to: first });
          k = m;
        }
      }
      i = j;
    }
  }

  private push(run: string, origin: Pick<MapSegment, 'kind' | 'from' | 'to'> | null): void {
    if (run === '') return;
    if (origin !== null) this.segments.push({ line: this.line, column: this.column, endColumn: this.column + run.length, ...origin });
    this.text += run;
    this.column += run.length;
  }

  build(file: string, form: Form): Fragment {
    return { file, text: this.text, form, map: new SourceMap(this.segments), maybeLines: new Set(), alternatives: [] };
  }
}
