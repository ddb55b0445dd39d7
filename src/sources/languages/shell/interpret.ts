/**
 * The walk over a shell syntax tree (./parse.ts) that turns the commands
 * which edit mail files into edits. Nothing is executed: commands are
 * recognised by name, words are expanded over known values only
 * (./expand.ts), and control flow follows what can be decided:
 * - `if`/`case`/`&&`/`||` on a test of known strings take their branch; a
 *   branch relaygate cannot decide may or may not run (its edits are maybe);
 * - `for` over known words runs once per word; over unknown words (a glob,
 *   `$(...)`, the runtime's `${!prefix*}`) the body may run with an unknown
 *   value; `while`/`until` bodies may run;
 * - functions run when called, with the call's positional parameters;
 *   `.`/`source` and scripts the shell runs are read through the caller's
 *   resolver (a repository file, a file a Dockerfile COPY put there);
 * - every walk is bounded in steps, call depth and loop iterations.
 */
import { LineIndex, UNKNOWN_MARK } from '../../../model/source.js';
import { emptyExtraction, type Edit, type Extraction } from '../../contracts/edits.js';
import { CommandScope, type ShellContext } from './context.js';
import { Environment } from './environment.js';
import { expandWord, expandWordAsOne, type ExpandContext } from './expand.js';
import { shellNote, quoted } from './notes.js';
import { catOutput, echoOutput, printfOutput, redirectsStdout, tee, UNKNOWN_OUTPUT, writeRedirects, type Output } from './output.js';
import { globMatch } from './pattern.js';
import { parseShell } from './parse.js';
import { postconf } from './postconf.js';
import { sedArguments, sedEdits } from './sed.js';
import type { AndOr, Command, Pipeline, Redirect, ShellList, SimpleCommand } from './syntax.js';
import { mailTarget } from './targets.js';
import { distributionOfPackageManager } from '../../contracts/distributions.js';
import { exim4Answers } from './debconf.js';
import { FragmentBuilder } from './fragment-builder.js';
import { SourceMap, type Fragment, type MapSegment } from '../../contracts/fragment.js';
import { evaluateTest, type Truth } from './test-expression.js';
import { ShellValue, type ShellSource } from './values.js';

/** A file the shell names (a sourced library, a script it runs), as the caller can read it. */
export interface ResolvedScript {
  /** Repository path (findings point here). */
  file: string;
  text: string;
}

/** How a path the shell names is read: relative paths are against `cwd`; null when relaygate does not have the file. */
export type ScriptResolver = (path: string, cwd: string, from: string) => ResolvedScript | null;

/** Bounds: a reading stops here, with a note. */
const MAX_STEPS = 20_000;
const MAX_DEPTH = 24;
const MAX_ITERATIONS = 256;

/** Commands that run the next words as a command; the number of their own option arguments before it. */
const WRAPPERS: ReadonlyMap<string, number> = new Map([
  ['sudo', 0],
  ['env', 0],
  ['command', 0],
  ['builtin', 0],
  ['exec', 0],
  ['nohup', 0],
  ['doas', 0],
  ['time', 0],
  ['nice', 0],
  ['tini', 0],
  ['dumb-init', 0],
  ['gosu', 1],
  ['su-exec', 1],
  ['s6-setuidgid', 1],
]);

/** Commands that write something to standard output relaygate does not compute (others are taken to write nothing). */
const PRODUCERS = new Set(['awk', 'gawk', 'mawk', 'head', 'tail', 'cut', 'tr', 'sort', 'uniq', 'envsubst', 'curl', 'wget', 'base64', 'hostname', 'date', 'openssl', 'jq', 'yq', 'gomplate', 'consul-template', 'confd', 'm4', 'python', 'python3', 'perl', 'ruby', 'node', 'php', 'xargs', 'find', 'ls', 'dig', 'getent', 'ip', 'id', 'whoami', 'uname']);

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'zsh', 'busybox']);

type Status = 'success' | 'failure' | 'unknown' | 'assumed';

interface Frame {
  env: Environment;
  source: ShellSource;
  /** The commands here may or may not run. */
  maybe: boolean;
  /**
   * They may or may not run once the innermost function call (or child
   * shell) has begun: what a variable local to that call holds depends only
   * on this, since nothing outside the call sees it.
   */
  sinceCall: boolean;
  depth: number;
  /** Output collected for an enclosing `{ ...; } > file`. */
  collect: ShellValue[] | null;
  collectUnknown: boolean;
  /** Set by exit/return/break/continue: the rest of the list does not run. */
  stop: { kind: 'exit' | 'return' | 'break' | 'continue' } | null;
  /**
   * Shared by the frames of one function call or script: an early
   * `return`/`exit` under an undecided condition makes the rest of it maybe.
   */
  flow: { maybe: boolean };
}

export class Interpreter {
  readonly out: Extraction = emptyExtraction();
  readonly ran = new Set<string>();
  private steps = 0;
  private exhausted = false;

  constructor(
    readonly context: ShellContext,
    private readonly resolve: ScriptResolver | null,
  ) {}

  /** Reads one text in `env` (a script, a RUN line, a heredoc). */
  run(source: ShellSource, env: Environment, maybe = false, depth = 0): void {
    const parsed = parseShell(source.text);
    for (const d of parsed.diagnostics) {
      const at = source.position(d.offset);
      this.out.diagnostics.push({ file: source.file, line: at.line, column: at.column, message: d.message, fatal: false });
    }
    const frame: Frame = { env, source, maybe: maybe || this.context.maybe, sinceCall: maybe || this.context.maybe, depth, collect: null, collectUnknown: false, stop: null, flow: { maybe: false } };
    this.list(parsed.program, frame);
  }

  /** Runs one command line given as fields (a Dockerfile exec-form ENTRYPOINT/CMD). */
  runFields(fields: ShellValue[], source: ShellSource, env: Environment, start: number, end: number): void {
    const command: SimpleCommand = { kind: 'simple', assignments: [], words: [], redirects: [], start, end };
    const frame: Frame = { env, source, maybe: this.context.maybe, sinceCall: this.context.maybe, depth: 0, collect: null, collectUnknown: false, stop: null, flow: { maybe: false } };
    this.dispatch(command, fields, false, new Map(), frame, null);
  }

  private step(frame: Frame, offset: number): boolean {
    if (this.exhausted) return false;
    if (++this.steps > MAX_STEPS) {
      this.exhausted = true;
      this.out.notes.push(shellNote(frame.source.file, frame.source.position(offset), `reading stopped after ${MAX_STEPS} commands; later edits are not read`));
      return false;
    }
    return true;
  }

  private list(list: ShellList, frame: Frame): Status {
    let status: Status = 'success';
    for (const item of list.items) {
      if (frame.stop !== null || this.exhausted) break;
      if (frame.flow.maybe) {
        frame.maybe = true;
        frame.sinceCall = true;
      }
      status = this.andOr(item, frame);
    }
    return status;
  }

  private andOr(item: AndOr, frame: Frame): Status {
    let status = this.pipeline(item.first, frame);
    for (const { op, pipeline } of item.rest) {
      if (frame.stop !== null) break;
      const runs: Truth = op === '&&' ? (status === 'failure' ? false : status === 'unknown' ? 'unknown' : true) : status === 'success' ? false : status === 'failure' ? true : 'unknown';
      if (runs === false) continue;
      if (runs === true) status = this.pipeline(pipeline, frame);
      else {
        this.maybeRun(frame, (f) => this.pipeline(pipeline, f));
        status = 'unknown';
      }
    }
    return status;
  }

  /** Runs `body` as code that may or may not run. */
  private maybeRun(frame: Frame, body: (f: Frame) => Status): Status {
    body({ ...frame, maybe: true, sinceCall: true, stop: null });
    return 'unknown';
  }

  private pipeline(p: Pipeline, frame: Frame): Status {
    let input: Output | null = null;
    let status: Status = 'success';
    p.commands.forEach((command, i) => {
      if (frame.stop !== null) return;
      const last = i === p.commands.length - 1;
      const result = this.command(command, frame, input, !last);
      input = result.output;
      status = result.status;
    });
    if (!p.negated) return status;
    return status === 'success' ? 'failure' : status === 'failure' ? 'success' : 'unknown';
  }

  private command(command: Command, frame: Frame, input: Output | null, piped: boolean): { status: Status; output: Output | null } {
    switch (command.kind) {
      case 'simple':
        return this.simple(command, frame, input, piped);
      case 'function':
        frame.env.functions.set(command.name, { name: command.name, body: command.body, source: frame.source });
        return { status: 'success', output: null };
      case 'arithmetic':
        return { status: 'unknown', output: null };
      case 'if':
      case 'for':
      case 'while':
      case 'until':
      case 'case':
      case 'group':
      case 'subshell':
        return this.compound(command, frame, input);
    }
  }

  /** Compound commands, with their stdout redirections collected into one write. */
  private compound(command: Exclude<Command, SimpleCommand | { kind: 'function' | 'arithmetic' }>, frame: Frame, input: Output | null): { status: Status; output: Output | null } {
    const redirected = redirectsStdout(command.redirects);
    const inner: Frame = redirected ? { ...frame, collect: [], collectUnknown: false } : frame;
    let status: Status;
    switch (command.kind) {
      case 'if':
        status = this.ifCommand(command, inner);
        break;
      case 'for':
        status = this.forCommand(command, inner);
        break;
      case 'while':
      case 'until':
        this.list(command.condition, inner);
        if (inner.stop === null) this.maybeRun(inner, (f) => this.loopBody(command.body, f));
        status = 'unknown';
        break;
      case 'case':
        status = this.caseCommand(command, inner);
        break;
      case 'group':
        status = this.list(command.body, inner);
        break;
      case 'subshell': {
        const sub: Frame = { ...inner, env: cloneEnvironment(inner.env), stop: null, flow: { maybe: false } };
        status = this.list(command.body, sub);
        if (sub.stop?.kind === 'exit') status = 'unknown';
        break;
      }
    }
    if (redirected) {
      if (frame !== inner) {
        frame.maybe = frame.maybe || inner.maybe;
        frame.sinceCall = frame.sinceCall || inner.sinceCall;
        frame.stop = inner.stop;
      }
      const collected = inner.collect ?? [];
      const output: Output = inner.collectUnknown ? UNKNOWN_OUTPUT : { kind: 'known', value: ShellValue.EMPTY.concat(...collected) };
      const scope = this.scopeFor({ kind: 'simple', assignments: [], words: [], redirects: command.redirects, start: command.start, end: command.end }, [], false, new Map(), frame);
      writeRedirects(scope, command.redirects, output, 'commands whose output relaygate cannot compute');
    }
    void input;
    return { status, output: null };
  }

  private loopBody(body: ShellList, frame: Frame): Status {
    const status = this.list(body, frame);
    if (frame.stop?.kind === 'break' || frame.stop?.kind === 'continue') frame.stop = null;
    return status;
  }

  private ifCommand(command: Extract<Command, { kind: 'if' }>, frame: Frame): Status {
    let undecided = false;
    for (const clause of command.clauses) {
      if (undecided) {
        // After an undecided condition every later branch may run, unless its own condition is false.
        this.maybeRun(frame, (f) => (truthOf(this.list(clause.condition, f)) === false ? 'failure' : this.list(clause.body, f)));
        continue;
      }
      const truth = truthOf(this.list(clause.condition, frame));
      if (frame.stop !== null) return 'unknown';
      if (truth === true) return this.list(clause.body, frame);
      if (truth === false) continue;
      undecided = true;
      this.maybeRun(frame, (f) => this.list(clause.body, f));
    }
    if (command.otherwise !== null) {
      if (!undecided) return this.list(command.otherwise, frame);
      this.maybeRun(frame, (f) => this.list(command.otherwise as ShellList, f));
    }
    return undecided ? 'unknown' : 'success';
  }

  private forCommand(command: Extract<Command, { kind: 'for' }>, frame: Frame): Status {
    const env = frame.env;
    if (command.variable === null) {
      this.maybeRun(frame, (f) => this.loopBody(command.body, f));
      return 'unknown';
    }
    const variable = command.variable;
    let values: ShellValue[] = [];
    let uncertain = false;
    if (command.words === null) {
      if (env.positional === null) uncertain = true;
      else values = [...env.positional];
    } else {
      for (const word of command.words) {
        const expanded = expandWord(word, this.expandContext(frame), 'all');
        values.push(...expanded.fields);
        if (expanded.uncertain) uncertain = true;
      }
    }
    if (values.length > MAX_ITERATIONS) {
      values = [];
      uncertain = true;
    }
    // Drop the unknown placeholders: they stand for the iterations relaygate cannot list.
    const known = values.filter((v) => !v.unknown);
    if (known.length !== values.length) uncertain = true;
    const nameOrigin = ShellValue.generated(variable);
    const before = this.out.edits.length;
    for (const value of known) {
      if (frame.stop !== null) break;
      // The variable holds this word in this iteration, whether or not the loop itself may run.
      env.assign(variable, value, nameOrigin, false);
      this.loopBody(command.body, frame);
    }
    if (uncertain && frame.stop === null) {
      const namesSet = setNames(this.out.edits.slice(before));
      const from = this.out.edits.length;
      const start = command.words?.[0]?.start ?? command.start;
      env.assign(variable, ShellValue.unknown(frame.source, start, command.words?.[command.words.length - 1]?.end ?? start + 1), nameOrigin, false);
      this.maybeRun(frame, (f) => this.loopBody(command.body, f));
      // The iterations relaygate cannot list run for names it does not know: not the ones it listed.
      if (namesSet.length > 0) for (const edit of this.out.edits.slice(from)) if (edit.kind === 'set') edit.unknownNameExcludes = [...new Set([...(edit.unknownNameExcludes ?? []), ...namesSet])];
    }
    return uncertain ? 'unknown' : 'success';
  }

  private caseCommand(command: Extract<Command, { kind: 'case' }>, frame: Frame): Status {
    const subject = expandWordAsOne(command.subject, this.expandContext(frame));
    let undecided = false;
    for (const item of command.items) {
      let truth: Truth = false;
      for (const pattern of item.patterns) {
        const p = expandWordAsOne(pattern, this.expandContext(frame));
        const m = subject.unknown || p.unknown ? null : globMatch(p.text, subject.text);
        if (m === true) {
          truth = true;
          break;
        }
        if (m === null) truth = 'unknown';
      }
      if (truth === true && !undecided) return this.list(item.body, frame);
      if (truth === false) continue;
      undecided = true;
      this.maybeRun(frame, (f) => this.list(item.body, f));
    }
    return undecided ? 'unknown' : 'success';
  }

  expandContext(frame: Frame): ExpandContext {
    return { env: frame.env, source: frame.source, substitute: (text, start) => this.substitution(text, start, frame) };
  }

  /**
   * `$(...)` whose output relaygate can tell: `dirname`/`basename` of a known
   * path, `pwd`, `cd DIR && pwd` (how scripts find the files beside them).
   */
  private substitution(text: string, start: number, frame: Frame): ShellValue | null {
    if (text.length > 400) return null;
    const source: ShellSource = { file: frame.source.file, text: frame.source.text, position: (o) => frame.source.position(o) };
    const inner = parseShell(frame.source.text.slice(start, start + text.length));
    const items = inner.program.items;
    if (items.length !== 1) return null;
    const chain = [items[0]?.first, ...(items[0]?.rest.map((r) => r.pipeline) ?? [])];
    let cwd = frame.env.cwd;
    let result: ShellValue | null = null;
    for (const p of chain) {
      const c = p?.commands[0];
      if (p === undefined || c === undefined || c.kind !== 'simple' || p.commands.length !== 1) return null;
      const shifted: ShellSource = { ...source, position: (o) => source.position(o + start) };
      const ctx: ExpandContext = { env: frame.env, source: shifted, substitute: () => null };
      const fields = c.words.flatMap((w) => expandWord(w, ctx).fields).map((f) => f.text);
      const [name, ...args] = fields;
      const arg = args.filter((a) => !a.startsWith('-'))[0];
      if (name === 'pwd') result = ShellValue.generated(cwd);
      else if (name === 'cd' && arg !== undefined) cwd = arg.startsWith('/') ? arg : `${cwd}/${arg}`;
      else if ((name === 'dirname' || name === 'basename' || name === 'realpath' || name === 'readlink') && arg !== undefined) {
        if (arg.includes(UNKNOWN_MARK)) return null;
        const trimmed = arg.replace(/(?<!\/)\/+$/, '') || '/';
        const cut = trimmed.lastIndexOf('/');
        result = ShellValue.generated(name === 'dirname' ? (cut < 0 ? '.' : cut === 0 ? '/' : trimmed.slice(0, cut)) : name === 'basename' ? trimmed.slice(cut + 1) : arg);
      } else return null;
    }
    return result;
  }

  private scopeFor(command: SimpleCommand, fields: ShellValue[], uncertain: boolean, prefix: ReadonlyMap<string, ShellValue>, frame: Frame): CommandScope {
    return new CommandScope(command, fields, uncertain, prefix, frame.env, frame.source, this.context, frame.maybe, this.out, this.expandContext(frame));
  }

  private simple(command: SimpleCommand, frame: Frame, input: Output | null, piped: boolean): { status: Status; output: Output | null } {
    if (!this.step(frame, command.start)) return { status: 'unknown', output: null };
    const ctx = this.expandContext(frame);
    if (command.words.length === 0) {
      for (const a of command.assignments) this.assign(a, frame);
      return { status: 'success', output: null };
    }
    const prefix = new Map<string, ShellValue>();
    for (const a of command.assignments) prefix.set(a.name, a.array ? ShellValue.unknown(frame.source, a.start, a.end) : expandWordAsOne(a.value, ctx));
    const fields: ShellValue[] = [];
    let uncertain = false;
    const extendedTest = command.words[0]?.raw === '[[';
    for (const word of command.words) {
      const expanded = expandWord(word, ctx, extendedTest ? 'none' : 'paths');
      fields.push(...expanded.fields);
      if (expanded.uncertain) uncertain = true;
    }
    const result = this.dispatch(command, fields, uncertain, prefix, frame, input);
    if (result.output !== null && !piped && !redirectsStdout(command.redirects) && frame.collect !== null) {
      if (result.output.kind === 'known') frame.collect.push(result.output.value);
      else frame.collectUnknown = true;
    }
    return result;
  }

  private assign(a: SimpleCommand['assignments'][number], frame: Frame): void {
    const ctx = this.expandContext(frame);
    const nameOrigin = ShellValue.literal(a.name, frame.source, a.start);
    let value = a.array ? ShellValue.unknown(frame.source, a.start, a.end) : expandWordAsOne(a.value, ctx);
    if (a.append) {
      const old = frame.env.lookup(a.name);
      value = (old.state === 'set' ? old.value : old.state === 'unset' ? ShellValue.EMPTY : ShellValue.unknown(frame.source, a.start, a.end)).concat(value);
    }
    frame.env.assign(a.name, value, nameOrigin, this.assignMaybe(frame, a.name));
  }

  /** A variable local to the running function is as certain as the commands since the call began. */
  private assignMaybe(frame: Frame, name: string): boolean {
    return frame.env.isLocal(name) ? frame.sinceCall : frame.maybe;
  }

  private dispatch(command: SimpleCommand, allFields: ShellValue[], uncertain: boolean, prefix: Map<string, ShellValue>, frame: Frame, input: Output | null): { status: Status; output: Output | null } {
    let fields = allFields;
    // `sudo`, `env A=b`, `exec`, `gosu user`...: the command is what follows.
    for (;;) {
      const head = fields[0]?.text ?? '';
      const skip = WRAPPERS.get(head.slice(head.lastIndexOf('/') + 1));
      if (skip === undefined || fields.length < 2) break;
      let rest = fields.slice(1);
      while (rest.length > 1) {
        const w = rest[0]?.text ?? '';
        const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(w);
        if (assignment !== null && head.endsWith('env')) {
          prefix.set(assignment[1] as string, (rest[0] as ShellValue).slice(assignment[0].length));
          rest = rest.slice(1);
          continue;
        }
        if (w === '--') {
          rest = rest.slice(1);
          break;
        }
        if (!w.startsWith('-')) break;
        rest = rest.slice(1);
      }
      fields = rest.slice(skip);
    }
    const scope = this.scopeFor(command, fields, uncertain, prefix, frame);
    const head = fields[0];
    if (head === undefined) return { status: 'success', output: null };
    if (head.unknown) {
      // `"do_$1_regen"`: any function whose name fits may be the one called.
      const candidates = [...frame.env.functions.values()].filter((f) => fitsUnknown(head.text, f.name));
      for (const fn of candidates) this.maybeRun(frame, (f) => this.callFunction(fn, this.scopeFor(command, fields, uncertain, prefix, f), f, prefix).status);
      writeRedirects(scope, command.redirects, UNKNOWN_OUTPUT, 'the output of a command relaygate cannot name');
      return { status: 'unknown', output: UNKNOWN_OUTPUT };
    }
    const fn = frame.env.functions.get(head.text);
    if (fn !== undefined) return this.callFunction(fn, scope, frame, prefix);
    const name = head.text.slice(head.text.lastIndexOf('/') + 1);
    const env = frame.env;
    const out = (output: Output | null, status: Status = 'success'): { status: Status; output: Output | null } => {
      if (output !== null) writeRedirects(scope, command.redirects, output, 'output relaygate cannot compute');
      return { status, output };
    };
    switch (name) {
      case 'export':
      case 'readonly':
      case 'declare':
      case 'typeset':
      case 'local':
        this.declare(scope, name, frame);
        return out(null);
      case 'unset':
        for (const v of scope.values.slice(1)) if (!v.startsWith('-')) env.unset(v, frame.maybe);
        return out(null);
      case 'read':
        for (const v of scope.values.slice(1)) if (!v.startsWith('-') && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) env.assign(v, ShellValue.unknown(frame.source, command.start, command.end), ShellValue.generated(v), false);
        return out(null, 'unknown');
      case 'cd': {
        const to = scope.values[1] ?? '/root';
        env.cwd = frame.maybe || to.includes(UNKNOWN_MARK) ? UNKNOWN_MARK : to.startsWith('/') ? to : `${env.cwd}/${to}`;
        return out(null);
      }
      case 'set':
        if (scope.values[1] === '--') env.positional = uncertain ? null : fields.slice(2);
        return out(null);
      case 'shift': {
        const n = Number(scope.values[1] ?? '1');
        if (env.positional !== null) env.positional = Number.isInteger(n) ? env.positional.slice(n) : null;
        return out(null);
      }
      case 'exit':
      case 'return':
        return this.stop(name, scope, frame);
      case 'break':
      case 'continue':
        if (!frame.maybe) frame.stop = { kind: name };
        else frame.flow.maybe = true;
        return out(null);
      case 'true':
      case ':':
        return out(null, 'success');
      case 'false':
        return out(null, 'failure');
      case '[':
      case 'test':
      case '[[': {
        const closing = name === '[' ? ']' : name === '[[' ? ']]' : null;
        let args = scope.values.slice(1);
        if (closing !== null && args[args.length - 1] === closing) args = args.slice(0, -1);
        const truth = uncertain ? 'unknown' : evaluateTest(args, name === '[[', (n) => (env.lookup(n).state === 'set' ? true : env.lookup(n).state === 'unset' ? false : 'unknown'));
        return out(null, truth === 'unknown' ? 'unknown' : truth ? 'success' : 'failure');
      }
      case '.':
      case 'source':
        return this.source(scope, frame);
      case 'postconf':
        postconf(scope, prefix.get('MAIL_CONFIG')?.text ?? env.variable('MAIL_CONFIG')?.value.text);
        return out(null, 'assumed');
      case 'sed':
        this.sed(scope);
        return out(scope.values.some((v) => v === '-i' || v.startsWith('-i') || v.startsWith('--in-place')) ? null : UNKNOWN_OUTPUT, 'assumed');
      case 'apt-get':
      case 'apt':
      case 'aptitude':
      case 'yum':
      case 'dnf':
      case 'microdnf':
      case 'apk':
      case 'zypper':
        this.packages(scope, name);
        return out(null, 'assumed');
      case 'debconf-set-selections':
        this.debconf(scope, catOutput(scope, input), frame);
        return out(null, 'assumed');
      case 'echo':
        return out(echoOutput(scope));
      case 'printf':
        return out(printfOutput(scope));
      case 'cat':
        return out(catOutput(scope, input));
      case 'tee':
        return { status: 'success', output: tee(scope, input) };
      case 'grep':
      case 'egrep':
      case 'fgrep':
        return out(scope.values.some((v) => /^-[a-zA-Z]*q/.test(v)) ? null : UNKNOWN_OUTPUT, 'unknown');
      case 'eval':
        if (scope.values.slice(1).some((v) => /postconf|main\.cf|master\.cf|sendmail/.test(v))) scope.note('eval runs text relaygate does not read; mail configuration may differ from what relaygate judges');
        return out(null, 'unknown');
      default:
        break;
    }
    if (SHELLS.has(name)) return this.shell(scope, frame, input);
    const resolved = this.runScript(scope, head.text, fields.slice(1), frame);
    if (resolved !== null) return resolved;
    writeRedirects(scope, command.redirects, UNKNOWN_OUTPUT, `the output of ${quoted(name)}`);
    if (this.foreignEditor(scope, name)) return { status: 'assumed', output: null };
    if (['cp', 'mv', 'install', 'ln', 'rsync', 'curl', 'wget', 'm4'].includes(name)) {
      const last = scope.fields[scope.fields.length - 1];
      const t = last === undefined ? null : mailTarget(last.text, env.cwd);
      if (t !== null) scope.noteAt(last, `${quoted(name)} writes ${t.target} from content relaygate does not read; ${t.target} may differ from what relaygate judges`);
    }
    return { status: 'assumed', output: PRODUCERS.has(name) ? UNKNOWN_OUTPUT : null };
  }

  /**
   * A program relaygate does not know, given main.cf and `name=value` words
   * (an in-repository configuration editor such as `tools/editconf.py
   * /etc/postfix/main.cf inet_interfaces=all`): it is not trusted to be
   * postconf, but the parameters it names may change, so they are unknown.
   */
  private foreignEditor(scope: CommandScope, name: string): boolean {
    const fields = scope.fields.slice(1);
    const file = fields.find((f) => mailTarget(f.text, scope.env.cwd)?.target === 'main.cf');
    if (file === undefined) return false;
    const settings = fields.filter((f) => /^[a-z][a-z0-9_]*=/.test(f.text));
    if (settings.length === 0) return false;
    const target = mailTarget(file.text, scope.env.cwd);
    if (target === null) return false;
    const names = settings.map((f) => f.text.slice(0, f.text.indexOf('=')));
    scope.noteAt(file, `${quoted(name)} writes main.cf (${names.join(', ')}); relaygate does not read that program, so those parameters are unknown`);
    const builder = scope.builder();
    for (const f of settings) {
      const at = f.text.indexOf('=');
      builder.addValue(f.slice(0, at));
      builder.addValue(ShellValue.generated(' = '));
      builder.addValue(f.slice(at + 1).spanning(UNKNOWN_MARK));
      builder.addValue(ShellValue.generated('\n'));
    }
    scope.edit({ kind: 'set', target: 'main.cf', fragment: builder.build(scope.file, scope.context.form), key: scope.key(target.directory), span: scope.span(), form: scope.context.form, maybe: true });
    return true;
  }

  private declare(scope: CommandScope, name: string, frame: Frame): void {
    const env = frame.env;
    const exported = name === 'export' || scope.values.slice(1).some((v) => /^-[a-zA-Z]*x/.test(v));
    for (const field of scope.fields.slice(1)) {
      const text = field.text;
      if (text.startsWith('-')) continue;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(=|$)/.exec(text);
      if (m === null) continue;
      const variable = m[1] as string;
      if (name === 'local') env.declareLocal(variable);
      if (m[2] === '=') env.assign(variable, field.slice(m[0].length), field.slice(0, variable.length), this.assignMaybe(frame, variable), exported || undefined);
      if (exported) env.export(variable);
    }
  }

  private stop(name: 'exit' | 'return', scope: CommandScope, frame: Frame): { status: Status; output: Output | null } {
    if (!frame.maybe) {
      frame.stop = { kind: name };
      return { status: 'success', output: null };
    }
    // Under an undecided condition: an `exit` ends a start that fails, or one that finds the work
    // already done (`[ -f /configured ] && exit 0`); the configuration judged is that of the run that
    // goes through. An early `return` depends on what the function was given: the rest of it is maybe.
    if (name === 'return') frame.flow.maybe = true;
    void scope;
    return { status: 'success', output: null };
  }

  private callFunction(fn: { body: Command; source: ShellSource; name: string }, scope: CommandScope, frame: Frame, prefix: ReadonlyMap<string, ShellValue>): { status: Status; output: Output | null } {
    if (frame.depth >= MAX_DEPTH) {
      scope.note(`calls nested deeper than ${MAX_DEPTH} levels are not followed`);
      return { status: 'unknown', output: null };
    }
    const env = frame.env;
    const saved = env.positional;
    env.positional = scope.uncertain ? null : scope.fields.slice(1);
    env.enterFunction();
    for (const [n, v] of prefix) {
      env.declareLocal(n);
      env.assign(n, v, ShellValue.generated(n), false, true);
    }
    const inner: Frame = { ...frame, source: fn.source, sinceCall: false, depth: frame.depth + 1, stop: null, flow: { maybe: false } };
    const result = this.command(fn.body, inner, null, false);
    env.leaveFunction();
    env.positional = saved;
    if (inner.stop?.kind === 'exit') frame.stop = inner.stop;
    return { status: result.status === 'success' ? 'assumed' : result.status, output: null };
  }

  /** `. FILE [args]`: the file read in this shell (XCU 2.14 dot). */
  private source(scope: CommandScope, frame: Frame): { status: Status; output: Output | null } {
    const path = scope.fields[1];
    if (path === undefined) return { status: 'unknown', output: null };
    const resolved = this.resolved(scope, path, frame, 'sourced');
    if (resolved === null) return { status: 'unknown', output: null };
    const env = frame.env;
    const saved = env.positional;
    if (scope.fields.length > 2) env.positional = scope.fields.slice(2);
    const inner: Frame = { ...frame, source: resolved, depth: frame.depth + 1, stop: null, flow: { maybe: false } };
    this.runParsed(resolved, inner);
    if (scope.fields.length > 2) env.positional = saved;
    if (inner.stop?.kind === 'exit') frame.stop = inner.stop;
    return { status: 'assumed', output: null };
  }

  private resolved(scope: CommandScope, path: ShellValue, frame: Frame, how: string): ShellSource | null {
    if (frame.depth >= MAX_DEPTH) {
      scope.noteAt(path, `files ${how} deeper than ${MAX_DEPTH} levels are not read`);
      return null;
    }
    if (path.unknown || this.resolve === null) return null;
    const found = this.resolve(path.text, frame.env.cwd, frame.source.file);
    if (found === null) return null;
    this.ran.add(found.file);
    const index = new LineIndex(found.text);
    return { file: found.file, text: found.text, position: (o) => index.position(o) };
  }

  private runParsed(source: ShellSource, frame: Frame): void {
    const parsed = parseShell(source.text);
    for (const d of parsed.diagnostics) {
      const at = source.position(d.offset);
      this.out.diagnostics.push({ file: source.file, line: at.line, column: at.column, message: d.message, fatal: false });
    }
    this.list(parsed.program, frame);
  }

  /** A script the shell runs by path: a child process with the exported variables (XCU 2.12). */
  private runScript(scope: CommandScope, path: string, args: ShellValue[], frame: Frame): { status: Status; output: Output | null } | null {
    const head = scope.fields[0] as ShellValue;
    if (!path.includes('/') && !/\.(?:sh|bash)$/.test(path)) return null;
    const resolved = this.resolved(scope, head, frame, 'run');
    if (resolved === null) return null;
    // Run by path, a file is a shell script when its #! line names a shell, or when it has none (execvp runs it with sh).
    const shebang = /^#![ \t]*(\S+)(?:[ \t]+(\S+))?/.exec(resolved.text);
    const interpreter = shebang === null ? 'sh' : (shebang[1] ?? '').endsWith('/env') ? (shebang[2] ?? '') : (shebang[1] ?? '');
    if (!SHELLS.has(interpreter.slice(interpreter.lastIndexOf('/') + 1))) {
      this.ran.delete(resolved.file);
      return null;
    }
    this.child(resolved, head, args, scope, frame);
    return { status: 'assumed', output: UNKNOWN_OUTPUT };
  }

  private child(source: ShellSource, name: ShellValue, args: ShellValue[], scope: CommandScope, frame: Frame): void {
    const env = frame.env.child();
    for (const [n, v] of scope.prefix) env.assign(n, v, ShellValue.generated(n), false, true);
    env.positional = scope.uncertain ? null : args;
    env.scriptName = name;
    const inner: Frame = { env, source, maybe: frame.maybe, sinceCall: frame.sinceCall, depth: frame.depth + 1, collect: null, collectUnknown: false, stop: null, flow: { maybe: false } };
    this.runParsed(source, inner);
  }

  /** `sh -c STRING`, `sh FILE`, `bash <<EOF`: shell code the command runs. */
  private shell(scope: CommandScope, frame: Frame, input: Output | null): { status: Status; output: Output | null } {
    const fields = scope.fields;
    let i = 1;
    while (i < fields.length && /^-[a-zA-Z]+$/.test(fields[i]?.text ?? '') && fields[i]?.text !== '-c') i++;
    const first = fields[i];
    if (first?.text === '-c') {
      const code = fields[i + 1];
      if (code === undefined) return { status: 'unknown', output: null };
      const source = valueSource(code, frame.source.file);
      if (source === null) return { status: 'unknown', output: UNKNOWN_OUTPUT };
      const env = frame.env.child();
      env.positional = fields.slice(i + 3);
      if (fields[i + 2] !== undefined) env.scriptName = fields[i + 2] as ShellValue;
      this.runParsed(source, { env, source, maybe: frame.maybe, sinceCall: frame.sinceCall, depth: frame.depth + 1, collect: null, collectUnknown: false, stop: null, flow: { maybe: false } });
      return { status: 'assumed', output: UNKNOWN_OUTPUT };
    }
    if (first !== undefined) {
      const resolved = this.resolved(scope, first, frame, 'run');
      if (resolved !== null) this.child(resolved, first, fields.slice(i + 1), scope, frame);
      return { status: 'assumed', output: UNKNOWN_OUTPUT };
    }
    // The script on standard input: a here-document or a pipe of known text.
    const heredoc = scope.command.redirects.find((r: Redirect) => r.heredoc !== null)?.heredoc ?? null;
    if (heredoc !== null && heredoc.lines.length > 0) {
      const firstLine = heredoc.lines[0] as { offset: number };
      const lastLine = heredoc.lines[heredoc.lines.length - 1] as { offset: number; text: string };
      const text = frame.source.text.slice(firstLine.offset, lastLine.offset + lastLine.text.length);
      const shifted: ShellSource = { file: frame.source.file, text, position: (o) => frame.source.position(o + firstLine.offset) };
      if (heredoc.quoted || !text.includes('$')) this.runParsed(shifted, { ...frame, env: frame.env.child(), source: shifted, depth: frame.depth + 1, stop: null, collect: null, flow: { maybe: false } });
      return { status: 'assumed', output: UNKNOWN_OUTPUT };
    }
    void input;
    return { status: 'assumed', output: UNKNOWN_OUTPUT };
  }

  private sed(scope: CommandScope): void {
    const args = sedArguments(scope);
    for (const i of args.files) {
      const value = scope.fields[i];
      if (value === undefined) continue;
      const target = mailTargetOf(scope, value);
      if (target === null) continue;
      if (!args.inPlace) continue;
      if (args.scriptFile && (target.target === 'exim.conf' || target.target === 'update-exim4.conf.conf')) {
        // The script is in a file relaygate does not read: Exim's file is unknown from here on.
        sedEdits(scope, { ...args, scriptFile: false, scripts: [{ text: UNKNOWN_MARK, value: value.spanning(UNKNOWN_MARK) }], scriptWhy: 'the script is read from a file with -f' }, target);
        continue;
      }
      if (args.scriptFile) {
        scope.noteAt(value, `sed -f script on ${target.target} is not followed`);
        continue;
      }
      sedEdits(scope, args, target);
    }
    if (!args.inPlace) writeRedirects(scope, scope.command.redirects, UNKNOWN_OUTPUT, 'sed output');
  }

  /**
   * Installing the postfix package names the distribution whose packaged
   * main.cf is the base: the package manager only exists there
   * (`apk add`, `zypper install`/`in`, the others' `install`).
   */
  private packages(scope: CommandScope, manager: string): void {
    const words = scope.values;
    const verb = manager === 'apk' ? 'add' : 'install';
    if (!words.some((w) => w === verb || (manager === 'zypper' && w === 'in'))) return;
    // `postfix`, `postfix=3.7.11-0+deb12u1` (apt), `postfix-3.5.25` (dnf), `postfix=3.9.1-r0` (apk).
    if (!words.some((w) => /^postfix(?:[=-][0-9].*)?$/.test(w))) return;
    const distribution = distributionOfPackageManager(manager);
    if (distribution === null) return;
    scope.edit({ kind: 'base', distribution: distribution.family, evidence: `${manager} ${verb} postfix`, key: scope.key('/etc/postfix'), span: scope.span(), form: this.context.form, maybe: scope.maybe });
  }

  /**
   * `debconf-set-selections` preseeding Debian's postfix/main_mailer_type
   * (`postfix postfix/main_mailer_type select Satellite system`, read from a
   * pipe or a here-document): the answer chooses the main.cf the package
   * writes. `debconf-set-selections FILE` (or `< FILE`) reads the file when
   * the repository has it (a preseed file the image copies or the script
   * names), its answers pointing at that file; otherwise a note.
   */
  private debconf(scope: CommandScope, input: Output | null, frame: Frame): void {
    const redirect = scope.command.redirects.find((r: Redirect) => r.op === '<');
    if (scope.fields.length > 1 || redirect !== undefined) {
      const file = scope.fields.length === 2 ? scope.fields[1] : redirect !== undefined && scope.fields.length === 1 ? (redirect.target === null ? null : expandWordAsOne(redirect.target, scope.expand)) : undefined;
      const found = file === undefined || file === null || file.unknown || this.resolve === null ? null : this.resolve(file.text, frame.env.cwd, frame.source.file);
      if (found === null) {
        scope.note('debconf-set-selections reads answers from a file relaygate does not read; postfix and exim4-config answers may be missed');
        return;
      }
      preseedAnswers(scope, found);
      return;
    }
    if (input === null || input.kind !== 'known') return;
    // The exim4-config answers become the update-exim4.conf.conf settings its config script writes from them (./debconf.ts).
    const builder = new FragmentBuilder();
    builder.addValue(input.value);
    const answers = exim4Answers(builder.build(this.context.file, this.context.form));
    if (answers !== null) scope.edit({ kind: 'set', target: 'update-exim4.conf.conf', fragment: answers, key: scope.key('/etc/exim4'), span: scope.span(), form: this.context.form, maybe: scope.maybe });
    for (const line of input.value.text.split('\n')) {
      const fields = line.trim().split(/[ \t]+/);
      if (fields.length < 4 || fields[1] !== 'postfix/main_mailer_type') continue;
      const answer = fields.slice(3).join(' ').replace(/^(["'])(.*)\1$/, '$2');
      if (answer.includes(UNKNOWN_MARK)) {
        scope.note('postfix/main_mailer_type is preseeded with a value relaygate cannot compute; the default (Internet Site) is assumed');
        continue;
      }
      scope.edit({ kind: 'base', distribution: 'debian', evidence: `debconf postfix/main_mailer_type ${answer}`, mailerType: answer, key: scope.key('/etc/postfix'), span: scope.span(), form: this.context.form, maybe: scope.maybe });
    }
  }
}

/**
 * A preseed file's exim4-config answers (debconf-set-selections(1) reads
 * it as it reads its standard input), written as update-exim4.conf.conf
 * settings whose values point at the file: the edit stays on the command.
 */
function preseedAnswers(scope: CommandScope, found: ResolvedScript): void {
  const lines = found.text.split('\n');
  const segments: MapSegment[] = lines.map((line, i) => ({ line: i + 1, column: 1, endColumn: line.length + 2, kind: 'literal', from: { line: i + 1, column: 1 }, to: { line: i + 1, column: 1 } }));
  const answers = exim4Answers({ file: found.file, text: found.text, form: scope.context.form, map: new SourceMap(segments), maybeLines: new Set(), alternatives: [] });
  if (answers === null) return;
  // Kept on the host file (the edit's), every value on the preseed file it is read from.
  const fragment: Fragment = { ...answers, file: scope.context.file, map: new SourceMap(answers.map.segments.map((seg) => ({ ...seg, file: found.file }))) };
  scope.edit({ kind: 'set', target: 'update-exim4.conf.conf', fragment, key: scope.key('/etc/exim4'), span: scope.span(), form: scope.context.form, maybe: scope.maybe });
}

function mailTargetOf(scope: CommandScope, value: ShellValue): ReturnType<typeof mailTarget> {
  const target = mailTarget(value.text, scope.env.cwd);
  if (target === null && value.unknown && /postfix|\/etc\/mail|main\.cf|master\.cf|sendmail|exim|smtpd\.conf/.test(value.text)) {
    scope.noteAt(value, `the target path ${quoted(value.text.replaceAll(UNKNOWN_MARK, '?'))} could not be resolved; a write to mail configuration may be missed`);
  }
  return target;
}

/** Can `name` be the text `pattern` stands for, each UNKNOWN_MARK any run of characters? */
function fitsUnknown(pattern: string, name: string): boolean {
  const pieces = pattern.split(UNKNOWN_MARK);
  const first = pieces[0] as string;
  const last = pieces[pieces.length - 1] as string;
  if (!name.startsWith(first) || !name.endsWith(last) || name.length < first.length + last.length) return false;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = name.indexOf(piece, at);
    if (found < 0 || found + piece.length > name.length - last.length) return false;
    at = found + piece.length;
  }
  return true;
}

function truthOf(status: Status): Truth {
  return status === 'success' ? true : status === 'failure' ? false : 'unknown';
}

/** The names `set` edits give (their fragment's `name = ...` lines with a known name). */
function setNames(edits: readonly Edit[]): string[] {
  const out: string[] = [];
  for (const edit of edits) {
    if (edit.kind !== 'set') continue;
    for (const line of edit.fragment.text.split('\n')) {
      const at = line.indexOf('=');
      const name = at < 0 ? '' : line.slice(0, at).trim();
      if (name !== '' && !name.includes(UNKNOWN_MARK)) out.push(name);
    }
  }
  return out;
}

function cloneEnvironment(env: Environment): Environment {
  const out = new Environment();
  for (const [k, v] of env.vars) out.vars.set(k, v === null ? null : { ...v });
  for (const [k, v] of env.functions) out.functions.set(k, v);
  out.positional = env.positional;
  out.scriptName = env.scriptName;
  out.cwd = env.cwd;
  out.openNames = env.openNames;
  return out;
}

/** Shell code held in a value (`sh -c "..."`): a source whose positions are the value's own, when it comes from one text. */
function valueSource(value: ShellValue, file: string): ShellSource | null {
  const chunks = value.chunks;
  const sources = new Set(chunks.flatMap((c) => (c.kind === 'generated' ? [] : [c.source])));
  if (sources.size !== 1) return sources.size === 0 ? null : null;
  const [only] = [...sources];
  if (only === undefined) return null;
  const offsets: number[] = [];
  for (const c of chunks) {
    for (let i = 0; i < c.text.length; i++) offsets.push(c.kind === 'literal' ? c.offset + i : c.kind === 'expression' ? c.start : (offsets[offsets.length - 1] ?? 0));
  }
  return { file: only.file || file, text: value.text, position: (o) => only.position(offsets[o] ?? (offsets.length > 0 ? (offsets[offsets.length - 1] as number) + 1 : 0)) };
}
