import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { UNKNOWN_MARK } from '../../../src/model/source.js';
import type { PostfixConfiguration } from '../../../src/mta/postfix/model.js';
import { PROFILES } from '../../../src/rules/profiles.js';
import { rule as postfixRelay } from '../../../src/rules/stig-postfix-relay.js';
import { memoryRepository } from '../../../src/sources/contracts/repository.js';
import { assembleInstances } from '../../../src/sources/replay/instances.js';
import type { Edit, Extraction } from '../../../src/sources/contracts/edits.js';
import { dockerfile } from '../../../src/sources/ecosystems/docker/dockerfile.js';
import { host } from '../languages/shell/helpers.js';

const U = UNKNOWN_MARK;

/** `[kind, scope, text, file:line of the edit]`. */
function rows(r: Extraction): unknown[][] {
  return r.edits.map((e) => [e.kind, e.key.scope, 'fragment' in e ? e.fragment.text : e.kind === 'base' ? e.distribution : e.kind === 'link' ? e.source : '', `${e.span.file}:${e.span.line}`]);
}

function from(edit: Edit | undefined, line: number, column: number): string {
  if (edit === undefined || !('fragment' in edit)) throw new Error('no fragment');
  const at = edit.fragment.map.locateStart(line, column);
  return `${at.file ?? edit.fragment.file}:${at.position.line}:${at.position.column}`;
}

test('ENV reaches the CMD script the image runs; its value points at the ENV line', () => {
  const file = ['FROM debian:12', 'RUN apt-get update && apt-get install -y postfix', 'ENV MTA_TRUSTED=0.0.0.0/0', 'COPY start.sh /start.sh', 'CMD ["/start.sh"]', ''].join('\n');
  const r = host(dockerfile, 'Dockerfile', file, { 'start.sh': '#!/bin/sh\npostconf -e "mynetworks = ${MTA_TRUSTED}"\nexec postfix start-fg\n' });
  assert.deepEqual(rows(r), [
    ['base', 'Dockerfile', 'debian', 'Dockerfile:1'],
    ['base', 'Dockerfile', 'debian', 'Dockerfile:2'],
    ['set', 'Dockerfile', 'mynetworks = 0.0.0.0/0\n', 'start.sh:2'],
  ]);
  assert.equal(from(r.edits[2], 1, 14), 'Dockerfile:3:17');
  assert.deepEqual(r.runs, ['start.sh']);
});

test('ENV POSTFIX_* read by an entrypoint loop: one edit per variable, then the names the runtime may add', () => {
  const file = ['FROM debian:trixie-slim', 'ENV \\', '  POSTFIX_myhostname=hostname \\', '  POSTFIX_mynetworks=0.0.0.0/0 \\', '  OPENDKIM_Mode=sv', 'COPY run healthcheck /root/', 'CMD ["/root/run"]', ''].join('\n');
  const run = ['#!/bin/bash', 'for e in ${!POSTFIX_*} ; do postconf -e "${e:8}=${!e}" ; done', ''].join('\n');
  const r = host(dockerfile, 'Dockerfile', file, { run, healthcheck: '#!/bin/sh\n' });
  assert.deepEqual(rows(r), [
    ['base', 'Dockerfile', 'debian', 'Dockerfile:1'],
    ['set', 'Dockerfile', 'myhostname = hostname\n', 'run:2'],
    ['set', 'Dockerfile', 'mynetworks = 0.0.0.0/0\n', 'run:2'],
    ['set', 'Dockerfile', `${U} = ${U}\n`, 'run:2'],
  ]);
  assert.equal(from(r.edits[2], 1, 1), 'Dockerfile:4:11');
  assert.equal(from(r.edits[2], 1, 14), 'Dockerfile:4:22');
  const unknown = r.edits[3];
  assert.ok(unknown?.kind === 'set' && unknown.maybe);
  assert.deepEqual(unknown.unknownNameExcludes, ['myhostname', 'mynetworks']);
});

test('a base named by an ARG is not recognised whatever its default (--build-arg changes it); ARG values reach RUN but not the running container', () => {
  const file = ['ARG BASE_IMAGE=debian:12', 'FROM ${BASE_IMAGE}', 'ARG NETS=10.0.0.0/8', 'RUN postconf -e "mynetworks = $NETS"', 'COPY start.sh /start.sh', 'ENTRYPOINT ["/start.sh"]', ''].join('\n');
  const r = host(dockerfile, 'Dockerfile', file, { 'start.sh': 'postconf -e "relayhost = $NETS"\n' });
  assert.deepEqual(r.notes, ['Shell code at "Dockerfile" line 2, column 1: the base image is a build argument (default "debian:12"): --build-arg can make it another distribution, so the base is not recognised']);
  assert.deepEqual(rows(r), [
    ['set', 'Dockerfile', 'mynetworks = 10.0.0.0/8\n', 'Dockerfile:4'],
    ['set', 'Dockerfile', `relayhost = ${U}\n`, 'start.sh:1'],
  ]);
});

test('stages built FROM an earlier stage carry its edits; only the images of the build are instances', () => {
  const file = [
    'FROM golang:1.16 AS exporter',
    'RUN go install x',
    'FROM debian:13 AS base',
    'RUN postconf -Me 2525/inet="2525 inet n - y - - smtpd"',
    'FROM base AS development',
    'RUN apt-get install -y bats',
    'FROM base AS build',
    'ENTRYPOINT ["/entry.sh"]',
    'CMD ["/usr/bin/s6-svscan", "/etc/s6"]',
    '',
  ].join('\n');
  const r = host(dockerfile, 'Dockerfile', file, { 'entry.sh': 'exec "$@"\n' });
  assert.deepEqual(rows(r), [
    ['base', 'Dockerfile', 'debian', 'Dockerfile:3'],
    ['master-entry', 'Dockerfile', '', 'Dockerfile:4'],
  ]);
});

test('COPY of a tree to /, a shell-form CMD through tini, sourced libraries with a postconf wrapper', () => {
  const file = ['FROM debian:12', 'COPY image_root/ /', 'ENTRYPOINT ["/tini", "--"]', 'CMD [ "/bin/sh", "-c", "/scripts/run.sh" ]', ''].join('\n');
  const files = {
    'image_root/scripts/run.sh': '#!/usr/bin/env bash\n. /scripts/common.sh\n. /scripts/functions.sh\nharden\n',
    'image_root/scripts/common.sh': 'do_postconf() {\n  postconf "$@"\n}\n',
    'image_root/scripts/functions.sh': 'harden() {\n  do_postconf -e "smtpd_client_restrictions=permit_mynetworks,reject"\n}\n',
    'image_root/etc/postfix/master.cf': 'smtp inet n - y - - smtpd\n',
  };
  const r = host(dockerfile, 'Dockerfile', file, files);
  assert.deepEqual(rows(r), [
    ['base', 'Dockerfile', 'debian', 'Dockerfile:1'],
    ['link', 'Dockerfile', 'image_root/etc/postfix/master.cf', 'Dockerfile:2'],
    ['set', 'Dockerfile', 'smtpd_client_restrictions = permit_mynetworks,reject\n', 'image_root/scripts/common.sh:2'],
  ]);
  assert.equal(from(r.edits[2], 1, 29), 'image_root/scripts/functions.sh:2:45');
  assert.deepEqual(r.runs, ['image_root/scripts/common.sh', 'image_root/scripts/functions.sh', 'image_root/scripts/run.sh']);
});

test('RUN --mount=type=bind from another stage, and RUN ./script.sh in the WORKDIR', () => {
  const file = [
    'FROM debian:12 AS scripts',
    'COPY ./build-scripts ./build-scripts',
    'FROM debian:12',
    'RUN --mount=type=bind,from=scripts,source=/build-scripts,target=/build-scripts sh /build-scripts/install.sh',
    'WORKDIR /opt/mail',
    'COPY conf.sh .',
    'RUN ./conf.sh',
    '',
  ].join('\n');
  const r = host(dockerfile, 'Dockerfile', file, { 'build-scripts/install.sh': 'apt-get install -y postfix\n', 'conf.sh': 'postconf -e inet_interfaces=loopback-only\n' });
  assert.deepEqual(rows(r), [
    ['base', 'Dockerfile', 'debian', 'Dockerfile:3'],
    ['base', 'Dockerfile', 'debian', 'build-scripts/install.sh:1'],
    ['set', 'Dockerfile', 'inet_interfaces = loopback-only\n', 'conf.sh:1'],
  ]);
});

describe('the image as one configuration', () => {
  function image(file: string, files: Record<string, string>): PostfixConfiguration {
    const repo = memoryRepository({ Dockerfile: file, ...files });
    const configs = assembleInstances([dockerfile.extract({ path: 'Dockerfile', text: file }, repo)], new Map(), { notes: [] });
    assert.equal(configs.length, 1);
    return configs[0] as PostfixConfiguration;
  }

  it('an ENV value the entrypoint sets: the definition points at the ENV line, the script is part of the instance', () => {
    const config = image(['FROM debian:12', 'ENV MTA_TRUSTED=0.0.0.0/0', 'COPY start.sh /start.sh', 'CMD ["/start.sh"]', ''].join('\n'), { 'start.sh': 'postconf -e "mynetworks = ${MTA_TRUSTED}"\n' });
    const mynetworks = config.mainCf?.parameters.find((p) => p.name === 'mynetworks');
    assert.equal(mynetworks?.value, '0.0.0.0/0');
    assert.deepEqual([mynetworks?.valueSpan.file, mynetworks?.valueSpan.line, mynetworks?.valueSpan.column], ['Dockerfile', 2, 17]);
    assert.deepEqual([mynetworks?.span.file, mynetworks?.span.line], ['start.sh', 1]);
    assert.deepEqual(config.files, ['Dockerfile', 'start.sh']);
  });

  it('the names a ${!POSTFIX_*} loop sets from ENV are not redefined by the names the runtime may add', () => {
    const file = ['FROM debian:12', 'ENV POSTFIX_smtpd_client_restrictions=permit_mynetworks', 'COPY run /run', 'CMD ["/run"]', ''].join('\n');
    const config = image(file, { run: 'for e in ${!POSTFIX_*}; do postconf -e "${e:8}=${!e}"; done\n' });
    const results = postfixRelay.check(config, { profile: PROFILES.gen004710 });
    assert.deepEqual(results.map((r) => [r.span.file, r.span.line, r.span.column, r.certainty]), [['Dockerfile', 2, 39, 'indeterminate']]);
    // The restrictions are known (weak); where smtpd listens is what the runtime may change.
    assert.match(results[0]?.message ?? '', /smtpd_client_restrictions = "permit_mynetworks" has no reject/);
  });
});

test('ENTRYPOINT keeps a CMD of its own stage, written before or after it, and resets one inherited from an earlier stage', () => {
  const start = { 'start.sh': '#!/bin/sh\npostconf -e inet_interfaces=all\n' };
  const cases: [string[], unknown[][]][] = [
    [['FROM debian:12', 'COPY start.sh /start.sh', 'CMD ["/bin/sh", "-c", "/start.sh"]', 'ENTRYPOINT ["/tini", "--"]'], [['set', 'Dockerfile', 'inet_interfaces = all\n', 'start.sh:2']]],
    [['FROM debian:12', 'COPY start.sh /start.sh', 'ENTRYPOINT ["/tini", "--"]', 'CMD ["/start.sh"]'], [['set', 'Dockerfile', 'inet_interfaces = all\n', 'start.sh:2']]],
    [['FROM debian:12 AS base', 'COPY start.sh /start.sh', 'CMD ["/start.sh"]', 'FROM base', 'ENTRYPOINT ["/tini", "--"]'], []],
  ];
  for (const [lines, edits] of cases) {
    const r = host(dockerfile, 'Dockerfile', [...lines, ''].join('\n'), start);
    assert.deepEqual(rows(r).filter((row) => row[0] !== 'base'), edits, lines.join(' | '));
    if (edits.length > 0) assert.equal(from(r.edits[r.edits.length - 1], 1, 19), 'start.sh:2:29', lines.join(' | '));
  }
});
