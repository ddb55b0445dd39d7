import type { ConfigurationBase } from '../../model/configuration.js';
import type { Span } from '../../model/span.js';
import type { MappedText } from './mapped-text.js';

/** One main-section option setting (`name = value`, `name`, `no_name`, `hide name = value`). */
export interface EximOption {
  name: string;
  /** The value as Exim keeps it (quoted strings de-quoted); null for a boolean set without `=`. */
  value: MappedText | null;
  /** For booleans: the value set. */
  bool: boolean | null;
  span: Span;
  /** Under a conditional relaygate could not decide. */
  maybe: boolean;
}

export type NamedListKind = 'domainlist' | 'hostlist' | 'addresslist' | 'localpartlist';

/** `hostlist relay_from_hosts = ...` and its kin. */
export interface NamedList {
  kind: NamedListKind;
  name: string;
  value: MappedText;
  span: Span;
  maybe: boolean;
}

export type AclVerb = 'accept' | 'defer' | 'deny' | 'discard' | 'drop' | 'require' | 'warn';

/** A condition or modifier of an ACL statement (`hosts = ...`, `!verify = recipient`, `endpass`). */
export interface AclCondition {
  name: string;
  negated: boolean;
  /** The argument after `=` (not expanded); null for `endpass`. */
  arg: MappedText | null;
  modifier: boolean;
  span: Span;
}

export interface AclStatement {
  /** null: an `.include` relaygate could not read stands here; anything may. */
  verb: AclVerb | null;
  conditions: AclCondition[];
  span: Span;
  maybe: boolean;
}

export interface Acl {
  name: string;
  statements: AclStatement[];
  span: Span;
  maybe: boolean;
}

/** A router (routers section): what recipient verification runs through. */
export interface EximRouter {
  name: string;
  /** The `driver` option (dnslookup, manualroute, redirect, accept...); null when unknown. */
  driver: string | null;
  /** The `domains` option, unexpanded; null when unset (every domain). */
  domains: MappedText | null;
  span: Span;
  maybe: boolean;
}

/** A place where relaygate cannot know what Exim reads: an unreadable include, an undecided conditional. */
export interface EximUnknown {
  span: Span;
  what: string;
}

/** What Exim reads from one configuration (one file, or a Debian tree assembled as update-exim4.conf does). */
export interface EximConfig {
  options: EximOption[];
  lists: NamedList[];
  acls: Acl[];
  routers: EximRouter[];
  /** The routers section has a file relaygate cannot read. */
  routerIncludes: boolean;
  /** Unreadable includes in the main section: any option not set before them may be set there. */
  mainIncludes: Span[];
  /** Unreadable includes in the acl section: any ACL may be defined there. */
  aclIncludes: Span[];
  unknowns: EximUnknown[];
  /** The first line of the configuration (a finding about an unset option points here). */
  start: Span;
}

export interface EximConfiguration extends ConfigurationBase, EximConfig {
  mta: 'exim';
  /**
   * How the configuration was put together: one file Exim reads, or what
   * Debian's update-exim4.conf builds from update-exim4.conf.conf and the
   * split conf.d tree, exim4.conf.template, or (when the repository has
   * only update-exim4.conf.conf) the relay policy of Debian's packaged template.
   */
  layout: 'file' | 'debian-split' | 'debian-template' | 'debian-packaged';
  /** update-exim4.conf.conf of a Debian configuration, when there is one. */
  debconf: string | null;
}
