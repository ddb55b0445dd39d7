/**
 * Which Linux distribution a provisioning file builds on, recognised from
 * the names provisioning code uses for it: a container image reference, a
 * package manager, a machine-image name (Packer, Terraform), an Ansible fact.
 * Every ecosystem asks here, so one image name means one base everywhere;
 * what each family's postfix package installs is src/sources/replay/base.ts.
 *
 * Recognisers are pure functions over short strings (an image reference,
 * a command name), linear in their length.
 */

/**
 * The families whose postfix packaging relaygate distinguishes: one
 * packaging per family (Ubuntu builds Debian's postfix source package; RHEL,
 * CentOS, Rocky, Alma, Oracle Linux and Fedora build Fedora's spec file).
 */
export type Family = 'debian' | 'rhel' | 'alpine' | 'suse';

/**
 * Images that write their own main.cf over their distribution's package
 * (docker-mailserver's, on Debian); what replay knows of each is
 * src/sources/replay/base.ts.
 */
export type Image = 'docker-mailserver';

export interface Distribution {
  family: Family;
  /** The distribution as named by the evidence ("Ubuntu", "Rocky Linux"). */
  name: string;
}

/** Image repository names (the last path component) of each distribution's official images. */
const IMAGE_NAMES: ReadonlyMap<string, Distribution> = new Map<string, Distribution>([
  ['debian', { family: 'debian', name: 'Debian' }],
  ['ubuntu', { family: 'debian', name: 'Ubuntu' }],
  ['rhel', { family: 'rhel', name: 'Red Hat Enterprise Linux' }],
  ['ubi', { family: 'rhel', name: 'Red Hat UBI' }],
  ['ubi-minimal', { family: 'rhel', name: 'Red Hat UBI' }],
  ['ubi-init', { family: 'rhel', name: 'Red Hat UBI' }],
  ['centos', { family: 'rhel', name: 'CentOS' }],
  ['rockylinux', { family: 'rhel', name: 'Rocky Linux' }],
  ['almalinux', { family: 'rhel', name: 'AlmaLinux' }],
  ['fedora', { family: 'rhel', name: 'Fedora' }],
  ['oraclelinux', { family: 'rhel', name: 'Oracle Linux' }],
  ['alpine', { family: 'alpine', name: 'Alpine Linux' }],
  ['leap', { family: 'suse', name: 'openSUSE Leap' }],
  ['tumbleweed', { family: 'suse', name: 'openSUSE Tumbleweed' }],
]);

/**
 * Namespaces a distribution publishes its images under: any repository in
 * them is that distribution (`rockylinux/rockylinux:9`, `almalinux/9-base`,
 * `ubi9/ubi-minimal`, `opensuse/leap`, `redhat/ubi9`). An organisation's own
 * namespace (`myorg/debian`) is not: its image may change main.cf.
 */
const NAMESPACES: ReadonlyMap<string, Distribution> = new Map<string, Distribution>([
  ['rockylinux', { family: 'rhel', name: 'Rocky Linux' }],
  ['almalinux', { family: 'rhel', name: 'AlmaLinux' }],
  ['redhat', { family: 'rhel', name: 'Red Hat UBI' }],
  ['ubi7', { family: 'rhel', name: 'Red Hat UBI' }],
  ['ubi8', { family: 'rhel', name: 'Red Hat UBI' }],
  ['ubi9', { family: 'rhel', name: 'Red Hat UBI' }],
  ['ubi10', { family: 'rhel', name: 'Red Hat UBI' }],
  ['rhel7', { family: 'rhel', name: 'Red Hat Enterprise Linux' }],
  ['rhel8', { family: 'rhel', name: 'Red Hat Enterprise Linux' }],
  ['rhel9', { family: 'rhel', name: 'Red Hat Enterprise Linux' }],
  ['rhel10', { family: 'rhel', name: 'Red Hat Enterprise Linux' }],
  ['centos', { family: 'rhel', name: 'CentOS' }],
  ['fedora', { family: 'rhel', name: 'Fedora' }],
  ['opensuse', { family: 'suse', name: 'openSUSE' }],
  ['suse', { family: 'suse', name: 'SUSE Linux Enterprise' }],
  ['bci', { family: 'suse', name: 'SUSE Linux Enterprise' }],
]);

/**
 * Tags of official images built on a named Debian or Ubuntu release
 * (`python:3.12-slim-bookworm`, `buildpack-deps:jammy`) and on Alpine
 * (`node:20-alpine`, `nginx:alpine3.20`): the Docker Official Images name
 * their variants after the base they are built FROM.
 */
const TAG_WORDS: ReadonlyMap<string, Distribution> = new Map<string, Distribution>([
  ...['jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie', 'forky'].map((w): [string, Distribution] => [w, { family: 'debian', name: 'Debian' }]),
  ...['trusty', 'xenial', 'bionic', 'focal', 'jammy', 'noble', 'oracular', 'plucky'].map((w): [string, Distribution] => [w, { family: 'debian', name: 'Ubuntu' }]),
  ['alpine', { family: 'alpine', name: 'Alpine Linux' }],
]);

/** Path components of a registry host: a dot, a port, or `localhost` (the Docker reference grammar). */
function isRegistry(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

/** Tag words: `3.12-slim-bookworm` -> 3, 12, slim, bookworm; `alpine3.20` -> alpine. */
function tagWords(tag: string): string[] {
  return tag.split(/[-_.]/).map(withoutTrailingDigits);
}

/** `ubi9` -> `ubi`: one pass from the end (a regular expression anchored at `$` would rescan every run of digits). */
function withoutTrailingDigits(word: string): string {
  let end = word.length;
  while (end > 0 && word.charCodeAt(end - 1) >= 48 && word.charCodeAt(end - 1) <= 57) end--;
  return word.slice(0, end);
}

/**
 * The distribution an image reference (`[registry/][namespace/]name[:tag][@digest]`,
 * as FROM and Packer's docker source write it) is built on, or null when the
 * reference does not say (`scratch`, `myorg/custom`, a variable).
 */
export function distributionOfImage(reference: string): Distribution | null {
  let ref = reference.trim().toLowerCase();
  const at = ref.indexOf('@');
  if (at >= 0) ref = ref.slice(0, at);
  const parts = ref.split('/').filter((p) => p !== '');
  if (parts.length > 1 && isRegistry(parts[0] as string)) parts.shift();
  const last = parts.pop();
  if (last === undefined) return null;
  const colon = last.indexOf(':');
  const name = colon < 0 ? last : last.slice(0, colon);
  const tag = colon < 0 ? '' : last.slice(colon + 1);
  // Docker Hub's official images live in `library/`; mirrors keep that path
  // (`public.ecr.aws/docker/library/debian`).
  const namespace = parts.at(-1) ?? 'library';
  const official = namespace === 'library' && (parts.length <= 1 || parts.at(-2) === 'docker');
  const inNamespace = parts.length > 0 ? NAMESPACES.get(namespace) : undefined;
  if (inNamespace !== undefined) return inNamespace;
  if (!official) return null;
  const byName = IMAGE_NAMES.get(name) ?? IMAGE_NAMES.get(withoutTrailingDigits(name));
  if (byName !== undefined) return byName;
  for (const word of tagWords(tag)) {
    const byTag = TAG_WORDS.get(word);
    if (byTag !== undefined) return byTag;
  }
  return null;
}

/**
 * The distribution a package manager belongs to: `apt-get install postfix`
 * can only run on the Debian family, `dnf`/`yum`/`microdnf` on the RHEL
 * family (Fedora's packaging), `apk` on Alpine, `zypper` on SUSE.
 */
export function distributionOfPackageManager(command: string): Distribution | null {
  switch (command) {
    case 'apt':
    case 'apt-get':
    case 'aptitude':
      return { family: 'debian', name: 'the Debian family' };
    case 'dnf':
    case 'yum':
    case 'microdnf':
      return { family: 'rhel', name: 'the RHEL family' };
    case 'apk':
      return { family: 'alpine', name: 'Alpine Linux' };
    case 'zypper':
      return { family: 'suse', name: 'SUSE' };
    default:
      return null;
  }
}

/**
 * Values of Ansible's `ansible_os_family` and `ansible_distribution` facts
 * (lib/ansible/module_utils/facts/system/distribution.py: OS_FAMILY_MAP).
 */
const ANSIBLE_FACTS: ReadonlyMap<string, Distribution> = new Map<string, Distribution>([
  ['debian', { family: 'debian', name: 'Debian' }],
  ['ubuntu', { family: 'debian', name: 'Ubuntu' }],
  ['redhat', { family: 'rhel', name: 'the RHEL family' }],
  ['centos', { family: 'rhel', name: 'CentOS' }],
  ['rocky', { family: 'rhel', name: 'Rocky Linux' }],
  ['almalinux', { family: 'rhel', name: 'AlmaLinux' }],
  ['fedora', { family: 'rhel', name: 'Fedora' }],
  ['oraclelinux', { family: 'rhel', name: 'Oracle Linux' }],
  ['alpine', { family: 'alpine', name: 'Alpine Linux' }],
  ['suse', { family: 'suse', name: 'SUSE' }],
  ['opensuse leap', { family: 'suse', name: 'openSUSE Leap' }],
  ['sles', { family: 'suse', name: 'SUSE Linux Enterprise' }],
]);

export function distributionOfAnsibleFact(value: string): Distribution | null {
  return ANSIBLE_FACTS.get(value.trim().toLowerCase()) ?? null;
}

/**
 * Words of machine-image names (AMI name filters, GCE image families, Azure
 * offers, ISO file names: `ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*`,
 * `debian-12`, `Rocky-9.3-x86_64-minimal.iso`, `RHEL-9.4.0_HVM-*`). A name
 * that names two families says nothing.
 */
const IMAGE_WORDS: ReadonlyMap<string, Distribution> = new Map<string, Distribution>([
  ['debian', { family: 'debian', name: 'Debian' }],
  ['ubuntu', { family: 'debian', name: 'Ubuntu' }],
  ['canonical', { family: 'debian', name: 'Ubuntu' }],
  ['rhel', { family: 'rhel', name: 'Red Hat Enterprise Linux' }],
  ['redhat', { family: 'rhel', name: 'Red Hat Enterprise Linux' }],
  ['centos', { family: 'rhel', name: 'CentOS' }],
  ['rocky', { family: 'rhel', name: 'Rocky Linux' }],
  ['rockylinux', { family: 'rhel', name: 'Rocky Linux' }],
  ['almalinux', { family: 'rhel', name: 'AlmaLinux' }],
  ['fedora', { family: 'rhel', name: 'Fedora' }],
  ['oraclelinux', { family: 'rhel', name: 'Oracle Linux' }],
  ['alpine', { family: 'alpine', name: 'Alpine Linux' }],
  ['opensuse', { family: 'suse', name: 'openSUSE' }],
  ['sles', { family: 'suse', name: 'SUSE Linux Enterprise' }],
]);

export function distributionOfImageName(name: string): Distribution | null {
  let found: Distribution | null = null;
  for (const word of name.toLowerCase().split(/[^a-z]+/)) {
    const d = IMAGE_WORDS.get(word);
    if (d === undefined) continue;
    if (found !== null && found.family !== d.family) return null;
    found ??= d;
  }
  return found;
}
