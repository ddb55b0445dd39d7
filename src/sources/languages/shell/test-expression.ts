/**
 * test(1) / `[` and bash `[[ ]]` on known strings (XCU test: the number of
 * arguments decides the grammar up to four; longer expressions with `!`,
 * `-a`, `-o`, `(`, `)`, and `&&`, `||` inside `[[ ]]`). File tests and
 * anything on an unknown value are unknown: the branch may or may not run.
 */
import { UNKNOWN_MARK } from '../../../model/source.js';
import { globMatch } from './pattern.js';

export type Truth = true | false | 'unknown';

function not(t: Truth): Truth {
  return t === 'unknown' ? t : !t;
}

function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : 'unknown';
}

function or(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  return a === false && b === false ? false : 'unknown';
}

const UNARY = new Set(['-z', '-n', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-L', '-p', '-r', '-s', '-S', '-t', '-u', '-w', '-x', '-O', '-G', '-N', '-v', '-o']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '=~', '-nt', '-ot', '-ef']);

const unknown = (s: string): boolean => s.includes(UNKNOWN_MARK);

function unary(op: string, arg: string, isSet: (name: string) => Truth): Truth {
  if (op === '-v') return isSet(arg);
  if (unknown(arg)) {
    // A known non-empty part makes the string non-empty whatever the rest is.
    if ((op === '-z' || op === '-n') && arg.split(UNKNOWN_MARK).join('') !== '') return op === '-n';
    return 'unknown';
  }
  if (op === '-z') return arg === '';
  if (op === '-n') return arg !== '';
  return 'unknown'; // files and terminals of the target machine
}

function binary(left: string, op: string, right: string, extended: boolean): Truth {
  if (unknown(left) || unknown(right)) return 'unknown';
  switch (op) {
    case '=':
    case '==':
    case '!=': {
      const equal = extended ? globMatch(right, left) : left === right;
      if (equal === null) return 'unknown';
      return op === '!=' ? !equal : equal;
    }
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '-eq':
    case '-ne':
    case '-lt':
    case '-le':
    case '-gt':
    case '-ge': {
      if (!/^\s*-?[0-9]+\s*$/.test(left) || !/^\s*-?[0-9]+\s*$/.test(right)) return 'unknown';
      const a = Number(left);
      const b = Number(right);
      return op === '-eq' ? a === b : op === '-ne' ? a !== b : op === '-lt' ? a < b : op === '-le' ? a <= b : op === '-gt' ? a > b : a >= b;
    }
    default:
      return 'unknown';
  }
}

/**
 * The truth of a test's arguments (without the command name and the
 * closing `]`/`]]`). `extended`: `[[ ]]`, where `==` matches a pattern and
 * `&&`/`||` combine.
 */
export function evaluateTest(args: readonly string[], extended: boolean, isSet: (name: string) => Truth): Truth {
  const andOp = extended ? '&&' : '-a';
  const orOp = extended ? '||' : '-o';
  let i = 0;
  const at = (k = 0): string | undefined => args[i + k];
  const primary = (): Truth => {
    const a = at();
    if (a === undefined) return false;
    if (a === '!') {
      i++;
      return not(primary());
    }
    if (a === '(') {
      i++;
      const v = expression();
      if (at() === ')') i++;
      return v;
    }
    const b = at(1);
    if (b !== undefined && BINARY.has(b) && at(2) !== undefined) {
      const c = at(2) as string;
      i += 3;
      return binary(a, b, c, extended);
    }
    if (UNARY.has(a) && b !== undefined && b !== andOp && b !== orOp && b !== ')') {
      i += 2;
      return unary(a, b, isSet);
    }
    i++;
    if (unknown(a)) return a.split(UNKNOWN_MARK).join('') !== '' ? true : 'unknown';
    return a !== '';
  };
  const conjunction = (): Truth => {
    let v = primary();
    while (at() === andOp) {
      i++;
      v = and(v, primary());
    }
    return v;
  };
  const expression = (): Truth => {
    let v = conjunction();
    while (at() === orOp) {
      i++;
      v = or(v, conjunction());
    }
    return v;
  };
  // XCU test: with up to four arguments the count decides, so `[ -n ]` is a one-argument test.
  if (!extended) {
    if (args.length === 0) return false;
    if (args.length === 1) return unknown(args[0] as string) ? primaryOfOne(args[0] as string) : args[0] !== '';
    if (args.length === 2) {
      if (args[0] === '!') return not(primaryOfOne(args[1] as string));
      if (UNARY.has(args[0] as string)) return unary(args[0] as string, args[1] as string, isSet);
      return 'unknown';
    }
    if (args.length === 3 && BINARY.has(args[1] as string)) return binary(args[0] as string, args[1] as string, args[2] as string, false);
  }
  const v = expression();
  return i === args.length ? v : 'unknown';
}

function primaryOfOne(a: string): Truth {
  if (!unknown(a)) return a !== '';
  return a.split(UNKNOWN_MARK).join('') !== '' ? true : 'unknown';
}
