import { UNKNOWN_MARK } from '../../../model/source.js';
import type { CommandScope } from './context.js';
import { quoted } from './notes.js';
import type { MailTarget } from './targets.js';
import { parseSedScript } from './sed-script.js';
import { ShellValue } from './values.js';

/** The parameters a relay verdict reads: an unreadable `sed` on main.cf makes them unknown where defined. */
export const RELAY_PARAMETERS = ['inet_interfaces', 'mynetworks', 'mynetworks_style', 'smtpd_client_restrictions', 'smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'relay_domains'];

export interface SedScript {
  text: string;
  /** The script's value, every character with its origin. */
  value: ShellValue;
}

export interface SedArguments {
  inPlace: boolean;
  scripts: SedScript[];
  files: number[];
  scriptFile: boolean;
  /** -E, -r, --regexp-extended. */
  extended: boolean;
  /** -n, --quiet, --silent. */
  quiet: boolean;
  /** An option that changes how lines are read (-z, -s with several files is harmless): the script is not followed. */
  unsupported: string | null;
  /** Why the script is unknown, when relaygate put an unknown one in its place (-f on an Exim file). */
  scriptWhy?: string;
}

/** `sed -i [-E] [-n] [-e] SCRIPT FILE...` arguments (GNU and BSD spellings of -i). */
export function sedArguments(scope: CommandScope): SedArguments {
  const scripts: SedScript[] = [];
  const files: number[] = [];
  let inPlace = false;
  let scriptFile = false;
  let extended = false;
  let quiet = false;
  let unsupported: string | null = null;
  const script = (i: number): void => {
    const value = scope.fields[i];
    if (value !== undefined) scripts.push({ text: value.text, value });
  };
  for (let i = 1; i < scope.fields.length; i++) {
    const value = scope.values[i] ?? '';
    if (value.startsWith('--')) {
      if (value.startsWith('--in-place')) inPlace = true;
      else if (value === '--regexp-extended') extended = true;
      else if (value === '--quiet' || value === '--silent') quiet = true;
      else if (value === '--null-data' || value === '--zero-terminated') unsupported = value;
      else if (value === '--expression') script(++i);
      else if (value.startsWith('--expression=')) scope.note('sed --expression= is read as an unknown script');
      else if (value === '--file' || value.startsWith('--file=')) scriptFile = true;
      continue;
    }
    if (value.startsWith('-') && value.length > 1) {
      for (let k = 1; k < value.length; k++) {
        const flag = value[k];
        if (flag === 'i') {
          inPlace = true;
          break; // the rest is a backup suffix
        }
        if (flag === 'e') {
          script(++i);
          break;
        }
        if (flag === 'E' || flag === 'r') extended = true;
        if (flag === 'n') quiet = true;
        if (flag === 'z') unsupported = '-z';
        if (flag === 'f') {
          scriptFile = true;
          i++;
          break;
        }
      }
      continue;
    }
    if (scripts.length === 0 && !scriptFile) script(i);
    else files.push(i);
  }
  return { inPlace, scripts, files, scriptFile, extended, quiet, unsupported };
}

/** Names a script mentions: main.cf parameters it may change where relaygate cannot see them. */
export function namedParameters(text: string): string[] {
  const plain = text.replace(/\\./gs, ' ');
  return [...new Set([...plain.matchAll(/(?<![a-z0-9])[0-9]*([a-z][a-z0-9]*_[a-z0-9_]+)|\bmy[a-z]+|\brelayhost\b/g)].map((m) => m[1] ?? m[0]))];
}

/**
 * `sed -i` on a mail file: the script becomes a `sed` edit, run over the
 * file's lines when the instance is replayed. A script GNU sed rejects
 * changes nothing (sed exits before writing); one relaygate does not follow
 * (other commands, -f, -z) makes the parameters it names (or, naming none,
 * the relay parameters) unknown where they are defined, with a note.
 */
export function sedEdits(scope: CommandScope, args: SedArguments, target: MailTarget): void {
  const form = scope.context.form;
  const key = scope.key(target.directory);
  let script = ShellValue.EMPTY;
  args.scripts.forEach((s, i) => {
    script = i > 0 ? script.concat(ShellValue.generated('\n'), s.value) : script.concat(s.value);
  });
  const program = args.unsupported !== null ? ({ kind: 'unsupported', what: `the option ${args.unsupported}` } as const) : parseSedScript(script.text, args.extended);
  const computed = script.text.includes(UNKNOWN_MARK);
  if (program.kind === 'error' && !(computed && (target.target === 'exim.conf' || target.target === 'update-exim4.conf.conf'))) {
    scope.noteAt(script, `sed would exit with "${program.message}" for the script ${quoted(script.text)}; ${target.target} is left as it was`);
    return;
  }
  if (program.kind === 'program' && (target.target === 'main.cf' || target.target === 'master.cf')) {
    const builder = scope.builder();
    builder.addValue(script);
    scope.edit({ kind: 'sed', target: target.target, script: builder.build(scope.file, form), extended: args.extended, quiet: args.quiet, key, span: scope.span(), form, maybe: scope.maybe });
    return;
  }
  if (target.target === 'exim.conf' || target.target === 'update-exim4.conf.conf') {
    // Exim's files are replayed as text (../../replay/other-mtas.ts): a script
    // relaygate cannot read makes the file's text unknown from here on there.
    if (program.kind !== 'program') {
      const why = args.scriptWhy ?? (computed ? 'the script is built when the shell runs' : program.kind === 'unsupported' ? program.what : program.message);
      scope.noteAt(script, `sed script ${quoted(script.text.replaceAll(UNKNOWN_MARK, '?'))} on ${target.name ?? target.target} is not followed (${why}); its text is unknown from here on`);
    }
    const builder = scope.builder();
    builder.addValue(script);
    const name = target.name === undefined ? {} : { name: target.name };
    scope.edit({ kind: 'sed', target: target.target, ...name, script: builder.build(scope.file, form), extended: args.extended, quiet: args.quiet, key, span: scope.span(), form, maybe: scope.maybe });
    return;
  }
  const why = program.kind === 'unsupported' ? program.what : 'a file relaygate reads only as a whole';
  if (target.target !== 'main.cf') {
    scope.noteAt(script, `sed script ${quoted(script.text)} on ${target.target} is not followed (${why}); ${target.target} may differ from what relaygate judges`);
    return;
  }
  const named = namedParameters(script.text);
  const names = named.length > 0 ? named : RELAY_PARAMETERS;
  scope.noteAt(script, `sed script ${quoted(script.text)} on main.cf is not followed (${why}); ${names.join(', ')} are unknown where defined`);
  for (const name of names) {
    const builder = scope.builder();
    builder.addValue(script.spanning(`${name} = ${UNKNOWN_MARK}`));
    builder.addValue(ShellValue.generated('\n'));
    scope.edit({ kind: 'set-if-present', target: 'main.cf', name, fragment: builder.build(scope.file, form), key, span: scope.span(), form, maybe: true });
  }
}
