import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseMc } from '../../../src/mta/sendmail/mc.js';
import { UNKNOWN_MARK } from '../../../src/model/source.js';

const CF = "include(`/usr/share/sendmail/cf/m4/cf.m4')dnl\n";

function mc(text: string) {
  return analyseMc({ path: 'mail/sendmail.mc', text });
}

function listeners(text: string) {
  return mc(text).listeners.map((l) => [l.origin, l.address, l.port, l.name, l.span.line]);
}

// Each test below names the mta-semantics.md point it covers; a grep-based
// reader gets every one of them wrong. The oracle tests (test/oracle/m4-sendmail.test.ts)
// check the same files against real m4.

test('mc: `#` after the cf.m4 include is NOT a comment: the FEATURE is in effect', () => {
  const r = mc(`${CF}# FEATURE(\`promiscuous_relay')dnl\n`);
  assert.deepEqual(r.promiscuousRelay, {
    enabled: true,
    span: { file: 'mail/sendmail.mc', line: 2, column: 3, endLine: 2, endColumn: 31 },
  });
  assert.deepEqual(r.cfInclude, { file: 'mail/sendmail.mc', line: 1, column: 1, endLine: 1, endColumn: 43 });
});

test('mc: `#` before the cf.m4 include is an m4 comment', () => {
  assert.equal(mc(`# FEATURE(\`promiscuous_relay')dnl\n${CF}`).promiscuousRelay.enabled, false);
});

test('mc: without a cf.m4 include, `#` is not a comment anywhere (built as m4 cf.m4 file.mc)', () => {
  const r = mc("# FEATURE(`promiscuous_relay')dnl\nOSTYPE(`linux')dnl\n");
  assert.equal(r.promiscuousRelay.enabled, true);
  assert.equal(r.promiscuousRelay.span?.line, 1);
  assert.equal(r.cfInclude, null);
});

test('mc: a dnl line is not in effect', () => {
  assert.equal(mc("dnl FEATURE(`promiscuous_relay')\n").promiscuousRelay.enabled, false);
});

test('mc: undefine(`_PROMISCUOUS_RELAY_\') after the FEATURE turns it off', () => {
  const r = mc("FEATURE(`promiscuous_relay')dnl\nundefine(`_PROMISCUOUS_RELAY_')dnl\n");
  assert.equal(r.promiscuousRelay.enabled, false);
  assert.deepEqual(r.features, []);
});

test('mc: features inside divert(-1) still take effect', () => {
  assert.equal(mc("divert(-1)\nFEATURE(`promiscuous_relay')\ndivert(0)dnl\n").promiscuousRelay.enabled, true);
});

test('mc: ifdef and ifelse are evaluated', () => {
  assert.equal(mc("ifelse(`a', `b', `FEATURE(`promiscuous_relay')')dnl\n").promiscuousRelay.enabled, false);
  assert.equal(mc("ifelse(`a', `b', `dnl', `c', `c', `FEATURE(`promiscuous_relay')')dnl\n").promiscuousRelay.enabled, true);
  assert.equal(mc("ifdef(`_NO_MSA_', `FEATURE(`promiscuous_relay')')dnl\n").promiscuousRelay.enabled, false);
});

test('mc: without DAEMON_OPTIONS, the default MTA and MSA on every address', () => {
  assert.deepEqual(listeners("OSTYPE(`linux')dnl\n"), [
    ['default MTA', null, null, 'MTA', 1],
    ['default MSA', null, '587', 'MSA', 1],
  ]);
});

test('mc: the default MSA stays when the MTA is bound to loopback', () => {
  assert.deepEqual(listeners(`${CF}DAEMON_OPTIONS(\`Port=smtp,Addr=127.0.0.1, Name=MTA')dnl\n`), [
    ['DAEMON_OPTIONS', '127.0.0.1', 'smtp', 'MTA', 2],
    ['default MSA', null, '587', 'MSA', 1],
  ]);
});

test('mc: FEATURE(`no_default_msa\') removes the default MSA (also with the RHEL `dnl\' argument)', () => {
  const text = "FEATURE(`no_default_msa', `dnl')dnl\nDAEMON_OPTIONS(`Port=smtp,Addr=127.0.0.1, Name=MTA')dnl\n";
  assert.deepEqual(listeners(text), [['DAEMON_OPTIONS', '127.0.0.1', 'smtp', 'MTA', 2]]);
});

test('mc: unquoted DAEMON_OPTIONS keeps only the first argument', () => {
  assert.deepEqual(listeners('FEATURE(no_default_msa)dnl\nDAEMON_OPTIONS(Port=smtp,Addr=127.0.0.1, Name=MTA)dnl\n'), [
    ['DAEMON_OPTIONS', null, 'smtp', null, 2],
  ]);
});

test('mc: every DAEMON_OPTIONS call is one listener, in order, with its own line', () => {
  const text = "FEATURE(`no_default_msa')dnl\nDAEMON_OPTIONS(`Port=smtp, Addr=127.0.0.1, Name=MTA')dnl\ndnl DAEMON_OPTIONS(`Port=26, Name=X')\nDAEMON_OPTIONS(`Family=inet6, Port=smtp, Addr=::1, Name=MTA6')dnl\n";
  assert.deepEqual(listeners(text), [
    ['DAEMON_OPTIONS', '127.0.0.1', 'smtp', 'MTA', 2],
    ['DAEMON_OPTIONS', '::1', 'smtp', 'MTA6', 4],
  ]);
});

test('mc: option keys match on the first letter, case-insensitively', () => {
  for (const key of ['Addr', 'Address', 'a', 'ADDR', 'address']) {
    const r = mc(`DAEMON_OPTIONS(\`Port=smtp, ${key}=127.0.0.1')dnl\n`);
    assert.equal(r.listeners[0]?.address, '127.0.0.1', key);
  }
});

test('mc: FEATURE(`msp\') gives the loopback NoMTA listener and no MSA', () => {
  assert.deepEqual(listeners("FEATURE(`msp', `[127.0.0.1]')dnl\n"), [['DAEMON_OPTIONS', '127.0.0.1', null, 'NoMTA', 1]]);
});

test('mc: relay features and RELAY_DOMAIN are recorded', () => {
  const r = mc("FEATURE(`relay_entire_domain')dnl\nFEATURE(`relay_based_on_MX')dnl\nRELAY_DOMAIN(`example.com')dnl\n");
  assert.deepEqual(r.features.map((f) => [f.name, f.span.line]), [['relay_entire_domain', 1], ['relay_based_on_MX', 2]]);
  assert.deepEqual(r.relayDomains.map((d) => [d.kind, d.value, d.span.line]), [['RELAY_DOMAIN', 'example.com', 3]]);
});

test('mc: a FEATURE reached through a user macro points at the line that calls it', () => {
  const r = mc("define(`OPEN', `FEATURE(`promiscuous_relay')')dnl\ndnl\nOPEN\n");
  assert.deepEqual(r.promiscuousRelay.span, { file: 'mail/sendmail.mc', line: 3, column: 1, endLine: 3, endColumn: 5 });
});

test('mc: an unresolved template value in a FEATURE name is recorded as unknown', () => {
  const r = mc(`FEATURE(\`${UNKNOWN_MARK}')dnl\n`);
  assert.equal(r.promiscuousRelay.enabled, false);
  assert.deepEqual(r.unknowns.map((u) => [u.what, u.span.line]), [['FEATURE with an unresolved name', 1]]);
});

test('mc: other includes are not followed, with a note', () => {
  const r = mc(`${CF}include(\`/etc/mail/m4/dialup.m4')dnl\n`);
  assert.deepEqual(r.diagnostics.map((d) => [d.line, d.fatal]), [[2, false]]);
});

test('mc: an unbalanced quote is a fatal diagnostic with line and column', () => {
  const r = mc("FEATURE(`no_default_msa')dnl\nDAEMON_OPTIONS(`Port=smtp\n");
  assert.deepEqual(r.diagnostics, [{ file: 'mail/sendmail.mc', line: 2, column: 16, message: 'ERROR: end of file in string', fatal: true }]);
  assert.deepEqual(r.listeners, []);
});

// promiscuous_relay reached without a plain FEATURE() call: cf.m4's FEATURE is
// include(_CF_DIR_`'feature/$1.m4), and every path into the tree reaches the file.
test('mc: promiscuous_relay through include, sinclude, indir, builtin, defn and ../ in any cf macro', () => {
  const ways: [string, number][] = [
    ["include(`/usr/share/sendmail/cf/feature/promiscuous_relay.m4')dnl\n", 1],
    ["sinclude(`/usr/share/sendmail/cf/feature/promiscuous_relay.m4')dnl\n", 1],
    ["include(_CF_DIR_`feature/promiscuous_relay.m4')dnl\n", 1],
    ["indir(`FEATURE', `promiscuous_relay')dnl\n", 1],
    ["builtin(`define', `_PROMISCUOUS_RELAY_', 1)dnl\n", 1],
    ["define(`OPEN', defn(`FEATURE'))dnl\nOPEN(`promiscuous_relay')dnl\n", 2],
    ["HACK(`../feature/promiscuous_relay')dnl\n", 1],
    ["OSTYPE(`../feature/promiscuous_relay')dnl\n", 1],
    ["DOMAIN(`../feature/promiscuous_relay')dnl\n", 1],
    ["FEATURE(`../hack/../feature/promiscuous_relay')dnl\n", 1],
    ["m4wrap(`define(`_PROMISCUOUS_RELAY_', 1)')dnl\n", 1],
  ];
  for (const [text, line] of ways) {
    const r = mc(`OSTYPE(\`linux')dnl\n${text}`);
    assert.equal(r.promiscuousRelay.enabled, true, text);
    assert.equal(r.promiscuousRelay.span?.line, line + 1, text);
    assert.deepEqual(r.diagnostics.filter((d) => d.fatal), [], text);
  }
});

test('mc: indir(`undefine\', ...) turns promiscuous_relay off again', () => {
  const r = mc("FEATURE(`promiscuous_relay')dnl\nindir(`undefine', `_PROMISCUOUS_RELAY_')dnl\n");
  assert.equal(r.promiscuousRelay.enabled, false);
  assert.deepEqual(r.features, []);
});

test('mc: eval is computed, so a condition on it decides', () => {
  assert.equal(mc("ifelse(eval(`2 * 3 > 5'), `1', `FEATURE(`promiscuous_relay')')dnl\n").promiscuousRelay.enabled, true);
  assert.equal(mc("ifelse(eval(`2 * 3 > 6'), `1', `FEATURE(`promiscuous_relay')')dnl\n").promiscuousRelay.enabled, false);
});

test('mc: confDAEMON_OPTIONS (deprecated) is still a listener, at its define', () => {
  assert.deepEqual(listeners("FEATURE(`no_default_msa')dnl\ndefine(`confDAEMON_OPTIONS', `Port=smtp, Name=MTA')dnl\n"), [
    ['DAEMON_OPTIONS', null, 'smtp', 'MTA', 2],
  ]);
  // proto.m4 adds it after the .mc's own DAEMON_OPTIONS.
  assert.deepEqual(listeners("define(`confDAEMON_OPTIONS', `Port=smtp, Addr=127.0.0.1, Name=MTA')dnl\nDAEMON_OPTIONS(`Port=2525, Addr=127.0.0.1, Name=X')dnl\nFEATURE(`no_default_msa')dnl\n"), [
    ['DAEMON_OPTIONS', '127.0.0.1', '2525', 'X', 2],
    ['DAEMON_OPTIONS', '127.0.0.1', 'smtp', 'MTA', 1],
  ]);
});

test('mc: a build m4 fails is fatal with m4\'s message: a feature the tree does not have, a missing tree file', () => {
  const cases: [string, number, number, string][] = [
    ["OSTYPE(`linux')dnl\nFEATURE(`no_such')dnl\n", 2, 1, "cannot open `/usr/share/sendmail/cf/feature/no_such.m4': No such file or directory"],
    ["include(`/usr/share/sendmail/cf/hack/nope.m4')dnl\n", 1, 1, "cannot open `/usr/share/sendmail/cf/hack/nope.m4': No such file or directory"],
    ["FEATURE(`promiscuous_relay' )dnl\n", 1, 1, "cannot open `/usr/share/sendmail/cf/feature/promiscuous_relay .m4': No such file or directory"],
    [`${CF}OSTYPE(\`nonesuch')dnl\n`, 2, 1, "cannot open `/usr/share/sendmail/cf/ostype/nonesuch.m4': No such file or directory"],
  ];
  for (const [text, line, column, message] of cases) {
    assert.deepEqual(mc(text).diagnostics.filter((d) => d.fatal), [{ file: 'mail/sendmail.mc', line, column, message, fatal: true }], text);
  }
  // sinclude of a missing file is silent, as in m4.
  assert.deepEqual(mc("sinclude(`/usr/share/sendmail/cf/hack/nope.m4')dnl\n").diagnostics, []);
});
