import { readAddressList } from './address-lists.js';
import type { RelayParameters } from './relay-decision.js';

/** A reason smtpd exits at startup, besides the missing relay restriction (smtpd-startup.ts). */
export interface StartupProblem {
  /** The parameter whose value smtpd refuses. */
  parameter: string;
  message: string;
  fix: string;
  /** The value comes from a template expression: smtpd may or may not refuse it. */
  unknown: boolean;
}

/**
 * smtpd_check_init() refuses, measured against smtpd 3.7: a mynetworks item
 * with a `:` outside brackets that is not `type:name` (an unbracketed IPv6
 * network `::1/128`: "open dictionary: expecting "type:name" form").
 * A restriction class without a definition stops smtpd at the same point;
 * it is config-unreadable (fatal.ts), so it is not reported twice.
 */
export function startupProblems(parameters: RelayParameters): StartupProblem[] {
  const problems: StartupProblem[] = [];
  const mynetworks = parameters.get('mynetworks');
  if (mynetworks.origin.kind !== 'default') {
    for (const item of readAddressList(mynetworks.value)) {
      if (item.bareIpv6 === true) {
        const slash = item.text.indexOf('/');
        const bracketed = slash < 0 ? `[${item.text}]` : `[${item.text.slice(0, slash)}]${item.text.slice(slash)}`;
        problems.push({
          parameter: 'mynetworks',
          message: `mynetworks item ${item.text} is read as a lookup table (IPv6 networks need brackets: ${bracketed}), so smtpd exits with 'expecting "type:name" form'`,
          fix: `Write the IPv6 network in brackets: ${bracketed}.`,
          unknown: mynetworks.unknown,
        });
      }
    }
  }
  return problems;
}
