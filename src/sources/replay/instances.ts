import type { Mta, RuleResult } from '../../model/finding.js';
import { mergeInputs } from '../../model/inputs.js';
import type { SourceFile } from '../../model/source.js';
import { unreadable, unreadableAfterException } from '../../rules/config-unreadable.js';
import type { Configuration } from '../../mta/configuration.js';
import type { Edit, Extraction, TargetFile } from '../contracts/edits.js';
import { pieceOf } from './piece.js';
import { isPostfixEdit, replayPostfix, type ResolveLink } from './postfix.js';
import { isSendmailEdit, replaySendmail } from './sendmail.js';
import { isOtherMtaEdit, replayOtherMta } from './other-mtas.js';
import { formBySyntax, languageFor, languageOfForm, languageOfSuffix } from '../template-languages.js';
import type { TemplateLanguage } from '../contracts/template-language.js';
import { markUncertain } from '../render/render-candidates.js';
import { recordingRepository, type RepositoryReader } from '../contracts/repository.js';
import type { VariableScope } from '../contracts/variables.js';

export type { Piece } from './piece.js';

export interface InstanceOptions {
  /**
   * How a `link` edit's repository file is read: the sources stage passes the
   * files it already read and rendered. Default: `plainFiles`, then the
   * repository (a template through the language registry).
   */
  resolve?: ResolveLink;
  repo?: RepositoryReader;
  /** --vars files, for templates rendered here. */
  extraVars?: VariableScope[];
  /** Things skipped or assumed, for the scan's notes. */
  notes?: string[];
  /** config-unreadable results: a linked template that cannot be rendered, a replay that failed. */
  results?: RuleResult[];
}

/**
 * Edits grouped by instance (same scope and configuration directory), in the
 * order the extractions and their files list them: later edits win.
 */
export function groupEdits(extractions: readonly Extraction[]): Edit[][] {
  const groups = new Map<string, Edit[]>();
  for (const extraction of extractions) {
    for (const edit of extraction.edits) {
      const key = `${edit.key.scope}\u0000${edit.key.directory}`;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [edit]);
      else group.push(edit);
    }
  }
  return [...groups.values()];
}

/**
 * A plain file, or a template rendered through the language registry, as a
 * Piece whose inputs are the file and every path its variables were looked
 * up in. Variables the deploying resource passes come first (--vars still
 * win, as the user's values for the whole scan), then the language's own.
 * A template that cannot be rendered (malformed, or a renderer that throws)
 * is config-unreadable in `results`, never a silent pass.
 */
export function defaultResolver(
  plainFiles: ReadonlyMap<string, SourceFile>,
  repo?: RepositoryReader,
  extraVars: VariableScope[] = [],
  results: RuleResult[] = [],
): ResolveLink {
  return (source, target, passed) => {
    const plain = plainFiles.get(source);
    if (plain !== undefined) return { file: plain.path, text: plain.text, fragment: null, inputs: [plain.path] };
    if (repo === undefined) return null;
    const recorder = recordingRepository(repo);
    const text = recorder.read(source);
    if (text === undefined) return null;
    const language = languageFor(source)?.language ?? suffixLanguage(source, text);
    if (language === undefined) return { file: source, text, fragment: null, inputs: recorder.inputs() };
    const mta: Mta = mtaOfTarget(target);
    try {
      const own = language.variables(source, recorder, extraVars);
      const vars = passed === undefined ? own : layered([...extraVars, passed, own]);
      const rendered = language.render({ path: source, text }, vars);
      if (rendered.diagnostics.length > 0) {
        for (const d of rendered.diagnostics) results.push({ ...unreadable(mta, source, d.line, d.column, d.message), inputs: recorder.inputs() });
        return null;
      }
      // Marked for the file it is deployed as, whatever its own name says.
      return { ...pieceOf(markUncertain(rendered, target, text).fragment), inputs: recorder.inputs() };
    } catch (e) {
      results.push({ ...unreadableAfterException(mta, source, `the ${language.form} renderer`, e), inputs: recorder.inputs() });
      return null;
    }
  };
}

/**
 * A deployed file whose name renders no mail file (`templates/postfix_master.erb`,
 * named by a Puppet `template()`) is a template in the language of its
 * extension all the same: the deploying tool renders it so. An extension
 * several engines share only suggests the language; the syntax decides.
 */
function suffixLanguage(source: string, text: string): TemplateLanguage | undefined {
  const suggested = languageOfSuffix(source);
  if (suggested === undefined) return undefined;
  return languageOfForm(formBySyntax(source, text, suggested.form)) ?? suggested;
}

function layered(scopes: VariableScope[]): VariableScope {
  return {
    lookup(name) {
      for (const scope of scopes) {
        const found = scope.lookup(name);
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };
}

/** The mail server that reads a target file. */
export function mtaOfTarget(target: TargetFile): Mta {
  if (target === 'main.cf' || target === 'master.cf') return 'postfix';
  if (target === 'sendmail.mc' || target === 'sendmail.cf') return 'sendmail';
  return target === 'smtpd.conf' ? 'opensmtpd' : 'exim';
}

/**
 * Resolves links as `resolve` does and records, in `inputs`, every source
 * asked for (found or not: a file that appears where a link points changes
 * the configuration) and the inputs of every piece it returns.
 */
function recordingResolver(resolve: ResolveLink, inputs: Set<string>): ResolveLink {
  // Every argument passes through: whatever else a replay tells the resolver, the recording stays the same.
  return (...args: Parameters<ResolveLink>) => {
    const [source] = args;
    inputs.add(source);
    const piece = resolve(...args);
    for (const input of piece?.inputs ?? (piece === null ? [] : [piece.file])) inputs.add(input);
    return piece;
  };
}

/** Every input of a group of edits: each edit's own (the host file and what its extractor read). */
function editInputs(edits: readonly Edit[]): Set<string> {
  const inputs = new Set<string>();
  for (const edit of edits) {
    inputs.add(edit.span.file);
    for (const input of edit.inputs ?? []) inputs.add(input);
  }
  return inputs;
}

/** A configuration replayed from `inputs`: its own files are inputs too. */
function withInputs(config: Configuration, inputs: ReadonlySet<string>): Configuration {
  return { ...config, inputs: mergeInputs([...inputs], config.files, config.inputs) };
}

/**
 * Mail server instances built from the edits of provisioning code: each
 * group of edits is replayed in order over its base (./postfix.ts, ./sendmail.ts,
 * ./other-mtas.ts). Postfix, sendmail, Exim and OpenSMTPD edits of one group
 * make separate configurations.
 */
export function assembleInstances(
  extractions: readonly Extraction[],
  plainFiles: ReadonlyMap<string, SourceFile>,
  options: InstanceOptions = {},
): Configuration[] {
  const notes = options.notes ?? [];
  const results = options.results ?? [];
  const resolve = options.resolve ?? defaultResolver(plainFiles, options.repo, options.extraVars, results);
  const out: Configuration[] = [];
  // Whatever a replay reads, through its edits or the links it resolves, is an input of what it builds.
  // A replay that throws leaves its instance unjudged: config-unreadable where its first edit is, and the others go on.
  const replayed = (mta: Mta, group: readonly Edit[], build: (resolve: ResolveLink) => Configuration | Configuration[] | null): void => {
    const inputs = editInputs(group);
    try {
      const built = build(recordingResolver(resolve, inputs));
      for (const config of built === null ? [] : Array.isArray(built) ? built : [built]) out.push(withInputs(config, inputs));
    } catch (e) {
      const file = group[0]?.span.file ?? '.';
      results.push({ ...unreadableAfterException(mta, file, `replaying its ${mta} edits`, e), inputs: mergeInputs([...inputs]) });
    }
  };
  for (const edits of groupEdits(extractions)) {
    const key = edits[0]?.key;
    if (key === undefined) continue;
    const postfix = edits.filter(isPostfixEdit);
    if (postfix.length > 0) replayed('postfix', postfix, (r) => replayPostfix(key, postfix, r, notes));
    const sendmail = edits.filter(isSendmailEdit);
    if (sendmail.length > 0) replayed('sendmail', sendmail, (r) => replaySendmail(sendmail, r, notes));
    for (const mta of ['exim', 'opensmtpd'] as const) {
      const other = edits.filter((e) => isOtherMtaEdit(e, mta));
      const first = other[0];
      if (first !== undefined) replayed(mta, other, (r) => replayOtherMta(mta, other, r, notes, first.form));
    }
  }
  return out;
}

