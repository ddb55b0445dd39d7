import type { SourceFile } from '../../model/source.js';
import { isUnknown } from '../../model/source.js';
import type { Span } from '../../model/span.js';
import { daemonPortOptionsValue } from './cf.js';
import { installCfHooks, newCfState, recordFeature, trackDpo } from './cf-macros.js';
import type { CfState, ProtoState } from './cf-macros.js';
import { cfDirOf, cfTreePath, cfTreeText } from './cf-tree.js';
import { readDaemonPortOptions } from './daemon-port-options.js';
import { M4, type M4Call } from './m4.js';
import type { DaemonPortOptions, SendmailConfiguration } from './model.js';

/** What a .mc means once m4 and cf.m4 have read it. */
export type McAnalysis = Pick<
  SendmailConfiguration,
  'listeners' | 'features' | 'promiscuousRelay' | 'relayDomains' | 'unknowns' | 'cfInclude' | 'diagnostics'
>;

/** Where `m4 cf.m4 file.mc` finds cf.m4 (Debian's sendmail-cf). */
const CF_M4_PATH = '/usr/share/sendmail/cf/m4/cf.m4';

const DEFAULT_MSA = 'Port=587, Name=MSA, M=E';

/** The macro whose call includes each tree directory's files (for messages). */
const CALLER: Readonly<Record<string, string>> = { feature: 'FEATURE', hack: 'HACK', ostype: 'OSTYPE', domain: 'DOMAIN', mailer: 'MAILER' };

/**
 * Analyse a sendmail .mc as `m4` would build it. A .mc that includes cf.m4
 * itself (Debian, RHEL) is built as `m4 file.mc`: `#` is an m4 comment until
 * the include, whose `changecom()` turns comments off. Any other .mc is built
 * as `m4 cf.m4 file.mc`, so `#` is never a comment in it.
 */
export function analyseMc(file: SourceFile): McAnalysis {
  const plain = evaluate(file, false);
  if (plain.cfIncluded) return plain.analysis;
  return evaluate(file, true).analysis;
}

function evaluate(file: SourceFile, preloadCf: boolean): { analysis: McAnalysis; cfIncluded: boolean } {
  const state = newCfState();
  let cfInclude: Span | null = null;
  const m4 = new M4(file, {
    include(m, call, path, silent) {
      return includeFromTree(m, state, call, path, silent, (span) => {
        cfInclude ??= span;
      });
    },
    onDefinitionChange(m, name, call) {
      if (name === '_DPO_') trackDpo(m, state, call.span);
    },
  });
  installCfHooks(m4, state);
  const firstLine: Span = { file: file.path, line: 1, column: 1, endLine: 1, endColumn: Math.max(2, m4.lines.lineText(1).length + 1) };
  if (preloadCf) {
    // `m4 cf.m4 file.mc`: cf.m4 is read first.
    m4.input.push(cfM4Text(CF_M4_PATH), firstLine);
  }
  const ok = m4.run();
  const analysis: McAnalysis = {
    listeners: [],
    features: [],
    promiscuousRelay: { enabled: false, span: null },
    relayDomains: state.relayDomains,
    unknowns: m4.unknowns,
    cfInclude,
    diagnostics: m4.diagnostics,
  };
  const proto = state.proto;
  if (!ok || proto === null) {
    if (ok && state.loaded && m4.exited === null) m4.unknown(firstLine, 'proto.m4 did not run (the m4wrap of cf.m4 was lost)');
    return { analysis, cfIncluded: cfInclude !== null };
  }
  analysis.features = proto.features.map((f) => ({ name: f.name, args: f.args, span: f.span }));
  analysis.promiscuousRelay = { enabled: proto.promiscuous !== undefined, span: proto.promiscuous?.span ?? null };
  const defaultsAt = cfInclude ?? firstLine;
  const raw = rawOptionLines(m4);
  analysis.listeners = [...raw.before, ...protoListeners(proto, defaultsAt), ...raw.after];
  return { analysis, cfIncluded: cfInclude !== null };
}

/** cf.m4 read from `path`: its `_CF_DIR_` is that path without `m4/cf.m4`. */
function cfM4Text(path: string): string {
  return `ifdef(\`_CF_DIR_', \`', \`define(\`_CF_DIR_', \`${cfDirOf(path)}')')dnl\n${cfTreeText('m4/cf.m4') ?? ''}`;
}

/**
 * include()/sinclude() of a file: the cf tree's own files are read from
 * relaygate's model of the tree, by whatever path reaches them; any other
 * file is not read (relaygate reads no file a build would), with a note.
 */
function includeFromTree(m4: M4, state: CfState, call: M4Call, file: string, silent: boolean, onCf: (span: Span) => void): string {
  const dirDef = m4.lookup('_CF_DIR_');
  const cfDir = dirDef !== undefined && dirDef.kind === 'user' ? dirDef.body : null;
  const relative = isUnknown(file) ? null : cfTreePath(file.trim(), cfDir);
  if (isUnknown(file)) {
    const dir = /(?:^|\/)(feature|hack|ostype|domain|mailer)\/[^/]*$/.exec(file)?.[1];
    m4.unknown(call.span, dir !== undefined ? `${CALLER[dir] ?? dir} with an unresolved name` : 'include of an unresolved file name');
    return '';
  }
  if (relative === null && /(^|\/)cf\.m4$/.test(file.trim())) {
    // cf.m4 from a place relaygate does not know: read as the tree's, rooted there.
    onCf(call.span);
    return cfM4Text(file.trim());
  }
  if (relative === null) {
    if (!silent) m4.note(call.span, `include(\`${file}') is not followed: relaygate does not read other files; what it defines is unknown`);
    return '';
  }
  const text = cfTreeText(relative);
  if (text === null) {
    // m4 goes on, but exits 1: the build fails.
    if (!silent) m4.note(call.span, `cannot open \`${file}': No such file or directory`, true);
    return '';
  }
  if (relative === 'm4/cf.m4') {
    onCf(call.span);
    return cfM4Text(file.trim());
  }
  if (relative.startsWith('feature/')) recordFeature(m4, state, relative.slice('feature/'.length, -3), call);
  return text;
}

/**
 * `O DaemonPortOptions=` lines a .mc writes itself (plain text, or after
 * LOCAL_CONFIG) are options in the built .cf too. Where each diversion lands
 * in the .cf, relative to proto.m4's own DaemonPortOptions (measured with
 * sendmail-cf 8.17): 0, 5 and 6 before; 2, 4, 3, 8, 9, 7, 1 after; others at the end.
 */
const DIVERSIONS_BEFORE = [0, 5, 6];
const DIVERSIONS_AFTER = [2, 4, 3, 8, 9, 7, 1];

function rawOptionLines(m4: M4): { before: DaemonPortOptions[]; after: DaemonPortOptions[] } {
  const read = (d: number): DaemonPortOptions[] =>
    (m4.optionLines.get(d) ?? []).flatMap((l) => {
      const value = daemonPortOptionsValue(l.text);
      return value === null ? [] : [readDaemonPortOptions(value, 'O DaemonPortOptions', l.span)];
    });
  const rest = [...m4.optionLines.keys()].filter((d) => d > 9).sort((a, b) => a - b);
  return { before: DIVERSIONS_BEFORE.flatMap(read), after: [...DIVERSIONS_AFTER, ...rest].flatMap(read) };
}

/**
 * proto.m4's listener lines, each with the line to edit: a `_DPO_` line's
 * DAEMON_OPTIONS call (confDAEMON_OPTIONS's definition for the line proto.m4
 * adds from it), or, for the default MTA and MSA, the cf.m4 include.
 */
function protoListeners(proto: ProtoState, defaultsAt: Span): DaemonPortOptions[] {
  const texts = [...proto.options];
  const listeners: DaemonPortOptions[] = [];
  let msa: string | null = null;
  const dpo = proto.dpoLines;
  if (texts.length > dpo.length && texts[texts.length - 1] === DEFAULT_MSA) msa = texts.pop() ?? null;
  texts.forEach((text, i) => {
    if (dpo.length === 0) {
      listeners.push(readDaemonPortOptions(text, 'default MTA', defaultsAt));
      return;
    }
    const line = dpo.length === texts.length ? dpo[i] : dpo[dpo.length - 1];
    const fromConf = line !== undefined && line.text === 'O DaemonPortOptions=confDAEMON_OPTIONS' && proto.confDaemonOptions !== null;
    listeners.push(readDaemonPortOptions(text, 'DAEMON_OPTIONS', fromConf ? (proto.confDaemonOptions as Span) : (line?.span ?? defaultsAt)));
  });
  if (msa !== null) listeners.push(readDaemonPortOptions(msa, 'default MSA', defaultsAt));
  return listeners;
}
