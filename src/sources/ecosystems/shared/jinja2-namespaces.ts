import type { NamespaceFunctions } from '../../languages/jinja2/evaluate.js';
import { saltNamespace } from '../salt/variables.js';

/**
 * The tool namespaces repository Jinja2 text may call: Salt's `salt`
 * (pillar.get). Templates and the Jinja2 of Ansible and cloud-init arguments
 * get the same set, so an expression reads the same wherever it is written.
 */
export const JINJA2_NAMESPACES: ReadonlyMap<string, NamespaceFunctions> = new Map([['salt', saltNamespace]]);
