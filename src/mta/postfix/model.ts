import type { ConfigurationBase } from '../../model/configuration.js';
import type { Diagnostic, Span } from '../../model/span.js';

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
}

export interface MainCf {
  file: string;
  parameters: MainCfParameter[];
  diagnostics: Diagnostic[];
}

/** A `-o name=value` or `-o { name = value }` override on a master.cf service. */
export interface MasterOverride {
  name: string;
  value: string;
  span: Span;
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
}
