/**
 * Shapes of real Salt formulas, reconstructed small: file.managed deploys
 * with the variables the template receives, postfix.set_main and
 * file.replace edits, loops over data the formula never defines.
 */
import { describe } from 'node:test';
import { temporaryTrees } from '../helpers/temp-tree.js';
import type { FindingRow as Row } from '../helpers/finding-rows.js';
import { itScansShapes } from '../helpers/scan-shapes.js';

const tree = temporaryTrees('salt-shapes');

const MANAGED = (context: string): string =>
  [
    'mta-main:',
    '  file.managed:',
    '    - name: /etc/postfix/main.cf',
    '    - source: salt://mta/files/main.cf.j2',
    '    - template: jinja',
    '    - defaults:',
    '        bind: all',
    '        restrictions: permit_mynetworks',
    `    - context: ${context}`,
    '',
  ].join('\n');
const MAIN_J2 = 'inet_interfaces = {{ bind }}\nsmtpd_client_restrictions = {{ restrictions }}\n';

const SHAPES: { name: string; files: Record<string, string>; findings: Row[]; configurations: number }[] = [
  {
    name: 'postfix.set_main and file.replace on main.cf are edits (weak restrictions, all interfaces: definite)',
    files: {
      'salt/mta/init.sls': [
        'mta-client-restrictions:',
        '  module.run:',
        '    - name: postfix.set_main',
        '    - key: smtpd_client_restrictions',
        '    - value: permit_mynetworks',
        'mta-listen:',
        '  file.replace:',
        '    - name: /etc/postfix/main.cf',
        "    - pattern: '^inet_interfaces\\s*=.*$'",
        "    - repl: 'inet_interfaces = all'",
        '    - append_if_not_found: True',
        '',
      ].join('\n'),
    },
    findings: [['stig-postfix-relay', 'salt/mta/init.sls', 5, 14, 'definite']],
    configurations: 1,
  },
  {
    name: 'new-style module.run with a back-reference file.replace: the value is rebuilt, restrictions end in reject',
    files: {
      'salt/mta/init.sls': [
        'mta-client-restrictions:',
        '  module.run:',
        '    - postfix.set_main:',
        '      - key: smtpd_client_restrictions',
        '      - value: permit_mynetworks, permit',
        'mta-fix:',
        '  file.replace:',
        '    - name: /etc/postfix/main.cf',
        "    - pattern: '(^smtpd_client_restrictions\\s*=\\s*)(.*$)'",
        "    - repl: '\\g<1>permit_mynetworks, reject'",
        '',
      ].join('\n'),
    },
    findings: [],
    configurations: 1,
  },
  {
    name: 'file.managed with template: jinja renders the source with context over defaults (loopback: no finding)',
    files: { 'mta/init.sls': MANAGED('{bind: loopback-only}'), 'mta/files/main.cf.j2': MAIN_J2 },
    findings: [],
    configurations: 1,
  },
  {
    name: 'file.managed with template: jinja renders the source with context over defaults (defaults only: definite)',
    files: { 'mta/init.sls': MANAGED('{}'), 'mta/files/main.cf.j2': MAIN_J2 },
    findings: [['stig-postfix-relay', 'mta/files/main.cf.j2', 2, 29, 'definite']],
    configurations: 1,
  },
  {
    name: 'a master.cf template whose services loop over a context nothing defines: indeterminate, never a pass',
    files: {
      'mta/init.sls': [
        'postfix-main:',
        '  file.managed:',
        '    - name: /etc/postfix/main.cf',
        '    - source: salt://mta/files/main.cf.j2',
        '    - template: jinja',
        '    - context:',
        '        bind: loopback-only',
        'postfix-master:',
        '  file.managed:',
        '    - name: /etc/postfix/master.cf',
        '    - source: salt://mta/files/master.cf.j2',
        '    - template: jinja',
        '    - context:',
        "        services: {{ salt['pillar.get']('mta:master', {}) | json }}",
        '',
      ].join('\n'),
      'mta/files/main.cf.j2': 'inet_interfaces = {{ bind }}\n',
      'mta/files/master.cf.j2': '{% for name, s in services.items() %}\n{{ s.name }} {{ s.type }} n - n - - {{ s.command }}\n{% endfor %}\n',
    },
    findings: [['stig-postfix-relay', 'mta/files/main.cf.j2', 1, 1, 'indeterminate']],
    configurations: 1,
  },
  {
    name: 'cmd.run of postconf is read as shell, positions on the state file',
    files: { 'mta/init.sls': "mta-open:\n  cmd.run:\n    - name: postconf -e 'inet_interfaces = all' 'smtpd_client_restrictions = permit'\n" },
    findings: [['stig-postfix-relay', 'mta/init.sls', 3, 78, 'definite']],
    configurations: 1,
  },
  {
    name: 'a #!py state file is Python: not read',
    files: { 'mta/init.sls': '#!py\ndef run():\n    return {"x": {"module.run": [{"name": "postfix.set_main"}, {"key": "inet_interfaces"}, {"value": "all"}]}}\n' },
    findings: [],
    configurations: 0,
  },
];

describe('Salt shapes of real formulas', () => {
  itScansShapes(SHAPES, tree);
});
