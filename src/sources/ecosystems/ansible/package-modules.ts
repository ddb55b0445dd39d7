import { distributionOfPackageManager } from '../../contracts/distributions.js';
import type { Edit } from '../../contracts/edits.js';
import type { ModuleCall } from './module-call.js';
import { osFamilyEdits } from './os-family.js';

/** The package manager each module drives (the generic `package` module drives the target's own). */
const MANAGER: ReadonlyMap<string, string> = new Map([
  ['apt', 'apt'],
  ['dnf', 'dnf'],
  ['yum', 'yum'],
  ['apk', 'apk'],
  ['community.general.apk', 'apk'],
  ['zypper', 'zypper'],
  ['community.general.zypper', 'zypper'],
]);

/**
 * apt / dnf / yum / apk / zypper installing postfix: the packaged main.cf
 * of that package manager's distribution is the base the other edits apply
 * to (src/sources/replay/base.ts). The generic `package` module says which
 * only under a platform condition (`when: ansible_os_family == "RedHat"`).
 */
export function packageModule(call: ModuleCall): Edit[] {
  const names = call.value('name') ?? call.value('pkg') ?? call.value('package');
  const list = Array.isArray(names) ? names : typeof names === 'string' ? names.split(',') : [];
  if (!list.some((n) => typeof n === 'string' && n.trim() === 'postfix')) return [];
  const state = call.value('state');
  if (state === 'absent' || state === 'removed') return [];
  const key = { scope: call.context.scope, directory: '/etc/postfix' };
  const manager = MANAGER.get(call.module);
  const distribution = manager === undefined ? null : distributionOfPackageManager(manager);
  if (distribution === null) {
    const families = call.context.osFamilies ?? [];
    if (families.length > 0) return osFamilyEdits(families, key, call.maybe);
    call.context.out.notes.push(`${call.context.file}:${call.keySpan.line}: postfix is installed with the "${call.module}" module, which does not name the distribution; the packaged main.cf is unknown`);
    return [];
  }
  return [{ kind: 'base', key, span: call.keySpan, form: 'ansible', maybe: call.maybe, distribution: distribution.family, evidence: `${call.module}: postfix` }];
}

/**
 * `debconf: name=postfix question=postfix/main_mailer_type value=...`:
 * Debian's preseeded answer chooses the main.cf the package writes.
 */
export function debconfModule(call: ModuleCall): Edit[] {
  const question = call.value('question');
  const value = call.value('value');
  if (question !== 'postfix/main_mailer_type' || typeof value !== 'string') return [];
  return [
    {
      kind: 'base',
      key: { scope: call.context.scope, directory: '/etc/postfix' },
      span: call.keySpan,
      form: 'ansible',
      maybe: call.maybe,
      distribution: 'debian',
      evidence: `debconf postfix/main_mailer_type ${value}`,
      mailerType: value,
    },
  ];
}
