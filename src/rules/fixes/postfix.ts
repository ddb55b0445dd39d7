import path from 'node:path';
import type { FixStep, ListEdit, ListFixStep } from '../../model/fix-plan.js';
import type { EffectiveValue, PostfixParameters } from '../../mta/postfix/effective.js';
import { splitList } from '../../mta/postfix/list.js';
import type { PostfixConfiguration } from '../../mta/postfix/model.js';
import { isAction, readRestrictions, type Restriction } from '../../mta/postfix/restrictions.js';

/**
 * Mechanical fixes for Postfix findings, as plans on parsed values (see
 * model/fix-plan.ts; src/fixes/ checks them against the files). Each plan
 * is the smallest edit after which the rule passes: a bare `permit` before
 * `reject` goes (or becomes `reject` when there is none), a missing
 * `reject` is appended, a missing parameter gets a line. No plan when the
 * value depends on `$name` expansion, a restriction class or an unresolved
 * template expression: editing the text there would not be known to fix it.
 */

/** main.cf itself or a template of it (main.cf.j2, main.cf.erb): the files whose syntax is main.cf's. */
const MAIN_CF_FILE = /^main\.cf(?:\.[^/]+)?$/;

function isMainCfFile(file: string): boolean {
  return MAIN_CF_FILE.test(path.posix.basename(file));
}

export type RestrictionsCheck = 'gen004710' | 'only-permit-mynetworks-reject';

const ALLOWED = new Set(['permit_mynetworks', 'reject']);

interface Indexed {
  restriction: Restriction;
  /** Index of its first list item (a restriction with an argument spans two). */
  index: number;
}

function indexed(restrictions: Restriction[]): Indexed[] {
  let index = 0;
  return restrictions.map((restriction) => {
    const at = index;
    index += 1 + restriction.args.length;
    return { restriction, index: at };
  });
}

function removeAll(r: Indexed): ListEdit[] {
  return Array.from({ length: 1 + r.restriction.args.length }, (_, k) => ({ op: 'remove' as const, index: r.index + k }));
}

/** GEN004710: a bare reject, no bare permit before it. */
function gen004710Edits(items: Indexed[]): ListEdit[] {
  if (items.length === 0) return [{ op: 'append', text: 'permit_mynetworks' }, { op: 'append', text: 'reject' }];
  const reject = items.findIndex((r) => isAction(r.restriction, 'reject'));
  const permits = items.slice(0, reject < 0 ? items.length : reject).filter((r) => isAction(r.restriction, 'permit'));
  if (reject >= 0) return permits.flatMap(removeAll);
  const first = permits[0];
  return first !== undefined ? [{ op: 'replace', index: first.index, text: 'reject' }] : [{ op: 'append', text: 'reject' }];
}

/** RHEL 7 and later: only permit_mynetworks and reject, with reject present. */
function onlyAllowedEdits(items: Indexed[]): ListEdit[] {
  const allowed = (r: Restriction): boolean => r.args.length === 0 && ALLOWED.has(r.name.toLowerCase());
  const edits = items.filter((r) => !allowed(r.restriction)).flatMap(removeAll);
  const keepsReject = items.some((r) => allowed(r.restriction) && isAction(r.restriction, 'reject'));
  if (!keepsReject) {
    if (!items.some((r) => allowed(r.restriction))) edits.push({ op: 'append', text: 'permit_mynetworks' });
    edits.push({ op: 'append', text: 'reject' });
  }
  return edits;
}

/** The plan that makes smtpd_client_restrictions pass `check`, or undefined when there is no safe one. */
export function restrictionsFix(
  value: EffectiveValue,
  parameters: PostfixParameters,
  config: PostfixConfiguration,
  check: RestrictionsCheck,
): FixStep[] | undefined {
  if (value.unknown || value.raw.includes('$') || value.diagnostics.length > 0) return undefined;
  const restrictions = readRestrictions(value.raw);
  const classes = new Set(splitList(parameters.get('smtpd_restriction_classes').value).map((item) => item.text));
  if (restrictions.some((r) => r.unknown || (r.args.length === 0 && classes.has(r.name)))) return undefined;
  const items = indexed(restrictions);
  const edits = check === 'gen004710' ? gen004710Edits(items) : onlyAllowedEdits(items);
  if (edits.length === 0) return undefined;
  return valueFix(value, config, edits, 'permit_mynetworks, reject');
}

/** RHEL 6: inet_interfaces = localhost. */
export function inetInterfacesFix(value: EffectiveValue, config: PostfixConfiguration): FixStep[] | undefined {
  if (value.unknown || value.raw.includes('$') || value.diagnostics.length > 0) return undefined;
  const items = splitList(value.raw);
  const edits: ListEdit[] = [...items.map((_, index) => ({ op: 'remove' as const, index })), { op: 'append', text: 'localhost' }];
  return valueFix(value, config, edits, 'localhost');
}

/** Edit the definition in effect where it is written, or add a line to main.cf when nothing defines it. */
function valueFix(value: EffectiveValue, config: PostfixConfiguration, edits: ListEdit[], whenUnset: string): FixStep[] | undefined {
  const origin = value.origin;
  if (origin.kind === 'main.cf') {
    const definition = origin.definition;
    // A definition relaygate assumed (a distribution's packaged main.cf) is not in any file.
    if (definition.assumed !== undefined) return undefined;
    const mainCfSyntax = isMainCfFile(definition.span.file);
    const step: ListFixStep = {
      kind: 'list',
      span: definition.valueSpan,
      written: definition.value,
      edits,
      // Outside main.cf (a shell word, a YAML scalar) a blank could split the value: a comma alone is safe everywhere.
      separator: mainCfSyntax ? ', ' : ',',
      lead: mainCfSyntax ? ' ' : '',
    };
    return [step];
  }
  if (origin.kind === 'override') {
    // master(5): `-o name=value` is one argument; a blank would end it.
    const name = origin.definition.name.replace(/[^A-Za-z0-9_]/g, '');
    if (name !== origin.definition.name) return undefined;
    return [
      { kind: 'list', span: origin.definition.span, prefix: new RegExp(`^-o[ \\t]*${name}=`), written: origin.definition.value, edits, separator: ',' },
    ];
  }
  const mainCf = config.mainCf;
  // Only a main.cf the repository holds as a file of its own can take a new line; edits over a
  // base relaygate assumed, and a main.cf written by provisioning code, cannot.
  if (config.overlay !== undefined || mainCf === null || mainCf.writtenAt !== undefined || !isMainCfFile(mainCf.file)) return undefined;
  return [{ kind: 'append-line', file: mainCf.file, text: `${value.name} = ${whenUnset}` }];
}
