import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNKNOWN_MARK } from '../../../src/model/source.js';
import type { RuleResult } from '../../../src/model/finding.js';
import type { Configuration } from '../../../src/mta/configuration.js';
import type { PostfixConfiguration } from '../../../src/mta/postfix/model.js';
import { PROFILES } from '../../../src/rules/profiles.js';
import { rule as postfixRelay } from '../../../src/rules/stig-postfix-relay.js';
import { memoryRepository } from '../../../src/sources/contracts/repository.js';
import { dockerfile } from '../../../src/sources/ecosystems/docker/dockerfile.js';
import { shellScript } from '../../../src/sources/ecosystems/shell-scripts/scripts.js';
import { assembleInstances } from '../../../src/sources/replay/instances.js';

function configuration(path: string, text: string, files: Record<string, string> = {}): PostfixConfiguration {
  const repo = memoryRepository({ [path]: text, ...files });
  const format = path.endsWith('Dockerfile') ? dockerfile : shellScript;
  const plain = new Map(Object.entries(files).map(([p, t]) => [p, { path: p, text: t, role: 'main.cf' as const }]));
  const configs: Configuration[] = assembleInstances([format.extract({ path, text }, repo)], plain, { notes: [] });
  assert.equal(configs.length, 1);
  return configs[0] as PostfixConfiguration;
}

function judge(config: PostfixConfiguration): RuleResult[] {
  return postfixRelay.check(config, { profile: PROFILES.gen004710 });
}

function parameters(config: PostfixConfiguration): string[] {
  return (config.mainCf?.parameters ?? []).map((p) => `${p.name} = ${p.value} @${p.valueSpan.file}:${p.valueSpan.line}:${p.valueSpan.column}`);
}

const DEBIAN = ['FROM debian:12', 'RUN apt-get update && apt-get install -y postfix'];

describe('sed -i applied to the text relaygate has', () => {
  it('a placeholder substitution changes only its line: inet_interfaces = all elsewhere stays definite', () => {
    const main = 'relayhost = __RELAYHOST__\ninet_interfaces = all\n';
    const file = [...DEBIAN, 'COPY main.cf /etc/postfix/main.cf', 'RUN sed -i "s/__RELAYHOST__/$RELAYHOST/" /etc/postfix/main.cf', ''].join('\n');
    const config = configuration('Dockerfile', file, { 'main.cf': main });
    assert.deepEqual(parameters(config), [`relayhost = ${UNKNOWN_MARK} @Dockerfile:4:29`, 'inet_interfaces = all @main.cf:2:19']);
    assert.deepEqual(
      judge(config).map((r) => [r.span.file, r.span.line, r.span.column, r.certainty]),
      [['main.cf', 1, 1, 'definite']],
    );
  });

  it('L13: a literal substitution opens the listener, a deletion and a |-delimited substitution change only their lines', () => {
    const main = 'myhostname = mx.example.test\ninet_interfaces = loopback-only\nmynetworks = __NETS__\nsmtpd_tls_cert_file = /etc/ssl/x.pem\n';
    const file = [
      ...DEBIAN,
      'COPY conf/main.cf /etc/postfix/main.cf',
      "RUN sed -i 's/inet_interfaces = loopback-only/inet_interfaces = all/' /etc/postfix/main.cf \\",
      " && sed -i -E '/^smtpd_tls_cert_file/d' /etc/postfix/main.cf \\",
      ' && sed -i "s|__NETS__|127.0.0.0/8|" /etc/postfix/main.cf',
      '',
    ].join('\n');
    const config = configuration('Dockerfile', file, { 'conf/main.cf': main });
    assert.deepEqual(parameters(config), ['myhostname = mx.example.test @conf/main.cf:1:14', 'inet_interfaces = all @Dockerfile:4:65', 'mynetworks = 127.0.0.0/8 @Dockerfile:6:24']);
    const results = judge(config);
    assert.deepEqual(results.map((r) => [r.span.file, r.span.line, r.span.column, r.certainty]), [['conf/main.cf', 1, 1, 'definite']]);
    assert.deepEqual(results[0]?.related.map((r) => [r.file, r.line]), [['Dockerfile', 4]]);
  });

  it('a newline in the replacement adds a line; a deletion on the packaged main.cf changes no relay parameter', () => {
    const main = 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\n';
    const added = configuration('setup.sh', "sed -i 's/inet_interfaces = all/&\\ninet_protocols = ipv4/' /etc/postfix/main.cf\n", {});
    // On a main.cf relaygate does not have, the substitution is the unknown fallback for the names it writes.
    assert.deepEqual(parameters(added), [`inet_interfaces = ${UNKNOWN_MARK} @setup.sh:1:9`, `inet_protocols = ${UNKNOWN_MARK} @setup.sh:1:9`]);
    const written = configuration('Dockerfile', [...DEBIAN, 'COPY main.cf /etc/postfix/', "RUN sed -i 's/inet_interfaces = all/&\\ninet_protocols = ipv4/' /etc/postfix/main.cf", ''].join('\n'), { 'main.cf': main });
    assert.deepEqual(parameters(written).map((p) => p.replace(/ @.*/, '')), ['inet_interfaces = all', 'inet_protocols = ipv4', 'smtpd_client_restrictions = permit_mynetworks, reject']);
    assert.deepEqual(judge(written), []);
    const deleted = configuration('Dockerfile', [...DEBIAN, "RUN postconf -e smtpd_client_restrictions=permit_mynetworks,reject && sed -i -E '/^smtpd_tls_cert_file|^smtpd_tls_key_file/d' /etc/postfix/main.cf", ''].join('\n'));
    assert.deepEqual(parameters(deleted).map((p) => p.replace(/ @.*/, '')), [
      'compatibility_level = 3.6',
      'smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination',
      'mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128',
      'inet_interfaces = all',
      'smtpd_client_restrictions = permit_mynetworks,reject',
    ]);
  });

  it('a pattern holding an unknown value may match any line its known parts allow', () => {
    const main = 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\n# a comment without equals\n';
    const config = configuration('Dockerfile', [...DEBIAN, 'COPY main.cf /etc/postfix/', 'RUN sed -i "s/^$KEY *=.*/$KEY = $VALUE/" /etc/postfix/main.cf', ''].join('\n'), { 'main.cf': main });
    assert.deepEqual(parameters(config).map((p) => p.replace(/ @.*/, '')), [`${UNKNOWN_MARK} = ${UNKNOWN_MARK}`, `${UNKNOWN_MARK} = ${UNKNOWN_MARK}`]);
    assert.deepEqual(judge(config).map((r) => r.certainty), ['indeterminate']);
  });

  it('sed on the packaged master.cf uncomments the submission service (and, as GNU sed does, submissions): new listeners', () => {
    const file = [...DEBIAN, "RUN postconf -e smtpd_client_restrictions=permit_mynetworks,reject && sed -i -r -e 's/^#submission/submission/' /etc/postfix/master.cf", ''].join('\n');
    const config = configuration('Dockerfile', file);
    assert.deepEqual(config.masterCf?.services.filter((s) => s.type === 'inet').map((s) => [s.name, s.overrides.length, s.nameSpan.file, s.nameSpan.line, s.nameSpan.column]), [
      ['smtp', 0, 'Dockerfile', 1, 1],
      ['submission', 0, 'Dockerfile', 3, 100],
      ['submissions', 0, 'Dockerfile', 3, 100],
    ]);
    assert.deepEqual(config.overlay?.touched, ['smtpd_client_restrictions', 'submission/inet', 'submissions/inet']);
  });
});
