/**
 * Commands whose standard output relaygate can compute (echo, printf, cat
 * of a here-document), and the writes of that output into mail files
 * (`>`, `>>`, tee).
 */
import { UNKNOWN_MARK } from '../../../model/source.js';
import type { CommandScope } from './context.js';
import { expandWordAsOne } from './expand.js';
import { quoted } from './notes.js';
import type { Redirect } from './syntax.js';
import { looksLikeMailPath, mailTarget, type MailTarget } from './targets.js';
import { heredocValue } from './words.js';
import { ShellValue } from './values.js';

/** What a command writes to standard output: known text, or something relaygate cannot compute. */
export type Output = { kind: 'known'; value: ShellValue } | { kind: 'unknown' };

export const UNKNOWN_OUTPUT: Output = { kind: 'unknown' };

function rewritten(value: ShellValue, text: string): ShellValue {
  return value.spanning(text);
}

function unescape(text: string): string {
  return text.replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === '\\' ? '\\' : `\\${c}`));
}

/** echo(1): the arguments joined by one space, `-n` without the newline, `-e` with escapes (bash). */
export function echoOutput(scope: CommandScope): Output {
  let first = 1;
  let newline = true;
  let escapes = false;
  while (first < scope.fields.length && /^-[neE]+$/.test(scope.values[first] ?? '')) {
    const flags = scope.values[first] ?? '';
    if (flags.includes('n')) newline = false;
    if (flags.includes('e')) escapes = true;
    first++;
  }
  let out = ShellValue.EMPTY;
  scope.fields.slice(first).forEach((field, i) => {
    if (i > 0) out = out.concat(ShellValue.generated(' '));
    out = out.concat(escapes ? rewritten(field, unescape(field.text)) : field);
  });
  if (newline) out = out.concat(ShellValue.generated('\n'));
  return { kind: 'known', value: out };
}

/** printf(1): `%s` takes the next argument, `%b` with escapes, `%%`; other conversions are unknown. */
export function printfOutput(scope: CommandScope): Output {
  const format = scope.fields[1];
  if (format === undefined) return UNKNOWN_OUTPUT;
  const f = format.text;
  let out = ShellValue.EMPTY;
  let run = '';
  let next = 2;
  const flush = (): void => {
    if (run !== '') out = out.concat(rewritten(format, run));
    run = '';
  };
  for (let i = 0; i < f.length; i++) {
    const c = f[i] as string;
    if (c === '\\' && i + 1 < f.length) {
      run += unescape(f.slice(i, i + 2));
      i++;
      continue;
    }
    if (c === '%' && i + 1 < f.length) {
      const conversion = f[i + 1] as string;
      i++;
      if (conversion === '%') {
        run += '%';
        continue;
      }
      flush();
      const arg = scope.fields[next++];
      if (arg === undefined) continue;
      if (conversion === 's') out = out.concat(arg);
      else if (conversion === 'b') out = out.concat(rewritten(arg, unescape(arg.text)));
      else out = out.concat(rewritten(arg, UNKNOWN_MARK));
      continue;
    }
    run += c;
  }
  flush();
  return { kind: 'known', value: out };
}

/** `cat <<EOF`: the here-document; `cat FILE`: a file of the target machine, unknown. */
export function catOutput(scope: CommandScope, input: Output | null): Output | null {
  const heredoc = scope.command.redirects.find((r) => r.heredoc !== null)?.heredoc ?? null;
  if (scope.fields.length > 1) return UNKNOWN_OUTPUT;
  if (heredoc !== null) return { kind: 'known', value: heredocValue(heredoc, scope.source, scope.expand) };
  return input ?? UNKNOWN_OUTPUT;
}

/** The mail file a path names (relative to the working directory), with a note when it cannot be resolved. */
export function mailFileOf(scope: CommandScope, path: ShellValue): MailTarget | null {
  const target = mailTarget(path.text, scope.env.cwd);
  if (target === null) {
    if (path.unknown && looksLikeMailPath(path.text)) scope.noteAt(path, `the target path ${quoted(path.text.replaceAll(UNKNOWN_MARK, '?'))} could not be resolved; a write to mail configuration may be missed`);
    return null;
  }
  if (target.directory.includes(UNKNOWN_MARK)) scope.noteAt(path, `the directory of ${target.target} could not be resolved; the edit is kept apart from other instances`);
  return target;
}

function stdoutRedirect(r: Redirect): boolean {
  return (r.op === '>' || r.op === '>>' || r.op === '>|' || r.op === '&>' || r.op === '&>>') && (r.fd === null || r.fd === 1) && r.target !== null;
}

/** Does the command send its standard output to a file (so it is not collected by an enclosing redirect)? */
export function redirectsStdout(redirects: readonly Redirect[]): boolean {
  return redirects.some(stdoutRedirect);
}

/** Writes `output` into every mail file the redirections name (write for `>`, append for `>>`). */
export function writeRedirects(scope: CommandScope, redirects: readonly Redirect[], output: Output, what: string): void {
  for (const r of redirects) {
    if (!stdoutRedirect(r)) continue;
    const path = expandWordAsOne(r.target as NonNullable<Redirect['target']>, scope.expand);
    const target = mailFileOf(scope, path);
    if (target === null) continue;
    const append = r.op === '>>' || r.op === '&>>';
    if (output.kind === 'unknown') {
      scope.note(`${target.target} is written with ${what}; ${target.target} may differ from what relaygate judges`, r.start);
      continue;
    }
    const builder = scope.builder();
    builder.addValue(output.value);
    scope.edit({ kind: append ? 'append' : 'write', target: target.target, ...(target.name === undefined ? {} : { name: target.name }), fragment: builder.build(scope.file, scope.context.form), key: scope.key(target.directory), span: scope.span(), form: scope.context.form, maybe: scope.maybe });
  }
}

/** tee(1): the input (a pipe or its own here-document) into each file; `-a` appends. */
export function tee(scope: CommandScope, input: Output | null): Output {
  const heredoc = scope.command.redirects.find((r) => r.heredoc !== null)?.heredoc ?? null;
  const content: Output | null = heredoc !== null ? { kind: 'known', value: heredocValue(heredoc, scope.source, scope.expand) } : input;
  let append = false;
  for (let i = 1; i < scope.fields.length; i++) {
    const field = scope.fields[i] as ShellValue;
    if (field.text === '-a' || field.text === '--append') {
      append = true;
      continue;
    }
    if (field.text.startsWith('-')) continue;
    const target = mailFileOf(scope, field);
    if (target === null) continue;
    if (content === null || content.kind === 'unknown') {
      scope.noteAt(field, `tee writes ${target.target} from input relaygate cannot compute; ${target.target} may differ from what relaygate judges`);
      continue;
    }
    const builder = scope.builder();
    builder.addValue(content.value);
    scope.edit({ kind: append ? 'append' : 'write', target: target.target, ...(target.name === undefined ? {} : { name: target.name }), fragment: builder.build(scope.file, scope.context.form), key: scope.key(target.directory), span: scope.span(), form: scope.context.form, maybe: scope.maybe });
  }
  return content ?? UNKNOWN_OUTPUT;
}
