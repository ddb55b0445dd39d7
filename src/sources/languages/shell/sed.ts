import { UNKNOWN_MARK } from '../../../model/source.js';
import type { CommandScope } from './context.js';
import { quoted } from './notes.js';
import type { MailTarget } from './targets.js';
import type { Word } from './syntax.js';

/** The parameters a relay verdict reads: an unreadable `sed` on main.cf makes them unknown where defined. */
const RELAY_PARAMETERS = ['inet_interfaces', 'mynetworks', 'mynetworks_style', 'smtpd_client_restrictions', 'smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'relay_domains'];

export interface SedScript {
  text: string;
  word: Word;
  /** The script text is the word's host characters from this offset on (one quoted or plain part), or null. */
  contentOffset: number | null;
}

/** `sed -i [-e] SCRIPT FILE...` arguments (GNU and BSD spellings of -i). */
export function sedArguments(scope: CommandScope): { inPlace: boolean; scripts: SedScript[]; files: number[]; scriptFile: boolean } {
  const scripts: SedScript[] = [];
  const files: number[] = [];
  let inPlace = false;
  let scriptFile = false;
  const script = (i: number): void => {
    const word = scope.words[i];
    const value = scope.values[i];
    if (word === undefined || value === undefined) return;
    const single = word.parts.length === 1 ? word.parts[0] : undefined;
    const contentOffset = single === undefined || single.kind !== 'literal' ? null : single.quoted ? (word.raw.startsWith("'") || word.raw.startsWith('"') ? word.start + 1 : null) : word.start;
    const contiguous = contentOffset !== null && (single?.quoted !== true || word.raw.startsWith("'") || !word.raw.includes('\\'));
    scripts.push({ text: value.value, word, contentOffset: contiguous ? contentOffset : null });
  };
  for (let i = 1; i < scope.words.length; i++) {
    const value = scope.values[i]?.value ?? '';
    if (value.startsWith('--')) {
      if (value.startsWith('--in-place')) inPlace = true;
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
  return { inPlace, scripts, files, scriptFile };
}

interface Substitution {
  regex: string;
  replacement: string;
  /** Offset of the replacement within the script text. */
  replacementAt: number;
}

/** `s` commands of a script separated by `;` or newlines; null when any other command is present. */
function substitutions(script: string): Substitution[] | null {
  const out: Substitution[] = [];
  let i = 0;
  while (i < script.length) {
    const c = script[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === ';') {
      i++;
      continue;
    }
    if (c !== 's' || i + 1 >= script.length) return null;
    const delimiter = script[i + 1] as string;
    if (delimiter === '\\' || delimiter === '\n') return null;
    const fields: string[] = [];
    let at = i + 2;
    let replacementAt = 0;
    for (let f = 0; f < 2; f++) {
      if (f === 1) replacementAt = at;
      let field = '';
      while (at < script.length && script[at] !== delimiter) {
        if (script[at] === '\\' && at + 1 < script.length) {
          field += script[at + 1] === delimiter ? delimiter : script.slice(at, at + 2);
          at += 2;
        } else field += script[at++];
      }
      if (at >= script.length) return null;
      fields.push(field);
      at++;
    }
    while (at < script.length && /[gIip0-9]/.test(script[at] as string)) at++;
    out.push({ regex: fields[0] as string, replacement: fields[1] as string, replacementAt });
    i = at;
  }
  return out;
}

const NAME = '[a-z][a-z0-9_]*';
/** `^`, then optional blanks or comment markers, then the name, then anything that cannot continue a name. */
const LINE_START = new RegExp(`^\\^((?:[# *?()]|\\\\s|\\[\\[:space:\\]\\]|\\[ \\\\t\\]|\\\\\\?|\\\\\\(|\\\\\\))*)(${NAME})(?![a-z0-9_])(.*)$`, 's');
const REPLACEMENT = new RegExp(`^(${NAME})[ \\t]*=[ \\t]*(?![ \\t])(.*)$`, 's');

/**
 * `sed -i 's/^name.*\/name = value/' main.cf` (any delimiter): rewrites the
 * definition of `name` if one exists -> set-if-present. A regex that also
 * matches a commented line (`^#name`) or only some values (`^name = localhost`)
 * may or may not apply: maybe. Any other script cannot be followed; rather
 * than pass silently, it makes the parameters it names (or, naming none, the
 * relay parameters) unknown where they are defined, as a maybe edit, with a note.
 */
export function sedEdits(scope: CommandScope, script: SedScript, target: MailTarget): void {
  const form = scope.context.form;
  const key = scope.key(target.directory);
  if (target.target !== 'main.cf') {
    scope.note(`sed script ${quoted(script.text)} on ${target.target} is not followed; ${target.target} may differ from what relaygate judges`, script.word.start);
    return;
  }
  const found = substitutions(script.text);
  const readable = found?.every((s) => shaped(s) !== null) === true;
  if (found !== null && readable) {
    for (const s of found) {
      const shape = shaped(s) as { name: string; value: string; maybe: boolean };
      const builder = scope.builder();
      const valueAt = s.replacement.indexOf(shape.value, s.replacement.indexOf('=') + 1);
      const exact = script.contentOffset !== null && !s.replacement.includes('\\') && script.text.slice(s.replacementAt, s.replacementAt + s.replacement.length) === s.replacement;
      if (exact && valueAt >= 0) {
        const base = (script.contentOffset as number) + s.replacementAt;
        builder.add(shape.name, { kind: 'literal', offset: base });
        builder.add(' = ', { kind: 'expression', start: base + shape.name.length, end: base + valueAt });
        builder.add(shape.value, { kind: 'literal', offset: base + valueAt });
      } else builder.add(`${shape.name} = ${shape.value}`, { kind: 'expression', start: script.word.start, end: script.word.end });
      builder.add('\n', null);
      scope.edit({ kind: 'set-if-present', target: 'main.cf', name: shape.name, fragment: builder.build(scope.context.file, form), key, span: scope.span(), form, maybe: scope.maybe || shape.maybe });
    }
    return;
  }
  const named = [...new Set([...script.text.matchAll(/(?<![a-z0-9])[0-9]*([a-z][a-z0-9]*_[a-z0-9_]+)|\bmy[a-z]+|\brelayhost\b/g)].map((m) => m[1] ?? m[0]))];
  const names = named.length > 0 ? named : RELAY_PARAMETERS;
  scope.note(`sed script ${quoted(script.text)} on main.cf is not a s/^name.*/name = value/ substitution; ${names.join(', ')} are unknown where defined`, script.word.start);
  for (const name of names) {
    const builder = scope.builder();
    builder.add(`${name} = ${UNKNOWN_MARK}`, { kind: 'expression', start: script.word.start, end: script.word.end });
    builder.add('\n', null);
    scope.edit({ kind: 'set-if-present', target: 'main.cf', name, fragment: builder.build(scope.context.file, form), key, span: scope.span(), form, maybe: true });
  }
}

function shaped(s: Substitution): { name: string; value: string; maybe: boolean } | null {
  const regex = LINE_START.exec(s.regex);
  const replacement = REPLACEMENT.exec(s.replacement);
  if (regex === null || replacement === null) return null;
  const name = regex[2] as string;
  if (replacement[1] !== name) return null;
  const rest = regex[3] as string;
  if (/^[a-z0-9_]/.test(rest)) return null;
  const whole = /\.\*\$?$/.test(rest);
  let value = (replacement[2] as string).replace(/(?<![ \t])[ \t]+$/, '');
  // `&` and back-references copy matched text we do not know.
  if (/(^|[^\\])(&|\\[0-9])/.test(value)) value = UNKNOWN_MARK;
  return { name, value, maybe: (regex[1] as string).includes('#') || !whole };
}
