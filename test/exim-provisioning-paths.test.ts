// Exim files as provisioning code leaves them on the machine: edits that
// happen only on some paths of a script, Debian split-configuration
// fragments deployed into conf.d/SECTION/, and the other ways the
// provisioning code changes what Exim reads. Each row: the tree, the exact
// findings (rule, file, line, column, certainty).
import { describe } from 'node:test';
import { itScansShapes, type ScanShape as Case } from './helpers/scan-shapes.js';
import { temporaryTrees } from './helpers/temp-tree.js';

const tree = temporaryTrees('exim-provisioning');

const OPEN_ACL = 'acl_smtp_rcpt = r\nbegin acl\nr:\n  accept hosts = *\n';

const MAYBE_EDITS: Case[] = [
  {
    name: 'both branches of an if/else append the same macro: only one runs',
    files: {
      'entrypoint.sh': [
        '#!/bin/sh',
        'echo -n "" > /etc/exim4/exim4.conf.localmacros',
        'if [ "$TLS" ]; then',
        '  echo "MAIN_TLS_ENABLE = yes" >> /etc/exim4/exim4.conf.localmacros',
        'else',
        '  echo "MAIN_TLS_ENABLE = yes" >> /etc/exim4/exim4.conf.localmacros',
        'fi',
        '',
      ].join('\n'),
    },
    findings: [],
  },
  {
    name: 'a macro appended twice on one path is Exim\'s fatal duplicate',
    files: {
      'entrypoint.sh': [
        '#!/bin/sh',
        'echo "MAIN_TLS_ENABLE = yes" > /etc/exim4/exim4.conf.localmacros',
        'echo "MAIN_TLS_ENABLE = yes" >> /etc/exim4/exim4.conf.localmacros',
        '',
      ].join('\n'),
    },
    findings: [['config-unreadable', 'entrypoint.sh', 3, 7, 'definite']],
  },
  {
    name: 'a deny appended under a condition, after an open accept: still definite',
    files: {
      'entrypoint.sh': [
        '#!/bin/sh',
        `cat > /etc/exim/exim.conf <<'EOF'\nlocal_interfaces = 0.0.0.0\n${OPEN_ACL}EOF`,
        'if [ "$X" ]; then',
        '  echo "  deny hosts = 10.0.0.0/8" >> /etc/exim/exim.conf',
        'fi',
        '',
      ].join('\n'),
    },
    // The heredoc's `accept hosts = *` (line 7) comes first whether or not the deny is appended.
    findings: [['exim-open-relay', 'entrypoint.sh', 7, 18, 'definite']],
  },
  {
    name: 'an open ACL appended under an undecided condition is indeterminate, not a pass',
    files: {
      'entrypoint.sh': [
        '#!/bin/sh',
        `cat > /etc/exim/exim.conf <<'EOF'\nlocal_interfaces = 0.0.0.0\nacl_smtp_rcpt = r\nbegin acl\nr:\nEOF`,
        'if [ "$OPEN" ]; then',
        '  echo "  accept hosts = *" >> /etc/exim/exim.conf',
        'fi',
        'echo "  deny" >> /etc/exim/exim.conf',
        '',
      ].join('\n'),
    },
    findings: [['exim-open-relay', 'entrypoint.sh', 9, 26, 'indeterminate']],
  },
  {
    name: 'a file written under an undecided condition: the new text or the old one',
    files: {
      'entrypoint.sh': [
        '#!/bin/sh',
        `cat > /etc/exim/exim.conf <<'EOF'\nlocal_interfaces = 0.0.0.0\n${OPEN_ACL}EOF`,
        'if [ "$CLOSED" ]; then',
        `  cat > /etc/exim/exim.conf <<'EOF'\nlocal_interfaces = 127.0.0.1\nEOF`,
        'fi',
        '',
      ].join('\n'),
    },
    // The old file's acl_smtp_rcpt (line 4) is read only where the new file is not written.
    findings: [['exim-open-relay', 'entrypoint.sh', 4, 1, 'indeterminate']],
  },
];

describe('Exim edits that happen only on some paths of the provisioning code', () => {
  itScansShapes(MAYBE_EDITS, tree, { allRules: true });
});

const ROUTER = '# a router of our own\nmm3_router:\n  driver = accept\n  domains = +local_domains\n  transport = mm3_transport\n';
const OPEN_MAIN = 'MAIN_LOCAL_INTERFACES = 0.0.0.0\nlocal_interfaces = MAIN_LOCAL_INTERFACES\nacl_smtp_rcpt = acl_check_rcpt\n';
const ACL_HEADER = 'begin acl\n';
const OPEN_RCPT = 'acl_check_rcpt:\n  accept hosts = *\n';

const FRAGMENTS: Case[] = [
  {
    name: 'a lone router fragment is read as a router, over an unknown rest: indeterminate, not unreadable',
    files: { 'conf.d/router/455_mm3_router': ROUTER },
    findings: [['exim-open-relay', 'conf.d/router/455_mm3_router', 1, 1, 'indeterminate']],
  },
  {
    name: 'fragments a Dockerfile copies into /etc/exim4/conf.d/SECTION/ are one configuration, each in its section',
    files: {
      Dockerfile: 'FROM debian:12\nRUN apt-get install -y exim4-daemon-light\nCOPY files/mm3_router /etc/exim4/conf.d/router/455_mm3_router\nCOPY files/macros /etc/exim4/conf.d/main/25_macros\n',
      'files/mm3_router': ROUTER,
      'files/macros': 'MM3_DOMAIN = lists.example.org\n',
    },
    findings: [['exim-open-relay', 'files/macros', 1, 1, 'indeterminate']],
  },
  {
    name: 'a whole split tree with its section headers is judged as it stands',
    files: {
      'exim4/conf.d/main/02_options': OPEN_MAIN,
      'exim4/conf.d/acl/00_header': ACL_HEADER,
      'exim4/conf.d/acl/30_rcpt': OPEN_RCPT,
      'exim4/conf.d/router/00_header': 'begin routers\n',
      'exim4/conf.d/router/455_mm3_router': ROUTER,
    },
    findings: [['exim-open-relay', 'exim4/conf.d/acl/30_rcpt', 2, 18, 'definite']],
  },
  {
    name: 'an ACL fragment without its folder header is still an ACL: its open accept is found, indeterminate over the rest',
    files: { 'exim4/conf.d/main/02_options': OPEN_MAIN, 'exim4/conf.d/acl/30_rcpt': OPEN_RCPT },
    findings: [['exim-open-relay', 'exim4/conf.d/acl/30_rcpt', 2, 18, 'indeterminate']],
  },
  {
    name: 'an Ansible copy task deploys a fragment into conf.d/router',
    files: {
      'roles/exim/tasks/main.yml': '- copy:\n    src: 455_mm3_router\n    dest: /etc/exim4/conf.d/router/455_mm3_router\n',
      'roles/exim/files/455_mm3_router': 'mm3_router:\n  driver = accept\n  transport = mm3_transport\n',
    },
    findings: [['exim-open-relay', 'roles/exim/files/455_mm3_router', 1, 1, 'indeterminate']],
  },
];

describe('Debian split-configuration fragments, in the repository or deployed into conf.d/SECTION/', () => {
  itScansShapes(FRAGMENTS, tree, { allRules: true });
});

const RCPT_HEAD = 'local_interfaces = 0.0.0.0\nacl_smtp_rcpt = acl_check_rcpt\nbegin acl\nacl_check_rcpt:\n';

const TEMPLATE_BRANCHES: Case[] = [
  {
    name: 'Jinja2: the else branch not rendered holds an open accept, the condition is unknown: indeterminate, never a pass',
    files: { 'templates/exim4.conf.j2': `${RCPT_HEAD}{% if relay_closed %}\n  deny\n{% else %}\n  accept hosts = *\n{% endif %}\n` },
    findings: [['exim-open-relay', 'templates/exim4.conf.j2', 6, 3, 'indeterminate']],
  },
  {
    name: 'Jinja2: a known condition renders the closed branch: the open one not taken passes',
    files: {
      'templates/exim4.conf.j2': `${RCPT_HEAD}{% if relay_closed %}\n  deny\n{% else %}\n  accept hosts = *\n{% endif %}\n`,
      'defaults/main.yml': 'relay_closed: true\n',
    },
    findings: [],
  },
  {
    name: 'Jinja2: the open branch is rendered when the condition is known false',
    files: {
      'templates/exim4.conf.j2': `${RCPT_HEAD}{% if relay_closed %}\n  deny\n{% else %}\n  accept hosts = *\n{% endif %}\n`,
      'defaults/main.yml': 'relay_closed: false\n',
    },
    findings: [['exim-open-relay', 'templates/exim4.conf.j2', 8, 18, 'definite']],
  },
  {
    name: 'ERB: an else branch not rendered over an unknown @closed',
    files: { 'templates/exim4.conf.erb': `${RCPT_HEAD}<% if @closed -%>\n  deny\n<% else -%>\n  accept hosts = *\n<% end -%>\n` },
    findings: [['exim-open-relay', 'templates/exim4.conf.erb', 6, 3, 'indeterminate']],
  },
  {
    name: 'Jinja2: an elif chain whose last branch is open',
    files: { 'templates/exim4.conf.j2': `${RCPT_HEAD}{% if a %}\n  deny\n{% elif b %}\n  deny hosts = 10.0.0.0/8\n{% else %}\n  accept hosts = *\n{% endif %}\n` },
    findings: [['exim-open-relay', 'templates/exim4.conf.j2', 6, 3, 'indeterminate']],
  },
  {
    name: 'Jinja2: a deny before the undecided branch still decides first',
    files: { 'templates/exim4.conf.j2': `${RCPT_HEAD}  deny\n{% if relay_closed %}\n  deny\n{% else %}\n  accept hosts = *\n{% endif %}\n` },
    findings: [],
  },
];

describe('Exim templates: a branch relaygate did not render is unknown text where it stands', () => {
  itScansShapes(TEMPLATE_BRANCHES, tree, { allRules: true });
});

const PRESEED = [
  '# exim4-config answers',
  'exim4-config exim4/dc_eximconfig_configtype select internet site; mail is sent and received directly using SMTP',
  'exim4-config exim4/dc_relay_nets string 0.0.0.0/0',
  '',
].join('\n');

const PRESEED_FILES: Case[] = [
  {
    name: 'debconf-set-selections FILE: a preseed file in the repository answers exim4-config',
    files: { 'setup.sh': '#!/bin/sh\ndebconf-set-selections ./preseed.cfg\napt-get install -y exim4-daemon-light\n', 'preseed.cfg': PRESEED },
    findings: [['exim-open-relay', 'preseed.cfg', 3, 41, 'definite']],
  },
  {
    name: 'debconf-set-selections < FILE reads it the same way',
    files: { 'setup.sh': '#!/bin/sh\ndebconf-set-selections < preseed.cfg\n', 'preseed.cfg': PRESEED.replace('0.0.0.0/0', '10.0.0.0/8') },
    findings: [],
  },
  {
    name: 'a preseed file relaygate does not have: a note, no verdict made up',
    files: { 'setup.sh': '#!/bin/sh\ndebconf-set-selections /tmp/answers\n' },
    findings: [],
  },
];

describe('debconf-set-selections reading a preseed file', () => {
  itScansShapes(PRESEED_FILES, tree, { allRules: true });
});
