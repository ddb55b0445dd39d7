import assert from 'node:assert/strict';
import type { Certainty, Level, RuleResult } from '../../src/model/finding.js';
import { parseMainCf } from '../../src/mta/postfix/main-cf.js';
import { parseMasterCf } from '../../src/mta/postfix/master-cf.js';
import type { PostfixConfiguration } from '../../src/mta/postfix/model.js';
import { PROFILES } from '../../src/rules/profiles.js';
import type { Rule } from '../../src/rules/rule.js';

export const MAIN = 'etc/postfix/main.cf';
export const MASTER = 'etc/postfix/master.cf';

/** One instance from snippet text: main.cf and (optionally) master.cf of etc/postfix. */
export function instance(main: string | null, master: string | null = null): PostfixConfiguration {
  const mainCf = main === null ? null : parseMainCf({ path: MAIN, text: main });
  const masterCf = master === null ? null : parseMasterCf({ path: MASTER, text: master });
  return {
    mta: 'postfix',
    directory: 'etc/postfix',
    files: [...(mainCf ? [MAIN] : []), ...(masterCf ? [MASTER] : [])],
    form: 'plain',
    diagnostics: [...(mainCf?.diagnostics ?? []), ...(masterCf?.diagnostics ?? [])],
    mainCf,
    masterCf,
  };
}

/** [file, line, column, endLine, endColumn, level, certainty] */
export type Expected = [string, number, number, number, number, Level, Certainty];

export interface Case {
  name: string;
  main: string | null;
  master?: string;
  expect: Expected[];
  /** Text the findings' messages must contain (each string in some finding). */
  says?: string[];
}

export function shape(ruleId: string, results: RuleResult[]): Expected[] {
  return results.map((r) => {
    assert.equal(r.ruleId, ruleId);
    assert.equal(r.mta, 'postfix');
    assert.deepEqual(r.ids, []);
    return [r.span.file, r.span.line, r.span.column, r.span.endLine, r.span.endColumn, r.level, r.certainty];
  });
}

export function run(rule: Rule, c: Case): RuleResult[] {
  return rule.check(instance(c.main, c.master ?? null), { profile: PROFILES.gen004710 });
}

export function assertCase(rule: Rule, c: Case): void {
  const results = run(rule, c);
  assert.deepEqual(shape(rule.meta.id, results), c.expect, results.map((r) => r.message).join('\n'));
  const messages = results.map((r) => r.message).join('\n');
  for (const text of c.says ?? []) assert.ok(messages.includes(text), `the messages lack "${text}":\n${messages}`);
}

export const SMTP = 'smtp      inet  n       -       y       -       -       smtpd\n';
export const SUBMISSION = 'submission inet n       -       y       -       -       smtpd\n';
