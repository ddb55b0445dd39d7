/**
 * Every Postfix and sendmail finding names, in `related`, the lines that
 * make the server reachable: the master.cf service line and inet_interfaces,
 * or the DaemonPortOptions / DAEMON_OPTIONS line.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import type { RuleResult } from '../../src/model/finding.js';
import { assemblePostfix } from '../../src/mta/postfix/index.js';
import { withReach } from '../../src/rules/reach.js';
import { scan } from '../../src/scan.js';
import { temporaryTrees } from '../helpers/temp-tree.js';
import { withoutRelayRules } from '../helpers/relay-rules-off.js';

const tree = temporaryTrees('reach');
const EXAMPLE = path.join(import.meta.dirname, '../../examples/loopback-service/postfix');
const OPENED = readFileSync(path.join(EXAMPLE, 'master.cf'), 'utf8').replace('127.0.0.1:smtp inet', 'smtp      inet');

function related(findings: Awaited<ReturnType<typeof scan>>['findings']): unknown[] {
  return findings.map((f) => [f.ruleId, f.file, f.line, f.related.map((r) => `${r.file}:${r.line} ${r.message}`)]);
}

describe('reach lines in related', () => {
  it('a listener moved off loopback: the finding at main.cf:1 names inet_interfaces and the master.cf service line', async () => {
    const root = tree({ 'postfix/main.cf': readFileSync(path.join(EXAMPLE, 'main.cf'), 'utf8'), 'postfix/master.cf': OPENED });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(related(result.findings), [
      [
        'stig-postfix-relay',
        'postfix/main.cf',
        1,
        [
          'postfix/main.cf:9 inet_interfaces = all is set here',
          'postfix/master.cf:6 master.cf service smtp (inet) makes smtpd reachable from other hosts',
        ],
      ],
    ]);
  });

  it('rhel6: the inet_interfaces finding names the service lines bound to it', async () => {
    const root = tree({
      'postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\n',
      'postfix/master.cf': 'smtp      inet  n       -       y       -       -       smtpd\nsubmission inet n       -       y       -       -       smtpd\n',
    });
    const result = await scan(withoutRelayRules({ ...defaultOptions(root), profile: 'rhel6' }));
    assert.deepEqual(related(result.findings), [
      [
        'stig-postfix-relay',
        'postfix/main.cf',
        1,
        [
          'postfix/master.cf:1 master.cf service smtp (inet) makes smtpd reachable from other hosts',
          'postfix/master.cf:2 master.cf service submission (inet) makes smtpd reachable from other hosts',
        ],
      ],
    ]);
  });

  it('rhel8: a weak main.cf value names the listeners that use it', async () => {
    const root = tree({
      'postfix/main.cf': 'smtpd_client_restrictions = permit_mynetworks, permit_sasl_authenticated, reject\n',
      'postfix/master.cf': '127.0.0.1:smtp inet n - y - - smtpd\n192.0.2.10:submission inet n - y - - smtpd\n',
    });
    const result = await scan(withoutRelayRules({ ...defaultOptions(root), profile: 'rhel8' }));
    assert.deepEqual(related(result.findings), [
      ['stig-postfix-relay', 'postfix/main.cf', 1, ['postfix/master.cf:2 master.cf service 192.0.2.10:submission (inet) makes smtpd reachable from other hosts']],
    ]);
  });

  it('sendmail: the finding names the DAEMON_OPTIONS lines beyond loopback', async () => {
    const root = tree({
      'mail/sendmail.mc': [
        "include(`/usr/share/sendmail/cf/m4/cf.m4')dnl",
        "FEATURE(`no_default_msa')dnl",
        "DAEMON_OPTIONS(`Port=smtp, Addr=127.0.0.1, Name=MTA-lo')dnl",
        "DAEMON_OPTIONS(`Port=smtp, Addr=192.0.2.25, Name=MTA')dnl",
        "FEATURE(`promiscuous_relay')dnl",
        '',
      ].join('\n'),
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(related(result.findings), [
      ['stig-sendmail-relay', 'mail/sendmail.mc', 5, ['mail/sendmail.mc:4 listener: 192.0.2.25 (DAEMON_OPTIONS at line 4, Name=MTA, port smtp)']],
    ]);
  });

  it('a result of any rule that names no reach line gets the configuration\'s; one that names one keeps its own', () => {
    const [config] = assemblePostfix([
      { path: 'p/main.cf', text: 'inet_interfaces = all\n', role: 'main.cf' },
      { path: 'p/master.cf', text: 'smtp inet n - y - - smtpd\n127.0.0.1:2525 inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n', role: 'master.cf' },
    ]);
    assert.ok(config);
    const result = (line: number, related: RuleResult['related'] = []): RuleResult => ({
      ruleId: 'some-relay-rule',
      level: 'error',
      certainty: 'definite',
      mta: 'postfix',
      message: 'm',
      fix: 'f',
      ids: [],
      span: { file: 'p/main.cf', line, column: 1, endLine: line, endColumn: 2 },
      related,
    });
    const unreadable = { ...result(1), ruleId: 'config-unreadable' };
    const own = result(1, [{ file: 'p/master.cf', line: 3, message: 'this service' }]);
    const [bare, kept, untouched] = withReach(config, [result(1), own, unreadable]);
    assert.deepEqual(bare?.related.map((r) => `${r.file}:${r.line}`), ['p/master.cf:1', 'p/master.cf:3']);
    assert.deepEqual(kept?.related, own.related);
    assert.deepEqual(untouched?.related, []);
  });
});
