import path from 'node:path/posix';
import type { Form } from '../../model/configuration.js';
import type { Diagnostic, Span } from '../../model/span.js';
import { isUnknown, UNKNOWN_MARK } from '../../model/source.js';
import { postfixFatalDiagnostics } from '../../mta/postfix/fatal.js';
import type { PostfixConfiguration } from '../../mta/postfix/model.js';
import type { Edit, InstanceKey, TargetFile } from '../contracts/edits.js';
import type { Fragment } from '../contracts/fragment.js';
import type { VariableScope } from '../contracts/variables.js';
import { resolveBase, type Base, type BaseEvidence } from './base.js';
import { linesOf, type DocLine } from './document.js';
import { MainDocument } from './main-document.js';
import { MappedLine } from './mapped-line.js';
import { MasterDocument } from './master-document.js';
import { packagedMasterCf } from './packaged-master.js';
import { pieceOf, type Piece } from './piece.js';
import { charge, MAX_DOCUMENT_LINES, runSedEdit, SED_BUDGET_WORDS, type SedBudget, sedBudget } from './sed-edit.js';
import { namedParameters, RELAY_PARAMETERS } from '../languages/shell/sed.js';
import { parseSedScript, type SedInstruction } from '../languages/shell/sed-script.js';

/**
 * Resolves a `link` edit's repository file; null when it cannot be read. A
 * template is rendered with `vars` when the edit carries them (see the
 * `link` edit), else with its language's own variables.
 */
export type ResolveLink = (source: string, target: TargetFile, variables?: VariableScope) => Piece | null;

interface State {
  main: MainDocument;
  /** main.cf was written whole (a write or a link): the base no longer matters. */
  mainWritten: string | null;
  /** The write edit, when main.cf's text is in the host file itself. */
  writtenAt: Span | undefined;
  /** master.cf, once an edit touches it (until then the stock one applies). */
  master: MasterDocument | null;
  masterFile: string | null;
  masterWritten: boolean;
  diagnostics: Diagnostic[];
  /** What the instance's edits may still run over. */
  sed: SedBudget;
  /** The files whose bound was met, each noted once. */
  bounded: Set<string>;
  files: Set<string>;
  touched: Set<string>;
  base: Base['name'];
  /** Where the base is named (or the first edit): packaged lines point here. */
  baseSpan: Span;
  baseReason: string;
  form: Form;
}

function lineOf(span: Span): string {
  return `${path.basename(span.file)} line ${span.line}`;
}

/** master.cf before its first edit: the packaged one on a known base, else the stock smtp line and services relaygate has not seen. */
function masterOf(state: State, span: Span): MasterDocument {
  if (state.master !== null) return state.master;
  const master = new MasterDocument();
  const packaged = packagedMasterCf(state.base);
  const assumed = `the master.cf packaged with ${state.baseReason}`;
  if (packaged !== null) {
    master.lines = packaged.replace(/\n$/, '').split('\n').map((text) => ({ line: MappedLine.generated(text, state.baseSpan), maybe: false, assumed }));
  } else {
    master.lines = [{ line: MappedLine.generated('smtp      inet  n       -       n       -       -       smtpd', span), maybe: false }];
    master.unseen = true;
  }
  state.master = master;
  state.masterFile ??= span.file;
  return master;
}

/** Service types that cannot listen on the network (master(5)). */
const LOCAL_TYPES = new Set(['unix', 'unix-dgram', 'fifo', 'pass']);

/** The inet services among master.cf lines (only they can listen on the network). */
function inetServices(lines: readonly DocLine[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const m = /^([^\s#]\S*)[ \t]+(\S+)/.exec(l.line.text);
    if (m !== null && (m[2] === 'inet' || isUnknown(m[2] as string))) out.push(`${m[1] as string}/${m[2] as string}`);
  }
  return out;
}

function definedNames(lines: readonly DocLine[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const m = /^([^\s#=][^=]*)=/.exec(l.line.text);
    if (m !== null) {
      out.push((m[1] as string).trim());
      continue;
    }
    // A first word with unresolved text may hold the `=` (main-cf.ts): it names what starts so.
    const word = /^[^\s#]\S*/.exec(l.line.text)?.[0];
    const mark = word === undefined ? -1 : word.indexOf(UNKNOWN_MARK);
    if (word !== undefined && mark >= 0) out.push(word.slice(0, mark + 1));
  }
  return out;
}

function linesOfEdit(edit: Extract<Edit, { fragment: unknown }>, maybe = edit.maybe): DocLine[] {
  return linesOf(pieceOf(edit.fragment), maybe, edit.span);
}

function writeMain(state: State, piece: Piece, maybe: boolean, at: Span | undefined, fallback: Span): void {
  if (maybe) {
    // Written or not (a create-if-missing deploy, an undecided condition):
    // Postfix reads this file or the one that was there, so every definition
    // of either may be the one in effect, and a name only one of them
    // defines may have its default under the other. What neither defines is
    // what it was before (the base's, unknown over an unknown base).
    const lines = linesOf(piece, true, fallback);
    state.main.lines = [...state.main.lines.map((l) => ({ ...l, maybe: true })), ...lines];
    // Written, it sets every parameter: those it leaves out to their defaults.
    for (const n of [...RELAY_PARAMETERS, ...definedNames(lines)]) state.touched.add(n);
    state.files.add(piece.file);
    return;
  }
  state.main.write(linesOf(piece, maybe, fallback));
  state.writtenAt = at;
  state.mainWritten = piece.file;
  state.files.add(piece.file);
}

function writeMaster(state: State, piece: Piece, fallback: Span): void {
  const master = state.master ?? new MasterDocument();
  master.write(linesOf(piece, false, fallback));
  state.master = master;
  state.masterFile = piece.file;
  state.masterWritten = true;
  state.files.add(piece.file);
}

/** The text of a master-edit's fragment as one mapped line (postconf refuses multi-line arguments). */
function oneLine(fragment: Fragment, span: Span): MappedLine {
  const first = fragment.text.split('\n')[0] ?? '';
  return MappedLine.ofFragment(fragment, 1, first, span);
}

function replay(state: State, edit: Edit, resolve: ResolveLink, notes: string[]): void {
  switch (edit.kind) {
    case 'write':
      if (edit.target === 'main.cf') writeMain(state, pieceOf(edit.fragment), edit.maybe, edit.span, edit.span);
      else if (edit.target === 'master.cf') writeMaster(state, pieceOf(edit.fragment), edit.span);
      return;
    case 'append':
      if (edit.target === 'main.cf') {
        const lines = linesOfEdit(edit);
        state.main.append(lines);
        for (const n of definedNames(lines)) state.touched.add(n);
      } else if (edit.target === 'master.cf') {
        const lines = linesOfEdit(edit);
        masterOf(state, edit.span).append(lines);
        // Only inet services listen: an appended unix service changes no exposure.
        for (const s of inetServices(lines)) state.touched.add(s);
      }
      return;
    case 'set':
      for (const n of state.main.set(linesOfEdit(edit), edit.maybe, edit.unknownNameExcludes)) state.touched.add(n);
      return;
    case 'unset':
      state.touched.add(edit.name);
      state.main.unset(edit.name, edit.maybe, edit.comment === true, edit.span);
      return;
    case 'set-if-present':
      if (state.main.setIfPresent(edit.name, linesOfEdit(edit), edit.maybe)) state.touched.add(edit.name);
      return;
    case 'master-set':
      if (masterOf(state, edit.span).parameter(edit.service, edit.type, edit.parameter, MappedLine.generated(edit.value, edit.valueSpan), edit.maybe, edit.settingSpan ?? edit.span, lineOf(edit.span))) {
        state.touched.add(`${edit.service}/${edit.type}/${edit.parameter}`);
      }
      return;
    case 'master-unset':
      if (masterOf(state, edit.span).parameter(edit.service, edit.type, edit.parameter, null, edit.maybe, edit.span, lineOf(edit.span))) {
        state.touched.add(`${edit.service}/${edit.type}/${edit.parameter}`);
      }
      return;
    case 'master-entry': {
      const line = oneLine(edit.entry, edit.span);
      for (const s of [...inetServices([{ line, maybe: false }]), ...(edit.type === 'inet' ? [`${edit.service}/${edit.type}`] : [])]) state.touched.add(s);
      masterOf(state, edit.span).entry(edit.service, edit.type, { line, maybe: false }, edit.maybe, edit.span);
      return;
    }
    case 'master-field':
      if (masterOf(state, edit.span).field(edit.service, edit.type, edit.field, oneLine(edit.value, edit.span), edit.maybe, edit.span, lineOf(edit.span)) && !LOCAL_TYPES.has(edit.type)) {
        state.touched.add(`${edit.service}/${edit.type}`);
      }
      return;
    case 'master-remove':
      if (masterOf(state, edit.span).remove(edit.service, edit.type, edit.comment, edit.maybe, edit.span) && !LOCAL_TYPES.has(edit.type)) state.touched.add(`${edit.service}/${edit.type}`);
      return;
    case 'sed':
      if (edit.target === 'main.cf') sedMain(state, edit, notes);
      else sedMaster(state, edit, notes);
      return;
    case 'link': {
      const piece = resolve(edit.source, edit.target, edit.templateVariables);
      if (piece === null) {
        notes.push(`${lineOf(edit.span)}: ${edit.source} is copied to ${edit.target} but cannot be read; its content is not judged`);
        return;
      }
      if (edit.target === 'main.cf') writeMain(state, piece, edit.maybe, undefined, edit.span);
      else if (edit.target === 'master.cf') writeMaster(state, piece, edit.span);
      return;
    }
    case 'base':
      return;
  }
}

/**
 * One edit replayed within the instance's bounds (./sed-edit.ts). Edits that
 * may or may not happen keep each line they change beside the new one, so
 * the same edit run once per pass of a loop doubles what it matches each
 * time: a file it would grow past MAX_DOCUMENT_LINES keeps its lines, only
 * perhaps there, with one line after them that may be anything. Once the
 * edits have spent the instance's budget (lines, characters, pieces), the rest are not
 * replayed: both files end with that line. false: stop.
 */
function replayBounded(state: State, edit: Edit, resolve: ResolveLink, notes: string[]): boolean {
  if (!charge(state.sed, state.main.lines, state.master?.lines ?? [])) {
    notes.push(`${lineOf(edit.span)}: the Postfix edits before this one ran over ${SED_BUDGET_WORDS} of main.cf and master.cf; what this and later ones change is unknown`);
    unknownAfter(state, edit.span);
    return false;
  }
  const main = state.main.lines.slice();
  const master = state.master === null ? null : { document: state.master, lines: state.master.lines.slice() };
  replay(state, edit, resolve, notes);
  if (state.main.lines.length > MAX_DOCUMENT_LINES) {
    noteOnce(state, notes, `main.cf: ${lineOf(edit.span)} would make the file more than ${MAX_DOCUMENT_LINES} lines long: what it changes there, and what later edits that grow it change, is unknown`);
    unknownMain(state, main.map((l) => ({ ...l, maybe: true })), edit.span);
  }
  if (state.master !== null && state.master.lines.length > MAX_DOCUMENT_LINES) {
    noteOnce(state, notes, `master.cf: ${lineOf(edit.span)} would make the file more than ${MAX_DOCUMENT_LINES} lines long: what it changes there, and what later edits that grow it change, is unknown`);
    unknownMaster(state, state.master, master !== null && master.document === state.master ? master.lines.map((l) => ({ ...l, maybe: true })) : [], edit.span);
  }
  return true;
}

/** A bound's note, once per instance and file: every later edit the bound stops says the same. */
function noteOnce(state: State, notes: string[], note: string): void {
  const file = note.slice(0, note.indexOf(':'));
  if (state.bounded.has(file)) return;
  state.bounded.add(file);
  notes.push(note);
}

/** Every file of the instance may hold anything after what was replayed. */
function unknownAfter(state: State, span: Span): void {
  unknownMain(state, state.main.lines, span);
  if (state.master !== null) unknownMaster(state, state.master, state.master.lines, span);
}

/** main.cf is `lines` and then a definition that may be anything. */
function unknownMain(state: State, lines: readonly DocLine[], span: Span): void {
  state.main.lines = [...lines, { line: MappedLine.generated(UNKNOWN_DEFINITION, span), maybe: false }];
  for (const name of RELAY_PARAMETERS) state.touched.add(name);
}

/** master.cf is `lines` and then a service that may be anything. */
function unknownMaster(state: State, master: MasterDocument, lines: readonly DocLine[], span: Span): void {
  master.lines = [...lines, { line: MappedLine.generated(UNKNOWN_SERVICE, span), maybe: true }];
  state.touched.add(`${UNKNOWN_MARK}/inet`);
}

const UNKNOWN_DEFINITION = `${UNKNOWN_MARK} = ${UNKNOWN_MARK}`;
/** A master.cf line relaygate cannot read may be any service: an SMTP server with any override, perhaps. */
const UNKNOWN_SERVICE = `${UNKNOWN_MARK} inet - - - - - smtpd -o ${UNKNOWN_MARK}=${UNKNOWN_MARK}`;

/** Where the sed script starts in the host file. */
function scriptSpan(edit: Extract<Edit, { kind: 'sed' }>): Span {
  const first = MappedLine.ofFragment(edit.script, 1, edit.script.text.split('\n')[0] ?? '', edit.span).firstSpan();
  return first ?? edit.span;
}

/** Does the program write text (s, y, a, i, c), beyond deleting lines? */
function writesText(edit: Extract<Edit, { kind: 'sed' }>): boolean {
  const program = parseSedScript(edit.script.text, edit.extended);
  if (program.kind !== 'program') return true;
  const writes = (list: readonly SedInstruction[]): boolean => list.some((i) => (i.command.name === 'block' ? writes(i.command.commands) : i.command.name !== 'd' && i.command.name !== 'p'));
  return writes(program.instructions);
}

/**
 * sed on main.cf: run over the lines relaygate has; on a main.cf it knows
 * only in part (a base it does not recognise), the lines it has not seen
 * may hold what the script changes: the parameters the script names (or the
 * relay parameters) are unknown there.
 */
function sedMain(state: State, edit: Extract<Edit, { kind: 'sed' }>, notes: string[]): void {
  const result = runSedEdit(state.main.lines, edit, (span) => ({ line: MappedLine.generated(UNKNOWN_DEFINITION, span), maybe: false }));
  if (result === null) return;
  if (result.bounded !== undefined) noteOnce(state, notes, `main.cf: ${result.bounded}`);
  state.main.lines = result.lines;
  for (const n of definedNames(result.changed.map((text) => ({ line: MappedLine.generated(text, edit.span), maybe: false })))) state.touched.add(n);
  if (!state.main.unseen || !writesText(edit)) return;
  const named = namedParameters(edit.script.text);
  const at = scriptSpan(edit);
  for (const name of named.length > 0 ? named : RELAY_PARAMETERS) {
    // A definition relaygate has comes after the ones it has not seen: the script ran on it.
    if (state.main.defines(name)) continue;
    state.touched.add(name);
    state.main.append([{ line: MappedLine.generated(`${name} = ${UNKNOWN_MARK}`, at), maybe: true }]);
  }
}

/** sed on master.cf: run over its lines; over services relaygate has not seen, an SMTP service may appear. */
function sedMaster(state: State, edit: Extract<Edit, { kind: 'sed' }>, notes: string[]): void {
  const master = masterOf(state, edit.span);
  const result = runSedEdit(master.lines, edit, (span) => ({ line: MappedLine.generated(UNKNOWN_SERVICE, span), maybe: true }));
  if (result === null) return;
  if (result.bounded !== undefined) noteOnce(state, notes, `master.cf: ${result.bounded}`);
  master.lines = result.lines;
  for (const s of inetServices(result.changed.map((text) => ({ line: MappedLine.generated(text, edit.span), maybe: false })))) state.touched.add(s);
  if (!master.unseen || !writesText(edit)) return;
  master.lines.push({ line: MappedLine.generated(UNKNOWN_SERVICE, scriptSpan(edit)), maybe: true });
  state.touched.add(`${UNKNOWN_MARK}/inet`);
}

/** The edits of one instance that change Postfix files. */
export function isPostfixEdit(edit: Edit): boolean {
  return edit.kind === 'base' || (edit.kind === 'set' && edit.target === 'main.cf') || edit.kind === 'unset' || edit.kind === 'set-if-present' || edit.kind === 'master-set' || edit.target === 'main.cf' || edit.target === 'master.cf';
}

/**
 * Replays one instance's Postfix edits, in order, over the base: the file a
 * `write`/`link` put there, else the distribution's packaged main.cf when a
 * `base` edit recognises it, else Postfix's built-in defaults.
 */
export function replayPostfix(key: InstanceKey, edits: readonly Edit[], resolve: ResolveLink, notes: string[]): PostfixConfiguration | null {
  const changes = edits.filter((e) => e.kind !== 'base');
  const first = changes[0];
  if (first === undefined) return null; // `apt-get install postfix` alone changes nothing to judge
  const evidence: BaseEvidence[] = edits.flatMap((e) =>
    e.kind === 'base' ? [{ distribution: e.distribution, evidence: e.evidence, span: e.span, ...(e.mailerType === undefined ? {} : { mailerType: e.mailerType }), ...(e.image === undefined ? {} : { image: e.image }) }] : [],
  );
  const resolved = resolveBase(evidence, first.span);
  const base = resolved.name;
  const reason = resolved.assumed;
  const baseSpan = resolved.span ?? first.span;
  const state: State = {
    main: new MainDocument(),
    mainWritten: null,
    writtenAt: undefined,
    master: null,
    masterFile: null,
    masterWritten: false,
    diagnostics: [],
    sed: sedBudget(),
    bounded: new Set(),
    files: new Set(edits.map((e) => e.span.file)),
    touched: new Set(),
    base,
    baseSpan,
    baseReason: reason,
    form: first.form,
  };
  state.main.lines = resolved.parameters.map((p) => ({ line: MappedLine.generated(`${p.name} = ${p.value}`, p.span), maybe: false, ...(p.assumed === undefined ? {} : { assumed: p.assumed }) }));
  // A recognised distribution's packaged main.cf is what its table lists (./base.ts); an unrecognised one may hold anything.
  state.main.unseen = resolved.kind === 'unknown';
  for (const edit of edits) if (!replayBounded(state, edit, resolve, notes)) break;

  const form: Form = first.form;
  const overlay = state.mainWritten === null;
  const main = state.main.parameters(form);
  state.diagnostics.push(...main.diagnostics);
  const masterCf = state.master === null ? null : state.master.masterCf(form, state.masterFile ?? first.span.file);
  if (state.master !== null) {
    state.diagnostics.push(...masterCf!.diagnostics);
    notes.push(...state.master.notes);
  }
  const configuration: PostfixConfiguration = {
    mta: 'postfix',
    files: [...state.files].sort(),
    form,
    diagnostics: state.diagnostics,
    directory: key.scope,
    mainCf: {
      file: state.mainWritten ?? first.span.file,
      parameters: main.parameters,
      diagnostics: [],
      ...(state.writtenAt === undefined ? {} : { writtenAt: state.writtenAt }),
      ...(overlay && resolved.kind === 'unknown' ? { unknownRest: { knownUnset: resolved.knownUnset, why: resolved.rest ?? 'the rest of main.cf is unknown (no distribution recognised)' } } : {}),
    },
    masterCf,
  };
  if (overlay) {
    configuration.overlay = { base, touched: [...state.touched].sort(), assumed: resolved.assumed, ...(resolved.span === null ? {} : { span: resolved.span }) };
  }
  configuration.diagnostics.push(...postfixFatalDiagnostics(configuration));
  return configuration;
}
