import { UNKNOWN_MARK } from '../model/source.js';
import type { Configuration } from './configuration.js';
import { exposure as eximExposure } from './exim/relay.js';
import { listenerLoopback } from './opensmtpd/relay.js';
import { smtpdListeners } from './postfix/listeners.js';
import { listenerExposure } from './sendmail/daemon-port-options.js';

/** Where one configuration accepts SMTP connections, for reports: `*:smtp`, `127.0.0.1:2525`, with how far it reaches. */
export interface ListenSummary {
  /** `host:port` as the server binds it; `*` for every address. */
  address: string;
  /** loopback: only this host can connect; exposed: other hosts can; unknown: depends on a value relaygate could not resolve. */
  reach: 'loopback' | 'exposed' | 'unknown';
}

const shown = (text: string): string => text.split(UNKNOWN_MARK).join('?');

/**
 * The SMTP listeners of a configuration, as the rules see them: Postfix's
 * inet smtpd/postscreen services on inet_interfaces or their own host
 * (master(5)), sendmail's DaemonPortOptions including the MTA and MSA
 * listeners cf.m4 adds by default.
 */
export function listening(config: Configuration): ListenSummary[] {
  switch (config.mta) {
    case 'postfix':
      return smtpdListeners(config).map((l) => {
        const interfaces = l.interfaces === null ? '' : ` (inet_interfaces = ${shown(l.interfaces.value) || '""'})`;
        return { address: `${shown(l.label)}${interfaces}`, reach: l.external === 'unknown' ? 'unknown' : l.external ? 'exposed' : 'loopback' };
      });
    case 'sendmail':
      // No DaemonPortOptions at all: sendmail listens on port 25 on every address.
      if (config.listeners.length === 0) return [{ address: '*:smtp', reach: 'exposed' }];
      return config.listeners.map((l) => {
        const exposure = listenerExposure(l);
        const port = l.origin === 'default MSA' ? '587' : (l.port ?? 'smtp');
        return { address: `${shown(l.address ?? '*')}:${shown(port)}`, reach: exposure };
      });
    case 'exim': {
      // daemon.c: local_interfaces unset is every IPv6 and IPv4 address.
      const e = eximExposure(config);
      if (e.unset) return [{ address: '*:smtp', reach: 'exposed' }];
      if (e.listeners.length === 0) return [{ address: '?', reach: 'unknown' }];
      return e.listeners.map((l) => ({ address: shown(l.text), reach: l.loopback ? 'loopback' : 'exposed' }));
    }
    case 'opensmtpd':
      return config.listeners
        .filter((l) => l.kind !== 'socket')
        .map((l) => {
          const loopback = listenerLoopback(l);
          return { address: `${shown(l.on)}:${l.port ?? (l.tls === 'smtps' ? 465 : 25)}`, reach: loopback === 'yes' ? 'loopback' : loopback === 'no' ? 'exposed' : 'unknown' };
        });
  }
}
