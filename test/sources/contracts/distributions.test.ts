import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  distributionOfAnsibleFact,
  distributionOfImage,
  distributionOfImageName,
  distributionOfPackageManager,
} from '../../../src/sources/contracts/distributions.js';

describe('distributionOfImage: image references as FROM and Packer write them', () => {
  const cases: [string, string | null][] = [
    ['debian:12', 'debian'],
    ['debian', 'debian'],
    ['DEBIAN:bookworm-slim', 'debian'],
    ['ubuntu:22.04', 'debian'],
    ['docker.io/library/ubuntu:24.04', 'debian'],
    ['public.ecr.aws/docker/library/debian:12', 'debian'],
    [`debian@sha256:${'0'.repeat(64)}`, 'debian'],
    ['localhost:5000/debian:12', 'debian'],
    ['python:3.12-slim-bookworm', 'debian'],
    ['buildpack-deps:jammy', 'debian'],
    ['registry.access.redhat.com/ubi9/ubi-minimal:9.4', 'rhel'],
    ['registry.access.redhat.com/ubi8', 'rhel'],
    ['redhat/ubi9', 'rhel'],
    ['rockylinux:9', 'rhel'],
    ['rockylinux/rockylinux:9', 'rhel'],
    ['almalinux:9', 'rhel'],
    ['almalinux/9-base', 'rhel'],
    ['quay.io/centos/centos:stream9', 'rhel'],
    ['centos:7', 'rhel'],
    ['fedora:40', 'rhel'],
    ['oraclelinux:9-slim', 'rhel'],
    ['alpine:3.20', 'alpine'],
    ['node:20-alpine', 'alpine'],
    ['nginx:alpine3.20', 'alpine'],
    ['opensuse/leap:15.6', 'suse'],
    // Not a distribution's own image: its main.cf is whatever its builder left.
    ['scratch', null],
    ['myorg/custom:1.0', null],
    ['myorg/debian:12', null],
    ['ghcr.io/myorg/ubuntu:22.04', null],
    ['gcr.io/distroless/base-debian12', null],
    ['python:3.12', null],
    ['', null],
  ];
  for (const [reference, family] of cases) {
    it(`${reference || '(empty)'} -> ${family ?? 'unknown'}`, () => {
      assert.equal(distributionOfImage(reference)?.family ?? null, family);
    });
  }
});

describe('other names of a base', () => {
  it('package managers', () => {
    assert.deepEqual(
      ['apt-get', 'apt', 'aptitude', 'dnf', 'yum', 'microdnf', 'apk', 'zypper', 'pacman', 'brew'].map((m) => distributionOfPackageManager(m)?.family ?? null),
      ['debian', 'debian', 'debian', 'rhel', 'rhel', 'rhel', 'alpine', 'suse', null, null],
    );
  });

  it('Ansible os_family and distribution facts', () => {
    assert.deepEqual(
      ['Debian', 'Ubuntu', 'RedHat', 'Rocky', 'AlmaLinux', 'OracleLinux', 'Alpine', 'Suse', 'Windows'].map((v) => distributionOfAnsibleFact(v)?.family ?? null),
      ['debian', 'debian', 'rhel', 'rhel', 'rhel', 'rhel', 'alpine', 'suse', null],
    );
  });

  it('machine-image names; a name naming two families says nothing', () => {
    assert.deepEqual(
      [
        'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*',
        'debian-12',
        'RHEL-9.4.0_HVM-*-x86_64-*',
        'Rocky-9-EC2-Base-9.4-*',
        '0001-com-ubuntu-server-jammy',
        'Canonical',
        'https://mirror.example/almalinux/9/isos/x86_64/AlmaLinux-9-latest-x86_64-minimal.iso',
        'mail-image-2024',
        'ubuntu-to-rocky-migration',
      ].map((n) => distributionOfImageName(n)?.family ?? null),
      ['debian', 'debian', 'rhel', 'rhel', 'debian', 'debian', 'rhel', null, null],
    );
  });
});
