import { createHash } from 'node:crypto';

/**
 * A fingerprint that survives unrelated edits: the rule, the file and the
 * offending line's text (whitespace-normalised), plus an ordinal for
 * identical lines. Line numbers are left out so inserting lines above a
 * finding does not make it "new" against a baseline.
 */
export function fingerprint(ruleId: string, file: string, lineText: string, ordinal: number): string {
  const normalised = lineText.trim().replace(/\s+/g, ' ');
  return createHash('sha256').update(`${ruleId}\0${file}\0${normalised}\0${ordinal}`).digest('hex').slice(0, 32);
}
