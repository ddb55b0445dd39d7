/**
 * Exim and OpenSMTPD instances built from the edits of provisioning code:
 * each file the edits write, append to, link or (Debian's
 * update-exim4.conf.conf) set answers in becomes the text its server reads,
 * under its name on the target machine, and the Exim and OpenSMTPD
 * assemblers judge the instance's files together (update-exim4.conf.conf
 * with the exim4.conf.template beside it). Every span goes back to the host
 * file or the linked file a person edits.
 */
import path from 'node:path/posix';
import type { Configuration } from '../../mta/configuration.js';
import { assembleExim } from '../../mta/exim/index.js';
import { assembleOpenSmtpd } from '../../mta/opensmtpd/index.js';
import { UNKNOWN_MARK } from '../../model/source.js';
import type { Edit, TargetFile } from '../contracts/edits.js';
import { remapSpansAs, SourceMap, type Fragment, type MapSegment } from '../contracts/fragment.js';
import type { Span } from '../../model/span.js';
import { documentFragment, linesOf, type DocLine } from './document.js';
import { remapMappedText } from './files.js';
import { MappedLine } from './mapped-line.js';
import type { Piece } from './piece.js';
import type { ResolveLink } from './postfix.js';
import { charge, runSedEdit, SED_BUDGET_WORDS, type SedBudget, sedBudget, spent } from './sed-edit.js';

type OtherEdit = Extract<Edit, { kind: 'write' | 'append' | 'link' | 'set' | 'sed' }>;
type SedEdit = Extract<Edit, { kind: 'sed' }>;

/** The edits of one instance that change Exim or OpenSMTPD files, for `mta`. */
export function isOtherMtaEdit(edit: Edit, mta: 'exim' | 'opensmtpd'): edit is OtherEdit {
  if (edit.kind !== 'write' && edit.kind !== 'append' && edit.kind !== 'link' && edit.kind !== 'set' && edit.kind !== 'sed') return false;
  return mta === 'opensmtpd' ? edit.target === 'smtpd.conf' : edit.target === 'exim.conf' || edit.target === 'update-exim4.conf.conf';
}

/**
 * Debian's update-exim4.conf.conf as the exim4-config package's config
 * script writes it from its debconf templates' defaults (exim4-config 4.96):
 * a local-only configuration. `debconf-set-selections` answers are set
 * over it. dc_local_interfaces is not answered by default ("notset"): the
 * script then writes '' (every address) for an internet site and
 * '127.0.0.1 ; ::1' for every other type (localInterfaces below).
 */
const DEBCONF_DEFAULTS = ["dc_eximconfig_configtype='local'", "dc_relay_nets=''", "dc_relay_domains=''", "dc_use_split_config='false'"];

/**
 * update-exim4.conf.conf as exim4-config's postinst writes it from the
 * debconf defaults (exim4-config 4.96, a non-interactive install): every
 * setting of its dc_directives, in that order, so that a `sed -i` has the
 * lines it rewrites. dc_other_hostnames is the machine's host name there
 * (left empty, as for the debconf answers above: it names local domains,
 * not relay clients).
 */
export const PACKAGED_SETTINGS: readonly string[] = [
  "dc_eximconfig_configtype='local'",
  "dc_other_hostnames=''",
  "dc_local_interfaces='127.0.0.1 ; ::1'",
  "dc_readhost=''",
  "dc_relay_domains=''",
  "dc_minimaldns='false'",
  "dc_relay_nets=''",
  "dc_smarthost=''",
  "CFILEMODE='644'",
  "dc_use_split_config='false'",
  "dc_hide_mailname=''",
  "dc_mailname_in_oh='true'",
  "dc_localdelivery='mail_spool'",
];

/** The dc_local_interfaces the config script writes when no answer gave one, after the answers in `text`. */
function localInterfaces(text: string): string | null {
  if (/^dc_local_interfaces=/m.test(text)) return null;
  const types = [...text.matchAll(/^dc_eximconfig_configtype='([^'\n]*)'/gm)];
  const type = types[types.length - 1]?.[1] ?? 'local';
  if (type.includes(UNKNOWN_MARK)) return `dc_local_interfaces='${UNKNOWN_MARK}'`;
  return type === 'internet' ? "dc_local_interfaces=''" : "dc_local_interfaces='127.0.0.1 ; ::1'";
}

/** One file on the target machine: its name and the pieces of text, in order, that make it. */
interface ServerFile {
  name: string;
  target: TargetFile;
  pieces: Piece[];
}

function nameOf(edit: OtherEdit): string {
  if (edit.kind !== 'set' && edit.name !== undefined) return edit.name;
  if (edit.kind === 'link' && edit.destination !== undefined) return path.basename(edit.destination);
  return edit.target === 'exim.conf' ? 'exim4.conf' : edit.target;
}

/** A piece whose lines are text relaygate wrote itself, every character pinned to `edit`'s span. */
function pinnedPiece(text: string, edit: OtherEdit): Piece {
  const segments: MapSegment[] = text
    .split('\n')
    .map((line, i) => ({ line: i + 1, column: 1, endColumn: line.length + 2, kind: 'expression' as const, from: { line: edit.span.line, column: edit.span.column }, to: { line: edit.span.endLine, column: edit.span.endColumn } }));
  const fragment: Fragment = { file: edit.span.file, text, form: edit.form, map: new SourceMap(segments), maybeLines: new Set(), alternatives: [] };
  return { file: edit.span.file, text, fragment };
}

/**
 * Lines of Exim's own conditional syntax that stand for a shell condition
 * relaygate could not decide: `.ifdef` on an unknown value is undecided
 * (src/mta/exim/config-lines.ts), so the lines between may or may not be
 * read, as the file holds only what the branch the shell takes writes.
 * Every character points at the edit; the piece takes `file` as its
 * file so that it joins the text it encloses.
 */
function directivePiece(directive: '.ifdef' | '.else' | '.endif', edit: OtherEdit, file: string): Piece {
  const text = `${directive === '.ifdef' ? `.ifdef ${UNKNOWN_MARK}` : directive}\n`;
  const pinned = pinnedPiece(text, edit);
  const fragment = pinned.fragment as Fragment;
  const segments = fragment.map.segments.map((s) => ({ ...s, file: edit.span.file }));
  return { file, text, fragment: { ...fragment, file, map: new SourceMap(segments) } };
}

/**
 * An Exim file's text after a `maybe` edit (under a shell `if`, an Ansible
 * `when:`): the edit's text or, where the edit did not happen, what was
 * there before. Appended text may or may not follow; a written file is the
 * new text or the old one. Neither is read as definite, so two appends on
 * different branches of one `if` never make a definite duplicate.
 */
function maybeEximPieces(edit: OtherEdit, piece: Piece, before: readonly Piece[]): Piece[] {
  const open = directivePiece('.ifdef', edit, piece.file);
  const close = directivePiece('.endif', edit, piece.file);
  if (edit.kind === 'append' || before.length === 0) return [open, piece, close];
  return [open, piece, directivePiece('.else', edit, piece.file), ...before, close];
}

/** A fragment whose value is unknown (a `maybe` edit): every value after `=` gets UNKNOWN_MARK in front, positions kept. */
function maybePiece(piece: Piece): Piece {
  const text = piece.text.replace(/^([ \t]*[A-Za-z_]\w*=['"]?)/gm, `$1${UNKNOWN_MARK}`);
  return text === piece.text ? piece : { ...piece, text };
}

/**
 * The files the instance's edits leave on the target machine, in the order
 * they were first written. Pieces may come from different host files (a
 * Dockerfile appending to a file it COPYs, an Ansible task editing a
 * file a role deploys): every character keeps the file it comes from.
 */
function serverFiles(edits: readonly OtherEdit[], resolve: ResolveLink, notes: string[]): ServerFile[] {
  const files = new Map<string, ServerFile>();
  // Settings files made from debconf answers over the defaults (not written whole afterwards).
  const answered = new Map<OtherEdit, ServerFile>();
  const budget = sedBudget();
  for (const edit of edits) {
    const name = nameOf(edit);
    if (edit.kind === 'sed' || (edit.kind === 'set' && edit.fileEdit === true)) {
      const file = files.get(name);
      const answers = file === undefined ? undefined : [...answered].find(([, f]) => f === file);
      if (answers !== undefined && file !== undefined) {
        // The config script has written dc_local_interfaces before anything edits the file.
        const line = localInterfaces(file.pieces.map((p) => p.text).join('\n'));
        if (line !== null) file.pieces.push(pinnedPiece(`${line}\n`, answers[0]));
        answered.delete(answers[0]);
      }
      const edited = edit.kind === 'sed' ? sedFile(edit, file, name, notes, budget) : editSettings(edit, file, name);
      if (edited !== null) files.set(name, edited);
      continue;
    }
    let piece: Piece | null;
    if (edit.kind === 'link') {
      piece = resolve(edit.source, edit.target, edit.templateVariables);
      if (piece === null) {
        notes.push(`${edit.span.file}:${edit.span.line}: ${edit.source} could not be read; the ${name} it deploys is not judged`);
        files.delete(name);
        continue;
      }
    } else piece = { file: edit.fragment.file, text: edit.fragment.text, fragment: edit.fragment };
    const file = files.get(name);
    if (edit.maybe && edit.target === 'exim.conf') {
      const content = piece;
      const pieces = maybeEximPieces(edit, content, file?.pieces ?? []);
      if (edit.kind === 'append' && file !== undefined) file.pieces.push(...pieces);
      else files.set(name, { name, target: edit.target, pieces });
      continue;
    }
    if (edit.maybe) piece = maybePiece(piece);
    if (edit.kind === 'write' || edit.kind === 'link' || file === undefined) {
      const answers = edit.kind === 'set' && file === undefined;
      const made: ServerFile = { name, target: edit.target, pieces: answers ? [pinnedPiece(`${DEBCONF_DEFAULTS.join('\n')}\n`, edit), piece] : [piece] };
      files.set(name, made);
      if (answers) answered.set(edit, made);
      else for (const [e, f] of answered) if (f.name === name) answered.delete(e);
      continue;
    }
    file.pieces.push(piece);
  }
  for (const [edit, file] of answered) {
    const line = localInterfaces(file.pieces.map((p) => p.text).join('\n'));
    if (line !== null) file.pieces.push(pinnedPiece(`${line}\n`, edit));
  }
  return [...files.values()];
}

/** The lines of a file's pieces, each character on the file it comes from. */
function fileLines(file: ServerFile, fallback: Span): DocLine[] {
  return file.pieces.flatMap((piece) => linesOf(piece, false, fallback));
}

/** Lines back into one piece: its source map names the file of every character. */
function linesPiece(lines: readonly DocLine[], first: string): Piece {
  const fragment = documentFragment(lines, 'plain');
  return { file: first, text: fragment.text, fragment: { ...fragment, file: first, maybeLines: new Set() } };
}

/**
 * A line relaygate cannot read, in each file's own syntax: for
 * update-exim4.conf.conf a line of shell code (which may change any
 * setting before it, src/mta/exim/debconf.ts), for Exim's own files an
 * `.include` of unknown text.
 */
function unknownLine(target: TargetFile, span: Span): DocLine {
  return { line: MappedLine.generated(target === 'update-exim4.conf.conf' ? UNKNOWN_MARK : `.include ${UNKNOWN_MARK}`, span), maybe: false };
}

/**
 * Lines that may or may not be there (a sed under an undecided condition
 * keeps the old line beside the new one): in update-exim4.conf.conf, where
 * the last assignment wins, the value of each is unknown; in Exim's files each such line sits under `.ifdef` on an
 * unknown name, read as undecided.
 */
function settleMaybe(lines: readonly DocLine[], target: TargetFile, span: Span): DocLine[] {
  const out: DocLine[] = [];
  for (const l of lines) {
    if (!l.maybe) {
      out.push(l);
      continue;
    }
    if (target === 'update-exim4.conf.conf') {
      const m = /^([ \t]*[A-Za-z_]\w*=['"]?)/.exec(l.line.text);
      if (m === null) out.push({ line: l.line, maybe: false });
      else {
        const cut = (m[1] as string).length;
        out.push({ line: l.line.slice(0, cut).concat(MappedLine.generated(UNKNOWN_MARK, span), l.line.slice(cut)), maybe: false });
      }
      continue;
    }
    out.push({ line: MappedLine.generated(`.ifdef ${UNKNOWN_MARK}`, span), maybe: false }, { line: l.line, maybe: false }, { line: MappedLine.generated('.endif', span), maybe: false });
  }
  return out;
}

/** update-exim4.conf.conf as it stands before an edit: the text written earlier, else the packaged one (pinned to `edit`). */
function settingsBase(edit: OtherEdit, file: ServerFile | undefined, name: string): ServerFile {
  return file ?? { name, target: 'update-exim4.conf.conf', pieces: [pinnedPiece(`${PACKAGED_SETTINGS.join('\n')}\n`, edit)] };
}

/**
 * An edit of update-exim4.conf.conf as it stands (Ansible lineinfile,
 * replace): the assignment goes at the end, where the shell's last
 * assignment wins; with `ifPresent`, only when a line sets that name.
 */
function editSettings(edit: Extract<Edit, { kind: 'set' }>, file: ServerFile | undefined, name: string): ServerFile | null {
  const base = settingsBase(edit, file, name);
  const present = edit.ifPresent;
  if (present !== undefined && !base.pieces.some((p) => p.text.split('\n').some((line) => line.trimStart().startsWith(`${present}=`)))) return null;
  const piece: Piece = { file: edit.fragment.file, text: edit.fragment.text, fragment: edit.fragment };
  return { ...base, pieces: [...base.pieces, edit.maybe ? maybePiece(piece) : piece] };
}

/**
 * `sed -i` on an Exim file (GNU sed, ./sed-edit.ts): run over the text the
 * earlier edits left, or, for update-exim4.conf.conf nothing has written,
 * over the packaged one. Only the lines it touches change; what it writes
 * points at the sed command. A script relaygate cannot read (built by the
 * shell at run time) leaves the file's text unknown from here on; so does
 * any sed on an Exim file relaygate has not seen (a packaged template).
 */
function sedFile(edit: SedEdit, file: ServerFile | undefined, name: string, notes: string[], budget: SedBudget): ServerFile | null {
  const base = edit.target === 'update-exim4.conf.conf' ? settingsBase(edit, file, name) : file;
  if (base === undefined) {
    notes.push(`${edit.span.file}:${edit.span.line}: sed edits ${name}, which relaygate has not seen; the change is not judged`);
    return null;
  }
  const first = base.pieces[0]?.file ?? edit.span.file;
  if (spent(budget)) {
    // Spent: not even read into lines again; the file may hold anything from here on.
    return { name, target: base.target, pieces: [...base.pieces, linesPiece([unknownLine(edit.target, edit.span)], edit.span.file)] };
  }
  const lines = fileLines(base, edit.span);
  if (!charge(budget, lines)) {
    if (!budget.noted.has(name)) {
      budget.noted.add(name);
      notes.push(`${name}: the seds before the one at ${edit.span.file}:${edit.span.line} ran over ${SED_BUDGET_WORDS}: what it and later ones change there is unknown`);
    }
    // Every line only perhaps there (this sed may remove it), then the unknown line.
    const unknown = [...lines.map((l) => ({ ...l, maybe: true })), unknownLine(edit.target, edit.span)];
    return { name, target: base.target, pieces: [linesPiece(settleMaybe(unknown, edit.target, edit.span), first)] };
  }
  const result = runSedEdit(lines, edit, (span) => unknownLine(edit.target, span));
  if (result === null) {
    // The whole text may be anything: for Debian's settings, the packaged lines stay, every one made unknown by the code line after them.
    const kept = edit.target === 'update-exim4.conf.conf' ? lines : [];
    return { name, target: base.target, pieces: [linesPiece([...kept, unknownLine(edit.target, edit.span)], first)] };
  }
  if (result.bounded !== undefined && !budget.noted.has(name)) {
    budget.noted.add(name);
    notes.push(`${name}: ${result.bounded}`);
  }
  return { name, target: base.target, pieces: [linesPiece(settleMaybe(result.lines, edit.target, edit.span), first)] };
}

/** A file's pieces joined into one text, their source maps shifted to the lines they land on, each segment naming its file. */
function joined(file: ServerFile, at: string): { text: string; fragment: Fragment | null; source: string } {
  const source = file.pieces[0]?.file ?? '';
  let text = '';
  const segments: MapSegment[] = [];
  let mapped = false;
  for (const piece of file.pieces) {
    if (text !== '' && !text.endsWith('\n')) text += '\n';
    const lineOffset = text === '' ? 0 : text.split('\n').length - 1;
    if (piece.fragment !== null) {
      mapped = true;
      const own = piece.fragment.file;
      for (const s of piece.fragment.map.segments) segments.push({ ...s, line: s.line + lineOffset, file: s.file ?? own });
    } else {
      piece.text.split('\n').forEach((line, i) => {
        segments.push({ line: lineOffset + i + 1, column: 1, endColumn: line.length + 2, kind: 'literal', from: { line: i + 1, column: 1 }, to: { line: i + 1, column: 1 }, file: piece.file });
      });
    }
    text += piece.text;
  }
  const fragment: Fragment | null = mapped || file.pieces.length > 1 ? { file: at, text, form: file.pieces[0]?.fragment?.form ?? 'plain', map: new SourceMap(segments), maybeLines: new Set(), alternatives: [] } : null;
  return { text, fragment, source };
}

/**
 * Replays one instance's Exim (or OpenSMTPD) edits. The files are judged
 * under names of their own (one folder per instance, so Debian's files pair
 * as update-exim4.conf does on the machine); spans and file lists are then
 * put back on the host and linked files.
 */
export function replayOtherMta(mta: 'exim' | 'opensmtpd', edits: readonly OtherEdit[], resolve: ResolveLink, notes: string[], form: Configuration['form']): Configuration[] {
  const instance = `\u0000instance/${mta}`;
  const files = serverFiles(edits, resolve, notes);
  const sources = files.map((file) => {
    const at = `${instance}/${file.name}`;
    return { at, file, ...joined(file, at) };
  });
  const judged = sources.map((s) => ({ path: s.at, text: s.text, name: s.file.name, role: s.file.target === 'update-exim4.conf.conf' ? ('update-exim4.conf.conf' as const) : s.file.target === 'smtpd.conf' ? ('smtpd.conf' as const) : ('exim.conf' as const) }));
  const assembled: Configuration[] = mta === 'exim' ? assembleExim(judged) : assembleOpenSmtpd(judged);
  return assembled.map((config) => {
    let out: Configuration = config;
    for (const s of sources) {
      const fragment: Fragment = s.fragment ?? { file: s.at, text: s.text, form: 'plain', map: new SourceMap([]), maybeLines: new Set(), alternatives: [] };
      out = remapSpansAs(out, fragment, s.source, remapMappedText);
    }
    const real = (f: string): string => sources.find((s) => s.at === f)?.source ?? f;
    return { ...out, files: [...new Set(config.files.map(real))].sort(), form };
  });
}
