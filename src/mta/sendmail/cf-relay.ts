import type { Span } from '../../model/span.js';
import type { SendmailConfiguration, SendmailFeature } from './model.js';

/** A logical .cf line, as cf.ts reads it. */
export interface CfRuleLine {
  text: string;
  span: Span;
  /** The ruleset it belongs to (`S` line name), or null before the first one. */
  ruleset: string | null;
}

/**
 * The relay features a built .cf shows in its rules, measured against
 * sendmail-cf 8.17 by building a .mc with and without each feature:
 * - relay_entire_domain: `R$+ < @ $* $=m > $@ RELAY` (hosts in the local domain $=m relay);
 * - relay_based_on_MX: rules that look up the `mxserved` map (the `Kmxserved`
 *   line stays when the feature's macro is undefined again; the rules go);
 * - loose_relay_check: Rcpt_ok no longer starts with `$>ParseRecipient`;
 * - relay_local_from: `R<?> $+ < @ $=w > $@ RELAY` in Relay_ok, after `$>CanonAddr $&f` (a local sender relays);
 * - relay_mail_from: the `<F:$1@$2>` access lookup of the sender answered `<RELAY>`;
 * - relay_hosts_only: class R matched as `< @ $=R >` without `$*` in front;
 * - access_db: the `Kaccess` map.
 * Class R lines (`CR`/`C{R}`, `FR`/`F{R}` other than proto.m4's own
 * `FR-o /etc/mail/relay-domains`, whatever scanf format follows) are
 * RELAY_DOMAIN and RELAY_DOMAIN_FILE.
 */
export function relayFromCf(
  lines: readonly CfRuleLine[],
): Pick<SendmailConfiguration, 'features' | 'relayDomains'> {
  const features: SendmailFeature[] = [];
  const relayDomains: SendmailConfiguration['relayDomains'] = [];
  const add = (name: string, span: Span): void => {
    if (!features.some((f) => f.name === name)) features.push({ name, args: [], span });
  };
  const rcptOk = lines.filter((l) => l.ruleset === 'Rcpt_ok' && l.text.startsWith('R'));
  for (const l of lines) {
    const t = l.text;
    if (/^Kaccess[ \t]/.test(t)) add('access_db', l.span);
    else if (/^C(?:R|\{R\})/.test(t)) {
      const value = t.replace(/^C(?:R|\{R\})/, '').trim();
      if (value !== '') relayDomains.push({ kind: 'RELAY_DOMAIN', value, span: l.span });
    } else if (/^F(?:R|\{R\})/.test(t)) {
      // `F{R}[-o] file [scanf format]` (Debian's ostype adds `%[^\#]`).
      const words = t.replace(/^F(?:R|\{R\})/, '').trim().split(/[ \t]+/).filter((w) => w !== '-o');
      const file = words[0] ?? '';
      if (file !== '' && file !== '/etc/mail/relay-domains') relayDomains.push({ kind: 'RELAY_DOMAIN_FILE', value: file, span: l.span });
    } else if (t.startsWith('R')) {
      if (t.includes('$(mxserved')) add('relay_based_on_MX', l.span);
      else if (t.includes('$=m') && /\$@[ \t]*RELAY|\$:[ \t]*<RELAY>/.test(t)) add('relay_entire_domain', l.span);
      else if (t.includes('<! From>') && t.includes('<F:$1@$2>')) add('relay_mail_from', l.span);
      else if (/^R<\?>[ \t]*\$\+[ \t]*<[ \t]*@[ \t]*\$=w[ \t]*>[ \t]+\$@[ \t]*RELAY/.test(t) && l.ruleset === 'Relay_ok') add('relay_local_from', l.span);
      else if (/<[ \t]*@[ \t]*\$=R[ \t]*>/.test(t)) add('relay_hosts_only', l.span);
    }
  }
  const first = rcptOk[0];
  if (first !== undefined && !rcptOk.some((l) => l.text.includes('$>ParseRecipient')) && first.text.includes('$>CanonAddr')) {
    add('loose_relay_check', first.span);
  }
  return { features, relayDomains };
}
