import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assembleSendmail } from '../../../src/mta/sendmail/index.js';

test('assembleSendmail: a .mc and the .cf of the same name form one configuration judged from the .mc', () => {
  const configs = assembleSendmail([
    { path: 'mail/sendmail.cf', text: 'O DaemonPortOptions=Name=MTA\nSRelay_ok\n' },
    { path: 'mail/sendmail.mc', text: "FEATURE(`promiscuous_relay')dnl\n" },
    { path: 'other/sendmail.cf', text: 'O DaemonPortOptions=Addr=127.0.0.1\nSBasic_check_rcpt\nR$*\t$#$2\n' },
    { path: 'other/submit.mc', text: "FEATURE(`msp')dnl\n" },
  ]);
  assert.deepEqual(
    configs.map((c) => [c.files, c.mc, c.cf, c.promiscuousRelay.enabled, c.listeners.length]),
    [
      [['mail/sendmail.mc', 'mail/sendmail.cf'], 'mail/sendmail.mc', 'mail/sendmail.cf', true, 2],
      [['other/sendmail.cf'], null, 'other/sendmail.cf', true, 1],
      [['other/submit.mc'], 'other/submit.mc', null, false, 1],
    ],
  );
});

test('assembleSendmail: parse errors are diagnostics of the configuration', () => {
  const [config] = assembleSendmail([{ path: 'x.mc', text: 'FEATURE(`promiscuous_relay\n' }]);
  assert.deepEqual(config?.diagnostics, [{ file: 'x.mc', line: 1, column: 9, message: 'ERROR: end of file in string', fatal: true }]);
});
