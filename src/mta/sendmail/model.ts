import type { ConfigurationBase } from '../../model/configuration.js';
import type { Span } from '../../model/span.js';
import type { AccessMap } from './access-map.js';

/** One listener: a DAEMON_OPTIONS call in .mc, an `O DaemonPortOptions=` line in .cf, or a default cf.m4 adds. */
export interface DaemonPortOptions {
  /** The option text after `DaemonPortOptions=` (or the DAEMON_OPTIONS argument). */
  text: string;
  /** The bound address (the `Addr=` key, matched on its first letter); null means every interface. */
  address: string | null;
  port: string | null;
  name: string | null;
  /** The `Family=` key (inet, inet6, ...); null when not given (inet). */
  family: string | null;
  /** Where it comes from: a DAEMON_OPTIONS line, an O line, or the default MTA/MSA lines cf.m4 adds. */
  origin: 'DAEMON_OPTIONS' | 'O DaemonPortOptions' | 'default MTA' | 'default MSA';
  /** The line that creates it; for a default listener, the line to edit (e.g. the include of cf.m4, or line 1). */
  span: Span;
}

export interface SendmailFeature {
  name: string;
  args: string[];
  span: Span;
}

export interface SendmailConfiguration extends ConfigurationBase {
  mta: 'sendmail';
  /** The .mc file, when the configuration was judged from m4 source. */
  mc: string | null;
  /** The .cf file: the built one beside the .mc, or a .cf judged on its own. */
  cf: string | null;
  listeners: DaemonPortOptions[];
  /** Features in effect after m4 evaluation (undefine'd ones removed). */
  features: SendmailFeature[];
  /** Is promiscuous relay in effect? span: the line that enables it (FEATURE call, or the .cf ruleset evidence). */
  promiscuousRelay: { enabled: boolean; span: Span | null };
  /** RELAY_DOMAIN / RELAY_DOMAIN_FILE calls (class R: domains and networks allowed to relay). */
  relayDomains: { kind: 'RELAY_DOMAIN' | 'RELAY_DOMAIN_FILE'; value: string; span: Span }[];
  /**
   * Places where an unresolved template value (UNKNOWN_MARK) decides what m4
   * does (an unknown FEATURE name, an ifelse on an unknown value): the verdict
   * that depends on them is indeterminate.
   */
  unknowns: { span: Span; what: string }[];
  /** The include of cf.m4 when the .mc includes it itself (built as `m4 file.mc`); null otherwise. */
  cfInclude: Span | null;
  /**
   * Access map sources (`access`, `access.txt`) beside this configuration:
   * sendmail reads their RELAY entries when FEATURE(`access_db') is in effect.
   * A configuration made of access maps alone has no .mc and no .cf.
   */
  accessMaps?: AccessMap[];
}
