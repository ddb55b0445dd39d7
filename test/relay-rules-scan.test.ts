// The relay rules through scan(): discovery of access maps, .relaygate.yml
// `rules:` settings, and every profile running the open-relay rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadOptions } from '../src/config/load.js';
import { defaultOptions } from '../src/config/options.js';
import { scan } from '../src/scan.js';
import { temporaryTrees } from './helpers/temp-tree.js';

const tree = temporaryTrees('relay-rules');

const WORLD = 'compatibility_level = 3.6\nmynetworks = 0.0.0.0/0\n';
const MC = "include(`/usr/share/sendmail/cf/m4/cf.m4')dnl\nFEATURE(`access_db')dnl\nMAILER(`smtp')dnl\n";

function shape(findings: Awaited<ReturnType<typeof scan>>['findings']): unknown[] {
  return findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.level, f.certainty]);
}

describe('relay rules in scan()', () => {
  it('an open relay: postfix-open-relay and postfix-broad-mynetworks on the mynetworks line; the STIG rule on its own', async () => {
    const root = tree({ 'etc/postfix/main.cf': WORLD });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(shape(result.findings), [
      ['stig-postfix-relay', 'etc/postfix/main.cf', 1, 1, 'error', 'definite'],
      ['postfix-broad-mynetworks', 'etc/postfix/main.cf', 2, 14, 'error', 'definite'],
      ['postfix-open-relay', 'etc/postfix/main.cf', 2, 14, 'error', 'definite'],
    ]);
  });

  it('.relaygate.yml rules: off removes a rule, a level replaces its own', async () => {
    const root = tree({
      'etc/postfix/main.cf': WORLD,
      '.relaygate.yml': 'rules:\n  postfix-broad-mynetworks: off\n  postfix-open-relay: warning\n  stig-postfix-relay: false\n',
    });
    const { options } = await loadOptions({ root, paths: ['.'], config: null, overrides: {}, changed: null, cwd: root });
    const result = await scan(options);
    assert.deepEqual(shape(result.findings), [['postfix-open-relay', 'etc/postfix/main.cf', 2, 14, 'warning', 'definite']]);
  });

  // smtpd_check_init() exits before the first greeting (measured: `smtpd -S` prints
  // "fatal: restriction class `strict' needs a definition" and no 220), so
  // smtpd never serves a client: the engine refuses the file, once.
  it('a restriction class without a definition: config-unreadable alone, in main.cf and in an -o override', async () => {
    const root = tree({
      'a/main.cf': 'compatibility_level = 3.6\nsmtpd_restriction_classes = strict\n',
      'b/main.cf': 'compatibility_level = 3.6\n',
      'b/master.cf': 'smtp inet n - y - - smtpd -o smtpd_restriction_classes=strict\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(shape(result.findings), [
      ['config-unreadable', 'a/main.cf', 2, 29, 'error', 'definite'],
      ['config-unreadable', 'b/master.cf', 1, 56, 'error', 'definite'],
    ]);
    assert.match(result.findings[0]?.message ?? '', /restriction class `strict' needs a definition; smtpd \(smtp\) stops/);
  });

  it('a class a master.cf alone names may be defined in the main.cf relaygate does not see: indeterminate relay, not unreadable', async () => {
    const root = tree({ 'etc/postfix/master.cf': 'smtp inet n - y - - smtpd -o smtpd_restriction_classes=strict -o smtpd_relay_restrictions=strict,reject_unauth_destination\n' });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(shape(result.findings), [
      ['stig-postfix-relay', 'etc/postfix/master.cf', 1, 1, 'error', 'definite'],
      ['postfix-open-relay', 'etc/postfix/master.cf', 1, 63, 'warning', 'indeterminate'],
    ]);
    assert.match(result.findings[1]?.message ?? '', /strict, smtpd_recipient_restrictions are unknown/);
  });

  it('finds a sendmail access map by name and content, and judges it with its .mc', async () => {
    const root = tree({
      'etc/mail/sendmail.mc': MC,
      'etc/mail/access': '# relaygate test\nConnect:localhost RELAY\nConnect:8 RELAY\n',
      // Postfix keeps access tables under the same name: no RELAY, not sendmail's.
      'etc/postfix/access': '192.0.2.1 OK\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(shape(result.findings), [['sendmail-relay-feature', 'etc/mail/access', 3, 1, 'warning', 'definite']]);
    assert.deepEqual(
      result.configurations.map((c) => [c.mta, c.files.join(',')]),
      [['sendmail', 'etc/mail/access,etc/mail/sendmail.mc']],
    );
  });
});
