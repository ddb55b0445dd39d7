/**
 * An edit that may or may not run keeps each line it changes beside the new
 * one, so the same edit run once per pass of a loop doubles what it matches
 * each time (a start-up script that calls its setup functions from a loop).
 * The replay stays within its bounds (src/sources/replay/sed-edit.ts): past
 * them what the edits change is unknown, said in a note, and judged so.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../../../src/config/options.js';
import { scan } from '../../../src/scan.js';
import { findingRows } from '../../helpers/finding-rows.js';
import { temporaryTrees } from '../../helpers/temp-tree.js';

const tree = temporaryTrees('replay-bounds');

/** A script whose function, called on each pass (14: 2^28 lines without the bounds), may run two edits. */
function script(edits: string, count = 14): Record<string, string> {
  const passes = Array.from({ length: count }, (_, i) => i + 1).join(' ');
  return { 'setup.sh': `#!/bin/sh\napt-get install -y ${edits.includes('exim4') ? 'exim4-daemon-light' : 'postfix'}\n${edits}\nfor pass in ${passes}; do\n  add\ndone\n` };
}

/** Two seds that may run, each prefixing what the other matches: every pass doubles the lines. */
const DOUBLING_SEDS = [
  "postconf -e 'inet_interfaces = all' 'smtpd_sender_restrictions = reject_unknown_sender_domain'",
  'add() {',
  '  if [ -n "$WITH_A" ]; then',
  "    sed -i 's|^smtpd_sender_restrictions =|smtpd_sender_restrictions = check_a,|' /etc/postfix/main.cf",
  '  fi',
  '  if [ -n "$WITH_B" ]; then',
  "    sed -i 's|^smtpd_sender_restrictions =|smtpd_sender_restrictions = check_b,|' /etc/postfix/main.cf",
  '  fi',
  '}',
].join('\n');

describe('replay bounds', () => {
  it('a sed that doubles main.cf on each pass: what it changes past the bound is unknown', async () => {
    const result = await scan(
      defaultOptions(
        tree(
          script(
            DOUBLING_SEDS,
          ),
        ),
      ),
    );
    assert.deepEqual(result.notes.filter((n) => n.includes('lines long')), [
      'main.cf: the sed at setup.sh:6 would make the file more than 5000 lines long: what it changes there, and what later seds that grow it change, is unknown',
    ]);
    assert.deepEqual(findingRows(result.findings), [
      // At the seds, whose unknown line may be any definition.
      ['stig-postfix-relay', 'setup.sh', 6, 5, 'indeterminate'],
      ['postfix-open-relay', 'setup.sh', 9, 72, 'indeterminate'],
    ]);
  });

  it('edits that run over the lines of an instance budget: the later ones are not replayed, and may change anything', async () => {
    const result = await scan(
      defaultOptions(
        tree(
          script(
            DOUBLING_SEDS,
            40,
          ),
        ),
      ),
    );
    assert.deepEqual(result.notes.filter((n) => n.includes('lines')), [
      'main.cf: the sed at setup.sh:6 would make the file more than 5000 lines long: what it changes there, and what later seds that grow it change, is unknown',
      'setup.sh line 9: the Postfix edits before this one ran over 200000 lines of main.cf and master.cf; what this and later ones change is unknown',
    ]);
  });

  it("a sed that doubles Debian's update-exim4.conf.conf on each pass: what it changes past the bound is unknown", async () => {
    const edit = (name: string): string =>
      `    sed -i "s/^dc_other_hostnames='/dc_other_hostnames='${name}.example:/" /etc/exim4/update-exim4.conf.conf`;
    const result = await scan(
      defaultOptions(
        tree({
          // 8 passes: 16 seds, the bound met at the 13th.
          ...script(['add() {', '  if [ -n "$WITH_A" ]; then', edit('a'), '  fi', '  if [ -n "$WITH_B" ]; then', edit('b'), '  fi', '}'].join('\n'), 8),
        }),
      ),
    );
    assert.deepEqual(result.notes.filter((n) => n.includes('lines long')), [
      'update-exim4.conf.conf: the sed at setup.sh:5 would make the file more than 5000 lines long: what it changes there, and what later seds that grow it change, is unknown',
    ]);
    assert.deepEqual(findingRows(result.findings), [['exim-open-relay', 'setup.sh', 5, 5, 'indeterminate']]);
  });

  it('a postconf -P that doubles master.cf on each pass: what it changes past the bound is unknown', async () => {
    const result = await scan(
      defaultOptions(
        tree(
          script(
            [
              'add() {',
              '  if [ -n "$WITH_A" ]; then',
              '    postconf -P "smtp/inet/smtpd_helo_restrictions=check_a"',
              '  fi',
              '  if [ -n "$WITH_B" ]; then',
              '    postconf -P "smtp/inet/smtpd_helo_restrictions=check_b"',
              '  fi',
              '}',
            ].join('\n'),
          ),
        ),
      ),
    );
    assert.deepEqual(result.notes.filter((n) => n.includes('lines long')), [
      'master.cf: setup.sh line 8 would make the file more than 5000 lines long: what it changes there, and what later edits that grow it change, is unknown',
    ]);
    // The smtp service as the package has it, and the service the unknown line may be.
    assert.deepEqual(findingRows(result.findings), [
      ['stig-postfix-relay', 'setup.sh', 2, 1, 'indeterminate'],
      ['stig-postfix-relay', 'setup.sh', 2, 1, 'indeterminate'],
    ]);
    assert.deepEqual(
      result.findings.map((f) => f.message.slice(0, f.message.indexOf(' may '))),
      ['smtpd on <unresolved>:<unresolved>', 'smtpd on <unresolved>:smtp'],
    );
  });
});
