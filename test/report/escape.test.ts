import assert from 'node:assert/strict';
import { EOL } from 'node:os';
import { describe, it } from 'node:test';
import { commandData, commandProperty, lineStartPath, markdownCell, pathToUri, visible } from '../../src/report/escape.js';

/** What @actions/core itself prints for `fn`, captured from stdout. */
function printed(fn: () => void): string {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back on process.stdout below, never called detached
  const write = process.stdout.write;
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array): boolean => {
    out += String(chunk);
    return true;
  });
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

// @actions/core is the oracle here, not a dependency of the code under test
// (src/report must not import it): loaded dynamically so the lint rule that
// keeps @actions/* out of the engine is not tripped by a test.
const core = await import('@actions/core');

const TRAPS = ['plain', '100%', '%0A already', 'a\r\nb', 'x:y,z', '::stop-commands::tok', '%25:%2C', 'é ünï €', ''];

describe('escaping', () => {
  it('escapes command data exactly as @actions/core', () => {
    for (const text of TRAPS) {
      assert.equal(`::error::${commandData(text)}${EOL}`, printed(() => core.error(text)), JSON.stringify(text));
    }
  });

  it('escapes command properties exactly as @actions/core', () => {
    for (const text of TRAPS.filter((t) => t.length > 0)) {
      assert.equal(`::error file=${commandProperty(text)}::m${EOL}`, printed(() => core.error('m', { file: text })), JSON.stringify(text));
    }
  });

  it('makes control, separator and bidi characters visible', () => {
    assert.equal(visible('a\nb\rc\td\u0000e\u001bf\u007fg\u0085h\u2028i\u2029j\u202ek\u2066l'), 'a\\nb\\rc\\td\\x00e\\x1bf\\x7fg\\x85h\\u2028i\\u2029j\\u202ek\\u2066l');
    assert.equal(visible('ordinary text, ümlaut € 😀'), 'ordinary text, ümlaut € 😀');
  });

  it('prefixes ./ to a path that does not start with a name character', () => {
    assert.equal(lineStartPath('roles/main.cf'), 'roles/main.cf');
    assert.equal(lineStartPath('.hidden/main.cf'), '.hidden/main.cf');
    assert.equal(lineStartPath('::error::x'), './::error::x');
    assert.equal(lineStartPath('\u00a0::x'), './\u00a0::x');
    assert.equal(lineStartPath('\n::x'), './\\n::x');
  });

  it('escapes Markdown table cells: pipes, HTML, backticks, newlines', () => {
    assert.equal(markdownCell('a|b <script>`x`</script> & *y* [l](u)\nnext'), 'a\\|b &lt;script&gt;\\`x\\`&lt;/script&gt; &amp; \\*y\\* \\[l\\](u)\\\\nnext');
    assert.equal(markdownCell('x'.repeat(1005)), `${'x'.repeat(1000)}…`);
  });

  it('turns relative POSIX paths into URI references', () => {
    assert.equal(pathToUri('roles/mail/main.cf'), 'roles/mail/main.cf');
    assert.equal(pathToUri('./a b/c#d?e%f(1).cf'), 'a%20b/c%23d%3Fe%25f%281%29.cf');
    assert.equal(pathToUri('c:/x'), 'c%3A/x');
  });
});
