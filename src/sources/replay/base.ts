import type { MainCfParameter } from '../../mta/postfix/model.js';
import type { Span } from '../../model/span.js';

export type BaseName = 'debian' | 'rhel' | 'postfix-defaults';

/**
 * What the distribution's postfix package installs as main.cf, for the
 * parameters the relay rules read. Debian/Ubuntu (postfix's postinst writes
 * main.cf with `inet_interfaces = all` and compatibility_level 3.6 on
 * bookworm); the RHEL family ships main.cf with `inet_interfaces =
 * localhost`. Neither sets smtpd_client_restrictions. Without evidence,
 * Postfix's built-in defaults apply (nothing to synthesise).
 */
const PACKAGED: Record<BaseName, { label: string; parameters: [string, string][] }> = {
  debian: {
    label: "Debian's packaged main.cf",
    parameters: [
      ['inet_interfaces', 'all'],
      ['compatibility_level', '3.6'],
    ],
  },
  rhel: { label: "the RHEL family's packaged main.cf", parameters: [['inet_interfaces', 'localhost']] },
  'postfix-defaults': { label: "Postfix's built-in defaults", parameters: [] },
};

export function baseLabel(base: BaseName): string {
  return PACKAGED[base].label;
}

/**
 * The packaged main.cf's definitions, each with `assumed` saying why, and
 * spans on `span` (the base evidence, or the first edit).
 */
export function baseParameters(base: BaseName, reason: string, span: Span): MainCfParameter[] {
  const { label, parameters } = PACKAGED[base];
  return parameters.map(([name, value]) => ({
    name,
    value,
    span,
    nameSpan: span,
    valueSpan: span,
    assumed: `${label}, assumed ${reason}`,
  }));
}
