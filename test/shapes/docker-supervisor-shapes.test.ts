/**
 * Scripts a process supervisor starts in a Docker image: `s6-svscan DIR` as
 * the container's command runs `DIR/NAME/run` for every service directory
 * the image's COPYs put there (s6-svscan(8)). Their edits belong to the
 * image's configuration, over its base. Reconstructed small: exact rule,
 * file, line, column and certainty, and which files each configuration has.
 */
import { describe } from 'node:test';
import { temporaryTrees } from '../helpers/temp-tree.js';
import type { FindingRow as Row } from '../helpers/finding-rows.js';
import { itScansShapes } from '../helpers/scan-shapes.js';

const tree = temporaryTrees('docker-supervisor');

const BUILD = 'FROM debian:12\nRUN apt-get update && apt-get install -y postfix s6\nCOPY etc/s6 /etc/s6/\n';
const RUN_FIXES = { 'etc/s6/postfix/run': '#!/bin/sh\npostconf -e "smtpd_client_restrictions = permit_mynetworks, reject"\nexec /usr/sbin/postfix start-fg\n' };
const RUN_NAME_ONLY = { 'etc/s6/postfix/run': '#!/bin/sh\npostconf -e "myhostname = mx.example.test"\nexec /usr/sbin/postfix start-fg\n' };
const OTHER_SERVICE = { 'etc/s6/syslog/run': '#!/bin/sh\nexec syslogd -n\n' };

const SHAPES: { name: string; files: Record<string, string>; findings: Row[]; configurations: string[][] }[] = [
  {
    name: 'CMD s6-svscan /etc/s6: the postfix service\'s run script restricts clients on the Debian base, one configuration, no finding',
    files: { Dockerfile: `${BUILD}CMD ["/usr/bin/s6-svscan", "/etc/s6"]\n`, ...RUN_FIXES, ...OTHER_SERVICE },
    findings: [],
    configurations: [['Dockerfile', 'etc/s6/postfix/run']],
  },
  {
    name: 'an ENTRYPOINT script that execs the s6-svscan CMD: the same',
    files: {
      Dockerfile: `${BUILD}COPY entry.sh /\nENTRYPOINT ["/entry.sh"]\nCMD ["s6-svscan", "/etc/s6"]\n`,
      'entry.sh': '#!/bin/sh\npostconf -e "myhostname = mx.example.test"\nexec "$@"\n',
      ...RUN_FIXES,
    },
    findings: [],
    configurations: [['Dockerfile', 'entry.sh', 'etc/s6/postfix/run']],
  },
  {
    name: 'no supervisor in the command: the run script is judged apart, over a main.cf relaygate does not know',
    files: { Dockerfile: `${BUILD}CMD ["/usr/sbin/postfix", "start-fg"]\n`, ...RUN_FIXES },
    findings: [],
    configurations: [['etc/s6/postfix/run']],
  },
  {
    name: 'a run script that leaves the restrictions alone, started by s6: the Debian base decides, definite',
    files: { Dockerfile: `${BUILD}CMD ["/usr/bin/s6-svscan", "/etc/s6"]\n`, ...RUN_NAME_ONLY },
    findings: [['stig-postfix-relay', 'Dockerfile', 1, 1, 'definite']],
    configurations: [['Dockerfile', 'etc/s6/postfix/run']],
  },
  {
    name: 'the same run script with no supervisor: apart, over an unknown main.cf, indeterminate',
    files: { Dockerfile: `${BUILD}CMD ["/usr/sbin/postfix", "start-fg"]\n`, ...RUN_NAME_ONLY },
    findings: [['stig-postfix-relay', 'etc/s6/postfix/run', 2, 14, 'indeterminate']],
    configurations: [['etc/s6/postfix/run']],
  },
];

describe('scripts a supervisor starts in a Docker image', () => {
  itScansShapes(SHAPES, tree, { inOrder: true });
});
