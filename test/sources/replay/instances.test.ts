import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleResult } from '../../../src/model/finding.js';
import { UNKNOWN_MARK } from '../../../src/model/source.js';
import type { Configuration } from '../../../src/mta/configuration.js';
import type { PostfixConfiguration } from '../../../src/mta/postfix/model.js';
import { rule as postfixRelay } from '../../../src/rules/stig-postfix-relay.js';
import { rule as sendmailRelay } from '../../../src/rules/stig-sendmail-relay.js';
import { PROFILES } from '../../../src/rules/profiles.js';
import { memoryRepository } from '../../../src/sources/contracts/repository.js';
import { assembleInstances } from '../../../src/sources/replay/instances.js';
import type { Edit } from '../../../src/sources/contracts/edits.js';
import {
  append,
  baseEdit,
  extraction,
  link,
  masterSet,
  set,
  setIfPresent,
  unset,
  write,
} from './instances-helpers.js';

function judge(configs: Configuration[], profile = PROFILES.gen004710): RuleResult[] {
  return configs.flatMap((c) => [...postfixRelay.check(c, { profile }), ...sendmailRelay.check(c, { profile })]);
}

function rows(results: RuleResult[]): unknown[] {
  return results.map((r) => [r.ruleId, r.span.file, r.span.line, r.span.column, r.certainty]);
}

function instances(...edits: Edit[]): Configuration[] {
  return assembleInstances([extraction(...edits)], new Map());
}

function postfix(configs: Configuration[]): PostfixConfiguration {
  const config = configs[0];
  assert.equal(configs.length, 1);
  assert.equal(config?.mta, 'postfix');
  return config;
}

const OPEN = 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject';

describe('assembleInstances: Postfix edits replayed in order', () => {
  it('a set after a write wins; a write after a set resets main.cf', () => {
    const weakened = instances(write('main.cf', 3, OPEN), set(6, 'smtpd_client_restrictions=permit'));
    assert.deepEqual(rows(judge(weakened)), [['stig-postfix-relay', 'Dockerfile', 6, 44, 'definite']]);
    const config = postfix(weakened);
    assert.equal(config.overlay, undefined);
    assert.equal(config.form, 'dockerfile');
    assert.deepEqual(config.files, ['Dockerfile']);
    assert.deepEqual(
      config.mainCf?.parameters.map((p) => [p.name, p.value, p.span.line]),
      [
        ['inet_interfaces', 'all', 3],
        ['smtpd_client_restrictions', 'permit_mynetworks, reject', 4],
        ['smtpd_client_restrictions', 'permit', 6],
      ],
    );
    assert.deepEqual(rows(judge(instances(set(2, 'smtpd_client_restrictions=permit'), write('main.cf', 3, OPEN)))), []);
  });

  it('unset removes every earlier definition (back to the empty default)', () => {
    const results = judge(instances(write('main.cf', 3, OPEN), set(6, 'smtpd_client_restrictions=reject'), unset(7, 'smtpd_client_restrictions')));
    // Nothing defines it any more: the finding points at the edit that writes main.cf.
    assert.deepEqual(rows(results), [['stig-postfix-relay', 'Dockerfile', 3, 1, 'definite']]);
    assert.match(results[0]?.message ?? '', /smtpd_client_restrictions is missing/);
  });

  it('set-if-present applies only to a definition that exists in a written main.cf', () => {
    const loop = 'inet_interfaces = loopback-only\nmyhostname = mail';
    // sed -i 's/^inet_interfaces.*/inet_interfaces = all/': the line exists, so the edit applies.
    assert.deepEqual(rows(judge(instances(write('main.cf', 3, loop), setIfPresent(6, 'inet_interfaces=all')))), [
      ['stig-postfix-relay', 'Dockerfile', 3, 1, 'definite'],
    ]);
    // A substitution of a line the file does not have changes nothing.
    const strict = 'inet_interfaces = all\nsmtpd_client_restrictions = reject';
    const config = postfix(instances(write('main.cf', 3, strict), setIfPresent(6, 'smtpd_relay_restrictions=permit')));
    assert.deepEqual(config.mainCf?.parameters.map((p) => p.name), ['inet_interfaces', 'smtpd_client_restrictions']);
  });

  it('set-if-present on a main.cf relaygate cannot see is a maybe: its value is unknown', () => {
    const config = postfix(instances(baseEdit(1, 'debian', 'FROM debian:12'), setIfPresent(4, 'smtpd_client_restrictions=permit_mynetworks,reject')));
    const last = config.mainCf?.parameters.at(-1);
    assert.equal(last?.value, `${UNKNOWN_MARK}permit_mynetworks,reject`);
    assert.deepEqual(rows(judge([config])), [['stig-postfix-relay', 'Dockerfile', 4, 44, 'indeterminate']]);
  });

  it('master-set adds an override to the matching service of a written master.cf', () => {
    const master = [
      'smtp      inet  n       -       y       -       -       smtpd',
      'submission inet n       -       y       -       -       smtpd',
    ].join('\n');
    const results = judge(
      instances(
        write('main.cf', 2, 'inet_interfaces = all\nsmtpd_client_restrictions = reject'),
        write('master.cf', 5, master),
        masterSet(8, 'submission', 'inet', 'smtpd_client_restrictions', 'permit'),
      ),
    );
    assert.deepEqual(rows(results), [['stig-postfix-relay', 'Dockerfile', 8, 1, 'definite']]);
    assert.match(results[0]?.message ?? '', /master\.cf -o on submission/);
  });

  it('master-set on the stock master.cf: judged over the assumed base, named in the message', () => {
    const results = judge(
      instances(baseEdit(1, 'debian', 'FROM debian:12'), masterSet(5, 'smtp', 'inet', 'smtpd_client_restrictions', 'permit')),
    );
    assert.deepEqual(rows(results), [['stig-postfix-relay', 'Dockerfile', 5, 1, 'definite']]);
    assert.match(results[0]?.message ?? '', /\(Judged over Debian's packaged main\.cf, assumed because of FROM debian:12 at Dockerfile line 1\.\)$/);
    // A service the stock master.cf does not define: nothing changes, a note says so.
    const notes: string[] = [];
    const configs = assembleInstances([extraction(masterSet(5, 'submission', 'inet', 'smtpd_client_restrictions', 'permit'))], new Map(), { notes });
    assert.deepEqual(notes, ['Dockerfile line 5: postconf -P names submission/inet, which master.cf does not define; ignored']);
    assert.equal(postfix(configs).masterCf, null);
  });
});

describe('assembleInstances: link edits', () => {
  const WEAK = 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks\n';

  it('COPY of a plain repository file: judged with spans on that file', () => {
    const plain = new Map([['files/main.cf', { path: 'files/main.cf', text: WEAK, role: 'main.cf' as const }]]);
    const configs = assembleInstances([extraction(link(4, 'main.cf', 'files/main.cf'), set(6, 'myhostname=mx'))], plain);
    assert.deepEqual(rows(judge(configs)), [['stig-postfix-relay', 'files/main.cf', 2, 29, 'definite']]);
    assert.deepEqual(configs[0]?.files, ['Dockerfile', 'files/main.cf']);
    assert.equal((configs[0] as PostfixConfiguration).overlay, undefined);
  });

  it('an Ansible template link renders the Jinja2 template with its role defaults', () => {
    const repo = memoryRepository({
      'roles/mail/templates/main.cf.j2': 'inet_interfaces = all\nsmtpd_client_restrictions = {{ restrictions }}\n',
      'roles/mail/defaults/main.yml': 'restrictions: permit_mynetworks, permit\n',
    });
    const o = { file: 'roles/mail/tasks/main.yml', form: 'ansible' as const, key: { scope: 'roles/mail', directory: '/etc/postfix' } };
    const configs = assembleInstances([extraction(link(3, 'main.cf', 'roles/mail/templates/main.cf.j2', o))], new Map(), { repo });
    assert.deepEqual(rows(judge(configs)), [['stig-postfix-relay', 'roles/mail/templates/main.cf.j2', 2, 29, 'definite']]);
    assert.equal(configs[0]?.form, 'ansible');
    assert.deepEqual(configs[0]?.files, ['roles/mail/tasks/main.yml', 'roles/mail/templates/main.cf.j2']);
  });

  it('a link to a file that cannot be read is a note, not a pass on invented content', () => {
    const notes: string[] = [];
    const configs = assembleInstances([extraction(link(4, 'main.cf', 'files/missing.cf'), set(5, 'inet_interfaces=all'))], new Map(), { notes });
    assert.deepEqual(notes, ['Dockerfile line 4: files/missing.cf is copied to main.cf but cannot be read; its content is not judged']);
    assert.equal(configs.length, 1);
  });
});

describe('assembleInstances: edits on an unknown base', () => {
  it('postconf -e inet_interfaces=all on RHEL: a finding naming the assumed base', () => {
    const configs = instances(baseEdit(1, 'rhel', 'FROM rockylinux:9'), set(3, 'inet_interfaces=all'));
    const config = postfix(configs);
    assert.deepEqual(config.overlay, {
      base: 'rhel',
      touched: ['inet_interfaces'],
      assumed: "the RHEL family's packaged main.cf, assumed because of FROM rockylinux:9 at Dockerfile line 1",
    });
    assert.deepEqual(
      config.mainCf?.parameters.map((p) => [p.name, p.value, p.assumed ?? null]),
      [
        ['inet_interfaces', 'localhost', "the RHEL family's packaged main.cf, assumed because of FROM rockylinux:9 at Dockerfile line 1"],
        ['inet_interfaces', 'all', null],
      ],
    );
    const results = judge(configs);
    assert.deepEqual(rows(results), [['stig-postfix-relay', 'Dockerfile', 3, 18, 'definite']]);
    assert.equal(
      results[0]?.message,
      'smtpd on *:smtp (inet_interfaces = all, Dockerfile line 3) accepts mail from any host and smtpd_client_restrictions is missing ' +
        "(Postfix's default is empty), so no client is rejected. (Judged over the RHEL family's packaged main.cf, assumed because of FROM rockylinux:9 at Dockerfile line 1.)",
    );
  });

  it('RHEL base alone keeps smtpd on localhost: client restrictions set weakly are not a GEN004710 finding', () => {
    assert.deepEqual(rows(judge(instances(baseEdit(1, 'rhel', 'FROM rockylinux:9'), set(3, 'smtpd_client_restrictions=permit_mynetworks')))), []);
  });

  it('Debian base: restrictions without reject are a finding (inet_interfaces = all comes from the packaged main.cf)', () => {
    const results = judge(instances(baseEdit(1, 'debian', 'FROM debian:12'), set(3, 'smtpd_client_restrictions=permit_mynetworks')));
    assert.deepEqual(rows(results), [['stig-postfix-relay', 'Dockerfile', 3, 44, 'definite']]);
    assert.match(results[0]?.message ?? '', /inet_interfaces = all, Dockerfile line 1/);
  });

  it('no base evidence: Postfix built-in defaults, said so', () => {
    const results = judge(instances(set(3, 'inet_interfaces=all')));
    assert.deepEqual(rows(results), [['stig-postfix-relay', 'Dockerfile', 3, 18, 'definite']]);
    assert.match(results[0]?.message ?? '', /\(Judged over Postfix's built-in defaults, assumed because nothing in the repository says which distribution this is\.\)$/);
  });

  it('postconf -e myhostname=x alone is not a finding, whatever the base', () => {
    for (const evidence of [[], [baseEdit(1, 'debian', 'FROM debian:12')], [baseEdit(1, 'rhel', 'FROM fedora:40')]]) {
      const configs = instances(...evidence, set(3, 'myhostname=x'));
      assert.deepEqual(postfix(configs).overlay?.touched, ['myhostname']);
      assert.deepEqual(rows(judge(configs)), []);
    }
  });

  it('base evidence alone (apt-get install postfix) is no instance', () => {
    assert.deepEqual(instances(baseEdit(1, 'debian', 'apt-get install postfix')), []);
  });
});

describe('assembleInstances: maybe edits', () => {
  it('a set under an undecided condition makes its value unknown: indeterminate, not a pass', () => {
    const configs = instances(write('main.cf', 2, 'inet_interfaces = all'), set(5, 'smtpd_client_restrictions=permit_mynetworks,reject', { maybe: true }));
    assert.deepEqual(rows(judge(configs)), [['stig-postfix-relay', 'Dockerfile', 5, 44, 'indeterminate']]);
  });

  it('a maybe unset leaves the earlier definition unknown', () => {
    const configs = instances(write('main.cf', 2, OPEN), unset(5, 'smtpd_client_restrictions', { maybe: true }));
    assert.deepEqual(rows(judge(configs)), [['stig-postfix-relay', 'Dockerfile', 3, 29, 'indeterminate']]);
  });
});

describe('assembleInstances: grouping and sendmail', () => {
  it('edits of different scopes are different instances; Postfix and sendmail edits of one scope are separate configurations', () => {
    const other = { key: { scope: 'scripts/setup.sh', directory: '/etc/postfix' }, file: 'scripts/setup.sh', form: 'shell' as const };
    const mc = "divert(0)dnl\nOSTYPE(`linux')dnl\nFEATURE(`promiscuous_relay')dnl\nMAILER(`smtp')dnl\n";
    const configs = assembleInstances(
      [extraction(set(2, 'inet_interfaces=all'), write('sendmail.mc', 10, mc)), extraction(set(3, 'myhostname=x', other))],
      new Map(),
    );
    assert.deepEqual(
      configs.map((c) => [c.mta, c.form, c.files.join(',')]),
      [
        ['postfix', 'dockerfile', 'Dockerfile'],
        ['sendmail', 'dockerfile', 'Dockerfile'],
        ['postfix', 'shell', 'scripts/setup.sh'],
      ],
    );
    assert.deepEqual(rows(judge(configs.slice(1, 2))), [['stig-sendmail-relay', 'Dockerfile', 12, 1, 'definite']]);
  });

  it('text appended to a .mc written in the same file is one .mc, spans on each part', () => {
    const configs = instances(write('sendmail.mc', 3, "divert(0)dnl\nOSTYPE(`linux')dnl"), append('sendmail.mc', 9, "FEATURE(`promiscuous_relay')dnl\nMAILER(`smtp')dnl"));
    assert.deepEqual(rows(judge(configs)), [['stig-sendmail-relay', 'Dockerfile', 9, 1, 'definite']]);
  });
});
