/**
 * Dockerfiles: RUN instructions are shell (with ENV, ARG and WORKDIR as the
 * shell state), COPY/ADD of a mail file is a link, FROM names the base.
 * About 300 lines: one reader of the instruction stream in file order.
 */
import { LineIndex, UNKNOWN_MARK, type Position, type SourceFile } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';
import type { HostFormat } from '../../contracts/host-format.js';
import { emptyExtraction, type Extraction } from '../../contracts/edits.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { extractShellText } from '../../languages/shell/extract.js';
import { FragmentBuilder } from '../../languages/shell/fragment-builder.js';
import { MappedSource } from '../../languages/shell/mapped.js';
import { quoted, shellNote } from '../../languages/shell/notes.js';
import { parseShell } from '../../languages/shell/parse.js';
import { type Heredoc } from '../../languages/shell/syntax.js';
import { mailTarget } from '../../languages/shell/targets.js';
import { named } from '../shared/destinations.js';
import { addHeredoc, wordValue } from '../../languages/shell/words.js';

/** One Dockerfile instruction: its keyword, its arguments (comment lines inside continuations removed) and heredoc bodies. */
interface Instruction {
  keyword: string;
  start: number;
  end: number;
  /** Arguments after the keyword, continuation `\`+newline kept (the shell treats it the same way). */
  args: MappedSource;
  heredocs: Heredoc[];
}

const HEREDOC_MARKER = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

/**
 * Dockerfile reference: an instruction continues while its line ends with the
 * escape character; comment lines inside a continuation are removed; a
 * `<<WORD` in RUN/COPY/ADD starts a here-document (BuildKit).
 */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pos = 0;
  const lineEnd = (at: number): number => {
    const n = text.indexOf('\n', at);
    return n < 0 ? text.length : n;
  };
  while (pos < text.length) {
    const end = lineEnd(pos);
    const line = text.slice(pos, end);
    const keyword = /^[ \t]*([A-Za-z]+)/.exec(line);
    if (keyword === null || /^[ \t]*#/.test(line)) {
      pos = end + 1;
      continue;
    }
    const start = pos + (keyword.index ?? 0) + line.indexOf(keyword[1] as string);
    const args = new MappedSource();
    let at = start + (keyword[1] as string).length;
    let lineStop = end;
    for (;;) {
      args.copy(text, at, lineStop);
      const content = text.slice(at, lineStop).replace(/(?<![ \t\r])[ \t\r]+$/, '');
      if (!content.endsWith('\\') || lineStop >= text.length) break;
      args.copy(text, lineStop, lineStop + 1);
      at = lineStop + 1;
      // Comment lines and empty lines inside a continuation are dropped.
      while (at < text.length) {
        const e = lineEnd(at);
        const l = text.slice(at, e);
        if (/^[ \t]*#/.test(l) || /^[ \t\r]*$/.test(l)) at = e + 1;
        else break;
      }
      lineStop = lineEnd(at);
    }
    pos = Math.min(lineStop + 1, text.length + 1);
    const heredocs: Heredoc[] = [];
    const upper = (keyword[1] as string).toUpperCase();
    if (upper === 'RUN' || upper === 'COPY' || upper === 'ADD') {
      for (const marker of args.text.matchAll(HEREDOC_MARKER)) {
        const heredoc: Heredoc = { delimiter: marker[3] as string, quoted: marker[2] !== '', stripTabs: marker[1] === '-', lines: [], terminated: false };
        while (pos < text.length) {
          const e = lineEnd(pos);
          let s = pos;
          if (heredoc.stripTabs) while (s < e && text[s] === '\t') s++;
          const body = text.slice(s, e).replace(/\r$/, '');
          pos = e + 1;
          if (body === heredoc.delimiter) {
            heredoc.terminated = true;
            break;
          }
          heredoc.lines.push({ text: body, offset: s });
        }
        heredocs.push(heredoc);
      }
    }
    out.push({ keyword: upper, start, end: Math.min(pos, text.length), args, heredocs });
  }
  return out;
}

const DEBIAN = /^(?:[^/]+\/)*(?:debian|ubuntu)(?::|@|$)/;
const RHEL = /^(?:[^/]+\/)*(?:rhel|centos|rockylinux|rocky|almalinux|alma|fedora|oraclelinux|ubi[0-9]*(?:-minimal|-init|-micro)?)(?::|@|$)/;

/** `--flag=value` options written before an instruction's arguments. */
function dropFlags(words: string[]): { flags: string[]; rest: string[] } {
  let i = 0;
  while (i < words.length && (words[i] as string).startsWith('--')) i++;
  return { flags: words.slice(0, i), rest: words.slice(i) };
}

export const dockerfile: HostFormat = {
  form: 'dockerfile',
  matches(path: string): boolean {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return /^(?:Dockerfile|Containerfile)(?:\..+)?$/i.test(base) || /\.(?:dockerfile|containerfile)$/i.test(base);
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    const out = emptyExtraction();
    const index = new LineIndex(file.text);
    const hostPosition = (o: number): Position => index.position(o);
    const span = (start: number, end: number): Span => {
      const a = hostPosition(start);
      const b = hostPosition(end);
      return { file: file.path, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    };
    const note = (offset: number, message: string): void => {
      out.notes.push(shellNote(file.path, hostPosition(offset), message));
    };
    if (/^#[ \t]*escape[ \t]*=[ \t]*`/m.test(file.text.slice(0, 200))) note(0, 'the backtick escape directive is not supported; lines are read with the backslash escape');
    const all = instructions(file.text);
    const stages = all.filter((i) => i.keyword === 'FROM').length;
    const directory = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
    let stage = 0;
    let scope = file.path;
    const vars = new Map<string, string>();
    let workdir: string | null = '/';
    for (const instruction of all) {
      const argsText = instruction.args.text;
      const position = instruction.args.position(hostPosition);
      const words = parseShell(argsText).commands.flatMap((c) => [...c.assignments.map((a) => ({ raw: `${a.name}=${wordValue(a.value, vars).value}`, word: a.value, start: a.start })), ...c.words.map((w) => ({ raw: wordValue(w, vars).value, word: w, start: w.start }))]);
      const values = words.map((w) => w.raw);
      switch (instruction.keyword) {
        case 'FROM': {
          stage++;
          // Earlier stages of a multi-stage build are other images: their edits form other instances.
          scope = stage === stages ? file.path : `${file.path}#stage${stage}`;
          vars.clear();
          workdir = '/';
          const image = (dropFlags(values).rest[0] ?? '').toLowerCase();
          const distribution = DEBIAN.test(image) ? 'debian' : RHEL.test(image) ? 'rhel' : null;
          if (distribution !== null) {
            out.edits.push({ kind: 'base', distribution, evidence: `FROM ${image}`, key: { scope, directory: '/etc/postfix' }, span: span(instruction.start, instruction.end - 1), form: 'dockerfile', maybe: false });
          }
          break;
        }
        case 'ENV':
          if (values.length >= 2 && !(values[0] as string).includes('=')) vars.set(values[0] as string, values.slice(1).join(' '));
          else for (const v of values) {
            const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(v);
            if (m !== null) vars.set(m[1] as string, m[2] as string);
          }
          break;
        case 'ARG':
          // A build argument can be overridden with --build-arg: its default is not a known value.
          for (const v of values) vars.set(v.split('=')[0] as string, UNKNOWN_MARK);
          break;
        case 'WORKDIR': {
          const to = values[0] ?? '/';
          workdir = to.startsWith('/') ? to : workdir === null ? null : `${workdir}/${to}`;
          break;
        }
        case 'RUN': {
          const context = { file: file.path, scope, form: 'dockerfile' as const, maybe: false };
          const options = { variables: vars, cwd: workdir };
          const body = argsText.replace(/^(?:\s*--\S+)*\s*/, '');
          const bodyAt = argsText.length - body.length;
          let result: Extraction;
          if (body.startsWith('[')) result = execForm(body, bodyAt, position, context, options, (o, m) => note(instruction.args.hostOffset(o), m));
          else if (/^<<-?["']?[A-Za-z_]/.test(body) && instruction.heredocs.length > 0) {
            // `RUN <<EOF`: the here-document is the script.
            const heredoc = instruction.heredocs[0] as Heredoc;
            const source = new MappedSource();
            for (const line of heredoc.lines) {
              source.copy(file.text, line.offset, line.offset + line.text.length);
              source.replace('\n', line.offset + line.text.length, line.offset + line.text.length + 1);
            }
            result = extractShellText(source.text, source.position(hostPosition), context, options);
          } else {
            // The instruction's line(s) then its heredoc bodies, as the shell reads them.
            const joined = new MappedSource();
            for (let i = 0; i < argsText.length; i++) joined.replace(argsText[i] as string, instruction.args.hostOffset(i), instruction.args.hostOffset(i) + 1);
            joined.replace('\n', instruction.args.hostOffset(argsText.length), instruction.args.hostOffset(argsText.length));
            for (const heredoc of instruction.heredocs) {
              for (const line of heredoc.lines) {
                joined.copy(file.text, line.offset, line.offset + line.text.length);
                joined.replace('\n', line.offset + line.text.length, line.offset + line.text.length + 1);
              }
              joined.replace(`${heredoc.delimiter}\n`, instruction.end, instruction.end);
            }
            result = extractShellText(joined.text, joined.position(hostPosition), context, options);
          }
          out.edits.push(...result.edits);
          out.diagnostics.push(...result.diagnostics);
          out.notes.push(...result.notes);
          break;
        }
        case 'COPY':
        case 'ADD': {
          const { flags, rest } = dropFlags(values);
          const fromStage = flags.some((f) => f.startsWith('--from='));
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
          if (dest === undefined || (args.length < 2 && !heredocCopy)) break;
          const destination = dest.startsWith('/') ? dest : `${workdir ?? UNKNOWN_MARK}/${dest}`;
          const sources = args.slice(0, -1);
          if (heredocCopy || (sources.length === 1 && (sources[0] as string).startsWith('<<'))) {
            const heredoc = instruction.heredocs[0];
            const target = mailTarget(destination, workdir);
            if (heredoc === undefined || target === null) break;
            const builder = new FragmentBuilder(hostPosition);
            addHeredoc(builder, heredoc, heredoc.quoted ? new Map<string, string>() : vars);
            out.edits.push({ kind: 'write', target: target.target, ...named(target), fragment: builder.build(file.path, 'dockerfile'), key: { scope, directory: target.directory }, span: span(instruction.start, instruction.end - 1), form: 'dockerfile', maybe: false });
            break;
          }
          for (const source of sources) {
            const toDirectory = destination.endsWith('/') || sources.length > 1;
            const relative = joinPath(directory, source);
            const files = repo.isDirectory(relative) ? repo.list(relative).map((name) => ({ from: `${relative}/${name}`, to: `${destination.replace(/\/$/, '')}/${name}` })) : [{ from: relative, to: toDirectory ? `${destination.replace(/\/$/, '')}/${source.slice(source.lastIndexOf('/') + 1)}` : destination }];
            for (const { from, to } of files) {
              const target = mailTarget(to, workdir);
              if (target === null) continue;
              if (fromStage || /^[a-z]+:\/\//.test(source)) {
                note(instruction.start, `${target.target} comes from another build stage or a URL (${quoted(source)}); it is not read`);
                continue;
              }
              if (repo.read(from) === undefined) {
                note(instruction.start, `${quoted(from)} copied to ${target.target} is not in the repository (the build context is assumed to be the Dockerfile's directory)`);
                continue;
              }
              out.edits.push({ kind: 'link', target: target.target, ...named(target), source: from, key: { scope, directory: target.directory }, span: span(instruction.start, instruction.end - 1), form: 'dockerfile', maybe: false });
            }
          }
          break;
        }
        default:
          break;
      }
    }
    return out;
  },
};

/** The build context is assumed to be the Dockerfile's directory (`docker build dir/`), the common layout. */
function joinPath(directory: string, source: string): string {
  const parts = directory === '' ? [] : directory.split('/');
  for (const part of source.replace(/\/$/, '').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** `RUN ["sh", "-c", "script"]` is shell; `RUN ["postconf", "-e", "a=b"]` runs one command without a shell. */
function execForm(
  body: string,
  bodyAt: number,
  position: (o: number) => Position,
  context: { file: string; scope: string; form: 'dockerfile'; maybe: boolean },
  options: { variables: Map<string, string>; cwd: string | null },
  note: (offset: number, message: string) => void,
): Extraction {
  const strings: { value: string; start: number; end: number }[] = [];
  const literal = /"((?:[^"\\\n]|\\.)*)"/g;
  for (const m of body.matchAll(literal)) {
    try {
      strings.push({ value: JSON.parse(m[0]) as string, start: bodyAt + (m.index ?? 0), end: bodyAt + (m.index ?? 0) + m[0].length });
    } catch {
      note(bodyAt, 'a RUN exec-form string could not be read');
      return emptyExtraction();
    }
  }
  const first = strings[0]?.value ?? '';
  if (/(?:^|\/)(?:ba|da)?sh$/.test(first) && strings[1]?.value === '-c' && strings[2] !== undefined) {
    const script = strings[2];
    return extractShellText(script.value, (o) => position(o === 0 ? script.start : script.end), context, options);
  }
  // No shell: each string is one word, exactly; quote it for our reader.
  const words = strings.map((s) => `'${s.value.replace(/'/g, `'\\''`)}'`);
  const joined = words.join(' ');
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    starts.push(at);
    at += w.length + 1;
  }
  return extractShellText(joined, (o) => {
    let k = 0;
    while (k + 1 < starts.length && (starts[k + 1] as number) <= o) k++;
    const s = strings[k] as { start: number; end: number };
    return position(o === starts[k] ? s.start : s.end);
  }, context, options);
}
