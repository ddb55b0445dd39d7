import { isMap, isScalar, isSeq } from 'yaml';
import { LineIndex } from '../../../model/source.js';
import { distributionOfAnsibleFact, type Family } from '../../contracts/distributions.js';
import type { Edit, InstanceKey } from '../../contracts/edits.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { spanOfRange, type HostPosition } from '../../languages/yaml/mapped-text.js';
import { parseYaml } from '../../languages/yaml/yaml-file.js';
import type { ModuleCall } from './module-call.js';
import type { OsFamily } from './task-context.js';


/**
 * `ansible_os_family`, `ansible_distribution`, or the same facts through
 * `ansible_facts['os_family']` / `ansible_facts.os_family`, compared with
 * `==` to a literal or tested with `in [...]` against a literal list.
 * Linear: no quantifier is nested, every class is bounded by the next delimiter.
 */
const FACT = /\bansible_(?:facts\[['"](?:os_family|distribution)['"]\]|facts\.(?:os_family|distribution)|os_family|distribution)[ \t]*(==|in)[ \t]*(?:['"]([^'"\n]{1,40})['"]|\[([^\]\n]{0,200})\])/g;

/** The families a `when:` condition restricts its task to (one per family it names with == or in). */
function familiesOf(condition: string): Family[] {
  const out = new Set<Family>();
  for (const m of condition.matchAll(FACT)) {
    const names = m[2] !== undefined ? [m[2]] : [...(m[3] ?? '').matchAll(/['"]([^'"\n]{1,40})['"]/g)].map((n) => n[1] as string);
    for (const name of names) {
      const d = distributionOfAnsibleFact(name);
      if (d !== null) out.add(d.family);
    }
  }
  return [...out];
}

/**
 * The platforms a `when:` (a string, or a list whose items must all hold)
 * restricts a task to. A task written for one OS family tells which
 * distribution the role's Postfix runs on there.
 */
export function osFamiliesOf(node: unknown, file: string, at: HostPosition, keyword = 'when'): OsFamily[] {
  const items = isSeq(node) ? node.items : [node];
  const out: OsFamily[] = [];
  for (const item of items) {
    if (!isScalar(item) || typeof item.value !== 'string' || item.range === undefined || item.range === null) continue;
    const condition = item.value;
    for (const distribution of familiesOf(condition)) {
      out.push({ distribution, evidence: `${keyword}: ${condition.trim().slice(0, 80)}`, span: spanOfRange(item.range[0], item.range[1], file, at) });
    }
  }
  return out;
}

/** The base edits a task's platform condition gives the instance its edits belong to. */
export function osFamilyEdits(families: readonly OsFamily[], key: InstanceKey, maybe: boolean): Edit[] {
  return families.map((f) => ({ kind: 'base', distribution: f.distribution, evidence: f.evidence, key: { scope: key.scope, directory: '/etc/postfix' }, span: f.span, form: 'ansible', maybe }));
}

/**
 * `assert: that: ansible_os_family == "RedHat"` (ansible.builtin.assert):
 * the play stops on any other platform, so the role's Postfix runs there.
 */
export function assertModule(call: ModuleCall): Edit[] {
  const that = call.arguments.get('that')?.node ?? null;
  const families = osFamiliesOf(that, call.context.file, call.context.at, 'assert that');
  return osFamilyEdits(families, { scope: call.context.scope, directory: '/etc/postfix' }, call.maybe);
}

/**
 * The platforms a role's entry point asserts (`assert: that:` in
 * `tasks/main.yml`): the role stops anywhere else, so the Postfix edits of
 * its other task files run on that platform. Read for a task file of the
 * role that edits Postfix (the entry point itself is read as any task file).
 */
export function rolePlatformEdits(roleDir: string, file: string, repo: RepositoryReader, scope: string): Edit[] {
  const out: Edit[] = [];
  for (const name of ['main.yml', 'main.yaml']) {
    const path = roleDir === '.' ? `tasks/${name}` : `${roleDir}/tasks/${name}`;
    if (path === file) return [];
    const text = repo.read(path);
    if (text === undefined) continue;
    const index = new LineIndex(text);
    const at = (offset: number) => index.position(offset);
    for (const document of parseYaml(path, text, at, '1.1').documents) {
      if (!isSeq(document.contents)) continue;
      for (const task of document.contents.items) {
        if (!isMap(task)) continue;
        const assertion = task.get('assert', true) ?? task.get('ansible.builtin.assert', true);
        if (!isMap(assertion)) continue;
        out.push(...osFamilyEdits(osFamiliesOf(assertion.get('that', true), path, at, 'assert that'), { scope, directory: '/etc/postfix' }, false));
      }
    }
    return out;
  }
  return out;
}
