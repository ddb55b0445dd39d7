import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNKNOWN_MARK, type SourceFile } from '../../src/model/source.js';
import { assembleExim } from '../../src/mta/exim/index.js';
import { rule as configUnreadable } from '../../src/rules/config-unreadable.js';
import { rule } from '../../src/rules/exim-open-relay.js';
import { PROFILE_IDS, PROFILES } from '../../src/rules/profiles.js';

function check(files: SourceFile[], profile = PROFILES.gen004710) {
  return assembleExim(files).flatMap((c) => rule.check(c, { profile }));
}

/** [file:line:column-endColumn, certainty] of each finding. */
function where(text: string, path = 'exim/exim.conf'): string[] {
  return check([{ path, text }]).map((r) => `${r.span.file}:${r.span.line}:${r.span.column}-${r.span.endColumn} ${r.certainty}`);
}

const RCPT = 'acl_smtp_rcpt = acl_check_rcpt\nbegin acl\nacl_check_rcpt:\n';
/** An accept on the sender before the relay check, then our own domains only (the shape of a Debian-derived ACL). */
const SENDERS = (senders: string) =>
  `domainlist local_domains = example.org\nhostlist relay_from_hosts = 127.0.0.1\n${RCPT}  accept  hosts = :\n  accept  senders = ${senders}\n  accept  hosts = +relay_from_hosts\n  require domains = +local_domains\n  accept\n`;
const RELAY = (hosts: string) => `hostlist relay_from_hosts = ${hosts}\n${RCPT}  accept hosts = +relay_from_hosts\n  deny message = relay not permitted\n`;

describe('exim-open-relay: not a finding', () => {
  const cases: [string, string][] = [
    ['own networks only', RELAY('127.0.0.1 : 10.0.0.0/8')],
    ['acl_smtp_rcpt unset (every recipient refused)', 'hostlist relay_from_hosts = 0.0.0.0/0\n'],
    ['loopback listeners only', `local_interfaces = <; 127.0.0.1 ; ::1\n${RELAY('0.0.0.0/0')}`],
    ['loopback with ports, colon list (IPv6 colons doubled)', `local_interfaces = 127.0.0.1.25 : ::::1.25\n${RELAY('*')}`],
    ['loopback with ports, <; list', `local_interfaces = <; [::1]:25 ; 127.0.0.1\n${RELAY('*')}`],
    ['::0/0 in a colon list is not the IPv6 world', RELAY('::0/0')],
    ['0/0 is not an address', RELAY('0/0')],
    ['a host name', RELAY('mx.example.org')],
    ['require before the accept', `${RCPT}  require domains = example.org\n  accept\n`],
    ['accept only authenticated clients', `${RCPT}  accept authenticated = *\n`],
    ['accept our domains only', `domainlist local_domains = example.org\n${RCPT}  accept domains = +local_domains\n`],
    ['a connect ACL that refuses everyone', `acl_smtp_connect = deny\n${RCPT}  accept\n`],
    ['host_reject_connection = *', `host_reject_connection = *\n${RCPT}  accept\n`],
    ['the unconditional accept is commented out', `${RCPT}#  accept\n  deny\n`],
    ['deny every foreign domain first', `domainlist local_domains = example.org\n${RCPT}  deny !domains = +local_domains\n  accept\n`],
    ['an exact-key lookup cannot hold every domain', `domainlist relay_to_domains = lsearch;/etc/exim/relay_domains\n${RCPT}  accept domains = +relay_to_domains\n`],
  ];
  for (const [name, text] of cases) {
    it(name, () => assert.deepEqual(where(text), []));
  }
  it('update-exim4.conf.conf of a fresh Debian install', () => {
    const conf = "dc_eximconfig_configtype='local'\ndc_other_hostnames='mx'\ndc_local_interfaces='127.0.0.1 ; ::1'\ndc_readhost=''\ndc_relay_domains=''\ndc_minimaldns='false'\ndc_relay_nets=''\ndc_smarthost=''\nCFILEMODE='644'\ndc_use_split_config='false'\ndc_hide_mailname=''\ndc_mailname_in_oh='true'\ndc_localdelivery='mail_spool'\n";
    assert.deepEqual(where(conf, 'etc/exim4/update-exim4.conf.conf'), []);
  });
  it('internet site relaying only for its LAN', () => {
    assert.deepEqual(where("dc_eximconfig_configtype='internet'\ndc_local_interfaces=''\ndc_relay_nets='192.168.0.0/16'\n", 'etc/exim4/update-exim4.conf.conf'), []);
  });
  it('dc_eximconfig_configtype none: the settings are not used', () => {
    assert.deepEqual(where("dc_eximconfig_configtype='none'\ndc_relay_nets='0.0.0.0/0'\n", 'etc/exim4/update-exim4.conf.conf'), []);
  });
});

describe('exim-open-relay: findings, where they point and how sure', () => {
  const cases: [string, string, string[], string?][] = [
    ['relay_from_hosts = 0.0.0.0/0 (at the item)', RELAY('10.0.0.0/8 : 0.0.0.0/0'), ['exim/exim.conf:1:42-51 definite']],
    ['relay_from_hosts = *', RELAY('*'), ['exim/exim.conf:1:29-30 definite']],
    ['<; ::0/0', RELAY('<; 127.0.0.1 ; ::0/0'), ['exim/exim.conf:1:44-49 definite']],
    ['::::0/0 in a colon list', RELAY('127.0.0.1 : ::::0/0'), ['exim/exim.conf:1:41-48 definite']],
    ['a list ending in a negated item', RELAY('!10.0.0.0/8'), ['exim/exim.conf:1:29-40 definite']],
    ['an unconditional accept (at the verb)', `${RCPT}  warn message = x\n  accept\n`, ['exim/exim.conf:5:3-9 definite']],
    ['inline acl_smtp_rcpt = accept', 'acl_smtp_rcpt = accept\n', ['exim/exim.conf:1:17-23 definite']],
    ['the world behind a macro points at the macro definition', `NETS = 0.0.0.0/0\n${RELAY('NETS')}`, ['exim/exim.conf:1:8-17 definite']],
    ['continued list: the item on the next line', `hostlist relay_from_hosts = 10.0.0.0/8 : \\\n     0.0.0.0/0\n${RCPT}  accept hosts = +relay_from_hosts\n`, ['exim/exim.conf:2:6-15 definite']],
    ['relay_to_domains = * (postmaster first, like Debian)', `domainlist relay_to_domains = *\n${RCPT}  accept local_parts = postmaster\n         domains = +relay_to_domains\n`, ['exim/exim.conf:1:31-32 definite']],
    ['a public listener among loopback ones', `local_interfaces = 127.0.0.1 : 192.0.2.1\n${RELAY('*')}`, ['exim/exim.conf:2:29-30 definite']],
    ['# in the middle of a line is not a comment', `${RCPT}  accept # hosts = 10.0.0.0/8\n`.replace('accept # hosts', 'accept hosts = * # 10.0.0.0/8 :'), []],
    ['a net lookup may hold the world: indeterminate, at the lookup', RELAY('net-lsearch;/etc/exim/relay_hosts'), ['exim/exim.conf:1:29-62 indeterminate']],
    ['an expansion: indeterminate', RELAY('${lookup{x}lsearch{/etc/x}}'), ['exim/exim.conf:1:29-56 indeterminate']],
    ['an unreadable include in the ACL', `${RCPT}  .include /etc/exim/acl.conf\n  accept hosts = 10.0.0.0/8\n`, ['exim/exim.conf:4:1-30 indeterminate']],
    ['an undecided .ifdef around the deny (at the deny)', `${RCPT}.ifdef _HAVE_TLS\n  deny\n.endif\n  accept\n`, ['exim/exim.conf:5:3-7 indeterminate']],
    ['an IPv6 listener written with single colons: Exim would not start', `local_interfaces = 127.0.0.1 : [::1]:25\n${RELAY('*')}`, ['exim/exim.conf:2:29-30 indeterminate']],
    ['a template value in local_interfaces', `local_interfaces = ${UNKNOWN_MARK}\n${RELAY('*')}`, ['exim/exim.conf:2:29-30 indeterminate']],
    // Lists whose items are in a file relaygate does not have: the file may hold the sender or host the client picks, or nothing.
    ['senders = @@lsearch;FILE (local parts looked up by domain): indeterminate, at the item', SENDERS('@@lsearch;/etc/exim4/good_senders'), ['exim/exim.conf:7:21-54 indeterminate']],
    ['senders = *@lsearch;FILE (the domain looked up)', SENDERS('*@lsearch;/etc/exim4/sender_domains'), ['exim/exim.conf:7:21-56 indeterminate']],
    ['senders = lsearch*@;FILE (the whole address, *@domain default)', SENDERS('lsearch*@;/etc/exim4/senders'), ['exim/exim.conf:7:21-49 indeterminate']],
    ['senders = /FILE (a file of address patterns)', SENDERS('/etc/exim4/senders'), ['exim/exim.conf:7:21-39 indeterminate']],
    ['senders = *@/FILE (a file of domain patterns)', SENDERS('*@/etc/exim4/sender_domains'), ['exim/exim.conf:7:21-48 indeterminate']],
    ['senders = !@@lsearch;FILE at the end: every other sender matches', SENDERS('!@@lsearch;/etc/exim4/bad_senders'), ['exim/exim.conf:7:3-9 definite']],
    ['relay_from_hosts = /FILE (a file of host patterns)', RELAY('/etc/exim/relay_hosts'), ['exim/exim.conf:1:29-50 indeterminate']],
    ['relay_to_domains = /FILE (a file of domain patterns)', `domainlist relay_to_domains = /etc/exim/relay_domains\n${RCPT}  accept domains = +relay_to_domains\n`, ['exim/exim.conf:1:31-54 indeterminate']],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(where(text), expected));

  it('message, fix, level, related', () => {
    const [r] = check([{ path: 'exim/exim.conf', text: RELAY('10.0.0.0/8 : 0.0.0.0/0') }]);
    assert.ok(r);
    assert.equal(r.ruleId, 'exim-open-relay');
    assert.equal(r.level, 'error');
    assert.equal(r.mta, 'exim');
    assert.deepEqual(r.ids, []);
    assert.equal(
      r.message,
      'Exim listens on every address (local_interfaces is not set), and accepts mail for any domain from any host: the RCPT ACL acl_check_rcpt reaches "accept hosts = +relay_from_hosts" at exim/exim.conf:5, where "0.0.0.0/0" matches every host (exim/exim.conf:1).',
    );
    assert.equal(r.fix, 'Replace "0.0.0.0/0" (exim/exim.conf:1) with the networks you relay for, or bind local_interfaces to 127.0.0.1 and ::1.');
    assert.deepEqual(r.related, [{ file: 'exim/exim.conf', line: 5, column: 3, message: 'the accept statement (ACL acl_check_rcpt)' }]);
  });

  it('a sender lookup: the message names the lookup the verdict depends on', () => {
    const [r] = check([{ path: 'exim/exim.conf', text: SENDERS('@@lsearch;/etc/exim4/good_senders') }]);
    assert.ok(r);
    assert.match(r.message, /reaches "accept senders = @@lsearch;\/etc\/exim4\/good_senders" at exim\/exim.conf:7; that depends on what relaygate could not read \(a lookup \(@@lsearch;\/etc\/exim4\/good_senders\) of the local parts allowed for each domain/);
  });

  it('is on under every profile', () => {
    for (const id of PROFILE_IDS) assert.equal(check([{ path: 'exim.conf', text: 'acl_smtp_rcpt = accept\n' }], PROFILES[id]).length, 1, id);
  });

  it('a configuration Exim refuses is config-unreadable, not judged', () => {
    const [config] = assembleExim([{ path: 'exim.conf', text: 'acl_smtp_rcpt = accept\nrelay_everything = yes\n' }]);
    assert.ok(config);
    assert.deepEqual(rule.check(config, { profile: PROFILES.gen004710 }), []);
    assert.deepEqual(
      configUnreadable.check(config, { profile: PROFILES.gen004710 }).map((r) => [r.span.line, r.message]),
      [[2, 'exim.conf cannot be judged: line 2, column 1: main option "relay_everything" unknown.']],
    );
  });
});

describe('exim-open-relay: recipient verification and routers', () => {
  const ACCEPT_VERIFIED = `${RCPT}  accept hosts = 10.0.0.0/8\n  require verify = recipient\n  accept\n`;
  it('a verified recipient is enough when a router takes foreign domains: open', () => {
    assert.deepEqual(where(`${ACCEPT_VERIFIED}begin routers\ndnslookup:\n  driver = dnslookup\n  domains = ! +local_domains\n`.replace(RCPT, `domainlist local_domains = example.org\n${RCPT}`)), ['exim/exim.conf:7:3-9 definite']);
  });
  it('without a router for foreign domains, their recipients do not verify', () => {
    assert.deepEqual(where(`${ACCEPT_VERIFIED}begin routers\nlocal:\n  driver = accept\n  domains = example.org\n`), []);
    assert.deepEqual(where(ACCEPT_VERIFIED), []);
  });
  it('routers in a file relaygate cannot read: indeterminate', () => {
    assert.deepEqual(where(`${ACCEPT_VERIFIED}begin routers\n.include /etc/exim/routers.conf\n`), ['exim/exim.conf:5:11-29 indeterminate']);
  });
  it('an absolute include of a file beside it, in a folder of the same name, is read (ADD exim/ /etc/exim/)', () => {
    const text = `${ACCEPT_VERIFIED}begin routers\n.include /etc/exim/routers.conf\n`;
    const read = (p: string) => (p === 'exim/routers.conf' ? 'remote:\n  driver = dnslookup\n' : undefined);
    const configs = assembleExim([{ path: 'exim/exim.conf', text }], read);
    assert.deepEqual(configs.map((c) => c.files), [['exim/exim.conf', 'exim/routers.conf']]);
    assert.deepEqual(configs.flatMap((c) => rule.check(c, { profile: PROFILES.gen004710 })).map((r) => `${r.span.line} ${r.certainty}`), ['6 definite']);
  });
});

describe('exim-open-relay: Debian', () => {
  const conf = (lines: string) => ({ path: 'etc/exim4/update-exim4.conf.conf', text: `dc_eximconfig_configtype='internet'\n${lines}` });
  it('dc_relay_nets of the world: at the value, with the Debian fix', () => {
    const [r] = check([conf("dc_local_interfaces=''\ndc_relay_nets='0.0.0.0/0'\n")]);
    assert.ok(r);
    assert.deepEqual([r.span.line, r.span.column, r.span.endColumn, r.certainty], [3, 16, 25, 'definite']);
    assert.match(r.message, /^Exim listens on every address \(dc_local_interfaces is empty\), and accepts mail for any domain from any host: the RCPT ACL acl_check_rcpt reaches "accept hosts = \+relay_from_hosts" in Debian's packaged configuration/);
    assert.match(r.fix, /^In etc\/exim4\/update-exim4.conf.conf, list only your own networks in dc_relay_nets/);
  });
  it("dc_relay_domains='*'", () => {
    assert.deepEqual(check([conf("dc_relay_domains='*'\n")]).map((r) => [r.span.line, r.span.column, r.certainty]), [[2, 19, 'definite']]);
  });
  it('semicolons: update-exim4.conf makes a <; list', () => {
    assert.deepEqual(check([conf("dc_relay_nets='10.0.0.0/8 ; ::0/0'\n")]).map((r) => [r.span.line, r.span.column, r.span.endColumn]), [[2, 29, 34]]);
  });
  it('an indented assignment: the value after name= (the shell skips the blanks before it)', () => {
    const found = check([conf("dc_local_interfaces=''\n  dc_relay_nets='0.0.0.0/0'\n")]);
    assert.deepEqual(found.map((r) => [r.span.line, r.span.column, r.span.endColumn, r.certainty]), [[3, 18, 27, 'definite']]);
  });
  it('a backslash-newline in double quotes or unquoted joins the lines (sh line continuation); the item on the next line', () => {
    const quoted = check([conf('dc_local_interfaces=\'\'\ndc_relay_nets="10.0.0.0/8 ; \\\n0.0.0.0/0"\n')]);
    assert.deepEqual(quoted.map((r) => [r.span.line, r.span.column, r.span.endColumn, r.certainty]), [[4, 1, 10, 'definite']]);
    const bare = check([conf("dc_local_interfaces=''\ndc_relay_nets=10.0.0.0/8:\\\n0.0.0.0/0\n")]);
    assert.deepEqual(bare.map((r) => [r.span.line, r.span.column, r.span.endColumn, r.certainty]), [[4, 1, 10, 'definite']]);
  });
  it('dc_local_interfaces on loopback: not exposed', () => {
    assert.deepEqual(check([conf("dc_local_interfaces='127.0.0.1 ; ::1'\ndc_relay_nets='0.0.0.0/0'\n")]), []);
  });
  it('shell code after the setting makes it unknown', () => {
    // The type of configuration is unknown too: the finding points at it.
    assert.deepEqual(check([conf("dc_relay_nets='10.0.0.0/8'\n. /etc/exim4/more.conf\n")]).map((r) => [r.span.line, r.certainty]), [[1, 'indeterminate']]);
  });
  it('an exim4.conf.template beside update-exim4.conf.conf is what update-exim4.conf uses', () => {
    const template = 'UPEX4CmacrosUPEX4C = 1\nhostlist relay_from_hosts = MAIN_RELAY_NETS\nacl_smtp_rcpt = r\nbegin acl\nr:\n  accept hosts = +relay_from_hosts\n';
    const found = check([conf("dc_relay_nets='*'\n"), { path: 'etc/exim4/exim4.conf.template', text: template }]);
    assert.deepEqual(found.map((r) => `${r.span.file}:${r.span.line}:${r.span.column} ${r.certainty}`), ['etc/exim4/update-exim4.conf.conf:2:16 definite']);
  });
  it('a template without update-exim4.conf.conf: its macros are unknown', () => {
    const template = 'UPEX4CmacrosUPEX4C = 1\nhostlist relay_from_hosts = MAIN_RELAY_NETS\nacl_smtp_rcpt = r\nbegin acl\nr:\n  accept hosts = +relay_from_hosts\n';
    assert.deepEqual(where(template, 'etc/exim4/exim4.conf.template'), ['etc/exim4/exim4.conf.template:2:29-30 indeterminate']);
  });
  it('split conf.d parts are read in update-exim4.conf order, not path order', () => {
    const files: SourceFile[] = [
      conf("dc_use_split_config='true'\n"),
      { path: 'etc/exim4/conf.d/acl/00_header', text: 'begin acl\n' },
      { path: 'etc/exim4/conf.d/acl/30_rcpt', text: 'acl_check_rcpt:\n  accept hosts = 0.0.0.0/0\n' },
      { path: 'etc/exim4/conf.d/main/01_options', text: 'acl_smtp_rcpt = acl_check_rcpt\n' },
      { path: 'etc/exim4/conf.d/main/02_ignored.dpkg-dist', text: 'qualify_domain = x\nqualify_domain = y\n' },
    ];
    assert.deepEqual(check(files).map((r) => `${r.span.file}:${r.span.line}:${r.span.column} ${r.certainty}`), ['etc/exim4/conf.d/acl/30_rcpt:2:18 definite']);
  });
  it('a Debian folder with exim4.conf runs that file only', () => {
    const files: SourceFile[] = [conf("dc_relay_nets='*'\n"), { path: 'etc/exim4/exim4.conf', text: 'acl_smtp_rcpt = deny\n' }];
    assert.deepEqual(check(files), []);
  });
});
