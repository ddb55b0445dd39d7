import { UNKNOWN_MARK } from '../../../model/source.js';
import type { Edit, InstanceKey } from '../../contracts/edits.js';
import { concat, expression, literal, spanOf, toFragment, type MappedText } from '../../languages/yaml/mapped-text.js';
import { destinationOf, directoryFor, named, targetOfName, type Destination } from '../shared/destinations.js';
import type { ModuleCall } from './module-call.js';
import { parameterOfLine, parameterOfRegexp } from './parameter-names.js';
import { repositorySource } from './sources.js';

/** The mail file a module's `path`/`dest` names, or null (with a note when it is unknown). */
function destination(call: ModuleCall, names: string[]): Destination | null {
  const path = call.text(...names);
  if (path === null) return null;
  const text = path.text.text;
  if (!path.unknown) return destinationOf(text);
  // `{{ postfix_config_dir }}/main.cf`: the file name is known, the folder is not; edits of
  // the same unknown folder still group together because the unknown text is the same.
  const found = destinationOf(text);
  if (found === null && /main\.cf|master\.cf|sendmail|\/etc\/(?:postfix|mail)/.test(text.replaceAll(UNKNOWN_MARK, ''))) {
    call.context.out.notes.push(`${call.context.file}:${call.keySpan.line}: ${call.module} destination could not be resolved; task not read`);
  }
  return found;
}

/**
 * `dest: "{{ postfix_main_cf }}"` that the repository does not declare: a
 * template named like a mail file (`main.cf.j2`) still tells which file it
 * writes; its folder is assumed to be the usual one, and a note says so.
 */
function unresolvedDestination(call: ModuleCall, unknown: boolean, src: string | null): Destination | null {
  if (!unknown || src === null || src.includes(UNKNOWN_MARK)) return null;
  const name = src.slice(src.lastIndexOf('/') + 1).replace(/\.(?:j2|jinja2?)$/, '');
  const target = targetOfName(name);
  if (target === null) return null;
  call.context.out.notes.push(`${call.context.file}:${call.keySpan.line}: ${call.module} dest could not be resolved; ${target} assumed in ${directoryFor(target)} (from the src name)`);
  return { target, directory: directoryFor(target) };
}

/**
 * `{{ postfix_dir }}/main.cf` with the folder undeclared: a role manages one
 * configuration directory, so the usual one is assumed (and said), which
 * keeps the task in the same instance as the role's other edits.
 */
function keyOf(call: ModuleCall, where: Destination): InstanceKey {
  if (!where.directory.includes(UNKNOWN_MARK)) return { scope: call.context.scope, directory: where.directory };
  const directory = directoryFor(where.target);
  call.context.out.notes.push(`${call.context.file}:${call.keySpan.line}: the folder of ${where.target} could not be resolved; ${directory} assumed`);
  return { scope: call.context.scope, directory };
}

function base(call: ModuleCall): { span: Edit['span']; form: 'ansible'; maybe: boolean } {
  return { span: call.keySpan, form: 'ansible', maybe: call.maybe };
}

function withNewline(m: MappedText): MappedText {
  if (m.text.endsWith('\n') || m.text === '') return m;
  const end = m.pieces[m.pieces.length - 1];
  // The newline belongs to the line it ends: an expression's line stays one segment.
  if (end?.kind === 'expression') return concat([m, expression('\n', end.start, end.end)]);
  const offset = end === undefined ? 0 : end.offset + end.text.length;
  return concat([m, literal('\n', offset)]);
}

/**
 * lineinfile (ansible.builtin.lineinfile): with `regexp`, the LAST matching
 * line is replaced by `line`, or `line` is appended at the end when none
 * matches. For main.cf, whose last definition of a parameter wins
 * (postconf(5)), both outcomes equal "the parameter is set to this value":
 * a `set` edit. Without `regexp`, `line` is appended unless already present:
 * again `set`. With `backrefs: yes`, nothing is written when the regexp does
 * not match: `set-if-present`. `state: absent` removes matching lines: the
 * parameter is back to its default (`unset`), as is a `line` that comments it out.
 */
export function lineinfile(call: ModuleCall): Edit[] {
  const where = destination(call, ['path', 'dest', 'destfile', 'name']);
  if (where === null) return [];
  const { context } = call;
  const state = call.text('state');
  const absent = state !== null && state.text.text.trim() === 'absent';
  const regexp = call.text('regexp', 'regex');
  const line = call.text('line', 'value');
  if (where.target === 'update-exim4.conf.conf') return debconfLineinfile(call, where, regexp, line, absent);
  if (where.target !== 'main.cf') {
    if (where.target === 'sendmail.mc' && !absent && regexp === null && line !== null) {
      // m4 reads the .mc top to bottom; lineinfile adds a missing line at the end of the file.
      return [{ ...base(call), kind: 'append', key: keyOf(call, where), target: where.target, fragment: toFragment(withNewline(line.text), context.file, 'ansible', context.at) }];
    }
    context.out.notes.push(`${context.file}:${call.keySpan.line}: lineinfile on ${where.target} is not modelled; task not read`);
    return [];
  }
  const named = regexp !== null ? parameterOfRegexp(regexp.text.text) : null;
  if (absent) {
    const source = named !== null && regexp !== null ? { m: regexp.text, at: named } : line !== null ? locate(line.text, parameterOfLine(line.text.text)) : null;
    if (source === null) {
      context.out.notes.push(`${context.file}:${call.keySpan.line}: lineinfile state=absent does not name a main.cf parameter; task not read`);
      return [];
    }
    const name = source.m.text.slice(source.at.from, source.at.to);
    return [{ ...base(call), kind: 'unset', key: keyOf(call, where), target: 'main.cf', name, nameSpan: spanOf(source.m, source.at.from, source.at.to, context.file, context.at) }];
  }
  if (line === null) return [];
  const parameter = parameterOfLine(line.text.text);
  if (parameter === null || parameter.commented) {
    // `line: "#inet_interfaces = all"` replacing the definition the regexp finds comments it out.
    if (named !== null && regexp !== null && parameter?.commented === true) {
      const name = regexp.text.text.slice(named.from, named.to);
      return [{ ...base(call), kind: 'unset', key: keyOf(call, where), target: 'main.cf', name, nameSpan: spanOf(regexp.text, named.from, named.to, context.file, context.at) }];
    }
    context.out.notes.push(`${context.file}:${call.keySpan.line}: lineinfile line is not a main.cf "name = value" line; task not read`);
    return [];
  }
  const fragment = toFragment(withNewline(line.text), context.file, 'ansible', context.at);
  if (call.bool('backrefs') === true) {
    const name = line.text.text.slice(parameter.from, parameter.to);
    return [{ ...base(call), kind: 'set-if-present', key: keyOf(call, where), target: 'main.cf', name, fragment }];
  }
  return [{ ...base(call), kind: 'set', key: keyOf(call, where), target: 'main.cf', fragment }];
}

/** `dc_relay_nets='...'` at the start of an update-exim4.conf.conf line: the name, or null. */
function assignmentName(line: string): string | null {
  return /^[A-Za-z_][A-Za-z0-9_]*(?==)/.exec(line)?.[0] ?? null;
}

/**
 * lineinfile on Debian's update-exim4.conf.conf, a file update-exim4.conf
 * sources with the shell: the last assignment of a name wins, so replacing
 * the last line the regexp matches and appending the line when none
 * matches both leave the name set to the line's value, a `set` edit of the
 * file as it stands. With `backrefs: yes` nothing is written without a
 * match: only where the file sets the name. `insertbefore` without a
 * regexp for that name may put the line before an assignment that then
 * wins: the value may or may not take effect.
 */
function debconfLineinfile(call: ModuleCall, where: Destination, regexp: ReturnType<ModuleCall['text']>, line: ReturnType<ModuleCall['text']>, absent: boolean): Edit[] {
  const { context } = call;
  const skip = (why: string): Edit[] => {
    context.out.notes.push(`${context.file}:${call.keySpan.line}: lineinfile on update-exim4.conf.conf ${why}; task not read`);
    return [];
  };
  if (absent) return skip('with state=absent is not modelled');
  if (line === null) return [];
  const name = assignmentName(line.text.text);
  if (name === null) return skip('writes a line that is not a "dc_name=value" assignment');
  const named = regexp === null ? null : parameterOfRegexp(regexp.text.text);
  const sameName = named !== null && regexp !== null && regexp.text.text.slice(named.from, named.to) === name;
  if (regexp !== null && !sameName) return skip(`has a regexp that does not anchor on ${name}`);
  const backrefs = call.bool('backrefs') === true;
  if (backrefs && BACKREFERENCE.test(line.text.text)) return skip('uses back-references');
  const before = call.text('insertbefore') !== null && !sameName;
  const fragment = toFragment(withNewline(line.text), context.file, 'ansible', context.at);
  const edit: Edit = { ...base(call), kind: 'set', key: keyOf(call, where), target: 'update-exim4.conf.conf', fragment, fileEdit: true, ...(backrefs ? { ifPresent: name } : {}) };
  return [before ? { ...edit, maybe: true } : edit];
}

/** replace on update-exim4.conf.conf: a regexp anchored on a name, replaced by an assignment of that name, sets it where the file has it. */
function debconfReplace(call: ModuleCall, where: Destination): Edit[] {
  const { context } = call;
  const regexp = call.text('regexp');
  const replacement = call.text('replace');
  const named = regexp === null ? null : parameterOfRegexp(regexp.text.text);
  const text = replacement?.text ?? { text: '', pieces: [] };
  const name = assignmentName(text.text);
  const skip = (why: string): Edit[] => {
    context.out.notes.push(`${context.file}:${call.keySpan.line}: replace on update-exim4.conf.conf ${why}; task not read`);
    return [];
  };
  if (regexp === null || named === null) return skip('has a regexp that does not anchor on a setting');
  if (BACKREFERENCE.test(text.text)) return skip('uses back-references');
  if (name === null || name !== regexp.text.text.slice(named.from, named.to)) return skip('writes something other than an assignment of the name its regexp anchors on');
  const fragment = toFragment(withNewline(text), context.file, 'ansible', context.at);
  return [{ ...base(call), kind: 'set', key: keyOf(call, where), target: 'update-exim4.conf.conf', fragment, fileEdit: true, ifPresent: name }];
}

function locate(m: MappedText, at: { from: number; to: number } | null): { m: MappedText; at: { from: number; to: number } } | null {
  return at === null ? null : { m, at };
}

/**
 * blockinfile writes its block between marker lines, replacing an earlier
 * block with the same markers; approximated as an append (contracts/edits.ts), which
 * main.cf's last-wins makes exact for a block at the end of the file.
 */
export function blockinfile(call: ModuleCall): Edit[] {
  const where = destination(call, ['path', 'dest', 'destfile', 'name']);
  if (where === null) return [];
  const state = call.text('state');
  if (state !== null && state.text.text.trim() === 'absent') {
    call.context.out.notes.push(`${call.context.file}:${call.keySpan.line}: blockinfile state=absent is not modelled; task not read`);
    return [];
  }
  const block = call.text('block', 'content');
  if (block === null) return [];
  const fragment = toFragment(withNewline(block.text), call.context.file, 'ansible', call.context.at);
  return [{ ...base(call), kind: 'append', key: keyOf(call, where), target: where.target, ...named(where), fragment }];
}

/** copy with `content` writes the whole file; copy/template with `src` makes a repository file the target file. */
export function copyOrTemplate(call: ModuleCall): Edit[] {
  const { context } = call;
  const src = call.text('src');
  const dest = call.text('dest');
  if (dest === null) return [];
  let destText = dest.text.text;
  if (destText.endsWith('/') && src !== null) {
    const name = src.text.text.slice(src.text.text.lastIndexOf('/') + 1);
    destText += call.module === 'template' ? name.replace(/\.j2$/, '') : name;
  }
  const where = destinationOf(destText) ?? unresolvedDestination(call, dest.unknown, src?.text.text ?? null);
  if (where === null) return [];
  const content = call.module === 'copy' ? call.text('content') : null;
  if (content !== null) {
    const fragment = toFragment(content.text, context.file, 'ansible', context.at);
    return [{ ...base(call), kind: 'write', key: keyOf(call, where), target: where.target, ...named(where), fragment }];
  }
  if (src === null) return [];
  if (call.bool('remote_src') === true) {
    context.out.notes.push(`${context.file}:${call.keySpan.line}: ${call.module} copies ${where.target} from the target machine (remote_src); its content is unknown`);
    return [];
  }
  if (src.unknown) {
    context.out.notes.push(`${context.file}:${call.keySpan.line}: ${call.module} src could not be resolved; ${where.target} not linked`);
    return [];
  }
  const source = repositorySource(context, call.module === 'template' ? 'templates' : 'files', src.text.text);
  if (source === null) {
    context.out.notes.push(`${context.file}:${call.keySpan.line}: ${call.module} src "${src.text.text}" is not a repository file; ${where.target} not linked`);
    return [];
  }
  return [{ ...base(call), kind: 'link', key: keyOf(call, where), target: where.target, ...named(where), source, destination: destText }];
}


/** A replacement that refers to the match (`\1`, `\g<name>`) is text we do not reconstruct. */
const BACKREFERENCE = /\\(?:\d|g<)/;

/**
 * replace (ansible.builtin.replace) rewrites every match of `regexp` in
 * place and writes nothing when none matches: for a regexp that anchors on a
 * main.cf parameter and a replacement `name = value` line, `set-if-present`;
 * a replacement that comments the definition out (or is empty) removes it:
 * `unset`, which on a file without the definition changes nothing either.
 */
export function replaceModule(call: ModuleCall): Edit[] {
  const where = destination(call, ['path', 'dest', 'destfile', 'name']);
  if (where?.target === 'update-exim4.conf.conf') return debconfReplace(call, where);
  if (where === null || where.target !== 'main.cf') return [];
  const { context } = call;
  const regexp = call.text('regexp');
  const replacement = call.text('replace');
  const named = regexp === null ? null : parameterOfRegexp(regexp.text.text);
  if (regexp === null || named === null) {
    context.out.notes.push(`${context.file}:${call.keySpan.line}: replace regexp does not name a main.cf parameter; task not read`);
    return [];
  }
  const name = regexp.text.text.slice(named.from, named.to);
  const text = replacement?.text ?? { text: '', pieces: [] };
  if (BACKREFERENCE.test(text.text)) {
    context.out.notes.push(`${context.file}:${call.keySpan.line}: replace uses back-references; task not read`);
    return [];
  }
  const parameter = parameterOfLine(text.text);
  if (text.text.trim() === '' || text.text.startsWith('#')) {
    return [{ ...base(call), kind: 'unset', key: keyOf(call, where), target: 'main.cf', name, nameSpan: spanOf(regexp.text, named.from, named.to, context.file, context.at) }];
  }
  if (parameter === null) {
    context.out.notes.push(`${context.file}:${call.keySpan.line}: replace replacement is not a main.cf "name = value" line; task not read`);
    return [];
  }
  const fragment = toFragment(withNewline(text), context.file, 'ansible', context.at);
  return [{ ...base(call), kind: 'set-if-present', key: keyOf(call, where), target: 'main.cf', name: text.text.slice(parameter.from, parameter.to), fragment }];
}
