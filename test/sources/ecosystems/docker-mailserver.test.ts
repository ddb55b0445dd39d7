// docker-mailserver's override files as edits: exact kinds, keys, values, spans and notes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Edit } from '../../../src/sources/contracts/edits.js';
import { dockerMailserverOverrides } from '../../../src/sources/ecosystems/docker-mailserver/overrides.js';
import { host } from '../languages/shell/helpers.js';

const KEY = { scope: 'dms/config', directory: '/etc/postfix' };

test('postfix-main.cf under a compose file that runs the image: the image as base (its line in the words), then the whole file appended to main.cf', () => {
  const text = 'mynetworks = 10.0.0.0/8\n# a comment\n';
  const compose = { 'dms/docker-compose.yml': 'services:\n  mail:\n    image: "mailserver/docker-mailserver:13.3"   # pinned\n' };
  const r = host(dockerMailserverOverrides, 'dms/config/postfix-main.cf', text, compose);
  assert.deepEqual(r.notes, []);
  assert.deepEqual(
    r.edits.map((e) => [e.kind, e.key, e.span.file, e.span.line, e.span.column]),
    [
      ['base', KEY, 'dms/config/postfix-main.cf', 1, 1],
      ['append', KEY, 'dms/config/postfix-main.cf', 1, 1],
    ],
  );
  const [base, append] = r.edits as [Edit, Edit];
  assert.ok(base.kind === 'base');
  assert.deepEqual([base.image, base.evidence], ['docker-mailserver', 'image "mailserver/docker-mailserver:13.3" at dms/docker-compose.yml line 3']);
  assert.ok(append.kind === 'append');
  assert.equal(append.fragment.text, text);
  assert.deepEqual(append.fragment.map.start(1, 14), { line: 1, column: 14 });
});

test('postfix-main.cf without evidence of docker-mailserver: appended over no base; an image of another name is none', () => {
  const compose = { 'docker-compose.yml': 'services:\n  mail:\n    image: example/docker-mailserver-ui:1\n' };
  const r = host(dockerMailserverOverrides, 'config/postfix-main.cf', 'relayhost = [smtp.example.test]\n', compose);
  assert.deepEqual(r.edits.map((e) => e.kind), ['append']);
});

test('postfix-master.cf: the lines the start-up hands to postconf -P, with their spans; rejected ones change nothing and say why', () => {
  const text = [
    '# comment',
    '',
    '   # indented comment',
    'submission/inet/smtpd_client_restrictions=permit_sasl_authenticated,reject',
    '  smtps/inet/smtpd_tls_wrappermode = yes\r',
    'Submission/inet/smtpd_relay_restrictions=permit',
    'submission/inet/smtpd_relay_restrictions=permit_mynetworks, reject',
    'submission/inet/smtpd_relay_restrictions',
    'submission/smtpd_relay_restrictions=permit',
    'submission/inet/*=permit',
    '',
  ].join('\n');
  const r = host(dockerMailserverOverrides, 'dms/config/postfix-master.cf', text);
  assert.deepEqual(
    r.edits.map((e) => (e.kind === 'master-set' ? [e.service, e.type, e.parameter, e.value, e.valueSpan.line, e.valueSpan.column, e.valueSpan.endColumn, e.span.column] : [e.kind])),
    [
      ['submission', 'inet', 'smtpd_client_restrictions', 'permit_sasl_authenticated,reject', 4, 43, 75, 1],
      ['smtps', 'inet', 'smtpd_tls_wrappermode', 'yes', 5, 38, 41, 3],
    ],
  );
  assert.ok(r.edits.every((e) => e.key.scope === KEY.scope && e.key.directory === KEY.directory));
  assert.deepEqual(r.notes, [
    '"dms/config/postfix-master.cf" line 7: postconf -P would exit with "-Pe does not accept whitespace in parameter value" on it; the line changes nothing',
    '"dms/config/postfix-master.cf" line 8: postconf -P would exit with "missing \'=\' after attribute name" on it; the line changes nothing',
    '"dms/config/postfix-master.cf" line 9: postconf -P would exit with "-Pe or -PX requires service_name/type/parameter" on it; the line changes nothing',
    '"dms/config/postfix-master.cf" line 10: postconf -P would exit with "-Pe does not accept wild-card parameter name" on it; the line changes nothing',
  ]);
});

test('only the two override names are claimed', () => {
  assert.equal(dockerMailserverOverrides.matches('config/postfix-main.cf', ''), true);
  assert.equal(dockerMailserverOverrides.matches('postfix-master.cf', ''), true);
  assert.equal(dockerMailserverOverrides.matches('config/postfix_main.cf', ''), false);
  assert.equal(dockerMailserverOverrides.matches('config/postfix-main.cf.j2', ''), false);
});
