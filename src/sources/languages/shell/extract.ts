/**
 * The shell reader's interpreter of commands that edit mail files (postconf,
 * sed -i, package installs, echo/printf/cat with redirections, tee): the simple commands
 * of ./parse.ts become edits. About 300 lines: one walk over the commands
 * with the shell state (variables, working directory) it keeps.
 */
import { type Position, UNKNOWN_MARK } from '../../../model/source.js';
import { emptyExtraction, type Extraction } from '../../contracts/edits.js';
import { CommandScope, type ShellContext } from './context.js';
import type { FragmentBuilder } from './fragment-builder.js';
import { quoted } from './notes.js';
import { parseShell } from './parse.js';
import { type SimpleCommand } from './syntax.js';
import { postconf } from './postconf.js';
import { sedArguments, sedEdits } from './sed.js';
import { exim4Answers } from './debconf.js';
import { looksLikeMailPath, mailTarget, type MailTarget } from './targets.js';
import { addHeredoc, wordOrigin, wordValue, type ShellVariables } from './words.js';

export type { ShellContext } from './context.js';

export interface ShellOptions {
  /** Variables known before the script starts (Dockerfile ENV, Packer environment_vars). */
  variables?: ReadonlyMap<string, string>;
  /** The working directory (Dockerfile WORKDIR), or null when unknown. */
  cwd?: string | null;
}

/** Commands that run the next words as a command (`sudo postconf -e ...`). */
const WRAPPERS = new Set(['sudo', 'env', 'command', 'exec', 'nohup', 'doas']);

/**
 * Shell code -> edits of mail configuration. Nothing is executed: commands
 * are recognised by name and their words read with quote removal and
 * literal-variable expansion only.
 */
export function extractShellText(text: string, position: (offset: number) => Position, context: ShellContext, options: ShellOptions = {}): Extraction {
  const out = emptyExtraction();
  const parsed = parseShell(text);
  for (const d of parsed.diagnostics) {
    const at = position(d.offset);
    out.diagnostics.push({ file: context.file, line: at.line, column: at.column, message: d.message, fatal: false });
  }
  const vars: ShellVariables = new Map(options.variables ?? []);
  let cwd = options.cwd ?? '/';
  const outputs = new Map<number, (builder: FragmentBuilder) => void>();
  parsed.commands.forEach((command, index) => {
    const run = new Runner(command, vars, cwd, context, position, out);
    const result = run.handle(parsed.commands[command.pipedFrom ?? -1] === undefined ? undefined : outputs.get(command.pipedFrom as number));
    if (result.output !== undefined) outputs.set(index, result.output);
    if (result.cwd !== undefined) cwd = result.cwd;
  });
  return out;
}

interface Handled {
  /** What the command writes to standard output, when we know it (echo, printf, cat <<EOF). */
  output?: (builder: FragmentBuilder) => void;
  cwd?: string;
}

class Runner {
  constructor(
    private readonly command: SimpleCommand,
    private readonly vars: ShellVariables,
    private readonly cwd: string,
    private readonly context: ShellContext,
    private readonly position: (offset: number) => Position,
    private readonly out: Extraction,
  ) {}

  handle(input: ((builder: FragmentBuilder) => void) | undefined): Handled {
    const command = this.command;
    const maybe = this.context.maybe || command.maybe;
    if (command.words.length === 0) {
      for (const a of command.assignments) this.assign(a.name, wordValue(a.value, this.vars).value, maybe);
      return {};
    }
    let words = command.words;
    while (words.length > 1) {
      const first = wordValue(words[0] as (typeof words)[0], this.vars).value;
      if (!WRAPPERS.has(first.slice(first.lastIndexOf('/') + 1))) break;
      words = words.slice(1);
      while (words.length > 1) {
        const w = wordValue(words[0] as (typeof words)[0], this.vars).value;
        if (!(w.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w))) break;
        words = words.slice(1);
      }
    }
    const scope = new CommandScope(command, words, this.vars, this.cwd, this.context, this.position, this.out);
    const head = scope.values[0]?.value ?? '';
    const name = head.slice(head.lastIndexOf('/') + 1);
    const prefix = new Map(command.assignments.map((a) => [a.name, wordValue(a.value, this.vars).value]));
    switch (name) {
      case 'export':
      case 'readonly':
      case 'declare':
      case 'typeset':
      case 'local':
        for (const v of scope.values.slice(1)) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(v.value);
          if (m !== null) this.assign(m[1] as string, m[2] as string, maybe);
        }
        return {};
      case 'unset':
        for (const v of scope.values.slice(1)) this.vars.delete(v.value);
        return {};
      case 'read':
        for (const v of scope.values.slice(1)) if (!v.value.startsWith('-')) this.vars.set(v.value, UNKNOWN_MARK);
        return {};
      case 'cd': {
        const to = scope.values[1]?.value ?? '/root';
        if (maybe) return { cwd: UNKNOWN_MARK };
        return { cwd: to.startsWith('/') ? to : `${this.cwd}/${to}` };
      }
      case 'postconf':
        postconf(scope, prefix.get('MAIL_CONFIG') ?? this.vars.get('MAIL_CONFIG'));
        return {};
      case 'sed':
        this.sed(scope);
        return {};
      case 'apt-get':
      case 'apt':
      case 'aptitude':
      case 'yum':
      case 'dnf':
      case 'microdnf':
        this.packages(scope, name);
        return {};
      case 'echo':
        return this.writes(scope, this.echo(scope));
      case 'printf':
        return this.writes(scope, this.printf(scope));
      case 'cat': {
        const heredoc = command.redirects.find((r) => r.heredoc !== null)?.heredoc ?? null;
        if (words.length > 1 || heredoc === null) {
          this.unreadWrite(scope, 'cat of a file on the target machine');
          return {};
        }
        return this.writes(scope, (b) => addHeredoc(b, heredoc, this.vars));
      }
      case 'tee':
        this.tee(scope, input);
        return {};
      case 'debconf-set-selections':
        this.debconfSelections(scope, input);
        return {};
      default:
        this.unreadWrite(scope, `the output of ${quoted(name)}`);
        if (['cp', 'mv', 'install', 'ln', 'rsync', 'curl', 'wget', 'm4'].includes(name)) {
          const last = scope.values[scope.values.length - 1]?.value ?? '';
          const t = mailTarget(last, this.cwd);
          if (t !== null) scope.note(`${quoted(name)} writes ${t.target} from content relaygate does not read; ${t.target} may differ from what relaygate judges`);
        }
        return {};
    }
  }

  private assign(name: string, value: string, maybe: boolean): void {
    this.vars.set(name, maybe ? UNKNOWN_MARK : value);
  }

  /** The file a `>`/`>>` redirection of standard output writes, if it is a mail file. */
  private writes(scope: CommandScope, output: ((b: FragmentBuilder) => void) | null): Handled {
    if (output === null) {
      this.unreadWrite(scope, 'output relaygate cannot compute');
      return {};
    }
    for (const r of this.command.redirects) {
      if (!(r.op === '>' || r.op === '>>' || r.op === '>|') || (r.fd !== null && r.fd !== 1) || r.target === null) continue;
      const path = wordValue(r.target, this.vars).value;
      const target = this.target(scope, path, r.target.start);
      if (target === null) continue;
      const builder = scope.builder();
      output(builder);
      scope.edit({ kind: r.op === '>>' ? 'append' : 'write', target: target.target, ...(target.name === undefined ? {} : { name: target.name }), fragment: builder.build(this.context.file, this.context.form), key: scope.key(target.directory), span: scope.span(), form: this.context.form, maybe: scope.maybe });
    }
    return { output };
  }

  private target(scope: CommandScope, path: string, offset: number): MailTarget | null {
    const target = mailTarget(path, this.cwd);
    if (target === null) {
      if (path.includes(UNKNOWN_MARK) && looksLikeMailPath(path)) scope.note(`the target path ${quoted(path.replaceAll(UNKNOWN_MARK, '?'))} could not be resolved; a write to mail configuration may be missed`, offset);
      return null;
    }
    if (target.directory.includes(UNKNOWN_MARK)) scope.note(`the directory of ${target.target} could not be resolved; the edit is kept apart from other instances`, offset);
    return target;
  }

  private unreadWrite(scope: CommandScope, what: string): void {
    for (const r of this.command.redirects) {
      if (!(r.op === '>' || r.op === '>>') || r.target === null) continue;
      const path = wordValue(r.target, this.vars).value;
      const target = mailTarget(path, this.cwd);
      if (target !== null) scope.note(`${target.target} is written with ${what}; ${target.target} may differ from what relaygate judges`, r.start);
    }
  }

  private echo(scope: CommandScope): (b: FragmentBuilder) => void {
    let first = 1;
    let newline = true;
    let escapes = false;
    while (first < scope.words.length && /^-[neE]+$/.test(scope.values[first]?.value ?? '')) {
      const flags = scope.values[first]?.value ?? '';
      if (flags.includes('n')) newline = false;
      if (flags.includes('e')) escapes = true;
      first++;
    }
    return (b) => {
      for (let i = first; i < scope.words.length; i++) {
        const word = scope.words[i];
        const resolved = scope.values[i];
        if (word === undefined || resolved === undefined) continue;
        if (i > first) b.add(' ', { kind: 'expression', start: (scope.words[i - 1] as typeof word).end, end: word.start });
        const value = escapes ? unescape(resolved.value) : resolved.value;
        b.add(value, wordOrigin(word, resolved.plain && value === resolved.value));
      }
      if (newline) b.add('\n', null);
    };
  }

  /** printf(1): `%s` takes the next argument, `%b` with escapes, `%%`; other conversions are unknown. */
  private printf(scope: CommandScope): ((b: FragmentBuilder) => void) | null {
    const format = scope.words[1];
    const formatValue = scope.values[1]?.value;
    if (format === undefined || formatValue === undefined) return null;
    return (b) => {
      let next = 2;
      const formatOrigin = { kind: 'expression' as const, start: format.start, end: format.end };
      const f = formatValue;
      let run = '';
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
          b.add(run, formatOrigin);
          run = '';
          const word = scope.words[next];
          const arg = scope.values[next];
          next++;
          if (word === undefined || arg === undefined) continue;
          if (conversion === 's') b.add(arg.value, wordOrigin(word, arg.plain));
          else if (conversion === 'b') b.add(unescape(arg.value), { kind: 'expression', start: word.start, end: word.end });
          else b.add(UNKNOWN_MARK, { kind: 'expression', start: word.start, end: word.end });
          continue;
        }
        run += c;
      }
      b.add(run, formatOrigin);
    };
  }

  private tee(scope: CommandScope, input: ((b: FragmentBuilder) => void) | undefined): void {
    const heredoc = this.command.redirects.find((r) => r.heredoc !== null)?.heredoc ?? null;
    const content = heredoc !== null ? (b: FragmentBuilder) => addHeredoc(b, heredoc, this.vars) : input;
    let append = false;
    for (let i = 1; i < scope.words.length; i++) {
      const value = scope.values[i]?.value ?? '';
      if (value === '-a' || value === '--append') {
        append = true;
        continue;
      }
      if (value.startsWith('-')) continue;
      const target = this.target(scope, value, (scope.words[i] as { start: number }).start);
      if (target === null) continue;
      if (content === undefined) {
        scope.note(`tee writes ${target.target} from input relaygate cannot compute; ${target.target} may differ from what relaygate judges`);
        continue;
      }
      const builder = scope.builder();
      content(builder);
      scope.edit({ kind: append ? 'append' : 'write', target: target.target, ...(target.name === undefined ? {} : { name: target.name }), fragment: builder.build(this.context.file, this.context.form), key: scope.key(target.directory), span: scope.span(), form: this.context.form, maybe: scope.maybe });
    }
  }

  /**
   * debconf-set-selections(1) reading answers from a heredoc or a pipe: the
   * exim4-config answers become the update-exim4.conf.conf settings its
   * config script writes from them when the package is configured
   * (./debconf.ts). Answers read from a file are not read (a note says so).
   */
  private debconfSelections(scope: CommandScope, input: ((b: FragmentBuilder) => void) | undefined): void {
    const heredoc = this.command.redirects.find((r) => r.heredoc !== null)?.heredoc ?? null;
    const content = heredoc !== null ? (b: FragmentBuilder) => addHeredoc(b, heredoc, this.vars) : input;
    if (content === undefined) {
      if (scope.values.length > 1 || this.command.redirects.some((r) => r.op === '<')) scope.note('debconf-set-selections reads answers from a file relaygate does not read; exim4-config answers may be missed');
      return;
    }
    const builder = scope.builder();
    content(builder);
    const answers = exim4Answers(builder.build(this.context.file, this.context.form));
    if (answers === null) return;
    scope.edit({ kind: 'set', target: 'update-exim4.conf.conf', fragment: answers, key: scope.key('/etc/exim4'), span: scope.span(), form: this.context.form, maybe: scope.maybe });
  }

  private sed(scope: CommandScope): void {
    const args = sedArguments(scope);
    for (const i of args.files) {
      const word = scope.words[i];
      if (word === undefined) continue;
      const target = this.target(scope, scope.values[i]?.value ?? '', word.start);
      if (target === null) continue;
      if (!args.inPlace) continue;
      if (args.scriptFile) {
        scope.note(`sed -f script on ${target.target} is not followed`, word.start);
        continue;
      }
      for (const script of args.scripts) sedEdits(scope, script, target);
    }
    if (!args.inPlace) this.unreadWrite(scope, 'sed output');
  }

  /** Installing the postfix package names the distribution whose packaged main.cf is the base. */
  private packages(scope: CommandScope, manager: string): void {
    const words = scope.values.map((v) => v.value);
    if (!words.some((w) => w === 'install')) return;
    if (!words.some((w) => /^postfix(?:[=-][0-9].*)?$/.test(w))) return;
    const distribution = manager.startsWith('apt') ? 'debian' : 'rhel';
    scope.edit({ kind: 'base', distribution, evidence: `${manager} install postfix`, key: scope.key('/etc/postfix'), span: scope.span(), form: this.context.form, maybe: scope.maybe });
  }
}

function unescape(text: string): string {
  return text.replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === '\\' ? '\\' : `\\${c}`));
}
