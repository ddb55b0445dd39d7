/**
 * Dockerfiles, read as `docker build` runs them and the image then starts:
 * - FROM names the base (a distribution's packaged main.cf); a stage built
 *   FROM an earlier stage starts from that stage's files, environment and
 *   edits; each image a build can produce is one instance;
 * - ARG and ENV values are the shell state of the RUN lines after them (an
 *   ARG default is the value the repository builds with unless `--build-arg`
 *   overrides it, as a role default is; an ARG without a default is unknown);
 *   ENV values also reach the scripts the image runs, ARG values do not;
 * - COPY/ADD of a mail file is a link; COPY'd scripts are read where the
 *   shell runs or sources them (RUN, ENTRYPOINT/CMD);
 * - the ENTRYPOINT/CMD script runs last, in the runtime environment (the
 *   image's ENV; any variable it does not define is unknown).
 */
import path from 'node:path/posix';
import { LineIndex, UNKNOWN_MARK, type Position, type SourceFile } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';
import type { HostFormat } from '../../contracts/host-format.js';
import { emptyExtraction, type Edit, type Extraction } from '../../contracts/edits.js';
import { distributionOfImage } from '../../contracts/distributions.js';
import { delegationNote, namesMailServer } from '../shared/delegation.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { Environment } from '../../languages/shell/environment.js';
import { expandWordAsOne, type ExpandContext } from '../../languages/shell/expand.js';
import { extractShellCommand, extractShellText, type ShellContext, type ShellOptions } from '../../languages/shell/extract.js';
import { FragmentBuilder } from '../../languages/shell/fragment-builder.js';
import { MappedSource } from '../../languages/shell/mapped.js';
import { quoted, shellNote } from '../../languages/shell/notes.js';
import { parseShell } from '../../languages/shell/parse.js';
import { type Heredoc } from '../../languages/shell/syntax.js';
import { mailTarget, SHELL_EDIT_NEEDS } from '../../languages/shell/targets.js';
import { ShellValue, type ShellSource } from '../../languages/shell/values.js';
import { heredocValue } from '../../languages/shell/words.js';
import { contextPath, ImageFiles } from './image-files.js';
import { named } from '../shared/destinations.js';
import { instructions, type Instruction } from './instructions.js';

/** Service directories of an s6 scan directory read at most (each a run script). */
const MAX_SERVICES = 64;


/** `--flag=value` options written before an instruction's arguments. */
function dropFlags(words: string[]): { flags: string[]; rest: string[] } {
  let i = 0;
  while (i < words.length && (words[i] as string).startsWith('--')) i++;
  return { flags: words.slice(0, i), rest: words.slice(i) };
}

/** One build stage: what a later `FROM <stage>` starts from. */
interface Stage {
  index: number;
  name: string | null;
  scope: string;
  env: Environment;
  /** ARG values of this stage (build time only). */
  args: Environment;
  workdir: string | null;
  files: ImageFiles;
  /** The stage's own edits and the ones it inherits, in order (scoped to this stage). */
  edits: Edit[];
  /** Edits written in this stage's own instructions. */
  own: number;
  entrypoint: ShellValue[] | null;
  cmd: ShellValue[] | null;
  /** A CMD written in this stage (not inherited): a later ENTRYPOINT keeps it. */
  cmdSet: boolean;
  /** Where ENTRYPOINT/CMD are written (for the run's span). */
  runAt: { start: number; end: number } | null;
  source: ShellSource | null;
  builtOn: boolean;
  /** Another stage copies from or mounts this one: a helper stage, not an image of the build. */
  usedBy: boolean;
}

/** A RUN line is a new shell: what it assigns does not reach the next instruction. */
function buildEnvironment(stage: Stage): Environment {
  const env = new Environment();
  for (const source of [stage.args, stage.env]) for (const [name, v] of source.vars) if (v !== null) env.vars.set(name, { ...v, exported: true });
  return env;
}

function runtimeEnvironment(stage: Stage): Environment {
  const env = new Environment();
  for (const [name, v] of stage.env.vars) if (v !== null) env.vars.set(name, { ...v, exported: true });
  return env;
}

/** The strings of a JSON exec form (`["a", "b"]`), each a value mapped to its characters when it has no escapes. */
function execStrings(body: string, bodyAt: number, source: ShellSource): { values: ShellValue[]; raw: { value: string; start: number; plain: boolean }[] } | null {
  const values: ShellValue[] = [];
  const raw: { value: string; start: number; plain: boolean }[] = [];
  const literal = /"((?:[^"\\\n]|\\.)*)"/g;
  for (const m of body.matchAll(literal)) {
    let value: string;
    try {
      value = JSON.parse(m[0]) as string;
    } catch {
      return null;
    }
    const start = bodyAt + (m.index ?? 0);
    const plain = m[1] === value;
    raw.push({ value, start, plain });
    values.push(plain ? ShellValue.literal(value, source, start + 1) : ShellValue.expression(value, source, start, start + m[0].length));
  }
  return { values, raw };
}

/** ENTRYPOINT/CMD words: the exec form's strings, or `/bin/sh -c "text"` for the shell form. */
function commandWords(argsText: string, source: ShellSource): ShellValue[] | null {
  const body = argsText.trim();
  const bodyAt = argsText.indexOf(body);
  if (body.startsWith('[')) return execStrings(body, bodyAt, source)?.values ?? null;
  if (body === '') return [];
  return [ShellValue.generated('/bin/sh'), ShellValue.generated('-c'), ShellValue.literal(body, source, bodyAt)];
}

export const dockerfile: HostFormat = {
  form: 'dockerfile',
  // RUN is shell; COPY/ADD of a folder can bring a main.cf whose name only the folder holds.
  // A FROM naming a mail-server image is worth a note (its configuration is delegated to that image):
  // image names as registries spell them (`boky/postfix:v4.0`, `postfix:3`, `tianon/exim4`), not the bare word.
  needs: [...SHELL_EDIT_NEEDS, ['COPY'], ['ADD'], ...['/postfix', 'FROM postfix', 'postfix:', '/sendmail', 'exim', 'opensmtpd', 'mailserver', '/smtp', '-smtp', 'smtp:'].map((word) => ['FROM', word])],
  matches(path: string): boolean {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return /^(?:Dockerfile|Containerfile)(?:\..+)?$/i.test(base) || /\.(?:dockerfile|containerfile)$/i.test(base);
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    return new DockerfileReader(file, repo).read();
  },
};

class DockerfileReader {
  private readonly out = emptyExtraction();
  private readonly index: LineIndex;
  private readonly directory: string;
  private readonly stages: Stage[] = [];
  /** ARGs declared before the first FROM (usable in FROM lines and re-declared in stages). */
  private readonly globalArgs = new Environment();
  private readonly ran = new Set<string>();

  constructor(
    private readonly file: SourceFile,
    private readonly repo: RepositoryReader,
  ) {
    this.index = new LineIndex(file.text);
    this.directory = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
  }

  private position = (o: number): Position => this.index.position(o);

  private span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(end);
    return { file: this.file.path, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  private note(offset: number, message: string): void {
    this.out.notes.push(shellNote(this.file.path, this.position(offset), message));
  }

  read(): Extraction {
    if (/^#[ \t]*escape[ \t]*=[ \t]*`/m.test(this.file.text.slice(0, 200))) this.note(0, 'the backtick escape directive is not supported; lines are read with the backslash escape');
    const all = instructions(this.file.text);
    const count = all.filter((i) => i.keyword === 'FROM').length;
    let stage: Stage | null = null;
    for (const instruction of all) {
      if (instruction.keyword === 'FROM') {
        stage = this.from(instruction, count);
        continue;
      }
      if (stage === null) {
        if (instruction.keyword === 'ARG') this.arg(instruction, this.globalArgs, null);
        continue;
      }
      this.instruction(instruction, stage);
    }
    this.finish();
    if (this.ran.size > 0) this.out.runs = [...this.ran].sort();
    return this.out;
  }

  private words(instruction: Instruction, env: Environment): { argsSource: ShellSource; words: { name: string | null; value: ShellValue; nameAt: number }[]; values: string[] } {
    const argsText = instruction.args.text;
    const argsSource: ShellSource = { file: this.file.path, text: argsText, position: instruction.args.position(this.position) };
    const ctx: ExpandContext = { env, source: argsSource, substitute: () => null };
    const words = parseShell(argsText).commands.flatMap((c) => [
      ...c.assignments.map((a) => ({ name: a.name, value: expandWordAsOne(a.value, ctx), nameAt: a.start })),
      ...c.words.map((w) => ({ name: null, value: expandWordAsOne(w, ctx), nameAt: w.start })),
    ]);
    return { argsSource, words, values: words.map((w) => (w.name === null ? w.value.text : `${w.name}=${w.value.text}`)) };
  }

  private from(instruction: Instruction, count: number): Stage {
    const index = this.stages.length + 1;
    const { values } = this.words(instruction, this.globalArgs);
    const rest = dropFlags(values).rest;
    const image = (rest[0] ?? '').toLowerCase();
    const name = rest[1]?.toLowerCase() === 'as' ? (rest[2] ?? null) : null;
    const scope = index === count ? this.file.path : `${this.file.path}#stage${index}`;
    const parent = this.stages.find((s) => s.name !== null && s.name.toLowerCase() === image) ?? null;
    const stage: Stage = {
      index,
      name,
      scope,
      env: new Environment(),
      args: new Environment(),
      workdir: '/',
      files: parent?.files.clone() ?? new ImageFiles(this.repo),
      edits: [],
      own: 0,
      entrypoint: parent?.entrypoint ?? null,
      cmd: parent?.cmd ?? null,
      cmdSet: false,
      runAt: parent?.runAt ?? null,
      source: parent?.source ?? null,
      builtOn: false,
      usedBy: false,
    };
    if (parent !== null) {
      // FROM <stage>: that stage's image, its environment and its mail edits, in this image.
      parent.builtOn = true;
      for (const [n, v] of parent.env.vars) if (v !== null) stage.env.vars.set(n, { ...v });
      stage.workdir = parent.workdir;
      stage.edits.push(...parent.edits.map((e) => ({ ...e, key: { ...e.key, scope } })));
    } else {
      // An image named by a build argument (`FROM ${BASE}`) can be anything `--build-arg` gives,
      // whatever its ARG's default: unknown.
      const byArgument = image.includes(UNKNOWN_MARK) || (dropFlags(instruction.args.text.trim().split(/[ \t]+/)).rest[0] ?? '').includes('$');
      const recognised = byArgument ? null : distributionOfImage(image);
      if (byArgument && !image.includes(UNKNOWN_MARK) && distributionOfImage(image) !== null) {
        this.note(instruction.start, `the base image is a build argument (default ${quoted(image)}): --build-arg can make it another distribution, so the base is not recognised`);
      }
      if (recognised !== null) {
        stage.edits.push({ kind: 'base', distribution: recognised.family, evidence: `FROM ${image}`, key: { scope, directory: '/etc/postfix' }, span: this.span(instruction.start, instruction.end - 1), form: 'dockerfile', maybe: false });
      } else if (index === count && namesMailServer(image.slice(0, image.includes(':') ? image.lastIndexOf(':') : image.length))) {
        // A base image that is itself a mail server keeps its configuration in the image.
        this.out.notes.push(delegationNote(this.file.path, this.position(instruction.start).line, `the base image ${image}`));
      }
    }
    this.stages.push(stage);
    return stage;
  }

  /**
   * `ARG NAME[=default]`: the default is the value unless the build passes
   * `--build-arg`; a stage's `ARG NAME` takes the default declared before
   * FROM; without any default the value is unknown.
   */
  private arg(instruction: Instruction, into: Environment, stage: Stage | null): void {
    const { words, argsSource } = this.words(instruction, stage === null ? this.globalArgs : buildEnvironment(stage));
    for (const w of words) {
      const name = w.name ?? w.value.text;
      const nameOrigin = ShellValue.literal(name, argsSource, w.nameAt);
      if (w.name !== null) into.assign(name, w.value, nameOrigin, false, true);
      else {
        const global = this.globalArgs.variable(name);
        into.assign(name, global?.value ?? ShellValue.unknown(argsSource, w.nameAt, w.nameAt + name.length), nameOrigin, false, true);
      }
    }
  }

  private instruction(instruction: Instruction, stage: Stage): void {
    switch (instruction.keyword) {
      case 'ENV':
        return this.env(instruction, stage);
      case 'ARG':
        return this.arg(instruction, stage.args, stage);
      case 'WORKDIR': {
        const to = this.words(instruction, buildEnvironment(stage)).values[0] ?? '/';
        stage.workdir = to.startsWith('/') ? to : stage.workdir === null ? null : `${stage.workdir}/${to}`;
        return;
      }
      case 'RUN':
        return this.run(instruction, stage);
      case 'COPY':
      case 'ADD':
        return this.copy(instruction, stage);
      case 'ENTRYPOINT':
      case 'CMD': {
        const argsSource: ShellSource = { file: this.file.path, text: instruction.args.text, position: instruction.args.position(this.position) };
        const words = commandWords(instruction.args.text, argsSource);
        if (instruction.keyword === 'ENTRYPOINT') {
          stage.entrypoint = words;
          // Docker (Dockerfile reference, "Understand how CMD and ENTRYPOINT interact"): ENTRYPOINT
          // resets a CMD inherited from the base image; a CMD of this stage stays, before or after it.
          if (!stage.cmdSet) stage.cmd = null;
        } else {
          stage.cmd = words;
          stage.cmdSet = true;
        }
        stage.runAt = { start: instruction.start, end: instruction.end - 1 };
        stage.source = { file: this.file.path, text: this.file.text, position: this.position };
        return;
      }
      default:
        return;
    }
  }

  private env(instruction: Instruction, stage: Stage): void {
    const { words, argsSource } = this.words(instruction, buildEnvironment(stage));
    const first = words[0];
    if (first !== undefined && first.name === null && words.length >= 2) {
      // `ENV NAME value with spaces` (the old form).
      let value = ShellValue.EMPTY;
      words.slice(1).forEach((w, i) => {
        value = i > 0 ? value.concat(ShellValue.generated(' '), w.value) : value.concat(w.value);
      });
      stage.env.assign(first.value.text, value, first.value, false, true);
      return;
    }
    for (const w of words) if (w.name !== null) stage.env.assign(w.name, w.value, ShellValue.literal(w.name, argsSource, w.nameAt), false, true);
  }

  private addEdits(stage: Stage, result: Extraction): void {
    stage.edits.push(...result.edits);
    stage.own += result.edits.filter((e) => e.kind !== 'base').length;
    this.out.diagnostics.push(...result.diagnostics);
    this.out.notes.push(...result.notes);
    for (const r of result.runs ?? []) this.ran.add(r);
  }

  private shellOptions(stage: Stage, files: ImageFiles, env: Environment): ShellOptions {
    return { environment: env, cwd: stage.workdir, resolve: (name, cwd) => files.resolve(name, cwd) };
  }

  private run(instruction: Instruction, stage: Stage): void {
    const argsText = instruction.args.text;
    const argsSource: ShellSource = { file: this.file.path, text: argsText, position: instruction.args.position(this.position) };
    const context = { file: this.file.path, scope: stage.scope, form: 'dockerfile' as const, maybe: false };
    const files = this.mounted(argsText, stage);
    const options = this.shellOptions(stage, files, buildEnvironment(stage));
    const body = argsText.replace(/^(?:\s*--\S+)*\s*/, '');
    const bodyAt = argsText.length - body.length;
    if (body.startsWith('[')) {
      const strings = execStrings(body, bodyAt, argsSource);
      if (strings === null) {
        this.note(instruction.args.hostOffset(bodyAt), 'a RUN exec-form string could not be read');
        return;
      }
      const first = strings.raw[0]?.value ?? '';
      const script = strings.raw[2];
      if (/(?:^|\/)(?:ba|da)?sh$/.test(first) && strings.raw[1]?.value === '-c' && script !== undefined) {
        this.addEdits(stage, extractShellText(script.value, (o) => argsSource.position(script.plain ? script.start + 1 + o : script.start), context, options));
      } else {
        // No shell: each string is one word, exactly (no expansion either).
        this.addEdits(stage, extractShellCommand(strings.values, argsSource, bodyAt, bodyAt + body.trimEnd().length, context, options));
      }
      return;
    }
    if (/^<<-?["']?[A-Za-z_]/.test(body) && instruction.heredocs.length > 0) {
      // `RUN <<EOF`: the here-document is the script.
      const heredoc = instruction.heredocs[0] as Heredoc;
      const source = new MappedSource();
      for (const line of heredoc.lines) {
        source.copy(this.file.text, line.offset, line.offset + line.text.length);
        source.replace('\n', line.offset + line.text.length, line.offset + line.text.length + 1);
      }
      this.addEdits(stage, extractShellText(source.text, source.position(this.position), context, options));
      return;
    }
    // The instruction's line(s) after its `--mount`/`--network` flags, then its heredoc bodies, as the shell reads them.
    const joined = new MappedSource();
    for (let i = bodyAt; i < argsText.length; i++) joined.replace(argsText[i] as string, instruction.args.hostOffset(i), instruction.args.hostOffset(i) + 1);
    joined.replace('\n', instruction.args.hostOffset(argsText.length), instruction.args.hostOffset(argsText.length));
    for (const heredoc of instruction.heredocs) {
      for (const line of heredoc.lines) {
        joined.copy(this.file.text, line.offset, line.offset + line.text.length);
        joined.replace('\n', line.offset + line.text.length, line.offset + line.text.length + 1);
      }
      joined.replace(`${heredoc.delimiter}\n`, instruction.end, instruction.end);
    }
    this.addEdits(stage, extractShellText(joined.text, joined.position(this.position), context, options));
  }

  /** `RUN --mount=type=bind,source=S,target=T[,from=STAGE]`: files visible to that RUN only. */
  private mounted(argsText: string, stage: Stage): ImageFiles {
    const mounts = [...argsText.matchAll(/--mount=(\S+)/g)].map((m) => new Map((m[1] as string).split(',').map((kv) => [kv.split('=')[0] as string, kv.slice(kv.indexOf('=') + 1)])));
    const binds = mounts.filter((m) => (m.get('type') ?? 'bind') === 'bind' && m.has('target'));
    if (binds.length === 0) return stage.files;
    const files = stage.files.clone();
    for (const m of binds) {
      const target = m.get('target') as string;
      const from = m.get('from');
      const source = m.get('source') ?? m.get('src') ?? '/';
      if (from === undefined) {
        const repository = contextPath(this.directory, source);
        if (repository !== null) files.copies.push({ image: target.replace(/(?<!\/)\/+$/, '') || '/', repository, directory: repository === '' || this.repo.isDirectory(repository) });
        continue;
      }
      const other = this.stages.find((s) => s.name !== null && s.name.toLowerCase() === from.toLowerCase());
      if (other === undefined) continue;
      other.usedBy = true;
      // The other stage's files under `source` appear under `target`.
      for (const c of other.files.copies) {
        const prefix = source.replace(/(?<!\/)\/+$/, '');
        if (c.image === prefix || c.image.startsWith(`${prefix}/`)) files.copies.push({ ...c, image: `${target.replace(/(?<!\/)\/+$/, '')}${c.image.slice(prefix.length)}` });
      }
    }
    return files;
  }

  private copy(instruction: Instruction, stage: Stage): void {
    const { values } = this.words(instruction, buildEnvironment(stage));
    const argsText = instruction.args.text;
    const { flags, rest } = dropFlags(values);
    const fromStage = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length) ?? null;
    const helper = fromStage === null ? undefined : this.stages.find((s) => s.name !== null && s.name.toLowerCase() === fromStage.toLowerCase());
    if (helper !== undefined) helper.usedBy = true;
    let args = rest;
    const json = argsText.trim().replace(/^(?:--\S+\s+)*/, '');
    if (json.startsWith('[')) {
      try {
        const parsed = JSON.parse(json) as unknown;
        if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) args = parsed;
      } catch {
        /* read as words */
      }
    }
    const dest = args[args.length - 1];
    // `COPY <<EOF /etc/smtpd.conf`: the shell word reader takes `<<EOF` for a redirection, leaving the destination alone.
    const heredocCopy = args.length === 1 && instruction.heredocs.length > 0;
    if (dest === undefined || (args.length < 2 && !heredocCopy)) return;
    // `.` and the WORKDIR itself are directories: a file copied there keeps its name.
    const joined = dest.startsWith('/') ? dest : `${stage.workdir ?? UNKNOWN_MARK}/${dest}`;
    const normal = path.normalize(joined);
    const destination = dest.endsWith('/') || dest === '.' || normal === path.normalize(stage.workdir ?? '') ? `${normal.replace(/\/$/, '')}/` : normal;
    const sources = args.slice(0, -1);
    const span = this.span(instruction.start, instruction.end - 1);
    const key = (directory: string): { scope: string; directory: string } => ({ scope: stage.scope, directory });
    if (heredocCopy || (sources.length === 1 && (sources[0] as string).startsWith('<<'))) {
      const heredoc = instruction.heredocs[0];
      const target = mailTarget(destination, stage.workdir);
      if (heredoc === undefined || target === null) return;
      const dockerSource: ShellSource = { file: this.file.path, text: this.file.text, position: this.position };
      const builder = new FragmentBuilder();
      builder.addValue(heredocValue(heredoc, dockerSource, heredoc.quoted ? null : { env: buildEnvironment(stage), source: dockerSource, substitute: () => null }));
      this.push(stage, { kind: 'write', target: target.target, ...named(target), fragment: builder.build(this.file.path, 'dockerfile'), key: key(target.directory), span, form: 'dockerfile', maybe: false });
      return;
    }
    if (fromStage !== null || sources.some((s) => /^[a-z]+:\/\//.test(s))) {
      for (const source of sources) {
        const target = mailTarget(destination.endsWith('/') || sources.length > 1 ? `${destination.replace(/\/$/, '')}/${source.slice(source.lastIndexOf('/') + 1)}` : destination, stage.workdir);
        if (target !== null) this.note(instruction.start, `${target.target} comes from another build stage or a URL (${quoted(source)}); it is not read`);
      }
      return;
    }
    for (const entry of stage.files.copy(this.directory, sources, destination)) {
      const linked = entry.directory
        ? [...this.repo.list(entry.repository).map((name) => ({ image: `${entry.image.replace(/\/$/, '')}/${name}`, repository: entry.repository === '' ? name : `${entry.repository}/${name}` })), ...stage.files.mailFiles(entry)]
        : [{ image: entry.image, repository: entry.repository }];
      const seen = new Set<string>();
      for (const { image, repository } of linked) {
        if (seen.has(image)) continue;
        seen.add(image);
        const target = mailTarget(image, stage.workdir);
        if (target === null) continue;
        if (this.repo.read(repository) === undefined) {
          if (!this.repo.isDirectory(repository)) this.note(instruction.start, `${quoted(repository)} copied to ${target.target} is not in the repository (the build context is assumed to be the Dockerfile's directory)`);
          continue;
        }
        this.push(stage, { kind: 'link', target: target.target, ...named(target), source: repository, destination: image, key: key(target.directory), span, form: 'dockerfile', maybe: false });
      }
    }
  }

  private push(stage: Stage, edit: Edit): void {
    stage.edits.push(edit);
    stage.own++;
  }

  /**
   * The images of the build: the last stage, and any other stage that edits
   * mail configuration itself and that no later stage builds on, copies or
   * mounts from (a `--target` of its own). Each runs its ENTRYPOINT/CMD last.
   */
  private finish(): void {
    const last = this.stages[this.stages.length - 1];
    for (const stage of this.stages) {
      const image = stage === last || (!stage.builtOn && !stage.usedBy && stage.own > 0);
      if (!image) continue;
      this.start(stage);
      this.out.edits.push(...stage.edits);
    }
  }

  /** ENTRYPOINT + CMD, as the container starts: exec form words, or `/bin/sh -c` for the shell form. */
  private start(stage: Stage): void {
    const words = stage.entrypoint !== null && stage.entrypoint.length > 0 ? [...stage.entrypoint, ...(stage.entrypoint[0]?.text === '/bin/sh' && stage.entrypoint[1]?.text === '-c' ? [] : (stage.cmd ?? []))] : (stage.cmd ?? []);
    if (words.length === 0 || stage.runAt === null || stage.source === null) return;
    const context = { file: this.file.path, scope: stage.scope, form: 'dockerfile' as const, maybe: false };
    const options = this.shellOptions(stage, stage.files, runtimeEnvironment(stage));
    const result = extractShellCommand(words, stage.source, stage.runAt.start, stage.runAt.end, context, options);
    stage.edits.push(...result.edits);
    this.out.diagnostics.push(...result.diagnostics);
    this.out.notes.push(...result.notes);
    for (const r of result.runs ?? []) this.ran.add(r);
    this.supervised(stage, words, context);
  }

  /**
   * `s6-svscan DIR` as the container's command (directly, or the CMD an
   * ENTRYPOINT script `exec`s): s6-svscan(8) starts `DIR/NAME/run` for every
   * service directory NAME in DIR, with the container's environment. The
   * run scripts the image's COPYs put there are read as the image runs
   * them, after the entrypoint, in one configuration with the image.
   */
  private supervised(stage: Stage, words: readonly ShellValue[], context: ShellContext): void {
    const at = words.findIndex((w) => !w.unknown && (w.text === 's6-svscan' || w.text.endsWith('/s6-svscan')));
    const dir = at < 0 ? undefined : words[at + 1];
    if (dir === undefined || dir.unknown || !dir.text.startsWith('/') || stage.runAt === null || stage.source === null) return;
    for (const name of stage.files.list(dir.text).slice(0, MAX_SERVICES)) {
      const run = path.join(dir.text, name, 'run');
      if (stage.files.resolve(run, '/') === null) continue;
      const options = this.shellOptions(stage, stage.files, runtimeEnvironment(stage));
      const result = extractShellCommand([ShellValue.generated(run)], stage.source, stage.runAt.start, stage.runAt.end, context, options);
      stage.edits.push(...result.edits);
      this.out.diagnostics.push(...result.diagnostics);
      this.out.notes.push(...result.notes);
      for (const r of result.runs ?? []) this.ran.add(r);
    }
  }
}
