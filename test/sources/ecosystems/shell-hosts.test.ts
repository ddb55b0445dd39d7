import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../src/model/source.js';
import { dockerfile } from '../../../src/sources/ecosystems/docker/dockerfile.js';
import { kickstart } from '../../../src/sources/ecosystems/kickstart/kickstart.js';
import { packerHost } from '../../../src/sources/ecosystems/packer/provisioners.js';
import { shellScript } from '../../../src/sources/ecosystems/shell-scripts/scripts.js';
import { terraformHost, terraformHeredocs } from '../../../src/sources/ecosystems/terraform/user-data.js';
import { host, mapped, text } from '../languages/shell/helpers.js';

test('matches: scripts by suffix or shebang, Dockerfiles, .tf, Packer, kickstart', () => {
  assert.equal(shellScript.matches('bin/setup', '#!/usr/bin/env bash\npostconf -e a=b\n'), true);
  assert.equal(shellScript.matches('bin/setup', '#!/usr/bin/python3\n'), false);
  assert.equal(shellScript.matches('x/install.sh', ''), true);
  assert.equal(dockerfile.matches('mail/Dockerfile', ''), true);
  assert.equal(dockerfile.matches('mail/Dockerfile.postfix', ''), true);
  assert.equal(dockerfile.matches('mail/relay.dockerfile', ''), true);
  assert.equal(terraformHost.matches('infra/main.tf', ''), true);
  assert.equal(packerHost.matches('image.pkr.hcl', ''), true);
  assert.equal(packerHost.matches('image.json', '{"builders": [], "provisioners": []}'), true);
  assert.equal(kickstart.matches('ks/server.ks', ''), true);
});

test('Dockerfile: postconf -e with several arguments across RUN continuations, a comment line inside', () => {
  const file = [
    'FROM debian:12',
    'RUN apt-get update && apt-get install -y postfix \\',
    '    && postconf -e \\',
    '# a comment inside the continuation',
    '       myhostname=mx.example.com \\',
    '       inet_interfaces=all',
    '',
  ].join('\n');
  const r = host(dockerfile, 'mail/Dockerfile', file);
  const key = { scope: 'mail/Dockerfile', directory: '/etc/postfix' };
  assert.deepEqual(r.edits.map((e) => [e.kind, e.kind === 'base' ? e.distribution : '', e.span.line]), [
    ['base', 'debian', 1],
    ['base', 'debian', 2],
    ['set', '', 3],
  ]);
  const set = r.edits[2]!;
  assert.deepEqual(set.key, key);
  assert.equal(set.form, 'dockerfile');
  assert.equal(set.maybe, false);
  assert.equal(text(set), 'myhostname = mx.example.com\ninet_interfaces = all\n');
  assert.deepEqual(mapped(set, 1, 1), [5, 8]);
  assert.deepEqual(mapped(set, 2, 19), [6, 24]);
  assert.deepEqual([set.span.line, set.span.column, set.span.endLine, set.span.endColumn], [3, 8, 6, 27]);
});

test('Dockerfile: FROM of the RHEL family, COPY of a repository file links it, relative to the Dockerfile directory', () => {
  const file = 'FROM rockylinux:9\nCOPY conf/main.cf /etc/postfix/main.cf\nCOPY --chown=root master.cf /etc/postfix/\nCOPY missing.cf /etc/postfix/main.cf\n';
  const r = host(dockerfile, 'img/Dockerfile', file, { 'img/conf/main.cf': 'a = b\n', 'img/master.cf': '' });
  assert.deepEqual(
    r.edits.map((e) => (e.kind === 'link' ? [e.kind, e.target, e.source, e.key.directory, e.span.line] : [e.kind, e.kind === 'base' ? e.distribution : ''])),
    [
      ['base', 'rhel'],
      ['link', 'main.cf', 'img/conf/main.cf', '/etc/postfix', 2],
    ].concat([['link', 'master.cf', 'img/master.cf', '/etc/postfix', 3]] as never[]),
  );
  assert.equal(r.notes.length, 1);
  assert.match(r.notes[0]!, /^Shell code at "img\/Dockerfile" line 4, column 1: "img\/missing.cf" copied to main.cf is not in the repository/);
});

test('Dockerfile: RUN heredoc script and RUN cat heredoc into main.cf; exec form', () => {
  const file = [
    'FROM ubuntu:24.04',
    'RUN <<EOF',
    'postconf -e relayhost=[mx]',
    'EOF',
    'RUN cat > /etc/postfix/main.cf <<EOF',
    'inet_interfaces = all',
    'EOF',
    'RUN ["postconf", "-e", "mynetworks=0.0.0.0/0"]',
    'RUN ["/bin/sh", "-c", "postconf -X relayhost"]',
    '',
  ].join('\n');
  const r = host(dockerfile, 'Dockerfile', file);
  assert.deepEqual(r.edits.map((e) => [e.kind, e.span.line, 'fragment' in e ? e.fragment.text : e.kind === 'unset' ? e.name : '']), [
    ['base', 1, ''],
    ['set', 3, 'relayhost = [mx]\n'],
    ['write', 5, 'inet_interfaces = all\n'],
    ['set', 8, 'mynetworks = 0.0.0.0/0\n'],
    ['unset', 9, 'relayhost'],
  ]);
  assert.deepEqual(mapped(r.edits[1]!, 1, 13), [3, 23]);
  assert.deepEqual(mapped(r.edits[2]!, 1, 19), [6, 19]);
  assert.deepEqual(mapped(r.edits[3]!, 1, 1), [8, 25]); // inside the JSON string, at its own column
});

test('Terraform user_data <<-EOF: ${var} is unknown, $${ is a literal ${, indentation removed', () => {
  const file = [
    'resource "aws_instance" "mx" {',
    '  user_data = <<-EOF',
    '    #!/bin/bash',
    '    postconf -e "mynetworks=${var.trusted}" relayhost=$${RELAY}',
    '    echo "inet_interfaces = all" >> /etc/postfix/main.cf',
    '  EOF',
    '}',
    '',
  ].join('\n');
  const r = host(terraformHost, 'infra/mx.tf', file);
  assert.deepEqual(r.edits.map((e) => [e.kind, e.form, e.key.scope, e.span.line, text(e)]), [
    ['set', 'terraform', 'infra/mx.tf', 4, `mynetworks = ${UNKNOWN_MARK}\nrelayhost = ${UNKNOWN_MARK}\n`],
    ['append', 'terraform', 'infra/mx.tf', 5, 'inet_interfaces = all\n'],
  ]);
  assert.deepEqual(mapped(r.edits[0]!, 1, 1), [4, 18]); // quoted text keeps its own columns
  assert.deepEqual(mapped(r.edits[1]!, 1, 1), [5, 11]);
  const cloud = terraformHeredocs('user_data = <<EOF\n#cloud-config\nruncmd: []\nEOF\n');
  assert.equal(cloud[0]?.cloudConfig, true);
});

test('Terraform user_data that is #cloud-config is read as cloud-init, at the lines of the .tf', () => {
  const file = [
    'resource "aws_instance" "mx" {',
    '  user_data = <<-EOF',
    '    #cloud-config',
    '    write_files:',
    '      - path: /etc/postfix/main.cf',
    '        append: true',
    '        content: |',
    '          mynetworks = ${var.trusted}',
    '    runcmd:',
    '      - postconf -e inet_interfaces=all',
    '  EOF',
    '}',
    '',
  ].join('\n');
  const r = host(terraformHost, 'infra/mx.tf', file);
  assert.deepEqual(r.edits.map((e) => [e.kind, e.form, e.key.scope, e.maybe, e.span.line, text(e)]), [
    ['append', 'cloud-init', 'infra/mx.tf', false, 5, `mynetworks = ${UNKNOWN_MARK}\n`],
    ['set', 'cloud-init', 'infra/mx.tf', false, 10, 'inet_interfaces = all\n'],
  ]);
  assert.deepEqual(mapped(r.edits[1]!, 1, 1), [10, 21]);
  assert.deepEqual(r.notes, []);
  // %{ } directives: the cloud-config's edits may or may not be there.
  const directives = host(terraformHost, 'a.tf', 'user_data = <<EOF\n#cloud-config\nruncmd:\n%{ if var.open }\n  - postconf -e inet_interfaces=all\n%{ endif }\nEOF\n');
  assert.deepEqual(directives.edits.map((e) => [e.kind, e.maybe, e.span.line]), [['set', true, 5]]);
  // With interpolations unknown, invalid YAML may be valid once Terraform renders it: a note, no fatal diagnostic.
  const interpolated = host(terraformHost, 'a.tf', 'user_data = <<EOF\n#cloud-config\nruncmd:\n  - postconf -e inet_interfaces=all\n${var.extra}: [\nEOF\n');
  assert.deepEqual(interpolated.edits, []);
  assert.deepEqual(interpolated.diagnostics, []);
  assert.equal(interpolated.notes.length, 1);
  assert.match(interpolated.notes[0] ?? '', /user_data is cloud-config that relaygate cannot read with its Terraform interpolations unknown/);
});

test('Dockerfile: ENV values reach RUN, an ARG default is its value, WORKDIR resolves relative paths, earlier stages are other instances', () => {
  const file = [
    'FROM debian:12 AS build',
    'RUN postconf -e relayhost=a',
    'FROM debian:12',
    'ENV CONF=/etc/postfix/main.cf',
    'ARG NETS=10.0.0.0/8',
    'RUN echo "mynetworks = $NETS" >> $CONF',
    'WORKDIR /etc/postfix',
    'RUN echo "relayhost =" >> main.cf',
    '',
  ].join('\n');
  const r = host(dockerfile, 'Dockerfile', file);
  assert.deepEqual(r.edits.filter((e) => e.kind !== 'base').map((e) => [e.kind, e.key.scope, e.key.directory, text(e)]), [
    ['set', 'Dockerfile#stage1', '/etc/postfix', 'relayhost = a\n'],
    ['append', 'Dockerfile', '/etc/postfix', 'mynetworks = 10.0.0.0/8\n'],
    ['append', 'Dockerfile', '/etc/postfix', 'relayhost =\n'],
  ]);
  // An ARG without a default is unknown.
  const bare = host(dockerfile, 'Dockerfile', 'FROM debian:12\nARG NETS\nRUN postconf -e "mynetworks = $NETS"\n');
  assert.equal(text(bare.edits[1]), `mynetworks = ${UNKNOWN_MARK}\n`);
});

test('Terraform %{ if } directives make the heredoc edits maybe', () => {
  const file = 'user_data = <<EOF\n%{ if var.relay }\npostconf -e relayhost=x\n%{ endif }\nEOF\n';
  const r = host(terraformHost, 'a.tf', file);
  assert.deepEqual(r.edits.map((e) => [e.kind, e.maybe, e.span.line]), [['set', true, 3]]);
  assert.equal(r.notes.length, 1);
});

test('Packer HCL inline shell provisioner', () => {
  const file = [
    'build {',
    '  provisioner "shell" {',
    '    inline = [',
    '      "CONF=/etc/postfix/main.cf",',
    '      "echo \\"mynetworks = 0.0.0.0/0\\" >> $CONF",',
    '      "postconf -e myhostname=${var.name}",',
    '    ]',
    '  }',
    '}',
    '',
  ].join('\n');
  const r = host(packerHost, 'image.pkr.hcl', file);
  assert.deepEqual(r.edits.map((e) => [e.kind, e.span.line, text(e)]), [
    ['append', 5, 'mynetworks = 0.0.0.0/0\n'],
    ['set', 6, `myhostname = ${UNKNOWN_MARK}\n`],
  ]);
  assert.deepEqual(mapped(r.edits[1]!, 1, 1), [6, 20]); // the unknown word as a whole
});

test('Packer JSON template: only shell provisioners, strings located in the file', () => {
  const file = '{\n  "builders": [],\n  "provisioners": [\n    {"type": "file", "inline": ["postconf -e a=b"]},\n    {"type": "shell", "inline": [\n      "postconf -e inet_interfaces=all"\n    ]}\n  ]\n}\n';
  const r = host(packerHost, 'image.json', file);
  assert.deepEqual(r.edits.map((e) => [e.kind, e.span.line, e.span.column, text(e)]), [['set', 6, 8, 'inet_interfaces = all\n']]);
  assert.deepEqual(mapped(r.edits[0]!, 1, 1), [6, 20]);
});

test('kickstart: %post is shell, %packages postfix is RHEL base evidence, other sections are not read', () => {
  const file = '%packages\n@core\npostfix\n%end\n%pre\npostconf -e relayhost=no\n%end\n%post --log=/root/post.log\npostconf -e inet_interfaces=all\n%end\n';
  const r = host(kickstart, 'ks/mx.ks', file);
  assert.deepEqual(r.edits.map((e) => [e.kind, e.span.line, e.kind === 'base' ? e.distribution : text(e)]), [
    ['base', 3, 'rhel'],
    ['set', 9, 'inet_interfaces = all\n'],
  ]);
  assert.deepEqual(mapped(r.edits[1]!, 1, 19), [9, 29]);
});

test('a shell script file: scope and key are the script path', () => {
  const r = host(shellScript, 'bin/mail.sh', '#!/bin/sh\nset -e\npostconf -e inet_interfaces=loopback-only\n');
  assert.deepEqual(r.edits.map((e) => [e.kind, e.key, e.form]), [['set', { scope: 'bin/mail.sh', directory: '/etc/postfix' }, 'shell']]);
});
