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
import { scan, type ScanResult } from '../../../src/scan.js';
import { findingRows } from '../../helpers/finding-rows.js';
import { MappedLine } from '../../../src/sources/replay/mapped-line.js';
import { charge, SED_CHARS_PER_INSTANCE, SED_PIECES_PER_INSTANCE, sedBudget, spent } from '../../../src/sources/replay/sed-edit.js';
import { temporaryTrees } from '../../helpers/temp-tree.js';

const tree = temporaryTrees('replay-bounds');

/** `add`, which may run `a` and may run `b` (each under a condition relaygate cannot decide). */
function mayRun(a: string, b: string): string {
  return ['add() {', '  if [ -n "$WITH_A" ]; then', `    ${a}`, '  fi', '  if [ -n "$WITH_B" ]; then', `    ${b}`, '  fi', '}'].join('\n');
}

/**
 * Scans a script that installs `server`, runs `before`, then calls `add` on each pass (14: 2^28 lines
 * without the bounds, when both its edits double what they match).
 */
function scanScript(add: string, { passes = 14, server = 'postfix', before = '' } = {}): Promise<ScanResult> {
  const words = Array.from({ length: passes }, (_, i) => i + 1).join(' ');
  const text = `#!/bin/sh\napt-get install -y ${server}\n${before === '' ? '' : `${before}\n`}${add}\nfor pass in ${words}; do\n  add\ndone\n`;
  return scan(defaultOptions(tree({ 'setup.sh': text })));
}

/** Two seds that may run, each prefixing what the other matches: every pass doubles the lines. */
const DOUBLING_SEDS = {
  before: "postconf -e 'inet_interfaces = all' 'smtpd_sender_restrictions = reject_unknown_sender_domain'",
  add: mayRun(
    "sed -i 's|^smtpd_sender_restrictions =|smtpd_sender_restrictions = check_a,|' /etc/postfix/main.cf",
    "sed -i 's|^smtpd_sender_restrictions =|smtpd_sender_restrictions = check_b,|' /etc/postfix/main.cf",
  ),
};

describe('replay bounds', () => {
  it('a sed that doubles main.cf on each pass: what it changes past the bound is unknown', async () => {
    const result = await scanScript(DOUBLING_SEDS.add, { before: DOUBLING_SEDS.before });
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
    const result = await scanScript(DOUBLING_SEDS.add, { before: DOUBLING_SEDS.before, passes: 40 });
    assert.deepEqual(result.notes.filter((n) => n.includes('lines')), [
      'main.cf: the sed at setup.sh:6 would make the file more than 5000 lines long: what it changes there, and what later seds that grow it change, is unknown',
      'setup.sh line 9: the Postfix edits before this one ran over 200000 lines (or 8 MiB, or 1000000 pieces of text from different places) of main.cf and master.cf; what this and later ones change is unknown',
    ]);
  });

  const eximEdit = (name: string): string => `sed -i "s/^dc_other_hostnames='/dc_other_hostnames='${name}.example:/" /etc/exim4/update-exim4.conf.conf`;
  const eximNotes = (result: ScanResult): string[] => result.notes.filter((n) => n.includes(' lines'));

  it("a sed that doubles Debian's update-exim4.conf.conf on each pass: what it changes past the bound is unknown", async () => {
    // 8 passes: 16 seds, the bound met at the 13th.
    const result = await scanScript(mayRun(eximEdit('a'), eximEdit('b')), { passes: 8, server: 'exim4-daemon-light' });
    assert.deepEqual(eximNotes(result), [
      'update-exim4.conf.conf: the sed at setup.sh:5 would make the file more than 5000 lines long: what it changes there, and what later seds that grow it change, is unknown',
    ]);
    assert.deepEqual(findingRows(result.findings), [['exim-open-relay', 'setup.sh', 5, 5, 'indeterminate']]);
  });

  it('a postconf -P that doubles master.cf on each pass: what it changes past the bound is unknown', async () => {
    const result = await scanScript(mayRun('postconf -P "smtp/inet/smtpd_helo_restrictions=check_a"', 'postconf -P "smtp/inet/smtpd_helo_restrictions=check_b"'));
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

  it('the budget counts lines, characters and the pieces of their source maps: any one spent stops the replay', () => {
    const span = { file: 'setup.sh', line: 1, column: 1, endLine: 1, endColumn: 2 };
    // A line an edit grew 50 times: 50 pieces, each from a place of its own.
    const grown = Array.from({ length: 50 }, (_, i) => MappedLine.generated('a:', { ...span, line: i + 1 })).reduce((a, b) => a.concat(b));
    assert.equal(grown.segments.length, 50);
    const doc = Array.from({ length: 1000 }, () => ({ line: grown, maybe: false }));
    const pieces = sedBudget();
    // 1,000 lines of 100 characters: far under the line and character budgets, and 50,000 pieces an edit.
    let runs = 0;
    while (charge(pieces, doc)) runs++;
    assert.equal(runs, Math.floor(SED_PIECES_PER_INSTANCE / 50_000));
    assert.ok(spent(pieces) && pieces.lines > 0 && pieces.chars > 0);
    const long = [{ line: MappedLine.generated('x'.repeat(1024 * 1024), span), maybe: false }];
    const chars = sedBudget();
    runs = 0;
    while (charge(chars, long)) runs++;
    assert.equal(runs, SED_CHARS_PER_INSTANCE / (1024 * 1024));
    assert.ok(spent(chars) && chars.lines > 0 && chars.pieces > 0);
  });
});
