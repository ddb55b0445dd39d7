import { LineIndex, UNKNOWN_MARK } from '../../../model/source.js';
import type { Edit } from '../../contracts/edits.js';
import { join, normalize } from '../../contracts/repo-paths.js';
import { extractShell } from '../../languages/yaml/shell-bridge.js';
import type { ModuleCall } from './module-call.js';

/**
 * script (ansible.builtin.script) copies a controller-side script to the
 * host and runs it there: a repository script's edits are the role's (or
 * the playbook's) edits at this task, read as the shell reads the script,
 * with positions on the script's own lines. The path is the free-form
 * text's first word (or `cmd`), searched as Ansible does: the role's
 * `files/`, then the role folder (a playbook: its folder's `files/`, then
 * the folder itself).
 */
export function scriptModule(call: ModuleCall): Edit[] {
  const { context } = call;
  const command = call.freeForm !== null ? call.templating.render(call.freeForm).text.text : (call.text('cmd')?.text.text ?? null);
  if (command === null) return [];
  const path = command.trim().split(/[ \t]+/)[0] ?? '';
  if (path === '' || path.startsWith('/') || path.includes(UNKNOWN_MARK)) {
    if (path.includes(UNKNOWN_MARK)) context.out.notes.push(`${context.file}:${call.keySpan.line}: script path could not be resolved; what it runs is not read`);
    return [];
  }
  const roots = context.roleDir !== null ? [join(context.roleDir, 'files'), context.roleDir] : [join(context.baseDir, 'files'), context.baseDir];
  for (const root of roots) {
    const file = normalize(join(root, path));
    const text = file === null ? undefined : context.repo.read(file);
    if (file === null || text === undefined) continue;
    const index = new LineIndex(text);
    const extraction = extractShell(text, (o) => index.position(o), { file, scope: context.scope, form: 'shell', maybe: call.maybe });
    context.out.diagnostics.push(...extraction.diagnostics);
    context.out.notes.push(...extraction.notes);
    context.out.runs = [...(context.out.runs ?? []), file];
    return extraction.edits;
  }
  context.out.notes.push(`${context.file}:${call.keySpan.line}: script "${path}" is not a repository file; what it runs is not read`);
  return [];
}
