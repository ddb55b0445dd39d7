import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleResult } from '../src/model/finding.js';
import { ChangedPaths } from '../src/model/inputs.js';
import { applyPolicy } from '../src/policy/index.js';

function result(file: string, line: number, extra: Partial<RuleResult> = {}): RuleResult {
  return {
    ruleId: 'stig-postfix-relay',
    level: 'error',
    certainty: 'definite',
    mta: 'postfix',
    message: 'm',
    fix: 'f',
    ids: [],
    span: { file, line, column: 1, endLine: line, endColumn: 10 },
    related: [],
    ...extra,
  };
}

const base = { indeterminate: 'warning' as const, baseline: new Set<string>(), changed: null };

describe('policy', () => {
  it('suppresses with a reason on the line above, in a whole-line Postfix comment', () => {
    const files = new Map([['main.cf', { path: 'main.cf', text: '# relaygate-ignore stig-postfix-relay: relay host, ISSO ticket 42\ninet_interfaces = all\n' }]]);
    const [f] = applyPolicy([result('main.cf', 2)], { ...base, files });
    assert.deepEqual(f?.suppressed, { kind: 'inline', reason: 'relay host, ISSO ticket 42', file: 'main.cf', line: 1 });
  });

  it('does not treat a mid-line # in main.cf as a comment (Postfix reads it as data)', () => {
    const files = new Map([['main.cf', { path: 'main.cf', text: 'inet_interfaces = all # relaygate-ignore stig-postfix-relay: x\n' }]]);
    const [f] = applyPolicy([result('main.cf', 1)], { ...base, files });
    assert.equal(f?.suppressed, null);
  });

  it('reports a suppression without a reason and does not suppress', () => {
    const files = new Map([['main.cf', { path: 'main.cf', text: '# relaygate-ignore stig-postfix-relay\ninet_interfaces = all\n' }]]);
    const out = applyPolicy([result('main.cf', 2)], { ...base, files });
    assert.deepEqual(
      out.map((f) => [f.ruleId, f.line, f.column, f.level, f.suppressed]),
      [
        ['invalid-suppression', 1, 3, 'warning', null],
        ['stig-postfix-relay', 2, 1, 'error', null],
      ],
    );
  });

  it('accepts dnl comments in a .mc on the same line', () => {
    const files = new Map([['sendmail.mc', { path: 'sendmail.mc', text: "FEATURE(`promiscuous_relay')dnl relaygate-ignore stig-sendmail-relay: lab only\n" }]]);
    const [f] = applyPolicy([result('sendmail.mc', 1, { ruleId: 'stig-sendmail-relay', mta: 'sendmail' })], { ...base, files });
    assert.equal(f?.suppressed?.reason, 'lab only');
  });

  it('maps indeterminate results to the --indeterminate level, or drops them with ignore', () => {
    const files = new Map([['main.cf', { path: 'main.cf', text: 'a = b\n' }]]);
    const r = result('main.cf', 1, { certainty: 'indeterminate' });
    assert.equal(applyPolicy([r], { ...base, files })[0]?.level, 'warning');
    assert.equal(applyPolicy([r], { ...base, indeterminate: 'note', files })[0]?.level, 'note');
    assert.equal(applyPolicy([r], { ...base, indeterminate: 'ignore', files }).length, 0);
  });

  it('keeps a fingerprint stable when lines are inserted above, and honours the baseline', () => {
    const a = new Map([['main.cf', { path: 'main.cf', text: 'inet_interfaces = all\n' }]]);
    const b = new Map([['main.cf', { path: 'main.cf', text: 'myhostname = x\n\ninet_interfaces = all\n' }]]);
    const fa = applyPolicy([result('main.cf', 1)], { ...base, files: a })[0];
    const fb = applyPolicy([result('main.cf', 3)], { ...base, files: b })[0];
    assert.equal(fa?.fingerprint, fb?.fingerprint);
    const again = applyPolicy([result('main.cf', 3)], { ...base, baseline: new Set([fa!.fingerprint]), files: b })[0];
    assert.equal(again?.suppressed?.kind, 'baseline');
  });

  it('limits findings to configurations with a changed input in pull-request scope', () => {
    const files = new Map([['a/main.cf', { path: 'a/main.cf', text: 'x = y\n' }], ['b/main.cf', { path: 'b/main.cf', text: 'x = y\n' }]]);
    const a = { ...result('a/main.cf', 1), inputs: ['a/', 'a/main.cf'] };
    const b = { ...result('b/main.cf', 1), inputs: ['b/', 'b/main.cf', 'b/vars.yml'] };
    const scoped = (changed: string[]) => applyPolicy([a, b], { ...base, changed: new ChangedPaths(changed), files }).map((f) => f.file);
    assert.deepEqual(scoped(['b/main.cf']), ['b/main.cf']);
    assert.deepEqual(scoped(['b/vars.yml']), ['b/main.cf'], 'an input that is not the finding\'s file');
    assert.deepEqual(scoped(['a/master.cf']), ['a/main.cf'], 'a path under a directory input');
    assert.deepEqual(scoped(['c/main.cf', 'README.md']), []);
  });

  it('keeps, in pull-request scope, findings of a configuration with a file the change regrouped, wherever the finding is', () => {
    const files = new Map([['img/main.cf', { path: 'img/main.cf', text: 'x = y\n' }], ['other/main.cf', { path: 'other/main.cf', text: 'x = y\n' }]]);
    // One configuration of two files: the change regrouped setup.sh, and the finding is on main.cf.
    const grouped = { ...result('img/main.cf', 1), inputs: ['img/main.cf', 'img/setup.sh'], files: ['img/main.cf', 'img/setup.sh'] };
    const reader = { ...result('other/main.cf', 1), inputs: ['other/main.cf', 'img/setup.sh'], files: ['other/main.cf'] };
    const changed = new ChangedPaths(['img/Dockerfile'], ['img/Dockerfile', 'img/setup.sh']);
    assert.deepEqual(applyPolicy([grouped, reader], { ...base, changed, files }).map((f) => f.file), ['img/main.cf'], 'a configuration that only reads a regrouped file is not regrouped');
    const alone = result('img/setup.sh', 1);
    assert.deepEqual(applyPolicy([{ ...alone, inputs: ['img/setup.sh'] }], { ...base, changed, files }).map((f) => f.file), ['img/setup.sh'], 'no files: its own');
  });

  it('keeps, in pull-request scope, findings whose inputs are unknown and findings on a name shown escaped', () => {
    const files = new Map<string, { path: string; text: string }>();
    const unknown = result('a/main.cf', 1);
    const escaped = { ...result('caf\\xe9/main.cf', 1), inputs: ['caf\\xe9/main.cf'] };
    const out = applyPolicy([unknown, escaped], { ...base, changed: new ChangedPaths(['README.md']), files });
    assert.deepEqual(out.map((f) => f.file), ['a/main.cf', 'caf\\xe9/main.cf']);
  });

  it('gives a finding the same fingerprint in a scoped and a full run', () => {
    const files = new Map([['main.cf', { path: 'main.cf', text: 'x = y\nx = y\n' }]]);
    const first = { ...result('main.cf', 1), inputs: ['main.cf'] };
    const second = { ...result('main.cf', 2), inputs: ['other/'] };
    const full = applyPolicy([first, second], { ...base, files });
    const scoped = applyPolicy([first, second], { ...base, changed: new ChangedPaths(['other/x']), files });
    assert.deepEqual(scoped.map((f) => f.fingerprint), [full[1]?.fingerprint]);
  });
});
