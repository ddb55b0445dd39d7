import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePatch } from '../../src/github/diff.js';
import { suggestedChanges, suggestionBlock } from '../../src/github/suggestion.js';
import type { Replacement } from '../../src/model/finding.js';

const MAIN = 'postfix/main.cf';
const TEXT = ['myhostname = mx', 'inet_interfaces = all', 'smtpd_client_restrictions = permit_mynetworks, permit', 'relayhost ='];
const PATCH = '@@ -1,3 +1,4 @@\n myhostname = mx\n+inet_interfaces = all\n-smtpd_client_restrictions = permit_mynetworks, reject\n+smtpd_client_restrictions = permit_mynetworks, permit\n relayhost =';
const diffs = new Map([[MAIN, parsePatch(PATCH)]]);
const scanned = (file: string, line: number): string | null => (file === MAIN ? TEXT[line - 1] ?? null : null);

function r(line: number, column: number, endColumn: number, text: string, endLine = line, file = MAIN): Replacement {
  return { file, line, column, endLine, endColumn, text };
}

describe('suggestedChanges', () => {
  it('replaces a span inside one line: the whole line is the suggestion', () => {
    // `permit` at columns 48-54 of line 3.
    assert.deepEqual(suggestedChanges([r(3, 48, 54, 'reject')], diffs, scanned), [
      { path: MAIN, startLine: 3, endLine: 3, lines: ['smtpd_client_restrictions = permit_mynetworks, reject'] },
    ]);
  });

  it('applies replacements on adjacent lines together, and may insert lines', () => {
    const changes = suggestedChanges([r(3, 48, 54, 'reject'), r(2, 19, 22, 'loopback-only\n# relaygate: was all')], diffs, scanned);
    assert.deepEqual(changes, [
      {
        path: MAIN,
        startLine: 2,
        endLine: 3,
        lines: ['inet_interfaces = loopback-only', '# relaygate: was all', 'smtpd_client_restrictions = permit_mynetworks, reject'],
      },
    ]);
  });

  it('a replacement across a line break joins the lines', () => {
    assert.deepEqual(suggestedChanges([r(2, 22, 1, ' ', 3)], diffs, scanned), [
      { path: MAIN, startLine: 2, endLine: 3, lines: ['inet_interfaces = all smtpd_client_restrictions = permit_mynetworks, permit'] },
    ]);
  });

  it('refuses what GitHub or the reviewer could not apply safely', () => {
    const why = (x: ReturnType<typeof suggestedChanges>): string => ('why' in x ? x.why : 'suggested');
    assert.equal(why(suggestedChanges([], diffs, scanned)), 'no mechanical fix');
    assert.equal(why(suggestedChanges([r(1, 1, 2, 'x', 1, 'other.cf')], diffs, scanned)), 'other.cf is not part of the diff');
    assert.equal(why(suggestedChanges([r(9, 1, 2, 'x')], diffs, scanned)), 'postfix/main.cf:9 is outside the diff');
    assert.equal(why(suggestedChanges([r(3, 48, 99, 'x')], diffs, scanned)), 'a replacement does not fit postfix/main.cf:3');
    assert.equal(why(suggestedChanges([r(3, 1, 10, 'a'), r(3, 5, 12, 'b')], diffs, scanned)), 'replacements overlap on postfix/main.cf:3');
    assert.equal(why(suggestedChanges([r(3, 0, 2, 'x')], diffs, scanned)), 'a replacement has an invalid span');
    // The workspace holds the test-merge commit: when its line differs from the head's, the columns do not apply.
    const merged = (file: string, line: number): string | null => (line === 3 ? 'smtpd_client_restrictions = permit' : scanned(file, line));
    assert.equal(why(suggestedChanges([r(3, 48, 54, 'reject')], diffs, merged)), 'postfix/main.cf:3 in the diff differs from the scanned file');
    const crlf = new Map([[MAIN, parsePatch('@@ -1 +1 @@\n-a\n+smtpd_client_restrictions = permit\r')]]);
    assert.equal(why(suggestedChanges([r(1, 29, 35, 'reject')], crlf, () => 'smtpd_client_restrictions = permit\r')), 'postfix/main.cf:1 ends in CR');
    const twoHunks = new Map([[MAIN, parsePatch('@@ -1 +1 @@\n-x\n+a\n@@ -5 +2 @@\n-y\n+b')]]);
    assert.equal(why(suggestedChanges([r(1, 1, 2, 'c', 2)], twoHunks, (_f, n) => (n === 1 ? 'a' : 'b'))), 'postfix/main.cf:1-2 spans two hunks of the diff');
  });

  it('replacements in separate places give separate suggestions', () => {
    const changes = suggestedChanges([r(1, 14, 16, 'mail'), r(3, 48, 54, 'reject')], diffs, scanned);
    assert.ok(Array.isArray(changes));
    assert.deepEqual(changes.map((c) => `${c.startLine}-${c.endLine}: ${c.lines.join('|')}`), [
      '1-1: myhostname = mail',
      '3-3: smtpd_client_restrictions = permit_mynetworks, reject',
    ]);
  });
});

describe('suggestionBlock', () => {
  it('fences the lines, longer than any backtick run inside', () => {
    assert.equal(suggestionBlock(['a = b']), '```suggestion\na = b\n```');
    assert.equal(suggestionBlock(['x = ```y````']), '`````suggestion\nx = ```y````\n`````');
  });
});
