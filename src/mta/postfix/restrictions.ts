import { UNKNOWN_MARK, isUnknown } from '../../model/source.js';
import { splitList } from './list.js';

/** One restriction of an smtpd_*_restrictions list, with the arguments it consumes. */
export interface Restriction {
  /** The restriction name as written (`permit_mynetworks`, `reject_rbl_client`, `hash:/etc/postfix/access`). */
  name: string;
  /** Arguments it takes from the list (`reject_rbl_client zen.example` -> [`zen.example`]). */
  args: string[];
  /** Contains text from an unresolved template expression. */
  unknown: boolean;
  /**
   * It comes right after `warn_if_reject` (or is inside a restriction class
   * named right after it): smtpd only logs the reject or defer it decides and
   * goes on with the next restriction (smtpd_check.c generic_checks()).
   */
  warnOnly?: boolean;
  /** relaygate stopped reading restriction classes here (MAX_CLASS_RESTRICTIONS): what follows is unknown. */
  limited?: boolean;
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
 * (commas and/or whitespace, CR included, `{ }` groups: smtpd_check.c
 * argv_splitq() with CHARS_COMMA_SP); restriction names are compared
 * case-insensitively, as smtpd_check.c does with strcasecmp() (smtpd starts
 * with `REJECT_UNAUTH_DESTINATION`). A `{ }` group keeps its braces: smtpd
 * reads `{reject}` as a (malformed) table, not as the action `reject`
 * ("expected maptype:mapname instead of 'reject'").
 *
 * `warn_if_reject` is kept as a restriction of its own and marks the next
 * real restriction `warnOnly` (several in a row mark the same one).
 */
export function readRestrictions(value: string): Restriction[] {
  const items = splitList(value).map((item) => item.text);
  const out: Restriction[] = [];
  let warn = false;
  for (let i = 0; i < items.length; i++) {
    const name = items[i] ?? '';
    const restriction: Restriction = { name, args: [], unknown: isUnknown(name), warnOnly: false };
    if (!restriction.unknown && name.toLowerCase() === WARN_IF_REJECT) {
      warn = true;
      out.push(restriction);
      continue;
    }
    if (TAKES_ARGUMENT.has(name.toLowerCase()) && i + 1 < items.length) {
      const arg = items[++i] ?? '';
      restriction.args.push(arg);
      if (isUnknown(arg)) restriction.unknown = true;
    }
    restriction.warnOnly = warn;
    warn = false;
    out.push(restriction);
  }
  return out;
}

const WARN_IF_REJECT = 'warn_if_reject';

/**
 * Is this restriction the bare action `name` (`permit`, `reject`), as smtpd
 * applies it? Not `permit_mynetworks`, not `dont_reject`; and a rejecting
 * action after `warn_if_reject` only logs, so it is not that action.
 */
export function isAction(restriction: Restriction, name: string): boolean {
  if (restriction.unknown || restriction.name.toLowerCase() !== name) return false;
  return !(restriction.warnOnly === true && !name.startsWith('permit'));
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
 * At most this many restrictions (class names included) are read through
 * classes (`c0 = c1 c1`, `c1 = c2 c2`, ... doubles at every class); past it
 * the list ends in an unknown restriction, so a verdict that needs the rest
 * is unknown.
 */
export const MAX_CLASS_RESTRICTIONS = 10_000;

/**
 * Reads a restriction list with every restriction class (postconf(5)
 * smtpd_restriction_classes) replaced by its own restrictions: smtpd_check.c
 * evaluates a class in place, and a `permit` or `reject` decided inside it
 * ends the outer list too; `warn_if_reject` before a class covers the whole
 * class. Class names match exactly (a hash table lookup). `used` collects the
 * class names met, for `related` locations.
 */
export function readRestrictionsThroughClasses(value: string, lookup: ClassLookup, used: string[] = []): Restriction[] {
  const out: Restriction[] = [];
  let read = 0;
  const parsed = new Map<string, Restriction[]>();
  const classList = (name: string): Restriction[] => {
    let list = parsed.get(name);
    if (list === undefined) {
      list = readRestrictions(lookup.valueOf(name));
      parsed.set(name, list);
    }
    return list;
  };
  const expand = (list: Restriction[], depth: number, warn: boolean): boolean => {
    for (const restriction of list) {
      if (++read > MAX_CLASS_RESTRICTIONS) {
        out.push({ name: UNKNOWN_MARK, args: [], unknown: true, warnOnly: false, limited: true });
        return false;
      }
      const name = restriction.name;
      const warned = warn || restriction.warnOnly === true;
      if (!restriction.unknown && restriction.args.length === 0 && lookup.classes.has(name) && depth < MAX_CLASS_DEPTH) {
        if (!used.includes(name)) used.push(name);
        if (!expand(classList(name), depth + 1, warned)) return false;
      } else out.push(warned === (restriction.warnOnly === true) ? restriction : { ...restriction, warnOnly: warned });
    }
    return true;
  };
  expand(readRestrictions(value), 0, false);
  return out;
}
