import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleResult } from '../../../src/model/finding.js';
import { UNKNOWN_MARK } from '../../../src/model/source.js';
import type { Configuration } from '../../../src/mta/configuration.js';
import type { PostfixConfiguration } from '../../../src/mta/postfix/model.js';
import { rule as postfixRelay } from '../../../src/rules/stig-postfix-relay.js';
import { PROFILES } from '../../../src/rules/profiles.js';
import { memoryRepository } from '../../../src/sources/contracts/repository.js';
import { dockerfile } from '../../../src/sources/ecosystems/docker/dockerfile.js';
import { shellScript } from '../../../src/sources/ecosystems/shell-scripts/scripts.js';
import { assembleInstances } from '../../../src/sources/replay/instances.js';

function configurations(path: string, text: string, files: Record<string, string> = {}, notes: string[] = []): Configuration[] {
  const repo = memoryRepository({ [path]: text, ...files });
  const format = path.endsWith('Dockerfile') ? dockerfile : shellScript;
  const plain = new Map(Object.entries(files).map(([p, t]) => [p, { path: p, text: t }]));
  return assembleInstances([format.extract({ path, text }, repo)], plain, { notes });
}

function judge(configs: Configuration[]): RuleResult[] {
  return configs.flatMap((c) => postfixRelay.check(c, { profile: PROFILES.gen004710 }));
}

function rows(results: RuleResult[]): unknown[] {
  return results.map((r) => [r.span.file, r.span.line, r.span.column, r.certainty, r.message.replace(/ \(Judged over.*$/, '')]);
}

function services(configs: Configuration[]): string[] {
  const config = configs[0] as PostfixConfiguration;
  return (config.masterCf?.services ?? []).map((s) => [s.name, s.type, s.chroot, s.command, ...s.overrides.map((o) => `-o ${o.name}=${o.value}`)].join(' '));
}

const DEBIAN = ['FROM debian:12', 'RUN apt-get update && apt-get install -y postfix'];

describe('postconf master.cf edits replayed over the packaged master.cf', () => {
  it('two smtpd listeners added with -Me on Debian, no restrictions anywhere: a finding for each line that defines them', () => {
    const file = [...DEBIAN, 'RUN postconf -Me submission/inet="submission inet n - y - - smtpd" \\', ' && postconf -Me 2525/inet="2525 inet n - y - - smtpd"', ''].join('\n');
    const configs = configurations('Dockerfile', file);
    assert.deepEqual(services(configs).filter((s) => s.includes(' inet ')), ['smtp inet y smtpd', 'submission inet y smtpd', '2525 inet y smtpd']);
    assert.deepEqual(rows(judge(configs)), [
      ['Dockerfile', 1, 1, 'definite', "smtpd on *:smtp, *:submission and *:2525 (inet_interfaces = all, Dockerfile line 1) accepts mail from any host and smtpd_client_restrictions is missing (Postfix's default is empty), so no client is rejected."],
    ]);
  });

  it('L09: restrictions in main.cf, a new 2525 listener whose -P override has no reject: a finding at the override', () => {
    const file = [
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y postfix',
      'RUN postconf -e "smtpd_client_restrictions = permit_mynetworks, reject" \\',
      ' && postconf -Me "2525/inet=2525 inet n - y - - smtpd" \\',
      ' && postconf -P "2525/inet/smtpd_client_restrictions=permit_mynetworks"',
      '',
    ].join('\n');
    const configs = configurations('Dockerfile', file);
    assert.deepEqual(services(configs).filter((s) => s.includes(' inet ')), ['smtp inet y smtpd', '2525 inet y smtpd -o smtpd_client_restrictions=permit_mynetworks']);
    const results = judge(configs);
    assert.deepEqual(rows(results), [
      ['Dockerfile', 5, 18, 'definite', 'smtpd on *:2525 (inet_interfaces = all, Dockerfile line 1) accepts mail from any host and smtpd_client_restrictions = "permit_mynetworks" (master.cf -o on 2525) has no reject.'],
    ]);
  });

  it('-M# and -MX take the listener away; -F binds it to loopback; a wildcard pattern reaches every inet service', () => {
    const off = configurations('Dockerfile', [...DEBIAN, 'RUN postconf -M# smtp/inet', ''].join('\n'));
    assert.deepEqual(services(off).filter((s) => s.includes(' inet ')), []);
    assert.deepEqual(judge(off), []);
    const loopback = configurations('Dockerfile', [...DEBIAN, 'RUN postconf -F smtp/inet/service=127.0.0.1:smtp', ''].join('\n'));
    assert.deepEqual(services(loopback).filter((s) => s.includes(' inet ')), ['127.0.0.1:smtp inet y smtpd']);
    assert.deepEqual(judge(loopback), []);
    const weak = configurations('Dockerfile', [...DEBIAN, 'RUN postconf -e smtpd_client_restrictions=reject && postconf -P "*/inet/smtpd_client_restrictions=permit"', ''].join('\n'));
    assert.deepEqual(rows(judge(weak)).map((r) => (r as unknown[]).slice(0, 4)), [['Dockerfile', 3, 66, 'definite']]);
  });

  it('an edit on a service the packaged master.cf only has commented out changes nothing, with a note', () => {
    const notes: string[] = [];
    const configs = configurations('Dockerfile', [...DEBIAN, 'RUN postconf -e smtpd_client_restrictions=permit_mynetworks,reject && postconf -P submission/inet/smtpd_client_restrictions=permit', ''].join('\n'), {}, notes);
    assert.deepEqual(judge(configs), []);
    assert.deepEqual(notes, ['Dockerfile line 3: postconf names submission/inet, which master.cf does not define; ignored']);
  });

  it('a -Me entry whose text is unknown (a runtime variable) is a service on an unknown host: indeterminate', () => {
    const configs = configurations('start.sh', ['postconf -e smtpd_client_restrictions=reject', 'postconf -Me "extra/inet=$EXTRA_SERVICE"', ''].join('\n'));
    const all = services(configs);
    assert.equal(all.length, 2);
    assert.ok(all[1]?.startsWith(`${UNKNOWN_MARK}`), all[1]);
    assert.deepEqual(rows(judge(configs)).map((r) => (r as unknown[]).slice(0, 4)), [['start.sh', 1, 39, 'indeterminate']]);
  });
});

describe('appends to master.cf under a condition', () => {
  it('grep -q ... || cat >> master.cf <<EOF adding only unix services is no exposure', () => {
    const script = [
      'postconf -e smtpd_client_restrictions=permit_mynetworks,reject',
      'grep -q "^policyd" /etc/postfix/master.cf || cat >> /etc/postfix/master.cf <<EOF',
      'policyd   unix  -       n       n       -       0       spawn',
      '  user=nobody argv=/usr/bin/policyd',
      'EOF',
      '',
    ].join('\n');
    const configs = configurations('setup.sh', script);
    const config = configs[0] as PostfixConfiguration;
    assert.deepEqual(config.overlay?.touched, ['smtpd_client_restrictions']);
    assert.deepEqual(judge(configs), []);
  });

  it('the same append of an inet smtpd service may or may not happen: its listener is on an unknown host', () => {
    const script = [
      'postconf -e smtpd_client_restrictions=permit_mynetworks,reject',
      'grep -q "^2526" /etc/postfix/master.cf || cat >> /etc/postfix/master.cf <<EOF',
      '2526      inet  n       -       n       -       -       smtpd',
      '  -o smtpd_client_restrictions=permit',
      'EOF',
      '',
    ].join('\n');
    const configs = configurations('setup.sh', script);
    assert.deepEqual(services(configs), ['smtp inet n smtpd', `${UNKNOWN_MARK}:2526 inet n smtpd -o smtpd_client_restrictions=permit`]);
    assert.deepEqual(rows(judge(configs)).map((r) => (r as unknown[]).slice(0, 4)), [['setup.sh', 4, 3, 'indeterminate']]);
  });
});
