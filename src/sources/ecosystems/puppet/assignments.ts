import { LineIndex } from '../../../model/source.js';
import { EvaluationBudget } from '../../contracts/budget.js';
import { containsUnknown, UNKNOWN } from '../../contracts/values.js';
import type { VariableBinding, VariableScope } from '../../contracts/variables.js';
import { PuppetEvaluator } from '../../languages/puppet-epp/puppet-evaluate.js';
import { parsePuppet, type PuppetExpression } from '../../languages/puppet-epp/puppet-expression.js';
import { closingBrace, skip } from './manifests.js';

/** One `$name = value` in a class or defined type body. */
interface Assignment {
  name: string;
  offset: number;
  line: number;
  /** null: inside an `if`/`unless`/`case` branch, which may or may not run. */
  value: PuppetExpression | null;
}

/** A class or defined type body and the assignments in it, in source order. */
export interface PuppetBody {
  name: string;
  file: string;
  kind: 'class' | 'define';
  open: number;
  close: number;
  assignments: Assignment[];
}

const HEAD = /(class|define)\s+((?:::)?[a-z][a-z0-9_]*(?:::[a-z][a-z0-9_]*)*)\s*/y;
const INHERITS = /inherits\s+(?:::)?[a-z][a-z0-9_]*(?:::[a-z][a-z0-9_]*)*\s*/y;
const ASSIGN = /\$((?:::)?[a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)*)\s*=(?![=>~])/y;
/** Braces that open a branch: `if c {`, `elsif c {`, `else {`, `unless c {`, `case $x {`, a case option `'a': {`. */
const BRANCH_HEAD = /(?:\b(?:if|unless|elsif|else|case)\b[^{};]*|:\s*)$/;
/** A lambda (`|$x| {`): Puppet gives it its own local scope, so what it assigns never reaches the class. */
const LAMBDA_HEAD = /\|[^|]*\|\s*$/;
/** A line ending so, or a next line starting so, continues the expression (Puppet expressions span lines freely). */
const CONTINUES_AFTER = /(?:[-+*/%=,?!<>.([{]|\band|\bor|\bin)$/;
const CONTINUES_BEFORE = /^(?:[-+*/%?.<>]|==|!=|=~|!~|and\b|or\b|in\b)/;
const MAX_ASSIGNMENTS = 2000;

/** The code of the value after `=` at `from`: up to the end of its statement (a newline that ends it, `;`, or the body's `}`). */
function valueCode(text: string, from: number, end: number): number {
  let depth = 0;
  // Just past the last character of code read (comments are not code).
  let last = from;
  for (let i = from; i < end; i++) {
    const after = skip(text, i);
    if (after !== i) {
      // A comment runs to its newline, which is looked at next.
      if (text[i] === '"' || text[i] === "'") last = after;
      i = after - 1;
      continue;
    }
    const c = text[i] as string;
    if (!/\s/.test(c)) last = i + 1;
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && c === ';') return i;
    else if (depth === 0 && c === '\n') {
      const before = text.slice(from, last).trim();
      if (before === '' || CONTINUES_AFTER.test(before)) continue;
      let next = i;
      while (next < end && (/\s/.test(text[next] as string) || text[next] === '#')) next = text[next] === '#' ? skip(text, next) : next + 1;
      const rest = text.slice(next, Math.min(end, next + 200));
      if (!CONTINUES_BEFORE.test(rest)) return i;
    }
  }
  return end;
}

/**
 * The class and defined type bodies of a manifest with their assignments:
 * top-level ones in order, and those inside a branch (`if`, `case`) marked
 * unknown. Strings and comments are skipped: a `class` word in a comment
 * opens nothing.
 */
export function readBodies(file: string, text: string): PuppetBody[] {
  const index = new LineIndex(text);
  const bodies: PuppetBody[] = [];
  for (let i = 0; i < text.length; i++) {
    const after = skip(text, i);
    if (after !== i) {
      i = after - 1;
      continue;
    }
    if (/[a-z0-9_:$]/i.test(text[i - 1] ?? '')) continue;
    HEAD.lastIndex = i;
    const head = HEAD.exec(text);
    if (head === null) continue;
    let at = HEAD.lastIndex;
    if (text[at] === '(') {
      const close = closingBrace(text, at);
      if (close < 0) continue;
      at = close + 1;
      while (/\s/.test(text[at] ?? '')) at++;
    }
    INHERITS.lastIndex = at;
    if (INHERITS.exec(text) !== null) at = INHERITS.lastIndex;
    if (text[at] !== '{') continue;
    const close = closingBrace(text, at);
    if (close < 0) continue;
    const kind = head[1] as 'class' | 'define';
    bodies.push({ name: (head[2] as string).replace(/^::/, ''), file, kind, open: at, close, assignments: assignmentsOf(text, at, close, index) });
    i = close;
  }
  return bodies;
}

function assignmentsOf(text: string, open: number, close: number, index: LineIndex): Assignment[] {
  const out: Assignment[] = [];
  // One entry per open brace inside the body: whether what it holds is a branch, a lambda's own scope, or neither (a resource, a hash).
  const stack: ('branch' | 'lambda' | 'other')[] = [];
  let statement = open + 1;
  for (let i = open + 1; i < close && out.length < MAX_ASSIGNMENTS; i++) {
    const after = skip(text, i);
    if (after !== i) {
      i = after - 1;
      continue;
    }
    const c = text[i];
    if (c === '{') {
      const head = text.slice(Math.max(statement, i - 300), i);
      stack.push(LAMBDA_HEAD.test(head) ? 'lambda' : BRANCH_HEAD.test(head) ? 'branch' : 'other');
      statement = i + 1;
      continue;
    }
    if (c === '}') {
      stack.pop();
      statement = i + 1;
      continue;
    }
    if (c === ';' || c === ',' || c === '\n') statement = i + 1;
    if (c !== '$' || /[a-z0-9_{]/i.test(text[i - 1] ?? '')) continue;
    ASSIGN.lastIndex = i;
    const match = ASSIGN.exec(text);
    if (match === null || stack.includes('lambda')) continue;
    const name = match[1] as string;
    // A qualified name cannot be assigned (Puppet: only the local scope is assignable).
    if (name.includes('::')) continue;
    const from = ASSIGN.lastIndex;
    const end = valueCode(text, from, close);
    const code = text.slice(from, end).trim();
    const line = index.position(i).line;
    const branch = stack.includes('branch');
    out.push({ name, offset: i, line, value: branch ? null : code === '' ? { type: 'unknown', code } : parsePuppet(code, from + text.slice(from, end).indexOf(code)) });
    i = end - 1;
  }
  return out;
}

/** Where each variable of a manifest's classes and defined types is first assigned, as `owner::name`: a resource before it does not see it. */
export function assignmentOffsets(bodies: PuppetBody[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const body of bodies) for (const a of body.assignments) if (!out.has(`${body.name}::${a.name}`)) out.set(`${body.name}::${a.name}`, a.offset);
  return out;
}

/** Classes nested deeper than this through qualified references are unknown (a cycle ends there too). */
const MAX_CLASS_DEPTH = 16;

/**
 * The values of the class and defined type variables, as `owner::name`,
 * evaluated as Puppet does: in order, a short name being the body's own
 * variable assigned before, else the class's parameter (`outer`: Hiera data,
 * then the default), else a top-scope one; `$other::x` (or `$::other::x`) is
 * class `other`'s parameter or variable. Puppet cannot reassign a variable:
 * a second assignment, like one inside a branch relaygate does not decide
 * (an `if`, a `case`), leaves it unknown. Values that call functions or read
 * facts relaygate does not have are unknown.
 */
export function assignedValues(bodies: PuppetBody[], outer: VariableScope): Map<string, VariableBinding> {
  const result = new Map<string, VariableBinding>();
  const byName = new Map<string, PuppetBody>();
  for (const body of bodies) if (body.kind === 'class' && !byName.has(body.name)) byName.set(body.name, body);
  const done = new Set<PuppetBody>();
  const evaluating = new Set<PuppetBody>();
  const budget = new EvaluationBudget();

  const run = (body: PuppetBody, depth: number): void => {
    if (done.has(body) || evaluating.has(body)) return;
    evaluating.add(body);
    const frame = new Map<string, unknown>();
    const scope: VariableScope = {
      lookup: (name) => {
        if (name.includes('::')) {
          const cut = name.lastIndexOf('::');
          const owner = byName.get(name.slice(0, cut));
          if (owner === body) return frame.has(name.slice(cut + 2)) ? { value: frame.get(name.slice(cut + 2)), origin: null } : outer.lookup(name);
          if (owner !== undefined && owner !== body && owner.assignments.some((a) => a.name === name.slice(cut + 2))) {
            // A class still being evaluated (a cycle) or past the depth bound: its variable is unknown.
            if (depth < MAX_CLASS_DEPTH) run(owner, depth + 1);
            return result.get(name) ?? { value: UNKNOWN, origin: null };
          }
          return outer.lookup(name);
        }
        return outer.lookup(`${body.name}::${name}`) ?? outer.lookup(name);
      },
    };
    const evaluator = new PuppetEvaluator(scope, new Map());
    for (const assignment of body.assignments) {
      const key = `${body.name}::${assignment.name}`;
      let value: unknown = UNKNOWN;
      if (assignment.value !== null && !frame.has(assignment.name)) {
        value = evaluator.evaluate(assignment.value, { locals: [frame], used: new Map(), budget });
      }
      if (containsUnknown(value)) value = UNKNOWN;
      frame.set(assignment.name, value);
      result.set(key, { value, origin: { file: body.file, line: assignment.line } });
    }
    evaluating.delete(body);
    done.add(body);
  };

  for (const body of bodies) run(body, 0);
  return result;
}
