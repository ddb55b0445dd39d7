/**
 * postconf(5) macro expansion, as Postfix's mac_parse() + mac_expand() do it
 * (measured against postconf 3.7):
 *
 * - `$$` is a literal `$`; `$name` takes [A-Za-z0-9_]+; `${...}` and `$(...)`
 *   take everything up to the balancing bracket of the same kind.
 * - Inside the brackets: `name`, `name?value`, `name:value`,
 *   `name?{value}:{other}`, and `{a} OP {b}?...` with OP one of
 *   `==`, `!=`, `<`, `<=`, `>=`, `>` (numeric when both sides are integers).
 *   Whitespace around the name and the operators is allowed.
 * - `?` selects its operand when the name is defined AND non-empty; `:`
 *   selects when undefined or empty. An undefined name expands to nothing
 *   (postconf only warns "undefined parameter").
 * - Looked-up values are expanded again (MAC_EXP_FLAG_RECURSE); more than 100
 *   nested calls is "unreasonable macro call nesting".
 * - Syntax errors (lone `$`, `${}`, truncated `${name`, a bad name, garbage
 *   after an operand) make Postfix stop with "macro processing error": they
 *   are the diagnostics here.
 */

export interface ExpandDiagnostic {
  message: string;
  /** Offset in `raw` (for an error inside a looked-up value: the offset of the `$` that looked it up). */
  offset: number;
}

export interface ExpandResult {
  value: string;
  /** Errors that make Postfix refuse the value (fatal for every Postfix program that expands it). */
  diagnostics: ExpandDiagnostic[];
  /** Parameter names referenced, in order of first use, nested references included. */
  references: string[];
  /** Referenced names the lookup did not know (they expanded to nothing). */
  undefinedNames: string[];
}

/** Postfix's limit on nested macro calls (mac_expand.c). */
export const MAX_MACRO_NESTING = 100;

const WHITESPACE = ' \t\r\n';

class MacroError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function isNameChar(c: string): boolean {
  return /^[A-Za-z0-9_]$/.test(c);
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && WHITESPACE.includes(s.charAt(i))) i++;
  return i;
}

/** Where a piece of text being parsed sits in `raw`: `base + i`, or a fixed point for looked-up text. */
interface Origin {
  base: number;
  fixed: boolean;
}

function at(origin: Origin, i: number): number {
  return origin.fixed ? origin.base : origin.base + i;
}

function sub(origin: Origin, i: number): Origin {
  return origin.fixed ? origin : { base: origin.base + i, fixed: false };
}

interface Context {
  lookup: (name: string) => string | undefined;
  maxDepth: number;
  level: number;
  /** true: parse both branches of conditionals and never recurse (MAC_EXP_FLAG_SCAN). */
  scan: boolean;
  out: string[];
  references: string[];
  undefinedNames: string[];
}

function note(list: string[], name: string): void {
  if (!list.includes(name)) list.push(name);
}

/** mac_parse(): literal text, `$$`, and the macro references in `s`. */
function parse(s: string, origin: Origin, ctx: Context): void {
  let i = 0;
  const n = s.length;
  let literal = '';
  while (i < n) {
    const c = s.charAt(i);
    if (c !== '$') {
      literal += c;
      i++;
      continue;
    }
    if (s.charAt(i + 1) === '$') {
      literal += '$';
      i += 2;
      continue;
    }
    if (literal !== '') {
      if (!ctx.scan) ctx.out.push(literal);
      literal = '';
    }
    const dollar = i;
    i++;
    let name: string;
    let nameStart: number;
    const open = s.charAt(i);
    if (open === '{' || open === '(') {
      const close = open === '{' ? '}' : ')';
      let level = 1;
      let j = i + 1;
      for (; level > 0; j++) {
        if (j >= n) throw new MacroError(`truncated macro reference: "${s}"`, at(origin, dollar));
        const d = s.charAt(j);
        if (d === open) level++;
        if (d === close) level--;
      }
      nameStart = i + 1;
      name = s.slice(i + 1, j - 1);
      i = j;
    } else {
      let j = i;
      while (j < n && isNameChar(s.charAt(j))) j++;
      nameStart = i;
      name = s.slice(i, j);
      i = j;
    }
    if (name === '') throw new MacroError(`empty macro name: "${s}"`, at(origin, dollar));
    expandExpression(name, sub(origin, nameStart), at(origin, dollar), ctx);
  }
  if (literal !== '' && !ctx.scan) ctx.out.push(literal);
}

/** mac_exp_extract_curly_payload(): `{...}` at `i` (balanced), then skip whitespace. */
function curlyPayload(s: string, i: number, origin: Origin): { payload: string; start: number; next: number } {
  let level = 1;
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charAt(j);
    if (c === '{') level++;
    else if (c === '}' && --level <= 0) {
      return { payload: s.slice(i + 1, j), start: i + 1, next: skipSpace(s, j + 1) };
    }
  }
  throw new MacroError(`unbalanced {} in attribute expression: "${s.slice(i)}"`, at(origin, i));
}

const OPERATOR_CHARS = '<>!=?+-*/~&|%';

const OPERATORS = ['==', '!=', '<', '<=', '>=', '>', '<level', '<=level', '>=level', '>level'];

/** A compatibility level (`0`, `3.6`, `3.6.1`) as numbers, or null. */
function levelParts(text: string): number[] | null {
  if (!/^[0-9]+(\.[0-9]+){0,2}$/.test(text)) return null;
  return text.split('.').map(Number);
}

function compareLevels(left: string, right: string): number {
  const a = levelParts(left) ?? [0];
  const b = levelParts(right) ?? [0];
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function compare(op: string, left: string, right: string): boolean {
  let order: number;
  if (op.endsWith('level')) {
    order = compareLevels(left, right);
    op = op.slice(0, -5);
  } else if (/^[0-9]+$/.test(left) && /^[0-9]+$/.test(right)) {
    const a = BigInt(left);
    const b = BigInt(right);
    order = a < b ? -1 : a > b ? 1 : 0;
  } else {
    order = left < right ? -1 : left > right ? 1 : 0;
  }
  switch (op) {
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
    default:
      return order > 0;
  }
}

/** A nested, independent expansion (the operands of a relational expression). */
function expandNested(text: string, origin: Origin, ctx: Context): string {
  const saved = ctx.out;
  ctx.out = [];
  parse(text, origin, ctx);
  const result = ctx.out.join('');
  ctx.out = saved;
  return result;
}

/** mac_expand_callback() for the text inside `${...}` / `$(...)`, or a plain `$name`. */
function expandExpression(expr: string, origin: Origin, refOffset: number, ctx: Context): void {
  if (ctx.level++ > ctx.maxDepth) {
    throw new MacroError(`unreasonable macro call nesting: "${expr}"`, refOffset);
  }
  let cp = skipSpace(expr, 0);
  let lookup: string | undefined;
  let op: string;
  if (expr.charAt(cp) === '{') {
    // Relational expression: {left} OP {right} [? ...] [: ...]
    const left = curlyPayload(expr, cp, origin);
    cp = left.next;
    let opEnd = cp;
    while (opEnd < expr.length && OPERATOR_CHARS.includes(expr.charAt(opEnd))) opEnd++;
    // Postfix 3.6+ compares compatibility levels with <level, <=level, >=level, >level.
    if (['<', '<=', '>=', '>'].includes(expr.slice(cp, opEnd)) && expr.startsWith('level', opEnd)) opEnd += 5;
    const operator = expr.slice(cp, opEnd);
    if (!OPERATORS.includes(operator)) {
      throw new MacroError(
        `"==" or "!="" or "<"" or "<="" or ">="" or ">" expected at: "...${left.payload}}>>>${expr.slice(cp, cp + 20)}"`,
        at(origin, cp),
      );
    }
    cp = skipSpace(expr, opEnd);
    if (expr.charAt(cp) !== '{') {
      throw new MacroError(
        `"{expression}" expected at: "...{${left.payload}} ${operator}>>>${expr.slice(cp, cp + 20)}"`,
        at(origin, cp),
      );
    }
    const right = curlyPayload(expr, cp, origin);
    cp = right.next;
    const leftValue = expandNested(left.payload, sub(origin, left.start), ctx);
    const rightValue = expandNested(right.payload, sub(origin, right.start), ctx);
    lookup = compare(operator, leftValue, rightValue) ? 'true' : '';
    op = expr.charAt(cp);
    if (op !== '') {
      if (op !== '?' && op !== ':') {
        throw new MacroError(`"?" or ":" expected at: "...}>>>${expr.slice(cp, cp + 20)}"`, at(origin, cp));
      }
      cp++;
    }
  } else {
    const start = cp;
    let nameEnd: number;
    for (;;) {
      const afterSpace = skipSpace(expr, cp);
      const c = expr.charAt(afterSpace);
      if (c === '') {
        nameEnd = cp;
        op = '';
        cp = afterSpace;
        break;
      }
      if (c === '?' || c === ':') {
        nameEnd = cp;
        op = c;
        cp = afterSpace + 1;
        break;
      }
      if (!isNameChar(expr.charAt(cp))) {
        throw new MacroError(
          `attribute name syntax error at: "...${expr.slice(0, cp)}>>>${expr.slice(cp, cp + 20)}"`,
          at(origin, cp),
        );
      }
      cp++;
    }
    const name = expr.slice(start, nameEnd);
    note(ctx.references, name);
    lookup = ctx.lookup(name);
    if (lookup === undefined) note(ctx.undefinedNames, name);
  }
  const selected = lookup !== undefined && lookup !== '';
  switch (op) {
    case '?': {
      const branch = branchText(expr, cp, origin);
      const iftrue = branch.payload;
      cp = branch.next;
      if (selected || ctx.scan) parse(iftrue, sub(origin, branch.start), ctx);
      if (cp >= expr.length) break;
      if (expr.charAt(cp) !== ':') {
        throw new MacroError(`":" expected at: "...${iftrue}}>>>${expr.slice(cp, cp + 20)}"`, at(origin, cp));
      }
      cp++;
      expandOtherwise(expr, cp, origin, selected, ctx);
      break;
    }
    case ':':
      expandOtherwise(expr, cp, origin, selected, ctx);
      break;
    default:
      if (lookup !== undefined && lookup !== '' && !ctx.scan) {
        parse(lookup, { base: refOffset, fixed: true }, ctx);
      }
  }
  ctx.level--;
}

/**
 * One branch of a conditional: a `{...}` group (braces removed), or, without
 * braces, the rest of the expression as literal text (postconf(5)).
 */
function branchText(expr: string, from: number, origin: Origin): { payload: string; start: number; next: number } {
  const brace = skipSpace(expr, from);
  if (expr.charAt(brace) === '{') {
    const p = curlyPayload(expr, brace, origin);
    return { payload: p.payload, start: p.start, next: p.next };
  }
  return { payload: expr.slice(from), start: from, next: expr.length };
}

function expandOtherwise(expr: string, from: number, origin: Origin, selected: boolean, ctx: Context): void {
  const branch = branchText(expr, from, origin);
  const iffalse = branch.payload;
  const cp = branch.next;
  if (!selected || ctx.scan) parse(iffalse, sub(origin, branch.start), ctx);
  if (cp < expr.length) {
    throw new MacroError(`unexpected input at: "...${iffalse}}>>>${expr.slice(cp, cp + 20)}"`, at(origin, cp));
  }
}

function run(raw: string, lookup: (name: string) => string | undefined, depth: number, scan: boolean): ExpandResult {
  const ctx: Context = { lookup, maxDepth: depth, level: 0, scan, out: [], references: [], undefinedNames: [] };
  const diagnostics: ExpandDiagnostic[] = [];
  try {
    parse(raw, { base: 0, fixed: false }, ctx);
  } catch (error) {
    if (!(error instanceof MacroError)) throw error;
    diagnostics.push({ message: error.message, offset: error.offset });
  }
  return { value: ctx.out.join(''), diagnostics, references: ctx.references, undefinedNames: ctx.undefinedNames };
}

/**
 * Expands `raw` as Postfix does when a program reads the parameter.
 * `lookup` returns a parameter's raw (unexpanded) value, or undefined when it
 * has none; looked-up values are expanded recursively, at most `depth`
 * nested calls deep.
 */
export function expandValue(
  raw: string,
  lookup: (name: string) => string | undefined,
  depth: number = MAX_MACRO_NESTING,
): ExpandResult {
  return run(raw, lookup, depth, false);
}

/**
 * Checks the macro syntax of `raw` without expanding it, both branches of
 * every conditional included (postconf's MAC_EXP_FLAG_SCAN): the direct
 * references and the syntax errors. `value` is always empty.
 */
export function scanValue(raw: string, lookup: (name: string) => string | undefined = () => undefined): ExpandResult {
  return run(raw, lookup, MAX_MACRO_NESTING, true);
}
