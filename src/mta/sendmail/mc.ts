import type { SourceFile } from '../../model/source.js';
import type { Span } from '../../model/span.js';
import { daemonPortOptionsValue } from './cf.js';
import { loadCfM4, newCfState } from './cf-macros.js';
import type { CfState } from './cf-macros.js';
import { readDaemonPortOptions } from './daemon-port-options.js';
import { M4 } from './m4.js';
import type { DaemonPortOptions, SendmailConfiguration, SendmailFeature } from './model.js';

/** What a .mc means once m4 and cf.m4 have read it. */
export type McAnalysis = Pick<
  SendmailConfiguration,
  'listeners' | 'features' | 'promiscuousRelay' | 'relayDomains' | 'unknowns' | 'cfInclude' | 'diagnostics'
>;

/** The include of cf.m4, by any path (`/usr/share/sendmail/cf/m4/cf.m4`, `../m4/cf.m4`). */
const CF_M4 = /(^|\/)cf\.m4$/;

/**
 * proto.m4's listener lines (m4wrap'ed: read after the .mc ends), quoted with
 * the default quotes: `_DPO_` holds every DAEMON_OPTIONS; without any, one
 * MTA on every address; the MSA on port 587 unless `_NO_MSA_` is defined.
 */
const PROTO_LISTENERS =
  "ifelse(defn(`_DPO_'), `',\n" +
  "`ifdef(`_NETINET6_', `O DaemonPortOptions=Name=MTA-v4, Family=inet\n" +
  "O DaemonPortOptions=Name=MTA-v6, Family=inet6',`O DaemonPortOptions=Name=MTA')', `_DPO_')\n" +
  "ifdef(`_NO_MSA_', `dnl', `O DaemonPortOptions=Port=587, Name=MSA, M=E')\n";

const DEFAULT_MSA = 'Port=587, Name=MSA, M=E';

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
  let cfLoaded = false;
  const m4 = new M4(file, {
    include(m, call, path, silent) {
      if (CF_M4.test(path.trim())) {
        cfInclude ??= call.span;
        // cf.m4: ifdef(`OSTYPE', `dnl', `include(cfhead.m4)'); either way it ends in divert(0).
        if (!m.isDefined('OSTYPE')) {
          loadCfM4(m, state, call.span);
          cfLoaded = true;
        }
        m.diversion = 0;
        return '';
      }
      if (!silent) m.note(call.span, `include(\`${path}') is not followed: relaygate does not read other files; what it defines is unknown`);
      return '';
    },
    onDefinitionChange(_m, name) {
      if (name === '_DPO_' && !state.updatingDpo) state.daemonOptions = [];
    },
  });
  const firstLine: Span = { file: file.path, line: 1, column: 1, endLine: 1, endColumn: Math.max(2, m4.lines.lineText(1).length + 1) };
  if (preloadCf) {
    loadCfM4(m4, state, firstLine);
    cfLoaded = true;
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
  if (!ok || !cfLoaded) return { analysis, cfIncluded: cfInclude !== null };

  analysis.features = featuresInEffect(m4, state);
  const promiscuous = m4.lookup('_PROMISCUOUS_RELAY_');
  analysis.promiscuousRelay = { enabled: promiscuous !== undefined, span: promiscuous?.span ?? null };
  const defaultsAt = cfInclude ?? firstLine;
  const raw = rawOptionLines(m4);
  const listeners = endListeners(m4, state, defaultsAt);
  if (listeners) analysis.listeners = [...raw.before, ...listeners, ...raw.after];
  return { analysis, cfIncluded: cfInclude !== null };
}

/** A feature whose macro was undefined again is not in effect; the call that last defined it is. */
function featuresInEffect(m4: M4, state: CfState): SendmailFeature[] {
  const out: SendmailFeature[] = [];
  for (const f of state.features) {
    if (f.macro) {
      const def = m4.lookup(f.macro);
      if (!def || def.span !== f.span) continue;
    }
    out.push({ name: f.name, args: f.args, span: f.span });
  }
  return out;
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

function endListeners(m4: M4, state: CfState, defaultsAt: Span): DaemonPortOptions[] | null {
  const dpo = m4.lookup('_DPO_');
  const dpoEmpty = !dpo || dpo.kind !== 'user' || dpo.body === '';
  const noMsa = m4.isDefined('_NO_MSA_');
  // proto.m4 writes its options section in diversion 0, with the default quotes.
  m4.lquote = '`';
  m4.rquote = "'";
  m4.diversion = 0;
  // proto.m4's own ifelse on an unresolved _DPO_ is not a new unknown: the listener text carries it.
  const unknownsBefore = m4.unknowns.length;
  const out = m4.evaluateAfterEnd(PROTO_LISTENERS, defaultsAt);
  m4.unknowns.length = unknownsBefore;
  if (out === null) return null;
  const texts: string[] = [];
  for (const line of out.split('\n')) {
    if (line.startsWith('O DaemonPortOptions=')) texts.push(line.slice('O DaemonPortOptions='.length));
  }
  const listeners: DaemonPortOptions[] = [];
  let msa: string | null = null;
  if (!noMsa && texts[texts.length - 1] === DEFAULT_MSA) msa = texts.pop() ?? null;
  const calls = state.daemonOptions;
  texts.forEach((text, i) => {
    if (dpoEmpty) {
      listeners.push(readDaemonPortOptions(text, 'default MTA', defaultsAt));
      return;
    }
    const call = calls.length === texts.length ? calls[i] : calls[calls.length - 1];
    listeners.push(readDaemonPortOptions(text, 'DAEMON_OPTIONS', call?.span ?? defaultsAt));
  });
  if (msa !== null) listeners.push(readDaemonPortOptions(msa, 'default MSA', defaultsAt));
  return listeners;
}
