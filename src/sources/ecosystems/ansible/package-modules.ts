import type { Edit } from '../../contracts/edits.js';
import type { ModuleCall } from './module-call.js';

/**
 * apt / dnf / yum installing postfix: the packaged main.cf is the base the
 * other edits apply to (Debian's sets inet_interfaces = all, the RHEL
 * family's inet_interfaces = localhost). The generic `package` module does not
 * say which distribution: a note only.
 */
export function packageModule(call: ModuleCall): Edit[] {
  const names = call.value('name') ?? call.value('pkg') ?? call.value('package');
  const list = Array.isArray(names) ? names : typeof names === 'string' ? names.split(',') : [];
  if (!list.some((n) => typeof n === 'string' && n.trim() === 'postfix')) return [];
  const state = call.value('state');
  if (state === 'absent' || state === 'removed') return [];
  const distribution = call.module === 'apt' ? 'debian' : call.module === 'dnf' || call.module === 'yum' ? 'rhel' : null;
  if (distribution === null) {
    call.context.out.notes.push(`${call.context.file}:${call.keySpan.line}: postfix is installed with the "${call.module}" module, which does not name the distribution; Postfix's built-in defaults are assumed`);
    return [];
  }
  return [{ kind: 'base', key: { scope: call.context.scope, directory: '/etc/postfix' }, span: call.keySpan, form: 'ansible', maybe: call.maybe, distribution, evidence: `${call.module}: postfix` }];
}
