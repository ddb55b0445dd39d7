import { LineIndex } from '../../model/source.js';
import type { SourceFile } from '../../model/source.js';
import type { Span } from '../../model/span.js';
import { relayFromCf, type CfRuleLine } from './cf-relay.js';
import { readDaemonPortOptions } from './daemon-port-options.js';
import type { DaemonPortOptions, SendmailConfiguration } from './model.js';

export type CfAnalysis = Pick<
  SendmailConfiguration,
  'listeners' | 'features' | 'promiscuousRelay' | 'relayDomains' | 'unknowns' | 'cfInclude' | 'diagnostics'
>;

/** One logical sendmail.cf line: a line plus the lines that start with a space or tab after it. */
interface CfLine {
  text: string;
  line: number;
  endLine: number;
  endColumn: number;
}

/**
 * Sendmail's readcf(): a line starting with space or tab continues the one
 * before; `#` starts a comment line; the first character is the command.
 */
function logicalLines(file: SourceFile): CfLine[] {
  const index = new LineIndex(file.text);
  const out: CfLine[] = [];
  for (let n = 1; n <= index.lineCount; n++) {
    const text = index.lineText(n);
    const first = text.charAt(0);
    const last = out[out.length - 1];
    if ((first === ' ' || first === '\t') && last && !last.text.startsWith('#') && last.text !== '') {
      last.text += text;
      last.endLine = n;
      last.endColumn = text.length + 1;
      continue;
    }
    out.push({ text, line: n, endLine: n, endColumn: text.length + 1 });
  }
  return out;
}

function spanOfLine(file: string, l: CfLine): Span {
  return { file, line: l.line, column: 1, endLine: l.endLine, endColumn: Math.max(2, l.endColumn) };
}

/** `O DaemonPortOptions=value` (long name, case-insensitive) or the one-letter form `OOvalue`. */
export function daemonPortOptionsValue(text: string): string | null {
  if (!text.startsWith('O')) return null;
  if (text.charAt(1) === 'O') return text.slice(2);
  const m = /^O[ \t]+([A-Za-z]+)[ \t]*=[ \t]*/.exec(text);
  if (!m || (m[1] ?? '').toLowerCase() !== 'daemonportoptions') return null;
  return text.slice(m[0].length);
}

/** `Sname` or `Sname=number`: the ruleset name. */
function rulesetName(text: string): string {
  const m = /^S[ \t]*([^ \t=]*)/.exec(text);
  return m?.[1] ?? '';
}

/**
 * Analyse a built sendmail.cf. Promiscuous relay is read from the rulesets,
 * not from the `promiscuous_relay.m4` banner (which stays when the feature is
 * undefined again): with the feature, proto.m4 drops the `Relay_ok` ruleset
 * and the "550 Relaying denied" rule that ends Basic_check_rcpt.
 */
export function analyseCf(file: SourceFile): CfAnalysis {
  const lines = logicalLines(file);
  const listeners: DaemonPortOptions[] = [];
  const rulesets = new Map<string, { at: CfLine; rules: CfLine[] }>();
  let current: { at: CfLine; rules: CfLine[] } | null = null;
  const ruleLines: CfRuleLine[] = [];
  let rulesetNow: string | null = null;
  for (const l of lines) {
    const cmd = l.text.charAt(0);
    if (cmd === 'S') rulesetNow = rulesetName(l.text);
    if (cmd !== '#') ruleLines.push({ text: l.text, span: spanOfLine(file.path, l), ruleset: rulesetNow });
    if (cmd === 'O') {
      const value = daemonPortOptionsValue(l.text);
      if (value !== null) listeners.push(readDaemonPortOptions(value, 'O DaemonPortOptions', spanOfLine(file.path, l)));
    } else if (cmd === 'S') {
      current = { at: l, rules: [] };
      const name = rulesetName(l.text);
      if (!rulesets.has(name)) rulesets.set(name, current);
    } else if (cmd === 'R' && current) {
      current.rules.push(l);
    }
  }

  const unknowns: CfAnalysis['unknowns'] = [];
  let promiscuousRelay: CfAnalysis['promiscuousRelay'] = { enabled: false, span: null };
  const basic = rulesets.get('Basic_check_rcpt');
  if (rulesets.size === 0) {
    const first = lines[0];
    if (first) unknowns.push({ span: spanOfLine(file.path, first), what: 'no rulesets: relaying cannot be judged from this file' });
  } else if (!rulesets.has('Relay_ok')) {
    const last = basic?.rules[basic.rules.length - 1];
    const denies = last !== undefined && last.text.includes('$#error') && /Relaying denied|5\.7\.1/.test(last.text);
    if (!denies) {
      const at = basic?.at ?? lines[0];
      promiscuousRelay = { enabled: true, span: at ? spanOfLine(file.path, at) : null };
    }
  }
  const relay = relayFromCf(ruleLines);
  return { listeners, features: relay.features, promiscuousRelay, relayDomains: relay.relayDomains, unknowns, cfInclude: null, diagnostics: [] };
}
