import type { ConfigurationBase } from '../../model/configuration.js';
import type { Span } from '../../model/span.js';

/** One listener: a DAEMON_OPTIONS call in .mc, an `O DaemonPortOptions=` line in .cf, or a default cf.m4 adds. */
export interface DaemonPortOptions {
  /** The option text after `DaemonPortOptions=` (or the DAEMON_OPTIONS argument). */
  text: string;
  /** The bound address (the `Addr=` key, matched on its first letter); null means every interface. */
  address: string | null;
  port: string | null;
  name: string | null;
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
}
