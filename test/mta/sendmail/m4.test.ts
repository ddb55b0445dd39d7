import assert from 'node:assert/strict';
import { test } from 'node:test';
import { M4 } from '../../../src/mta/sendmail/m4.js';

/** Run text through our m4 and return its output (diversion 0 and up). */
function m4(text: string): { out: string; m: M4; ok: boolean } {
  const m = new M4({ path: 't.m4', text });
  const out: string[] = [];
  m.capture = out;
  const ok = m.run();
  return { out: out.join(''), m, ok };
}

// Expected outputs below were produced by GNU m4 1.4.19 on the same input.
test('m4: builtins that need arguments are plain words without them', () => {
  assert.equal(m4('define ifdef ifelse undefine include divnum\n').out, 'define ifdef ifelse undefine include 0\n');
});

test('m4: $10 is the tenth argument, $#, $*, $@', () => {
  assert.equal(m4("define(`X',`$10|$#|$*|$@')X(a,b,c,d,e,f,g,h,i,j)").out, 'j|10|a,b,c,d,e,f,g,h,i,j|a,b,c,d,e,f,g,h,i,j');
});

test('m4: ifelse with several branches, GNU argument counts', () => {
  assert.equal(m4('ifelse(a,b) ifelse(a) ifelse(a,a) ifelse(a,a,y) ifelse(a,b,y,n) ifelse(a,b,y,c,c,z) ifelse(a,b,y,c,d,z,w)').out, '   y n z w');
});

test('m4: a word continues from an expansion into the following input', () => {
  assert.equal(m4("define(`b',`FEAT')define(`FEATURE',`hit')b()URE").out, 'hit');
});

test('m4: # comments are copied, not expanded, until changecom() turns them off', () => {
  assert.equal(m4("define(`Q',`1')# Q\nchangecom()# Q\n").out, '# Q\n# 1\n');
});

test('m4: changequote with one argument keeps the apostrophe as end quote', () => {
  assert.equal(m4("changequote([)[x'\nchangequote\n`q'").out, 'x\n\nq');
});

test('m4: leading unquoted whitespace of an argument is skipped, trailing kept', () => {
  assert.equal(m4("define(`X',`[$1][$2]')X(  a ,\n\t b )").out, '[a ][b ]');
});

test('m4: commas inside parentheses and quotes do not split arguments', () => {
  assert.equal(m4("define(`X',`[$1]')X((a,b))X(`c,d')").out, '[(a,b)][c,d]');
});

test('m4: dnl removes through the end of the line', () => {
  assert.equal(m4('a dnl b\nc').out, 'a c');
});

test('m4: divert(-1) discards output but definitions still happen', () => {
  const r = m4("divert(-1)\ndefine(`X',`y')\ndivert(0)dnl\nX");
  assert.equal(r.out, 'y');
});

test('m4: unbalanced quote is fatal at the quote, as m4 "end of file in string"', () => {
  const r = m4('a\nb `foo\nbar\n');
  assert.equal(r.ok, false);
  assert.deepEqual(r.m.diagnostics, [{ file: 't.m4', line: 2, column: 3, message: 'ERROR: end of file in string', fatal: true }]);
});

test('m4: unterminated macro call is fatal at the call, as m4 "end of file in argument list"', () => {
  const r = m4("define(`FOO',`[$1]')a\nFOO(x,\n  (y\n");
  assert.equal(r.ok, false);
  assert.deepEqual(r.m.diagnostics, [{ file: 't.m4', line: 2, column: 1, message: 'ERROR: end of file in argument list', fatal: true }]);
});

test('m4: endless recursion stops at the expansion limit', () => {
  const r = m4("define(`x',`x x')x");
  assert.equal(r.ok, false);
  assert.equal(r.m.diagnostics.length, 1);
  assert.match(r.m.diagnostics[0]?.message ?? '', /^m4 expansion limit: /);
});

test('m4: deep nesting stops at the expansion limit instead of overflowing', () => {
  const r = m4("define(`x',`x(x')x");
  assert.equal(r.ok, false);
  assert.equal(r.m.diagnostics[0]?.message, 'm4 expansion limit: macro calls nested deeper than 400');
});

test('m4: runaway text growth stops at the size limit', () => {
  const m = new M4({ path: 't.m4', text: "define(`x',`xxxxxxxxxxxxxxxxxxxxxxxx')define(`y',`x x x x x x x x y')y" }, {}, { maxSteps: 1e9, maxText: 100_000, maxDepth: 400 });
  assert.equal(m.run(), false);
  assert.match(m.diagnostics[0]?.message ?? '', /^m4 expansion limit: more than 100000 characters/);
});

test('m4: include and syscmd are never executed', () => {
  const r = m4("include(`/etc/passwd')syscmd(`touch /tmp/x')");
  assert.equal(r.out, '');
  assert.deepEqual(r.m.diagnostics.map((d) => [d.line, d.fatal]), [[1, false], [1, false]]);
});

test('m4: defn of a builtin is the builtin: define(`D\', defn(`define\')) defines', () => {
  assert.equal(m4("define(`D', defn(`define'))D(`x', 1)x|defn(`define')|").out, '1||');
});

test('m4: indir calls any macro by name, builtin calls the builtin whatever the name means now', () => {
  assert.equal(m4("define(`M', `[$1]')indir(`M', `a')|indir(`define', `y', 2)y|define(`define', `no')builtin(`define', `z', 3)z").out, '[a]|2|3');
  const r = m4("indir(`nope')builtin(`nope')");
  assert.deepEqual(r.m.diagnostics.map((d) => [d.message, d.fatal]), [["undefined macro `nope'", false], ["undefined builtin `nope'", false]]);
});

test('m4: m4wrap text is read when the input ends, the last saved first', () => {
  assert.equal(m4("m4wrap(`a')m4wrap(`b')dnl\nx\n").out, 'x\nba');
});

test('m4: m4exit stops at once; a non-zero status fails the build', () => {
  const r = m4("a m4exit(2)b m4wrap(`c')");
  assert.equal(r.out, 'a ');
  assert.deepEqual(r.m.diagnostics.map((d) => [d.line, d.message, d.fatal]), [[1, 'm4exit(2): m4 stops with exit status 2', true]]);
});

test('m4: eval is computed, 32-bit, with m4\'s radix and width; an error is m4\'s message and no output', () => {
  assert.equal(m4("eval(`2**10')|eval(`-7/2')|eval(`1<<33')|eval(`2147483647+1')|eval(`255', `16', `4')|eval(`5 > 3 && 0x10 == 16')").out, '1024|-3|2|-2147483648|00ff|1');
  const r = m4("eval(`1/0')eval(`1 +')");
  assert.equal(r.out, '');
  assert.deepEqual(r.m.diagnostics.map((d) => d.message), ['divide by zero in eval: 1/0', 'bad expression in eval: 1 +']);
});

test('m4: translit maps characters, ranges included', () => {
  assert.equal(m4("translit(`Hello', `a-zA-Z', `A-Za-z')|translit(`abc', `b')").out, 'hELLO|ac');
});

test('m4: a $1 repeated over a huge argument stops at the text limit while it is built', () => {
  const body = '$1'.repeat(300);
  const arg = 'x'.repeat(2_000_000);
  const m = new M4({ path: 't.m4', text: `define(\`X', \`${body}')X(\`${arg}')` });
  assert.equal(m.run(), false);
  assert.match(m.diagnostics[0]?.message ?? '', /^m4 expansion limit: more than 8000000 characters/);
});
