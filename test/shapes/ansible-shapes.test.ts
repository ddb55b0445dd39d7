/**
 * Shapes of real Ansible roles and playbooks (issue: right on real
 * repositories), each reconstructed small: what relaygate must conclude,
 * with exact rule, file, line, column and certainty.
 */
import { describe } from 'node:test';
import { temporaryTrees } from '../helpers/temp-tree.js';
import type { FindingRow as Row } from '../helpers/finding-rows.js';
import { itScansShapes } from '../helpers/scan-shapes.js';

const tree = temporaryTrees('ansible-shapes');

interface Shape {
  name: string;
  files: Record<string, string>;
  findings: Row[];
  configurations: number;
}

const META = { 'meta/main.yml': 'galaxy_info: {role_name: mx}\n' };
const LOOP_TASKS = [
  '---',
  '- name: settings',
  '  lineinfile:',
  '    path: /etc/postfix/main.cf',
  '    regexp: "^{{ item.key }} ="',
  '    line: "{{ item.key }} = {{ item.val }}"',
  '  loop:',
  '    - key: inet_interfaces',
  '      val: "{{ mx_bind }}"',
  '',
].join('\n');
const TEMPLATE_TASK = '- name: main.cf\n  template:\n    src: main.cf.j2\n    dest: /etc/postfix/main.cf\n';
const MAIN_J2 = 'myhostname = mx.example.test\ninet_interfaces = {{ mx_bind }}\n';

const SHAPES: Shape[] = [
  {
    name: 'loop items are templated before line: uses them (loopback default: no finding)',
    files: { ...META, 'tasks/main.yml': LOOP_TASKS, 'defaults/main.yml': 'mx_bind: loopback-only\n' },
    findings: [],
    configurations: 1,
  },
  {
    name: 'loop items are templated before line: uses them (all: definite on the line)',
    files: { ...META, 'tasks/main.yml': LOOP_TASKS, 'defaults/main.yml': 'mx_bind: all\n' },
    findings: [['stig-postfix-relay', 'tasks/main.yml', 6, 11, 'definite']],
    configurations: 1,
  },
  {
    name: 'set_fact of a combine of literal dicts reaches the template (loopback: no finding)',
    files: {
      ...META,
      'tasks/main.yml': `- set_fact:\n    mx_final: "{{ mx_base | combine(mx_over, recursive=True) }}"\n${TEMPLATE_TASK}`,
      'vars/main.yml': 'mx_base:\n  bind: loopback-only\n',
      'defaults/main.yml': 'mx_over: {}\n',
      'templates/main.cf.j2': 'inet_interfaces = {{ mx_final.bind }}\n',
    },
    findings: [],
    configurations: 1,
  },
  {
    name: 'set_fact of a combine of literal dicts reaches the template (all: definite)',
    files: {
      ...META,
      'tasks/main.yml': `- set_fact:\n    mx_final: "{{ mx_base | combine(mx_over, recursive=True) }}"\n${TEMPLATE_TASK}`,
      'vars/main.yml': 'mx_base:\n  bind: loopback-only\n',
      'defaults/main.yml': 'mx_over: {bind: all}\n',
      'templates/main.cf.j2': 'inet_interfaces = {{ mx_final.bind }}\n',
    },
    findings: [['stig-postfix-relay', 'templates/main.cf.j2', 1, 1, 'definite']],
    configurations: 1,
  },
  {
    name: 'include_vars of a literal file sets the template variables',
    files: { ...META, 'tasks/main.yml': `- include_vars: open.yml\n${TEMPLATE_TASK}`, 'defaults/main.yml': 'mx_bind: loopback-only\n', 'vars/open.yml': 'mx_bind: all\n', 'templates/main.cf.j2': MAIN_J2 },
    findings: [['stig-postfix-relay', 'templates/main.cf.j2', 1, 1, 'definite']],
    configurations: 1,
  },
  {
    name: 'include_vars of a file chosen by a fact: what its candidates set is unknown',
    files: {
      ...META,
      'tasks/main.yml': `- include_vars: "{{ ansible_distribution_release }}.yml"\n${TEMPLATE_TASK}`,
      'defaults/main.yml': 'mx_bind: loopback-only\n',
      'vars/bookworm.yml': 'mx_bind: all\n',
      'vars/jammy.yml': 'other: 1\n',
      'templates/main.cf.j2': MAIN_J2,
    },
    findings: [['stig-postfix-relay', 'templates/main.cf.j2', 1, 1, 'indeterminate']],
    configurations: 1,
  },
  {
    name: 'defaults/main/ is a folder: its files merge in sorted order, the later winning',
    files: { ...META, 'tasks/main.yml': TEMPLATE_TASK, 'defaults/main/10-net.yml': 'mx_bind: all\n', 'defaults/main/20-safe.yml': 'mx_bind: loopback-only\n', 'templates/main.cf.j2': MAIN_J2 },
    findings: [],
    configurations: 1,
  },
  {
    name: 'defaults/main/ in the other order: the open value wins',
    files: { ...META, 'tasks/main.yml': TEMPLATE_TASK, 'defaults/main/10-safe.yml': 'mx_bind: loopback-only\n', 'defaults/main/20-net.yml': 'mx_bind: all\n', 'templates/main.cf.j2': MAIN_J2 },
    findings: [['stig-postfix-relay', 'templates/main.cf.j2', 1, 1, 'definite']],
    configurations: 1,
  },
  {
    name: 'when: x is defined and x | bool with a true default: the task runs',
    files: {
      ...META,
      'tasks/main.yml': '- lineinfile:\n    path: /etc/postfix/main.cf\n    line: inet_interfaces = all\n  when:\n    - mx_manage is defined\n    - mx_manage | bool\n',
      'defaults/main.yml': 'mx_manage: "yes"\n',
    },
    findings: [['stig-postfix-relay', 'tasks/main.yml', 3, 11, 'definite']],
    configurations: 1,
  },
  {
    name: 'when: x | bool with a false default: the task does not run',
    files: {
      ...META,
      'tasks/main.yml': '- lineinfile:\n    path: /etc/postfix/main.cf\n    line: inet_interfaces = all\n  when: mx_manage | bool\n- lineinfile:\n    path: /etc/postfix/main.cf\n    line: myhostname = mx\n',
      'defaults/main.yml': 'mx_manage: false\n',
    },
    // Only myhostname is edited, over a main.cf relaygate does not know: inet_interfaces is unknown (had the
    // first task run, inet_interfaces = all would make it definite at 3:11).
    findings: [['stig-postfix-relay', 'tasks/main.yml', 7, 11, 'indeterminate']],
    configurations: 1,
  },
  {
    name: 'when: on an inventory fact stays undecided: indeterminate',
    files: { ...META, 'tasks/main.yml': '- lineinfile:\n    path: /etc/postfix/main.cf\n    line: inet_interfaces = 192.0.2.10\n  when: ansible_os_family == "Debian"\n' },
    findings: [['stig-postfix-relay', 'tasks/main.yml', 3, 11, 'indeterminate']],
    configurations: 1,
  },
  {
    name: 'an undecided when: that sets what the Debian base has already changes nothing: definite',
    files: { ...META, 'tasks/main.yml': '- lineinfile:\n    path: /etc/postfix/main.cf\n    line: inet_interfaces = all\n  when: ansible_os_family == "Debian"\n' },
    findings: [['stig-postfix-relay', 'tasks/main.yml', 3, 11, 'definite']],
    configurations: 1,
  },
  {
    name: "when: 'postfix' in ansible_facts.packages is judged as the host where Postfix is installed",
    files: {
      ...META,
      'tasks/main.yml': "- command: postconf -e 'smtpd_client_restrictions = permit_mynetworks,permit'\n  when:\n    - \"'postfix' in ansible_facts.packages\"\n    - mx_fix\n",
      'defaults/main.yml': 'mx_fix: true\n',
    },
    // The task runs (a false condition would leave no finding); over a main.cf relaygate does not know,
    // whether smtpd listens beyond loopback is unknown.
    findings: [['stig-postfix-relay', 'tasks/main.yml', 1, 53, 'indeterminate']],
    configurations: 1,
  },
  {
    name: 'a tasks/main.yml that only includes: set_fact in one included file reaches the template task of another',
    files: {
      ...META,
      'tasks/main.yml': '- include_tasks: prepare.yml\n- include_tasks: configure.yml\n',
      'tasks/prepare.yml': '- set_fact:\n    mx_bind: all\n',
      'tasks/configure.yml': TEMPLATE_TASK,
      'defaults/main.yml': 'mx_bind: loopback-only\n',
      'templates/main.cf.j2': MAIN_J2,
    },
    findings: [['stig-postfix-relay', 'templates/main.cf.j2', 1, 1, 'definite']],
    configurations: 1,
  },
  {
    name: 'include_vars chosen by a fact among files that include vars/main.yml: what it re-reads unchanged stays known',
    files: {
      ...META,
      'tasks/main.yml': `- include_vars: "{{ lookup('first_found', params) }}"\n${TEMPLATE_TASK}`,
      'vars/main.yml': 'mx_bind: loopback-only\n',
      'vars/debian.yml': 'mx_packages: [postfix]\n',
      'templates/main.cf.j2': MAIN_J2,
    },
    findings: [],
    configurations: 1,
  },
  {
    name: 'a role without meta/ (tasks/ only) is judged as the role it is',
    files: { 'tasks/main.yml': TEMPLATE_TASK, 'defaults/main.yml': 'mx_bind: all\n', 'templates/main.cf.j2': MAIN_J2 },
    findings: [['stig-postfix-relay', 'templates/main.cf.j2', 1, 1, 'definite']],
    configurations: 1,
  },
  {
    name: 'script: runs a repository script on the host: its postconf edits are the role\'s, one configuration',
    files: {
      ...META,
      'tasks/main.yml': '- yum: name=postfix state=present\n- script: files/setup.sh\n- copy: src=master.cf dest=/etc/postfix/master.cf\n',
      'files/setup.sh': '#!/bin/sh\npostconf -e "inet_interfaces = all"\n',
      'files/master.cf': 'smtp      inet  n       -       n       -       -       smtpd\n',
    },
    // On the RHEL base (yum), the script's inet_interfaces = all is what exposes the server.
    findings: [['stig-postfix-relay', 'files/setup.sh', 2, 14, 'definite']],
    configurations: 1,
  },
  {
    name: "a playbook's roles: vars reach the role's templates; the role alone passes",
    files: {
      'site.yml': '---\n- hosts: mail\n  roles:\n    - role: mx4\n      vars:\n        mx_bind: all\n',
      'roles/mx4/tasks/main.yml': TEMPLATE_TASK,
      'roles/mx4/defaults/main.yml': 'mx_bind: loopback-only\n',
      'roles/mx4/templates/main.cf.j2': MAIN_J2,
    },
    findings: [['stig-postfix-relay', 'roles/mx4/templates/main.cf.j2', 1, 1, 'definite']],
    configurations: 2,
  },
  {
    name: '{{ ansible_managed | comment }} on line 1 of master.cf.j2 and a service loop over role defaults: readable, judged',
    files: {
      ...META,
      'tasks/main.yml': '- template: src=main.cf.j2 dest=/etc/postfix/main.cf\n- template: src=master.cf.j2 dest=/etc/postfix/master.cf\n',
      'defaults/main.yml': 'mx_bind: all\nmx_services:\n  - {name: smtp, type: inet, command: smtpd}\n  - {name: pickup, type: unix, command: pickup}\n',
      'templates/main.cf.j2': '{{ ansible_managed | comment }}\ninet_interfaces = {{ mx_bind }}\nsmtpd_client_restrictions = permit_mynetworks, reject\n',
      'templates/master.cf.j2': '{{ ansible_managed | comment }}\n{% for s in mx_services %}\n{{ s.name }} {{ s.type }} n - n - - {{ s.command }}\n{% endfor %}\n',
    },
    findings: [],
    configurations: 1,
  },
  {
    name: 'a master.cf service loop over data nothing defines: an unknown service, indeterminate',
    files: {
      ...META,
      'tasks/main.yml': '- template: src=main.cf.j2 dest=/etc/postfix/main.cf\n- template: src=master.cf.j2 dest=/etc/postfix/master.cf\n',
      'templates/main.cf.j2': 'inet_interfaces = loopback-only\n',
      'templates/master.cf.j2': '{% for s in mx_services %}\n{{ s.name }} {{ s.type }} n - n - - {{ s.command }}\n{% endfor %}\n',
    },
    findings: [['stig-postfix-relay', 'templates/main.cf.j2', 1, 1, 'indeterminate']],
    configurations: 1,
  },
];

describe('Ansible shapes of real roles and playbooks', () => {
  itScansShapes(SHAPES, tree);
});
