// eval is a pure builtin relaygate computes: each expression against GNU m4's own answer.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { m4Eval } from '../../src/mta/sendmail/m4-eval.js';
import { requireProgram } from '../helpers/oracle.js';

const EXPRESSIONS: string[][] = [
  ['2**3**2'], ['-2**2'], ['2*3**2'], ['1+2*3'], ['1|2^3&4'], ['1<2==1'], ['1&&0||1'], ['0||1&&0'], ['!!2'], ['~~5'], ['- 3'],
  ['7 / 2 * 2'], ['2 ** 31'], ['3 ** 21'], ['0 && 1/0'], ['1 || 1/0'], ['0x1F + 0B11 + 0X2 + 0b1'], ['010 + 0r2:101 + 0R16:ff'],
  ['-7/2'], ['-7%3'], ['1<<33'], ['-1 >> 1'], ['2147483647+1'], ['4294967296'], ['99999999999'], ['-2147483648 / -1'],
  ['-2147483648 % -1'], ['3 > 2 > 1'], ['255', '16', '4'], ['-255', '16', '4'], ['10', '2', '8'], ['10', ''], ['0r36:zz'],
  ['1/0'], ['1%0'], ['2 ** -1'], ['0 ** 0'], ['1 +'], ['(1'], ['1)'], ['abc'], ['1 2'], ['08'], ['1 ? 2'], ['(1,2)'], ['1 + a'],
  ['--1'], ['0xg'], ['5', '37'], ['5', '10', '-1'], ['1', 'x'], ['526848 >= 526848'],
];

test('eval agrees with GNU m4 on values and on errors', (t) => {
  if (!requireProgram(t, 'm4')) return;
  const input = EXPRESSIONS.map((args) => `eval(${args.map((a) => `\`${a}'`).join(', ')})\n`).join('');
  const run = spawnSync('m4', [], { input, encoding: 'utf8' });
  const outputs = run.stdout.split('\n');
  const errors = new Map<number, string>();
  for (const line of run.stderr.split('\n')) {
    const m = /^m4:stdin:(\d+): (.*)$/.exec(line);
    if (m && !m[2]?.startsWith('Warning') && !m[2]?.startsWith('empty string')) errors.set(Number(m[1]), m[2] ?? '');
  }
  const wrong: string[] = [];
  EXPRESSIONS.forEach((args, i) => {
    const ours = m4Eval(args[0] ?? '', args[1], args[2]);
    const theirs = errors.has(i + 1) ? { error: errors.get(i + 1) } : { value: outputs[i] };
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) wrong.push(`${JSON.stringify(args)}: ours ${JSON.stringify(ours)}, m4 ${JSON.stringify(theirs)}`);
  });
  assert.deepEqual(wrong, []);
});
