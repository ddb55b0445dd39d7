import type { Form } from '../../../model/configuration.js';
import type { Position } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';
import type { Edit, Extraction, InstanceKey } from '../../contracts/edits.js';
import { FragmentBuilder } from './fragment-builder.js';
import { shellNote } from './notes.js';
import type { SimpleCommand, Word } from './syntax.js';
import { wordValue, type ShellVariables, type WordValue } from './words.js';

export interface ShellContext {
  file: string;
  scope: string;
  form: Form;
  maybe: boolean;
}

/** What one command handler sees: the command, its resolved words, and the script's state. */
export class CommandScope {
  readonly values: WordValue[];

  constructor(
    readonly command: SimpleCommand,
    /** Words after wrappers (`sudo`, `env`) are removed. */
    readonly words: Word[],
    readonly vars: ShellVariables,
    readonly cwd: string | null,
    readonly context: ShellContext,
    readonly position: (offset: number) => Position,
    readonly out: Extraction,
  ) {
    this.values = words.map((w) => wordValue(w, vars));
  }

  get maybe(): boolean {
    return this.context.maybe || this.command.maybe;
  }

  span(start = this.command.start, end = this.command.end): Span {
    const from = this.position(start);
    const to = this.position(end);
    return { file: this.context.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  key(directory: string): InstanceKey {
    return { scope: this.context.scope, directory };
  }

  builder(): FragmentBuilder {
    return new FragmentBuilder(this.position);
  }

  note(message: string, offset = this.command.start): void {
    this.out.notes.push(shellNote(this.context.file, this.position(offset), message));
  }

  edit(edit: Edit): void {
    this.out.edits.push(edit);
  }
}
