/**
 * Shapes of Ansible collections and role repositories whose own playbooks
 * name their roles the way ansible-core resolves them: a collection's role by
 * `namespace.collection.role`, a role repository's tests by the role's name.
 * Each reconstructed small: exact rule, file, line, column and certainty.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { temporaryTrees } from '../helpers/temp-tree.js';
import type { FindingRow as Row } from '../helpers/finding-rows.js';
import { itScansShapes } from '../helpers/scan-shapes.js';

const tree = temporaryTrees('ansible-collection-shapes');

interface Shape {
  name: string;
  files: Record<string, string>;
  findings: Row[];
  configurations: number;
  /** Substring of the "not in the repository" note the scan must (true) or must not (false) give. */
  note: [string, boolean];
}

const TEMPLATE_TASK = '- template:\n    src: main.cf.j2\n    dest: /etc/postfix/main.cf\n';
const MAIN_J2 = 'compatibility_level = 3.6\ninet_interfaces = {{ postfix_inet_interfaces }}\n';
const GALAXY = 'namespace: acme\nname: infra\nversion: 1.0.0\n';
const PLAY = (role: string): string => `- hosts: mx\n  vars:\n    postfix_inet_interfaces: all\n  roles:\n    - role: ${role}\n`;
const ROLE = (dir: string): Record<string, string> => ({
  [`${dir}/defaults/main.yml`]: 'postfix_inet_interfaces: loopback-only\n',
  [`${dir}/tasks/main.yml`]: TEMPLATE_TASK,
  [`${dir}/templates/main.cf.j2`]: MAIN_J2,
});
const NOT_HERE = 'not in the repository';

const SHAPES: Shape[] = [
  {
    name: "galaxy.yml's namespace.name: a playbook's FQCN role is the collection's roles/ROLE, with the play's vars",
    files: { 'galaxy.yml': GALAXY, ...ROLE('roles/mail'), 'playbooks/site.yml': PLAY('acme.infra.mail') },
    findings: [['stig-postfix-relay', 'roles/mail/templates/main.cf.j2', 1, 1, 'definite']],
    configurations: 2,
    note: [NOT_HERE, false],
  },
  {
    name: 'ansible_collections/NAMESPACE/COLLECTION/roles/ROLE resolves the FQCN without a galaxy.yml',
    files: { ...ROLE('ansible_collections/acme/infra/roles/mail'), 'site.yml': PLAY('acme.infra.mail') },
    findings: [['stig-postfix-relay', 'ansible_collections/acme/infra/roles/mail/templates/main.cf.j2', 1, 1, 'definite']],
    configurations: 2,
    note: [NOT_HERE, false],
  },
  {
    name: 'collections/ansible_collections/ beside the playbook (its adjacent collections path) resolves the FQCN',
    files: { ...ROLE('deploy/collections/ansible_collections/acme/infra/roles/mail'), 'deploy/site.yml': PLAY('acme.infra.mail') },
    findings: [['stig-postfix-relay', 'deploy/collections/ansible_collections/acme/infra/roles/mail/templates/main.cf.j2', 1, 1, 'definite']],
    configurations: 2,
    note: [NOT_HERE, false],
  },
  {
    name: "a FQCN of another collection keeps the note; the collection's own role is judged alone",
    files: { 'galaxy.yml': GALAXY, ...ROLE('roles/mail'), 'playbooks/site.yml': PLAY('other.infra.mail') },
    findings: [],
    configurations: 1,
    note: ['role "other.infra.mail" is not in the repository', true],
  },
  {
    // No mail word in the playbook: it is read from the role's side (the playbooks of the role's project).
    name: 'a playbook with no mail word naming the FQCN gives the role its vars, read from the role',
    files: {
      'galaxy.yml': GALAXY,
      'roles/mx/defaults/main.yml': 'mx_bind: loopback-only\n',
      'roles/mx/tasks/main.yml': TEMPLATE_TASK,
      'roles/mx/templates/main.cf.j2': 'inet_interfaces = {{ mx_bind }}\n',
      'site.yml': '- hosts: mx\n  vars:\n    mx_bind: all\n  roles:\n    - acme.infra.mx\n',
    },
    findings: [['stig-postfix-relay', 'roles/mx/templates/main.cf.j2', 1, 1, 'definite']],
    configurations: 2,
    note: [NOT_HERE, false],
  },
  {
    name: "read from the role's side, another collection's role of the same name is not this role",
    files: {
      'galaxy.yml': GALAXY,
      'roles/mx/defaults/main.yml': 'mx_bind: loopback-only\n',
      'roles/mx/tasks/main.yml': TEMPLATE_TASK,
      'roles/mx/templates/main.cf.j2': 'inet_interfaces = {{ mx_bind }}\n',
      'site.yml': '- hosts: mx\n  vars:\n    mx_bind: all\n  roles:\n    - other.infra.mx\n',
    },
    findings: [],
    configurations: 1,
    note: [NOT_HERE, false],
  },
  {
    name: "a role repository's tests/test.yml naming OWNER.ROLE_NAME runs the repository's role with its vars",
    files: { 'meta/main.yml': 'galaxy_info:\n  role_name: mail\n  author: acme\n', ...ROLE('.'), 'tests/test.yml': PLAY('acme.mail') },
    findings: [['stig-postfix-relay', 'templates/main.cf.j2', 1, 1, 'definite']],
    configurations: 2,
    note: [NOT_HERE, false],
  },
  {
    name: "the molecule converge of a role folder ansible-role-ROLE naming OWNER.ROLE runs that role",
    files: { ...ROLE('ansible-role-mail'), 'ansible-role-mail/molecule/default/converge.yml': PLAY('acme.mail') },
    findings: [['stig-postfix-relay', 'ansible-role-mail/templates/main.cf.j2', 1, 1, 'definite']],
    configurations: 2,
    note: [NOT_HERE, false],
  },
  {
    name: "a role repository's test naming another role keeps the note",
    files: { 'meta/main.yml': 'galaxy_info:\n  role_name: mail\n', ...ROLE('.'), 'tests/test.yml': PLAY('acme.postfix') },
    findings: [],
    configurations: 1,
    note: ['the role acme.postfix, which is not in the repository', true],
  },
];

describe('Ansible collections and role repositories naming their own roles', () => {
  itScansShapes(SHAPES, tree, {
    also: (result, shape) => {
      const [text, present] = shape.note;
      assert.equal(result.notes.some((n) => n.includes(text)), present, JSON.stringify(result.notes));
    },
  });
});
