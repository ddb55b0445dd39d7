import { UNKNOWN_MARK } from '../../../model/source.js';
import type { CommandScope } from './context.js';
import { quoted } from './notes.js';
import { wordOrigin } from './words.js';

/**
 * postconf(1): `-e` edits main.cf with `name=value` arguments (implied since
 * Postfix 2.8 when an argument holds `=`), `-X` removes and `-#` comments out
 * parameters (both: back to the default), `-P` works on master.cf
 * `service/type/parameter` overrides, `-c DIR` (or MAIL_CONFIG) picks the
 * configuration directory. `-o` only overrides for the output, `-n`/`-d`
 * only query: no edit.
 */
export function postconf(scope: CommandScope, mailConfig: string | undefined): void {
  let directory = mailConfig ?? '/etc/postfix';
  const flags = new Set<string>();
  const args: number[] = [];
  const words = scope.words;
  for (let i = 1; i < words.length; i++) {
    const value = (scope.values[i] as { value: string }).value;
    if (value === '--') {
      for (let j = i + 1; j < words.length; j++) args.push(j);
      break;
    }
    if (value.startsWith('-') && value.length > 1 && args.length === 0) {
      for (let k = 1; k < value.length; k++) {
        const flag = value[k] as string;
        if (flag === 'c' || flag === 'o' || flag === 'b' || flag === 't') {
          const rest = value.slice(k + 1);
          const argument = rest !== '' ? rest : (scope.values[++i]?.value ?? UNKNOWN_MARK);
          if (flag === 'c') directory = argument;
          if (flag === 'o') flags.add('o');
          break;
        }
        flags.add(flag);
      }
      continue;
    }
    args.push(i);
  }
  const remove = flags.has('X') || flags.has('#');
  const query = ['n', 'd', 'h', 'l', 'm', 'A', 'a'].some((f) => flags.has(f));
  if (flags.has('M') || flags.has('F')) {
    scope.note('postconf -M/-F (master.cf entries and fields) is not read; master.cf may differ from what relaygate judges');
    return;
  }
  if (flags.has('P')) {
    masterOverrides(scope, args, remove, directory);
    return;
  }
  if (remove) {
    for (const i of args) {
      const word = scope.words[i];
      const { value } = scope.values[i] as { value: string };
      if (word === undefined) continue;
      scope.edit({ kind: 'unset', target: 'main.cf', name: value, nameSpan: scope.span(word.start, word.end), key: scope.key(directory), span: scope.span(), form: scope.context.form, maybe: scope.maybe });
    }
    return;
  }
  const settings = args.filter((i) => (scope.values[i]?.value ?? '').includes('='));
  if (query || settings.length === 0) return;
  const builder = scope.builder();
  for (const i of settings) {
    const word = scope.words[i];
    const resolved = scope.values[i];
    if (word === undefined || resolved === undefined) continue;
    const at = resolved.value.indexOf('=');
    // postconf trims the name and the value (split_nameval), so `a = b` in quotes is `a=b`.
    const name = resolved.value.slice(0, at).trim();
    const value = resolved.value.slice(at + 1).trim().replace(/(?<!\s)\s*\n\s*/g, ' ');
    if (resolved.plain) {
      builder.add(name, { kind: 'literal', offset: word.start });
      builder.add(' = ', { kind: 'expression', start: word.start + at, end: word.start + at + 1 });
      builder.add(value, { kind: 'literal', offset: word.start + at + 1 });
    } else {
      builder.add(`${name} = ${value}`, wordOrigin(word, false));
    }
    builder.add('\n', null);
  }
  scope.edit({ kind: 'set', target: 'main.cf', fragment: builder.build(scope.context.file, scope.context.form), key: scope.key(directory), span: scope.span(), form: scope.context.form, maybe: scope.maybe });
}

function masterOverrides(scope: CommandScope, args: number[], remove: boolean, directory: string): void {
  for (const i of args) {
    const word = scope.words[i];
    const resolved = scope.values[i];
    if (word === undefined || resolved === undefined) continue;
    const match = /^([^/=]+)\/([^/=]+)\/([^=]+)=(.*)$/s.exec(resolved.value);
    if (match === null || remove) {
      scope.note(`postconf -P argument ${quoted(resolved.value)} is not a service/type/parameter=value override; master.cf may differ`, word.start);
      continue;
    }
    const valueAt = resolved.value.indexOf('=');
    const valueSpan = resolved.plain ? scope.span(word.start + valueAt + 1, word.end) : scope.span(word.start, word.end);
    scope.edit({
      kind: 'master-set',
      target: 'master.cf',
      service: match[1] as string,
      type: match[2] as string,
      parameter: match[3] as string,
      value: (match[4] as string).trim(),
      valueSpan,
      key: scope.key(directory),
      span: scope.span(),
      form: scope.context.form,
      maybe: scope.maybe,
    });
  }
}
