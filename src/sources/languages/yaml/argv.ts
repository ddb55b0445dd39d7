import { concat, expression, hostRange, slice, type MappedText } from './mapped-text.js';

/** Characters a POSIX shell word can hold unquoted. */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * An argv list (`runcmd: [[postconf, -e, "a=b"]]`, `command: {argv: [...]}`)
 * as one shell command line for the shell extractor: words joined by spaces,
 * a word with special characters single-quoted (its quotes map to the word's
 * own position, its characters keep theirs).
 */
export function argvText(words: MappedText[]): MappedText {
  const parts: MappedText[] = [];
  words.forEach((word, index) => {
    const here = hostRange(word, 0);
    if (index > 0) parts.push(expression(' ', here.start, here.start));
    if (SAFE_WORD.test(word.text)) {
      parts.push(word);
      return;
    }
    const end = hostRange(word, word.text.length);
    parts.push(expression("'", here.start, here.start));
    const chunks = word.text.split("'");
    let at = 0;
    chunks.forEach((chunk, k) => {
      if (k > 0) {
        const quote = hostRange(word, at - 1);
        parts.push(expression("'\\''", quote.start, quote.end));
      }
      parts.push(slice(word, at, at + chunk.length));
      at += chunk.length + 1;
    });
    parts.push(expression("'", end.end, end.end));
  });
  return concat(parts);
}
