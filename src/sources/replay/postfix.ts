import path from 'node:path/posix';
import type { Form } from '../../model/configuration.js';
import { UNKNOWN_MARK } from '../../model/source.js';
import type { Diagnostic, Span } from '../../model/span.js';
import { postfixFatalDiagnostics } from '../../mta/postfix/fatal.js';
import { stockSmtpService } from '../../mta/postfix/listeners.js';
import { parseMainCf } from '../../mta/postfix/main-cf.js';
import { parseMasterCf } from '../../mta/postfix/master-cf.js';
import type { MainCfParameter, MasterCf, MasterService, PostfixConfiguration } from '../../mta/postfix/model.js';
import type { Edit, InstanceKey, TargetFile } from '../contracts/edits.js';
import type { VariableScope } from '../contracts/variables.js';
import { baseLabel, baseParameters, type BaseName } from './base.js';
import { markUnknown, pieceOf, remapPiece, type Piece } from './piece.js';

/**
 * Resolves a `link` edit's repository file; null when it cannot be read. A
 * template is rendered with `vars` when the edit carries them (see the
 * `link` edit), else with its language's own variables.
 */
export type ResolveLink = (source: string, target: TargetFile, variables?: VariableScope) => Piece | null;

interface State {
  parameters: MainCfParameter[];
  /** main.cf was written whole (a write or a link): the base no longer matters. */
  mainWritten: string | null;
  /** The write edit, when main.cf's text is in the host file itself. */
  writtenAt: Span | undefined;
  masterCf: MasterCf | null;
  masterWritten: boolean;
  diagnostics: Diagnostic[];
  files: Set<string>;
  touched: Set<string>;
}

function lineOf(span: Span): string {
  return `${path.basename(span.file)} line ${span.line}`;
}

function parseMain(piece: Piece, maybe: boolean): { parameters: MainCfParameter[]; diagnostics: Diagnostic[] } {
  const parsed = parseMainCf({ path: piece.file, text: piece.text, role: 'main.cf' });
  const maybeLines = piece.fragment?.maybeLines ?? new Set<number>();
  const parameters = parsed.parameters.map((p) => (maybe || maybeLines.has(p.span.line) ? markUnknown(p) : p));
  return remapPiece({ parameters, diagnostics: parsed.diagnostics }, piece);
}

function parseMaster(piece: Piece): MasterCf {
  return remapPiece(parseMasterCf({ path: piece.file, text: piece.text, role: 'master.cf' }), piece);
}

/** The stock master.cf as relaygate models it (its smtp line), placed at the edit that changes it. */
function stockMaster(span: Span): MasterCf {
  const smtp = stockSmtpService(span.file);
  return { file: span.file, services: [{ ...smtp, span, nameSpan: span }], diagnostics: [] };
}

function applyMasterSet(state: State, edit: Extract<Edit, { kind: 'master-set' }>, notes: string[]): void {
  const master = state.masterCf ?? stockMaster(edit.span);
  const at = master.services.findIndex((s) => s.name === edit.service && s.type === edit.type);
  state.touched.add(`${edit.service}/${edit.type}/${edit.parameter}`);
  if (at < 0) {
    // postconf -P on a service master.cf does not have changes nothing (postconf warns).
    notes.push(`${lineOf(edit.span)}: postconf -P names ${edit.service}/${edit.type}, which master.cf does not define; ignored`);
    return;
  }
  const service = master.services[at] as MasterService;
  const value = edit.maybe ? UNKNOWN_MARK + edit.value : edit.value;
  const overrides = [...service.overrides.filter((o) => o.name !== edit.parameter), { name: edit.parameter, value, span: edit.span }];
  const services = [...master.services];
  services[at] = { ...service, overrides, args: [...service.args, '-o', `${edit.parameter}=${value}`] };
  state.masterCf = { ...master, services };
}

function writeMain(state: State, piece: Piece, maybe: boolean, at: Span | undefined): void {
  const parsed = parseMain(piece, maybe);
  state.writtenAt = at;
  state.parameters = parsed.parameters;
  state.diagnostics.push(...parsed.diagnostics);
  state.mainWritten = piece.file;
  state.files.add(piece.file);
}

function writeMaster(state: State, piece: Piece): void {
  const master = parseMaster(piece);
  state.masterCf = master;
  state.masterWritten = true;
  state.diagnostics.push(...master.diagnostics);
  state.files.add(piece.file);
}

function replay(state: State, edit: Edit, resolve: ResolveLink, notes: string[]): void {
  switch (edit.kind) {
    case 'write':
      if (edit.target === 'main.cf') writeMain(state, pieceOf(edit.fragment), edit.maybe, edit.span);
      else if (edit.target === 'master.cf') writeMaster(state, pieceOf(edit.fragment));
      return;
    case 'append':
      if (edit.target === 'main.cf') {
        const parsed = parseMain(pieceOf(edit.fragment), edit.maybe);
        state.parameters.push(...parsed.parameters);
        state.diagnostics.push(...parsed.diagnostics);
        for (const p of parsed.parameters) state.touched.add(p.name);
      } else if (edit.target === 'master.cf') {
        const appended = parseMaster(pieceOf(edit.fragment));
        const master = state.masterCf ?? stockMaster(edit.span);
        state.masterCf = { ...master, services: [...master.services, ...appended.services] };
        state.diagnostics.push(...appended.diagnostics);
        for (const s of appended.services) state.touched.add(`${s.name}/${s.type}`);
      }
      return;
    case 'set': {
      const parsed = parseMain(pieceOf(edit.fragment), edit.maybe);
      state.parameters.push(...parsed.parameters);
      state.diagnostics.push(...parsed.diagnostics);
      for (const p of parsed.parameters) state.touched.add(p.name);
      return;
    }
    case 'unset':
      state.touched.add(edit.name);
      // A removal that may not happen leaves the earlier value possibly in place: unknown.
      state.parameters = edit.maybe
        ? state.parameters.map((p) => (p.name === edit.name ? markUnknown(p) : p))
        : state.parameters.filter((p) => p.name !== edit.name);
      return;
    case 'set-if-present': {
      const present = state.parameters.some((p) => p.name === edit.name);
      // On a file relaygate cannot see, the definition may or may not be there.
      const unknownBase = state.mainWritten === null;
      if (!present && !unknownBase) return;
      const parsed = parseMain(pieceOf(edit.fragment), edit.maybe || !present);
      state.parameters.push(...parsed.parameters.filter((p) => p.name === edit.name));
      state.diagnostics.push(...parsed.diagnostics);
      state.touched.add(edit.name);
      return;
    }
    case 'master-set':
      applyMasterSet(state, edit, notes);
      return;
    case 'link': {
      const piece = resolve(edit.source, edit.target, edit.templateVariables);
      if (piece === null) {
        notes.push(`${lineOf(edit.span)}: ${edit.source} is copied to ${edit.target} but cannot be read; its content is not judged`);
        return;
      }
      if (edit.target === 'main.cf') writeMain(state, piece, edit.maybe, undefined);
      else if (edit.target === 'master.cf') writeMaster(state, piece);
      return;
    }
    case 'base':
      return;
  }
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
  const evidence = edits.find((e): e is Extract<Edit, { kind: 'base' }> => e.kind === 'base');
  const base: BaseName = evidence?.distribution ?? 'postfix-defaults';
  const reason = evidence ? `because of ${evidence.evidence} at ${lineOf(evidence.span)}` : 'because nothing in the repository says which distribution this is';
  const state: State = {
    parameters: baseParameters(base, reason, evidence?.span ?? first.span),
    mainWritten: null,
    writtenAt: undefined,
    masterCf: null,
    masterWritten: false,
    diagnostics: [],
    files: new Set(edits.map((e) => e.span.file)),
    touched: new Set(),
  };
  for (const edit of edits) replay(state, edit, resolve, notes);

  const form: Form = first.form;
  const overlay = state.mainWritten === null && !state.masterWritten;
  const configuration: PostfixConfiguration = {
    mta: 'postfix',
    files: [...state.files].sort(),
    form,
    diagnostics: state.diagnostics,
    directory: key.scope,
    mainCf: {
      file: state.mainWritten ?? first.span.file,
      parameters: state.parameters,
      diagnostics: [],
      ...(state.writtenAt === undefined ? {} : { writtenAt: state.writtenAt }),
    },
    masterCf: state.masterCf,
  };
  if (overlay) configuration.overlay = { base, touched: [...state.touched].sort(), assumed: `${baseLabel(base)}, assumed ${reason}` };
  configuration.diagnostics.push(...postfixFatalDiagnostics(configuration));
  return configuration;
}
