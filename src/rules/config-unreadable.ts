import type { Mta, RuleResult } from '../model/finding.js';
import type { Configuration } from '../mta/configuration.js';
import type { Rule, RuleMeta } from './rule.js';
import { examples } from './examples/config-unreadable.js';

export const meta: RuleMeta = {
  id: 'config-unreadable',
  title: 'Mail configuration could not be read or parsed',
  description: 'A file that is mail-server configuration could not be read, decoded or parsed, so relaying could not be judged.',
  help:
    'relaygate fails closed: a configuration it cannot read is not a pass. The mail server itself would refuse the same ' +
    'file (Postfix exits on a line without "=", m4 stops on an unbalanced quote), or the file is binary or undecodable. ' +
    'Fix the line named in the message, or exclude the file if it is not mail configuration.',
  defaultLevel: 'error',
  securitySeverity: 5.0,
  stig: false,
  examples,
};

/** A finding for a file that could not be read or parsed at all. */
export function unreadable(mta: Mta, file: string, line: number, column: number, reason: string): RuleResult {
  return {
    ruleId: meta.id,
    level: meta.defaultLevel,
    certainty: 'definite',
    mta,
    message: `${file} cannot be judged: ${reason}.`,
    fix: 'Correct the file so the mail server accepts it, or exclude it from the scan if it is not mail configuration.',
    ids: [],
    span: { file, line, column, endLine: line, endColumn: column + 1 },
    related: [],
  };
}

/**
 * A reader of relaygate's that threw on one file (a renderer, an extractor):
 * the file cannot be judged, which is a finding, never a silent pass. The
 * exception's first line is the reason; its stack is not shown.
 */
export function unreadableAfterException(mta: Mta, file: string, what: string, error: unknown): RuleResult {
  let raw = '';
  try {
    raw = String(error instanceof Error ? error.message : error);
  } catch {
    // A thrown value that cannot even be printed still makes the file unreadable.
  }
  const reason = (raw.split('\n')[0] ?? '').trim() || 'an exception without a message';
  return unreadable(mta, file, 1, 1, `${what} failed on it (${reason})`);
}

export const rule: Rule = {
  meta,
  check(config: Configuration): RuleResult[] {
    return config.diagnostics
      .filter((d) => d.fatal)
      .map((d) => unreadable(config.mta, d.file, d.line, d.column, `line ${d.line}, column ${d.column}: ${d.message}`));
  },
};
