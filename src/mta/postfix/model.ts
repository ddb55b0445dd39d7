import type { ConfigurationBase } from '../../model/configuration.js';
import type { Diagnostic, Span } from '../../model/span.js';

/**
 * Where a run of a value's characters is in the file: value offsets
 * `offset`..`offset + length` start at `span`'s start (one run per physical
 * line of a continued value).
 */
export interface ValuePiece {
  offset: number;
  length: number;
  span: Span;
}

/** One `name = value` definition in main.cf (postconf(5)). Every definition is kept, in order. */
export interface MainCfParameter {
  name: string;
  /**
   * The raw value as Postfix reads it, not expanded: continuation lines are
   * concatenated keeping their leading whitespace (postconf -n prints every
   * whitespace run as one space), surrounding whitespace trimmed.
   */
  value: string;
  /** The whole logical line, continuation lines included. */
  span: Span;
  nameSpan: Span;
  /** Where the value starts and ends (the first value character to the last). */
  valueSpan: Span;
  /** Where each physical line's part of the value is (absent on definitions relaygate supplied). */
  valuePieces?: ValuePiece[];
  /**
   * Set on a definition relaygate supplied because edits apply to a file it
   * cannot see: why it is assumed ("Debian's packaged main.cf, assumed
   * because of FROM debian:12 at Dockerfile line 1"). Its spans point at that evidence.
   */
  assumed?: string;
}

export interface MainCf {
  file: string;
  parameters: MainCfParameter[];
  diagnostics: Diagnostic[];
  /**
   * main.cf was written by provisioning code (a heredoc, `copy: content`):
   * the edit that writes it. A finding about a setting main.cf lacks points
   * here rather than at line 1 of the host file.
   */
  writtenAt?: Span;
}

/** A `-o name=value` or `-o { name = value }` override on a master.cf service. */
export interface MasterOverride {
  name: string;
  value: string;
  span: Span;
  /** Where the value's characters are (absent on overrides relaygate supplied). */
  valuePieces?: ValuePiece[];
}

/** One service line of master.cf (master(5)). */
export interface MasterService {
  /** The first field as written: `smtp`, `127.0.0.1:smtp`, `[::1]:2525`. */
  name: string;
  /** The host part of an inet service name, without brackets; null when the service listens on inet_interfaces. */
  host: string | null;
  /** The port or service part of an inet service name. */
  port: string;
  type: string;
  private: string;
  unprivileged: string;
  chroot: string;
  wakeup: string;
  maxproc: string;
  command: string;
  /** Arguments after the command, as written (including the -o pairs). */
  args: string[];
  overrides: MasterOverride[];
  span: Span;
  nameSpan: Span;
  /** The command is smtpd (the SMTP server; its restrictions decide relaying). */
  smtpd: boolean;
  /** The command is postscreen (it hands clients to the `smtpd pass` service). */
  postscreen: boolean;
  /** The service type is `pass` (receives connections from postscreen). */
  pass: boolean;
}

export interface MasterCf {
  file: string;
  services: MasterService[];
  diagnostics: Diagnostic[];
}

/** One Postfix instance: the main.cf and master.cf of one configuration directory. */
export interface PostfixConfiguration extends ConfigurationBase {
  mta: 'postfix';
  /** Directory of the instance, relative to the scan root ('.' for the root). */
  directory: string;
  /** null: no main.cf in this directory (built-in defaults apply). */
  mainCf: MainCf | null;
  /** null: no master.cf beside main.cf (the stock master.cf applies). */
  masterCf: MasterCf | null;
  /**
   * The instance is only edits (`postconf -e`, `lineinfile`...) on a main.cf
   * the repository does not hold: the base assumed under them, and the
   * parameters (`name`) and master.cf overrides (`service/type/name`) the
   * edits change. Rules judge an overlay only on what it changes.
   */
  overlay?: {
    base: 'debian' | 'rhel' | 'postfix-defaults';
    touched: string[];
    /** The base in words, and why ("Debian's packaged main.cf, assumed because of FROM debian:12 at Dockerfile line 1"). */
    assumed: string;
  };
}
