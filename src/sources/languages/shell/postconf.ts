import { UNKNOWN_MARK } from '../../../model/source.js';
import type { MasterField } from '../../contracts/edits.js';
import type { CommandScope } from './context.js';
import { quoted } from './notes.js';
import { ShellValue, splitValue } from './values.js';

/**
 * postconf(1) edits, as postconf.c and postconf_edit.c decide them:
 * - `-e name=value...` edits main.cf (implied since Postfix 2.8 when the
 *   first argument holds `=`), `-X name` removes and `-# name` comments out
 *   parameters (back to the default);
 * - with `-M`: `service/type=entry` replaces or adds whole master.cf entries,
 *   `-MX`/`-M#` remove or comment them out; with `-F`:
 *   `service/type/field=value` replaces one field; with `-P`:
 *   `service/type/parameter=value` sets a `-o` override, `-PX` removes it;
 *   `*` matches any service name or type;
 * - `-c DIR` (or MAIL_CONFIG) picks the configuration directory; `-o`
 *   overrides only for the output and `-n`/`-d` query: no edit.
 * postconf checks every argument before it writes anything: one it rejects
 * (a fatal error) leaves the files as they were.
 */
export function postconf(scope: CommandScope, mailConfig: string | undefined): void {
  let directory = mailConfig ?? '/etc/postfix';
  const flags = new Set<string>();
  const args: number[] = [];
  const fields = scope.fields;
  let options = true;
  for (let i = 1; i < fields.length; i++) {
    const value = (fields[i] as ShellValue).text;
    if (options && value === '--') {
      options = false;
      continue;
    }
    // glibc getopt permutes: options may follow arguments.
    if (options && value.startsWith('-') && value.length > 1 && !value.includes(UNKNOWN_MARK)) {
      for (let k = 1; k < value.length; k++) {
        const flag = value[k] as string;
        if (flag === 'c' || flag === 'o' || flag === 'C' || flag === 'T') {
          const rest = value.slice(k + 1);
          const argument = rest !== '' ? rest : (fields[++i]?.text ?? UNKNOWN_MARK);
          if (flag === 'c') directory = argument;
          break;
        }
        flags.add(flag);
      }
      continue;
    }
    args.push(i);
  }
  const fail = (why: string): void => scope.note(`postconf would exit with "${why}"; the command changes nothing`);
  const master = ['M', 'F', 'P'].filter((f) => flags.has(f));
  const edits = ['e', 'X', '#'].filter((f) => flags.has(f));
  if (master.length > 1) return fail(`specify one of -${master.join(' -')}`);
  if (edits.length > 1) return fail(`specify one of -${edits.join(' -')}`);
  if (flags.has('F') && (flags.has('X') || flags.has('#'))) return fail(`with option -F, do not specify -${flags.has('X') ? 'X' : '#'}`);
  if (flags.has('P') && flags.has('#')) return fail('with option -P, do not specify -#');
  const firstArgument = args.length > 0 ? fields[args[0] as number]?.text ?? '' : '';
  // An argument relaygate cannot read may hold the `=` that makes postconf edit.
  const implied = firstArgument.includes('=') ? 'yes' : firstArgument.includes(UNKNOWN_MARK) ? 'maybe' : 'no';
  const mode = edits[0] ?? (implied !== 'no' ? 'e' : null);
  if (mode === null || args.length === 0) return;
  const maybe = scope.maybe || (edits.length === 0 && implied === 'maybe');
  const values = args.map((i) => fields[i] as ShellValue);
  const context = { scope, directory, maybe };
  if (master.length === 0) mainEdits(context, mode, values, fail);
  else masterEdits(context, master[0] as 'M' | 'F' | 'P', mode, values, fail);
}

interface EditContext {
  scope: CommandScope;
  directory: string;
  maybe: boolean;
}

/** split_nameval(): `name = value` with blanks trimmed; null when postconf rejects it. */
function splitNameValue(value: ShellValue): { name: ShellValue; equals: ShellValue; value: ShellValue } | null {
  const at = value.text.indexOf('=');
  if (at < 0) return null;
  const name = value.slice(0, at).trim();
  if (name.text === '') return null;
  return { name, equals: value.slice(at, at + 1), value: value.slice(at + 1).trim() };
}

function mainEdits({ scope, directory, maybe }: EditContext, mode: string, values: ShellValue[], fail: (why: string) => void): void {
  const form = scope.context.form;
  if (mode === 'X' || mode === '#') {
    if (values.some((v) => v.text.includes('='))) return fail('-X or -# requires names without value');
    for (const value of values) {
      const name = value.trim();
      const origin = name.firstOrigin();
      const nameSpan = origin === null ? scope.span() : spanOfValue(scope, name);
      scope.edit({ kind: 'unset', target: 'main.cf', name: name.text, nameSpan, key: scope.key(directory), span: scope.span(), form, maybe, ...(mode === '#' ? { comment: true } : {}) });
    }
    return;
  }
  const settings: { name: ShellValue; equals: ShellValue; value: ShellValue }[] = [];
  for (const value of values) {
    const split = splitNameValue(value);
    if (split !== null) {
      settings.push(split);
      continue;
    }
    // A known argument without `=` is fatal.
    if (!value.unknown) return fail(`missing '=' after attribute name: "${quoted(value.text).slice(1, -1)}"`);
    const unknownAt = unknownName(value);
    if (unknownAt === null) return fail(`missing '=' after attribute name: "${quoted(value.text).slice(1, -1)}"`);
    settings.push(unknownAt);
  }
  const builder = scope.builder();
  for (const s of settings) {
    builder.addValue(s.name);
    builder.addValue(ShellValue.generated(' '));
    builder.addValue(s.equals);
    builder.addValue(ShellValue.generated(' '));
    // postconf writes the value on one line; a newline inside it would start another.
    builder.addValue(oneLine(s.value));
    builder.addValue(ShellValue.generated('\n'));
  }
  scope.edit({ kind: 'set', target: 'main.cf', fragment: builder.build(scope.file, form), key: scope.key(directory), span: scope.span(), form, maybe });
}

/**
 * An argument whose known text holds no `=`: the `=` can only come from its
 * first unresolved piece (`"$(postconf | grep '^mynetworks =') 10.0.0.0/8"`),
 * so the name is the known text before that piece followed by an unknown
 * part (any parameter name that starts so), and the value is unknown text
 * followed by the rest. split_nameval() ends the name at the first blank and
 * then wants `=`: known text with a blank inside before the piece is fatal
 * (null).
 */
function unknownName(value: ShellValue): { name: ShellValue; equals: ShellValue; value: ShellValue } | null {
  const at = value.text.indexOf(UNKNOWN_MARK);
  const prefix = value.slice(0, at).trim();
  if (/[ \t\r\n]/.test(prefix.text)) return null;
  // `name $(...)`: the name ended at the blank, so the piece starts with `=`.
  const named = prefix.text !== '' && /[ \t\r\n]/.test(value.text[at - 1] ?? '');
  return { name: named ? prefix : value.slice(0, at + 1).trim(), equals: ShellValue.generated('='), value: value.slice(at).trim() };
}

function oneLine(value: ShellValue): ShellValue {
  if (!value.text.includes('\n')) return value;
  const parts = splitValue(value, '\n').map((p) => p.trim());
  let out = ShellValue.EMPTY;
  parts.forEach((p, i) => {
    out = i > 0 ? out.concat(ShellValue.generated(' '), p) : out.concat(p);
  });
  return out;
}

function spanOfValue(scope: CommandScope, value: ShellValue): ReturnType<CommandScope['span']> {
  const range = value.range();
  if (range === null) return scope.span();
  const from = range.source.position(range.start);
  const to = range.source.position(range.end);
  return { file: range.source.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

const FIELDS: Record<string, MasterField> = Object.assign(Object.create(null) as Record<string, MasterField>, {
  service: 'service',
  type: 'type',
  private: 'private',
  unprivileged: 'unprivileged',
  chroot: 'chroot',
  wakeup: 'wakeup',
  process_limit: 'process_limit',
  command: 'command',
});

const TYPES = new Set(['inet', 'unix', 'unix-dgram', 'fifo', 'pass']);

/** pcf_parse_service_pattern(): `name/type[/third]`, empty parts skipped, `*` only on its own; null when postconf rejects it. */
export function servicePattern(text: string, parts: number): string[] | null {
  if (text.startsWith('/')) return null;
  const split = text.split('/').filter((p) => p !== '');
  if (split.length !== parts) return null;
  if (split.some((p) => p !== '*' && p.includes('*') && !p.includes(UNKNOWN_MARK))) return null;
  return split;
}

/**
 * pcf_parse_master_entry() and pcf_check_master_entry(): postconf's message
 * when it rejects an entry, or null. `argument` is the whole command-line
 * argument, `entry` the text after its `=`.
 */
export function entryError(argument: string, entry: string): string | null {
  const fieldsText = entryFields(entry);
  if (fieldsText.length < 8) return `bad field count: "${argument}"`;
  const [, type, priv, unpriv, chroot, wakeup, maxproc] = fieldsText as [string, string, string, string, string, string, string];
  const known = (s: string): boolean => !s.includes(UNKNOWN_MARK);
  if (known(type) && !TYPES.has(type)) return `invalid type field "${type}" in "${entry}"`;
  for (const [name, v] of [['private', priv], ['unprivileged', unpriv], ['chroot', chroot]] as const) {
    if (known(v) && (v.length !== 1 || !'yn-'.includes(v))) return `invalid ${name} field "${v}" in "${entry}"`;
  }
  const w = wakeup.endsWith('?') ? wakeup.slice(0, -1) : wakeup;
  if (known(wakeup) && !(w === '-' && wakeup.length === 1) && !/^[0-9]*$/.test(w)) return `invalid wakeup field "${wakeup}" in "${entry}"`;
  if (known(maxproc) && maxproc !== '-' && !/^[0-9]*$/.test(maxproc)) return `invalid process_limit field "${maxproc}" in "${entry}"`;
  return null;
}

/** Whitespace-separated fields outside `{ }` (argv_splitq with braces). */
export function entryFields(text: string): string[] {
  return entryFieldRanges(text).map(([start, end]) => text.slice(start, end));
}

/** Where each field of entryFields starts and ends in `text`. */
export function entryFieldRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++;
    if (i >= text.length) break;
    const start = i;
    let level = 0;
    for (; i < text.length; i++) {
      const c = text[i] as string;
      if (c === '{') level++;
      else if (c === '}' && level > 0) level--;
      else if (level === 0 && ' \t\r\n'.includes(c)) break;
    }
    out.push([start, i]);
  }
  return out;
}

function masterEdits({ scope, directory, maybe }: EditContext, which: 'M' | 'F' | 'P', mode: string, values: ShellValue[], fail: (why: string) => void): void {
  const form = scope.context.form;
  const key = scope.key(directory);
  const span = scope.span();
  const pending: (() => void)[] = [];
  const opts = which === 'M' ? '-Me, -MX or -M#' : which === 'F' ? '-Fe or -FX' : '-Pe or -PX';
  for (const value of values) {
    const text = value.text;
    if (text.includes('\n')) return fail('-Me, -Fe, -Pe, -X, or -# accept no multi-line input');
    if (text.trimStart().startsWith('#')) return fail('-Me, -Fe, -Pe, -X, or -# accept no comment input');
    let pattern = value;
    let setting: ShellValue | null = null;
    if (mode === 'e') {
      const split = splitNameValue(value);
      if (split === null) {
        if (!value.unknown) return fail(`missing '=' after attribute name`);
        // Unknown text standing for a whole `pattern=value`.
        pattern = value;
        setting = value;
      } else {
        pattern = split.name;
        setting = split.value;
      }
    } else if (text.includes('=')) return fail('-X or -# requires names without value');
    const parts = servicePattern(pattern.trim().text, which === 'M' ? 2 : 3);
    if (parts === null) {
      if (!pattern.unknown) return fail(`${opts} requires service_name/type${which === 'M' ? '' : which === 'F' ? '/field_name' : '/parameter'}`);
    }
    const [service, type, third] = parts ?? [UNKNOWN_MARK, UNKNOWN_MARK, UNKNOWN_MARK];
    const s = service as string;
    const t = type as string;
    if (which === 'M') {
      if (mode === 'e') {
        const entry = setting as ShellValue;
        const error = entry.unknown && entryFields(entry.text).length < 8 ? null : entryError(value.text, entry.text);
        if (error !== null) return fail(error);
        pending.push(() => {
          const builder = scope.builder();
          builder.addValue(entry);
          builder.addValue(ShellValue.generated('\n'));
          scope.edit({ kind: 'master-entry', target: 'master.cf', service: s, type: t, entry: builder.build(scope.file, form), key, span, form, maybe });
        });
      } else {
        pending.push(() => scope.edit({ kind: 'master-remove', target: 'master.cf', service: s, type: t, comment: mode === '#', key, span, form, maybe }));
      }
      continue;
    }
    const name = third as string;
    if (which === 'F') {
      if (name === '*') return fail('-Fe does not accept wild-card field name');
      const field = name.includes(UNKNOWN_MARK) ? null : (FIELDS[name] ?? null);
      if (field === null && !name.includes(UNKNOWN_MARK)) return fail(`invalid service attribute name: "${name}"`);
      const v = setting as ShellValue;
      if (field !== null && field !== 'command' && /[ \t\r\n]/.test(v.text)) return fail('-Fe does not accept whitespace in non-command field');
      pending.push(() => {
        const builder = scope.builder();
        builder.addValue(v);
        // A field relaygate cannot name may be any of them: the command (with its arguments) is the widest.
        scope.edit({ kind: 'master-field', target: 'master.cf', service: s, type: t, field: field ?? 'command', value: builder.build(scope.file, form), key, span, form, maybe: maybe || field === null });
      });
      continue;
    }
    if (name === '*') return fail('-Pe does not accept wild-card parameter name');
    if (mode === 'X') {
      pending.push(() => scope.edit({ kind: 'master-unset', target: 'master.cf', service: s, type: t, parameter: name, key, span, form, maybe }));
      continue;
    }
    const v = setting as ShellValue;
    if (/[ \t\r\n]/.test(v.text)) return fail('-Pe does not accept whitespace in parameter value');
    const argument = value.range() === null ? {} : { settingSpan: spanOfValue(scope, value) };
    pending.push(() => scope.edit({ kind: 'master-set', target: 'master.cf', service: s, type: t, parameter: name, value: v.text, valueSpan: spanOfValue(scope, v), ...argument, key, span, form, maybe }));
  }
  for (const p of pending) p();
}
