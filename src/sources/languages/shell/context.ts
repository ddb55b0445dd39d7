import type { Form } from '../../../model/configuration.js';
import type { Span } from '../../../model/span.js';
import type { Edit, Extraction, InstanceKey } from '../../contracts/edits.js';
import type { Environment } from './environment.js';
import type { ExpandContext } from './expand.js';
import { FragmentBuilder } from './fragment-builder.js';
import { shellNote } from './notes.js';
import type { SimpleCommand } from './syntax.js';
import type { ShellSource, ShellValue } from './values.js';

export interface ShellContext {
  /** The host file (findings on generated text point here). */
  file: string;
  /** The provisioning unit edits belong to (InstanceKey.scope). */
  scope: string;
  form: Form;
  /** The whole text runs under a condition relaygate could not decide. */
  maybe: boolean;
}

/** What one command handler sees: the command, its expanded words, and the script's state. */
export class CommandScope {
  constructor(
    readonly command: SimpleCommand,
    /** The command's fields after expansion, wrappers (`sudo`, `env`) removed. */
    readonly fields: ShellValue[],
    /** The number of fields is not known (an unquoted unknown expansion). */
    readonly uncertain: boolean,
    /** `NAME=value` words written before the command. */
    readonly prefix: ReadonlyMap<string, ShellValue>,
    readonly env: Environment,
    readonly source: ShellSource,
    readonly context: ShellContext,
    readonly maybe: boolean,
    readonly out: Extraction,
    readonly expand: ExpandContext,
  ) {}

  get values(): string[] {
    return this.fields.map((f) => f.text);
  }

  span(start = this.command.start, end = this.command.end): Span {
    const from = this.source.position(start);
    const to = this.source.position(end);
    return { file: this.source.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  key(directory: string): InstanceKey {
    return { scope: this.context.scope, directory };
  }

  builder(): FragmentBuilder {
    return new FragmentBuilder();
  }

  /** The file fragments are built for: where the command is written. */
  get file(): string {
    return this.source.file;
  }

  note(message: string, offset = this.command.start): void {
    this.out.notes.push(shellNote(this.source.file, this.source.position(offset), message));
  }

  /** A note at a value's first character (falls back to the command). */
  noteAt(value: ShellValue | undefined, message: string): void {
    const origin = value?.firstOrigin();
    if (origin === undefined || origin === null) this.note(message);
    else this.out.notes.push(shellNote(origin.source.file, origin.source.position(origin.offset), message));
  }

  edit(edit: Edit): void {
    this.out.edits.push(edit);
  }
}
