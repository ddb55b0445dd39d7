/**
 * A known base is judged in full: each row is a small repository whose
 * provisioning code installs Postfix and sets only what it sets, and the
 * exact findings the scan gives (rule, file, line, column, certainty), under
 * GEN004710 and RHEL 8. The base is recognised from the FROM image, the
 * package manager, a Packer source image, kickstart, an Ansible platform
 * condition or a Terraform instance image; over an unknown base, what the
 * edits leave alone is unknown.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../src/config/options.js';
import { scan, type ScanResult } from '../src/scan.js';
import { temporaryTrees } from './helpers/temp-tree.js';
import { findingRows } from './helpers/finding-rows.js';

const tree = temporaryTrees('base');

async function run(files: Record<string, string>, profile: 'gen004710' | 'rhel8' = 'gen004710'): Promise<ScanResult> {
  return scan({ ...defaultOptions(tree(files)), profile });
}

const HOSTNAME = 'RUN postconf -e myhostname=mx.example.test\n';

/** `FROM <image>` then a package install and one harmless edit. */
function dockerfile(from: string, install: string): Record<string, string> {
  return { Dockerfile: `FROM ${from}\nRUN ${install}\n${HOSTNAME}` };
}

const APT = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postfix';
const DNF = 'dnf install -y postfix';
const APK = 'apk add --no-cache postfix';
const OPEN_AT_FROM = [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']];

interface Row {
  name: string;
  files: Record<string, string>;
  gen: unknown[];
  rhel8: unknown[];
  /** The base the message must name. */
  judgedOver?: RegExp;
}

const ROWS: Row[] = [
  { name: 'FROM debian:12', files: dockerfile('debian:12', APT), gen: OPEN_AT_FROM, rhel8: OPEN_AT_FROM, judgedOver: /Debian family's packaged main\.cf .*recognised from FROM debian:12 at Dockerfile line 1/ },
  { name: 'FROM ubuntu:22.04', files: dockerfile('ubuntu:22.04', APT), gen: OPEN_AT_FROM, rhel8: OPEN_AT_FROM, judgedOver: /recognised from FROM ubuntu:22\.04 at Dockerfile line 1/ },
  {
    name: 'FROM docker.io/library/debian@sha256 digest',
    files: dockerfile(`docker.io/library/debian@sha256:${'a'.repeat(64)}`, APT),
    gen: OPEN_AT_FROM,
    rhel8: OPEN_AT_FROM,
  },
  { name: 'FROM registry.access.redhat.com/ubi9/ubi-minimal', files: dockerfile('registry.access.redhat.com/ubi9/ubi-minimal:9.4', 'microdnf install -y postfix'), gen: [], rhel8: OPEN_AT_FROM, judgedOver: /RHEL family's packaged main\.cf, recognised from FROM registry\.access\.redhat\.com\/ubi9\/ubi-minimal:9\.4/ },
  { name: 'FROM rockylinux:9', files: dockerfile('rockylinux:9', DNF), gen: [], rhel8: OPEN_AT_FROM },
  { name: 'FROM almalinux:9 --platform flag', files: { Dockerfile: `FROM --platform=linux/amd64 almalinux:9\nRUN ${DNF}\n${HOSTNAME}` }, gen: [], rhel8: OPEN_AT_FROM },
  { name: 'FROM alpine:3.20', files: dockerfile('alpine:3.20', APK), gen: OPEN_AT_FROM, rhel8: OPEN_AT_FROM, judgedOver: /Alpine's packaged main\.cf \(upstream's\), recognised from FROM alpine:3\.20/ },
  {
    name: 'FROM scratch (unknown base; nothing installs postfix): inet_interfaces unknown',
    files: { Dockerfile: `FROM scratch\n${HOSTNAME}` },
    gen: [['stig-postfix-relay', 'Dockerfile', 2, 17, 'indeterminate']],
    rhel8: [['stig-postfix-relay', 'Dockerfile', 2, 17, 'definite']],
    judgedOver: /a main\.cf relaygate does not know/,
  },
  {
    name: 'FROM myorg/custom (an organisation image): unknown base',
    files: { Dockerfile: `FROM myorg/custom:1.0\n${HOSTNAME}` },
    gen: [['stig-postfix-relay', 'Dockerfile', 2, 17, 'indeterminate']],
    rhel8: [['stig-postfix-relay', 'Dockerfile', 2, 17, 'definite']],
  },
  {
    name: 'FROM myorg/custom, but apt-get installs postfix: the Debian family by its package manager',
    files: dockerfile('myorg/custom:1.0', APT),
    gen: [['stig-postfix-relay', 'Dockerfile', 2, 23, 'definite']],
    rhel8: [['stig-postfix-relay', 'Dockerfile', 2, 23, 'definite']],
    judgedOver: /recognised from apt-get install postfix at Dockerfile line 2/,
  },
  {
    name: 'a later stage built FROM an earlier one keeps its base',
    files: { Dockerfile: `FROM debian:12 AS base\nRUN ${APT}\nFROM base\n${HOSTNAME}` },
    // At the FROM that names the distribution the later stage inherits.
    gen: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
    rhel8: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
  },
  {
    name: 'Debian preseeded "Satellite system" through debconf-set-selections: loopback-only',
    files: { Dockerfile: `FROM debian:12\nRUN echo "postfix postfix/main_mailer_type select Satellite system" | debconf-set-selections\nRUN ${APT}\n${HOSTNAME}` },
    gen: [],
    rhel8: OPEN_AT_FROM,
    judgedOver: /debconf "Satellite system"\), recognised from FROM debian:12 at Dockerfile line 1, preseeded at Dockerfile line 2/,
  },
  {
    name: 'a shell script on an unknown machine that opens inet_interfaces: smtpd_client_restrictions is empty there',
    files: { 'setup.sh': '#!/bin/sh\npostconf -e inet_interfaces=all\n' },
    gen: [['stig-postfix-relay', 'setup.sh', 2, 13, 'definite']],
    rhel8: [['stig-postfix-relay', 'setup.sh', 2, 13, 'definite']],
  },
  {
    name: 'a shell script with zypper (SUSE: not measured): unknown base',
    files: { 'setup.sh': '#!/bin/sh\nzypper --non-interactive install postfix\npostconf -e myhostname=x\n' },
    gen: [['stig-postfix-relay', 'setup.sh', 2, 1, 'indeterminate']],
    rhel8: [['stig-postfix-relay', 'setup.sh', 2, 1, 'definite']],
  },
  {
    name: 'kickstart %packages postfix: RHEL base',
    files: { 'mail.ks': '%packages\npostfix\n%end\n%post\npostconf -e myhostname=x\n%end\n' },
    gen: [],
    rhel8: [['stig-postfix-relay', 'mail.ks', 2, 1, 'definite']],
    judgedOver: /RHEL family's packaged main\.cf, recognised from kickstart %packages postfix at mail\.ks line 2/,
  },
  {
    name: 'Packer docker source image debian:12',
    files: {
      'image.pkr.hcl': 'source "docker" "mail" {\n  image  = "debian:12"\n  commit = true\n}\nbuild {\n  sources = ["source.docker.mail"]\n  provisioner "shell" {\n    inline = ["postconf -e myhostname=x"]\n  }\n}\n',
    },
    gen: [['stig-postfix-relay', 'image.pkr.hcl', 2, 3, 'definite']],
    rhel8: [['stig-postfix-relay', 'image.pkr.hcl', 2, 3, 'definite']],
    judgedOver: /recognised from Packer source image "debian:12" at image\.pkr\.hcl line 2/,
  },
  {
    name: 'Packer amazon-ebs source AMI filter naming Rocky Linux',
    files: {
      'image.pkr.hcl':
        'source "amazon-ebs" "mail" {\n  source_ami_filter {\n    filters = {\n      name = "Rocky-9-EC2-Base-9.4-*"\n    }\n  }\n  ami_name = "mail-ubuntu-copy"\n}\nbuild {\n  sources = ["source.amazon-ebs.mail"]\n  provisioner "shell" {\n    inline = ["sudo postconf -e myhostname=x"]\n  }\n}\n',
    },
    gen: [],
    rhel8: [['stig-postfix-relay', 'image.pkr.hcl', 4, 7, 'definite']],
  },
  {
    name: 'Terraform instance whose user data runs on an Ubuntu AMI',
    files: {
      'mail.tf':
        'data "aws_ami" "ubuntu" {\n  filter {\n    name   = "name"\n    values = ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"]\n  }\n}\nresource "aws_instance" "mx" {\n  ami       = data.aws_ami.ubuntu.id\n  user_data = <<EOF\n#!/bin/sh\npostconf -e myhostname=x\nEOF\n}\n',
    },
    gen: [['stig-postfix-relay', 'mail.tf', 4, 5, 'definite']],
    rhel8: [['stig-postfix-relay', 'mail.tf', 4, 5, 'definite']],
  },
  {
    name: 'Terraform instance whose #cloud-config user data runs on a Rocky Linux AMI',
    files: {
      'mail.tf':
        'data "aws_ami" "rocky" {\n  filter {\n    name   = "name"\n    values = ["Rocky-9-EC2-Base-9.4-*"]\n  }\n}\nresource "aws_instance" "mx" {\n  ami       = data.aws_ami.rocky.id\n  user_data = <<EOF\n#cloud-config\npackages: [postfix]\nruncmd:\n  - postconf -e myhostname=x\nEOF\n}\n',
    },
    gen: [],
    rhel8: [['stig-postfix-relay', 'mail.tf', 4, 5, 'definite']],
    judgedOver: /RHEL family's packaged main\.cf, recognised from instance/,
  },
  {
    name: 'Terraform instance whose #cloud-config user data runs on an Ubuntu AMI',
    files: {
      'mail.tf':
        'data "aws_ami" "ubuntu" {\n  filter {\n    name   = "name"\n    values = ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"]\n  }\n}\nresource "aws_instance" "mx" {\n  ami       = data.aws_ami.ubuntu.id\n  user_data = <<EOF\n#cloud-config\nruncmd:\n  - postconf -e myhostname=x\nEOF\n}\n',
    },
    gen: [['stig-postfix-relay', 'mail.tf', 4, 5, 'definite']],
    rhel8: [['stig-postfix-relay', 'mail.tf', 4, 5, 'definite']],
  },
  {
    name: 'Ansible: generic package module under when: ansible_os_family == "RedHat"',
    files: {
      'roles/mx/meta/main.yml': 'galaxy_info: {}\n',
      'roles/mx/tasks/main.yml':
        '- name: install\n  package:\n    name: postfix\n  when: ansible_os_family == "RedHat"\n- name: hostname\n  lineinfile:\n    path: /etc/postfix/main.cf\n    line: myhostname = x\n',
    },
    gen: [],
    rhel8: [['stig-postfix-relay', 'roles/mx/tasks/main.yml', 4, 9, 'definite']],
    judgedOver: /RHEL family's packaged main\.cf, recognised from when: ansible_os_family == "RedHat" at main\.yml line 4/,
  },
  {
    name: 'Ansible: a role for Debian and RedHat (apt and dnf under platform conditions): inet_interfaces differs, so indeterminate',
    files: {
      'roles/mx/meta/main.yml': 'galaxy_info: {}\n',
      'roles/mx/tasks/main.yml':
        '- apt:\n    name: postfix\n  when: ansible_os_family == "Debian"\n- dnf:\n    name: postfix\n  when: ansible_os_family == "RedHat"\n- lineinfile:\n    path: /etc/postfix/main.cf\n    line: myhostname = x\n',
    },
    // The packages also disagree on smtpd_relay_restrictions (Debian's postinst sets it, RHEL's leaves the default).
    gen: [
      ['postfix-open-relay', 'roles/mx/tasks/main.yml', 1, 3, 'indeterminate'],
      ['stig-postfix-relay', 'roles/mx/tasks/main.yml', 1, 3, 'indeterminate'],
    ],
    rhel8: [
      ['postfix-open-relay', 'roles/mx/tasks/main.yml', 1, 3, 'indeterminate'],
      ['stig-postfix-relay', 'roles/mx/tasks/main.yml', 1, 3, 'definite'],
    ],
  },
  {
    name: "Ansible: the role's entry point asserts the platform; another task file edits Postfix",
    files: {
      'meta/main.yml': 'galaxy_info: {}\n',
      'tasks/main.yml': '- name: only RHEL 8\n  assert:\n    that: ansible_facts.os_family == "RedHat"\n- import_tasks: mail.yml\n',
      'tasks/mail.yml': '- name: relayhost\n  command: postconf -e relayhost=[smtp.example.test]\n',
    },
    gen: [],
    rhel8: [['stig-postfix-relay', 'tasks/main.yml', 3, 11, 'definite']],
    judgedOver: /RHEL family's packaged main\.cf, recognised from assert that: ansible_facts\.os_family == "RedHat" at main\.yml line 3/,
  },
  {
    name: 'Ansible: debconf preseeds "Local only" for a Debian role',
    files: {
      'roles/mx/meta/main.yml': 'galaxy_info: {}\n',
      'roles/mx/tasks/main.yml':
        '- debconf:\n    name: postfix\n    question: postfix/main_mailer_type\n    value: Local only\n    vtype: select\n- apt:\n    name: postfix\n- lineinfile:\n    path: /etc/postfix/main.cf\n    line: myhostname = x\n',
    },
    gen: [],
    rhel8: [['stig-postfix-relay', 'roles/mx/tasks/main.yml', 6, 3, 'definite']],
  },
];

describe('a known base is judged in full; over an unknown base what the edits leave alone is unknown', () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const gen = await run(row.files);
      assert.deepEqual(findingRows(gen.findings), row.gen, 'gen004710');
      if (row.judgedOver !== undefined) assert.match(gen.findings[0]?.message ?? (await run(row.files, 'rhel8')).findings[0]?.message ?? '', row.judgedOver);
      assert.deepEqual(findingRows((await run(row.files, 'rhel8')).findings), row.rhel8, 'rhel8');
    });
  }

  it('changing FROM rockylinux:9 to FROM debian:12 turns a pass into a finding', async () => {
    const before = await run(dockerfile('rockylinux:9', DNF));
    assert.deepEqual(findingRows(before.findings), []);
    const after = await run(dockerfile('debian:12', APT));
    assert.deepEqual(findingRows(after.findings), OPEN_AT_FROM);
  });
});
