import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { defaultOptions, OptionsError } from '../src/config/options.js';
import { withoutRelayRules } from './helpers/relay-rules-off.js';
import { scan } from '../src/scan.js';
import { temporaryTrees } from './helpers/temp-tree.js';
import { findingRows } from './helpers/finding-rows.js';

const tree = temporaryTrees('templates');

const MAIN_J2 = 'roles/mail/templates/main.cf.j2';
const MASTER_J2 = 'roles/mail/templates/master.cf.j2';
const DEFAULTS = 'roles/mail/defaults/main.yml';
const TASKS = 'roles/mail/tasks/main.yml';
/** The role's tasks deploy both templates to /etc/postfix. */
const DEPLOY_BOTH = '- template: src=main.cf.j2 dest=/etc/postfix/main.cf\n- template: src=master.cf.j2 dest=/etc/postfix/master.cf\n';

const TEMPLATE = [
  '# {{ ansible_managed }}',
  'myhostname = mail.example.com',
  'inet_interfaces = all',
  'mynetworks = 127.0.0.0/8',
  "smtpd_client_restrictions = {{ postfix_client_restrictions | join(', ') }}",
  '',
].join('\n');

describe('scan() judges Jinja2 templates of mail configuration', () => {
  it('weak role defaults: a definite finding on the template line, related to the defaults line', async () => {
    const root = tree({
      [MAIN_J2]: TEMPLATE,
      [DEFAULTS]: '---\npostfix_client_restrictions:\n  - permit_mynetworks\n  - permit\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', MAIN_J2, 5, 29, 'definite']]);
    const related = result.findings[0]?.related.filter((r) => r.message.startsWith('value comes from'));
    assert.deepEqual(related, [{ file: DEFAULTS, line: 2, message: 'value comes from postfix_client_restrictions here' }]);
    assert.deepEqual(
      result.configurations.map((c) => [c.mta, c.files.join(','), c.form]),
      [['postfix', MAIN_J2, 'jinja2']],
    );
  });

  it('strong role defaults: no finding', async () => {
    const root = tree({
      [MAIN_J2]: TEMPLATE,
      [DEFAULTS]: 'postfix_client_restrictions:\n  - permit_mynetworks\n  - reject\n',
    });
    assert.deepEqual(findingRows((await scan(withoutRelayRules(defaultOptions(root)))).findings), []);
  });

  it('strong restrictions inside an if on a lookup are indeterminate, not a pass', async () => {
    const root = tree({
      [MAIN_J2]: [
        'inet_interfaces = all',
        'mynetworks = 127.0.0.0/8',
        '{% if postfix_strict %}',
        'smtpd_client_restrictions = permit_mynetworks, reject',
        '{% endif %}',
        '',
      ].join('\n'),
      [DEFAULTS]: "postfix_strict: \"{{ lookup('env', 'POSTFIX_STRICT') }}\"\n",
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', MAIN_J2, 4, 29, 'indeterminate']]);
    // The unknown mark inserted after `=` does not shift the value's span on the template.
    assert.deepEqual([result.findings[0]?.endLine, result.findings[0]?.endColumn], [4, 54]);
    assert.deepEqual(
      result.findings[0]?.related.filter((r) => r.message.startsWith('value comes from')),
      [{ file: DEFAULTS, line: 1, message: 'value comes from postfix_strict here' }],
    );
  });

  it('an include relaygate does not read may set anything: what follows it decides, what it could override is unknown', async () => {
    const tasks = '- template:\n    src: main.cf.j2\n    dest: /etc/postfix/main.cf\n';
    const open = tree({
      'roles/mail/tasks/main.yml': tasks,
      'roles/mail/templates/main.cf.j2': 'inet_interfaces = loopback-only\n{% include "main.cf.d/net.j2" %}\nsmtpd_client_restrictions = permit_mynetworks, permit\n',
    });
    // Loopback before the include is no longer known: the weak restrictions after it are indeterminate, not a pass.
    assert.deepEqual(findingRows((await scan(withoutRelayRules(defaultOptions(open)))).findings), [['stig-postfix-relay', 'roles/mail/templates/main.cf.j2', 3, 29, 'indeterminate']]);
    const closed = tree({
      'roles/mail/tasks/main.yml': tasks,
      'roles/mail/templates/main.cf.j2': '{% include "main.cf.d/net.j2" %}\ninet_interfaces = loopback-only\n',
    });
    // A value after the include is the one Postfix keeps (the last definition wins).
    assert.deepEqual(findingRows((await scan(withoutRelayRules(defaultOptions(closed)))).findings), []);
  });

  it('an unbalanced tag is config-unreadable at its line', async () => {
    const root = tree({
      [MAIN_J2]: 'inet_interfaces = all\n{% if postfix_strict %}\nsmtpd_client_restrictions = reject\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [['config-unreadable', MAIN_J2, 2, 1, 'definite']]);
    assert.deepEqual(result.configurations, []);
  });

  it('main.cf.j2 and master.cf.j2 that the role deploys to one server are one configuration', async () => {
    const root = tree({
      [TASKS]: DEPLOY_BOTH,
      [MAIN_J2]: TEMPLATE,
      [MASTER_J2]: [
        '# service type private unpriv chroot wakeup maxproc command',
        'smtp      inet  n       -       y       -       -       smtpd',
        '{% if postfix_submission %}',
        'submission inet n       -       y       -       -       smtpd',
        '  -o smtpd_client_restrictions=permit',
        '{% endif %}',
        '',
      ].join('\n'),
      [DEFAULTS]: 'postfix_client_restrictions: [permit_mynetworks, reject]\npostfix_submission: true\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(
      result.configurations.map((c) => [c.mta, c.files.join(','), c.form]),
      [['postfix', `${TASKS},${MAIN_J2},${MASTER_J2}`, 'ansible']],
    );
    // The -o option on the template line, the same column as in a plain master.cf.
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', MASTER_J2, 5, 3, 'definite']]);
  });

  it('templates nothing deploys are judged alone: master.cf.j2 over an unknown main.cf', async () => {
    const root = tree({
      [MAIN_J2]: 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\ncompatibility_level = 3.6\n',
      [MASTER_J2]: 'smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_client_restrictions=permit\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(
      result.configurations.map((c) => [c.mta, c.files.join(','), c.form]),
      [
        ['postfix', MAIN_J2, 'jinja2'],
        ['postfix', MASTER_J2, 'jinja2'],
      ],
    );
    // Both services listen on the unknown main.cf's inet_interfaces; smtp also uses its restrictions.
    // submission sets a relay parameter itself, so the relay decision is judged: on an unknown main.cf's lists.
    assert.deepEqual(findingRows(result.findings), [
      ['postfix-open-relay', MASTER_J2, 1, 1, 'indeterminate'],
      ['stig-postfix-relay', MASTER_J2, 1, 1, 'indeterminate'],
      ['stig-postfix-relay', MASTER_J2, 3, 3, 'indeterminate'],
    ]);
  });

  it('a {# relaygate-ignore #} comment on the template line above suppresses the finding', async () => {
    const lines = TEMPLATE.split('\n');
    lines.splice(4, 0, '{# relaygate-ignore stig-postfix-relay: internal relay, firewalled #}');
    const root = tree({
      [MAIN_J2]: lines.join('\n'),
      [DEFAULTS]: 'postfix_client_restrictions: [permit_mynetworks, permit]\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', MAIN_J2, 6, 29, 'definite']]);
    assert.deepEqual(result.findings[0]?.suppressed, {
      kind: 'inline',
      reason: 'internal relay, firewalled',
      file: MAIN_J2,
      line: 5,
    });
  });

  it('--vars files override role defaults; a bad one is a usage error naming it', async () => {
    const root = tree({
      [MAIN_J2]: TEMPLATE,
      [DEFAULTS]: 'postfix_client_restrictions: [permit_mynetworks, reject]\n',
      'ci/weak.yml': 'postfix_client_restrictions: [permit]\n',
      'ci/bad.yml': 'postfix_client_restrictions: [permit\n',
      'ci/list.yml': '- permit\n',
    });
    const weak = await scan({ ...withoutRelayRules(defaultOptions(root)), vars: [path.join(root, 'ci/weak.yml')] });
    assert.deepEqual(findingRows(weak.findings), [['stig-postfix-relay', MAIN_J2, 5, 29, 'definite']]);
    assert.deepEqual(
      weak.findings[0]?.related.filter((r) => r.message.startsWith('value comes from')),
      [{ file: 'ci/weak.yml', line: 1, message: 'value comes from postfix_client_restrictions here' }],
    );
    const bad = path.join(root, 'ci/bad.yml');
    await assert.rejects(scan({ ...withoutRelayRules(defaultOptions(root)), vars: [bad] }), (e: unknown) => e instanceof OptionsError && e.message.includes(bad));
    const list = path.join(root, 'ci/list.yml');
    await assert.rejects(
      scan({ ...withoutRelayRules(defaultOptions(root)), vars: [list] }),
      (e: unknown) => e instanceof OptionsError && e.message === `vars: ${list} is not a YAML mapping of variable names to values`,
    );
  });
});

describe('scan() judges sendmail .mc templates', () => {
  const MC_J2 = 'roles/sendmail/templates/sendmail.mc.j2';
  const CF_J2 = 'roles/sendmail/templates/sendmail.cf.j2';
  const SENDMAIL_DEFAULTS = 'roles/sendmail/defaults/main.yml';
  const MC = [
    'divert(0)dnl',
    "OSTYPE(`linux')dnl",
    "DAEMON_OPTIONS(`Port=smtp,Addr={{ sendmail_listen_address }}, Name=MTA')dnl",
    "FEATURE(`no_default_msa')dnl",
    "FEATURE(`promiscuous_relay')dnl",
    "MAILER(`smtp')dnl",
    '',
  ].join('\n');

  it('DAEMON_OPTIONS on 127.0.0.1 from role defaults (and no_default_msa): no finding', async () => {
    const root = tree({ [MC_J2]: MC, [SENDMAIL_DEFAULTS]: 'sendmail_listen_address: 127.0.0.1\n' });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), []);
    assert.deepEqual(result.configurations.map((c) => [c.mta, c.files.join(','), c.form]), [['sendmail', MC_J2, 'jinja2']]);
  });

  it('DAEMON_OPTIONS on 0.0.0.0 from role defaults: a finding on the template line, related to the defaults line', async () => {
    const root = tree({ [MC_J2]: MC, [SENDMAIL_DEFAULTS]: '---\nsendmail_listen_address: 0.0.0.0\n' });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [['stig-sendmail-relay', MC_J2, 5, 1, 'definite']]);
    assert.match(result.findings[0]?.message ?? '', /0\.0\.0\.0/);
    const related = result.findings[0]?.related.filter((r) => r.message.startsWith('value comes from'));
    assert.deepEqual(related, [{ file: SENDMAIL_DEFAULTS, line: 2, message: 'value comes from sendmail_listen_address here' }]);
  });

  it('sendmail.mc.j2 beside sendmail.cf.j2 is one configuration, judged from the .mc', async () => {
    const root = tree({
      [MC_J2]: MC,
      [CF_J2]: 'V10/Berkeley\nO DaemonPortOptions=Port=smtp,Addr={{ sendmail_listen_address }}, Name=MTA\n',
      [SENDMAIL_DEFAULTS]: 'sendmail_listen_address: 0.0.0.0\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(result.configurations.map((c) => [c.mta, c.files.join(','), c.form]), [['sendmail', `${CF_J2},${MC_J2}`, 'jinja2']]);
    assert.deepEqual(findingRows(result.findings), [['stig-sendmail-relay', MC_J2, 5, 1, 'definite']]);
  });
});

describe('scan() renders every registered template language (src/sources/template-languages.ts)', () => {
  it('an ERB template with Chef attributes and an envsubst template: forms, lines, certainty', async () => {
    const ERB = 'cookbooks/mail/templates/default/main.cf.erb';
    const root = tree({
      [ERB]: 'inet_interfaces = all\nsmtpd_client_restrictions = <%= node["postfix"]["client"] %>\n',
      'cookbooks/mail/attributes/default.rb': "default['postfix']['client'] = 'permit_mynetworks, permit'\n",
      'docker/main.cf.template': 'inet_interfaces = all\nsmtpd_client_restrictions = ${CLIENT}\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [
      ['stig-postfix-relay', ERB, 2, 29, 'definite'],
      ['stig-postfix-relay', 'docker/main.cf.template', 2, 29, 'indeterminate'],
    ]);
    assert.deepEqual(
      result.configurations.map((c) => [c.files.join(','), c.form]),
      [
        [ERB, 'erb'],
        ['docker/main.cf.template', 'envsubst'],
      ],
    );
    const related = result.findings[0]?.related.filter((r) => r.message.startsWith('value comes from'));
    assert.deepEqual(related, [{ file: 'cookbooks/mail/attributes/default.rb', line: 1, message: "value comes from node['postfix']['client'] here" }]);
  });
});
