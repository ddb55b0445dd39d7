import { isScalar, isSeq } from 'yaml';
import type { Span } from '../../../model/span.js';
import { distributionOfAnsibleFact, type Family } from '../../contracts/distributions.js';
import type { Edit, InstanceKey } from '../../contracts/edits.js';
import { spanOfRange, type HostPosition } from '../../languages/yaml/mapped-text.js';

/** A platform a task is written for: `when: ansible_os_family == "Debian"`. */
export interface OsFamily {
  distribution: Family;
  /** The condition as written, for messages. */
  evidence: string;
  span: Span;
}

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
export function osFamiliesOf(node: unknown, file: string, at: HostPosition): OsFamily[] {
  const items = isSeq(node) ? node.items : [node];
  const out: OsFamily[] = [];
  for (const item of items) {
    if (!isScalar(item) || typeof item.value !== 'string' || item.range === undefined || item.range === null) continue;
    const condition = item.value;
    for (const distribution of familiesOf(condition)) {
      out.push({ distribution, evidence: `when: ${condition.trim().slice(0, 80)}`, span: spanOfRange(item.range[0], item.range[1], file, at) });
    }
  }
  return out;
}

/** The base edits a task's platform condition gives the instance its edits belong to. */
export function osFamilyEdits(families: readonly OsFamily[], key: InstanceKey, maybe: boolean): Edit[] {
  return families.map((f) => ({ kind: 'base', distribution: f.distribution, evidence: f.evidence, key: { scope: key.scope, directory: '/etc/postfix' }, span: f.span, form: 'ansible', maybe }));
}
