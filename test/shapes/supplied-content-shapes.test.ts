/**
 * A template that is one placeholder for the whole file, whose repository
 * value is an empty default meant to be overridden (`{{ mx_config }}` with
 * `mx_config: ""` in a role's defaults): the content is supplied by the
 * role's user. Reconstructed small, exact rule, file, line, column and
 * certainty, and the note that says so.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import { scan } from '../../src/scan.js';
import { temporaryTrees } from '../helpers/temp-tree.js';
import { findingRows, type FindingRow as Row } from '../helpers/finding-rows.js';

const tree = temporaryTrees('supplied-content');

interface Shape {
  name: string;
  files: Record<string, string>;
  findings: Row[];
  /** The start of the note expected (none when null). */
  note: string | null;
}

const JUDGED = new Set(['stig-postfix-relay', 'opensmtpd-open-relay', 'config-unreadable']);
const SMTPD_TASK = { 'tasks/main.yml': '- template: src=smtpd.conf.j2 dest=/etc/mail/smtpd.conf\n' };
const SMTPD_J2 = { 'templates/smtpd.conf.j2': '# Managed by Ansible\n\n{{ mx_config }}\n' };
const NOTE = 'templates/smtpd.conf.j2:3:1: the whole file is the value of mx_config, empty by default (defaults/main.yml:2)';

const SHAPES: Shape[] = [
  {
    name: 'smtpd.conf that is one placeholder over an empty role default: supplied by the user, indeterminate with a note',
    files: { ...SMTPD_TASK, ...SMTPD_J2, 'defaults/main.yml': '---\nmx_config: ""\n' },
    findings: [['opensmtpd-open-relay', 'templates/smtpd.conf.j2', 3, 1, 'indeterminate']],
    note: NOTE,
  },
  {
    name: 'the same template, not deployed by any task: the same reading',
    files: { ...SMTPD_J2, 'defaults/main.yml': '---\nmx_config: ""\n' },
    findings: [['opensmtpd-open-relay', 'templates/smtpd.conf.j2', 3, 1, 'indeterminate']],
    note: NOTE,
  },
  {
    name: 'an empty value in the role vars/ (not meant to be overridden): the server is given an empty file, which OpenSMTPD refuses',
    files: { ...SMTPD_TASK, ...SMTPD_J2, 'vars/main.yml': '---\nmx_config: ""\n' },
    findings: [['config-unreadable', 'templates/smtpd.conf.j2', 1, 1, 'definite']],
    note: null,
  },
  {
    name: 'a non-empty role default is what deploys unless overridden: judged',
    files: { ...SMTPD_TASK, ...SMTPD_J2, 'defaults/main.yml': '---\nmx_config: "listen on 0.0.0.0\\naction \\"out\\" relay\\nmatch from any for any action \\"out\\"\\n"\n' },
    findings: [['opensmtpd-open-relay', 'templates/smtpd.conf.j2', 3, 1, 'definite']],
    note: null,
  },
  {
    name: 'a placeholder with other configuration around it is not the whole file: the empty default is judged',
    files: { ...SMTPD_TASK, 'templates/smtpd.conf.j2': 'listen on 0.0.0.0\n{{ mx_config }}\n', 'defaults/main.yml': '---\nmx_config: ""\n' },
    findings: [['config-unreadable', 'templates/smtpd.conf.j2', 1, 1, 'definite']],
    note: null,
  },
  {
    name: 'main.cf that is one placeholder over an empty role default: unknown (not Postfix\'s built-in defaults), indeterminate',
    files: { 'tasks/main.yml': '- template: src=main.cf.j2 dest=/etc/postfix/main.cf\n', 'templates/main.cf.j2': '{{ mx_main }}\n', 'defaults/main.yml': 'mx_main: ""\n' },
    findings: [['stig-postfix-relay', 'templates/main.cf.j2', 1, 1, 'indeterminate']],
    note: 'templates/main.cf.j2:1:1: the whole file is the value of mx_main, empty by default (defaults/main.yml:1)',
  },
];

describe('whole-file placeholders whose content the role user supplies', () => {
  for (const shape of SHAPES) {
    it(shape.name, async () => {
      const result = await scan(defaultOptions(tree(shape.files)));
      assert.deepEqual(
        findingRows(result.findings.filter((f) => JUDGED.has(f.ruleId))),
        shape.findings,
      );
      const notes = result.notes.filter((n) => n.includes('the whole file is the value of'));
      assert.deepEqual(notes.map((n) => n.slice(0, shape.note?.length ?? 0)), shape.note === null ? [] : [shape.note]);
    });
  }
});
