// Edits of Exim files made in place by provisioning code: `sed -i` (GNU
// sed, as for Postfix's files) on update-exim4.conf.conf, Exim's own files
// and conf.d fragments, and Ansible lineinfile / replace on
// update-exim4.conf.conf. Each row: the tree, the exact findings (rule,
// file, line, column, certainty).
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { itScansShapes, type ScanShape } from './helpers/scan-shapes.js';
import { temporaryTrees } from './helpers/temp-tree.js';

const tree = temporaryTrees('exim-sed');

interface Case extends ScanShape {
  /** A note that must be printed (the edit relaygate did not follow). */
  note?: RegExp;
}

const CONF = '/etc/exim4/update-exim4.conf.conf';
const INSTALL = 'FROM debian:12\nRUN apt-get install -y exim4-daemon-light\n';
const INTERNET = `s/^dc_eximconfig_configtype=.*/dc_eximconfig_configtype='internet'/`;
const EVERYWHERE = `s/^dc_local_interfaces=.*/dc_local_interfaces=''/`;

const SED: Case[] = [
  {
    name: 'sed over the packaged update-exim4.conf.conf: the relay_nets it writes is open, the finding on the value in the sed',
    files: { Dockerfile: `${INSTALL}RUN sed -i -e "${INTERNET}" -e "${EVERYWHERE}" -e "s|^dc_relay_nets=.*|dc_relay_nets='0.0.0.0/0'|" ${CONF}\n` },
    // RUN sed -i -e "..." -e "..." -e "s|^dc_relay_nets=.*|dc_relay_nets='0.0.0.0/0'|": the value's first character.
    findings: [['exim-open-relay', 'Dockerfile', 3, 179, 'definite']],
  },
  {
    name: 'sed over the packaged file: lines it does not touch keep the packaged loopback-only interfaces',
    files: { Dockerfile: `${INSTALL}RUN sed -i -e "${INTERNET}" -e "s|^dc_relay_nets=.*|dc_relay_nets='0.0.0.0/0'|" ${CONF}\n` },
    findings: [],
  },
  {
    name: 'a regexp that matches no line changes nothing',
    files: { Dockerfile: `${INSTALL}RUN sed -i -e "${INTERNET}" -e "${EVERYWHERE}" -e "s|^dc_relay_networks=.*|dc_relay_nets='0.0.0.0/0'|" ${CONF}\n` },
    findings: [],
  },
  {
    name: 'sed -r with a back-reference on a COPY\'d file: only the value it writes points at the Dockerfile',
    files: {
      Dockerfile: `FROM debian:12\nCOPY update-exim4.conf.conf ${CONF}\nRUN sed -ri "s/^(dc_relay_nets)=.*/\\1='*'/" ${CONF}\n`,
      'update-exim4.conf.conf': "dc_eximconfig_configtype='internet'\ndc_local_interfaces=''\ndc_relay_nets='10.0.0.0/8'\n",
    },
    findings: [['exim-open-relay', 'Dockerfile', 3, 40, 'definite']],
  },
  {
    name: 'a COPY\'d file the sed closes: no finding',
    files: {
      Dockerfile: `FROM debian:12\nCOPY update-exim4.conf.conf ${CONF}\nRUN sed -i "s|^dc_relay_nets=.*|dc_relay_nets='10.0.0.0/8'|" ${CONF}\n`,
      'update-exim4.conf.conf': "dc_eximconfig_configtype='internet'\ndc_local_interfaces=''\ndc_relay_nets='*'\n",
    },
    findings: [],
  },
  {
    name: 'c\\ and a: replace a line, add one: GNU one-line forms',
    files: { 'setup.sh': `#!/bin/sh\nsed -i -e "/^dc_eximconfig_configtype=/c dc_eximconfig_configtype='internet'" -e "${EVERYWHERE}" -e '$a dc_relay_nets=*' ${CONF}\n` },
    // `$a dc_relay_nets=*`: the appended text's `*`.
    findings: [['exim-open-relay', 'setup.sh', 2, 155, 'definite']],
  },
  {
    name: 'an Exim configuration COPY\'d then edited: the changed word points at the sed, the kept text at the file',
    files: {
      Dockerfile: 'FROM alpine:3\nCOPY exim.conf /etc/exim/exim.conf\nRUN sed -i "s/^  deny hosts/  accept hosts/" /etc/exim/exim.conf\n',
      'exim.conf': 'local_interfaces = 0.0.0.0\nacl_smtp_rcpt = r\nbegin acl\nr:\n  deny hosts = *\n',
    },
    findings: [['exim-open-relay', 'exim.conf', 5, 16, 'definite']],
  },
  {
    name: 'a heredoc-written exim4.conf.template and a sed that deletes its only deny',
    files: {
      'entrypoint.sh': [
        '#!/bin/sh',
        "cat > /etc/exim4/exim4.conf <<'EOF'\nlocal_interfaces = 0.0.0.0\nacl_smtp_rcpt = r\nbegin acl\nr:\n  deny hosts = 192.0.2.0/24\n  accept\nEOF",
        "sed -i '/deny hosts/d' /etc/exim4/exim4.conf",
        '',
      ].join('\n'),
    },
    findings: [['exim-open-relay', 'entrypoint.sh', 8, 3, 'definite']],
  },
  {
    name: 'a sed under an undecided condition: the value it writes may or may not be there',
    files: {
      'setup.sh': [
        '#!/bin/sh',
        `sed -i "${INTERNET}" ${CONF}`,
        'if [ "$OPEN" ]; then',
        `  sed -i "s|^dc_relay_nets=.*|dc_relay_nets='0.0.0.0/0'|" ${CONF}`,
        'fi',
        `sed -i "${EVERYWHERE}" ${CONF}`,
        '',
      ].join('\n'),
    },
    findings: [['exim-open-relay', 'setup.sh', 4, 3, 'indeterminate']],
  },
];

const UNKNOWN: Case[] = [
  {
    name: 'a sed script from the environment: the settings are unknown from there, the verdict indeterminate at the sed',
    files: { 'setup.sh': `#!/bin/sh\nsed -i "$EXPR" ${CONF}\n` },
    findings: [['exim-open-relay', 'setup.sh', 2, 1, 'indeterminate']],
    note: /sed script "\?" on update-exim4\.conf\.conf is not followed \(the script is built when the shell runs\); its text is unknown from here on/,
  },
  {
    name: 'a script COPY\'d into the image and run as its entrypoint, building the sed expression in a loop over its arguments',
    files: {
      Dockerfile: `${INSTALL}COPY set-conf /usr/local/bin/\nENTRYPOINT ["/usr/local/bin/set-conf", "dc_relay_nets", "10.0.0.0/8"]\n`,
      'set-conf': `#!/bin/bash\nexpr=''\nwhile [ $# -gt 0 ]; do\n  expr+="s/^(\${1})=.*/\\\\1='\${2}'/;"\n  shift 2\ndone\nsed -ri "$expr" ${CONF}\n`,
    },
    findings: [['exim-open-relay', 'set-conf', 7, 1, 'indeterminate']],
  },
  {
    name: 'an unknown sed after a written Exim file: its text is unknown from there',
    files: {
      'entrypoint.sh': `#!/bin/sh\ncat > /etc/exim/exim.conf <<'EOF'\nlocal_interfaces = 0.0.0.0\nacl_smtp_rcpt = r\nbegin acl\nr:\n  deny\nEOF\nsed -i "$EDIT" /etc/exim/exim.conf\n`,
    },
    findings: [['exim-open-relay', 'entrypoint.sh', 9, 1, 'indeterminate']],
  },
  {
    name: 'sed -f: a script file relaygate does not read makes the settings unknown',
    files: { 'setup.sh': `#!/bin/sh\nsed -i -f /tmp/edits.sed ${CONF}\n` },
    findings: [['exim-open-relay', 'setup.sh', 2, 1, 'indeterminate']],
    note: /on update-exim4\.conf\.conf is not followed \(the script is read from a file with -f\); its text is unknown from here on/,
  },
  {
    name: 'a sed on a path relaygate cannot resolve: a note names it',
    files: { 'setup.sh': "#!/bin/sh\nsed -i 's/^dc_relay_nets=.*/dc_relay_nets=*/' \"$EXIM_DIR/update-exim4.conf.conf\"\n" },
    findings: [],
    note: /the target path "\?\/update-exim4\.conf\.conf" could not be resolved/,
  },
  {
    name: 'a sed on a packaged exim4.conf.template relaygate has not seen: a note, nothing made up',
    files: { 'setup.sh': "#!/bin/sh\nsed -i 's/^  deny/  accept/' /etc/exim4/exim4.conf.template\n" },
    findings: [],
    note: /sed edits exim4\.conf\.template, which relaygate has not seen; the change is not judged/,
  },
];

const task = (module: string, body: string[]): string => [`- ${module}:`, `    path: ${CONF}`, ...body.map((l) => `    ${l}`)].join('\n');

const ANSIBLE: Case[] = [
  {
    name: 'lineinfile regexp/line over the packaged file',
    files: {
      'roles/exim/tasks/main.yml': [
        task('lineinfile', ["regexp: '^dc_eximconfig_configtype='", `line: "dc_eximconfig_configtype='internet'"`]),
        task('lineinfile', ["regexp: '^dc_local_interfaces='", `line: "dc_local_interfaces=''"`]),
        task('lineinfile', ["regexp: '^dc_relay_nets='", "line: dc_relay_nets='0.0.0.0/0'"]),
        '',
      ].join('\n'),
    },
    // The third task's line (line 12), the plain scalar's value: `    line: dc_relay_nets='` is 25 characters.
    findings: [['exim-open-relay', 'roles/exim/tasks/main.yml', 12, 26, 'definite']],
  },
  {
    name: 'lineinfile over a file the role copies: the line wins over the copied one',
    files: {
      'roles/exim/tasks/main.yml': `- copy:\n    src: update-exim4.conf.conf\n    dest: ${CONF}\n${task('lineinfile', ["regexp: '^dc_relay_nets='", "line: dc_relay_nets='*'"])}\n`,
      'roles/exim/files/update-exim4.conf.conf': "dc_eximconfig_configtype='internet'\ndc_local_interfaces=''\ndc_relay_nets='10.0.0.0/8'\n",
    },
    findings: [['exim-open-relay', 'roles/exim/tasks/main.yml', 7, 26, 'definite']],
  },
  {
    name: 'lineinfile closing a copied open file',
    files: {
      'roles/exim/tasks/main.yml': `- copy:\n    src: update-exim4.conf.conf\n    dest: ${CONF}\n${task('lineinfile', ["regexp: '^dc_relay_nets='", "line: dc_relay_nets='10.0.0.0/8'"])}\n`,
      'roles/exim/files/update-exim4.conf.conf': "dc_eximconfig_configtype='internet'\ndc_local_interfaces=''\ndc_relay_nets='*'\n",
    },
    findings: [],
  },
  {
    name: 'replace on a copied file rewrites the setting it has',
    files: {
      'roles/exim/tasks/main.yml': `- copy:\n    src: update-exim4.conf.conf\n    dest: ${CONF}\n${task('replace', ["regexp: '^dc_relay_nets=.*$'", "replace: dc_relay_nets='*'"])}\n`,
      'roles/exim/files/update-exim4.conf.conf': "dc_eximconfig_configtype='internet'\ndc_local_interfaces=''\ndc_relay_nets='10.0.0.0/8'\n",
    },
    findings: [['exim-open-relay', 'roles/exim/tasks/main.yml', 7, 29, 'definite']],
  },
  {
    name: 'replace of a setting the file does not have writes nothing',
    files: {
      'roles/exim/tasks/main.yml': `- copy:\n    src: update-exim4.conf.conf\n    dest: ${CONF}\n${task('replace', ["regexp: '^dc_relay_nets=.*$'", "replace: dc_relay_nets='*'"])}\n`,
      'roles/exim/files/update-exim4.conf.conf': "dc_eximconfig_configtype='internet'\ndc_local_interfaces=''\n",
    },
    findings: [],
  },
  {
    name: 'lineinfile under an undecided when: indeterminate',
    files: {
      'roles/exim/tasks/main.yml': [
        task('lineinfile', ["regexp: '^dc_eximconfig_configtype='", `line: "dc_eximconfig_configtype='internet'"`]),
        task('lineinfile', ["regexp: '^dc_local_interfaces='", `line: "dc_local_interfaces=''"`]),
        task('lineinfile', ["regexp: '^dc_relay_nets='", "line: dc_relay_nets='0.0.0.0/0'"]),
        '  when: open_relay',
        '',
      ].join('\n'),
    },
    findings: [['exim-open-relay', 'roles/exim/tasks/main.yml', 12, 26, 'indeterminate']],
  },
];

for (const [title, cases] of [
  ['sed -i on Exim files relaygate knows: applied as GNU sed runs it', SED],
  ['sed -i whose script or file relaygate cannot read: unknown, never ignored', UNKNOWN],
  ['Ansible lineinfile and replace on update-exim4.conf.conf', ANSIBLE],
] as const) {
  describe(title, () => {
    itScansShapes(cases, tree, {
      allRules: true,
      also: (result, c) => {
        const note = c.note;
        if (note !== undefined) assert.ok(result.notes.some((n) => note.test(n)), result.notes.join('\n'));
      },
    });
  });
}
