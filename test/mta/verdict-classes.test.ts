// The verdict classes end to end: scan() over a tree, exact findings (rule, file, line, column, certainty).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import type { ProfileId } from '../../src/rules/profiles.js';
import { scan } from '../../src/scan.js';
import { findingRows, type FindingRow as Row } from '../helpers/finding-rows.js';

const root = mkdtempSync(path.join(tmpdir(), 'relaygate-classes-'));
after(() => rmSync(root, { recursive: true, force: true }));

/**
 * Appended to the main.cf of a class that is not about smtpd's startup: a
 * Postfix 3 level gives the relay list smtpd needs to start and mynetworks of
 * the host alone, so every rule runs and only the class under test speaks.
 */
const LEVEL = 'compatibility_level = 3.6\n';
const LEVEL_CRLF = 'compatibility_level = 3.6\r\n';

async function findings(name: string, files: Record<string, string>, profile: ProfileId = 'gen004710'): Promise<Row[]> {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const result = await scan({ ...defaultOptions(dir), profile });
  return findingRows(result.findings);
}

describe('Postfix verdict classes', () => {
  it('1. macro errors are config-unreadable at the offending character', async () => {
    assert.deepEqual(await findings('p1a', { 'main.cf': 'smtpd_client_restrictions = reject $\n' }), [['config-unreadable', 'main.cf', 1, 36, 'definite']]);
    assert.deepEqual(await findings('p1b', { 'main.cf': 'myhostname = mx.${oops\nsmtpd_client_restrictions = reject\n' }), [['config-unreadable', 'main.cf', 1, 17, 'definite']]);
    assert.deepEqual(await findings('p1c', { 'main.cf': 'inet_interfaces = ${x\n' }), [['config-unreadable', 'main.cf', 1, 19, 'definite']]);
    assert.deepEqual(
      await findings('p1d', {
        'main.cf': 'smtpd_client_restrictions = reject\n',
        'master.cf': 'smtp inet n - y - - smtpd -o smtpd_client_restrictions=$smtpd_client_restrictions,reject\n',
      }),
      [['config-unreadable', 'master.cf', 1, 56, 'definite']],
    );
  });

  it('2. relational conditionals are evaluated (a plain main.cf with ${{ is not a Jinja template)', async () => {
    const cond = (op: string): string => `a = x\nsmtpd_client_restrictions = \${{$a} ${op} {x} ? {permit} : {reject}}\n${LEVEL}`;
    assert.deepEqual(await findings('p2a', { 'main.cf': cond('==') }), [['stig-postfix-relay', 'main.cf', 2, 29, 'definite']]);
    assert.deepEqual(await findings('p2b', { 'main.cf': cond('!=') }), []);
    assert.deepEqual(await findings('p2c', { 'main.cf': `n = 10\nsmtpd_client_restrictions = \${{$n} < {9} ? {permit} : {reject}}\n${LEVEL}` }), []);
    assert.deepEqual(await findings('p2d', { 'main.cf': 'compatibility_level = 3.6\nsmtpd_client_restrictions = ${{$compatibility_level} <level {3.10} ? {permit} : {reject}}\n' }), [
      ['stig-postfix-relay', 'main.cf', 2, 29, 'definite'],
    ]);
  });

  it('2b. an inline table whose first rule is braced (cidr:{{...}}) is Postfix syntax, not a Jinja tag', async () => {
    const inline = (table: string): Record<string, string> => ({ 'main.cf': `smtpd_client_restrictions = check_client_access ${table}, permit_mynetworks, reject\n${LEVEL}` });
    assert.deepEqual(await findings('p2e', inline('cidr:{{!192.0.2.1 REJECT}}')), []);
    assert.deepEqual(await findings('p2f', { 'postfix-main.cf': 'custom = cidr:{{!172.16.0.42 REJECT}}, permit_sasl_authenticated, reject\nsmtpd_client_restrictions = reject\n' + LEVEL }), []);
    // The same braces after a word that is no table type are a tag: the file is a template, and one that
    // neither Jinja2 nor Go parses is an unknown engine's, its tag unknown text (never config-unreadable).
    assert.deepEqual(await findings('p2g', inline('custom:{{!192.0.2.1 REJECT}}')), [['stig-postfix-relay', 'main.cf', 1, 29, 'indeterminate']]);
  });

  it('3. a CR from a CRLF continuation separates restrictions', async () => {
    assert.deepEqual(await findings('p3a', { 'main.cf': `smtpd_client_restrictions = permit\r\n  reject\r\n${LEVEL_CRLF}` }), [['stig-postfix-relay', 'main.cf', 1, 29, 'definite']]);
    assert.deepEqual(await findings('p3b', { 'main.cf': `smtpd_client_restrictions = reject\r\n  permit_sasl_authenticated\r\n${LEVEL_CRLF}` }), []);
    assert.deepEqual(await findings('p3c', { 'main.cf': `smtpd_client_restrictions = reject,\r\n  permit_mynetworks\r\n${LEVEL_CRLF}` }, 'rhel8'), []);
  });

  it('4. warn_if_reject reject rejects no client', async () => {
    assert.deepEqual(await findings('p4', { 'main.cf': `smtpd_client_restrictions = warn_if_reject reject\n${LEVEL}` }), [['stig-postfix-relay', 'main.cf', 1, 29, 'definite']]);
  });
});

describe('sendmail verdict classes', () => {
  const mc = (body: string): Record<string, string> => ({ 'sendmail.mc': `OSTYPE(\`linux')dnl\n${body}MAILER(\`smtp')dnl\n` });

  it('5. promiscuous_relay reached without a plain FEATURE(), and undone by indir(`undefine\')', async () => {
    for (const [i, body] of [
      "include(`/usr/share/sendmail/cf/feature/promiscuous_relay.m4')dnl\n",
      "indir(`FEATURE', `promiscuous_relay')dnl\n",
      "builtin(`define', `_PROMISCUOUS_RELAY_', 1)dnl\n",
      "HACK(`../feature/promiscuous_relay')dnl\n",
    ].entries()) {
      assert.deepEqual(await findings(`s5-${i}`, mc(body)), [['stig-sendmail-relay', 'sendmail.mc', 2, 1, 'definite']], body);
    }
    assert.deepEqual(await findings('s5-defn', mc("define(`OPEN', defn(`FEATURE'))dnl\nOPEN(`promiscuous_relay')dnl\n")), [['stig-sendmail-relay', 'sendmail.mc', 3, 1, 'definite']]);
    assert.deepEqual(await findings('s5-undo', mc("FEATURE(`promiscuous_relay')dnl\nindir(`undefine', `_PROMISCUOUS_RELAY_')dnl\n")), []);
  });

  it('6. confDAEMON_OPTIONS is a listener: on every address it keeps the finding, on loopback it does not', async () => {
    const open = "FEATURE(`promiscuous_relay')dnl\nFEATURE(`no_default_msa')dnl\n";
    assert.deepEqual(await findings('s6a', mc(`${open}define(\`confDAEMON_OPTIONS', \`Port=smtp, Name=MTA')dnl\n`)), [['stig-sendmail-relay', 'sendmail.mc', 2, 1, 'definite']]);
    assert.deepEqual(await findings('s6b', mc(`${open}define(\`confDAEMON_OPTIONS', \`Port=smtp, Addr=127.0.0.1, Name=MTA')dnl\n`)), []);
  });

  it('7. a build m4 fails is config-unreadable', async () => {
    assert.deepEqual(await findings('s7a', mc("FEATURE(`no_such')dnl\n")), [['config-unreadable', 'sendmail.mc', 2, 1, 'definite']]);
    assert.deepEqual(await findings('s7b', mc("include(`/usr/share/sendmail/cf/hack/nope.m4')dnl\n")), [['config-unreadable', 'sendmail.mc', 2, 1, 'definite']]);
  });
});
