import { isScalar, isSeq } from 'yaml';
import { UNKNOWN } from '../../contracts/values.js';
import type { ArgumentTemplating } from '../../languages/yaml/jinja-arguments.js';
import { truthy } from '../../languages/jinja2/values.js';

export type Decision = boolean | 'unknown';

/**
 * "Postfix is installed" (`'postfix' in ansible_facts.packages`, from
 * package_facts): where it is false there is no Postfix to judge, so a
 * configuration is judged as the one of a host where it holds.
 */
const POSTFIX_INSTALLED = /^["']postfix["'] in (?:ansible_facts\.packages|ansible_facts\[["']packages["']\]|packages)$/;

/**
 * A `when:` as Ansible reads it (playbook/conditional.py): each item of a
 * list must hold; an item is a bare Jinja2 expression (`x is defined`,
 * `x | bool`), or a YAML boolean, evaluated with the task's variables and
 * loop item. Jinja2 truthiness decides a non-boolean result. What reads
 * facts or inventory relaygate does not have is unknown.
 */
export function decideWhen(node: unknown, templating: ArgumentTemplating): Decision {
  if (node === undefined || node === null) return true;
  if (isSeq(node)) {
    let result: Decision = true;
    for (const item of node.items) {
      const one = decideWhen(item, templating);
      if (one === false) return false;
      if (one === 'unknown') result = 'unknown';
    }
    return result;
  }
  if (!isScalar(node)) return 'unknown';
  const value = node.value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return 'unknown';
  const text = value.trim();
  if (text === '') return 'unknown';
  if (POSTFIX_INSTALLED.test(text)) return true;
  // `when: "{{ x }}"` (templated, deprecated) means the same as `when: x`.
  const expression = text.startsWith('{{') && text.endsWith('}}') ? text.slice(2, -2) : text;
  const result = templating.value(`{{ ${expression} }}`);
  const t = truthy(result);
  return t === UNKNOWN ? 'unknown' : t;
}
