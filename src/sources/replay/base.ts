/**
 * What a distribution's postfix package installs as main.cf, for the
 * parameters the rules read, and how edits over a main.cf the repository
 * does not hold are judged.
 *
 * - A recognised distribution (contracts/distributions.ts): its packaged
 *   main.cf plus the edits is the whole configuration, judged in full.
 * - No recognised distribution: a parameter the edits do not set is unknown
 *   (the image's own main.cf decides), not Postfix's built-in default,
 *   except those in UNSET_IN_EVERY_PACKAGED_MAIN_CF.
 * - The packaged master.cf of every distribution checked has the stock
 *   `smtp inet ... smtpd` service: the master.cf the edits apply to, when
 *   they do not write one.
 *
 * Sources of every fact (read from the packages themselves, never from
 * third-party descriptions):
 * - Debian 12 (postfix 3.7.11-0+deb12u1): /var/lib/dpkg/info/postfix.templates
 *   (`postfix/main_mailer_type` Default: Internet Site; `postfix/mynetworks`
 *   Default: 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128), postfix.config
 *   (the answer switches to "No configuration" only when /etc/postfix/main.cf
 *   already exists, which it does not in a fresh image; a noninteractive
 *   frontend takes the default), postfix.postinst (no main.cf yet: copies
 *   /usr/share/postfix/main.cf.debian, runs `postconf -e
 *   smtpd_relay_restrictions=permit_mynetworks permit_sasl_authenticated
 *   defer_unauth_destination`, marks every answer changed, so it writes
 *   mynetworks and `inet_interfaces=all` for Internet Site and Internet with
 *   smarthost, `loopback-only` for Satellite system and Local only;
 *   "No configuration" writes no main.cf at all), main.cf.debian
 *   (`compatibility_level = 3.6`). Checked against `postconf -n` of a fresh
 *   noninteractive install. Ubuntu builds the same source package (its
 *   config script branches on the distribution only for a question's priority).
 * - RHEL family: Fedora's spec applies postfix-3.x-config.patch to
 *   conf/main.cf, adding `inet_interfaces = localhost` and `inet_protocols =
 *   all` (read in the copy Azure Linux carries, SPECS/postfix/postfix-3.5.0-config.patch);
 *   RHEL, CentOS, Rocky, Alma and Oracle Linux rebuild that spec. The
 *   compatibility_level line is upstream's: 2 in Postfix 3.0 to 3.5 (RHEL 8: 3.3, RHEL 9: 3.5).
 * - Alpine (aports main/postfix/APKBUILD): `make non-interactive-package`
 *   installs upstream conf/main.cf; no patch touches it (the only sed edits
 *   conf/master.cf's paths). Upstream conf/main.cf leaves every
 *   `#inet_interfaces` line commented, so Postfix's built-in default `all`
 *   applies, and sets compatibility_level to its release's level (3.6 and
 *   later from Postfix 3.6, which Alpine ships since 3.14).
 * - smtpd_client_restrictions: set by none of the above (main.cf.debian,
 *   main.cf.tls, the postinst, Fedora's config patch, upstream conf/main.cf).
 */
import type { MainCfParameter } from '../../mta/postfix/model.js';
import { UNKNOWN_MARK } from '../../model/source.js';
import type { Span } from '../../model/span.js';
import type { Family, Image } from '../contracts/distributions.js';

/** One row of the table: a family's packaged main.cf. */
interface PackagedMainCf {
  /** "Debian's packaged main.cf" */
  label: string;
  /** Definitions in the order the package writes them; null: not measured, judged as an unknown base. */
  parameters: readonly (readonly [string, string])[] | null;
  /** Distributions and releases whose package was read. */
  checked: readonly string[];
}

const DEBIAN_INTERNET_SITE: readonly (readonly [string, string])[] = [
  ['compatibility_level', '3.6'],
  ['smtpd_relay_restrictions', 'permit_mynetworks permit_sasl_authenticated defer_unauth_destination'],
  ['mynetworks', '127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128'],
  ['inet_interfaces', 'all'],
];

export const PACKAGED: Readonly<Record<Family, PackagedMainCf>> = {
  debian: {
    label: "the Debian family's packaged main.cf (debconf \"Internet Site\")",
    parameters: DEBIAN_INTERNET_SITE,
    checked: ['Debian 12 (postfix 3.7.11)', 'Ubuntu (the same source package)'],
  },
  rhel: {
    label: "the RHEL family's packaged main.cf",
    parameters: [
      ['compatibility_level', '2'],
      ['inet_interfaces', 'localhost'],
      ['inet_protocols', 'all'],
    ],
    checked: ["Fedora's postfix spec and config patch (rebuilt by RHEL, CentOS, Rocky, Alma, Oracle Linux)"],
  },
  alpine: {
    label: "Alpine's packaged main.cf (upstream's)",
    parameters: [['compatibility_level', '3.6']],
    checked: ['Alpine aports main/postfix (upstream conf/main.cf, unpatched)'],
  },
  suse: {
    label: "SUSE's packaged main.cf",
    parameters: null,
    checked: [],
  },
};

/**
 * What an image's own main.cf sets in every release that was read: those
 * definitions are the base; every other parameter is unknown.
 * - docker-mailserver: target/postfix/main.cf of its repository, every
 *   revision from 2016-04 to 2026-08 (63): `inet_interfaces = all` and
 *   `smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated
 *   defer_unauth_destination` in each. The other restriction lists change
 *   between releases and at start-up (the image's scripts add to them and
 *   set mynetworks from PERMIT_DOCKER), so they stay unknown.
 */
const IMAGES: Readonly<Record<Image, { label: string; known: string; parameters: readonly (readonly [string, string])[] }>> = {
  'docker-mailserver': {
    label: "the docker-mailserver image's main.cf",
    known: 'inet_interfaces = all and its smtpd_relay_restrictions, as in every release',
    parameters: [
      ['inet_interfaces', 'all'],
      ['smtpd_relay_restrictions', 'permit_mynetworks permit_sasl_authenticated defer_unauth_destination'],
    ],
  },
};

/**
 * Parameters that no distribution's packaged main.cf sets (checked: every
 * family of PACKAGED whose `parameters` are measured): over an unknown base
 * they are unset, not unknown.
 */
export const UNSET_IN_EVERY_PACKAGED_MAIN_CF: readonly string[] = ['smtpd_client_restrictions'];

/** The distributions whose packaged main.cf was read for UNSET_IN_EVERY_PACKAGED_MAIN_CF. */
export const DISTRIBUTIONS_CHECKED: readonly string[] = Object.values(PACKAGED).flatMap((p) => (p.parameters === null ? [] : p.checked));

/**
 * Debian's debconf answers to postfix/main_mailer_type and what the postinst
 * then writes (see the sources above): inet_interfaces, or no main.cf at all.
 */
const MAILER_TYPES: ReadonlyMap<string, { interfaces: string | null; label: string }> = new Map([
  ['internet site', { interfaces: 'all', label: 'Internet Site' }],
  ['internet with smarthost', { interfaces: 'all', label: 'Internet with smarthost' }],
  ['satellite system', { interfaces: 'loopback-only', label: 'Satellite system' }],
  ['local only', { interfaces: 'loopback-only', label: 'Local only' }],
  ['no configuration', { interfaces: null, label: 'No configuration' }],
]);

/** Evidence of a base, as the edits give it. */
export interface BaseEvidence {
  distribution: Family;
  evidence: string;
  span: Span;
  mailerType?: string;
  /** An image that writes its own main.cf over the package's; see the `base` edit. */
  image?: Image;
}

/**
 * The main.cf the edits of one instance apply to:
 * - `packaged`: the definitions the package writes (spans on the evidence);
 * - `defaults`: no main.cf at all, Postfix's built-in defaults (Debian's "No configuration");
 * - `unknown`: nothing recognised, or families that disagree on a value.
 */
export interface Base {
  kind: 'packaged' | 'defaults' | 'unknown';
  /** The base in words and where it was recognised ("the RHEL family's packaged main.cf, recognised from FROM rockylinux:9 at Dockerfile line 1"). */
  assumed: string;
  /** The first line the base was recognised from. */
  span: Span | null;
  parameters: MainCfParameter[];
  /** For `unknown`: parameters that are unset rather than unknown. */
  knownUnset: readonly string[];
  /** Short name for the configuration (`overlay.base`). */
  name: Family | 'postfix-defaults' | 'unknown';
  /** For `unknown`: why the rest of main.cf is unknown, in words for messages; absent: no distribution was recognised. */
  rest?: string;
}

function lineOf(span: Span): string {
  return `${span.file.slice(span.file.lastIndexOf('/') + 1)} line ${span.line}`;
}

function recognised(evidence: BaseEvidence): string {
  return `${evidence.evidence} at ${lineOf(evidence.span)}`;
}

/** A family's packaged definitions as main.cf parameters, spans on the evidence. */
function packagedParameters(parameters: readonly (readonly [string, string])[], assumed: string, span: Span): MainCfParameter[] {
  return parameters.map(([name, value]) => ({ name, value, span, nameSpan: span, valueSpan: span, assumed }));
}

/** The packaged definitions of one family, with Debian's preseeded mailer type applied. */
function familyBase(family: Family, mailerType: string | undefined): { label: string; parameters: readonly (readonly [string, string])[] | null; noMainCf: boolean } {
  const row = PACKAGED[family];
  if (family !== 'debian' || mailerType === undefined) return { label: row.label, parameters: row.parameters, noMainCf: false };
  const answer = MAILER_TYPES.get(mailerType.trim().toLowerCase());
  // An answer debconf does not offer leaves the question unanswered: the default applies.
  if (answer === undefined) return { label: row.label, parameters: row.parameters, noMainCf: false };
  if (answer.interfaces === null) return { label: `no main.cf (debconf "${answer.label}")`, parameters: [], noMainCf: true };
  const interfaces = answer.interfaces;
  const parameters = DEBIAN_INTERNET_SITE.map(([n, v]): readonly [string, string] => [n, n === 'inet_interfaces' ? interfaces : v]);
  return { label: `the Debian family's packaged main.cf (debconf "${answer.label}")`, parameters, noMainCf: false };
}

/**
 * The base of one instance from its evidence. Several families (a role
 * that installs with apt on Debian and dnf on RHEL) make one configuration
 * whose packaged values are known where the families agree and unknown
 * where they differ.
 */
export function resolveBase(evidence: readonly BaseEvidence[], unknownSpan: Span): Base {
  const preseed = evidence.findLast((e) => e.mailerType !== undefined);
  const mailerType = preseed?.mailerType;
  const families = [...new Set(evidence.map((e) => e.distribution))];
  const first = evidence[0];
  // An image's own main.cf: what every release of it sets is known, the rest unknown (smtpd_client_restrictions too).
  const image = evidence.find((e) => e.image !== undefined);
  if (image?.image !== undefined) {
    const row = IMAGES[image.image];
    // The evidence may be in another file (a compose file's image line): its words say where.
    const assumed = `${row.label}, recognised from ${image.evidence}: ${row.known}; the other parameters the edits leave alone are unknown, smtpd_client_restrictions included`;
    return {
      kind: 'unknown',
      assumed,
      span: image.span,
      parameters: packagedParameters(row.parameters, assumed, image.span),
      knownUnset: [],
      name: 'unknown',
      rest: `the rest of main.cf is ${row.label}, which relaygate models only in part`,
    };
  }
  if (first === undefined || families.length === 0) {
    return {
      kind: 'unknown',
      assumed: "a main.cf relaygate does not know: nothing in the repository says which distribution this is, so the parameters the edits leave alone are unknown, except smtpd_client_restrictions, which no distribution's packaged main.cf sets",
      span: null,
      parameters: [],
      knownUnset: UNSET_IN_EVERY_PACKAGED_MAIN_CF,
      name: 'unknown',
    };
  }
  // A family is recognised from its first evidence that is not a preseed (the install, the image).
  const evidenceOf = (f: Family): BaseEvidence => (evidence.find((e) => e.distribution === f && e.mailerType === undefined) ?? evidence.find((e) => e.distribution === f)) as BaseEvidence;
  const rows = families.map((f) => ({ family: f, ...familyBase(f, mailerType), evidence: evidenceOf(f) }));
  const unmeasured = rows.find((r) => r.parameters === null);
  if (unmeasured !== undefined) {
    return {
      kind: 'unknown',
      assumed: `${unmeasured.label}, recognised from ${recognised(unmeasured.evidence)}, whose values relaygate has not measured: the parameters the edits leave alone are unknown, except smtpd_client_restrictions, which no distribution's packaged main.cf sets`,
      span: unmeasured.evidence.span,
      parameters: [],
      knownUnset: UNSET_IN_EVERY_PACKAGED_MAIN_CF,
      name: 'unknown',
    };
  }
  if (rows.length === 1) {
    const row = rows[0] as (typeof rows)[number];
    const preseeded = preseed !== undefined && row.family === 'debian' && preseed !== row.evidence ? `, preseeded at ${lineOf(preseed.span)}` : '';
    const assumed = `${row.label}, recognised from ${recognised(row.evidence)}${preseeded}`;
    return {
      kind: row.noMainCf ? 'defaults' : 'packaged',
      assumed: row.noMainCf ? `${assumed}: Postfix's built-in defaults` : assumed,
      span: row.evidence.span,
      parameters: packagedParameters(row.parameters ?? [], assumed, row.evidence.span),
      knownUnset: [],
      name: row.noMainCf ? 'postfix-defaults' : row.family,
    };
  }
  return mixedBase(rows.map((r) => ({ label: r.label, parameters: r.parameters ?? [], evidence: r.evidence })), unknownSpan);
}

/**
 * Families that disagree: a value every family's package writes alike is
 * kept; any other packaged parameter is unknown, and so is everything the
 * packages leave to Postfix's defaults when one of them sets it.
 */
function mixedBase(rows: { label: string; parameters: readonly (readonly [string, string])[]; evidence: BaseEvidence }[], unknownSpan: Span): Base {
  const names = new Set(rows.flatMap((r) => r.parameters.map(([n]) => n)));
  const assumed = `the packaged main.cf of either ${rows.map((r) => `${r.label.replace(/^the /, '')} (${recognised(r.evidence)})`).join(' or ')}`;
  const span = rows[0]?.evidence.span ?? unknownSpan;
  const parameters: MainCfParameter[] = [];
  for (const name of names) {
    const values = rows.map((r) => r.parameters.findLast(([n]) => n === name)?.[1]);
    const same = values.every((v) => v === values[0]) ? values[0] : undefined;
    parameters.push({ name, value: same ?? UNKNOWN_MARK, span, nameSpan: span, valueSpan: span, assumed: same === undefined ? `${assumed}: the packages disagree` : assumed });
  }
  return { kind: 'packaged', assumed, span, parameters, knownUnset: [], name: 'unknown' };
}
