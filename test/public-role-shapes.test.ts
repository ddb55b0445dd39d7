import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../src/config/options.js';
import { withoutRelayRules } from './helpers/relay-rules-off.js';
import { scan } from '../src/scan.js';
import { temporaryTrees } from './helpers/temp-tree.js';
import { findingRows } from './helpers/finding-rows.js';

// Shapes seen in public Ansible roles (written here from scratch, not copied):
// a role published on its own (templates/ and defaults/ at the top), a whole
// main.cf produced by one filter relaygate does not evaluate, and a loop over
// a merged dict. None of them may pass silently or be called unreadable.

const tree = temporaryTrees('roles');

async function rows(root: string): Promise<unknown[]> {
  const result = await scan(withoutRelayRules(defaultOptions(root)));
  return findingRows(result.findings);
}

describe('public role shapes', () => {
  it('reads the defaults of a role published on its own', async () => {
    const files = {
      'tasks/main.yml': '- name: configure\n  debug: {}\n',
      'templates/etc/postfix/main.cf.j2': 'inet_interfaces = {{ postfix_inet_interfaces }}\n',
    };
    assert.deepEqual(await rows(tree({ ...files, 'defaults/main.yml': 'postfix_inet_interfaces: loopback-only\n' })), []);
    assert.deepEqual(await rows(tree({ ...files, 'defaults/main.yml': 'postfix_inet_interfaces: all\n' })), [
      ['stig-postfix-relay', 'templates/etc/postfix/main.cf.j2', 1, 1, 'definite'],
    ]);
  });

  it('reads a main.cf made of one unevaluated filter as unknown, not unreadable', async () => {
    const root = tree({
      'defaults/main.yaml': 'postfix_config:\n  inet_interfaces: localhost\n',
      'templates/main.cf.j2': '\n{{ postfix_config | encode_ini(delimiter=" = ") }}\n',
    });
    assert.deepEqual(await rows(root), [['stig-postfix-relay', 'templates/main.cf.j2', 1, 1, 'indeterminate']]);
  });

  it('makes every value unknown after a loop over unresolved data writes name = value lines', async () => {
    const root = tree({
      'defaults/main.yml': 'merged: "{{ base | combine(extra) }}"\n',
      'templates/main.cf.j2':
        'smtpd_client_restrictions = permit_mynetworks, reject\n{% for k in merged | sort %}\n{{ k }} = {{ merged[k] }}\n{% endfor %}\n',
    });
    assert.deepEqual(await rows(root), [['stig-postfix-relay', 'templates/main.cf.j2', 1, 29, 'indeterminate']]);
  });
});

describe('Salt formulas', () => {
  it("resolves salt['pillar.get'] from the formula's pillar.example, with its default otherwise", async () => {
    const template = "inet_interfaces = {{ salt['pillar.get']('postfix:config:inet_interfaces', 'all') }}\n";
    const formula = { 'postfix/defaults.yaml': 'postfix: {}\n', 'postfix/files/main.cf.j2': template };
    assert.deepEqual(
      await rows(tree({ ...formula, 'postfix/pillar.example': 'postfix:\n  config:\n    inet_interfaces: loopback-only\n' })),
      [],
    );
    assert.deepEqual(await rows(tree({ ...formula, 'postfix/pillar.example': 'postfix:\n  config: {}\n' })), [
      ['stig-postfix-relay', 'postfix/files/main.cf.j2', 1, 1, 'definite'],
    ]);
  });
});

describe('Ansible tasks templated from role variables', () => {
  it('reports a lineinfile finding on the task line, with the variable definition in related', async () => {
    const root = tree({
      'roles/mail/tasks/main.yml': [
        '- name: postfix',
        '  apt: name=postfix',
        '- name: restrictions',
        '  lineinfile:',
        '    path: /etc/postfix/main.cf',
        "    regexp: '^smtpd_client_restrictions'",
        "    line: 'smtpd_client_restrictions = {{ postfix_client }}'",
        '',
      ].join('\n'),
      'roles/mail/defaults/main.yml': '---\npostfix_client: permit_mynetworks, permit\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.certainty, f.related.map((r) => `${r.file}:${r.line}`)]),
      [['stig-postfix-relay', 'roles/mail/tasks/main.yml', 7, 11, 'definite', ['roles/mail/tasks/main.yml:2', 'roles/mail/defaults/main.yml:2']]],
    );
    assert.match(result.findings[0]?.message ?? '', /Judged over the Debian family's packaged main\.cf \(debconf "Internet Site"\), recognised from apt: postfix/);
  });
});

describe('branches the renderer could not decide', () => {
  it('an untaken else that weakens a parameter makes the result indeterminate, at the else line', async () => {
    const root = tree({
      'roles/mail/templates/main.cf.j2': [
        'inet_interfaces = all',
        'smtpd_client_restrictions = permit_mynetworks, reject',
        '{% if lookup("env", "STRICT") %}',
        '# strict: keep the restrictions above',
        '{% else %}',
        'smtpd_client_restrictions = permit',
        '{% endif %}',
        '',
      ].join('\n'),
    });
    // Without reading the untaken branch this would pass on line 2's value.
    assert.deepEqual(await rows(root), [['stig-postfix-relay', 'roles/mail/templates/main.cf.j2', 6, 1, 'indeterminate']]);
  });
});

describe('master.cf services under an undecided branch', () => {
  const main = 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks\n';
  // The role deploys both templates to one server: they are judged together.
  const tasks = { 'roles/mail/tasks/main.yml': '- template: src=main.cf.j2 dest=/etc/postfix/main.cf\n- template: src=master.cf.j2 dest=/etc/postfix/master.cf\n' };
  const master = (condition: string) =>
    [
      `{% if ${condition} %}`,
      '127.0.0.1:smtp inet n - y - - smtpd',
      '{% else %}',
      'smtp      inet n - y - - smtpd',
      '{% endif %}',
      'pickup    unix n - y 60 1 pickup',
      '',
    ].join('\n');

  it('a loopback-only branch does not hide the exposed service of the other branch', async () => {
    const root = tree({ ...tasks, 'roles/mail/templates/main.cf.j2': main, 'roles/mail/templates/master.cf.j2': master('lookup("env", "LOCAL")') });
    assert.deepEqual(await rows(root), [['stig-postfix-relay', 'roles/mail/templates/main.cf.j2', 2, 29, 'indeterminate']]);
  });

  it('a decided branch stays definite', async () => {
    const local = tree({ ...tasks, 'roles/mail/templates/main.cf.j2': main, 'roles/mail/templates/master.cf.j2': master('true') });
    assert.deepEqual(await rows(local), []);
    const exposed = tree({ ...tasks, 'roles/mail/templates/main.cf.j2': main, 'roles/mail/templates/master.cf.j2': master('false') });
    assert.deepEqual(await rows(exposed), [['stig-postfix-relay', 'roles/mail/templates/main.cf.j2', 2, 29, 'definite']]);
  });
});

describe('Salt formula files without a template suffix', () => {
  it('renders files/main.cf with Jinja tags inside a formula, from its pillar.example', async () => {
    const root = tree({
      'postfix/defaults.yaml': 'postfix: {}\n',
      'postfix/pillar.example': 'postfix:\n  config:\n    inet_interfaces: all\n',
      'postfix/files/main.cf': "inet_interfaces = {{ salt['pillar.get']('postfix:config:inet_interfaces', 'loopback-only') }}\n",
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(
      findingRows(result.findings),
      [['stig-postfix-relay', 'postfix/files/main.cf', 1, 1, 'definite']],
    );
    assert.deepEqual(result.configurations.map((c) => c.form), ['jinja2']);
  });
});
