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
  it('a set after a write wins (postconf -e rewrites the definition where it stands); a write after a set resets main.cf', () => {
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

  it('set-if-present on a main.cf relaygate cannot see is a maybe: its value is unknown; on a recognised base it applies to what the packaged file has', () => {
    const debian = postfix(instances(baseEdit(1, 'debian', 'FROM debian:12'), setIfPresent(4, 'smtpd_client_restrictions=permit_mynetworks,reject')));
    assert.deepEqual(debian.mainCf?.parameters.map((p) => p.name), ['compatibility_level', 'smtpd_relay_restrictions', 'mynetworks', 'inet_interfaces']);
    const config = postfix(instances(setIfPresent(4, 'smtpd_client_restrictions=permit_mynetworks,reject')));
    const last = config.mainCf?.parameters.at(-1);
    assert.equal(last?.value, `${UNKNOWN_MARK}permit_mynetworks,reject`);
    assert.deepEqual(rows(judge([config])), [['stig-postfix-relay', 'Dockerfile', 4, 44, 'indeterminate']]);
  });

  it("set-if-present on a recognised base's packaged main.cf: applied only to what the package defines", () => {
    // Debian's packaged main.cf has no smtpd_client_restrictions line: the substitution changes nothing.
    const absent = postfix(instances(baseEdit(1, 'debian', 'FROM debian:12'), setIfPresent(4, 'smtpd_client_restrictions=permit_mynetworks,reject')));
    assert.deepEqual(rows(judge([absent])), [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']]);
    // It has inet_interfaces = all: the substitution applies, definitely.
    const present = postfix(instances(baseEdit(1, 'debian', 'FROM debian:12'), setIfPresent(4, 'inet_interfaces=loopback-only')));
    assert.deepEqual(present.mainCf?.parameters.at(-1)?.value, 'loopback-only');
    assert.deepEqual(rows(judge([present])), []);
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
    assert.match(results[0]?.message ?? '', /\(Judged over the Debian family's packaged main\.cf \(debconf "Internet Site"\), recognised from FROM debian:12 at Dockerfile line 1\.\)$/);
    // A service Debian's packaged master.cf has only commented out: nothing changes, a note says so.
    const notes: string[] = [];
    const debian = assembleInstances([extraction(baseEdit(1, 'debian', 'FROM debian:12'), masterSet(5, 'submission', 'inet', 'smtpd_client_restrictions', 'permit'))], new Map(), { notes });
    assert.deepEqual(notes, ['Dockerfile line 5: postconf names submission/inet, which master.cf does not define; ignored']);
    // The packaged main.cf is judged in full: every address, no client restrictions.
    assert.deepEqual(rows(judge(debian)), [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']]);
    // On a base relaygate does not know, the service may exist: an smtpd on an unknown host with that override.
    const unknown = postfix(assembleInstances([extraction(masterSet(5, 'submission', 'inet', 'smtpd_client_restrictions', 'permit'))], new Map(), { notes: [] }));
    assert.deepEqual(unknown.masterCf?.services.map((s) => [s.name, s.overrides.map((o) => `${o.name}=${o.value}`)]), [
      ['smtp', []],
      [`${UNKNOWN_MARK}:submission`, ['smtpd_client_restrictions=permit']],
    ]);
    // The stock smtp service over a main.cf relaygate does not know (where it listens is unknown), and the service that may exist.
    assert.deepEqual(rows(judge([unknown])), [
      ['stig-postfix-relay', 'Dockerfile', 1, 1, 'indeterminate'],
      ['stig-postfix-relay', 'Dockerfile', 5, 1, 'indeterminate'],
    ]);
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

describe('assembleInstances: edits over a main.cf the repository does not hold', () => {
  it('postconf -e inet_interfaces=all on RHEL: judged over the packaged main.cf, which the message names', () => {
    const configs = instances(baseEdit(1, 'rhel', 'FROM rockylinux:9'), set(3, 'inet_interfaces=all'));
    const config = postfix(configs);
    const assumed = "the RHEL family's packaged main.cf, recognised from FROM rockylinux:9 at Dockerfile line 1";
    assert.deepEqual(config.overlay, { base: 'rhel', touched: ['inet_interfaces'], assumed, span: { file: 'Dockerfile', line: 1, column: 1, endLine: 1, endColumn: 19 } });
    // postconf -e rewrites the packaged definition where it stands.
    assert.deepEqual(
      config.mainCf?.parameters.map((p) => [p.name, p.value, p.assumed ?? null]),
      [
        ['compatibility_level', '2', assumed],
        ['inet_interfaces', 'all', null],
        ['inet_protocols', 'all', assumed],
      ],
    );
    const results = judge(configs);
    assert.deepEqual(rows(results), [['stig-postfix-relay', 'Dockerfile', 3, 18, 'definite']]);
    assert.equal(
      results[0]?.message,
      'smtpd on *:smtp (inet_interfaces = all, Dockerfile line 3) accepts mail from any host and smtpd_client_restrictions is missing ' +
        `(Postfix's default is empty), so no client is rejected. (Judged over ${assumed}.)`,
    );
  });

  // Each row: the edits, then the findings under GEN004710 and under RHEL 8 (rule, file, line, column, certainty).
  const cases: { name: string; edits: Edit[]; gen: unknown[]; rhel8: unknown[] }[] = [
    {
      name: 'Debian base, only myhostname set: the packaged inet_interfaces = all and no client restrictions (at the FROM line)',
      edits: [baseEdit(1, 'debian', 'FROM debian:12'), set(3, 'myhostname=x')],
      gen: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
      rhel8: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
    },
    {
      name: 'RHEL base, only myhostname set: smtpd on localhost passes GEN004710; RHEL 8 requires the restrictions anyway',
      edits: [baseEdit(1, 'rhel', 'FROM rockylinux:9'), set(3, 'myhostname=x')],
      gen: [],
      rhel8: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
    },
    {
      name: 'RHEL base with weak client restrictions: loopback only under GEN004710, a finding under RHEL 8',
      edits: [baseEdit(1, 'rhel', 'FROM rockylinux:9'), set(3, 'smtpd_client_restrictions=permit_mynetworks')],
      gen: [],
      rhel8: [['stig-postfix-relay', 'Dockerfile', 3, 44, 'definite']],
    },
    {
      name: 'Debian base: restrictions without reject are a finding at their value',
      edits: [baseEdit(1, 'debian', 'FROM debian:12'), set(3, 'smtpd_client_restrictions=permit_mynetworks')],
      gen: [['stig-postfix-relay', 'Dockerfile', 3, 44, 'definite']],
      rhel8: [['stig-postfix-relay', 'Dockerfile', 3, 44, 'definite']],
    },
    {
      name: 'Alpine base: upstream main.cf leaves inet_interfaces to the default all',
      edits: [baseEdit(1, 'alpine', 'FROM alpine:3.20'), set(3, 'myhostname=x')],
      gen: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
      rhel8: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
    },
    {
      name: 'Debian preseeded "Satellite system": loopback-only, no GEN004710 finding',
      edits: [baseEdit(1, 'debian', 'FROM debian:12'), baseEdit(2, 'debian', 'debconf', { mailerType: 'Satellite system' }), set(3, 'myhostname=x')],
      gen: [],
      rhel8: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
    },
    {
      name: 'Debian preseeded "No configuration": the edits create main.cf, Postfix\'s built-in defaults apply',
      edits: [baseEdit(1, 'debian', 'FROM debian:12'), baseEdit(2, 'debian', 'debconf', { mailerType: 'No configuration' }), set(3, 'myhostname=x')],
      gen: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
      rhel8: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
    },
    {
      name: 'no base: inet_interfaces unknown, so an empty smtpd_client_restrictions is indeterminate',
      edits: [set(3, 'myhostname=x')],
      gen: [['stig-postfix-relay', 'Dockerfile', 3, 18, 'indeterminate']],
      rhel8: [['stig-postfix-relay', 'Dockerfile', 3, 18, 'definite']],
    },
    {
      name: 'no base, inet_interfaces = all set: smtpd_client_restrictions is empty (no distribution sets it): definite',
      edits: [set(3, 'inet_interfaces=all')],
      gen: [['stig-postfix-relay', 'Dockerfile', 3, 18, 'definite']],
      rhel8: [['stig-postfix-relay', 'Dockerfile', 3, 18, 'definite']],
    },
    {
      name: 'no base, restrictions end in reject: a pass whatever the rest is',
      edits: [set(3, 'smtpd_client_restrictions=permit_mynetworks,reject')],
      gen: [],
      rhel8: [],
    },
    {
      name: 'no base, loopback-only set: nothing listens beyond loopback',
      edits: [set(3, 'inet_interfaces=loopback-only')],
      gen: [],
      rhel8: [['stig-postfix-relay', 'Dockerfile', 3, 18, 'definite']],
    },
    {
      name: 'SUSE: recognised, but its packaged values are not measured: judged as an unknown base',
      edits: [baseEdit(1, 'suse', 'zypper install postfix'), set(3, 'myhostname=x')],
      gen: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'indeterminate']],
      rhel8: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
    },
    {
      name: 'Debian and RHEL installs in one role: inet_interfaces differs between them, so it is unknown',
      edits: [baseEdit(1, 'debian', 'apt: postfix'), baseEdit(2, 'rhel', 'dnf: postfix'), set(3, 'myhostname=x')],
      gen: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'indeterminate']],
      rhel8: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const configs = instances(...c.edits);
      assert.deepEqual(rows(judge(configs)), c.gen, 'gen004710');
      assert.deepEqual(rows(judge(configs, PROFILES.rhel8)), c.rhel8, 'rhel8');
    });
  }

  it('the message names the base and the line it was recognised from', () => {
    const [debian] = judge(instances(baseEdit(1, 'debian', 'FROM debian:12'), set(3, 'myhostname=x')));
    assert.equal(
      debian?.message,
      'smtpd on *:smtp (inet_interfaces = all, Dockerfile line 1) accepts mail from any host and smtpd_client_restrictions is missing ' +
        '(Postfix\'s default is empty), so no client is rejected. (Judged over the Debian family\'s packaged main.cf (debconf "Internet Site"), recognised from FROM debian:12 at Dockerfile line 1.)',
    );
    const [unknown] = judge(instances(set(3, 'myhostname=x')));
    assert.equal(
      unknown?.message,
      'smtpd on *:smtp (inet_interfaces not set here: the rest of main.cf is unknown (no distribution recognised)) may accept mail from other hosts and ' +
        'smtpd_client_restrictions is missing (Postfix\'s default is empty), so no client is rejected. (Judged over a main.cf relaygate does not know: ' +
        'nothing in the repository says which distribution this is, so the parameters the edits leave alone are unknown, except smtpd_client_restrictions, ' +
        'which no distribution\'s packaged main.cf sets.)',
    );
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

  it('a set under an undecided condition to the value the name has already changes nothing: still definite', () => {
    const same = instances(write('main.cf', 2, 'inet_interfaces = all'), set(5, 'inet_interfaces=all', { maybe: true }));
    assert.deepEqual(rows(judge(same)), [['stig-postfix-relay', 'Dockerfile', 2, 1, 'definite']]);
    // Another value keeps it unknown.
    const other = instances(write('main.cf', 2, 'inet_interfaces = all'), set(5, 'inet_interfaces=loopback-only', { maybe: true }));
    assert.deepEqual(rows(judge(other)), [['stig-postfix-relay', 'Dockerfile', 2, 1, 'indeterminate']]);
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
