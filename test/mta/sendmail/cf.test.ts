import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseCf } from '../../../src/mta/sendmail/cf.js';

function cf(text: string) {
  return analyseCf({ path: 'etc/mail/sendmail.cf', text });
}

// Abbreviated from what m4 + cf.m4 build (sendmail 8.17): the parts analyseCf reads.
const CLOSED = [
  'O DaemonPortOptions=Name=MTA',
  'O DaemonPortOptions=Port=587, Name=MSA, M=E',
  'SBasic_check_rcpt',
  'R$* $| @ $#$*\t\t$#$2',
  'R$* $| @ RELAY\t\t$@ RELAY',
  'R$*\t\t\t$#error $@ 5.7.1 $: "550 Relaying denied"',
  '',
  'SRcpt_ok',
  'R$*\t\t\t$: $>ParseRecipient $1',
  'SRelay_ok',
  'R$*\t\t\t$: $&{client_addr}',
  '',
].join('\n');

const OPEN = [
  '#####  $Id: promiscuous_relay.m4,v 8.13 2013-11-22 20:51:11 ca Exp $  #####',
  'O DaemonPortOptions=Name=MTA',
  'SBasic_check_rcpt',
  'R$* $| @ $#TEMP $+\t$: $1 $| T $2',
  'R$* $| @ $#$*\t\t$#$2',
  '',
  'SRcpt_ok',
  'R$*\t\t\t$: $>ParseRecipient $1',
  '',
].join('\n');

test('cf: every uncommented O DaemonPortOptions line is a listener with its span', () => {
  const r = cf(CLOSED);
  assert.deepEqual(
    r.listeners.map((l) => [l.origin, l.address, l.port, l.name, l.span.line, l.span.endColumn]),
    [
      ['O DaemonPortOptions', null, null, 'MTA', 1, 29],
      ['O DaemonPortOptions', null, '587', 'MSA', 2, 44],
    ],
  );
});

test('cf: a commented #O DaemonPortOptions is not a listener; continuation lines join', () => {
  const r = cf('#O DaemonPortOptions=Port=smtp, Name=MTA\nO DaemonPortOptions=Port=smtp,\n\tAddr=127.0.0.1, Name=MTA\nOOPort=26, a=::1\n');
  assert.deepEqual(r.listeners.map((l) => [l.address, l.port, l.span.line, l.span.endLine]), [
    ['127.0.0.1', 'smtp', 2, 3],
    ['::1', '26', 4, 4],
  ]);
});

test('cf: rulesets with Relay_ok and the 550 Relaying denied rule are not promiscuous', () => {
  assert.deepEqual(cf(CLOSED).promiscuousRelay, { enabled: false, span: null });
});

test('cf: promiscuous relay is read from the rulesets and points at Basic_check_rcpt', () => {
  assert.deepEqual(cf(OPEN).promiscuousRelay, {
    enabled: true,
    span: { file: 'etc/mail/sendmail.cf', line: 3, column: 1, endLine: 3, endColumn: 18 },
  });
});

test('cf: the promiscuous_relay banner alone is not proof', () => {
  const text = '#####  $Id: promiscuous_relay.m4,v 8.13 2013-11-22 20:51:11 ca Exp $  #####\n' + CLOSED;
  assert.equal(cf(text).promiscuousRelay.enabled, false);
});

test('cf: a file without rulesets cannot be judged for relaying (unknown)', () => {
  const r = cf('O DaemonPortOptions=Name=MTA\n');
  assert.equal(r.promiscuousRelay.enabled, false);
  assert.deepEqual(r.unknowns.map((u) => u.span.line), [1]);
});
