import type { Options } from '../../src/config/options.js';

/**
 * For tests of how the sources stage hands configurations to the STIG rules
 * (template spans, edits, bases): the open-relay rules, which judge the same
 * files on other grounds, are turned off as `.relaygate.yml` `rules:` would.
 * test/relay-rules-scan.test.ts runs them through scan() with everything on.
 */
export function withoutRelayRules(options: Options): Options {
  return { ...options, rules: { ...options.rules, 'postfix-open-relay': 'off', 'postfix-broad-mynetworks': 'off', 'sendmail-relay-feature': 'off' } };
}
