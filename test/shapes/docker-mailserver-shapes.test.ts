/**
 * docker-mailserver's override files, as its users keep them beside their
 * compose file: `postfix-main.cf` is appended to the image's main.cf and
 * every line of `postfix-master.cf` is run as `postconf -P LINE`. The
 * image's own files are the base, which relaygate does not model: what the
 * overrides set is judged, what they leave alone is unknown. A file by
 * either name that a Dockerfile copies to /etc/postfix is that whole file.
 * Exact rule, file, line, column and certainty, and the files of each
 * configuration.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { temporaryTrees } from '../helpers/temp-tree.js';
import type { FindingRow as Row } from '../helpers/finding-rows.js';
import { itScansShapes } from '../helpers/scan-shapes.js';

const tree = temporaryTrees('docker-mailserver');
const CONFIG = 'docker-data/dms/config';
/** The compose file docker-mailserver's documentation gives, trimmed: the image on line 3. */
const COMPOSE = {
  'compose.yaml': 'services:\n  mailserver:\n    image: ghcr.io/docker-mailserver/docker-mailserver:latest\n    volumes:\n      - ./docker-data/dms/config/:/tmp/docker-mailserver/\n',
};

const SHAPES: { name: string; files: Record<string, string>; findings: Row[]; configurations: string[][] }[] = [
  {
    name: 'an override that changes no restriction: the image decides, indeterminate, never the built-in defaults',
    files: { ...COMPOSE, [`${CONFIG}/postfix-main.cf`]: 'inet_protocols = ipv4\nvirtual_mailbox_domains = example.test\n' },
    // virtual_mailbox_domains decides which recipients are not relayed; mynetworks is the environment's.
    // Where the override sets nothing the finding is about, it points at the override's first line.
    findings: [
      ['postfix-open-relay', `${CONFIG}/postfix-main.cf`, 1, 1, 'indeterminate'],
      ['stig-postfix-relay', `${CONFIG}/postfix-main.cf`, 1, 1, 'indeterminate'],
    ],
    configurations: [[`${CONFIG}/postfix-main.cf`]],
  },
  {
    name: 'an override that trusts every address: definite on its line, since the image listens on every address',
    files: { ...COMPOSE, [`${CONFIG}/postfix-main.cf`]: '# trust the docker networks\nmynetworks = 0.0.0.0/0\n' },
    findings: [
      ['postfix-open-relay', `${CONFIG}/postfix-main.cf`, 1, 1, 'indeterminate'],
      ['stig-postfix-relay', `${CONFIG}/postfix-main.cf`, 1, 1, 'indeterminate'],
      ['postfix-broad-mynetworks', `${CONFIG}/postfix-main.cf`, 2, 14, 'definite'],
    ],
    configurations: [[`${CONFIG}/postfix-main.cf`]],
  },
  {
    name: 'a master override that lets submission relay for anyone: the service the image may define, indeterminate',
    files: {
      ...COMPOSE,
      [`${CONFIG}/postfix-master.cf`]: '# relay for the office\nsubmission/inet/smtpd_relay_restrictions=permit\n  submission/inet/smtpd_recipient_restrictions=permit\n',
    },
    // The image's master.cf is not modelled: submission may exist (line 2), beside the smtp service every master.cf has.
    findings: [
      ['postfix-open-relay', `${CONFIG}/postfix-master.cf`, 1, 1, 'indeterminate'],
      ['stig-postfix-relay', `${CONFIG}/postfix-master.cf`, 1, 1, 'indeterminate'],
      ['postfix-open-relay', `${CONFIG}/postfix-master.cf`, 2, 1, 'indeterminate'],
    ],
    configurations: [[`${CONFIG}/postfix-master.cf`]],
  },
  {
    name: 'a main.cf line postconf rejects: config-unreadable on it',
    files: { ...COMPOSE, [`${CONFIG}/postfix-main.cf`]: 'smtpd_client_restrictions = permit_mynetworks, reject\nthis is not a parameter\n' },
    findings: [['config-unreadable', `${CONFIG}/postfix-main.cf`, 2, 6, 'definite']],
    configurations: [[`${CONFIG}/postfix-main.cf`]],
  },
  {
    name: 'evidence from the file itself (a map under /tmp/docker-mailserver) or a file of its configuration beside it',
    files: {
      'a/postfix-main.cf': 'mynetworks = 127.0.0.0/8\ntransport_maps = texthash:/tmp/docker-mailserver/transport\n',
      'b/postfix-main.cf': 'mynetworks = 127.0.0.0/8\n',
      'b/postfix-accounts.cf': 'user@example.test|{SHA512-CRYPT}x\n',
    },
    // transport_maps may send foreign domains anywhere; the image's recipient restrictions decide.
    findings: [
      ['postfix-open-relay', 'a/postfix-main.cf', 1, 1, 'indeterminate'],
      ['stig-postfix-relay', 'a/postfix-main.cf', 1, 1, 'indeterminate'],
      ['postfix-open-relay', 'b/postfix-main.cf', 1, 1, 'indeterminate'],
      ['stig-postfix-relay', 'b/postfix-main.cf', 1, 1, 'indeterminate'],
    ],
    configurations: [['a/postfix-main.cf'], ['b/postfix-main.cf']],
  },
  {
    name: 'no evidence of docker-mailserver: appended to a main.cf relaygate does not know, which decides whether smtpd listens beyond the host',
    files: {
      'config/postfix-main.cf': 'relayhost = [smtp.example.test]:587\n',
      'config/postconf.sh': '#!/bin/sh\ncp /etc/postfix/main.cf.dist /etc/postfix/main.cf\ncat /etc/app/postfix-main.cf >> /etc/postfix/main.cf\n',
    },
    findings: [['stig-postfix-relay', 'config/postfix-main.cf', 1, 1, 'indeterminate']],
    configurations: [['config/postfix-main.cf']],
  },
  {
    name: 'a Dockerfile that copies postfix-main.cf to /etc/postfix/main.cf: the whole main.cf, Postfix defaults under it, definite',
    files: {
      Dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y postfix\nCOPY postfix-main.cf /etc/postfix/main.cf\n',
      'postfix-main.cf': 'myhostname = mx.example.test\n',
    },
    findings: [
      ['postfix-broad-mynetworks', 'postfix-main.cf', 1, 1, 'definite'],
      ['postfix-open-relay', 'postfix-main.cf', 1, 1, 'definite'],
      ['stig-postfix-relay', 'postfix-main.cf', 1, 1, 'definite'],
    ],
    configurations: [['Dockerfile', 'postfix-main.cf']],
  },
];

describe("docker-mailserver's override files", () => {
  itScansShapes(SHAPES, tree, {
    inOrder: true,
    allRules: true,
    also: (result) => {
      // The compose file decides the base: a change to it puts the override's findings in a pull request's scope.
      for (const c of result.configurations) if (c.files.some((f) => f.startsWith(CONFIG))) assert.ok(c.inputs?.includes('compose.yaml'), JSON.stringify(c.inputs));
      for (const f of result.findings) {
        assert.ok(!f.message.includes('\uE000'), f.message);
        // Over the image, every verdict names it as the base.
        if (f.file.startsWith(CONFIG) && f.ruleId !== 'config-unreadable') assert.match(f.message, /the docker-mailserver image's main\.cf, recognised from image "ghcr\.io\/docker-mailserver\/docker-mailserver:latest" at compose\.yaml line 3: inet_interfaces = all/);
        if (f.file.startsWith('a/')) assert.match(f.message, /recognised from a path under \/tmp\/docker-mailserver on its line 2:/);
        if (f.file.startsWith('b/')) assert.match(f.message, /recognised from postfix-accounts\.cf beside it:/);
        if (f.file.startsWith('config/')) assert.match(f.message, /smtpd_client_restrictions is missing \(Postfix's default is empty\).*a main\.cf relaygate does not know/);
      }
    },
  });
});
