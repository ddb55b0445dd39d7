import { isUnknown } from '../../model/source.js';
import { splitList } from './list.js';

/** One restriction of an smtpd_*_restrictions list, with the arguments it consumes. */
export interface Restriction {
  /** The restriction name as written (`permit_mynetworks`, `reject_rbl_client`, `hash:/etc/postfix/access`). */
  name: string;
  /** Arguments it takes from the list (`reject_rbl_client zen.example` -> [`zen.example`]). */
  args: string[];
  /** Contains text from an unresolved template expression. */
  unknown: boolean;
}

/**
 * Restrictions that take the next list item as their argument (postconf(5),
 * smtpd_check.c): the item after them is a table, a DNS domain or a number,
 * never a restriction, so `reject_rbl_client reject` does not contain the
 * action `reject`.
 */
const TAKES_ARGUMENT = new Set([
  'check_ccert_access',
  'check_client_access',
  'check_client_a_access',
  'check_client_mx_access',
  'check_client_ns_access',
  'check_reverse_client_hostname_access',
  'check_reverse_client_hostname_a_access',
  'check_reverse_client_hostname_mx_access',
  'check_reverse_client_hostname_ns_access',
  'check_helo_access',
  'check_helo_a_access',
  'check_helo_mx_access',
  'check_helo_ns_access',
  'check_sender_access',
  'check_sender_a_access',
  'check_sender_mx_access',
  'check_sender_ns_access',
  'check_recipient_access',
  'check_recipient_a_access',
  'check_recipient_mx_access',
  'check_recipient_ns_access',
  'check_etrn_access',
  'check_sasl_access',
  'check_policy_service',
  'permit_dnswl_client',
  'permit_rhswl_client',
  'reject_rbl_client',
  'reject_rhsbl_client',
  'reject_rhsbl_helo',
  'reject_rhsbl_sender',
  'reject_rhsbl_recipient',
  'reject_rhsbl_reverse_client',
  'sleep',
]);

/**
 * Reads a restriction list into restrictions. Items are Postfix list items
 * (commas and/or whitespace, `{ }` groups); restriction names are compared
 * case-insensitively, as smtpd_check.c does with strcasecmp() (smtpd starts
 * with `REJECT_UNAUTH_DESTINATION`). A `{ }` group keeps its braces: smtpd
 * reads `{reject}` as a (malformed) table, not as the action `reject`
 * ("expected maptype:mapname instead of 'reject'").
 */
export function readRestrictions(value: string): Restriction[] {
  const items = splitList(value).map((item) => item.text);
  const out: Restriction[] = [];
  for (let i = 0; i < items.length; i++) {
    const name = items[i] ?? '';
    const restriction: Restriction = { name, args: [], unknown: isUnknown(name) };
    if (TAKES_ARGUMENT.has(name.toLowerCase()) && i + 1 < items.length) {
      const arg = items[++i] ?? '';
      restriction.args.push(arg);
      if (isUnknown(arg)) restriction.unknown = true;
    }
    out.push(restriction);
  }
  return out;
}

/** Is this restriction the bare action `name` (`permit`, `reject`)? Not `permit_mynetworks`, not `dont_reject`. */
export function isAction(restriction: Restriction, name: string): boolean {
  return !restriction.unknown && restriction.name.toLowerCase() === name;
}

/** The restriction as written, arguments included. */
export function restrictionText(restriction: Restriction): string {
  return [restriction.name, ...restriction.args].join(' ');
}

/** The parameters a restriction list is read with: enough to look up restriction classes. */
export interface ClassLookup {
  /** Names listed in smtpd_restriction_classes. */
  classes: ReadonlySet<string>;
  /** The expanded value of a class's parameter. */
  valueOf(name: string): string;
}

/** Restriction classes that name each other would loop in smtpd; relaygate stops here. */
const MAX_CLASS_DEPTH = 20;

/**
 * Reads a restriction list with every restriction class (postconf(5)
 * smtpd_restriction_classes) replaced by its own restrictions: smtpd_check.c
 * evaluates a class in place, and a `permit` or `reject` decided inside it
 * ends the outer list too. Class names match exactly (a hash table lookup).
 * `used` collects the class names met, for `related` locations.
 */
export function readRestrictionsThroughClasses(
  value: string,
  lookup: ClassLookup,
  used: string[] = [],
  depth = 0,
): Restriction[] {
  const out: Restriction[] = [];
  for (const restriction of readRestrictions(value)) {
    const name = restriction.name;
    if (!restriction.unknown && restriction.args.length === 0 && lookup.classes.has(name) && depth < MAX_CLASS_DEPTH) {
      if (!used.includes(name)) used.push(name);
      out.push(...readRestrictionsThroughClasses(lookup.valueOf(name), lookup, used, depth + 1));
    } else out.push(restriction);
  }
  return out;
}
