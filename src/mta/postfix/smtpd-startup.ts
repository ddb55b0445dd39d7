import { isUnknown } from '../../model/source.js';
import { PostfixParameters } from './effective.js';
import { splitList, splitPlainList } from './list.js';
import type { Tristate } from './loopback.js';
import type { MasterService, PostfixConfiguration } from './model.js';

/**
 * The restrictions one of which smtpd requires in smtpd_relay_restrictions or
 * smtpd_recipient_restrictions before it starts ("specify at least one
 * working instance of: reject_unauth_destination, defer_unauth_destination,
 * reject, defer, defer_if_permit or check_relay_domains").
 */
const REQUIRED = new Set([
  'reject_unauth_destination',
  'defer_unauth_destination',
  'reject',
  'defer',
  'defer_if_permit',
  'check_relay_domains',
]);

/** Nesting limit for restriction classes that name each other (smtpd would recurse until it crashes; we stop). */
const MAX_CLASS_DEPTH = 20;

/**
 * smtpd_check.c has_required(), measured against smtpd 3.7: every list item
 * counts, arguments included (`reject_rbl_client reject` satisfies it); the
 * item after `warn_if_reject` is skipped; a bare `permit` ends the search of
 * its list ("restriction ... after `permit' is ignored"); a restriction class
 * named in smtpd_restriction_classes is searched through, and its answer
 * does not depend on where it is named, so each class is searched once.
 * Names compare case-insensitively; a `{ }` group is a table, never a
 * restriction. Items are split as smtpd splits them (CR included).
 */
function hasRequired(value: string, parameters: PostfixParameters, classes: Set<string>, memo: Map<string, Tristate>, depth: number): Tristate {
  const items = splitList(value).map((item) => item.text);
  let unknown = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] ?? '';
    if (isUnknown(item)) {
      unknown = true;
      continue;
    }
    const name = item.toLowerCase();
    if (name === 'warn_if_reject' && i + 1 < items.length) {
      i++;
      continue;
    }
    if (name === 'permit') return unknown ? 'unknown' : false;
    if (REQUIRED.has(name)) return unknown ? 'unknown' : true;
    if (classes.has(item) && depth < MAX_CLASS_DEPTH) {
      let inner = memo.get(item);
      if (inner === undefined) {
        inner = hasRequired(parameters.get(item).value, parameters, classes, memo, depth + 1);
        memo.set(item, inner);
      }
      if (inner === true) return unknown ? 'unknown' : true;
      if (inner === 'unknown') unknown = true;
    }
  }
  return unknown ? 'unknown' : false;
}

/**
 * Would smtpd (for `service`, with its `-o` overrides; main.cf alone when
 * null) refuse to start because neither smtpd_relay_restrictions nor
 * smtpd_recipient_restrictions has a working relay restriction? 'unknown'
 * when the answer depends on an unresolved template value.
 */
export function smtpdWouldRefuseToStart(config: PostfixConfiguration, service: MasterService | null = null): Tristate {
  const parameters = new PostfixParameters(config.mainCf, service);
  const classValue = parameters.get('smtpd_restriction_classes');
  const classes = new Set(splitPlainList(classValue.value).map((item) => item.text));
  const memo = new Map<string, Tristate>();
  const relay = hasRequired(parameters.get('smtpd_relay_restrictions').value, parameters, classes, memo, 0);
  const recipient = hasRequired(parameters.get('smtpd_recipient_restrictions').value, parameters, classes, memo, 0);
  if (relay === true || recipient === true) return false;
  if (relay === 'unknown' || recipient === 'unknown' || classValue.unknown) return 'unknown';
  return true;
}
