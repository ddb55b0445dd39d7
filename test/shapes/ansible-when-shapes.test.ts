/**
 * A template task gated by `when:` on the role's variables (Ansible's
 * playbook/conditional.py: a string or a list whose items must all hold;
 * `and`/`or`/`not`, `| bool`, `is defined`): definitely false, the task does
 * not run and its template is judged as not deployed (alone, with the stock
 * smtp service every packaged master.cf has); definitely true, it is the
 * role's deployed main.cf; undecidable (an inventory variable, a fact), the
 * deployment may or may not happen and what depends on it is indeterminate.
 * Reconstructed small: exact rule, file, line, column, certainty, and
 * whether the template was linked to the task.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import { scan } from '../../src/scan.js';
import { temporaryTrees } from '../helpers/temp-tree.js';
import { findingRows, type FindingRow as Row } from '../helpers/finding-rows.js';
import { withoutRelayRules } from '../helpers/relay-rules-off.js';

const tree = temporaryTrees('ansible-when');

interface Shape {
  name: string;
  when: string;
  defaults: string;
  findings: Row[];
  /** The configuration's files: with tasks/main.yml when the task deploys the template. */
  files: string[];
}

const NOT_DEPLOYED = ['templates/main.cf.j2'];
const DEPLOYED = ['tasks/main.yml', 'templates/main.cf.j2'];
const DEFINITE: Row[] = [['stig-postfix-relay', 'templates/main.cf.j2', 1, 1, 'definite']];
// Maybe deployed: main.cf is the template or the file that was there, so it is judged over that file, at the line that exposes smtpd.
const INDETERMINATE: Row[] = [['stig-postfix-relay', 'templates/main.cf.j2', 2, 1, 'indeterminate']];

const SHAPES: Shape[] = [
  { name: 'x | bool with a false default: not deployed', when: 'mx_manage | bool', defaults: 'mx_manage: false\n', findings: DEFINITE, files: NOT_DEPLOYED },
  { name: 'x | bool with a true default: deployed', when: 'mx_manage | bool', defaults: 'mx_manage: true\n', findings: DEFINITE, files: DEPLOYED },
  { name: 'x | bool with a "no" string default: not deployed', when: 'mx_manage | bool', defaults: 'mx_manage: "no"\n', findings: DEFINITE, files: NOT_DEPLOYED },
  { name: 'x is defined and x | bool, false: not deployed', when: 'mx_manage is defined and mx_manage | bool', defaults: 'mx_manage: false\n', findings: DEFINITE, files: NOT_DEPLOYED },
  { name: 'a list [x is defined, x | bool], true: deployed', when: '\n    - mx_manage is defined\n    - mx_manage | bool', defaults: 'mx_manage: true\n', findings: DEFINITE, files: DEPLOYED },
  { name: 'a list whose second item is false: not deployed', when: '\n    - mx_manage is defined\n    - mx_manage | bool', defaults: 'mx_manage: false\n', findings: DEFINITE, files: NOT_DEPLOYED },
  { name: 'not x with x true: not deployed', when: 'not mx_skip', defaults: 'mx_skip: true\n', findings: DEFINITE, files: NOT_DEPLOYED },
  { name: 'a or b with b true: deployed', when: 'mx_a or mx_b', defaults: 'mx_a: false\nmx_b: true\n', findings: DEFINITE, files: DEPLOYED },
  { name: 'a or b, both false: not deployed', when: 'mx_a or mx_b', defaults: 'mx_a: false\nmx_b: false\n', findings: DEFINITE, files: NOT_DEPLOYED },
  { name: 'x is not defined with x undefined: deployed', when: 'mx_custom is not defined', defaults: 'other: 1\n', findings: DEFINITE, files: DEPLOYED },
  { name: 'an inventory variable the role does not define: maybe deployed, indeterminate', when: 'mx_inventory_flag | bool', defaults: 'other: 1\n', findings: INDETERMINATE, files: DEPLOYED },
  {
    name: 'ansible_os_family == "RedHat": a fact, maybe deployed (over the RHEL family\'s packaged main.cf), indeterminate',
    when: 'ansible_os_family == "RedHat"',
    defaults: 'other: 1\n',
    findings: INDETERMINATE,
    files: DEPLOYED,
  },
];

describe('template tasks gated by when: on the role variables', () => {
  for (const shape of SHAPES) {
    it(shape.name, async () => {
      const root = tree({
        'meta/main.yml': 'galaxy_info: {role_name: mx}\n',
        'defaults/main.yml': shape.defaults,
        'tasks/main.yml': `- name: main.cf\n  template:\n    src: main.cf.j2\n    dest: /etc/postfix/main.cf\n  when: ${shape.when}\n`,
        'templates/main.cf.j2': 'myhostname = mx.example.test\ninet_interfaces = all\n',
      });
      const result = await scan(withoutRelayRules(defaultOptions(root)));
      assert.deepEqual(
        findingRows(result.findings),
        shape.findings,
      );
      assert.deepEqual(
        result.configurations.map((c) => c.files),
        [shape.files],
      );
    });
  }
});

/**
 * What deployment changes: a master.cf template whose only smtpd listens on
 * loopback pairs with the role's main.cf only when its task runs.
 */
const PAIRS: { name: string; defaults: string; findings: Row[]; files: string[][] }[] = [
  {
    name: 'the gated master.cf is deployed: paired with main.cf, smtpd on loopback only passes',
    defaults: 'mx_own_master: true\n',
    findings: [],
    files: [['tasks/main.yml', 'templates/main.cf.j2', 'templates/master.cf.j2']],
  },
  {
    name: 'the gated master.cf is not deployed: main.cf runs the packaged smtp service, definite; master.cf judged alone',
    defaults: 'mx_own_master: false\n',
    findings: DEFINITE,
    files: [['templates/master.cf.j2'], ['tasks/main.yml', 'templates/main.cf.j2']],
  },
];

describe('a gated master.cf template pairs only when its task runs', () => {
  for (const shape of PAIRS) {
    it(shape.name, async () => {
      const root = tree({
        'meta/main.yml': 'galaxy_info: {role_name: mx}\n',
        'defaults/main.yml': shape.defaults,
        'tasks/main.yml':
          '- template:\n    src: main.cf.j2\n    dest: /etc/postfix/main.cf\n' +
          '- template:\n    src: master.cf.j2\n    dest: /etc/postfix/master.cf\n  when: mx_own_master | bool\n',
        'templates/main.cf.j2': 'myhostname = mx.example.test\ninet_interfaces = all\n',
        'templates/master.cf.j2': '127.0.0.1:smtp inet n - n - - smtpd\npickup unix n - n 60 1 pickup\n',
      });
      const result = await scan(withoutRelayRules(defaultOptions(root)));
      assert.deepEqual(
        findingRows(result.findings),
        shape.findings,
      );
      assert.deepEqual(
        result.configurations.map((c) => c.files),
        shape.files,
      );
    });
  }
});
