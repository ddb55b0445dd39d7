/**
 * main.cf lines built from command output, as container start scripts write
 * them: `postconf -e "$(postconf | grep '^mynetworks =') NET"` appends a
 * network to the current value; `echo "$(cat dnsbl.cf)" >> main.cf` followed
 * by indented lines appends a definition and its continuation. Only the
 * command's output can hold the `=`, so the line sets a parameter relaygate
 * cannot name: every verdict that parameter may change is indeterminate, and
 * nothing is unreadable (postconf and Postfix accept it). Exact rule, file,
 * line, column and certainty.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { temporaryTrees } from '../helpers/temp-tree.js';
import type { FindingRow as Row } from '../helpers/finding-rows.js';
import { itScansShapes } from '../helpers/scan-shapes.js';

const tree = temporaryTrees('postconf-substitution');

const BUILD = 'FROM debian:12\nRUN apt-get update && apt-get install -y postfix\nCOPY start.sh /\nCMD ["/start.sh"]\n';
const RESTRICT = 'postconf -e "smtpd_client_restrictions = permit_mynetworks, reject"\n';

const SHAPES: { name: string; files: Record<string, string>; findings: Row[]; configurations: string[][] }[] = [
  {
    name: 'the Debian base with client restrictions set: no finding',
    files: { Dockerfile: BUILD, 'start.sh': `#!/bin/sh\n${RESTRICT}exec postfix start-fg\n` },
    findings: [],
    configurations: [['Dockerfile', 'start.sh']],
  },
  {
    name: 'then a network appended through $(postconf | grep): any parameter may change, indeterminate, not unreadable',
    files: { Dockerfile: BUILD, 'start.sh': `#!/bin/sh\n${RESTRICT}postconf -e "$(postconf | grep '^mynetworks =') 172.16.0.0/12"\nexec postfix start-fg\n` },
    // Each points at the value the unnamed parameter may redefine: Debian's
    // mynetworks, and the client restrictions line 2 sets.
    findings: [
      ['postfix-broad-mynetworks', 'Dockerfile', 1, 1, 'indeterminate'],
      ['postfix-open-relay', 'start.sh', 2, 42, 'indeterminate'],
      ['stig-postfix-relay', 'start.sh', 2, 42, 'indeterminate'],
    ],
    configurations: [['Dockerfile', 'start.sh']],
  },
  {
    name: 'a definition echoed from a file into main.cf, continued by an indented echo: a parameter relaygate cannot name, not unreadable',
    files: {
      Dockerfile: BUILD,
      'start.sh': `#!/bin/sh\n${RESTRICT}echo "$(cat /etc/postfix/dnsbl.cf)" >> /etc/postfix/main.cf\necho "  zen.spamhaus.org*3" >> /etc/postfix/main.cf\nexec postfix start-fg\n`,
    },
    findings: [
      ['postfix-broad-mynetworks', 'Dockerfile', 1, 1, 'indeterminate'],
      ['postfix-open-relay', 'start.sh', 2, 42, 'indeterminate'],
      ['stig-postfix-relay', 'start.sh', 2, 42, 'indeterminate'],
    ],
    configurations: [['Dockerfile', 'start.sh']],
  },
  {
    name: 'a known argument with a blank inside the name: postconf exits, the edit changes nothing, the restrictions stand',
    files: { Dockerfile: BUILD, 'start.sh': `#!/bin/sh\n${RESTRICT}postconf -e "my networks $(cat /nets)"\nexec postfix start-fg\n` },
    findings: [],
    configurations: [['Dockerfile', 'start.sh']],
  },
];

describe('postconf -e arguments whose `=` comes from a command substitution', () => {
  itScansShapes(SHAPES, tree, {
    inOrder: true,
    allRules: true,
    also: (result) => {
      for (const f of result.findings) {
        assert.ok(!f.message.includes('\uE000'), f.message);
        if (f.certainty === 'indeterminate') assert.match(f.message, /may be redefined by a line whose parameter name relaygate could not resolve|smtpd_client_restrictions` in smtpd_client_restrictions has a value relaygate could not resolve/);
      }
    },
  });
});
